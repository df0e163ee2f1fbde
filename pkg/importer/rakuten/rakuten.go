// Package rakuten reads 楽天カード's e-NAVI ご利用明細 CSV.
//
// The file is UTF-8 with a byte order mark, every field quoted, with a header
// on the first line and no total. The header has 10, 11 or 12 columns, and
// some of their names carry the month of the statement ("10月支払金額",
// "11月繰越残高"), so columns are bound by name, by prefix or by suffix, never
// by position. Rows are read with encoding/csv through [importer.Input.Rows]
// rather than unmarshalled into a struct with gocsv: the file mixes three
// kinds of row under one header (charges, a "■ご利用キャンセルなど" section
// line, 現地利用額 lines that belong to the row above), and each needs its
// line number for errors, which a struct decoder does not give.
//
// Rows after the ■ご利用キャンセルなど line are cancellations and refunds,
// printed with positive amounts; they are read as negative refunds. A line with
// no 利用日 whose text is "現地利用額 ５．０００ 変換レート １６１．０００円"
// (full-width digits) carries the foreign amount of the charge above it.
package rakuten

import (
	"regexp"
	"strings"

	"golang.org/x/text/width"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "楽天カード"

// Format is the 楽天カード e-NAVI ご利用明細 format.
var Format = importer.Format{
	Name:      "rakuten",
	Issuer:    issuer,
	Title:     "e-NAVI ご利用明細 (10, 11 and 12 columns, cancellation section, 現地利用額 lines)",
	Encodings: []textenc.Encoding{textenc.UTF8BOM},
	Sample:    `"利用日","利用店名・商品名","利用者","支払方法","利用金額","手数料/利息","支払総額","2月支払金額",…`,
	Keywords:  []string{"利用店名・商品名", "支払方法", "支払総額", "新規サイン", "■ご利用キャンセルなど", "現地利用額"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are header names every variant has under these exact names.
// 利用日 and 支払方法 keep PayPay's "利用日/キャンセル日" and 支払区分 out.
var required = []string{"利用日", "利用者", "支払方法", "利用金額", "支払総額"}

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, 3), required...) >= 0
}

type columns struct{ date, merchant, holder, plan, amount int }

func parse(in *importer.Input) (*statement.Statement, error) {
	rows, h, err := in.HeaderRows(nil, required...)
	if err != nil {
		return nil, err
	}
	cols := columns{
		date:     h.Index("利用日"),
		merchant: h.IndexPrefix("利用店名"), // 利用店名・商品名
		holder:   h.Index("利用者"),
		plan:     h.Index("支払方法"),
		amount:   h.Index("利用金額"),
	}
	if cols.merchant < 0 {
		return nil, importer.NoColumnError("利用店名・商品名", "")
	}
	card := statement.Card{Issuer: issuer}
	st := &statement.Statement{Cards: []statement.Card{card}}
	var (
		charges  = in.NewCharges()
		cancels  []int // indexes of the cancellation section's charges
		inCancel bool
		// last is the charge a 現地利用額 line belongs to: the one on the
		// line before (blank lines aside), or nil.
		last *statement.Charge
	)
	for rows.Next() {
		if rows.Empty() {
			continue // blank lines come mid-file, before the section line
		}
		first := rows.Field(0)
		switch {
		case strings.HasPrefix(first, "■"):
			inCancel = strings.Contains(first, "キャンセル")
			last = nil
			continue
		case first == "利用日" && importer.NewHeader(rows.Fields).Has(required...):
			last = nil
			continue // the header again, as a section may repeat it
		}
		if err := h.Fits(rows.Fields); err != nil {
			in.Error(rows.Line, err)
			last = nil
			continue
		}
		if rows.Field(cols.date) == "" {
			supplement(in, rows, cols, last)
			last = nil
			continue
		}
		c, ok := rows.Charge(h, cols.date, cols.merchant, cols.amount)
		if !ok {
			last = nil
			continue
		}
		if inCancel {
			// The section prints what was cancelled as it was charged,
			// positive; in cardcheck's convention it is money back.
			c.Amount = c.Amount.Abs().Neg()
			c.Kind = statement.Refund
			cancels = append(cancels, len(charges))
		}
		c.Card = card
		c.Holder = rows.Field(cols.holder)
		// 利用金額 is the whole purchase, so a 分割 or リボ purchase counts
		// once; its monthly slices are in the other amount columns.
		if n := importer.ParseInstallments(rows.Field(cols.plan)); n > 1 {
			c.Installments = n
		}
		charges = append(charges, c)
		last = &charges[len(charges)-1] // valid until the next append, which resets last
	}
	st.Charges = importer.Trimmed(charges)
	importer.LinkReversals(st.Charges, cancels)
	in.TotalUnchecked(nil, "total", message.New("input.why.no-total", message.Args{"files": message.Text("楽天 e-NAVI")}))
	return st, rows.Err()
}

// localAmount matches a 現地利用額 line once folded to ASCII: the amount in
// the currency of the country of use, sometimes followed by the currency code
// ("9.99USD"), then the conversion rate, which cardcheck does not keep.
var localAmount = regexp.MustCompile(`^現地利用額 *([0-9][0-9,]*(?:\.[0-9]+)?) *([A-Z]{3})? *変換レート *[0-9]`)

// foldLetters turns full-width capital letters into ASCII: the line may spell
// the currency "ＵＳＤ". [importer.Fold] leaves letters alone.
func foldLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'Ａ' && r <= 'Ｚ' {
			return 'A' + r - 'Ａ'
		}
		return r
	}, s)
}

// supplement reads a row with no 利用日. 楽天 writes two kinds: 現地利用額
// lines, which add the foreign amount to the charge above, and after an
// ＥＴＣカード売上 charge a line with only the route in its merchant column
// ("ﾋｶﾞｼｵｳｲﾁ   ﾜﾝﾋｶﾞｼｱｸｱ"), which says where the toll was and is noted. Any
// other is reported, since it may be a charge whose date was lost.
func supplement(in *importer.Input, rows *importer.Rows, cols columns, last *statement.Charge) {
	text := rows.Field(cols.merchant)
	if last != nil && etc(last.Merchant) && onlyMerchant(rows, cols.merchant) {
		in.Note(rows.Line, importer.Skipped, message.New("input.note.etc", message.Args{"text": message.Text(importer.Quote(strings.Join(strings.Fields(text), " ")))}), last.Source.Line)
		return
	}
	m := localAmount.FindStringSubmatch(foldLetters(importer.Fold(text)))
	switch {
	case m == nil && strings.Contains(text, "現地利用額"):
		in.Error(rows.Line, importer.ReasonError(importer.ErrBadAmount, "input.local.unread", message.Args{"text": message.Text(text)}))
		return
	case m == nil:
		in.Error(rows.Line, importer.NoDateError("利用日", text))
		return
	case last == nil:
		in.Error(rows.Line, importer.ReasonError(nil, "input.local.orphan", nil))
		return
	}
	amount, err := importer.ParseAmount(m[1])
	if err != nil {
		in.Errorf(rows.Line, nil, "現地利用額: %w", err)
		return
	}
	currency := m[2]
	if currency == "" {
		currency = countryCurrency(last.Merchant)
	}
	last.ForeignAmount, last.ForeignCurrency = amount, currency
	if last.Amount.IsNegative() {
		last.ForeignAmount = amount.Abs().Neg() // a cancelled foreign charge
	}
	in.Note(rows.Line, importer.Attached, message.New("input.note.local-amount", nil), last.Source.Line)
}

// etc reports whether a merchant is an ETC card's toll, "ＥＴＣカード売上".
func etc(merchant string) bool {
	return strings.Contains(strings.ToUpper(width.Fold.String(merchant)), "ETC")
}

// onlyMerchant reports whether the current row has nothing but its merchant
// column.
func onlyMerchant(rows *importer.Rows, merchant int) bool {
	for i := range rows.Fields {
		if i != merchant && rows.Field(i) != "" {
			return false
		}
	}
	return true
}

// countryCurrency returns the currency of the country a merchant name ends
// with ("STEAMGAMES.COM 42595利用国USA"), or "" when it names none this table
// knows. 現地利用額 is in the currency of the country of use, which a line
// without a currency code leaves to be read from there. Countries that use
// more than one currency day to day are left out.
func countryCurrency(merchant string) string {
	_, country, ok := strings.Cut(importer.Fold(merchant), "利用国")
	if !ok {
		return ""
	}
	return currencyOf[strings.TrimSpace(country)]
}

var currencyOf = map[string]string{
	"USA": "USD", "US": "USD", "GBR": "GBP", "GB": "GBP", "CAN": "CAD", "AUS": "AUD", "NZL": "NZD",
	"CHE": "CHF", "SGP": "SGD", "HKG": "HKD", "KOR": "KRW", "TWN": "TWD", "CHN": "CNY", "THA": "THB",
	"PHL": "PHP", "VNM": "VND", "MYS": "MYR", "IDN": "IDR", "IND": "INR", "SWE": "SEK", "NOR": "NOK",
	"DNK": "DKK", "DEU": "EUR", "FRA": "EUR", "ITA": "EUR", "ESP": "EUR", "NLD": "EUR", "IRL": "EUR",
	"BEL": "EUR", "AUT": "EUR", "FIN": "EUR", "PRT": "EUR", "LUX": "EUR", "GRC": "EUR",
}
