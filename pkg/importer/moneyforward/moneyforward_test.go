package moneyforward_test

import (
	"os"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/moneyforward"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// TestFixture checks what the golden file does not show: each line's ID
// becomes its Ref.
func TestFixture(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/statements/moneyforward/income_expense_detail.csv")
	if err != nil {
		t.Fatal(err)
	}
	res := importertest.Parse(t, &moneyforward.Format, data)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	var got []string
	for _, c := range res.Statement.Charges {
		got = append(got, c.Ref)
	}
	want := "a1b2c3d4e5 f6g7h8i9j0 k1l2m3n4o5 p6q7r8s9t0 u1v2w3x4y5 z6a7b8c9d0 e1f2g3h4i5 j6k7l8m9n0 o1p2q3r4s5"
	if strings.Join(got, " ") != want {
		t.Errorf("refs %q, want %q", got, want)
	}
}

const header = `"計算対象","日付","内容","金額（円）","保有金融機関","大項目","中項目","メモ","振替","ID"` + "\r\n"

// TestSigns checks the sign and kind of each sort of line.
func TestSigns(t *testing.T) {
	res := importertest.Parse(t, &moneyforward.Format, importertest.CP932(t, header+
		`"1","2025/01/05","ＡＭＡＺＯＮ","-3480","楽天カード","日用品","日用品","","0","1"`+"\r\n"+
		`"1","2025/01/06","ＡＭＡＺＯＮ","3480","楽天カード","日用品","日用品","","0","2"`+"\r\n"+
		`"1","2025/01/07","楽天カード引落","-25000","銀行","未分類","未分類","","1","3"`+"\r\n"+
		`"0","2025/01/08","立替","-500","楽天カード","未分類","未分類","","0","4"`+"\r\n"))
	want := []struct {
		amount string
		kind   statement.Kind
	}{{"3480", statement.Purchase}, {"-3480", statement.Refund}, {"25000", statement.Transfer}, {"500", statement.Transfer}}
	cs := res.Statement.Charges
	if len(res.Errors) > 0 || len(cs) != len(want) {
		t.Fatalf("errors %v, charges %+v", res.Errors, cs)
	}
	for i, w := range want {
		if cs[i].Amount.String() != w.amount || cs[i].Kind != w.kind {
			t.Errorf("line %d: %s %s, want %s %s", cs[i].Source.Line, cs[i].Amount, cs[i].Kind, w.amount, w.kind)
		}
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &moneyforward.Format, importertest.CP932(t, header+
		`"1","2025/01/05","ＡＭＡＺＯＮ","-3480","楽天カード","日用品","日用品","","0","1"`+"\r\n"+ // 2 ok
		`"1","06/10(水)","ＡＭＡＺＯＮ","-3480","楽天カード","日用品","日用品","","0","2"`+"\r\n"+ // 3 no year
		`"1","2025/01/06","ＡＭＡＺＯＮ","-3,48O","楽天カード","日用品","日用品","","0","3"`+"\r\n"+ // 4 bad amount
		`"2","2025/01/07","ＡＭＡＺＯＮ","-100","楽天カード","日用品","日用品","","0","4"`+"\r\n"+ // 5 bad flag
		`"1","2025/01/08","ＡＭＡＺＯＮ","-100","楽天カード","日用品","日用品","","0"`+"\r\n"+ // 6 9 fields
		`"1","2025/01/09","複数行の
メモ","-100","楽天カード","日用品","日用品","","0","5"`+"\r\n"+ // 7-8 ok
		`"1","2025/01/10","","-100","楽天カード","","","","0","6"`+"\r\n")) // 9 nothing names it
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: importer.ErrBadAmount, 5: nil, 6: importer.ErrFieldCount, 9: nil})
	if cs := res.Statement.Charges; len(cs) != 2 || cs[1].Source.Line != 7 {
		t.Errorf("charges %+v, want 2, the second on line 7", cs)
	}
	for _, err := range res.Errors {
		if strings.Contains(err.Error(), "f.csv:3:") && !strings.Contains(err.Error(), "year") {
			t.Errorf("the yearless date's error %q does not say why", err)
		}
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &moneyforward.Format, "../../../testdata/statements/moneyforward/*.csv")
}
