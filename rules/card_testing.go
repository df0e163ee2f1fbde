package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(60, func() Rule {
		return cardTestingRule{Severity: severity.Warning, Max: 100, Follow: 14, FollowSeverity: severity.Alert}
	})
}

// CardTesting flags tiny charges (Max yen or less) at payees that are not
// known and new to the card: thieves try a stolen number with a few yen
// before spending it. When larger charges at other new, unknown payees
// follow within Follow days it is stronger (FollowSeverity), and those
// charges are part of the finding: they are what the test was for. Tiny
// charges at one payee within a day are one finding. A refund of the tiny
// charge quiets it (see the reversed rule).
type cardTestingRule struct {
	Severity       severity.Severity `yaml:"severity" doc:"severity of a tiny charge at an unknown payee"`
	Max            yenAmount         `yaml:"max" doc:"a charge up to this amount is tiny"`
	Follow         dayCount          `yaml:"follow" doc:"look this long after it for larger charges at new payees"`
	FollowSeverity severity.Severity `yaml:"follow-severity" doc:"severity when such charges follow"`
}

// ID implements [Rule].
func (cardTestingRule) ID() string { return "card-testing" }

// Doc says what the rule flags.
func (cardTestingRule) Doc() string {
	return "tiny charges at unknown payees (how stolen cards are tested), stronger when larger new charges follow"
}

// Check implements [Rule].
func (t cardTestingRule) Check(card *Card) []Finding {
	var out []Finding
	var group []int
	flush := func() {
		if len(group) > 0 {
			if f, ok := t.finding(card, group); ok {
				out = append(out, f)
			}
			group = nil
		}
	}
	// Tiny charges from Follow days before the window on: a test the last
	// run saw still explains the larger charges that follow it in this one.
	for i := card.search(card.From.AddDays(-int(t.Follow))); i < len(card.Charges); i++ {
		ch := card.Charges[i]
		if !isPurchase(ch) || !card.unknownNew(i) || card.yen[i] > int64(t.Max) {
			continue
		}
		if len(group) > 0 {
			g := card.Charges[group[0]]
			if g.Payee != ch.Payee || int(ch.Date-g.Date) > 1 {
				flush()
			}
		}
		group = append(group, i)
	}
	flush()
	return out
}

// unknownNew reports whether the purchase at index i is at a payee that is
// neither known nor paid for long: not a config payee, no stream that ran
// before, first paid less than [newRelationship] days earlier.
func (c *Card) unknownNew(i int) bool {
	ch := c.Charges[i]
	if c.isKnown(ch) {
		return false
	}
	return c.isNewPayee(ch) && !c.payeeKnown(ch)
}

// recentlyMet reports whether the card's first purchase of any trust from
// the payee of purchase i is less than [newRelationship] days before it:
// new to the card by the calendar, however its first charges were judged.
func (c *Card) recentlyMet(i int) bool {
	first, _ := c.firstPurchase(c.byPayee[c.Charges[i].Payee])
	return int(c.Charges[i].Date-first) < newRelationship
}

// followUp reports whether the purchase at index i looks like what a
// tested card is used for: not a known payment, above max, and either at
// a new unknown payee for an amount that is large for the card (its usual
// large purchase, the 90th percentile) or at a high-risk merchant, or at
// least twice the most the card ever paid that payee a month or more before.
func (c *Card) followUp(i int, max yenAmount) bool {
	ch := c.Charges[i]
	y := c.yen[i]
	if y <= int64(max) {
		return false
	}
	if _, known := c.Known(ch); known {
		return false
	}
	if k := KindOf(ch); k == BigTicket || k == Donation {
		return false // a flight booked, a donation made: the user's own, as new-merchant judges them
	}
	if c.unknownNew(i) {
		return y >= c.baseline().P90 || defaultHighRisk().kind(ch) != ""
	}
	return y > 2*c.payeeMaxBefore(i)
}

// finding reports the tiny charges of group with the larger ones that
// follow them. A group the window does not hold (a test the last run
// reported) is a finding only when larger charges follow it in the window,
// and holds only those.
func (t cardTestingRule) finding(card *Card, group []int) (Finding, bool) {
	first, last := card.Charges[group[0]], card.Charges[group[len(group)-1]]
	earlier := last.Date < card.From
	var sum int64
	var charges []*statement.Charge
	for _, i := range group {
		sum += card.yen[i]
		if !earlier {
			charges = append(charges, card.Charges[i])
		}
	}
	f := Finding{Severity: t.Severity, Charges: charges}
	args := message.Args{"payee": message.Text(first.Payee), "date": message.Date(first.Date), "charges": message.Count(len(group)),
		"sum": message.Yen(sum), "max": message.Yen(int64(t.Max)), "follow": message.Count(0)}

	// Larger charges at other new payees (or far above their usual) within
	// Follow days.
	n, total, top := 0, int64(0), -1
	end := last.Date.AddDays(int(t.Follow))
	for i := card.indexOf(last) + 1; i >= 1 && i < len(card.Charges) && card.Charges[i].Date <= end; i++ {
		ch := card.Charges[i]
		if !isPurchase(ch) || ch.Payee == first.Payee || ch.Date < card.From || !card.followUp(i, t.Max) {
			continue
		}
		n++
		total += card.yen[i]
		f.Charges = append(f.Charges, ch)
		if top < 0 || card.yen[i] > card.yen[top] {
			top = i
		}
	}
	if n > 0 {
		f.Severity = max(t.Severity, t.FollowSeverity)
		args["follow"] = message.Count(n)
		args["within"] = message.Days(int(t.Follow))
		args["follow-sum"] = message.Yen(total)
		args["largest"] = message.Yen(card.yen[top])
		args["largest-payee"] = message.Text(card.Charges[top].Payee)
	}
	f.Message = message.New("card-testing", args)
	return f, len(f.Charges) > 0
}
