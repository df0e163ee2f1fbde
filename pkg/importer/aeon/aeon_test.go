package aeon_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/aeon"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

const fixture = "../../../testdata/statements/aeon/select_with_plans.csv"

// TestPlans checks the fixture's two tables: the 分割 purchase of the first
// table counts once with its number of payments, and the plan of an earlier
// month's purchase is that purchase, at its date and full amount.
func TestPlans(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	res := importertest.Parse(t, &aeon.Format, data)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	byMerchant := map[string][]statement.Charge{}
	for _, c := range res.Statement.Charges {
		byMerchant[c.Merchant] = append(byMerchant[c.Merchant], c)
	}
	if cs := byMerchant["ケーズデンキ　幕張本店"]; len(cs) != 1 || cs[0].Installments != 3 || cs[0].Amount.String() != "59800" {
		t.Errorf("ケーズデンキ: %+v, want one charge of 59800 in 3", cs)
	}
	if cs := byMerchant["ノジマ　ＮＥＸＴ幕張"]; len(cs) != 1 || cs[0].Installments != 6 || cs[0].Date.String() != "2024-10-20" || cs[0].Amount.String() != "30000" {
		t.Errorf("ノジマ: %+v, want one charge of 30000 on 2024-10-20 in 6", cs)
	}
	// The dateless 会員値引 row reduces the purchase above it.
	if cs := byMerchant["会員値引"]; len(cs) != 1 || cs[0].Kind != statement.Refund || cs[0].Date.String() != "2025-01-08" || cs[0].Reverses.Line != 10 {
		t.Errorf("会員値引: %+v, want a refund of 2025-01-08 reversing line 10", cs)
	}
}

const preamble = "ご利用カード,イオンカードセレクト,,,,,,,\r\n" +
	"今回ご請求金額,4580,,,,,,,\r\n" +
	"お支払い日,2025年 2月 3日,,,,,,,\r\n" +
	"ご利用明細,,,,,,,,\r\n" +
	"ご利用日,利用者区分,ご利用先,支払方法,,,ご利用金額,備考,\r\n"

func TestTotalMismatch(t *testing.T) {
	res := importertest.Parse(t, &aeon.Format, importertest.CP932(t, preamble+
		"250105,本人,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,１回,,,3480,,\r\n"))
	importertest.WantErrors(t, res, map[int]error{2: importer.ErrTotal})
	if msg := res.Errors[0].Error(); !strings.Contains(msg, "f.csv:2") || !strings.Contains(msg, "4580") || !strings.Contains(msg, "3480") {
		t.Errorf("error %q does not name the file, the line and both figures", msg)
	}
	if len(res.Statement.Charges) != 1 {
		t.Errorf("the charge is dropped")
	}
}

func TestNoTotal(t *testing.T) {
	body := strings.Replace(preamble, "今回ご請求金額,4580,,,,,,,\r\n", "", 1) + "250105,本人,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,１回,,,3480,,\r\n"
	res := importertest.Parse(t, &aeon.Format, importertest.CP932(t, body))
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrTotal) || len(res.Statement.Charges) != 1 {
		t.Errorf("errors %v, charges %d; want the charge and one error for the missing total", res.Errors, len(res.Statement.Charges))
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &aeon.Format, importertest.CP932(t, strings.Replace(preamble, "4580", "9980", 1)+
		"250105,本人,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,１回,,,3480,,\r\n"+ // 6 ok
		"250230,本人,ＢＡＤ　ＤＡＴＥ,１回,,,100,,\r\n"+ // 7 bad date
		",本人,ＮＯ　ＤＡＴＥ,１回,,,100,,\r\n"+ // 8 no date and not a discount
		"250106,本人,ＢＡＤ　ＡＭＯＵＮＴ,１回,,,1,1OO,,\r\n"+ // 9 10 fields
		"250107,本人,ＢＡＤ　ＡＭＯＵＮＴ,１回,,,1OO,,\r\n"+ // 10 bad amount
		"250108,家族,ＮＨＫ受信料,１回,,,1100,,\r\n"+ // 11 ok
		"分割・ボーナス払い明細,,,,,,,,\r\n"+
		"ご利用日,ご利用先,支払回数,ご利用金額,実質年率,お支払い総額,今回ご請求金額,内手数料,今回回数\r\n"+
		"250110,ケーズデンキ,３回,15000,0,15000,5400,0,1\r\n"+ // 14 ok: 5400 billed
		"250111,ケーズデンキ,３回,15000,0,15000,,0,1\r\n")) // 15 no 今回ご請求金額
	importertest.WantErrors(t, res, map[int]error{7: importer.ErrBadDate, 8: importer.ErrBadDate, 9: importer.ErrFieldCount, 10: importer.ErrBadAmount, 15: importer.ErrBadAmount})
	if n := len(res.Statement.Charges); n != 3 {
		t.Errorf("%d charges, want 3", n)
	}
}

// TestCutShort checks that a file that lost its last rows, at any line,
// does not read as complete: the bill no longer adds up.
func TestCutShort(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	const header = 8 // the first table's header line
	for keep := header; keep < len(lines)-1; keep++ {
		res := importertest.Parse(t, &aeon.Format, bytes.Join(lines[:keep], nil))
		found := false
		for _, err := range res.Errors {
			found = found || errors.Is(err, importer.ErrTotal)
		}
		if !found {
			t.Errorf("cut after line %d: no total mismatch (errors %v)", keep, res.Errors)
		}
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &aeon.Format, "../../../testdata/statements/aeon/*.csv")
}
