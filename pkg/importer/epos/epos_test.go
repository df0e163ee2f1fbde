package epos_test

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/epos"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
)

const head = "月別ご利用明細　山田　太郎　様　ご利用期間：2025年1月から2025年1月　株式会社エポスカード,,,,,,,\r\n" +
	"種別（ショッピング、キャッシング、その他）,ご利用年月日,ご利用場所,ご利用内容,ご利用金額（キャッシングでは元金になります）,支払区分,お支払開始月,備考\r\n"

func TestTotalMismatch(t *testing.T) {
	res := importertest.Parse(t, &epos.Format, importertest.CP932(t, head+
		"ショッピング,2025年1月5日,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,－,3480,1回払い,2025年2月,\r\n"+
		"ショッピング,2025年1月9日,ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ,－,1300,1回払い,2025年2月,\r\n"+
		"ショッピング合計,,,,5000,,,\r\n"+ // 5
		"※１　注記,,,,,,,\r\n"))
	importertest.WantErrors(t, res, map[int]error{5: importer.ErrTotal})
	for _, s := range []string{"f.csv:5:", "5000", "4780"} {
		if len(res.Errors) == 1 && !strings.Contains(res.Errors[0].Error(), s) {
			t.Errorf("error %q does not name %s", res.Errors[0], s)
		}
	}
}

// TestGroups checks that ショッピング合計 covers the ショッピング rows only, and
// that a キャッシング row and an installment are read as such.
func TestGroups(t *testing.T) {
	res := importertest.Parse(t, &epos.Format, importertest.CP932(t, head+
		"ショッピング,2025年1月5日,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,－,3480,1回払い,2025年2月,\r\n"+
		"キャッシング,2025年1月6日,セブン銀行,－,10000,1回払い,2025年2月,\r\n"+
		"ショッピング,2025年1月25日,ヨドバシカメラ,－,39600,036回払い　*2,2025年2月,\"１回目　1,930円 ２回目以降　1,100円\"\r\n"+
		"ショッピング合計,,,,43080,,,\r\n"))
	importertest.WantErrors(t, res, nil)
	if cs := res.Statement.Charges; len(cs) != 3 || cs[2].Installments != 36 || cs[2].Amount.String() != "39600" || cs[0].Holder != "山田　太郎" {
		t.Errorf("charges %+v", cs)
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &epos.Format, importertest.CP932(t, head+
		"ショッピング,2025年1月5日,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,－,3480,1回払い,2025年2月,\r\n"+ // 3 ok
		"ショッピング,2025年2月30日,ＢＡＤ　ＤＡＴＥ,－,100,1回払い,2025年2月,\r\n"+ // 4
		"ショッピング,2025年1月6日,ＢＡＤ　ＡＭＯＵＮＴ,－,1O0,1回払い,2025年2月,\r\n"+ // 5
		"ショッピング,2025年1月7日,ＧＩＴＨＵＢ, INC.,－,100,1回払い,2025年2月,\r\n"+ // 6 unquoted comma: one reading
		"ショッピング,2025年1月7日,Ａ,－,100,100,1回払い,2025年2月,\r\n"+ // 7 one field too many: several readings
		"ショッピング,2025年1月8日,ＯＫ,－,200,1回払い,2025年2月,\r\n")) // 8 ok, and no footer after it
	importertest.WantErrors(t, res, map[int]error{4: importer.ErrBadDate, 5: importer.ErrBadAmount, 7: importer.ErrFieldCount, 8: importer.ErrTotal})
	if n := len(res.Statement.Charges); n != 3 || res.Statement.Charges[1].Merchant != "ＧＩＴＨＵＢ, INC." {
		t.Errorf("charges %+v, want 3 with GitHub's", res.Statement.Charges)
	}
	if len(res.Notes) != 1 || res.Notes[0].Line != 6 || res.Notes[0].Action != importer.Repaired {
		t.Errorf("notes %v, want line 6 repaired", res.Notes)
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &epos.Format, "../../../testdata/statements/epos/*.csv")
}
