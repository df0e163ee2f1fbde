// Package scan is cardcheck's pipeline as a library: find the statement files,
// import them, merge the charges seen in several files, group them by card,
// and run the rules over the checked window.
package scan

import (
	"sort"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// WindowDays is how far back from each card's newest charge the default
// window reaches: 35 days covers a monthly statement with some overlap.
const WindowDays = 35

// Options control a scan.
type Options struct {
	Config *config.Config // nil: no config
	// Since starts the window at a fixed date for every card; zero means
	// the last WindowDays days up to each card's newest charge.
	Since statement.Date
	// All checks every charge, with no history.
	All bool
	// Engine runs the rules; nil means rules.Default().
	Engine *rules.Engine
	// Verdicts are what the user said of earlier findings (the state's
	// acknowledgements): they teach the rules on every card. nil: none.
	Verdicts *rules.Verdicts
	// Today and StaleAfter turn on the warning about cards whose newest
	// confirmed statement ends more than StaleAfter days before Today
	// (StaleRule); either zero turns it off.
	Today      statement.Date
	StaleAfter int
}

// File is one imported file.
type File struct {
	Path     string
	Format   string
	Encoding string
	Stmt     *statement.Statement
}

// Checked describes what was checked.
type Checked struct {
	From, To statement.Date
	Charges  int
}

// Result is the outcome of a scan.
type Result struct {
	Files    []File
	Charges  []*statement.Charge // merged, in date order
	Cards    []*rules.Card
	Findings []rules.Finding
	Checked  Checked
	// Errors are usage, config and input problems; the findings above are
	// still those of every readable charge.
	Errors []error
	// Notes are inputs that held nothing to read and are no error: a
	// folder with no statement in it.
	Notes []importer.Note
	// Warnings are problems that do not stop the check nor change the exit
	// code: a config payee that matches nothing, but would have matched
	// part of a payee before patterns matched whole payees.
	Warnings []error
	// Notices is what the usage-notice mails gave.
	Notices Notices
}

// Registry builds the importer registry for cfg (built-in formats and the
// config's user-defined ones).
func Registry(cfg *config.Config) *importer.Registry {
	if cfg == nil {
		return all.Registry(nil)
	}
	return all.Registry(cfg.Formats)
}

// Run is Load followed by Check.
func Run(paths []string, opt Options) *Result {
	res := Load(Registry(opt.Config), paths)
	Check(res, opt)
	return res
}

// Check groups res.Charges by card, sets each card's window, and runs the
// rules.
func Check(res *Result, opt Options) {
	// Group by the card value first: a label is built once per card, not
	// once per charge (tens of thousands of string concatenations).
	// Neighbouring charges are mostly of one card, so the map is asked
	// only when the card changes.
	byValue := map[statement.Card][]*statement.Charge{}
	var last *statement.Charge
	var group []*statement.Charge
	for _, c := range res.Charges {
		if last == nil || c.Card != last.Card {
			if last != nil {
				byValue[last.Card] = group
			}
			group = byValue[c.Card]
		}
		group = append(group, c)
		last = c
	}
	if last != nil {
		byValue[last.Card] = group
	}
	byCard := map[string][]*statement.Charge{}
	var labels []string
	for card, cs := range byValue {
		l := card.Label()
		if _, ok := byCard[l]; !ok {
			labels = append(labels, l)
		}
		byCard[l] = append(byCard[l], cs...)
	}
	sort.Strings(labels)
	res.Cards = res.Cards[:0]
	res.Checked = Checked{}
	for _, l := range labels {
		cs := byCard[l]
		to := cs[0].Date
		first := cs[0].Date
		for _, c := range cs {
			to = max(to, c.Date)
			first = min(first, c.Date)
		}
		from := to.AddDays(-(WindowDays - 1))
		switch {
		case opt.All:
			from = first
		case !opt.Since.IsZero():
			from = opt.Since
		}
		card := rules.NewCard(l, cs, from, to, opt.Config.Spec())
		card.Apply(opt.Verdicts)
		res.Cards = append(res.Cards, card)
		n := len(card.Window())
		if n == 0 {
			continue
		}
		if res.Checked.Charges == 0 || from < res.Checked.From {
			res.Checked.From = max(from, first)
		}
		res.Checked.To = max(res.Checked.To, to)
		res.Checked.Charges += n
	}
	eng := opt.Engine
	if eng == nil {
		eng = rules.Default()
	}
	res.Findings = append(eng.Run(res.Cards), stale(res, opt.Today, opt.StaleAfter)...)
	// A rule that failed is one error for the run, named once even when
	// it failed on several cards.
	failed := map[string]bool{}
	for _, card := range res.Cards {
		for _, p := range card.Problems() {
			if !failed[p.Rule] {
				failed[p.Rule] = true
				res.Errors = append(res.Errors, p)
			}
		}
	}
	if len(res.Charges) == 0 {
		res.Errors = append(res.Errors, ErrNothingRead)
	}
	res.Warnings = append(res.Warnings, opt.Config.Spec().StalePatterns(res.Charges)...)
}
