// Package nicos reads the ご利用明細 CSV of 三菱UFJニコス (MUFGカード, DCカード,
// NICOSカード).
//
// The file is CP932 with every field quoted (some re-saved copies are UTF-8)
// and a header on the first line. Three headers are known: the 11-column
// 利用日,利用者,利用区分,利用内容,新規利用額,今回請求額,支払回数,現地通貨額,通貨略称,
// 換算レート,備考; the older BTMU form, which calls the last three 通貨 and
// 為替相場; and an 8-column form without the foreign columns. Copies with an
// index column in front or an empty column at the end exist too, so columns
// are bound by name.
//
// 新規利用額 is the purchase amount and 今回請求額 this month's slice of it, so a
// 分割 purchase counts once, at 新規利用額. A row without 新規利用額 that is an
// installment (支払回数 over 1, or 分割/リボ/ボーナス in 備考) is a slice of a
// purchase made in an earlier month, which was counted then: it is not a
// charge. Any other row without 新規利用額 counts at its 今回請求額.
package nicos

import (
	"regexp"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "三菱UFJニコス"

// Format is the 三菱UFJニコス ご利用明細 format.
var Format = importer.Format{
	Name:      "nicos",
	Issuer:    issuer,
	Title:     "ご利用明細 (MUFG/DC/NICOS: 11 columns, BTMU 通貨/為替相場, 8 columns)",
	Encodings: []textenc.Encoding{textenc.CP932, textenc.UTF8},
	Sample:    `"利用日","利用者","利用区分","利用内容","新規利用額","今回請求額","支払回数","現地通貨額","通貨略称","換算レート","備考"`,
	Keywords:  []string{"利用日", "利用者", "利用区分", "利用内容", "新規利用額", "今回請求額", "支払回数"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are the columns every variant has; 新規利用額 is NICOS's own.
var required = []string{"利用日", "利用内容", "新規利用額", "今回請求額"}

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, 3), required...) >= 0
}

type columns struct{ date, holder, merchant, amount, bill, count, foreign, currency, memo int }

func parse(in *importer.Input) (*statement.Statement, error) {
	rows, h, err := in.HeaderRows(nil, required...)
	if err != nil {
		return nil, err
	}
	cols := columns{
		date:     h.Index("利用日"),
		holder:   h.Index("利用者"),
		merchant: h.Index("利用内容"),
		amount:   h.Index("新規利用額"),
		bill:     h.Index("今回請求額"),
		count:    h.Index("支払回数"),
		foreign:  h.Index("現地通貨額"),
		currency: h.Index("通貨略称", "通貨"),
		memo:     h.Index("備考"),
	}
	card := statement.Card{Issuer: issuer}
	st := &statement.Statement{Cards: []statement.Card{card}}
	for rows.NextRow(h) {
		count := importer.ParseInstallments(rows.Field(cols.count))
		amount := cols.amount
		if rows.Field(amount) == "" {
			if count > 1 || installmentMemo.MatchString(rows.Field(cols.memo)) {
				// A slice: see the package doc.
				in.Note(rows.Line, importer.Skipped, message.New("input.note.slice", message.Args{"amount": message.Text(rows.Field(cols.bill))}), 0)
				continue
			}
			amount = cols.bill
		}
		c, ok := rows.Charge(h, cols.date, cols.merchant, amount)
		if !ok {
			continue
		}
		c.Card = card
		c.Holder = rows.Field(cols.holder)
		if count > 1 {
			c.Installments = count
		}
		if f := rows.Field(cols.foreign); f != "" {
			amt, cur, ok := importer.ParseForeign(f, rows.Field(cols.currency))
			if !ok {
				// The yen amount is what counts; losing the charge over its
				// foreign columns would hide it from every rule.
				in.Error(rows.Line, importer.ForeignError("現地通貨額", f, "currency", rows.Field(cols.currency)))
			} else {
				c.ForeignAmount, c.ForeignCurrency = amt, cur
			}
		}
		st.Charges = append(st.Charges, c)
	}
	in.TotalUnchecked(nil, "total", message.New("input.why.layout", nil))
	return st, rows.Err()
}

var installmentMemo = regexp.MustCompile(`分割|リボ|ボーナス`)
