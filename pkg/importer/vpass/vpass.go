// Package vpass reads the CSV statements of 三井住友カード's Vpass and of the
// cards it processes (Olive, Amazon Mastercard, ゴールドポイントカード・プラス,
// dカード in its Vpass-like form).
//
// The 確定 (closed month) layout has no header row: a card line
// "氏名　様,masked number,card name" starts each card's block, data rows have
// 7 fields (ご利用日, ご利用店名, ご利用金額, 支払区分, 今回回数, お支払い金額, 備考),
// and lines ",,,,,N," carry subtotals and the total of お支払い金額. dカード
// files have the same layout with an eighth column, and are told apart by the
// card name on the card line: [DCard] reads them, [Confirmed] refuses them.
//
// The 未確定 (before closing) layout is another file altogether; see
// [Preliminary].
package vpass

import (
	"encoding/csv"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "三井住友カード"

// Confirmed is the Vpass 確定 format.
var Confirmed = importer.Format{
	Name:      "vpass",
	Issuer:    issuer,
	Title:     "Vpass 確定明細 (also Olive, Amazon Mastercard, ゴールドポイントカード・プラス)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "山田　太郎　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,",
	Keywords:  []string{"様,", "-****", "１,１,"},
	Sniff:     func(head string) bool { return sniffConfirmed(head, false) },
	Parse:     confirmed{issuer}.parse,
}

// DCard is dカード's statement in the Vpass 確定 layout: the same card lines,
// rows and totals, with an eighth column whose memo names the store
// ("ｄ払いＢ／ケーズデンキ相馬店"). It is told from a Vpass file by its card name.
var DCard = importer.Format{
	Name:      "dcard",
	Issuer:    "NTTドコモ",
	Title:     "dカード ご利用明細 (Vpass-like, 8 columns)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "山田　太郎　様,5302-42**-****-0000,ｄカードＧＯＬＤ",
	Keywords:  []string{"様,", "-****", "ｄカード", "ｄ払い"},
	Sniff:     func(head string) bool { return sniffConfirmed(head, true) },
	Parse:     confirmed{"NTTドコモ"}.parse,
}

// dcardName reports whether a card line's card name is a dカード's:
// "ｄカード", "ｄカードＧＯＬＤ", or the older DCMX, in either width.
func dcardName(name string) bool {
	name = strings.TrimSpace(name)
	for _, p := range []string{"ｄカード", "dカード", "Ｄカード", "Dカード", "ＤＣＭＸ", "DCMX"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
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

// sniffConfirmed recognises the 確定 layout by its first line, a card line;
// dcard says whether the card named there must be a dカード or must not.
func sniffConfirmed(head string, dcard bool) bool {
	for _, l := range importer.HeadLines(head, 5) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		f := importer.SplitCSVLine(l)
		return cardLine(f) && dcardName(f[2]) == dcard
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

// confirmed reads the 確定 layout for the card company issuer.
type confirmed struct{ issuer string }

func (p confirmed) parse(in *importer.Input) (*statement.Statement, error) {
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
		charges importer.ChargeList
		card    statement.Card
		holder  string
		inCard  bool
		// Totals are of お支払い金額 (column 6). A total line closes the block
		// since the previous one (a card's subtotal) or, if it does not match
		// that, must match everything so far (the grand total).
		block, all     statement.Sum
		blockHasCharge bool
		lastTotal      int // charges covered by a total line so far
		lastLine       int
		merchants      importer.Merchants
	)
	charges.Reserve(in.EstimateLines())
	for rows.Next() {
		f := rows.Fields
		switch {
		case rows.Empty():
			continue
		case cardLine(f):
			card = statement.Card{Issuer: p.issuer, Number: strings.TrimSpace(f[1]), Name: strings.TrimSpace(f[2])}
			holder = importer.TrimHonorific(f[0])
			st.Cards = append(st.Cards, card)
			inCard = true
			continue
		case totalLine(f):
			amt, err := importer.ParseAmount(f[5])
			if err != nil {
				in.Error(rows.Line, err)
				continue
			}
			// Labels are set at the end, when it is known which line is last.
			t := statement.ControlTotal{Amount: amt, Source: in.Source(rows.Line)}
			if !blockHasCharge || !amt.Equal(block.Decimal()) {
				// Not its block's subtotal: it must be the total so far.
				in.CheckTotal(statement.ControlTotal{Label: "total line", Amount: amt, Source: t.Source}, all.Decimal())
			}
			st.Totals = append(st.Totals, t)
			block, blockHasCharge = statement.Sum{}, false
			lastTotal = charges.Len()
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
		c, pay, ok := parseRow(in, rows, &merchants)
		if !ok {
			continue
		}
		c.Card, c.Holder = card, holder
		charges.Add(c)
		lastLine = rows.Line
		block.Add(pay)
		all.Add(pay)
		blockHasCharge = true
	}
	st.Charges = charges.Slice()
	for i := range st.Totals {
		st.Totals[i].Label = "subtotal line"
		if i == len(st.Totals)-1 {
			st.Totals[i].Label = "total line"
		}
	}
	// Every Vpass 確定 file ends with its total: without it the file may have
	// been cut short, and nothing checks that no row is missing.
	if n := len(st.Charges) - lastTotal; n > 0 || len(st.Totals) == 0 {
		in.Errorf(max(lastLine, 1), importer.ErrTotal, "no total line (\",,,,,N,\") after the last %d charge(s): the file may be cut short; its charges are counted but unchecked", n)
	}
	return st, rows.Err()
}

// parseRow reads a data row; pay is the お支払い金額 that totals add up.
func parseRow(in *importer.Input, rows *importer.Rows, merchants *importer.Merchants) (c statement.Charge, pay decimal.Decimal, ok bool) {
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
	// A one-time payment's two amounts are the same text: read it once.
	pay = amount
	if payField != useField {
		if pay, err = importer.ParseAmount(payField); err != nil {
			in.Errorf(rows.Line, nil, "お支払い金額: %w", err)
			return c, pay, false
		}
	}
	key, kind := merchants.Kind(merchant, amount)
	c = statement.Charge{
		Date:     date,
		Merchant: merchant,
		Payee:    key,
		Amount:   amount,
		Kind:     kind,
		Source:   in.Source(rows.Line),
	}
	if n := importer.ParseInstallments(rows.Field(3)); n > 1 {
		c.Installments = n
	}
	if memo := rows.Field(6); memo != "" {
		// dカード's 8-column rows keep the store's full name here; it stays a
		// memo and never joins the merchant.
		if amt, cur, ok := ForeignMemo(memo); ok {
			c.ForeignAmount, c.ForeignCurrency = amt, cur
		}
	}
	return c, pay, true
}

// ForeignMemo reads the foreign-use memo in 備考, "20.00　USD　157.500　01 13"
// (amount, currency, rate, conversion date; full-width spaces between).
// It is read by hand rather than by a regular expression: in a large file it
// runs on every foreign row.
func ForeignMemo(memo string) (decimal.Decimal, string, bool) {
	if r, _ := utf8.DecodeRuneInString(memo); !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
		return decimal.Decimal{}, "", false // most memos are empty or a name
	}
	amount, rest := nextWord(memo)
	currency, rest := nextWord(rest)
	rate, _ := nextWord(rest)
	// Folding the words rather than the memo spares an allocation on the
	// usual ASCII digits.
	amount, rate = importer.Fold(amount), importer.Fold(rate)
	if !foreignAmount(amount) || !currencyCode(currency) || rate == "" || strings.Trim(rate, "0123456789.") != "" {
		return decimal.Decimal{}, "", false
	}
	amt, err := importer.ParseAmount(amount)
	if err != nil {
		return decimal.Decimal{}, "", false
	}
	return amt, currency, true
}

// nextWord splits s at its first run of spaces, half-width or full-width.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " 　")
	if i := strings.IndexAny(s, " 　"); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// foreignAmount reports whether s is "20", "1,234" or "20.00".
func foreignAmount(s string) bool {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || whole[0] < '0' || whole[0] > '9' || strings.Trim(whole, "0123456789,") != "" {
		return false
	}
	return !dot || frac != "" && strings.Trim(frac, "0123456789") == ""
}

// currencyCode reports whether s is three capital letters, an ISO 4217 code.
func currencyCode(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}
