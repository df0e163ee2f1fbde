package learn

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Item is one recurring payee on a card's reissue checklist.
type Item struct {
	Stream
	// Source is "learned" for a stream found in the statements, "config"
	// for a config payee seen on the card that no stream explains.
	Source string `json:"source"`
	// Moved is the date of the payee's first charge on the new card; zero
	// when it has not appeared there (or no new card was given).
	Moved statement.Date `json:"moved,omitzero"`
}

// Checklist is the reissue checklist of one card: the places to update
// after the card is replaced.
type Checklist struct {
	Card    string         `json:"card"`
	Last    statement.Date `json:"last_charge"` // the card's newest charge
	NewCard string         `json:"new_card,omitempty"`
	Items   []Item         `json:"payees"`
}

// Payees builds the checklist of each card whose label matches card (every
// card but the new one when card is empty): its recurring payees still
// running at its last charge, learned or from the config, with cadence,
// typical amount, last charge and next expected date, soonest due first.
// When newCard is given it must match one card, and each item says when the
// payee first charged it.
func Payees(charges []*statement.Charge, cfg *config.Config, card, newCard string) ([]Checklist, error) {
	labels, by := ByCard(charges)
	if len(labels) == 0 {
		return nil, message.NewError("payees.no-charges", nil, nil)
	}
	var newLabel string
	if newCard != "" {
		m := cardsOf(labels, newCard)
		switch len(m) {
		case 0:
			return nil, message.NewError("payees.new-card.none", message.Args{"card": message.Text(newCard), "cards": joinLabels(labels)}, nil)
		case 1:
			newLabel = m[0]
		default:
			return nil, message.NewError("payees.new-card.many", message.Args{"card": message.Text(newCard), "n": message.Count(len(m)), "cards": joinLabels(m)}, nil)
		}
	}
	var old []string
	for _, l := range cardsOf(labels, card) {
		if l != newLabel {
			old = append(old, l)
		}
	}
	if len(old) == 0 {
		return nil, message.NewError("payees.card.none", message.Args{"card": message.Text(card), "cards": joinLabels(labels)}, nil)
	}
	var out []Checklist
	for _, l := range old {
		cs := by[l]
		list := Checklist{Card: l, Last: cs[len(cs)-1].Date, NewCard: newLabel}
		for _, c := range cs {
			list.Last = max(list.Last, c.Date)
		}
		list.Items = items(l, cs, list.Last, cfg)
		if newLabel != "" {
			for i := range list.Items {
				list.Items[i].Moved = firstOn(by[newLabel], &list.Items[i], cfg)
			}
		}
		out = append(out, list)
	}
	return out, nil
}

// items lists a card's running recurring payees.
func items(label string, cs []*statement.Charge, last statement.Date, cfg *config.Config) []Item {
	var out []Item
	covered := map[string]bool{}
	for _, s := range recurring.Learn(cs) {
		covered[s.Payee] = true
		// A stream that stopped more than a cycle before the card's last
		// charge was cancelled, not left behind on the old card.
		if s.Next()+statement.Date(s.Cadence.Days+s.Cadence.Tolerance) < last {
			continue
		}
		out = append(out, Item{Stream: streamOf(label, s, cfg), Source: "learned"})
	}
	if cfg != nil {
		for i := range cfg.Payees {
			p := &cfg.Payees[i]
			if !p.AppliesTo(label) {
				continue
			}
			var lastCharge *statement.Charge
			n := 0
			for _, c := range cs {
				if c.Kind == statement.Purchase && p.MatchesCharge(c) && !covered[c.Payee] {
					lastCharge = c
					n++
				}
			}
			if lastCharge == nil {
				continue
			}
			it := Item{Source: "config", Stream: Stream{
				Card: label, Payee: lastCharge.Payee, Via: lastCharge.Via, Merchant: lastCharge.Merchant, Cadence: p.Cadence,
				Typical: lastCharge.Amount, Min: lastCharge.Amount, Max: lastCharge.Amount,
				Occurrences: n, Last: lastCharge.Date, Established: true, Config: p.Name,
			}}
			if lo, hi, ok := p.ExpectedAmount(); ok {
				it.Min, it.Max = lo, hi
				it.Typical = lo.Add(hi).Div(decimal.NewFromInt(2)).Round(0)
			}
			if cad, ok := recurring.CadenceByName(p.Cadence); ok {
				it.Next = cad.Next(it.Last)
			}
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Next, out[j].Next
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		if a != b {
			return a < b
		}
		return out[i].Payee < out[j].Payee
	})
	return out
}

// firstOn returns the date of the item's payee's first purchase on the new
// card's charges, or zero.
func firstOn(cs []*statement.Charge, it *Item, cfg *config.Config) statement.Date {
	var p *spec.Payee
	if cfg != nil && it.Config != "" {
		for i := range cfg.Payees {
			if cfg.Payees[i].Name == it.Config {
				p = &cfg.Payees[i]
			}
		}
	}
	for _, c := range cs {
		if c.Kind == statement.Purchase && (c.Payee == it.Payee || p != nil && p.MatchesCharge(c)) {
			return c.Date
		}
	}
	return 0
}

// WriteChecklists prints each checklist as a table under a heading line,
// with a summary of what is left to update, in l.
func WriteChecklists(w io.Writer, l lang.Lang, lists []Checklist) error {
	say := func(key string, args message.Args) error {
		_, err := fmt.Fprintln(w, message.Render(l, message.New(key, args)))
		return err
	}
	for i, cl := range lists {
		if i > 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		}
		card := message.Text(safetext.Terminal(cl.Card))
		if err := say("payees.heading", message.Args{"card": card, "date": message.Date(cl.Last)}); err != nil {
			return err
		}
		if len(cl.Items) == 0 {
			if _, err := fmt.Fprintln(w, "  "+message.Render(l, message.New("payees.none", nil))); err != nil {
				return err
			}
			continue
		}
		t := &report.Table{Right: map[int]bool{2: true}}
		head := heads(l, "payee", "cadence", "amount", "last", "next", "source")
		if cl.NewCard != "" {
			head = append(head, heads(l, "moved")...)
		}
		t.Row(head...)
		var left []string
		for _, it := range cl.Items {
			next := "–"
			if !it.Next.IsZero() {
				next = it.Next.String()
			}
			src := message.Render(l, message.New("learn.source", message.Args{
				"config": message.Bool(it.Source == "config"), "established": message.Bool(it.Established)}))
			row := []string{safetext.Terminal(it.Name()), it.CadenceText(l), it.AmountText(), it.Last.String(), next, src}
			if cl.NewCard != "" {
				since := ""
				if !it.Moved.IsZero() {
					since = it.Moved.String()
				} else {
					left = append(left, safetext.Terminal(it.Name()))
				}
				row = append(row, message.Render(l, message.New("learn.moved", message.Args{"date": message.Text(since)})))
			}
			t.Row(row...)
		}
		if err := t.Write(w); err != nil {
			return err
		}
		n := message.Count(len(cl.Items))
		newCard := message.Text(safetext.Terminal(cl.NewCard))
		var err error
		switch {
		case cl.NewCard == "":
			err = say("payees.to-update", message.Args{"n": n})
		case len(left) == 0:
			err = say("payees.all-moved", message.Args{"n": n, "card": newCard})
		default:
			sep := ", "
			if l == lang.JA {
				sep = "、"
			}
			err = say("payees.some-moved", message.Args{"n": n, "card": newCard,
				"moved": message.Count(len(cl.Items) - len(left)), "left": message.Text(strings.Join(left, sep))})
		}
		if err != nil {
			return err
		}
	}
	return nil
}
