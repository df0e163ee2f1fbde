package jcb_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/jcb"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func summary(total string) string {
	return `"","","今回のお支払日","2025/02/10"` + "\r\n" +
		`"","","今回のお支払金額合計(￥)","` + total + `"` + "\r\n" +
		`"",""," うち国内ご利用金額合計(￥)","` + total + `"` + "\r\n" +
		`"",""," うち海外ご利用金額合計(￥)","0"` + "\r\n" +
		`"【ご利用明細】"` + "\r\n" +
		`"ご利用者","カテゴリ","ご利用日","ご利用先など","ご利用金額(￥)","支払区分","今回回数","訂正サイン","お支払い金額(￥)","国内／海外","摘要","備考"` + "\r\n"
}

func row(date, merchant, amount, sign, pay string) string {
	return `"****-****-****-1234　ＪＣＢ","≪ショッピング取組（国内）≫","` + date + `","` + merchant + `","` + amount + `","１回","","` + sign + `","` + pay + `","国内","",""` + "\r\n"
}

// TestTotalMismatch checks that a summary total the rows do not add up to
// is an error naming the file, the line and both figures.
func TestTotalMismatch(t *testing.T) {
	res := importertest.Parse(t, &jcb.Format, importertest.CP932(t, summary("5000")+
		row("2024/12/01", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "1300", "", "1300")+
		row("2024/12/03", "ＮＨＫ受信料", "1100", "", "1100")))
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrTotal) {
		t.Fatalf("errors %v, want one total mismatch", res.Errors)
	}
	for _, s := range []string{"f.csv:2:", "5000", "2400"} {
		if !strings.Contains(res.Errors[0].Error(), s) {
			t.Errorf("error %q does not name %s", res.Errors[0], s)
		}
	}
	if len(res.Statement.Charges) != 2 {
		t.Errorf("charges dropped: %d", len(res.Statement.Charges))
	}
}

// TestCancellation checks that a 取消 row is a refund linked to the purchase
// it repeats, and that the ご返金額 row after it is no second refund.
func TestCancellation(t *testing.T) {
	res := importertest.Parse(t, &jcb.Format, importertest.CP932(t, summary("1300")+
		row("2024/12/01", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "1300", "", "1300")+ // 7
		row("2024/11/20", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "2000", "", "2000")+ // 8
		row("2024/11/20", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "-2000", "取消", "")+ // 9
		row("", "お支払済分　ご返金額", "", "", "-2000"))) // 10
	importertest.WantErrors(t, res, nil)
	cs := res.Statement.Charges
	if len(cs) != 3 {
		t.Fatalf("%d charges, want 3 (the ご返金額 row is none): %+v", len(cs), cs)
	}
	if len(res.Notes) != 1 || res.Notes[0].Line != 10 || res.Notes[0].Action != importer.Attached || res.Notes[0].For != 9 {
		t.Errorf("notes %v, want line 10 attached to the cancellation on line 9", res.Notes)
	}
	if c := cs[2]; c.Kind != statement.Refund || c.Amount.String() != "-2000" || c.Reverses.Line != 8 {
		t.Errorf("cancellation %+v: want a refund of -2000 reversing line 8", c)
	}
}

// TestCancellationSameMonth (issue 9): a 取消 row with an empty お支払い金額
// and no ご返金額 row after it cancels a purchase of this same statement; it
// counts toward the total at its ご利用金額, wherever it stands.
func TestCancellationSameMonth(t *testing.T) {
	for name, rows := range map[string]string{
		"before a row": row("2024/11/20", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "2000", "", "2000") +
			row("2024/11/20", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "-2000", "取消", "") +
			row("2024/12/01", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "1300", "", "1300"),
		"at the end": row("2024/12/01", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "1300", "", "1300") +
			row("2024/11/20", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "2000", "", "2000") +
			row("2024/11/20", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "2000", "取消", ""),
	} {
		t.Run(name, func(t *testing.T) {
			res := importertest.Parse(t, &jcb.Format, importertest.CP932(t, summary("1300")+rows))
			importertest.WantErrors(t, res, nil)
			if len(res.Checks) != 1 || res.Checks[0].Outcome != importer.Matched {
				t.Errorf("checks %v, want the total matched", res.Checks)
			}
			var refunds int
			for _, c := range res.Statement.Charges {
				if c.Kind == statement.Refund && c.Amount.String() == "-2000" && c.Reverses.Line > 0 {
					refunds++
				}
			}
			if refunds != 1 {
				t.Errorf("charges %+v: want one refund of -2000 reversing the purchase", res.Statement.Charges)
			}
		})
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &jcb.Format, importertest.CP932(t, summary("1300")+
		row("2024/12/01", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "1300", "", "1300")+ // 7 ok
		row("2024/12/32", "ＢＡＤ　ＤＡＴＥ", "100", "", "100")+ // 8
		row("2024/13", "ＢＡＤ　ＭＯＮＴＨ", "100", "", "100")+ // 9
		row("2024/12/02", "ＢＡＤ　ＡＭＯＵＮＴ", "1OO", "", "100")+ // 10
		row("2024/12/02", "ＮＯ　ＡＭＯＵＮＴ", "", "", "")+ // 11
		`"****-****-****-1234　ＪＣＢ","2024/12/02","ＳＨＯＲＴ","100"`+"\r\n")) // 12
	importertest.WantErrors(t, res, map[int]error{8: importer.ErrBadDate, 9: importer.ErrBadDate,
		10: importer.ErrBadAmount, 11: importer.ErrBadAmount, 12: importer.ErrFieldCount})
	if n := len(res.Statement.Charges); n != 1 {
		t.Errorf("%d charges, want 1", n)
	}
}

// TestNoPaymentDate checks that a row without a date is an error, not a
// charge dated 1970, when the summary has no payment date to give it.
func TestNoPaymentDate(t *testing.T) {
	data := strings.Replace(summary("110"), `"","","今回のお支払日","2025/02/10"`, `"","","今回のお支払日",""`, 1) +
		row("", "コンビニ用紙料", "110", "", "110")
	res := importertest.Parse(t, &jcb.Format, importertest.CP932(t, data))
	importertest.WantErrors(t, res, map[int]error{1: nil, 2: importer.ErrTotal, 7: importer.ErrBadDate})
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &jcb.Format, "../../../testdata/statements/jcb/*.csv")
}
