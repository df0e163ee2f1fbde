package rules

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(40, func() Rule { return amountChangeRule{Severity: severity.Warning, Increase: 1000, Double: doubleRatio} })
}

// AmountChange flags a known payee charging above its expected amount: the
// config payee's amount, or the learned stream's (its current price within
// ±7.5% or ¥300; a variable bill's range widened by a quarter). Above it is
// a price increase (Severity); at Double times the usual or more it is a
// double charge or worse (alert). Lower amounts are not flagged, nor (for
// learned streams) amounts the payee charged the card before: an app store
// with a ¥130 plan and ¥860 apps now and then has ¥860 in its normal range.
// Payees whose charges are mostly irregular (a supermarket that happens to
// form a weekly stream) are not judged.
//
// Increase sets how large a price increase must be to be a warning; a
// smaller one is noted at info. Its default, 1, makes every increase beyond
// the expected amount a warning; 1.3 would leave ordinary price rises (+10%,
// +20%) as notes.
type amountChangeRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of a price increase"`
	Increase ratio             `yaml:"increase" doc:"times the usual from which an increase is a warning (below: info)"`
	Double   ratio             `yaml:"double" doc:"times the usual amount from which it is a double charge (alert)"`
}

// ID implements [Rule].
func (amountChangeRule) ID() string { return "amount-change" }

// Doc says what the rule flags.
func (amountChangeRule) Doc() string {
	return "a known payee charging above its expected amount: a price increase, or about double (a double charge)"
}

// Check implements [Rule].
func (a amountChangeRule) Check(card *Card) []Finding {
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		px := card.byPayee[ch.Payee]
		y := card.yen[i]
		var ref int64
		var usual message.Message
		var s *recurring.Stream // the learned stream judged against, if no config amount
		p := px.conf
		lo, hi, ok := decimal.Zero, decimal.Zero, false
		if p != nil && p.MatchesCharge(ch) {
			lo, hi, ok = p.ExpectedAmount()
		}
		if ok {
			if y <= statement.WholeYen(hi) {
				return
			}
			ref = statement.WholeYen(hi)
			usual = message.New("amount-change.usual.config", message.Args{
				"name": message.Text(p.Name), "lo": message.Yen(statement.WholeYen(lo)), "hi": message.Yen(ref)})
		} else {
			s = card.referenceStream(px, i)
			if s == nil || y <= card.payeeMaxBefore(i) {
				return // not above what the payee charged before: its normal range
			}
			ref = streamRef(s, ch.Date)
			if variableLike(s, ch.Date) && !variableJump.AtLeast(y, ref) {
				return // a bill that varies with use moves within its recent range, or grows with it
			}
			usual = message.New("amount-change.usual.stream", message.Args{
				"payee": message.Text(ch.Payee), "typical": message.Yen(statement.WholeYen(s.Typical)), "cadence": cadenceTerm(s.Cadence),
				"lo": message.Yen(statement.WholeYen(s.Min)), "hi": message.Yen(statement.WholeYen(s.Max)), "since": message.Date(s.First())})
		}
		if ref <= 0 {
			return
		}
		if k, n, ok := seatChange(y, ref); ok && s != nil && !variableLike(s, ch.Date) {
			// Per-seat bills (Microsoft 365, Google Workspace, accounting
			// software) move in whole units when a user joins.
			out = append(out, Finding{Severity: severity.Info, Charges: []*statement.Charge{ch}, Message: message.New("amount-change.seats", message.Args{
				"payee": message.Text(ch.Payee), "amount": message.Yen(y), "date": message.Date(ch.Date), "units": message.Count(k),
				"was": message.Count(n), "unit": message.Yen(ref / int64(n)), "usual": message.Nested(usual)})})
			return
		}
		r := timesOf(y, ref)
		f := Finding{Severity: a.Severity, Charges: []*statement.Charge{ch}}
		args := message.Args{"payee": message.Text(ch.Payee), "amount": message.Yen(y), "date": message.Date(ch.Date),
			"times": r.short(), "usual": message.Nested(usual)}
		if a.Double > 0 && a.Double.AtLeast(y, ref) {
			f.Severity = severity.Alert
			lo, hi := 2*ref-ref/10, 2*ref+ref/10
			args["about-double"] = message.Bool(y >= lo && y <= hi)
			args["limit"] = message.Ratio(int64(a.Double))
			f.Message = message.New("amount-change.double", args)
		} else {
			if !a.Increase.AtLeast(y, ref) {
				f.Severity = severity.Info
			}
			f.Message = message.New("amount-change.increase", args)
		}
		out = append(out, f)
	})
	return out
}

// referenceStream returns the learned stream the purchase at index i is
// judged against, or nil: no stream of the payee may fit the amount, and
// either the payee is subscription-like (the stream is the one with the
// highest usual amount below the charge that started before it) or the
// charge falls on an established stream's day in place of its charge (a
// shop's ¥130 subscription charging ¥1,300 on its day, among the shop's
// other sales).
func (c *Card) referenceStream(px *payeeIndex, i int) *recurring.Stream {
	ch := c.Charges[i]
	if px == nil {
		return nil
	}
	for _, s := range px.streams {
		if s.AmountFits(ch.Amount) {
			return nil
		}
	}
	if !px.subscriptionLike() {
		return c.onItsDay(px, i)
	}
	var best *recurring.Stream
	for _, s := range px.streams {
		if !s.Established || s.First() >= ch.Date || statement.WholeYen(s.Typical) >= c.yen[i] {
			continue
		}
		if best == nil || s.Typical.GreaterThan(best.Typical) {
			best = s
		}
	}
	return best
}

// onItsDay returns the established stream of px whose charge the purchase
// at index i stands in for: it falls within the cadence's tolerance of the
// stream's next date after its last member before it, and the stream has no
// member in that cycle. Only fixed-price streams count ([fixedPrice]).
func (c *Card) onItsDay(px *payeeIndex, i int) *recurring.Stream {
	ch := c.Charges[i]
	for _, s := range px.streams {
		if !s.Established || s.First() >= ch.Date || statement.WholeYen(s.Typical) >= c.yen[i] || !fixedPrice(s) {
			continue
		}
		last := lastBefore(s, ch.Date)
		next := s.Cadence.Next(last)
		tol := s.Cadence.Tolerance
		if gap := int(ch.Date - next); gap < -tol || gap > tol {
			continue
		}
		taken := false
		for _, m := range s.Charges {
			if m.Date > last && m.Date <= next.AddDays(tol) {
				taken = true
			}
		}
		if !taken {
			return s
		}
	}
	return nil
}

// streamRef is the amount a charge on d is compared with: the current price
// of a fixed-price stream, the highest of the last six bills before d of a
// variable one (a range that follows a trend).
func streamRef(s *recurring.Stream, d statement.Date) int64 {
	if !variableLike(s, d) {
		return statement.WholeYen(s.Typical)
	}
	var recent []int64
	for _, c := range s.Charges {
		if c.Date < d {
			recent = append(recent, statement.WholeYen(c.Amount))
		}
	}
	if len(recent) == 0 {
		return statement.WholeYen(s.Typical)
	}
	return slices.Max(recent[max(0, len(recent)-6):])
}

// variableJump is how far above its recent bills a bill that varies with
// use (phone, power, a cloud bill growing with its user) must go to be a
// price increase worth a word: half as much again as the highest of its
// last six.
const variableJump ratio = 1500

// variableLike reports whether s is a bill whose amount moves: its charges
// before d spread over more than 5% (a bill in dollars moves with the
// exchange rate and with use; a phone bill with calls).
func variableLike(s *recurring.Stream, d statement.Date) bool {
	var lo, hi int64
	for _, c := range s.Charges {
		if c.Date >= d {
			break
		}
		y := statement.WholeYen(c.Amount)
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	return hi*100 > lo*105
}

// fixedPrice reports whether s looks like a subscription at one price: four
// charges or more, not a variable bill, all within 10% of each other. (A
// shop's purchases that happen to line up make looser streams.)
func fixedPrice(s *recurring.Stream) bool {
	lo, hi := statement.WholeYen(s.Min), statement.WholeYen(s.Max)
	return len(s.Charges) >= 4 && !s.Variable && (hi-lo)*10 <= hi
}

// seatChange reports whether y is k units of a price that ref holds n
// times, for a few units (n up to [maxSeats], a unit of ¥100 or more): k
// above n and below [doubleRatio] times it, or exactly twice it (one seat
// become two). A per-seat bill that gained users moves so; a price
// increase is seldom a ratio of such small numbers (¥980 to ¥1,080 is 49
// to 54 units of ¥20), and a bill charged twice is two charges in one
// cycle (duplicate), not one line at exactly twice the amount.
func seatChange(y, ref int64) (k, n int, ok bool) {
	for n := int64(1); n <= maxSeats; n++ {
		if ref%n != 0 {
			continue
		}
		u := ref / n
		if u < 100 || y%u != 0 {
			continue
		}
		if k := y / u; k > n && (k == 2*n || !doubleRatio.AtLeast(y, ref)) {
			return int(k), int(n), true
		}
	}
	return 0, 0, false
}

// maxSeats is the most units a bill's usual amount is taken to be made of
// when telling a change in seats from a price increase.
const maxSeats = 6
