package mufgweb_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/mufgweb"
)

const header = "確定情報,お支払日,ご利用店名（海外ご利用店名／海外都市名）,ご利用日,支払回数,何回目,ご利用金額（円）,現地通貨額・通貨名称・換算レート\r\n"

// TestRows checks each kind of row: charges, the cardholder row, a section
// title, a later part of an installment purchase, and the rows that cannot
// be read, each an error on its line.
func TestRows(t *testing.T) {
	res := importertest.Parse(t, &mufgweb.Format, importertest.CP932(t, header+
		",,【ヤマダ　タロウ　様】,,,,,\r\n"+ // 2
		"確定,2025年4月10日,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,2025年3月14日,　１,,\"3,480\",\r\n"+ // 3
		"未確定,,ＮＨＫ受信料,2025年4月5日,　１,,1100,\r\n"+ // 4: not yet billed, a charge still
		",,ボーナス一括払い,,,,,\r\n"+ // 5
		"確定,2025年4月10日,ヨドバシカメラ,2025年1月12日,　６,　２,\"36,000\",\"6,000\"\r\n"+ // 6
		"済,2025年4月10日,ＳＨＯＰ,2025年3月1日,　１,,100,\r\n"+ // 7: 確定情報 unknown
		",,ＳＨＯＰ,2025年3月1日,　１,,100,\r\n"+ // 8: a charge without 確定情報
		"確定,2025年4月10日,ＳＨＯＰ,2025年3月32日,　１,,100,\r\n")) // 9
	importertest.WantErrors(t, res, map[int]error{7: nil, 8: nil, 9: importer.ErrBadDate})
	cs := res.Statement.Charges
	if len(cs) != 2 || cs[0].Holder != "ヤマダ　タロウ" || cs[0].Amount.String() != "3480" || cs[1].Source.Line != 4 {
		t.Errorf("charges %+v", cs)
	}
	if len(res.Notes) != 2 || res.Notes[0].Line != 5 || res.Notes[1].Line != 6 {
		t.Errorf("notes %v, want lines 5 and 6", res.Notes)
	}
	if len(res.Checks) != 1 || res.Checks[0].Outcome != importer.Unchecked {
		t.Errorf("checks %v", res.Checks)
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &mufgweb.Format, "../../../testdata/statements/mufg-web/*.csv")
}
