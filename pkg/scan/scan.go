// Package scan is cardcheck's pipeline as a library: find the statement files,
// import them, merge the charges seen in several files, group them by card,
// and run the rules over the checked window.
package scan

import (
	"runtime"
	"sort"
	"sync"

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
		prev, ok := byCard[l]
		if !ok {
			labels = append(labels, l)
			byCard[l] = cs // a label of one card value, nearly always: not copied
			continue
		}
		byCard[l] = append(prev, cs...)
	}
	sort.Strings(labels)
	// Each card learns its history on its own (the cards share nothing
	// they change), so they are made in parallel, one per core at a time.
	type window struct{ first, from, to statement.Date }
	windows := make([]window, len(labels))
	res.Cards = make([]*rules.Card, len(labels))
	eachOnCores(len(labels), func() func(int) {
		return func(i int) {
			cs := byCard[labels[i]]
			w := window{first: cs[0].Date, to: cs[0].Date}
			for _, c := range cs {
				w.to = max(w.to, c.Date)
				w.first = min(w.first, c.Date)
			}
			w.from = w.to.AddDays(-(WindowDays - 1))
			switch {
			case opt.All:
				w.from = w.first
			case !opt.Since.IsZero():
				w.from = opt.Since
			}
			card := rules.NewCard(labels[i], cs, w.from, w.to, opt.Config.Spec())
			card.Apply(opt.Verdicts)
			res.Cards[i], windows[i] = card, w
		}
	})
	res.Checked = Checked{}
	for i, card := range res.Cards {
		w := windows[i]
		n := len(card.Window())
		if n == 0 {
			continue
		}
		if res.Checked.Charges == 0 || w.from < res.Checked.From {
			res.Checked.From = max(w.from, w.first)
		}
		res.Checked.To = max(res.Checked.To, w.to)
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

// eachOnCores calls do(i) for every i below n, on as many goroutines as
// there are cores, and returns when every call has. Each goroutine calls
// worker once for its do, which may keep what the goroutine's calls share.
func eachOnCores(n int, worker func() (do func(i int))) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		do := worker()
		go func() {
			defer wg.Done()
			for i := range jobs {
				do(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
