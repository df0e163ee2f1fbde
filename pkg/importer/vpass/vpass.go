// Package vpass reads the CSV statements of 三井住友カード's Vpass and of the
// cards it processes (Olive, Amazon Mastercard, ゴールドポイントカード・プラス,
// dカード in its Vpass-like form).
//
// The 確定 (closed month) layout has no header row: a card line
// "氏名　様,masked number,card name" starts each card's block, data rows have
// 7 fields (ご利用日, ご利用店名, ご利用金額, 支払区分, 今回回数, お支払い金額, 備考),
// and lines ",,,,,N," carry subtotals and the total of お支払い金額.
package vpass

import (
	"encoding/csv"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "三井住友カード"

// Confirmed is the Vpass 確定 format.
var Confirmed = importer.Format{
	Name:      "vpass",
	Issuer:    issuer,
	Title:     "Vpass 確定明細 (also Olive, Amazon Mastercard, ゴールドポイントカード・プラス, dカード)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "山田　太郎　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,",
	Keywords:  []string{"様,", "-****", "１,１,"},
	Sniff:     sniffConfirmed,
	Parse:     parseConfirmed,
}

// maskedNumber matches a card number as Vpass prints it: groups of digits and
// asterisks, e.g. 4980-00**-****-**** or 0000-0000-0000-0***.
var maskedNumber = regexp.MustCompile(`^[0-9*]{4}-[0-9*]{2,6}-[0-9*]{2,6}(-[0-9*]{2,6})?$`)

// cardLine reports whether fields are a card header line.
func cardLine(f []string) bool {
	if len(f) < 3 || len(f) > 8 {
		return false
	}
	name := strings.TrimRight(f[0], " 　")
	if !strings.HasSuffix(name, "様") || !maskedNumber.MatchString(strings.TrimSpace(f[1])) {
		return false
	}
	for _, x := range f[3:] {
		if strings.TrimSpace(x) != "" {
			return false
		}
	}
	return true
}

func sniffConfirmed(head string) bool {
	for _, l := range importer.HeadLines(head, 5) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		return cardLine(importer.SplitCSVLine(l))
	}
	return false
}

// totalLine reports whether fields are a total or subtotal line: empty
// except for column 6.
func totalLine(f []string) bool {
	if len(f) < 6 {
		return false
	}
	for i, x := range f {
		if (i == 5) == (strings.TrimSpace(x) == "") {
			return false
		}
	}
	return true
}

func parseConfirmed(in *importer.Input) (*statement.Statement, error) {
	rows, err := in.Rows(func(r *csv.Reader) {
		// Fields are never quoted; a stray ASCII quote in a foreign merchant's
		// name is part of the name, not CSV syntax.
		r.LazyQuotes = true
	})
	if err != nil {
		return nil, err
	}
	st := &statement.Statement{}
	var (
		card   statement.Card
		holder string
		inCard bool
		// Totals are of お支払い金額 (column 6). A total line closes the block
		// since the previous one (a card's subtotal) or, if it does not match
		// that, must match everything so far (the grand total).
		block, all     decimal.Decimal
		blockHasCharge bool
		lastTotal      int // charges covered by a total line so far
		lastLine       int
		keys           = map[string]string{}
	)
	for rows.Next() {
		f := rows.Fields
		switch {
		case rows.Empty():
			continue
		case cardLine(f):
			card = statement.Card{Issuer: issuer, Number: strings.TrimSpace(f[1]), Name: strings.TrimSpace(f[2])}
			holder = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(f[0], " 　"), "様"))
			holder = strings.TrimRight(holder, " 　")
			st.Cards = append(st.Cards, card)
			inCard = true
			continue
		case totalLine(f):
			amt, err := importer.ParseAmount(f[5])
			if err != nil {
				in.Error(rows.Line, err)
				continue
			}
			t := statement.ControlTotal{Label: "total line", Amount: amt, Source: in.Source(rows.Line)}
			st.Totals = append(st.Totals, t)
			if blockHasCharge && amt.Equal(block) {
				t.Label = "subtotal line"
			} else {
				in.CheckTotal(t, all)
			}
			block, blockHasCharge = decimal.Decimal{}, false
			lastTotal = len(st.Charges)
			continue
		}
		if len(f) < 6 || len(f) > 8 {
			in.Errorf(rows.Line, importer.ErrFieldCount, "%d fields, want 7 (ご利用日,ご利用店名,ご利用金額,支払区分,今回回数,お支払い金額,備考)", len(f))
			continue
		}
		if !inCard {
			in.Errorf(rows.Line, nil, "charge before the first card line (\"氏名　様,番号,カード名\")")
			continue
		}
		c, pay, ok := parseRow(in, rows, keys)
		if !ok {
			continue
		}
		c.Card, c.Holder = card, holder
		st.Charges = append(st.Charges, c)
		lastLine = rows.Line
		block = block.Add(pay)
		all = all.Add(pay)
		blockHasCharge = true
	}
	// Every Vpass 確定 file ends with its total: without it the file may have
	// been cut short, and nothing checks that no row is missing.
	if n := len(st.Charges) - lastTotal; n > 0 || len(st.Totals) == 0 {
		in.Errorf(max(lastLine, 1), importer.ErrTotal, "no total line (\",,,,,N,\") after the last %d charge(s): the file may be cut short; its charges are counted but unchecked", n)
	}
	return st, rows.Err()
}

// parseRow reads a data row; pay is the お支払い金額 that totals add up.
func parseRow(in *importer.Input, rows *importer.Rows, keys map[string]string) (c statement.Charge, pay decimal.Decimal, ok bool) {
	date, err := importer.ParseDate(rows.Field(0))
	if err != nil {
		in.Error(rows.Line, err)
		return c, pay, false
	}
	merchant := rows.Fields[1]
	if strings.TrimSpace(merchant) == "" {
		in.Errorf(rows.Line, nil, "empty merchant name")
		return c, pay, false
	}
	useField, payField := rows.Field(2), rows.Field(5)
	if payField == "" {
		payField = useField
	}
	if useField == "" {
		// Cashback and discount rows leave ご利用金額 empty.
		useField = payField
	}
	amount, err := importer.ParseAmount(useField)
	if err != nil {
		in.Errorf(rows.Line, nil, "ご利用金額: %w", err)
		return c, pay, false
	}
	pay, err = importer.ParseAmount(payField)
	if err != nil {
		in.Errorf(rows.Line, nil, "お支払い金額: %w", err)
		return c, pay, false
	}
	key, seen := keys[merchant]
	if !seen {
		key = payee.Key(merchant)
		keys[merchant] = key
	}
	c = statement.Charge{
		Date:     date,
		Merchant: merchant,
		Payee:    key,
		Amount:   amount,
		Kind:     kindOf(key, amount),
		Source:   in.Source(rows.Line),
	}
	if n := installments(rows.Field(3)); n > 1 {
		c.Installments = n
	}
	if memo := rows.Field(6); memo != "" {
		if amt, cur, ok := ForeignMemo(memo); ok {
			c.ForeignAmount, c.ForeignCurrency = amt, cur
		}
	}
	return c, pay, true
}

func kindOf(key string, amount decimal.Decimal) statement.Kind {
	switch {
	case strings.Contains(key, "ご入金") || strings.Contains(key, "口座振替"):
		return statement.Payment
	case strings.Contains(key, "利息"):
		return statement.Interest
	case amount.IsNegative():
		return statement.Refund
	case strings.Contains(key, "年会費") || strings.Contains(key, "手数料"):
		return statement.Fee
	}
	return statement.Purchase
}

// installments reads 支払区分: "１" (one payment), or a count of payments.
func installments(s string) int {
	s = importer.Fold(s)
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
		if n > 999 {
			return 0
		}
	}
	return n
}

var foreignMemo = regexp.MustCompile(`^([0-9][0-9,]*(?:\.[0-9]+)?)[ 　]+([A-Z]{3})[ 　]+[0-9.]+`)

// ForeignMemo reads the foreign-use memo in 備考, "20.00　USD　157.500　01 13"
// (amount, currency, rate, conversion date).
func ForeignMemo(memo string) (decimal.Decimal, string, bool) {
	m := foreignMemo.FindStringSubmatch(importer.Fold(memo))
	if m == nil {
		return decimal.Decimal{}, "", false
	}
	amt, err := importer.ParseAmount(m[1])
	if err != nil {
		return decimal.Decimal{}, "", false
	}
	return amt, m[2], true
}
