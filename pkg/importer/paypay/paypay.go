// Package paypay reads the ご利用明細 CSV of PayPayカード (and of its
// predecessor Yahoo! JAPANカード).
//
// The file is UTF-8 without a BOM, every field quoted, with a header on the
// first line. The header had 11 columns until about 2025-02; from about
// 2025-03 a 決済方法 column sits after 利用者 and every later column moves one
// place right, and the older Yahoo! JAPANカード layout lacks the last two.
// Columns are therefore bound by header name, never by position.
//
// 利用金額 is the purchase amount, so a 分割 purchase counts once at its full
// amount (its slices are 当月支払金額). Cancellations are rows of their own,
// dated in the same 利用日/キャンセル日 column with a negative amount.
package paypay

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "PayPayカード"

// Format is the PayPayカード ご利用明細 format.
var Format = importer.Format{
	Name:      "paypay",
	Issuer:    issuer,
	Title:     "ご利用明細 (11 columns, 12 with 決済方法 from 2025; also Yahoo! JAPANカード)",
	Encodings: []textenc.Encoding{textenc.UTF8},
	Sample:    `"利用日/キャンセル日","利用店名・商品名","利用者","決済方法","支払区分","利用金額","手数料",…`,
	Keywords:  []string{"利用日/キャンセル日", "利用店名・商品名", "当月支払金額", "当月お支払日"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are the columns the importer reads; 利用日/キャンセル日 is PayPay's
// own name, which keeps 楽天's 利用日,利用店名・商品名 header out.
var required = []string{"利用日/キャンセル日", "利用店名・商品名", "利用金額"}

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
		date:     h.Index("利用日/キャンセル日"),
		merchant: h.Index("利用店名・商品名"),
		holder:   h.Index("利用者"),
		plan:     h.Index("支払区分"),
		amount:   h.Index("利用金額"),
	}
	card := statement.Card{Issuer: issuer}
	st := &statement.Statement{Cards: []statement.Card{card}}
	for rows.NextRow(h) {
		c, ok := rows.Charge(h, cols.date, cols.merchant, cols.amount)
		if !ok {
			continue
		}
		c.Card = card
		// 利用者 is "本人*" or "家族*"; the asterisk is PayPay's mark, not
		// part of who used the card, and other issuers print 本人/家族 bare.
		c.Holder = strings.TrimSuffix(rows.Field(cols.holder), "*")
		if n := importer.ParseInstallments(rows.Field(cols.plan)); n > 1 {
			c.Installments = n
		}
		st.Charges = append(st.Charges, c)
	}
	in.TotalUnchecked(nil, "total", message.New("input.why.no-total", message.Args{"files": message.Text("PayPayカード")}))
	return st, rows.Err()
}
