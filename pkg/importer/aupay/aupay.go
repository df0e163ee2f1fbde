// Package aupay reads the two CSV exports of au PAY カード.
//
// The billing statement (支払い請求) has 6 columns: ご利用者,支払区分,利用日,
// 利用店名,利用金額,摘要. The recent-usage export (ご利用明細) has 7: an unnamed
// column, then 利用日,利用店舗,利用額（円）,支払い区分,ご利用者,摘要. Both are one
// format: the same card, the same meaning in every column, only the names and
// the order differ, and columns are bound by name anyway. Two formats would
// have to keep out each other's files for nothing, and a charge found in
// both exports must come out identical (same card, payee, amount and kind)
// for merging to count it once.
//
// ご利用者 ("本人(1234)") is kept whole as the holder: the card is named by
// the issuer alone, so that the two exports, which may print ご利用者
// differently, give the same card.
//
// The encoding was never verified (CP932 is likely); both CP932 and UTF-8
// are read.
package aupay

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "au PAY カード"

// Format is the au PAY カード format, for both exports.
var Format = importer.Format{
	Name:      "aupay",
	Issuer:    issuer,
	Title:     "支払い請求 (6 columns) and ご利用明細 (7 columns)",
	Encodings: []textenc.Encoding{textenc.CP932, textenc.UTF8},
	Sample:    "ご利用者,支払区分,利用日,利用店名,利用金額,摘要",
	Keywords:  []string{"ご利用者", "支払区分", "利用店名", "利用金額", "利用店舗", "利用額（円）", "支払い区分", "摘要"},
	Sniff:     sniff,
	Parse:     parse,
}

// The headers of the two exports, by the names of the columns read.
var (
	billing = []string{"ご利用者", "支払区分", "利用日", "利用店名", "利用金額"}
	usage   = []string{"ご利用者", "支払い区分", "利用日", "利用店舗", "利用額（円）"}
	// usageNarrow is usage with the parentheses of 利用額(円) half-width, as
	// a re-saved file may have them.
	usageNarrow = []string{"ご利用者", "支払い区分", "利用日", "利用店舗", "利用額(円)"}
)

func sniff(head string) bool {
	lines := importer.HeadLines(head, 3)
	for _, names := range [][]string{billing, usage, usageNarrow} {
		if importer.FindHeader(lines, names...) >= 0 {
			return true
		}
	}
	return false
}

// isHeader reports whether h is the header of either export.
func isHeader(h importer.Header) bool {
	return h.Has(billing...) || h.Has(usage...) || h.Has(usageNarrow...)
}

func parse(in *importer.Input) (*statement.Statement, error) {
	// ご利用者 and 利用日 find the header of either export; the columns that
	// differ are bound below.
	rows, h, err := in.HeaderRows(nil, "ご利用者", "利用日")
	if err != nil {
		return nil, err
	}
	if !isHeader(h) {
		return nil, importer.AtLineError(rows.Line, "input.aupay.header", message.Args{"billing": message.Text(strings.Join(billing, ",")), "usage": message.Text(strings.Join(usage, ","))})
	}
	var (
		date     = h.Index("利用日")
		merchant = h.Index("利用店名", "利用店舗")
		amount   = h.Index("利用金額", "利用額（円）", "利用額(円)")
		plan     = h.Index("支払区分", "支払い区分")
		holder   = h.Index("ご利用者")
	)
	card := statement.Card{Issuer: issuer}
	st := &statement.Statement{Cards: []statement.Card{card}}
	for rows.NextRow(h) {
		c, ok := rows.Charge(h, date, merchant, amount)
		if !ok {
			continue
		}
		c.Card = card
		c.Holder = rows.Field(holder)
		if n := importer.ParseInstallments(rows.Field(plan)); n > 1 {
			c.Installments = n
		}
		st.Charges = append(st.Charges, c)
	}
	in.TotalUnchecked(nil, "total", message.New("input.why.no-total", message.Args{"files": message.Text("au PAY カード")}))
	return st, rows.Err()
}
