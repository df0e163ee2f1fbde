package vpass_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/vpass"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestPreliminaryRows(t *testing.T) {
	res := importertest.Parse(t, &vpass.Preliminary, importertest.CP932(t, ""+
		"2025/1/20,ＮＨＫ受信料,ご本人,1回払い,,'25/02,1100,1100,,,,,\r\n"+ // 1 ok
		"2025/1/25,ビックカメラ　有楽町,ご家族,3回払い,,'25/02,60000,20000,,,,,\r\n"+ // 2 ok, 3 payments
		"2025/2/30,ＢＡＤ　ＤＡＴＥ,ご本人,1回払い,,'25/02,100,100,,,,,\r\n"+ // 3 bad date
		"2025/1/21,ＢＡＤ　ＡＭＯＵＮＴ,ご本人,1回払い,,'25/02,1O0,100,,,,,\r\n"+ // 4 bad amount
		"2025/1/21,ＳＨＯＲＴ,ご本人,1回払い,,'25/02,100\r\n"+ // 5 too few fields
		"2025/1/21,ＭＯＶＥＤ,ご本人,1回払い,'25/02,100,100,,,,,,\r\n"+ // 6 支払予定月 out of place
		"2025/1/22,,ご本人,1回払い,,'25/02,100,100,,,,,\r\n"+ // 7 no merchant
		"2025/1/26,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,ご本人,1回払い,,'25/02,-1200,-1200,,,,,\r\n")) // 8 refund
	cs := res.Statement.Charges
	if len(cs) != 3 {
		t.Fatalf("%d charges, want 3: %+v", len(cs), cs)
	}
	if c := cs[1]; c.Amount.String() != "60000" || c.Installments != 3 || c.Holder != "ご家族" || c.Kind != statement.Purchase {
		t.Errorf("installment purchase %+v: want 60000 once, 3 payments, ご家族", c)
	}
	if c := cs[2]; c.Amount.String() != "-1200" || c.Kind != statement.Refund {
		t.Errorf("refund %+v", c)
	}
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: importer.ErrBadAmount, 5: importer.ErrFieldCount, 6: nil, 7: nil})
}

// TestSniffVpassFamily checks that the three Vpass-shaped formats each take
// their own files and only those.
func TestSniffVpassFamily(t *testing.T) {
	formats := []*importer.Format{&vpass.Confirmed, &vpass.Preliminary, &vpass.DCard}
	heads := map[string]string{
		"vpass":             "ヤマダ　タロウ　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,１,１,3480,\r\n",
		"dcard":             "ヤマダ　タロウ　様,5302-42**-****-0000,ｄカードＧＯＬＤ\r\n2025/03/16,ｄ払いＢ／ケーズデンキ,452,１,１,452,ｄ払いＢ／ケーズデンキ相馬店,\r\n",
		"dcard ascii d":     "ヤマダ　タロウ　様,5302-42**-****-0000,dカード,,,,,\r\n",
		"vpass-preliminary": "2025/1/20,ＮＨＫ受信料,ご本人,1回払い,,'25/02,1100,1100,,,,,\r\n",
		"2018 preliminary":  "2018/7/3,東京電力,ご本人,1回払い,,18/8,11402,11402,,,,,\n",
	}
	want := map[string]string{"vpass": "vpass", "dcard": "dcard", "dcard ascii d": "dcard", "vpass-preliminary": "vpass-preliminary", "2018 preliminary": "vpass-preliminary"}
	for name, head := range heads {
		for _, f := range formats {
			if got := f.Sniff(head); got != (f.Name == want[name]) {
				t.Errorf("%s: %s.Sniff = %v", name, f.Name, got)
			}
		}
	}
}

// TestDCardMemo checks that dカード's eighth column, the store's full name,
// stays out of the merchant, and that the issuer is NTTドコモ.
func TestDCardMemo(t *testing.T) {
	res := importertest.Parse(t, &vpass.DCard, importertest.CP932(t, "ヤマダ　タロウ　様,5302-42**-****-0000,ｄカードＧＯＬＤ\r\n"+
		"2025/03/16,ｄ払いＢ／ケーズデンキ,452,１,１,452,ｄ払いＢ／ケーズデンキ相馬店,\r\n,,,,,452,\r\n"))
	if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
		t.Fatalf("errors %v", res.Errors)
	}
	c := res.Statement.Charges[0]
	if c.Merchant != "ｄ払いＢ／ケーズデンキ" || c.Card.Issuer != "NTTドコモ" || c.Card.Name != "ｄカードＧＯＬＤ" {
		t.Errorf("charge %+v", c)
	}
}

func FuzzParsePreliminary(f *testing.F) {
	importertest.Fuzz(f, &vpass.Preliminary, "../../../testdata/statements/vpass-preliminary/*.csv")
}

func FuzzParseDCard(f *testing.F) {
	importertest.Fuzz(f, &vpass.DCard, "../../../testdata/statements/dcard/*.csv")
}
