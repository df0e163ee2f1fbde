// Package view reads the ご利用明細 CSV of ビューカード (JR東日本).
//
// The file is CP932; amounts with a thousands comma are quoted. Four meta
// lines (会員番号, 対象カード, お支払日, 今回お支払金額) and a blank line come
// before an 11-column header. A line without commas,
// "****-****-****-1234 ヤマダ　タロウ", starts each card's block. Refunds are
// not negative amounts: they stand in a column of their own, 払戻額, and are
// read as negative refunds. 通貨略称 is three spaces when there is no foreign
// currency.
//
// 今回お支払金額 is checked against the 今回ご請求額 column, this month's
// billing: an installment purchase counts once at its ご利用額 as a charge,
// but only its slice is billed this month.
package view

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "ビューカード"

// Format is the ビューカード ご利用明細 format.
var Format = importer.Format{
	Name:      "view",
	Issuer:    issuer,
	Title:     "ご利用明細照会 CSV (meta lines, card-block lines, 払戻額 column)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "ご利用年月日,ご利用箇所,ご利用額,払戻額,ご請求額（うち手数料・利息）,支払区分（回数）,…",
	Keywords:  []string{"会員番号", "対象カード", "今回お支払金額", "ご利用年月日", "ご利用箇所", "払戻額", "通貨略称"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are header names only ビュー's layout has together.
var required = []string{"ご利用年月日", "ご利用箇所", "ご利用額", "払戻額"}

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, 10), required...) >= 0
}

// cardBlock matches the line that starts a card's block: the masked number,
// then the holder's name.
var cardBlock = regexp.MustCompile(`^([0-9*]{4}-[0-9*]{4}-[0-9*]{4}-[0-9*]{3,4})[ 　]+(.*)$`)

// meta is what the lines before the header say.
type meta struct {
	card  statement.Card
	total *statement.ControlTotal // 今回お支払金額
}

func (m *meta) read(in *importer.Input, rows *importer.Rows) {
	switch rows.Field(0) {
	case "会員番号":
		m.card.Number = rows.Field(1)
	case "対象カード":
		m.card.Name = rows.Field(1)
	case "今回お支払金額":
		amt, err := importer.ParseAmount(rows.Field(1))
		if err != nil {
			in.Errorf(rows.Line, nil, "今回お支払金額: %w", err)
			return
		}
		m.total = &statement.ControlTotal{Label: "今回お支払金額", Amount: amt, Source: in.Source(rows.Line)}
	}
}

type columns struct {
	date, merchant, amount, refund, plan, billed, foreign, currency int
}

func parse(in *importer.Input) (*statement.Statement, error) {
	m := meta{card: statement.Card{Issuer: issuer}}
	rows, h, err := in.HeaderRows(func(rows *importer.Rows) { m.read(in, rows) }, required...)
	if err != nil {
		return nil, err
	}
	cols := columns{
		date:     h.Index("ご利用年月日"),
		merchant: h.Index("ご利用箇所"),
		amount:   h.Index("ご利用額"),
		refund:   h.Index("払戻額"),
		plan:     h.IndexPrefix("支払区分"),   // 支払区分（回数）
		billed:   h.IndexPrefix("今回ご請求額"), // 今回ご請求額・弁済金（うち手数料・利息）
		foreign:  h.Index("現地通貨額"),
		currency: h.Index("通貨略称"),
	}
	st := &statement.Statement{}
	p := parser{in: in, rows: rows, cols: cols, card: m.card}
	p.charges = in.NewCharges()
	cardSeen := false
	for rows.Next() {
		if rows.Empty() {
			continue
		}
		if len(rows.Fields) == 1 {
			if b := cardBlock.FindStringSubmatch(rows.Field(0)); b != nil {
				p.card.Number, p.holder = b[1], strings.TrimSpace(b[2])
				st.Cards = append(st.Cards, p.card)
				cardSeen = true
				continue
			}
		}
		if err := h.Fits(rows.Fields); err != nil {
			in.Error(rows.Line, err)
			continue
		}
		if !cardSeen {
			// Rows before any card-block line belong to the 会員番号 card.
			st.Cards = append(st.Cards, p.card)
			cardSeen = true
		}
		p.row()
	}
	st.Charges = importer.Trimmed(p.charges)
	in.CheckStatedTotal(st, m.total, p.billed.Decimal(), "今回お支払金額", message.New("input.sum.rows", message.Args{"column": message.Text("今回ご請求額")}))
	return st, rows.Err()
}

type parser struct {
	in      *importer.Input
	rows    *importer.Rows
	cols    columns
	card    statement.Card
	holder  string
	charges []statement.Charge
	billed  statement.Sum // 今回ご請求額, for the control total
}

func (p *parser) row() {
	in, rows, cols := p.in, p.rows, p.cols
	date, err := importer.ParseDate(rows.Field(cols.date))
	if err != nil {
		in.Errorf(rows.Line, nil, "ご利用年月日: %w", err)
		return
	}
	merchant := rows.Raw(cols.merchant)
	if strings.TrimSpace(merchant) == "" {
		in.Error(rows.Line, importer.EmptyError("ご利用箇所"))
		return
	}
	used, ok := p.amount(cols.amount, "ご利用額")
	if !ok {
		return
	}
	back, ok := p.amount(cols.refund, "払戻額")
	if !ok {
		return
	}
	var amount decimal.Decimal
	refund := false
	switch {
	case !used.IsZero() && !back.IsZero():
		in.Error(rows.Line, importer.ReasonError(importer.ErrBadAmount, "input.amount.both", message.Args{"used": message.Text(used.String()), "back": message.Text(back.String())}))
		return
	case !back.IsZero():
		amount, refund = back.Abs().Neg(), true
	case rows.Field(cols.amount) != "":
		amount = used
	default:
		in.Error(rows.Line, importer.ReasonError(importer.ErrBadAmount, "input.amount.neither", message.Args{"a": message.Text("ご利用額"), "b": message.Text("払戻額")}))
		return
	}
	billed := amount
	if rows.Field(cols.billed) != "" {
		if billed, ok = p.amount(cols.billed, "今回ご請求額"); !ok {
			return
		}
		if refund {
			billed = billed.Abs().Neg() // whichever sign it is printed with
		}
	}
	key, kind := p.in.Kind(merchant, amount)
	if refund {
		kind = statement.Refund
	}
	c := statement.Charge{
		Date:     date,
		Merchant: merchant,
		Payee:    key,
		Amount:   amount,
		Kind:     kind,
		Card:     p.card,
		Holder:   p.holder,
		Source:   in.Source(rows.Line),
	}
	// ご利用額 is the whole purchase; 今回ご請求額 is this month's slice.
	if n := importer.ParseInstallments(rows.Field(cols.plan)); n > 1 {
		c.Installments = n
	}
	if f := rows.Field(cols.foreign); f != "" {
		fa, cur, ok := importer.ParseForeign(f, rows.Field(cols.currency))
		if !ok {
			// The yen amount is what counts; losing the charge over its
			// foreign columns would hide it from every rule.
			in.Error(rows.Line, importer.ForeignError("現地通貨額", f, "通貨略称", rows.Field(cols.currency)))
		} else {
			c.ForeignAmount, c.ForeignCurrency = fa, cur
			if refund {
				c.ForeignAmount = fa.Abs().Neg()
			}
		}
	}
	p.charges = append(p.charges, c)
	p.billed.Add(billed)
}

// amount reads column col; an empty field is zero.
func (p *parser) amount(col int, name string) (decimal.Decimal, bool) {
	s := p.rows.Field(col)
	if s == "" {
		return decimal.Decimal{}, true
	}
	d, err := importer.ParseAmount(s)
	if err != nil {
		p.in.Errorf(p.rows.Line, nil, "%s: %w", name, err)
		return d, false
	}
	return d, true
}
