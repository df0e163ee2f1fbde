package recurring

// This file: billing rhythms (Cadence) and how a date steps by cycles.

import (
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Cadence is a billing rhythm. A charge continues a stream when it falls
// within Tolerance days of the expected date: that absorbs billing-day shifts
// for month ends, weekends and Japanese holidays (Golden Week and the New Year
// move a bill by up to five days).
type Cadence struct {
	Name      string
	Days      int // nominal period in days
	Months    int // calendar months per cycle; 0 for weekly
	Tolerance int // days either side of the expected date
	// Min and Max bound the gap in days that counts as one cycle: the
	// shortest period less the tolerance, the longest plus it.
	Min, Max int
}

// Cadences, shortest first.
var Cadences = []Cadence{
	{Name: "weekly", Days: 7, Tolerance: 2, Min: 5, Max: 9},
	{Name: "monthly", Days: 30, Months: 1, Tolerance: 5, Min: 23, Max: 36},
	{Name: "bimonthly", Days: 61, Months: 2, Tolerance: 6, Min: 53, Max: 68},
	{Name: "quarterly", Days: 91, Months: 3, Tolerance: 7, Min: 82, Max: 99},
	{Name: "half-yearly", Days: 182, Months: 6, Tolerance: 10, Min: 171, Max: 194},
	{Name: "yearly", Days: 365, Months: 12, Tolerance: 14, Min: 351, Max: 380},
}

// monthly is the monthly cadence, and monthlyOrLonger the cadences a bill
// that varies (electricity, gas) may have.
var (
	monthly, _      = CadenceByName("monthly")
	monthlyOrLonger = Cadences[1:]
)

// step returns d moved by n cycles; months are calendar months, clamped to
// the month's end the way card companies bill.
func (c Cadence) step(d statement.Date, n int) statement.Date {
	if c.Months == 0 {
		return d.AddDays(c.Days * n)
	}
	return d.AddMonths(c.Months * n)
}

// Next returns the date one cycle after d.
func (c Cadence) Next(d statement.Date) statement.Date { return c.step(d, 1) }

// maxParallel is how many streams of one payee, amount and cadence may run
// side by side: two family members' ¥130 iCloud plans on one card are two
// monthly streams; two weekly ones at one price are a shop, not a schedule.
func (c Cadence) maxParallel() int {
	if c.Months == 0 {
		return 1
	}
	return 2
}

// CadenceByName returns the cadence called name.
func CadenceByName(name string) (Cadence, bool) {
	for _, c := range Cadences {
		if c.Name == name {
			return c, true
		}
	}
	return Cadence{}, false
}
