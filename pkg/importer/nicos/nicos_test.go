package nicos_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/nicos"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

const header11 = `"利用日","利用者","利用区分","利用内容","新規利用額","今回請求額","支払回数","現地通貨額","通貨略称","換算レート","備考"` + "\r\n"

// TestInstallments checks that a 分割 purchase counts once at 新規利用額, and
// that a later month's slice of an earlier purchase is no charge.
func TestInstallments(t *testing.T) {
	res := importertest.Parse(t, &nicos.Format, importertest.CP932(t, header11+
		`"2025/01/15","本人","国内","ﾋﾞｯｸｶﾒﾗ","59,800","19,934","3","","","","分割"`+"\r\n"+
		`"2024/11/20","本人","国内","ﾉｰﾄﾊﾟｿｺﾝ","","20,000","6","","","","分割"`+"\r\n"+
		`"2024/12/01","本人","国内","ﾃﾞﾝｷﾔ","","5,000","","","","","ボーナス一括"`+"\r\n"+
		`"2025/01/20","本人","国内","ﾘﾝｼﾞﾘﾖｳ","","330","1","","","",""`+"\r\n"))
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	cs := res.Statement.Charges
	if len(cs) != 2 {
		t.Fatalf("%d charges, want the purchase and the row without 新規利用額 that is no slice: %+v", len(cs), cs)
	}
	if cs[0].Amount.String() != "59800" || cs[0].Installments != 3 || cs[0].Kind != statement.Purchase {
		t.Errorf("分割 purchase %+v: want 59800 in 3", cs[0])
	}
	if cs[1].Amount.String() != "330" || cs[1].Installments != 0 {
		t.Errorf("single payment without 新規利用額 %+v: want its 今回請求額 330", cs[1])
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &nicos.Format, importertest.CP932(t, header11+
		`"2025/01/05","本人","国内","ｱﾏｿﾞﾝ","3480","3480","1","","","",""`+"\r\n"+ // 2 ok
		`"2025/1/5x","本人","国内","ｱﾏｿﾞﾝ","3480","3480","1","","","",""`+"\r\n"+ // 3 bad date
		`"2025/01/06","本人","国内","ｱﾏｿﾞﾝ","3,48O","3480","1","","","",""`+"\r\n"+ // 4 bad amount
		`"2025/01/07","本人","国内","ｱﾏｿﾞﾝ","3480","3480","1","","",""`+"\r\n"+ // 5 10 fields
		`"2025/01/08","本人","海外","STEAM","1600","1600","1","10.00","ﾄﾞﾙ","160.00",""`+"\r\n"+ // 6 kept without foreign
		`"2025/01/09","本人","国内","","100","100","1","","","",""`+"\r\n")) // 7 no merchant
	if n := len(res.Statement.Charges); n != 2 {
		t.Errorf("%d charges, want 2 (lines 2 and 6)", n)
	}
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: importer.ErrBadAmount, 5: importer.ErrFieldCount, 6: nil, 7: nil})
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &nicos.Format, "../../../testdata/statements/nicos/*.csv")
}
