// Package jcb reads JCB's MyJCB カードご利用代金明細 CSV.
//
// The file is CP932 with every field quoted. Four summary lines come first
// ("","","今回のお支払日","2025/02/10", then 今回のお支払金額合計(￥) and its
// うち国内/うち海外 parts), then "【ご利用明細】" and a 12-column header.
// ご利用者 holds the masked card number and a holder tag; the main member's
// file carries the family cards' rows too.
//
// Dates may have a leading space, may lack the day (annual fees: the first of
// the month is used), or may be empty (fees such as コンビニ用紙料: the
// statement's 今回のお支払日 is used). Such rows are fees unless negative.
//
// A cancellation is a row with 訂正サイン 取消 and the amount in ご利用金額; it
// is a refund. When the cancelled purchase was paid in an earlier month, the
// next row, with no date and ご利用先など "お支払済分　ご返金額", carries the
// money returned in お支払い金額. It is the same refund seen from the billing
// side, so it is no charge of its own; its お支払い金額 still counts toward the
// control total. A ご返金額 row that follows no cancellation is a refund of
// its own, dated on the payment date, so that no money goes unaccounted.
//
// The control total 今回のお支払金額合計 is the sum of the お支払い金額 column
// (this month's slice of an installment purchase, the money returned on a
// ご返金額 row), which is what is checked. A 取消 row leaves お支払い金額
// empty: when a ご返金額 row follows, that row carries the money; when none
// does (the purchase was billed in this same statement), the cancellation
// counts at its ご利用金額, so that purchase and cancellation add up to
// nothing.
package jcb

import (
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "JCB"

// Format is the MyJCB カードご利用代金明細 format.
var Format = importer.Format{
	Name:      "jcb",
	Issuer:    issuer,
	Title:     "MyJCB カードご利用代金明細 (確定; summary lines, 【ご利用明細】, 12 columns)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    `"ご利用者","カテゴリ","ご利用日","ご利用先など","ご利用金額(￥)","支払区分","今回回数","訂正サイン","お支払い金額(￥)",…`,
	Keywords:  []string{"【ご利用明細】", "今回のお支払金額合計", "ご利用先など", "訂正サイン", "お支払済分"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are header names only JCB's layout has together.
var required = []string{"ご利用者", "ご利用日", "ご利用先など", "訂正サイン"}

// summaryLines is how far the header may be from the top: four summary
// lines and the section title, with room for a longer preamble.
const summaryLines = 12

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, summaryLines), required...) >= 0
}

type columns struct{ user, date, merchant, amount, plan, sign, pay int }

// summary is what the lines before the header say.
type summary struct {
	payDate statement.Date
	total   *statement.ControlTotal
}

func (s *summary) read(in *importer.Input, rows *importer.Rows) {
	label, value := rows.Field(2), rows.Field(3)
	switch {
	case label == "今回のお支払日":
		d, err := importer.ParseDate(value)
		if err != nil {
			in.Errorf(rows.Line, nil, "今回のお支払日: %w", err)
			return
		}
		s.payDate = d
	case strings.HasPrefix(label, "今回のお支払金額合計"):
		amt, err := importer.ParseAmount(value)
		if err != nil {
			in.Errorf(rows.Line, nil, "今回のお支払金額合計: %w", err)
			return
		}
		s.total = &statement.ControlTotal{Label: "今回のお支払金額合計", Amount: amt, Source: in.Source(rows.Line)}
	}
}

func parse(in *importer.Input) (*statement.Statement, error) {
	var sum summary
	rows, h, err := in.HeaderRows(func(rows *importer.Rows) { sum.read(in, rows) }, required...)
	if err != nil {
		return nil, err
	}
	cols := columns{
		user:     h.Index("ご利用者"),
		date:     h.Index("ご利用日"),
		merchant: h.Index("ご利用先など"),
		amount:   h.IndexPrefix("ご利用金額"), // ご利用金額(￥)
		plan:     h.Index("支払区分"),
		sign:     h.Index("訂正サイン"),
		pay:      h.IndexPrefix("お支払い金額"), // お支払い金額(￥)
	}
	st := &statement.Statement{}
	p := parser{in: in, rows: rows, h: h, cols: cols, summary: &sum, st: st, cards: map[string]statement.Card{}}
	p.charges = in.NewCharges()
	for rows.NextRow(h) {
		p.row()
	}
	p.settleCancel()
	st.Charges = importer.Trimmed(p.charges)
	importer.LinkReversals(st.Charges, p.cancels)
	in.CheckStatedTotal(st, sum.total, p.paid.Decimal(), "今回のお支払金額合計", message.New("input.sum.rows", message.Args{"column": message.Text("お支払い金額")}))
	return st, rows.Err()
}

type parser struct {
	in      *importer.Input
	rows    *importer.Rows
	h       importer.Header
	cols    columns
	summary *summary
	st      *statement.Statement
	cards   map[string]statement.Card

	charges []statement.Charge
	cancels []int
	paid    statement.Sum // the お支払い金額 column, for the control total
	// lastCancel is the line of the row before when it was a 取消 row,
	// which a ご返金額 row completes, or 0.
	lastCancel int
	// cancelled is what that 取消 row counts toward the total unless a
	// ご返金額 row completes it (see the package doc).
	cancelled decimal.Decimal
}

// settleCancel counts the 取消 row before toward the total when no ご返金額
// row completed it.
func (p *parser) settleCancel() {
	if p.lastCancel > 0 {
		p.paid.Add(p.cancelled)
	}
	p.lastCancel = 0
}

// refundRow reports whether merchant is the お支払済分　ご返金額 line.
func refundRow(merchant string) bool {
	m := strings.ReplaceAll(strings.ReplaceAll(merchant, "　", ""), " ", "")
	return strings.Contains(m, "お支払済分") && strings.Contains(m, "返金")
}

func (p *parser) row() {
	in, rows, cols := p.in, p.rows, p.cols
	afterCancel := p.lastCancel
	merchant := rows.Raw(cols.merchant)
	if !(afterCancel > 0 && rows.Field(cols.date) == "" && refundRow(merchant)) {
		p.settleCancel()
	}
	p.lastCancel = 0
	if strings.TrimSpace(merchant) == "" {
		in.Error(rows.Line, importer.EmptyError("ご利用先など"))
		return
	}
	pay, hasPay, ok := p.amount(cols.pay, "お支払い金額")
	if !ok {
		return
	}
	amount, hasAmount, ok := p.amount(cols.amount, "ご利用金額")
	if !ok {
		return
	}
	switch {
	case !hasAmount && !hasPay:
		in.Error(rows.Line, importer.ReasonError(importer.ErrBadAmount, "input.amount.neither", message.Args{"a": message.Text("ご利用金額"), "b": message.Text("お支払い金額")}))
		return
	case !hasAmount:
		amount = pay // a fee row may fill only お支払い金額
	}
	dateText := rows.Field(cols.date)
	if dateText == "" && refundRow(merchant) && afterCancel > 0 {
		// The money side of the cancellation on the row before: no
		// second refund, but the money is part of this month's total.
		p.paid.Add(pay)
		in.Note(rows.Line, importer.Attached, message.New("input.note.refund-paid", message.Args{"amount": message.Text(pay.String())}), afterCancel)
		return
	}
	date, fee, ok := p.date(dateText, refundRow(merchant))
	if !ok {
		return
	}
	card, holder := p.card(rows.Field(cols.user))
	key, kind := p.in.Kind(merchant, amount)
	cancel := rows.Field(cols.sign) == "取消"
	switch {
	case cancel || refundRow(merchant):
		amount, kind = amount.Abs().Neg(), statement.Refund
	case fee && kind == statement.Purchase:
		kind = statement.Fee // a row without its day is a fee (年会費, 用紙料)
	}
	c := statement.Charge{
		Date:     date,
		Merchant: merchant,
		Payee:    key,
		Amount:   amount,
		Kind:     kind,
		Card:     card,
		Holder:   holder,
		Source:   in.Source(rows.Line),
	}
	// ご利用金額 is the whole purchase; お支払い金額 is this month's slice.
	if n := importer.ParseInstallments(rows.Field(cols.plan)); n > 1 {
		c.Installments = n
	}
	p.charges = append(p.charges, c)
	switch {
	case cancel && !hasPay:
		p.cancels = append(p.cancels, len(p.charges)-1)
		p.lastCancel, p.cancelled = rows.Line, amount
	case cancel:
		p.cancels = append(p.cancels, len(p.charges)-1)
		p.lastCancel, p.cancelled = rows.Line, decimal.Decimal{}
		p.paid.Add(pay)
	default:
		p.paid.Add(pay)
	}
}

// amount reads column col; has is false for an empty field.
func (p *parser) amount(col int, name string) (d decimal.Decimal, has, ok bool) {
	s := strings.ReplaceAll(p.rows.Field(col), " ", "") // "1 234" is seen
	if s == "" {
		return d, false, true
	}
	d, err := importer.ParseAmount(s)
	if err != nil {
		p.in.Errorf(p.rows.Line, nil, "%s: %w", name, err)
		return d, false, false
	}
	return d, true, true
}

// yearMonth matches a date without its day, "2025/06" or "2025年6月".
var yearMonth = regexp.MustCompile(`^([0-9]{4})[/年]([0-9]{1,2})月?$`)

// date reads ご利用日. A full date is the use date. A year and month without
// a day is dated on the first of the month, and an empty date on the
// statement's payment date; both are fee rows (fee is true), as only fees
// are printed so. A refund row with no date takes the payment date too.
func (p *parser) date(s string, refund bool) (d statement.Date, fee, ok bool) {
	if s == "" {
		if p.summary.payDate.IsZero() {
			p.in.Error(p.rows.Line, importer.ReasonError(importer.ErrBadDate, "input.date.undated", nil))
			return 0, false, false
		}
		return p.summary.payDate, !refund, true
	}
	if m := yearMonth.FindStringSubmatch(importer.Fold(s)); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if mo < 1 || mo > 12 || y < 1990 || y > 2100 {
			p.in.Errorf(p.rows.Line, importer.ErrBadDate, "ご利用日 %q", s)
			return 0, false, false
		}
		return statement.NewDate(y, time.Month(mo), 1), true, true
	}
	d, err := importer.ParseDate(s)
	if err != nil {
		p.in.Errorf(p.rows.Line, nil, "ご利用日: %w", err)
		return 0, false, false
	}
	return d, false, true
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// card reads ご利用者, "****-****-****-1234　ＪＣＢ" or
// "****-****-****-5678　ﾔﾏﾀﾞ ﾊﾅｺ様": the masked number, then the holder tag.
func (p *parser) card(user string) (statement.Card, string) {
	number, holder := user, ""
	if i := strings.IndexAny(user, " 　"); i >= 0 {
		number, holder = user[:i], importer.TrimHonorific(user[i:])
	}
	c, ok := p.cards[number]
	if !ok {
		c = statement.Card{Issuer: issuer, Number: number}
		p.cards[number] = c
		p.st.Cards = append(p.st.Cards, c)
	}
	return c, holder
}
