package recurring

// This file: a learned Stream, its expected next charge, and how amounts
// compare (the ±7.5% or ¥300 band) in whole yen.

import (
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Stream is one recurring payment stream of a card.
type Stream struct {
	Payee   string // payee key
	Cadence Cadence
	// Typical is the current amount: the median of the charges since the
	// last price change. Min and Max are the range of every member.
	Typical, Min, Max decimal.Decimal
	// Charges are the members, oldest first. Charges of the payee that came
	// off the rhythm (a second charge days after the first, a one-off jump
	// in amount) are not members.
	Charges []*statement.Charge
	// Established is true after 3 regular charges (2 for yearly streams);
	// before that the stream is early.
	Established bool
	// Variable marks a bill whose amount moves from cycle to cycle
	// (electricity, gas): its amounts are judged against the range seen,
	// not the typical amount.
	Variable bool
	// Since is the date of the first charge at the current amount; it is the
	// first member's date unless the price changed.
	Since statement.Date

	day int // nominal day of month for month-based cadences; 31 is the month's end
}

// First and Last return the dates of the first and last member.
func (s *Stream) First() statement.Date { return s.Charges[0].Date }

func (s *Stream) Last() statement.Date { return s.Charges[len(s.Charges)-1].Date }

// Next is the date the next charge is expected: one cycle after the last
// member, on the stream's usual day of the month (a month-end stream is
// expected on the 31st after a charge on February 28th).
func (s *Stream) Next() statement.Date {
	last := s.Last()
	base := s.Cadence.Next(last)
	if s.Cadence.Months == 0 || s.day == 0 {
		return base
	}
	// The usual day nearest base: in base's month, or in the month beside
	// it when a billing shift moved the last charge across a month boundary
	// (a bill due on the 30th, paid on the 1st, is next due on the 30th).
	best := base
	for i, m := range []int{0, -1, 1} {
		d := base.AddMonths(m).WithDay(s.day)
		if i == 0 || abs(int(d-base)) < abs(int(best-base)) {
			best = d
		}
	}
	return best
}

// AmountFits reports whether a is within the stream's tolerance: ±7.5% of its
// typical amount or ¥300, whichever is more; for a variable stream, the range
// seen widened by a quarter (at least ¥300) each way.
func (s *Stream) AmountFits(a decimal.Decimal) bool {
	v := statement.WholeYen(a)
	if !s.Variable {
		return similar(statement.WholeYen(s.Typical), v)
	}
	lo, hi := statement.WholeYen(s.Min), statement.WholeYen(s.Max)
	return v >= lo-max(lo/4, floorYen) && v <= hi+max(hi/4, floorYen)
}

// Amounts are compared in whole yen (see [statement.WholeYen]): exact for
// every amount a statement prints, and free of the allocations decimal
// arithmetic costs over tens of thousands of charges.
const floorYen = 300

// similar reports whether a is within ±7.5% of ref or ¥300, whichever is
// more: a small price change, a tax rounding, a currency-converted amount.
func similar(ref, a int64) bool { return abs64(a-ref) <= tolerance(ref) }

// tolerance is how far an amount may move from ref and still be similar,
// rounded down to whole yen (amounts are whole, so nothing is lost).
func tolerance(ref int64) int64 { return max(abs64(ref)*75/1000, floorYen) }

// apart reports whether a and b (a <= b) are more than twice ref's
// tolerance apart, counted exactly rather than from the rounded tolerance.
func apart(ref, a, b int64) bool { return (b-a)*1000 > 2*max(abs64(ref)*75, floorYen*1000) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// steadyAmount reports whether b is a's amount again, or within 5% (¥10 at
// least): a subscription's price, or the same price converted from a foreign
// currency at another rate. A shop's receipts wander across the whole ±7.5%
// band instead.
func steadyAmount(a, b int64) bool {
	return abs64(b-a) <= max(abs64(a)*5/100, 10)
}

func cmp64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
