package rules

import (
	"math"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// habit is how the card pays one payee, from its trusted purchases in the
// year before a date: how often, how much, how many in 24 hours at most.
type habit struct {
	N       int   // trusted purchases in the year before
	Recent  int   // …of which in the last 90 days
	Max     int64 // the largest of them
	MaxIn24 int   // the most of them within 24 h (the same day or the next)
}

// habitOf returns the card's habit with px before d, from the trusted
// purchases before the window (the window's own charges are what is being
// judged: a thief's first ¥84,640 is no habit for the second). Charges that
// continue a learned stream count as purchases like the others.
func (c *Card) habitOf(px *payeeIndex, d statement.Date) habit {
	var h habit
	yearAgo, recent := d.AddDays(-365), d.AddDays(-90)
	// The trusted purchases of the year, oldest first, for MaxIn24.
	var days []statement.Date
	for k := len(px.purchases) - 1; k >= 0; k-- {
		i := px.purchases[k]
		ch := c.Charges[i]
		if ch.Date >= d {
			continue
		}
		if ch.Date < yearAgo {
			break
		}
		if i >= c.start || !c.trusted(i) {
			continue // the window is being judged: its charges teach nothing yet
		}
		h.N++
		if ch.Date >= recent {
			h.Recent++
		}
		h.Max = max(h.Max, c.yen[i])
		days = append(days, ch.Date)
	}
	// days is newest first: a window of charges no more than a day apart.
	lo := 0
	for hi := range days {
		for days[lo]-days[hi] > 1 {
			lo++
		}
		h.MaxIn24 = max(h.MaxIn24, hi-lo+1)
	}
	return h
}

// perDay is how many purchases a day the habit makes, over its last 90 days.
func (h habit) perDay() float64 { return float64(h.Recent) / 90 }

// rare is the chance below which a count of charges in 24 hours is not
// this card's habit with a payee it visits often: 1 in 1,000.
const rare = 0.001

// usualCount reports whether n purchases over days calendar days are within
// the habit: as many were made within 24 h before, or the payee is visited
// often enough that n in that many days is not rare.
func (h habit) usualCount(n, days int) bool {
	return h.MaxIn24 >= n || poissonTail(float64(max(days, 2))*h.perDay(), n) >= rare
}

// poissonTail is the chance of n or more events when lambda are expected.
func poissonTail(lambda float64, n int) float64 {
	if lambda <= 0 {
		return 0
	}
	p, term := 0.0, math.Exp(-lambda)
	for k := range n {
		p += term
		term *= lambda / float64(k+1)
	}
	return max(0, 1-p)
}

// tripSmall is the largest charge a trip abroad explains by itself: a meal,
// a taxi, a shop; not a hotel (see [BigTicket]) nor a laptop.
const tripSmall = 30000

// tripDays is how near in days other charges abroad put a charge on the
// same trip.
const tripDays = 4

// onTrip reports whether every charge of g is in a foreign currency and
// the card paid at least two other payees in that currency within
// [tripDays] days of g: the card is abroad, not bought from abroad. The
// days after g count as far as the statements reach (never past the
// window's end): a trip's first day is explained by the days that follow
// it in the same statement.
func (c *Card) onTrip(g []*statement.Charge) bool { return c.abroad(g, 2) }

// abroad is onTrip with the number of other payees asked for.
func (c *Card) abroad(g []*statement.Charge, payees int) bool {
	cur := g[0].ForeignCurrency
	for _, ch := range g {
		if !ch.Foreign() || ch.ForeignCurrency != cur {
			return false
		}
	}
	last := g[len(g)-1].Date
	others := map[string]bool{}
	for i := c.search(g[0].Date.AddDays(-tripDays)); i < len(c.Charges) && c.Charges[i].Date <= last.AddDays(tripDays); i++ {
		ch := c.Charges[i]
		if ch.Payee != g[0].Payee && ch.ForeignCurrency == cur && isPurchase(ch) {
			others[ch.Payee] = true
		}
	}
	return len(others) >= payees
}
