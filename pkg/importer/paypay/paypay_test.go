package paypay_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/paypay"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

const header12 = `"利用日/キャンセル日","利用店名・商品名","利用者","決済方法","支払区分","利用金額","手数料","支払総額","当月支払金額","翌月以降繰越金額","調整額","当月お支払日"` + "\n"

// TestColumnsByName checks that the 12-column layout is read by name: an
// importer that took 利用金額 by its 11-column position would read 支払区分.
func TestColumnsByName(t *testing.T) {
	res := importertest.Parse(t, &paypay.Format, []byte(header12+
		`"2025/1/14","ヨドバシカメラ","本人*","Apple Pay","3回","59800","1196","60996","20332","40664","0","2025/2/27"`+"\n"))
	if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
		t.Fatalf("errors %v, charges %d", res.Errors, len(res.Statement.Charges))
	}
	c := res.Statement.Charges[0]
	if c.Amount.String() != "59800" || c.Installments != 3 || c.Holder != "本人" || c.Kind != statement.Purchase {
		t.Errorf("charge %+v: want 59800 in 3 installments by 本人", c)
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &paypay.Format, []byte(header12+
		`"2025/1/5","ＡＭＡＺＯＮ．ＣＯ．ＪＰ","本人*","PayPayカード","1回","3480","0","3480","3480","0","0","2025/2/27"`+"\n"+ // 2 ok
		`"2025/2/30","ＢＡＤ","本人*","PayPayカード","1回","100","0","100","100","0","0","2025/2/27"`+"\n"+ // 3 bad date
		`"2025/1/6","ＢＡＤ","本人*","PayPayカード","1回","1OO","0","100","100","0","0","2025/2/27"`+"\n"+ // 4 bad amount
		`"2025/1/7","ＳＨＯＲＴ","本人*","1回","100","0","100","100","0","0","2025/2/27"`+"\n"+ // 5 11 fields under 12
		`"2025/1/8","ＮＨＫ","本人*","PayPayカード","1回","1100","0","1100","1100","0","0","2025/2/27"`+"\n"+ // 6 ok
		`"2025/1/9","ＵＮＴＥＲＭＩＮＡＴＥＤ,"1"`+"\n")) // 7 broken quote
	if n := len(res.Statement.Charges); n != 2 {
		t.Errorf("%d charges, want the 2 good rows", n)
	}
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: importer.ErrBadAmount, 5: importer.ErrFieldCount, 7: nil})
}

func TestNoHeader(t *testing.T) {
	res := importertest.Parse(t, &paypay.Format, []byte(`"2025/1/5","ＡＭＡＺＯＮ．ＣＯ．ＪＰ","本人*","1回","3480"`+"\n"))
	if res.Statement != nil || len(res.Errors) != 1 {
		t.Errorf("statement %v, errors %v; want one file error", res.Statement, res.Errors)
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &paypay.Format, "../../../testdata/statements/paypay/*.csv")
}
