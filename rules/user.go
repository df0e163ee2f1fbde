package rules

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Env is what a user rule's expression sees: one charge of the card's
// window (purchases and refunds), and methods over the card's history.
//
// Amounts are whole yen as int64 ([statement.WholeYen]): exact for every amount a yen
// statement prints, never a float, so `amount > 2000` and `amount == 5000`
// compare exactly (the model itself stays decimal). Arithmetic that divides
// (amount / 2) gives a float in expr; compare with * instead (amount * 2 >
// x). The foreign amount is kept as the statement's exact decimal text.
type exprEnv struct {
	Payee    string `expr:"payee"`    // payee key ("APPLE COM BILL", "SAMPLESOFT")
	Via      string `expr:"via"`      // processor or wallet ("PAYPAL"), or ""
	Merchant string `expr:"merchant"` // as printed
	Amount   int64  `expr:"amount"`   // whole yen, negative for a refund
	Date     string `expr:"date"`     // "2022-01-24"
	Year     int    `expr:"year"`
	Month    int    `expr:"month"`
	Day      int    `expr:"day"`
	Weekday  string `expr:"weekday"` // "Mon" … "Sun"
	Kind     string `expr:"kind"`    // "purchase" or "refund"
	// Foreign is true for a foreign-currency charge; Currency is its ISO
	// code and ForeignAmount its amount as printed ("12.34").
	Foreign       bool   `expr:"foreign"`
	Currency      string `expr:"currency"`
	ForeignAmount string `expr:"foreign_amount"`
	Installments  int    `expr:"installments"`
	Card          string `expr:"card"`   // card label
	Holder        string `expr:"holder"` // cardholder line, if any
	// Known is true when the charge continues a known payment (a config
	// payee, or a learned stream that ran for four weeks before).
	Known bool `expr:"known"`
	// NewPayee is true when the card first paid this payee less than 30
	// days before (or now).
	NewPayee      bool `expr:"new_payee"`
	RecurringOnly bool `expr:"recurring_only"` // the card's mode

	card *Card
	i    int // index of the charge in card.Charges
}

// CountPayee returns how many purchases from this payee the card made in
// the days days ending with this charge's day, this one included (days 1:
// the same day).
func (e exprEnv) CountPayee(days int) int {
	n, _ := e.payeeSpan(days)
	return n
}

// SumPayee returns their total in yen.
func (e exprEnv) SumPayee(days int) int64 {
	_, s := e.payeeSpan(days)
	return s
}

// CountCard returns how many purchases the card made in the days days
// ending with this charge's day, up to and including this charge.
func (e exprEnv) CountCard(days int) int {
	n, _ := e.cardSpan(days)
	return n
}

// SumCard returns their total in yen.
func (e exprEnv) SumCard(days int) int64 {
	_, s := e.cardSpan(days)
	return s
}

// PaidBefore reports whether the card paid this payee on an earlier day.
func (e exprEnv) PaidBefore() bool {
	if e.card == nil {
		return false
	}
	ch := e.card.Charges[e.i]
	return e.card.PaidBefore(ch.Payee, ch.Date)
}

// DaysSinceFirst returns the days since the card first paid this payee (0
// for the first time).
func (e exprEnv) DaysSinceFirst() int {
	if e.card == nil {
		return 0
	}
	ch := e.card.Charges[e.i]
	first, ok := e.card.FirstPaid(ch.Payee)
	if !ok || first > ch.Date {
		return 0
	}
	return int(ch.Date - first)
}

// Usual returns the card's median purchase in yen (its baseline).
func (e exprEnv) Usual() int64 {
	if e.card == nil {
		return 0
	}
	return e.card.baseline().Median
}

// HighRisk reports whether the payee is on the built-in high-risk list
// (app and game stores, gift cards, top-ups, crypto, money transfer).
func (e exprEnv) HighRisk() bool {
	if e.card == nil {
		return false
	}
	return defaultHighRisk().kind(e.card.Charges[e.i]) != ""
}

// Yen formats an amount: Yen(12000) is "¥12,000".
func (e exprEnv) Yen(n int64) string { return yenText(n) }

func (e exprEnv) payeeSpan(days int) (int, int64) {
	if e.card == nil {
		return 0, 0
	}
	c := e.card
	ch := c.Charges[e.i]
	px := c.byPayee[ch.Payee]
	if px == nil {
		return 0, 0
	}
	end := int(c.ppos[e.i]) + 1
	if end == 0 { // not a purchase: the payee's purchases up to its day
		end = 0
		for end < len(px.purchases) && c.Charges[px.purchases[end]].Date <= ch.Date {
			end++
		}
	}
	since := ch.Date.AddDays(-(max(days, 1) - 1))
	n, sum := 0, int64(0)
	for k := end - 1; k >= 0 && c.Charges[px.purchases[k]].Date >= since; k-- {
		n++
		sum = addYen(sum, c.yen[px.purchases[k]])
	}
	return n, sum
}

func (e exprEnv) cardSpan(days int) (int, int64) {
	if e.card == nil {
		return 0, 0
	}
	c := e.card
	since := c.Charges[e.i].Date.AddDays(-(max(days, 1) - 1))
	n, sum := 0, int64(0)
	for k := e.i; k >= 0 && c.Charges[k].Date >= since; k-- {
		if isPurchase(c.Charges[k]) {
			n++
			sum = addYen(sum, c.yen[k])
		}
	}
	return n, sum
}

// envFor builds the Env of the charge at index i.
func envFor(card *Card, i int) exprEnv {
	ch := card.Charges[i]
	y, m, d := ch.Date.YMD()
	known := card.isKnown(ch)
	kind := string(ch.Kind)
	if kind == "" {
		kind = string(statement.Purchase)
	}
	e := exprEnv{
		Payee: ch.Payee, Via: ch.Via, Merchant: ch.Merchant, Amount: card.yen[i],
		Date: ch.Date.String(), Year: y, Month: int(m), Day: d, Weekday: ch.Date.Weekday().String()[:3],
		Kind: kind, Foreign: ch.Foreign(), Currency: ch.ForeignCurrency, Installments: ch.Installments,
		Card: card.Label, Holder: ch.Holder, Known: known, NewPayee: card.isNewPayee(ch),
		RecurringOnly: card.RecurringOnly, card: card, i: i,
	}
	if ch.ForeignCurrency != "" {
		e.ForeignAmount = ch.ForeignAmount.String()
	}
	return e
}

// exprOptions are the options every user expression compiles with: the Env
// type for type checking, and no clock (a rule must judge a charge the same
// on every run).
func exprOptions(extra ...expr.Option) []expr.Option {
	return append([]expr.Option{expr.Env(exprEnv{}), expr.DisableBuiltin("now"), expr.MaxNodes(2000)}, extra...)
}

// UserRule is a rule written in the config: a condition over [exprEnv] and a
// message template, compiled and type-checked once at load.
type userRule struct {
	RuleID   string
	Severity severity.Severity
	When     string
	Cards    []string // card label parts; none means every card

	prog       *vm.Program
	msg, msgJA *template
}

// ID implements [Rule].
func (u *userRule) ID() string { return u.RuleID }

// Doc says what the rule flags.
func (u *userRule) Doc() string { return "user rule: " + u.When }

// Check implements [Rule].
func (u *userRule) Check(card *Card) []Finding {
	if len(u.Cards) > 0 {
		ok := false
		for _, m := range u.Cards {
			ok = ok || spec.MatchLabel(m, card.Label)
		}
		if !ok {
			return nil
		}
	}
	if _, failed := card.problems[u.RuleID]; failed {
		return nil // it failed or ran out of time earlier in this run
	}
	var out []Finding
	for i := card.start; i < len(card.Charges); i++ {
		ch := card.Charges[i]
		if !ch.Kind.IsSpending() || ch.Amount.Sign() == 0 {
			continue
		}
		if !card.userDeadline.IsZero() && time.Now().After(card.userDeadline) {
			card.problem(u.RuleID, fmt.Errorf("user rule %q stopped: the user rules' time for a run (%s) ran out at %s %s; it did not check the charges from there on",
				u.RuleID, card.userBudget, ch.Date, safetext.Terminal(ch.Payee)))
			return out
		}
		env := envFor(card, i)
		res, err := runUser(u.prog, env)
		if err != nil {
			// One error for the run, not a finding per charge: the rule
			// is broken, not the charges.
			card.problem(u.RuleID, fmt.Errorf("user rule %q failed on %s %s %s: %s; it did not check the charges from there on",
				u.RuleID, ch.Date, safetext.Terminal(ch.Payee), yenText(card.yen[i]), safetext.Terminal(firstLine(err.Error()))))
			return out
		}
		if b, _ := res.(bool); !b {
			continue
		}
		ja := ""
		if u.msgJA != nil {
			ja = u.msgJA.render(env)
		}
		msg := message.Said(u.msg.render(env), ja)
		out = append(out, Finding{Severity: u.Severity, Message: msg, Charges: []*statement.Charge{ch}})
	}
	return out
}

// CompileUserRule compiles a config user rule. Errors are *yamlfile.Error
// values naming the config file, the line and column in it (inside the
// expression where the expression is at fault), joined.
func compileUserRule(path string, r spec.UserRule) (*userRule, error) {
	u := &userRule{RuleID: r.ID, When: r.When, Cards: r.Cards, Severity: severity.Warning}
	var errs []error
	at := func(line, col int, format string, args ...any) {
		errs = append(errs, &yamlfile.Error{File: path, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
	if r.Severity != "" {
		s, err := severity.Parse(r.Severity)
		if err != nil {
			at(r.Line, r.Column, "user rule %q: %v", r.ID, err)
		}
		u.Severity = s
	}
	prog, err := expr.Compile(r.When, exprOptions(expr.AsBool())...)
	if err != nil {
		line, col, msg := exprPosition(err)
		l, c := r.WhenAt.At(line, col)
		at(l, c, "user rule %q: when: %s (line %d, column %d of the expression)", r.ID, msg, line, col+1)
	}
	u.prog = prog
	msg := r.Message
	if msg == "" {
		msg = "{{merchant}} {{Yen(amount)}} on {{date}}"
	}
	if u.msg, err = compileTemplate(msg); err == nil && r.Message == "" {
		u.msg.text[len(u.msg.text)-1] += " matches user rule " + r.ID + ": " + r.When
	} else if err != nil {
		var te *templateError
		if errors.As(err, &te) {
			l, c := r.MessageAt.At(te.line, te.col)
			at(l, c, "user rule %q: message: %s", r.ID, te.msg)
		}
	}
	if r.MessageJA != "" {
		if u.msgJA, err = compileTemplate(r.MessageJA); err != nil {
			var te *templateError
			if errors.As(err, &te) {
				l, c := r.MessageJAAt.At(te.line, te.col)
				at(l, c, "user rule %q: message-ja: %s", r.ID, te.msg)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return u, nil
}

// exprPosition splits an expr error into its line (1-based), column
// (0-based) and message.
func exprPosition(err error) (line, col int, msg string) {
	var fe *file.Error
	if errors.As(err, &fe) {
		return max(fe.Line, 1), max(fe.Column, 0), strings.TrimSpace(fe.Message)
	}
	return 1, 0, strings.TrimSpace(err.Error())
}

// template is a message with {{ expression }} placeholders.
type template struct {
	text  []string      // literal parts; len(text) == len(progs)+1
	progs []*vm.Program // the expressions between them
}

type templateError struct {
	line, col int // in the template text: 1-based line, 0-based column
	msg       string
}

func (e *templateError) Error() string { return e.msg }

// compileTemplate compiles each {{ … }} of s as an expression over Env.
func compileTemplate(s string) (*template, error) {
	t := &template{}
	rest := s
	off := 0
	for {
		open := strings.Index(rest, "{{")
		if open < 0 {
			t.text = append(t.text, rest)
			return t, nil
		}
		end := strings.Index(rest[open+2:], "}}")
		if end < 0 {
			l, c := lineCol(s, off+open)
			return nil, &templateError{l, c, "{{ is not closed with }}"}
		}
		src := rest[open+2 : open+2+end]
		prog, err := expr.Compile(src, exprOptions()...)
		if err != nil {
			line, col, msg := exprPosition(err)
			// The position inside the placeholder, moved to the template.
			l, c := lineCol(s, off+open+2)
			if line > 1 {
				l += line - 1
				c = col
			} else {
				c += col
			}
			return nil, &templateError{l, c, fmt.Sprintf("{{%s}}: %s", src, msg)}
		}
		t.text = append(t.text, rest[:open])
		t.progs = append(t.progs, prog)
		rest = rest[open+2+end+2:]
		off += open + 2 + end + 2
	}
}

// lineCol returns the 1-based line and 0-based rune column of byte offset
// off in s.
func lineCol(s string, off int) (int, int) {
	line, col := 1, 0
	for _, r := range s[:off] {
		if r == '\n' {
			line++
			col = 0
		} else {
			col++
		}
	}
	return line, col
}

// render fills the template for env; a value that fails to evaluate shows
// as <error: …>.
func (t *template) render(env exprEnv) string {
	var b strings.Builder
	for i, p := range t.progs {
		b.WriteString(t.text[i])
		v, err := runUser(p, env)
		if err != nil {
			fmt.Fprintf(&b, "<error: %s>", firstLine(err.Error()))
			continue
		}
		b.WriteString(formatValue(v))
	}
	b.WriteString(t.text[len(t.text)-1])
	return b.String()
}

func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// addYen adds two sums of yen, holding at the largest int64 instead of
// wrapping around: a user rule's SumCard over absurd amounts must not turn
// negative and pass a "> 100000" test.
func addYen(a, b int64) int64 {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	if b < 0 && a < math.MinInt64-b {
		return math.MinInt64
	}
	return a + b
}

// userMemory bounds what one evaluation of a user rule's expression may
// build (expr counts the elements of the ranges, arrays and maps it makes):
// a tenth of expr's default, far more than a rule about a charge needs, and
// small enough that one evaluation ends in well under a second, so the
// run's time budget, checked between charges, holds.
const userMemory = 100_000

// runUser evaluates a user's expression for env within userMemory.
func runUser(p *vm.Program, env exprEnv) (any, error) {
	m := vm.VM{MemoryBudget: userMemory}
	return m.Run(p, env)
}

// firstLine is the first line of an expr error: the message and its
// position, without the source excerpt under it.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
