package saison_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/saison"
)

const head = "カード名称,セゾンカードインターナショナル\r\nお支払日,2025/02/04\r\n今回ご請求額,%s\r\n\r\n" +
	"利用日,ご利用店名及び商品名,本人・家族区分,支払区分名称,締前入金区分,利用金額,備考\r\n" +
	",ご利用者名:ヤマダ タロウ         様,,,,,\r\n" // 6

func file(billed, subtotal, total string) string {
	return strings.Replace(head, "%s", billed, 1) +
		"2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,,1回,,3480,\r\n" + // 7
		"2025/01/10,ＮＨＫ受信料,,1回,,1100,\r\n" + // 8
		",【小計】,,,," + subtotal + ",\r\n" + // 9
		",【合計】,,,," + total + ",\r\n" // 10
}

// TestTotals checks each of the three totals: a figure the rows do not add
// up to is an error on its line naming both figures.
func TestTotals(t *testing.T) {
	for _, tt := range []struct {
		name                    string
		billed, subtotal, total string
		line                    int
		figure                  string
	}{
		{"今回ご請求額", "0000009999", "4580", "4580", 3, "9999"},
		{"小計", "0000004580", "4000", "4580", 9, "4000"},
		{"合計", "0000004580", "4580", "5000", 10, "5000"},
	} {
		res := importertest.Parse(t, &saison.Format, importertest.CP932(t, file(tt.billed, tt.subtotal, tt.total)))
		importertest.WantErrors(t, res, map[int]error{tt.line: importer.ErrTotal})
		if len(res.Errors) == 1 {
			msg := res.Errors[0].Error()
			for _, s := range []string{"f.csv:", tt.figure, "4580"} {
				if !strings.Contains(msg, s) {
					t.Errorf("%s: error %q does not name %s", tt.name, msg, s)
				}
			}
		}
		if n := len(res.Statement.Charges); n != 2 {
			t.Errorf("%s: %d charges, want 2", tt.name, n)
		}
	}
}

func TestCutShort(t *testing.T) {
	data := file("0000004580", "4580", "4580")
	data = data[:strings.Index(data, ",【小計】")]
	res := importertest.Parse(t, &saison.Format, importertest.CP932(t, data))
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrTotal) {
		t.Errorf("errors %v, want the missing 【合計】 and nothing else (今回ご請求額 agrees)", res.Errors)
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &saison.Format, importertest.CP932(t, strings.Replace(head, "%s", "0000004580", 1)+
		"2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,,1回,,3480,\r\n"+ // 7 ok
		"2025/01/32,ＢＡＤ　ＤＡＴＥ,,1回,,100,\r\n"+ // 8
		"2025/01/06,ＢＡＤ　ＡＭＯＵＮＴ,,1回,,1O0,\r\n"+ // 9
		"2025/01/07,ＴＯＯ,ＭＡＮＹ,1回,,3,480,\r\n"+ // 10: an unquoted "3,480" shifts the columns
		",ＮＯ　ＤＡＴＥ,,1回,,100,\r\n"+ // 11
		"2025/01/10,ＮＨＫ受信料,,1回,,1100,\r\n"+ // 12 ok
		",【小計】,,,,4580,\r\n,【合計】,,,,4580,\r\n"))
	importertest.WantErrors(t, res, map[int]error{8: importer.ErrBadDate, 9: importer.ErrBadAmount, 10: importer.ErrFieldCount, 11: importer.ErrBadDate})
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &saison.Format, "../../../testdata/statements/saison/*.csv")
}

// TestNoStatedTotal checks that a file without 今回ご請求額 is an error on
// line 1 while its rows still count.
func TestNoStatedTotal(t *testing.T) {
	data := strings.Replace(file("0000004580", "4580", "4580"), "今回ご請求額,0000004580\r\n", "", 1)
	res := importertest.Parse(t, &saison.Format, importertest.CP932(t, data))
	importertest.WantErrors(t, res, map[int]error{1: importer.ErrTotal})
	if n := len(res.Statement.Charges); n != 2 {
		t.Errorf("%d charges, want 2", n)
	}
}
