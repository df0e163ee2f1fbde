package rules

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

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
type AmountChange struct {
	Severity Severity `yaml:"severity" doc:"severity of a price increase"`
	Increase Ratio    `yaml:"increase" doc:"times the usual from which an increase is a warning (below: info)"`
	Double   Ratio    `yaml:"double" doc:"times the usual amount from which it is a double charge (alert)"`
}

// ID implements [Rule].
func (AmountChange) ID() string { return "amount-change" }

// Doc says what the rule flags.
func (AmountChange) Doc() string {
	return "a known payee charging above its expected amount: a price increase, or about double (a double charge)"
}

// Check implements [Rule].
func (a AmountChange) Check(card *Card) []Finding {
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		px := card.byPayee[ch.Payee]
		y := card.yen[i]
		var ref int64
		var usual, usualJA string
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
			usual = fmt.Sprintf("%s's expected amount is %s (config)", p.Name, rangeText(statement.WholeYen(lo), ref))
			usualJA = fmt.Sprintf("%s の想定金額は %s（設定）", p.Name, rangeText(statement.WholeYen(lo), ref))
		} else {
			s := card.referenceStream(px, i)
			if s == nil || y <= card.payeeMaxBefore(i) {
				return // not above what the payee charged before: its normal range
			}
			ref = streamRef(s, ch.Date)
			usual = fmt.Sprintf("%s usually charges %s %s (%s seen since %s)",
				ch.Payee, yenText(statement.WholeYen(s.Typical)), s.Cadence.Name, rangeText(statement.WholeYen(s.Min), statement.WholeYen(s.Max)), s.First())
			usualJA = fmt.Sprintf("%s の通常の請求は %s（%s、%s 以降 %s）",
				ch.Payee, s.Cadence.Name, yenText(statement.WholeYen(s.Typical)), s.First(), rangeText(statement.WholeYen(s.Min), statement.WholeYen(s.Max)))
		}
		if ref <= 0 {
			return
		}
		r := Times(y, ref)
		f := Finding{Severity: a.Severity, Charges: []*statement.Charge{ch}}
		if a.Double > 0 && a.Double.AtLeast(y, ref) {
			f.Severity = Alert
			what, whatJA := fmt.Sprintf("%s× the usual: charged more than once?", r.Short()), fmt.Sprintf("通常の %s 倍：重複請求の可能性", r.Short())
			if lo, hi := 2*ref-ref/10, 2*ref+ref/10; y >= lo && y <= hi {
				what, whatJA = "about double: a double charge?", "約 2 倍：二重請求の可能性"
			}
			f.Message = fmt.Sprintf("%s charged %s on %s, %s; %s; the limit is %s×", ch.Payee, yenText(y), ch.Date, what, usual, a.Double)
			f.MessageJA = fmt.Sprintf("%s が %s に %s を請求、%s。%s。上限は %s 倍", ch.Payee, ch.Date, yenText(y), whatJA, usualJA, a.Double)
		} else {
			if !a.Increase.AtLeast(y, ref) {
				f.Severity = Info
			}
			f.Message = fmt.Sprintf("%s charged %s on %s, a price increase (%s× the usual); %s", ch.Payee, yenText(y), ch.Date, r.Short(), usual)
			f.MessageJA = fmt.Sprintf("%s が %s に %s を請求、値上げ（通常の %s 倍）。%s", ch.Payee, ch.Date, yenText(y), r.Short(), usualJA)
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
// of a fixed-price stream, the highest bill before d of a variable one.
func streamRef(s *recurring.Stream, d statement.Date) int64 {
	if !s.Variable {
		return statement.WholeYen(s.Typical)
	}
	var m int64
	for _, c := range s.Charges {
		if c.Date < d {
			m = max(m, statement.WholeYen(c.Amount))
		}
	}
	return max(m, statement.WholeYen(s.Typical))
}

// fixedPrice reports whether s looks like a subscription at one price: four
// charges or more, not a variable bill, all within 10% of each other. (A
// shop's purchases that happen to line up make looser streams.)
func fixedPrice(s *recurring.Stream) bool {
	lo, hi := statement.WholeYen(s.Min), statement.WholeYen(s.Max)
	return len(s.Charges) >= 4 && !s.Variable && (hi-lo)*10 <= hi
}

// rangeText writes "¥1,000" or "¥1,000–¥1,500".
func rangeText(lo, hi int64) string {
	if lo == hi {
		return yenText(lo)
	}
	return yenText(lo) + "–" + yenText(hi)
}
