package rules

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Burst flags Min or more purchases from one payee within WithinDays days.
// Statements carry dates, not times, so "within 24 h" is read as the same
// day or the next (WithinDays 1). A payee whose history on the card already
// shows such bursts (a transit charge several times a day) is not flagged.
type Burst struct {
	Min        int
	WithinDays int
}

// ID implements [Rule].
func (Burst) ID() string { return "burst" }

// Check implements [Rule].
func (b Burst) Check(card *Card) []Finding {
	if b.Min < 2 {
		return nil
	}
	byPayee := map[string][]*statement.Charge{}
	var order []string
	for _, ch := range card.Charges {
		if ch.Kind != statement.Purchase || !ch.Amount.IsPositive() {
			continue
		}
		if _, ok := byPayee[ch.Payee]; !ok {
			order = append(order, ch.Payee)
		}
		byPayee[ch.Payee] = append(byPayee[ch.Payee], ch)
	}
	var out []Finding
	for _, p := range order {
		groups := b.groups(byPayee[p])
		usual := false
		for _, g := range groups {
			if g[len(g)-1].Date < card.From {
				usual = true // a burst in the history: this payee's normal behaviour
			}
		}
		for _, g := range groups {
			if g[len(g)-1].Date < card.From || usual {
				continue
			}
			en, ja := b.message(card, g)
			out = append(out, Finding{Severity: Alert, Message: en, MessageJA: ja, Charges: g})
		}
	}
	return out
}

// groups returns the runs of charges (in date order) that hold Min or more
// within WithinDays, merged where they overlap.
func (b Burst) groups(cs []*statement.Charge) [][]*statement.Charge {
	in := make([]bool, len(cs))
	lo := 0
	for hi := range cs {
		for int(cs[hi].Date-cs[lo].Date) > b.WithinDays {
			lo++
		}
		if hi-lo+1 >= b.Min {
			for i := lo; i <= hi; i++ {
				in[i] = true
			}
		}
	}
	var out [][]*statement.Charge
	var cur []*statement.Charge
	for i, c := range cs {
		if !in[i] {
			continue
		}
		if len(cur) > 0 && int(c.Date-cur[len(cur)-1].Date) > b.WithinDays {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, c)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func (b Burst) message(card *Card, g []*statement.Charge) (en, ja string) {
	var sum decimal.Decimal
	for _, c := range g {
		sum = sum.Add(c.Amount)
	}
	first, last := g[0].Date, g[len(g)-1].Date
	when := "on " + first.String()
	if last != first {
		when = fmt.Sprintf("from %s to %s", first, last)
	}
	whenJA := first.String() + " に"
	if last != first {
		whenJA = fmt.Sprintf("%s から %s に", first, last)
	}
	var history, historyJA string
	if !card.PaidBefore(g[0].Payee, first) {
		history = "; this card never paid this payee before"
		historyJA = "。このカードでは初めての支払先"
	}
	en = fmt.Sprintf("%d charges from %s %s (%s in all)%s; the limit is %d in %s",
		len(g), g[0].Payee, when, statement.FormatYen(sum), history, b.Min, b.window())
	ja = fmt.Sprintf("%s %s %d 件（合計 %s）%s。上限は %s に %d 件",
		g[0].Payee, whenJA, len(g), statement.FormatYen(sum), historyJA, b.windowJA(), b.Min)
	return en, ja
}

func (b Burst) windowJA() string {
	if b.WithinDays == 1 {
		return "24 時間"
	}
	return fmt.Sprintf("%d 日間", b.WithinDays)
}

func (b Burst) window() string {
	if b.WithinDays == 1 {
		return "24 h"
	}
	return fmt.Sprintf("%d days", b.WithinDays)
}
