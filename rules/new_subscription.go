package rules

import (
	"fmt"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	// 15: after unknown-payee, before the bursts.
	register(15, func() Rule {
		return newSubscriptionRule{Severity: severity.Warning, SeverityService: severity.Info, SeverityRecurringOnly: severity.Alert}
	})
}

// newSubscriptionRule reports a payee that starts charging on a cadence: a new
// recurring payment, with its cadence, amount and first date. A cadence is
// a learned monthly stream (see package recurring), or looser, a payee that
// has charged about one amount about once a month from its first charge on
// (every 20 to 45 days, within a tenth or ¥100 of the usual amount): how
// slow skims charge.
//
// Bimonthly and longer cadences are left out: the same amount months later
// is a renewal (see [Card]), and fraud does not wait that long.
//
// Payees first paid in the card's first three months ([WarmUpDays]) are left
// out too: their payments began before the statements cardcheck was given.
//
// It fires on the second charge of a cadence that began the card's
// relationship with the payee (the first time a rhythm can be seen; the
// first charge is reported with it), and again on every later charge as
// long as no charge of it a month or more earlier is trusted: a
// subscription nobody confirmed stays suspect, so a fraudster's monthly
// charge and a slow skim never become normal.
//
// On a recurring-only card it is an alert. On an everyday card it is a
// warning, and information only at a well-known subscription service or
// biller ([Service] in [MerchantKinds]). Payees in the config are known.
type newSubscriptionRule struct {
	Severity              severity.Severity `yaml:"severity" doc:"severity of a new recurring payment at a merchant that is not a well-known service"`
	SeverityService       severity.Severity `yaml:"severity-service" doc:"…at a well-known subscription service or biller"`
	SeverityRecurringOnly severity.Severity `yaml:"severity-recurring-only" doc:"…on a recurring-only card"`
	// Services extends the built-in list of well-known services and billers
	// ([MerchantKinds]) with payee patterns, as the config writes them.
	Services []string `yaml:"services" doc:"more payee patterns of services and billers whose new subscriptions are information"`

	services *payee.Matcher
}

// prepare compiles Services.
func (n *newSubscriptionRule) prepare() error {
	n.services = nil
	if len(n.Services) == 0 {
		return nil
	}
	m, err := payee.Compile(n.Services)
	if err != nil {
		return fmt.Errorf("services: %w", err)
	}
	n.services = m
	return nil
}

// ID implements [Rule].
func (newSubscriptionRule) ID() string { return "new-subscription" }

// Doc says what the rule flags.
func (newSubscriptionRule) Doc() string {
	return "a payee that starts charging on a cadence: a new recurring payment nobody confirmed"
}

// Check implements [Rule].
func (n newSubscriptionRule) Check(card *Card) []Finding {
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		if card.conf[i] != nil {
			return
		}
		members, cadence, stream, ok := card.cadenceAt(i)
		if !ok {
			return
		}
		if card.confirmedRhythm(members, stream) {
			return
		}
		px := card.byPayee[ch.Payee]
		sev := n.Severity
		service := card.kindOf(px) == Service || n.services != nil && n.services.Match(ch.Payee, ch.Via)
		switch {
		case card.RecurringOnly:
			sev = n.SeverityRecurringOnly
		case service:
			sev = n.SeverityService
		}
		// The cadence's charges that no run has judged yet: the ones in
		// the window, and earlier ones that passed alone before the
		// rhythm showed (the first charge, reported with the second).
		var charges []*statement.Charge
		for n, k := range members {
			if k >= card.start || n == 0 && len(members) == 2 || card.trusted(k) && !card.confirmedBy(k) {
				charges = append(charges, card.Charges[k])
			}
		}
		var amounts []int64
		for _, k := range members {
			amounts = append(amounts, card.yen[k])
		}
		msg := message.New("new-subscription", message.Args{"payee": message.Text(ch.Payee), "amount": message.Yen(card.yen[i]),
			"date": message.Date(ch.Date), "cadence": cadence, "first": message.Date(card.Charges[members[0]].Date),
			"charges": message.Count(len(members)), "usual": message.Yen(median(amounts)), "service": message.Bool(service)})
		out = append(out, Finding{Severity: sev, Message: msg, Charges: charges})
	})
	return out
}

// cadenceAt returns the charges (indices, up to i) of the cadence the
// purchase at index i continues, when that cadence began the card's
// relationship with the payee: the members of i's learned stream, or the
// payee's purchases when they are about monthly at about one amount.
func (c *Card) cadenceAt(i int) (members []int, cadence message.Value, stream, ok bool) {
	ch := c.Charges[i]
	px := c.byPayee[ch.Payee]
	first := c.Charges[px.purchases[0]].Date
	if first < c.all[0].Date.AddDays(WarmUpDays) {
		return nil, message.Value{}, false, false // charging since the card's first statements: it started before them
	}
	// Only a monthly stream is a subscription's: weekly streams of two
	// charges are mostly a shop visited twice, and bimonthly and longer
	// ones renew (see markKnown). A skim whose days wander may still make
	// one of those of every other charge: the payee's purchases are then
	// judged as a whole below, about monthly or not.
	if s := c.stream[i]; s != nil && s.Cadence.Months == 1 && s.First() == first && ch.Date > first {
		for _, m := range s.Charges {
			if m.Date > ch.Date {
				break
			}
			if k := c.indexOf(m); k >= 0 {
				members = append(members, k)
			}
		}
		if len(members) == 2 && (!aboutOneAmount([]int64{c.yen[members[0]], c.yen[members[1]]}, c.allForeign(members)) || !aMonthApart(c.Charges[members[0]].Date, ch.Date)) {
			return nil, message.Value{}, false, false // two visits that happen to line up
		}
		return members, cadenceTerm(s.Cadence), true, len(members) >= 2
	}
	ps := px.purchases[:c.ppos[i]+1]
	if len(ps) < 2 || len(ps) > 36 {
		return nil, message.Value{}, false, false
	}
	amounts := make([]int64, len(ps))
	for k, j := range ps {
		amounts[k] = c.yen[j]
		if k > 0 {
			if gap := int(c.Charges[j].Date - c.Charges[ps[k-1]].Date); gap < 20 || gap > 45 {
				return nil, message.Value{}, false, false
			}
		}
	}
	if !aboutOneAmount(amounts, c.allForeign(ps)) {
		return nil, message.Value{}, false, false
	}
	if len(ps) == 2 && !aMonthApart(c.Charges[ps[0]].Date, c.Charges[ps[1]].Date) {
		return nil, message.Value{}, false, false // two visits: a third a month on will tell
	}
	return ps, message.Term("cadence.about-monthly"), false, true
}

// aboutOneAmount reports whether amounts are about one amount, as a
// subscription or a skim charges it. Two charges: one amount, or one
// foreign price at two months' rates (within 3% of their middle; a
// statement that prints no currency shows it as yen amounts not in tens),
// or a skim's few hundred yen (under ¥1,000, within ¥100 of their middle);
// two meals a month apart at a new place are seldom that close. Three or
// more: within a tenth or ¥200 of their median (a skim moves its amount a
// little from month to month).
func aboutOneAmount(amounts []int64, foreign bool) bool {
	if len(amounts) == 2 {
		a, b := amounts[0], amounts[1]
		mid := (a + b) / 2
		switch {
		case a == b:
			return true
		case foreign || a%10 != 0 && b%10 != 0:
			return abs(a-mid)*100 <= mid*3
		}
		return max(a, b) < 1000 && abs(a-mid) <= 100
	}
	m := median(amounts)
	for _, a := range amounts {
		if abs(a-m) > max(m/10, 200) {
			return false
		}
	}
	return true
}

// confirmedRhythm reports whether the rhythm of the cadence members was
// accepted as normal before the window, at least [knownAfterDays] before
// the last: a member the user confirmed, or a trusted member before the
// window at which the rhythm already showed (a stream's second charge on,
// or the prefix of members up to it about one amount), so that a run saw
// the cadence and let it pass. A charge that passed before any rhythm
// showed proves nothing: the first of a fraudster's charges passes alone.
func (c *Card) confirmedRhythm(members []int, stream bool) bool {
	last := c.Charges[members[len(members)-1]].Date
	var amounts []int64
	for n, k := range members[:len(members)-1] {
		if int(last-c.Charges[k].Date) < knownAfterDays {
			break
		}
		amounts = append(amounts, c.yen[k])
		if c.confirmedBy(k) {
			return true
		}
		if n > 0 && k < c.start && c.trusted(k) && c.rhythmShows(members[:n+1], amounts, stream) {
			return true
		}
	}
	return false
}

// confirmedBy reports whether the user confirmed the charge at index i.
func (c *Card) confirmedBy(i int) bool { return c.mine != nil && c.mine[i] }

func abs(x int64) int64 { return max(x, -x) }

// allForeign reports whether the charges at indices is are all in a
// foreign currency.
func (c *Card) allForeign(is []int) bool {
	for _, i := range is {
		if !c.Charges[i].Foreign() {
			return false
		}
	}
	return true
}

// aMonthApart reports whether b is a month after a, give or take three
// days: how a subscription bills its second month. Two meals or two
// evenings out seldom fall so; a cadence seen from two charges that do not
// waits for a third.
func aMonthApart(a, b statement.Date) bool {
	next := a.AddMonths(1)
	return b >= next-3 && b <= next+3
}

// rhythmShows reports whether the cadence members (with their amounts)
// showed a rhythm by the last of them, as cadenceAt would have seen it: a
// stream's second charge on; about one amount, and for two charges a month
// apart to the day.
func (c *Card) rhythmShows(members []int, amounts []int64, stream bool) bool {
	if len(members) == 2 && !aMonthApart(c.Charges[members[0]].Date, c.Charges[members[1]].Date) {
		return false
	}
	return stream && len(members) > 2 || aboutOneAmount(amounts, c.allForeign(members))
}
