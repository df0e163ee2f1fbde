package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() { register(10, func() Rule { return unknownPayeeRule{Severity: severity.Alert} }) }

// UnknownPayee flags, on a recurring-only card, every purchase that is not
// a known payment: a payee outside the known ones, or a known payee charging
// off its rhythm. A known payee charging on its usual day at a new price is
// left to amount-change (a price increase is not an unknown payee).
type unknownPayeeRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of a purchase outside the known payments"`
}

// ID implements [Rule].
func (unknownPayeeRule) ID() string { return "unknown-payee" }

// Doc says what the rule flags.
func (unknownPayeeRule) Doc() string {
	return "on a recurring-only card, a purchase that is not one of its known payments"
}

// Check implements [Rule].
func (u unknownPayeeRule) Check(card *Card) []Finding {
	if !card.RecurringOnly {
		return nil
	}
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		if card.isKnown(ch) {
			return
		}
		s := card.streamOf(ch.Payee, ch.Date)
		if s != nil && (onSchedule(s, ch.Date) || card.cycleAfterTrusted(i, s.Cadence)) && card.billAmount(i, s) {
			return // a known bill on its day: its amount is amount-change's to judge
		}
		if card.billRhythm(i) {
			return // a bill the card trusts, on its rhythm, whatever the streams made of its amounts
		}
		args := message.Args{"payee": message.Text(ch.Payee), "mode": message.Nested(card.ModeReason)}
		key := "unknown-payee.not-known"
		if s != nil {
			key = "unknown-payee.off-rhythm"
			if onSchedule(s, ch.Date) {
				key = "unknown-payee.usual-day"
			}
			args["amount"] = message.Yen(card.yen[i])
			args["date"] = message.Date(ch.Date)
			args["typical"] = message.Yen(statement.WholeYen(s.Typical))
			args["cadence"] = cadenceTerm(s.Cadence)
			args["last"] = message.Date(lastBefore(s, ch.Date))
			args["next"] = message.Date(nextAfter(s, ch.Date))
		} else {
			args["known"] = message.Count(card.KnownPayees())
		}
		out = append(out, Finding{Severity: u.Severity, Message: message.New(key, args), Charges: []*statement.Charge{ch}})
	})
	return out
}

// streamOf returns the learned stream of payee p with a trusted member at
// least [knownAfterDays] before d that has the most charges, or nil.
func (c *Card) streamOf(p string, d statement.Date) *recurring.Stream {
	px := c.byPayee[p]
	if px == nil {
		return nil
	}
	trustedSince := map[*recurring.Stream]bool{}
	for _, k := range px.purchases {
		if c.Charges[k].Date > d.AddDays(-knownAfterDays) {
			break
		}
		if s := c.stream[k]; s != nil && c.trusted(k) {
			trustedSince[s] = true
		}
	}
	var best *recurring.Stream
	for _, s := range px.streams {
		if trustedSince[s] && (best == nil || len(s.Charges) > len(best.Charges)) {
			best = s
		}
	}
	return best
}

// billRhythm reports whether the purchase at index i goes on a bill the card
// trusts by its dates alone: the payee's last three trusted purchases came
// one cycle apart (monthly, bimonthly…), i comes one to three cycles after
// the last, and it is less than double the largest of them. A phone bill
// that moves with calls can split into streams of odd cadences; its
// rhythm is plain all the same.
func (c *Card) billRhythm(i int) bool {
	px := c.byPayee[c.Charges[i].Payee]
	var last []int // trusted purchases before i, newest first
	for k := c.ppos[i] - 1; k >= 0 && len(last) < 3; k-- {
		if j := px.purchases[k]; c.trusted(j) {
			last = append(last, j)
		}
	}
	if len(last) < 3 {
		return false
	}
	var top int64
	for _, j := range last {
		top = max(top, c.yen[j])
	}
	if doubleRatio.AtLeast(c.yen[i], top) {
		return false
	}
	for _, cad := range recurring.Cadences {
		if cad.Months == 0 {
			continue
		}
		regular := true
		for k := 0; k+1 < len(last); k++ {
			gap := int(c.Charges[last[k]].Date - c.Charges[last[k+1]].Date)
			regular = regular && gap >= cad.Min && gap <= cad.Max
		}
		gap := int(c.Charges[i].Date - c.Charges[last[0]].Date)
		if regular && gap >= cad.Min && gap <= 3*cad.Max {
			return true
		}
	}
	return false
}

// cycleAfterTrusted reports whether the payee's last purchase before i is
// trusted and one cycle of cad before it: the bill went on at a new price
// (its old stream ended, the new one has not run long enough to be known).
func (c *Card) cycleAfterTrusted(i int, cad recurring.Cadence) bool {
	j, gap, ok := c.previousPurchase(i)
	return ok && c.trusted(j) && gap >= cad.Min && gap <= cad.Max
}

// lastBefore returns the date of the stream's last member before d.
func lastBefore(s *recurring.Stream, d statement.Date) statement.Date {
	last := s.First()
	for _, ch := range s.Charges {
		if ch.Date >= d {
			break
		}
		last = ch.Date
	}
	return last
}

// nextAfter returns the date the stream expected its next charge after its
// last member before d.
func nextAfter(s *recurring.Stream, d statement.Date) statement.Date {
	return s.Cadence.Next(lastBefore(s, d))
}

// onSchedule reports whether d is within the cadence's tolerance of the
// date the stream expected its next charge after its last member before d.
func onSchedule(s *recurring.Stream, d statement.Date) bool {
	gap := int(d - nextAfter(s, d))
	return gap >= -s.Cadence.Tolerance && gap <= s.Cadence.Tolerance
}

// doubleRatio is where a known payee's higher amount stops looking like a
// price change and starts looking like a double charge (amount-change's
// default for its double parameter).
const doubleRatio ratio = 1800

// priceChange reports whether the purchase at index i is a known payee's
// charge on its usual day at a new price: the payee has an established
// stream, the stream's last charge before i is one cycle earlier (within the
// cadence's tolerance), the amount does not fit, and it is less than
// [doubleRatio] times the usual. It returns the stream.
func (c *Card) priceChange(i int) (*recurring.Stream, bool) {
	ch := c.Charges[i]
	px := c.byPayee[ch.Payee]
	if px == nil {
		return nil, false
	}
	for _, s := range px.streams {
		if !s.Established || s.AmountFits(ch.Amount) || s.First() >= ch.Date {
			continue
		}
		if !onSchedule(s, ch.Date) {
			continue
		}
		if ref := statement.WholeYen(s.Typical); ref > 0 && !doubleRatio.AtLeast(c.yen[i], ref) {
			return s, true
		}
	}
	return nil, false
}

// billAmount reports whether the purchase at index i is an amount stream s
// may bill: less than [doubleRatio] times its usual, or a change in seats
// of a fixed-price bill (see [seatChange]).
func (c *Card) billAmount(i int, s *recurring.Stream) bool {
	d := c.Charges[i].Date
	ref := streamRef(s, d)
	if !doubleRatio.AtLeast(c.yen[i], ref) {
		return true
	}
	_, _, seats := seatChange(c.yen[i], ref)
	return seats && !variableLike(s, d)
}
