package importer_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/userformat"
	"github.com/cardcheck/cardcheck/pkg/importer/vpass"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// TestCardNumbersMaskedAfterFolding reproduces issue 10: a card number in a
// merchant, split by characters that folding removes or that a reader skips
// (zero-width spaces, TAB, NBSP, doubled spaces, " - ", ".", "/", "_") or
// written in digits that fold to ASCII (circled, mathematical, superscript),
// reached the payee key as a bare number and stayed readable in the merchant.
// Neither may hold more than its last four digits.
func TestCardNumbersMaskedAfterFolding(t *testing.T) {
	for _, merchant := range []string{
		"4111\u200b1111\u200b1111\u200b1112 SHOP",
		"4111\t1111\t1111\t1112 SHOP",
		"4111\u00a01111\u00a01111\u00a01112 SHOP",
		"4111  1111  1111  1112 SHOP",
		"4111 - 1111 - 1111 - 1112 SHOP",
		"4111.1111.1111.1112 SHOP",
		"4111/1111/1111/1112 SHOP",
		"4111_1111_1111_1112 SHOP",
		"④①①①①①①①①①①①①①①② SHOP",
		"𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟐 SHOP",
		"⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹² SHOP",
	} {
		t.Run(merchant, func(t *testing.T) {
			// Most of these characters have no CP932 form: the file is
			// UTF-8, which Vpass's layout is read in as well.
			res := importertest.Parse(t, &vpass.Confirmed, []byte("ヤマダ　タロウ　様,4980-00**-****-****,カード,,,,\r\n2025/01/05,"+merchant+",100,１,１,100,\r\n,,,,,100,\r\n"))
			if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
				t.Fatalf("errors %v", res.Errors)
			}
			c := res.Statement.Charges[0]
			for _, s := range []string{c.Merchant, c.Payee} {
				if digits := strings.Count(foldDigits(s), "1"); digits > 3 {
					t.Errorf("%q keeps %d ones of the number", s, digits)
				}
			}
		})
	}
}

// foldDigits turns the digit forms of the test into ASCII.
func foldDigits(s string) string {
	return strings.NewReplacer("①", "1", "𝟏", "1", "¹", "1").Replace(s)
}

// TestErrorMessagesMasked reproduces issue 10: `scan --json` printed the
// message of a row error (ParseError.Err) unmasked.
func TestErrorMessagesMasked(t *testing.T) {
	res := importertest.Parse(t, &vpass.Confirmed, importertest.CP932(t,
		"ヤマダ　タロウ　様,4980-00**-****-****,カード,,,,\r\n"+
			"4111111111111111,ＳＨＯＰ,100,１,１,100,\r\n"+ // a card number as the date
			"2025/01/05,ＳＨＯＰ,4111111111111111,１,１,4111111111111111,\r\n"+ // and as the amount
			",,,,,0,\r\n"))
	if len(res.Errors) != 2 {
		t.Fatalf("errors %v, want the two rows", res.Errors)
	}
	for _, err := range res.Errors {
		msg := report.ErrorJSON(err).Message
		if strings.Contains(msg, "4111111111111111") || !strings.Contains(msg, "1111") {
			t.Errorf("JSON message %q: not masked to the last four digits", msg)
		}
		if !errors.Is(err, importer.ErrBadDate) && !errors.Is(err, importer.ErrBadAmount) {
			t.Errorf("error %v lost its cause", err)
		}
	}
}

// TestCardLabelMasked reproduces issue 10: a user-format card column
// "4980.0012.3456.7890" was printed whole. Every format's card passes the
// same boundary; a Vpass card line shows it.
func TestCardLabelMasked(t *testing.T) {
	r := &importer.Registry{}
	r.Register(vpass.Confirmed)
	res := r.Import("c.csv", bytes.NewReader(importertest.CP932(t, "ヤマダ　タロウ　様,4980-0012-3456-7890,カード,,,,\r\n2025/01/05,ＳＨＯＰ,100,１,１,100,\r\n,,,,,100,\r\n")))
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if got := res.Statement.Charges[0].Card.Label(); got != "カード ****-****-****-7890" {
		t.Errorf("label %q, want カード ****-****-****-7890", got)
	}
}

var userFormat = userformat.Spec{Name: "u", Match: ".", Columns: userformat.Columns{
	Date: "1", Merchant: "2", Amount: "3", Holder: "2", Card: "7", ForeignAmount: "6", ForeignCurrency: "2"}}.Format()

// FuzzNoCardNumberLeaves (issue 10): whatever text a stranger puts in a
// merchant, a holder's name or a card column, no field of the result (charge,
// card, note, error) holds 13 digits in a row once folded as payee keys are
// (importertest.Check tests every one).
func FuzzNoCardNumberLeaves(f *testing.F) {
	f.Add("4111\u200b1111\u200b1111\u200b1112 SHOP", "ヤマダ　タロウ　様", "4980-00**-****-****", "100")
	f.Add("SHOP", "4111 1111 1111 1111", "4111.1111.1111.1111", "4111111111111111")
	f.Add("④①①①①①①①①①①①①①①②", "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟐", "⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹²", "1,100")
	f.Fuzz(func(t *testing.T, merchant, holder, card, amount string) {
		clean := strings.NewReplacer("\r", " ", "\n", " ").Replace
		merchant, holder, card, amount = clean(merchant), clean(holder), clean(card), clean(amount)
		data := []byte(holder + "," + card + ",カード,,,,\r\n" +
			"2025/01/05," + merchant + "," + amount + ",１,１," + amount + "," + merchant + "\r\n" +
			"," + merchant + ",,,," + amount + ",\r\n" +
			",,,,," + amount + ",\r\n")
		text, err := textenc.OpenBytes(data)
		if err != nil {
			return
		}
		importertest.Check(t, data, importer.ParseWith(&vpass.Confirmed, "f.csv", text))
		// A user-defined format reads the same lines column by column,
		// the card and holder columns included.
		importertest.Check(t, data, importer.ParseWith(&userFormat, "f.csv", text))
	})
}
