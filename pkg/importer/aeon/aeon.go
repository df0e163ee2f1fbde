// Package aeon reads the ご利用明細 CSV of イオンカード (暮らしのマネーサイト).
//
// The file is CP932, unquoted. A preamble of key,value lines comes first:
// ご利用カード (the card's name), 今回ご請求金額 (the bill, a control total),
// お支払い日 ("2025年 1月 6日") and, in some files, the bank account the bill is
// drawn from, which is never read. Then ご利用明細, its header (found by its
// words, since the preamble's length varies) and the rows:
// ご利用日 (YYMMDD), 利用者区分 (本人/家族), ご利用先, 支払方法 ("１回"), two
// unnamed columns, ご利用金額, 備考. A row without a date and with a negative
// amount is a discount (会員値引) on the purchase above it.
//
// A second table, 分割・ボーナス払い明細, ends the first. Its rows are the plans
// billed this month: purchase date, merchant, 支払回数, the purchase's
// ご利用金額, and 今回ご請求金額, this month's slice. An installment purchase
// counts once, at its date and full amount: a plan row that repeats a row of
// the first table only gives that charge its number of payments; a plan row
// that does not (a purchase of an earlier month) is the purchase itself, and
// merging counts it once with the earlier month's file.
//
// The bill is checked against the first table's single payments (支払方法 １回
// or empty) plus the second table's 今回ご請求金額: a purchase paid in
// installments, by リボ or at the bonus is billed in slices, not at its
// amount.
package aeon

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "イオンカード"

// Format is the イオンカード ご利用明細 format.
var Format = importer.Format{
	Name:      "aeon",
	Issuer:    issuer,
	Title:     "ご利用明細 (暮らしのマネーサイト, with 分割・ボーナス払い明細)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "ご利用日,利用者区分,ご利用先,支払方法,,,ご利用金額,備考,",
	Keywords:  []string{"ご利用カード", "今回ご請求金額", "ご利用明細", "利用者区分", "ご利用先", "分割・ボーナス払い明細"},
	Sniff:     sniff,
	Parse:     parse,
}

var (
	// mainHeader are the words of the first table's header; 利用者区分 is
	// AEON's own.
	mainHeader = []string{"ご利用日", "利用者区分", "ご利用先", "ご利用金額"}
	planHeader = []string{"ご利用日", "ご利用先", "支払回数", "ご利用金額", "今回ご請求金額"}
)

// planTitle starts the second table.
const planTitle = "分割・ボーナス払い明細"

// preambleLines bounds the search for the header in Sniff.
const preambleLines = 20

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, preambleLines), mainHeader...) >= 0
}

type mainColumns struct{ date, holder, merchant, method, amount int }

type planColumns struct{ date, merchant, count, amount, billed int }

// reader holds the state of one file.
type reader struct {
	in    *importer.Input
	rows  *importer.Rows
	st    *statement.Statement
	card  statement.Card
	total *statement.ControlTotal
	// billed adds up what the bill is made of (see the package doc).
	billed decimal.Decimal
	// planned marks the charges of the first table that a plan row matched.
	planned map[int]bool
	// dated is the index of the last dated charge, which a discount row
	// reduces; -1 before the first.
	dated int
}

func parse(in *importer.Input) (*statement.Statement, error) {
	r := &reader{in: in, st: &statement.Statement{}, card: statement.Card{Issuer: issuer}, planned: map[int]bool{}, dated: -1}
	rows, h, err := in.HeaderRows(r.preamble, mainHeader...)
	if err != nil {
		return nil, err
	}
	r.rows = rows
	r.st.Cards = []statement.Card{r.card}
	if r.mainTable(h) {
		r.planTable()
	}
	switch {
	case r.total != nil:
		r.in.CheckTotal(*r.total, r.billed, message.New("input.why.aeon", nil))
	case len(r.st.Charges) > 0:
		in.TotalMissing(0, "今回ご請求金額", message.New("input.missing.aeon", nil))
	}
	return r.st, rows.Err()
}

// preamble reads a line before the first table's header. The bank account
// lines are never read.
func (r *reader) preamble(rows *importer.Rows) {
	value := rows.Field(1)
	switch rows.Field(0) {
	case "ご利用カード":
		r.card.Name = value
	case "今回ご請求金額":
		amt, err := importer.ParseAmount(value)
		if err != nil {
			r.in.Errorf(rows.Line, nil, "今回ご請求金額: %w", err)
			return
		}
		r.total = &statement.ControlTotal{Label: "今回ご請求金額", Amount: amt, Source: r.in.Source(rows.Line)}
		r.st.Totals = append(r.st.Totals, *r.total)
	case "お支払い日":
		if _, err := importer.ParseDate(value); err != nil {
			r.in.Errorf(rows.Line, nil, "お支払い日: %w", err)
		}
	}
}

// mainTable reads the first table's rows; it reports whether the second
// table follows.
func (r *reader) mainTable(h importer.Header) bool {
	cols := mainColumns{
		date:     h.Index("ご利用日"),
		holder:   h.Index("利用者区分"),
		merchant: h.Index("ご利用先"),
		method:   h.Index("支払方法"),
		amount:   h.Index("ご利用金額"),
	}
	rows := r.rows
	// Fields are not quoted: a comma in a merchant name or a memo splits it.
	rows.RepairColumns([]int{cols.merchant, h.Index("備考")}, importer.DateAndAmount(cols.date, cols.amount))
	for rows.Next() {
		if rows.Empty() {
			continue
		}
		if strings.HasPrefix(rows.Field(0), planTitle) {
			return true
		}
		if !rows.Fit(h) {
			continue
		}
		if rows.Field(cols.date) == "" && r.dated >= 0 {
			if amount, err := importer.ParseAmount(rows.Field(cols.amount)); err == nil && amount.IsNegative() {
				r.discount(rows.Raw(cols.merchant), amount)
				continue
			}
		}
		c, ok := rows.Charge(h, cols.date, cols.merchant, cols.amount)
		if !ok {
			continue
		}
		c.Card = r.card
		c.Holder = rows.Field(cols.holder)
		method := rows.Field(cols.method)
		if n := importer.ParseInstallments(method); n > 1 {
			c.Installments = n
		}
		r.dated = len(r.st.Charges)
		r.st.Charges = append(r.st.Charges, c)
		if singlePayment(method) {
			r.billed = r.billed.Add(c.Amount)
		}
	}
	return false
}

// discount adds a dateless negative row, which reduces the purchase above it.
func (r *reader) discount(merchant string, amount decimal.Decimal) {
	above := r.st.Charges[r.dated]
	if strings.TrimSpace(merchant) == "" {
		merchant = above.Merchant
	}
	r.st.Charges = append(r.st.Charges, statement.Charge{
		Date:     above.Date,
		Merchant: merchant,
		Amount:   amount,
		Kind:     statement.Refund,
		Card:     r.card,
		Holder:   above.Holder,
		Source:   r.in.Source(r.rows.Line),
		Reverses: above.Source,
	})
	r.billed = r.billed.Add(amount)
}

// planTable reads the second table: its header, then one row per plan.
func (r *reader) planTable() {
	rows := r.rows
	var h importer.Header
	for h == nil && rows.Next() {
		if rows.Empty() {
			continue
		}
		if h = importer.NewHeader(rows.Fields); !h.Has(planHeader...) {
			r.in.Error(rows.Line, message.NewError("input.aeon.plan-header", message.Args{"title": message.Text(planTitle), "header": message.Text(strings.Join(planHeader, ","))}, nil))
			return
		}
	}
	cols := planColumns{
		date:     h.Index("ご利用日"),
		merchant: h.Index("ご利用先"),
		count:    h.Index("支払回数"),
		amount:   h.Index("ご利用金額"),
		billed:   h.Index("今回ご請求金額"),
	}
	for rows.NextRow(h) {
		billed, err := importer.ParseAmount(rows.Field(cols.billed))
		if err != nil {
			r.in.Errorf(rows.Line, nil, "今回ご請求金額: %w", err)
			continue
		}
		c, ok := rows.Charge(h, cols.date, cols.merchant, cols.amount)
		if !ok {
			continue
		}
		r.billed = r.billed.Add(billed)
		n := importer.ParseInstallments(rows.Field(cols.count))
		if i := r.purchase(c); i >= 0 {
			p := &r.st.Charges[i]
			if p.Installments == 0 && n > 1 {
				p.Installments = n
			}
			r.in.Note(rows.Line, importer.Attached, message.New("input.note.plan", message.Args{"count": message.Text(rows.Field(cols.count)), "billed": message.Text(billed.String())}), p.Source.Line)
			continue
		}
		c.Card = r.card
		if n > 1 {
			c.Installments = n
		}
		r.st.Charges = append(r.st.Charges, c)
	}
}

// purchase returns the index of the first table's charge that plan row c
// repeats and no plan row matched before, or -1.
func (r *reader) purchase(c statement.Charge) int {
	key := payee.Key(c.Merchant)
	for i := range r.st.Charges {
		p := &r.st.Charges[i]
		if !r.planned[i] && p.Date == c.Date && p.Amount.Equal(c.Amount) && payee.Key(p.Merchant) == key {
			r.planned[i] = true
			return i
		}
	}
	return -1
}

// singleWords are 支払方法 values billed in full this month.
var singleWords = regexp.MustCompile(`^(1回|１回|一回|)(払い)?$`)

// singlePayment reports whether 支払方法 means the purchase is billed in full
// this month: １回, or nothing printed.
func singlePayment(method string) bool {
	return singleWords.MatchString(strings.TrimSpace(method))
}
