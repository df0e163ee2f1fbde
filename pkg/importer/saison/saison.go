// Package saison reads クレディセゾン's Netアンサー (セゾンPortal) ご利用明細 CSV,
// the layout of セゾン, 出光 and セゾンAMEX cards.
//
// The file is CP932 and unquoted. Three meta lines (カード名称, お支払日 and
// 今回ご請求額, zero-padded to ten digits) and a blank line come before a
// 7-column header. Each cardholder's rows follow a section line
// ",ご利用者名:ヤマダ タロウ         様,,,,," and end with ",【小計】,,,,N,";
// ",【合計】,,,,N," ends the file. Three totals are checked: each 小計 against
// its section, 合計 against every row, and 今回ご請求額 against every row.
package saison

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "クレディセゾン"

// Format is the セゾン Netアンサー ご利用明細 format.
var Format = importer.Format{
	Name:      "saison",
	Issuer:    issuer,
	Title:     "Netアンサー ご利用明細 (セゾン, 出光, セゾンAMEX; ご利用者名 sections, 【小計】 and 【合計】)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "利用日,ご利用店名及び商品名,本人・家族区分,支払区分名称,締前入金区分,利用金額,備考",
	Keywords:  []string{"カード名称", "今回ご請求額", "ご利用店名及び商品名", "本人・家族区分", "ご利用者名:", "【小計】", "【合計】"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are header names only セゾン's layout has together.
var required = []string{"利用日", "ご利用店名及び商品名", "本人・家族区分", "利用金額"}

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, 10), required...) >= 0
}

// meta is what the lines before the header say.
type meta struct {
	card   string
	billed *statement.ControlTotal // 今回ご請求額
}

func (m *meta) read(in *importer.Input, rows *importer.Rows) {
	switch rows.Field(0) {
	case "カード名称":
		m.card = rows.Field(1)
	case "今回ご請求額":
		amt, err := importer.ParseAmount(rows.Field(1)) // "0000007680"
		if err != nil {
			in.Errorf(rows.Line, nil, "今回ご請求額: %w", err)
			return
		}
		m.billed = &statement.ControlTotal{Label: "今回ご請求額", Amount: amt, Source: in.Source(rows.Line)}
	}
}

func parse(in *importer.Input) (*statement.Statement, error) {
	var m meta
	rows, h, err := in.HeaderRows(func(rows *importer.Rows) { m.read(in, rows) }, required...)
	if err != nil {
		return nil, err
	}
	var (
		date     = h.Index("利用日")
		merchant = h.Index("ご利用店名及び商品名")
		plan     = h.Index("支払区分名称")
		amount   = h.Index("利用金額")
	)
	// Fields are not quoted: a comma in a merchant name splits it.
	rows.RepairColumns([]int{merchant, h.Index("備考")}, importer.DateAndAmount(date, amount))
	card := statement.Card{Issuer: issuer, Name: m.card}
	st := &statement.Statement{Cards: []statement.Card{card}}
	var (
		charges         = in.NewCharges()
		holder          string
		section, all    statement.Sum
		total, lastLine int  // line of 【合計】; of the last charge
		totalAfter      bool // no charge after 【合計】
	)
	for rows.NextRow(h) {
		if rows.Field(date) == "" {
			label := rows.Field(merchant)
			switch {
			case strings.HasPrefix(label, "ご利用者名"):
				_, name, _ := strings.Cut(label, ":")
				holder = importer.TrimHonorific(name)
				section = statement.Sum{}
			case label == "【小計】", label == "【合計】":
				amt, err := importer.ParseAmount(rows.Field(amount))
				if err != nil {
					in.Errorf(rows.Line, nil, "%s: %w", label, err)
					continue
				}
				t := statement.ControlTotal{Label: strings.Trim(label, "【】"), Amount: amt, Source: in.Source(rows.Line)}
				st.Totals = append(st.Totals, t)
				if label == "【小計】" {
					in.CheckTotal(t, section.Decimal(), message.New("input.sum.holder", message.Args{"column": message.Text("利用金額")}))
					section = statement.Sum{}
				} else {
					in.CheckTotal(t, all.Decimal(), message.New("input.sum.every-row", message.Args{"column": message.Text("利用金額")}))
					total, totalAfter = rows.Line, true
				}
			default:
				in.Error(rows.Line, importer.NoDateError("利用日", label))
			}
			continue
		}
		c, ok := rows.Charge(h, date, merchant, amount)
		if !ok {
			continue
		}
		c.Card, c.Holder = card, holder
		// 利用金額 is the purchase; a 分割 purchase counts once.
		if n := importer.ParseInstallments(rows.Field(plan)); n > 1 {
			c.Installments = n
		}
		charges = append(charges, c)
		section.Add(c.Amount)
		all.Add(c.Amount)
		lastLine, totalAfter = rows.Line, false
	}
	st.Charges = importer.Trimmed(charges)
	switch {
	case total == 0:
		// Every file ends with 【合計】: without it the file may have been
		// cut short, and nothing checks that no row is missing.
		in.TotalMissing(max(lastLine, 1), "合計", message.New("input.missing.saison", message.Args{"n": message.Count(len(st.Charges))}))
	case !totalAfter:
		in.Error(lastLine, message.NewError("input.after-total", message.Args{"line": message.Count(total)}, importer.ErrTotal))
	}
	in.CheckStatedTotal(st, m.billed, all.Decimal(), "今回ご請求額", message.New("input.sum.every-row", message.Args{"column": message.Text("利用金額")}))
	return st, rows.Err()
}
