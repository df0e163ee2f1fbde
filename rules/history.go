package rules

import (
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// WarmUpDays is how long a card's first charges are taken as they come:
// with little history to compare them with, every payee is new, so nothing
// in the first three monthly statements is judged suspect, and payments
// that start in them began before the statements did. (The rules want as
// much themselves: foreign judges cards with 90 days of history.)
const WarmUpDays = 90

// step is one stretch of the history the engine judges at a time.
type step struct{ from, to statement.Date }

// historySteps returns the calendar months between the end of the card's
// warm-up and the window, in order: the history as monthly runs would have
// checked it, a statement at a time.
func (c *Card) historySteps() []step {
	if len(c.all) == 0 {
		return nil
	}
	from := c.all[0].Date.AddDays(WarmUpDays)
	var out []step
	for from < c.From {
		to := min(from.MonthStart().AddMonths(1)-1, c.From-1)
		out = append(out, step{from, to})
		from = to + 1
	}
	return out
}

// judge marks as suspect the charges of findings at warning or above: the
// ones a run at that time would have reported. Notices mark nothing: those
// about the card cite charges as evidence, and a price increase at a known
// payee (amount-change below a double charge) reports a new price, which
// the following charges then pay.
func (c *Card) judge(found []Finding) {
	for _, f := range found {
		if f.CardLevel || f.Severity < severity.Warning || priceNotice(f) {
			continue
		}
		for _, ch := range f.Charges {
			if i := c.indexOf(ch); i >= 0 && !(c.mine != nil && c.mine[i]) {
				c.suspect[i] = true
				c.modeCount.dirty = c.modeCount.dirty || i < c.modeCount.end
			}
		}
	}
}

// TrustedStreams returns the card's recurring streams that have at least
// two trusted charges (after [Engine.Judge]): the ones a run may teach. A
// fraudster's subscription and a slow skim, reported every month, are left
// out; a new subscription the user acknowledged is in.
func (c *Card) TrustedStreams() []*recurring.Stream {
	trusted := map[*recurring.Stream]int{}
	for i := range c.Charges {
		if s := c.stream[i]; s != nil && c.trusted(i) {
			trusted[s]++
		}
	}
	var out []*recurring.Stream
	for _, s := range c.Streams {
		if trusted[s] >= 2 {
			out = append(out, s)
		}
	}
	return out
}

// priceNotice reports whether every reason at warning or above of f is
// amount-change's price increase (a double charge is an alert).
func priceNotice(f Finding) bool {
	for _, r := range f.Reasons {
		if r.Severity >= severity.Warning && (r.Rule != "amount-change" || r.Severity >= severity.Alert) {
			return false
		}
	}
	return len(f.Reasons) > 0
}
