package userformat_test

import (
	"bytes"
	"errors"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
)

func load(t *testing.T, yaml string) *importer.Registry {
	t.Helper()
	cfg, err := config.Parse("c.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return all.Registry(cfg.Formats)
}

func TestHeaderByName(t *testing.T) {
	reg := load(t, `
formats:
  - name: mybank
    issuer: My Bank
    card: My Bank Visa
    header: [取引日, 内容, 金額]
    columns: {date: 取引日, merchant: 内容, amount: 金額, foreign_amount: 外貨, foreign_currency: 通貨}
    date_layout: "2006.01.02"
    sign: charges-negative
`)
	src, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("マイバンク明細\r\n期間,2025年1月\r\n取引日,内容,金額,外貨,通貨\r\n2025.01.05,ＡＭＡＺＯＮ,-3480,,\r\n2025.01.06,返品,1200,,\r\n2025.01.07,NETFLIX,-1490,9.99,usd\r\n2025/01/08,BAD,-1,,\r\n"))
	res := reg.Import("b.csv", bytes.NewReader(src))
	if res.Format == nil || res.Format.Name != "user:mybank" {
		t.Fatalf("format %v, errors %v", res.Format, res.Errors)
	}
	cs := res.Statement.Charges
	if len(cs) != 3 {
		t.Fatalf("%d charges: %+v", len(cs), cs)
	}
	if cs[0].Amount.String() != "3480" || cs[0].Kind != "purchase" || cs[0].Payee != "AMAZON" || cs[0].Source.Line != 4 {
		t.Errorf("first charge %+v", cs[0])
	}
	if cs[1].Amount.String() != "-1200" || cs[1].Kind != "refund" {
		t.Errorf("refund %+v", cs[1])
	}
	if cs[2].ForeignCurrency != "USD" || cs[2].ForeignAmount.String() != "9.99" {
		t.Errorf("foreign %+v", cs[2])
	}
	if cs[0].Card.Label() != "My Bank Visa" {
		t.Errorf("card %q", cs[0].Card.Label())
	}
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrBadDate) {
		t.Errorf("errors %v, want a bad date on line 7", res.Errors)
	}
}

func TestIndexAndSkip(t *testing.T) {
	reg := load(t, `
formats:
  - name: headerless
    match: "^SHOP-EXPORT"
    skip: 1
    encoding: cp932
    columns: {date: 2, merchant: 3, amount: 4}
`)
	src, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("SHOP-EXPORT v1\nx,2025/01/05,ｱﾏｿﾞﾝ,3480\n"))
	res := reg.Import("h.csv", bytes.NewReader(src))
	if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
		t.Fatalf("errors %v", res.Errors)
	}
	if c := res.Statement.Charges[0]; c.Payee != "アマゾン" || c.Date.String() != "2025-01-05" {
		t.Errorf("charge %+v", c)
	}
}

// TestUserFormatWins checks that a user's format takes a file that a
// built-in format also recognises: the user said what the file is.
func TestUserFormatWins(t *testing.T) {
	reg := load(t, `
formats:
  - name: myvpass
    match: "様,"
    columns: {date: 1, merchant: 2, amount: 3}
`)
	src, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("ヤマダ　タロウ　様,4980-00**-****-****,カード,,,,\r\n2025/01/05,X,100,１,１,100,\r\n,,,,,100,\r\n"))
	res := reg.Import("v.csv", bytes.NewReader(src))
	if res.Format == nil || res.Format.Name != "user:myvpass" {
		t.Fatalf("format %v", res.Format)
	}
}

func FuzzParse(f *testing.F) {
	cfg, err := config.Parse("c.yaml", []byte(`
formats:
  - name: fz
    header: [取引日, 内容, 金額]
    columns: {date: 取引日, merchant: 内容, amount: 金額, foreign_amount: 外貨, foreign_currency: 通貨}
`))
	if err != nil {
		f.Fatal(err)
	}
	reg := all.Registry(cfg.Formats)
	f.Add([]byte("取引日,内容,金額,外貨,通貨\n2025/01/05,AMAZON,3480,,\n2025/01/07,NETFLIX,1490,9.99,usd\n"))
	f.Add([]byte("取引日,内容,金額\n\"2025/01/05,X,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		importertest.Check(t, data, reg.Import("f.csv", bytes.NewReader(data)))
	})
}

// TestCardNumbersInUserColumns reproduces issue 10: a user format's card
// column "4980.0012.3456.7890" was printed whole, and a card number in its
// amount column was read as ¥4,111,111,111,111,111.
func TestCardNumbersInUserColumns(t *testing.T) {
	reg := load(t, `
formats:
  - name: mybank
    header: [日付, 内容, 金額, カード]
    columns: {date: 日付, merchant: 内容, amount: 金額, card: カード}
`)
	src := []byte("日付,内容,金額,カード\n2025/01/05,SHOP,3480,4980.0012.3456.7890\n2025/01/06,SHOP,4111111111111111,4980.0012.3456.7890\n")
	res := reg.Import("u.csv", bytes.NewReader(src))
	if res.Statement == nil || len(res.Statement.Charges) != 1 {
		t.Fatalf("charges %v, errors %v", res.Statement, res.Errors)
	}
	if got := res.Statement.Charges[0].Card.Number; got != "****.****.****.7890" {
		t.Errorf("card number %q, want ****.****.****.7890", got)
	}
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrBadAmount) {
		t.Errorf("errors %v, want the 16-digit amount refused", res.Errors)
	}
	importertest.Check(t, src, importer.Result{Statement: res.Statement})
}
