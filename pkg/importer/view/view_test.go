package view_test

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/view"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func head(total string) string {
	return "会員番号,****-****-****-1234\r\n対象カード,「ビュー・スイカ｣カード\r\nお支払日,2025年02月06日\r\n今回お支払金額," + total + "\r\n\r\n" +
		"ご利用年月日,ご利用箇所,ご利用額,払戻額,ご請求額（うち手数料・利息）,支払区分（回数）,今回回数,今回ご請求額・弁済金（うち手数料・利息）,現地通貨額,通貨略称,換算レート\r\n" +
		"****-****-****-1234 ヤマダ　タロウ\r\n" // 7
}

func TestTotalMismatch(t *testing.T) {
	res := importertest.Parse(t, &view.Format, importertest.CP932(t, head(`"5,000"`)+
		`2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,"3,480",,"3,480",１回払,,"3,480",,   ,`+"\r\n"))
	importertest.WantErrors(t, res, map[int]error{4: importer.ErrTotal})
	for _, s := range []string{"f.csv:4:", "5000", "3480"} {
		if len(res.Errors) == 1 && !strings.Contains(res.Errors[0].Error(), s) {
			t.Errorf("error %q does not name %s", res.Errors[0], s)
		}
	}
}

// TestRefundColumn checks that a 払戻額 row is a negative refund and that
// the control total takes it off, whatever sign 今回ご請求額 has.
func TestRefundColumn(t *testing.T) {
	for _, billed := range []string{`"1,200"`, `"-1,200"`, ``} {
		res := importertest.Parse(t, &view.Format, importertest.CP932(t, head("2280")+
			`2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,"3,480",,"3,480",１回払,,"3,480",,   ,`+"\r\n"+
			`2025/01/18,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,,"1,200","1,200",１回払,,`+billed+`,,   ,`+"\r\n"))
		importertest.WantErrors(t, res, nil)
		if cs := res.Statement.Charges; len(cs) != 2 || cs[1].Amount.String() != "-1200" || cs[1].Kind != statement.Refund {
			t.Errorf("今回ご請求額 %s: charges %+v", billed, cs)
		}
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &view.Format, importertest.CP932(t, head("3480")+
		`2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,"3,480",,"3,480",１回払,,"3,480",,   ,`+"\r\n"+ // 8 ok
		`2025/01/06,ＢＯＴＨ,"1,000","1,000","1,000",１回払,,"1,000",,   ,`+"\r\n"+ // 9 both amounts
		`2025/01/07,ＮＯＮＥ,,,,１回払,,,,   ,`+"\r\n"+ // 10 no amount
		`2025/02/30,ＢＡＤ　ＤＡＴＥ,100,,100,１回払,,100,,   ,`+"\r\n"+ // 11
		`2025/01/08,ＢＡＤ　ＡＭＯＵＮＴ,1O0,,100,１回払,,100,,   ,`+"\r\n"+ // 12
		`2025/01/09,ＳＨＩＦＴＥＤ,3,480,,3480,１回払,,3480,,   ,`+"\r\n"+ // 13 unquoted comma
		`****-****-****-1234`+"\r\n")) // 14 a card-block line without a name is no card line
	importertest.WantErrors(t, res, map[int]error{9: importer.ErrBadAmount, 10: importer.ErrBadAmount, 11: importer.ErrBadDate,
		12: importer.ErrBadAmount, 13: importer.ErrFieldCount, 14: importer.ErrFieldCount})
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &view.Format, "../../../testdata/statements/view/*.csv", "../../../../shared/peer-fixtures/zaim-csv-converter/view_card*.csv")
}

// TestForeign checks that a foreign amount without its currency keeps the
// charge and says so.
func TestForeign(t *testing.T) {
	res := importertest.Parse(t, &view.Format, importertest.CP932(t, head("6300")+
		`2025/01/12,ＥＸＡＭＰＬＥ　ＳＡＡＳ,"3,150",,"3,150",１回払,,"3,150",20.00,ＵＳＤ,157.500`+"\r\n"+ // 8
		`2025/01/13,ＥＸＡＭＰＬＥ　ＳＡＡＳ,"3,150",,"3,150",１回払,,"3,150",20.00,   ,157.500`+"\r\n")) // 9
	importertest.WantErrors(t, res, map[int]error{9: nil})
	cs := res.Statement.Charges
	if len(cs) != 2 || cs[0].ForeignCurrency != "USD" || cs[0].ForeignAmount.String() != "20" || cs[1].ForeignCurrency != "" {
		t.Errorf("charges %+v", cs)
	}
}
