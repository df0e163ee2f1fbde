package rules

import (
	"sort"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(50, func() Rule {
		return duplicateRule{Severity: severity.Warning, SeverityRecurringOnly: severity.Alert, Within: 5}
	})
}

// Duplicate flags the same payee charging the same amount twice within a
// few days, in the same month, where the payee normally charges once per
// cycle at that amount (an established monthly or longer learned stream it
// fits — top-ups every few days can look weekly — or a
// subscription-like payee: a config payee with a cadence, or one whose
// charges are nearly all streams). Two cycles of one subscription on one statement have different
// 利用日 months and are not duplicates; nor is a pair the payee's history
// already shows (two family plans billed the same day).
//
// The finding lists the suspect charge only: the one off the payee's rhythm
// (not a stream member), else the later one. On a recurring-only card it is
// SeverityRecurringOnly: there every charge beyond the known ones is serious.
type duplicateRule struct {
	Severity              severity.Severity `yaml:"severity" doc:"severity of a duplicate charge"`
	SeverityRecurringOnly severity.Severity `yaml:"severity-recurring-only" doc:"…on a recurring-only card"`
	Within                dayCount          `yaml:"within" doc:"at most this many days apart (and less than one cycle)"`
}

// ID implements [Rule].
func (duplicateRule) ID() string { return "duplicate" }

// Doc says what the rule flags.
func (duplicateRule) Doc() string {
	return "the same amount twice within a few days from a payee that charges once per cycle"
}

// Check implements [Rule].
func (d duplicateRule) Check(card *Card) []Finding {
	var out []Finding
	sev := d.Severity
	if card.RecurringOnly {
		sev = d.SeverityRecurringOnly
	}
	for _, p := range card.payeesInWindow() {
		px := card.byPayee[p]
		if card.cashLike(px) {
			continue // top-ups and app stores repeat round amounts: that is their use
		}
		cad, once := px.cycle()
		once = once && px.subscriptionLike()
		within := int(d.Within)
		if cad.Min > 0 {
			within = min(within, cad.Min-1)
		}
		// Pairs are judged in the window first; the history is read for
		// such pairs (this payee's normal) only when the window has one.
		duplicate := func(pr [2]int) bool {
			b := card.Charges[pr[1]]
			gap := int(b.Date - card.Charges[pr[0]].Date)
			if s := px.streamFitting(b); s != nil && s.Cadence.Months > 0 && gap < s.Cadence.Min {
				return true // a subscription's amount: once per cycle of that stream
			}
			return once && gap <= within
		}
		var keep [][2]int
		for _, pr := range card.samePairs(px, int(d.Within), card.From, card.To+1) {
			if duplicate(pr) {
				keep = append(keep, pr)
			}
		}
		if len(keep) == 0 {
			continue
		}
		usual := map[int64]bool{}
		for _, pr := range card.samePairs(px, int(d.Within), 0, card.From) {
			if duplicate(pr) {
				usual[card.yen[pr[1]]] = true
			}
		}
		for _, pr := range keep {
			if usual[card.yen[pr[1]]] {
				continue
			}
			a, b := card.Charges[pr[0]], card.Charges[pr[1]]
			suspect := b
			if card.inStream(b) && !card.inStream(a) {
				suspect = a
			}
			cycle := message.Term("cadence.once-per-cycle")
			if s := px.streamFitting(b); s != nil {
				cycle = cadenceTerm(s.Cadence)
			} else if cad.Name != "" {
				cycle = cadenceTerm(cad)
			}
			msg := message.New("duplicate", message.Args{"payee": message.Text(p), "amount": message.Yen(card.yen[pr[1]]),
				"first": message.Date(a.Date), "second": message.Date(b.Date), "apart": message.Days(int(b.Date - a.Date)), "cadence": cycle})
			out = append(out, Finding{Severity: sev, Message: msg, Charges: []*statement.Charge{suspect}})
		}
	}
	for _, p := range card.payeesInWindow() {
		if f, ok := d.extraInCycle(card, card.byPayee[p], sev); ok {
			out = append(out, f...)
		}
	}
	return out
}

// firstInWindow returns the position in px.purchases of its first purchase
// in the window.
func (c *Card) firstInWindow(px *payeeIndex) int {
	return sort.Search(len(px.purchases), func(k int) bool { return px.purchases[k] >= c.start })
}

// cashLike reports whether px is a top-up or a high-risk store (app, game,
// gift card), where the same amount twice is how they are used.
func (c *Card) cashLike(px *payeeIndex) bool {
	return c.kindOf(px) == TopUp || c.riskOf(px, nil) != ""
}

// extraInCycle finds, at a payee that charges once per monthly or longer
// cycle, a window purchase that is no member of its streams and falls
// within one cycle after a member: a second charge in one cycle, whatever
// its amount (a double charge billed at a different amount, a fraudster
// riding a known payee). Both charges are listed.
func (d duplicateRule) extraInCycle(card *Card, px *payeeIndex, sev severity.Severity) ([]Finding, bool) {
	cad, once := px.cycle()
	if !once || cad.Months < 1 || !px.subscriptionLike() || card.cashLike(px) {
		return nil, false
	}
	var out []Finding
	for k := max(1, int(card.firstInWindow(px))); k < len(px.purchases); k++ {
		i, j := px.purchases[k], px.purchases[k-1]
		a, b := card.Charges[j], card.Charges[i]
		if i < card.start || card.stream[i] != nil || card.stream[j] == nil || card.yen[i] == card.yen[j] {
			continue // not in the window, a member itself, or a same-amount pair (above)
		}
		gap := int(b.Date - a.Date)
		if gap >= min(cad.Min, monthApart) {
			continue // a month apart is a cycle of its own (a streams learner may call a monthly plan bimonthly)
		}
		msg := message.New("duplicate.cycle", message.Args{"payee": message.Text(px.key), "first-amount": message.Yen(card.yen[j]),
			"first": message.Date(a.Date), "amount": message.Yen(card.yen[i]), "second": message.Date(b.Date),
			"apart": message.Days(gap), "cadence": cadenceTerm(cad)})
		out = append(out, Finding{Severity: sev, Message: msg, Charges: []*statement.Charge{a, b}})
	}
	return out, len(out) > 0
}

// streamFitting returns the established stream of the payee whose usual
// amount ch has (within 7.5%, without the learner's ¥300 floor, so that a
// ¥370 app is not a ¥130 plan's charge), or nil.
func (px *payeeIndex) streamFitting(ch *statement.Charge) *recurring.Stream {
	y := statement.WholeYen(ch.Amount)
	for _, s := range px.streams {
		t := statement.WholeYen(s.Typical)
		if s.Established && !s.Variable && max(y-t, t-y)*1000 <= t*75 {
			return s
		}
	}
	return nil
}

// inStream reports whether ch is a member of one of its payee's streams.
func (c *Card) inStream(ch *statement.Charge) bool {
	px := c.byPayee[ch.Payee]
	if px == nil {
		return false
	}
	for _, s := range px.streams {
		for _, m := range s.Charges {
			if m == ch {
				return true
			}
		}
	}
	return false
}

// samePairs returns the index pairs of the payee's purchases of one amount
// at most within days apart in one calendar month, the later one last and
// dated in [from, to).
func (c *Card) samePairs(px *payeeIndex, within int, from, to statement.Date) [][2]int {
	var out [][2]int
	ps := px.purchases
	k0 := sort.Search(len(ps), func(k int) bool { return c.Charges[ps[k]].Date >= from })
	for k := max(k0, 1); k < len(ps) && c.Charges[ps[k]].Date < to; k++ {
		b := c.Charges[ps[k]]
		for j := k - 1; j >= 0; j-- {
			a := c.Charges[ps[j]]
			if int(b.Date-a.Date) > within {
				break
			}
			if c.yen[ps[j]] == c.yen[ps[k]] && a.Date.MonthStart() == b.Date.MonthStart() {
				out = append(out, [2]int{ps[j], ps[k]})
				break
			}
		}
	}
	return out
}

// monthApart is how many days apart two charges of a bill are a month's
// charges rather than one cycle charged twice: billing errors come days
// apart, not weeks.
const monthApart = 20
