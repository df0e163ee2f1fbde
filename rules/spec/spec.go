// Package spec is what a config says to the rules: the user's cards and
// their modes, the known payees, and the rules section (settings per rule
// and per card, user rules, extra breaches). It reads and checks that part
// of the file; package rules builds the engine from a [Spec] and never
// imports the config. (Prometheus keeps its rule-file format, model/rulefmt,
// apart from its rule engine the same way.)
//
// Every field is optional: with an empty Spec the rules run at their
// defaults and learn each card's recurring payees from its statements.
package spec

import (
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
)

// Spec is the rules' part of a config.
type Spec struct {
	// File is the config file, for errors ("" for none).
	File string
	// Cards says how each card is used.
	Cards []Card
	// Payees are the known (recurring) payees.
	Payees []Payee
	// Rules sets the rules' parameters, adds user rules and breaches.
	Rules Rules
}

// Card modes.
const (
	// RecurringOnly cards are used for known recurring payments only: any
	// other payee is suspect.
	RecurringOnly = "recurring-only"
	// Everyday cards buy anything; only what looks like fraud is flagged.
	Everyday = "everyday"
)

// Card describes one of the user's cards.
type Card struct {
	// Match selects the card: a part of its label as reports print it (card
	// name and masked number); see [MatchLabel].
	Match string `yaml:"match"`
	// Name is an optional nickname used in reports.
	Name string `yaml:"name"`
	// Mode is "recurring-only" or "everyday"; empty means decided from the
	// card's history.
	Mode string `yaml:"mode"`

	Line, Column int `yaml:"-"`
}

// MatchLabel reports whether part (a card entry's match, a payee's or a
// user rule's cards) selects the card labelled label: it is part of the
// label after normalisation ("4980-00**" selects "ゴールド 4980-00**-****-****").
// Card labels are the user's own cards, so a part is enough.
func MatchLabel(part, label string) bool {
	p := payee.Fold(part)
	return p != "" && strings.Contains(payee.Fold(label), p)
}

// Matches reports whether the card labelled label is this card.
func (c *Card) Matches(label string) bool { return MatchLabel(c.Match, label) }

// Payee is a known payee.
type Payee struct {
	Name string `yaml:"name"`
	// Patterns name the payee's keys; see package payee for the forms
	// (a whole key, "prefix:", "re:"). None means the name is the pattern.
	Patterns []string `yaml:"patterns"`
	// Amount is the expected amount: "1100", or a range "1000-1500".
	Amount string `yaml:"amount"`
	// Cadence is how often it charges: weekly, monthly, bimonthly, quarterly,
	// half-yearly, yearly or irregular.
	Cadence string `yaml:"cadence"`
	// Cards limits the payee to cards whose label contains one of these; none
	// means every card.
	Cards []string `yaml:"cards"`

	Line, Column int `yaml:"-"`
	match        *payee.Matcher
	min, max     decimal.Decimal
	hasAmount    bool
}

// Cadences lists the cadence names and their period in days.
var Cadences = map[string]int{
	"weekly": 7, "monthly": 30, "bimonthly": 61, "quarterly": 91,
	"half-yearly": 182, "yearly": 365, "irregular": 0,
}

// Matches reports whether the payee with key (paid via via) is this payee.
func (p *Payee) Matches(key, via string) bool { return p.match.Match(key, via) }

// MatchesCharge reports whether ch is a charge of this payee.
func (p *Payee) MatchesCharge(ch *statement.Charge) bool { return p.match.Match(ch.Payee, ch.Via) }

// Partly returns a pattern of the payee that is part of key without
// matching it: see [payee.Matcher.Partly].
func (p *Payee) Partly(key string) (string, bool) { return p.match.Partly(key) }

// AppliesTo reports whether the payee is known on the card labelled label.
func (p *Payee) AppliesTo(label string) bool {
	if len(p.Cards) == 0 {
		return true
	}
	for _, c := range p.Cards {
		if MatchLabel(c, label) {
			return true
		}
	}
	return false
}

// ExpectedAmount returns the expected range; ok is false when none is set.
func (p *Payee) ExpectedAmount() (lo, hi decimal.Decimal, ok bool) {
	return p.min, p.max, p.hasAmount
}

// CardFor returns the entry for the card labelled label, or nil.
func (s *Spec) CardFor(label string) *Card {
	if s == nil {
		return nil
	}
	for i := range s.Cards {
		if s.Cards[i].Matches(label) {
			return &s.Cards[i]
		}
	}
	return nil
}

// PayeeFor returns the known payee that ch, on the card labelled label,
// is a charge of, or nil.
func (s *Spec) PayeeFor(label string, ch *statement.Charge) *Payee {
	if s == nil {
		return nil
	}
	for i := range s.Payees {
		if p := &s.Payees[i]; p.AppliesTo(label) && p.MatchesCharge(ch) {
			return p
		}
	}
	return nil
}

// DecodeCards reads the cards section, entry by entry: a bad entry is an
// error and is left out, and the others are read.
func DecodeCards(file string, node ast.Node) ([]Card, []error) {
	var out []Card
	var errs []error
	eachItem(file, node, "spec.list.cards", &errs, func(n ast.Node) {
		var c Card
		if err := yamlfile.Decode(file, n, &c); err != nil {
			errs = append(errs, err)
			return
		}
		c.Line, c.Column = yamlfile.Pos(n)
		switch {
		case strings.TrimSpace(c.Match) == "":
			errs = append(errs, yamlfile.At(file, n, message.New("spec.card.match", nil)))
			return
		case c.Mode != "" && c.Mode != RecurringOnly && c.Mode != Everyday:
			errs = append(errs, yamlfile.At(file, yamlfile.Field(n, "mode"), message.New("spec.card.mode", message.Args{
				"mode": message.Text(c.Mode), "a": message.Text(RecurringOnly), "b": message.Text(Everyday)})))
			return
		}
		out = append(out, c)
	})
	return out, errs
}

// DecodePayees reads the payees section, entry by entry, and compiles
// their patterns.
func DecodePayees(file string, node ast.Node) ([]Payee, []error) {
	var out []Payee
	var errs []error
	eachItem(file, node, "spec.list.payees", &errs, func(n ast.Node) {
		var p Payee
		if err := yamlfile.Decode(file, n, &p); err != nil {
			errs = append(errs, err)
			return
		}
		p.Line, p.Column = yamlfile.Pos(n)
		if e := p.compile(file, n); len(e) > 0 {
			errs = append(errs, e...)
			return
		}
		out = append(out, p)
	})
	return out, errs
}

// compile checks the entry and compiles its patterns and amount.
func (p *Payee) compile(file string, n ast.Node) []error {
	var errs []error
	if len(p.Patterns) == 0 {
		if p.Name == "" {
			return []error{yamlfile.At(file, n, message.New("spec.payee.name", nil))}
		}
		p.Patterns = []string{p.Name}
	}
	m, err := payee.Compile(p.Patterns)
	if err != nil {
		errs = append(errs, yamlfile.Errorf(file, patternNode(n, err), "%v", err))
	}
	p.match = m
	if p.Name == "" {
		p.Name = p.Patterns[0]
	}
	if p.Amount != "" {
		lo, hi, err := ParseAmountRange(p.Amount)
		if err != nil {
			errs = append(errs, yamlfile.At(file, yamlfile.Field(n, "amount"), message.New("spec.payee.amount", message.Args{"amount": message.Text(p.Amount)})))
		} else {
			p.min, p.max, p.hasAmount = lo, hi, true
		}
	}
	if _, ok := Cadences[p.Cadence]; !ok && p.Cadence != "" {
		errs = append(errs, yamlfile.At(file, yamlfile.Field(n, "cadence"), message.New("spec.payee.cadence", message.Args{"cadence": message.Text(p.Cadence)})))
	}
	return errs
}

// NewPayee returns a payee made in the program (by a test, or for the
// user before it is written to the config), compiled.
func NewPayee(name string, patterns []string, amount, cadence string) (Payee, error) {
	p := Payee{Name: name, Patterns: patterns, Amount: amount, Cadence: cadence}
	if errs := p.compile("", nil); len(errs) > 0 {
		return p, errs[0]
	}
	return p, nil
}

// ParseAmountRange reads "1100" or "1000-1500" (yen, commas allowed).
func ParseAmountRange(s string) (lo, hi decimal.Decimal, err error) {
	a, b, isRange := strings.Cut(strings.ReplaceAll(s, ",", ""), "-")
	if isRange && strings.TrimSpace(a) == "" {
		isRange = false
		b = "-" + b
		a = b
	}
	lo, err = decimal.NewFromString(strings.TrimSpace(a))
	if err != nil {
		return lo, hi, message.NewError("spec.payee.amount", message.Args{"amount": message.Text(s)}, nil)
	}
	hi = lo
	if isRange {
		hi, err = decimal.NewFromString(strings.TrimSpace(b))
		if err != nil || hi.LessThan(lo) {
			return lo, hi, message.NewError("spec.payee.amount", message.Args{"amount": message.Text(s)}, nil)
		}
	}
	return lo, hi, nil
}

// eachItem calls f with each entry of the list node; anything else but an
// empty value is an error, said by the catalogue entry want.
func eachItem(file string, node ast.Node, want string, errs *[]error, f func(ast.Node)) {
	switch n := node.(type) {
	case *ast.SequenceNode:
		for _, v := range n.Values {
			f(v)
		}
	case *ast.NullNode, nil:
	default:
		*errs = append(*errs, yamlfile.At(file, node, message.New(want, nil)))
	}
}

// patternNode is the node of the pattern err (a *payee.PatternError) is
// about.
func patternNode(n ast.Node, err error) ast.Node {
	ps := yamlfile.Field(n, "patterns")
	if pe, ok := err.(*payee.PatternError); ok {
		if s, ok := ps.(*ast.SequenceNode); ok && pe.Index < len(s.Values) {
			return s.Values[pe.Index]
		}
	}
	return ps
}

// StalePatterns finds the payees that match none of charges because their
// patterns match whole payee keys, while a pattern is part of one: before
// patterns matched whole keys, "東西新聞" made "東西新聞 購読料" known. Each
// is a warning at the payee's line naming the key to write instead.
func (s *Spec) StalePatterns(charges []*statement.Charge) []error {
	if s == nil || len(s.Payees) == 0 {
		return nil
	}
	matched := make([]bool, len(s.Payees))
	partly := make([]string, len(s.Payees)) // a key that holds a pattern
	pattern := make([]string, len(s.Payees))
	type payeeVia struct{ key, via string }
	seen := map[payeeVia]bool{}
	for _, ch := range charges {
		k := payeeVia{ch.Payee, ch.Via}
		if seen[k] {
			continue
		}
		seen[k] = true
		for i := range s.Payees {
			p := &s.Payees[i]
			if matched[i] {
				continue
			}
			if p.Matches(k.key, k.via) {
				matched[i] = true
			} else if partly[i] == "" {
				if pat, ok := p.Partly(k.key); ok {
					partly[i], pattern[i] = k.key, pat
				}
			}
		}
	}
	var out []error
	for i := range s.Payees {
		if matched[i] || partly[i] == "" {
			continue
		}
		p := &s.Payees[i]
		out = append(out, &yamlfile.Error{File: s.File, Line: p.Line, Column: p.Column, Message: message.New("spec.payee.partly", message.Args{
			"name": message.Text(p.Name), "pattern": message.Text(pattern[i]), "payee": message.Text(partly[i]), "prefix": message.Text("prefix:" + pattern[i])})})
	}
	return out
}
