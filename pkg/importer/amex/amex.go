// Package amex reads the ご利用履歴 CSV of American Express Japan.
//
// The header may follow a preamble, so it is searched for. Its columns vary:
// 6 (ご利用日,データ処理日,ご利用内容,金額,海外通貨利用金額,換算レート), 5 without
// 換算レート, 8 with カード会員様名 and 会員番号 # after ご利用内容, and any of them
// with a 追加情報 column whose header may be empty; they are bound by name.
// Files come in CP932 with CRLF, or UTF-8 once re-saved.
//
// 金額 is quoted when it has a comma ("16,746"). Refunds are negative, and so
// is the previous statement's autopay line 前回分口座振替金額, which is a
// payment. ご利用内容 is kept as printed, trailing full-width spaces and all.
package amex

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// issuer is the company as household-account exports name it, so that
// their charges merge with this statement's.
const issuer = "アメリカン・エキスプレス"

// Format is the American Express ご利用履歴 format.
var Format = importer.Format{
	Name:      "amex",
	Issuer:    issuer,
	Title:     "American Express ご利用履歴 (5, 6 and 8 columns, 追加情報, header after a preamble)",
	Encodings: []textenc.Encoding{textenc.CP932, textenc.UTF8},
	Sample:    `ご利用日,データ処理日,ご利用内容,カード会員様名,会員番号 #,金額,海外通貨利用金額,換算レート`,
	Keywords:  []string{"ご利用日", "データ処理日", "ご利用内容", "海外通貨利用金額", "換算レート", "前回分口座振替金額"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are the columns every variant has; データ処理日 is Amex's own.
var required = []string{"ご利用日", "データ処理日", "ご利用内容", "金額"}

// preambleLines bounds the search for the header in Sniff.
const preambleLines = 30

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, preambleLines), required...) >= 0
}

type columns struct{ date, merchant, holder, number, amount, foreign int }

func parse(in *importer.Input) (*statement.Statement, error) {
	rows, h, err := in.HeaderRows(nil, required...)
	if err != nil {
		return nil, err
	}
	cols := columns{
		date:     h.Index("ご利用日"),
		merchant: h.Index("ご利用内容"),
		holder:   h.Index("カード会員様名"),
		number:   h.Index("会員番号 #", "会員番号"),
		amount:   h.Index("金額"),
		foreign:  h.Index("海外通貨利用金額"),
	}
	st := &statement.Statement{}
	for rows.NextRow(h) {
		c, ok := rows.Charge(h, cols.date, cols.merchant, cols.amount)
		if !ok {
			continue
		}
		c.Holder = rows.Field(cols.holder)
		// 会員番号 # is the card's suffix as printed ("-12345"); a family
		// card has its own, so it tells the cards of one file apart.
		c.Card = statement.Card{Issuer: issuer, Number: rows.Field(cols.number)}
		if f := rows.Field(cols.foreign); f != "" {
			amt, cur, ok := ForeignAmount(f)
			if !ok {
				// The yen amount is what counts; losing the charge over its
				// foreign memo would hide it from every rule.
				in.Error(rows.Line, message.NewError("input.foreign-one", message.Args{"text": message.Text(f)}, nil))
			} else {
				c.ForeignAmount, c.ForeignCurrency = amt, cur
			}
		}
		st.Charges = append(st.Charges, c)
	}
	st.Cards = importer.CardsOf(st.Charges)
	in.TotalUnchecked(nil, "total", message.New("input.why.no-total", message.Args{"files": message.Text("amex.co.jp")}))
	return st, rows.Err()
}

// ForeignAmount reads 海外通貨利用金額 as Amex prints it, "20.00 USD", or with
// the currency first, "USD 20.00".
func ForeignAmount(s string) (decimal.Decimal, string, bool) {
	parts := strings.Fields(s) // full-width spaces too
	if len(parts) != 2 {
		return decimal.Decimal{}, "", false
	}
	if amt, cur, ok := importer.ParseForeign(parts[0], parts[1]); ok {
		return amt, cur, true
	}
	return importer.ParseForeign(parts[1], parts[0])
}
