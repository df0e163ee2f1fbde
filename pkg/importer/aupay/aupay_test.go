package aupay_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/aupay"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
)

// TestBothExports checks that one charge reads the same from both exports,
// so that merging counts it once, and that either can be UTF-8.
func TestBothExports(t *testing.T) {
	billing := importertest.Parse(t, &aupay.Format, importertest.CP932(t,
		"ご利用者,支払区分,利用日,利用店名,利用金額,摘要\r\n"+
			"本人(1234),分割払い(3回),2025/01/15,ヨドバシカメラ,45000,\r\n"))
	usage := importertest.Parse(t, &aupay.Format, []byte(
		",利用日,利用店舗,利用額(円),支払い区分,ご利用者,摘要\n"+
			",2025/01/15,ヨドバシカメラ,45000,分割払い(3回),本人,\n"))
	for _, res := range []importer.Result{billing, usage} {
		if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
			t.Fatalf("errors %v, charges %+v", res.Errors, res.Statement.Charges)
		}
	}
	b, u := billing.Statement.Charges[0], usage.Statement.Charges[0]
	if b.Card != u.Card || b.Date != u.Date || b.Payee != u.Payee || !b.Amount.Equal(u.Amount) || b.Kind != u.Kind {
		t.Errorf("the exports differ:\n%+v\n%+v", b, u)
	}
	if b.Installments != 3 || u.Installments != 3 || b.Holder != "本人(1234)" {
		t.Errorf("installments %d and %d, holder %q", b.Installments, u.Installments, b.Holder)
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &aupay.Format, importertest.CP932(t,
		"ご利用者,支払区分,利用日,利用店名,利用金額,摘要\r\n"+
			"本人(1234),通常払い,2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,\r\n"+ // 2 ok
			"本人(1234),通常払い,2025/00/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,\r\n"+ // 3 bad date
			"本人(1234),通常払い,2025/01/06,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3,480,\r\n"+ // 4 7 fields
			"本人(1234),通常払い,2025/01/07,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,三千,\r\n"+ // 5 bad amount
			"本人(1234),通常払い,2025/01/08,,100,\r\n"+ // 6 no merchant
			"本人(1234),通常払い,2025/01/09,ＮＨＫ受信料,1100,\r\n")) // 7 ok
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: importer.ErrFieldCount, 5: importer.ErrBadAmount, 6: nil})
	if n := len(res.Statement.Charges); n != 2 {
		t.Errorf("%d charges, want 2", n)
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &aupay.Format, "../../../testdata/statements/aupay/*.csv")
}
