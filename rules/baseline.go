package rules

import (
	"slices"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// cardStats describe a card's usual purchases: the baseline that
// new-merchant, amount-outlier and monthly-total compare against. Amounts
// are whole yen (integers, exact).
type cardStats struct {
	// N purchases, from the last year before the window when it has at
	// least minBaseline of them, else from the whole history, else from
	// every charge of the card (robust statistics shrug off a few suspects).
	N      int
	Median int64
	MAD    int64 // median absolute deviation from the median
	P90    int64 // 90th percentile
	Max    int64
	// Before is the largest purchase before the window (0 without history):
	// what "above every earlier purchase" compares with.
	Before int64
	// Scope says which purchases: "last year", "history" or "all".
	Scope string

	// Months are the calendar-month purchase totals before the window's
	// first month (the last 12 at most, from the card's first month on).
	Months []int64
}

// minBaseline is the fewest purchases a baseline is made of.
const minBaseline = 8

// baseline returns the card's usual purchases, computed once.
func (c *Card) baseline() *cardStats {
	if c.stats != nil {
		return c.stats
	}
	st := &cardStats{}
	c.stats = st
	yearAgo := c.From.AddDays(-365)
	var amounts []int64
	collect := func(lo, hi int, since statement.Date) {
		amounts = amounts[:0]
		for i := lo; i < hi; i++ {
			if ch := c.Charges[i]; ch.Date >= since && isPurchase(ch) && c.trusted(i) {
				amounts = append(amounts, c.yen[i])
			}
		}
	}
	collect(0, c.start, yearAgo)
	st.Scope = "last year"
	if len(amounts) < minBaseline {
		collect(0, c.start, 0)
		st.Scope = "history"
	}
	if len(amounts) < minBaseline {
		collect(0, len(c.Charges), 0)
		st.Scope = "all"
	}
	st.N = len(amounts)
	if st.N > 0 {
		slices.Sort(amounts)
		st.Median = amounts[len(amounts)/2]
		st.P90 = amounts[len(amounts)*9/10]
		st.Max = amounts[len(amounts)-1]
		st.MAD = mad(amounts, st.Median)
	}
	if st.Scope != "all" {
		st.Before = st.Max
	} else {
		for i := range c.start {
			if isPurchase(c.Charges[i]) && c.trusted(i) {
				st.Before = max(st.Before, c.yen[i])
			}
		}
	}
	st.Months = c.monthTotalsBefore(c.From)
	return st
}

// mad returns the median absolute deviation of sorted from m.
func mad(sorted []int64, m int64) int64 {
	dev := make([]int64, len(sorted))
	for i, a := range sorted {
		dev[i] = max(a-m, m-a)
	}
	slices.Sort(dev)
	return dev[len(dev)/2]
}

// median returns the median of xs (sorting a copy).
func median(xs []int64) int64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// monthTotalsBefore returns the purchase totals of the (at most 12) whole
// calendar months before the month of d, from the card's first month on,
// oldest first; a month without purchases counts as zero.
func (c *Card) monthTotalsBefore(d statement.Date) []int64 {
	if len(c.Charges) == 0 {
		return nil
	}
	end := d.MonthStart()
	first := c.Charges[0].Date.MonthStart()
	start := end.AddMonths(-12)
	if start < first {
		start = first
	}
	var out []int64
	for m := start; m < end; m = m.AddMonths(1) {
		out = append(out, c.monthTotal(m))
	}
	return out
}

// monthTotal returns the purchase total of the month starting at m, net of
// refunds. Each charge is added once, when a window first reaches it.
func (c *Card) monthTotal(m statement.Date) int64 {
	if c.months == nil {
		c.months, c.monthsEnd = map[statement.Date]int64{}, 0
	}
	var cur, next statement.Date
	for i := c.monthsEnd; i < len(c.Charges); i++ {
		ch := c.Charges[i]
		if ch.Date >= next || ch.Date < cur {
			cur = ch.Date.MonthStart()
			next = cur.AddMonths(1)
		}
		switch {
		case isPurchase(ch):
			c.months[cur] += c.yen[i]
		case ch.Kind == statement.Refund || ch.Kind == statement.Purchase && c.yen[i] < 0:
			c.months[cur] -= max(c.yen[i], -c.yen[i])
		}
	}
	c.monthsEnd = len(c.Charges)
	return c.months[m]
}

// search returns the index of the first charge on or after d.
func (c *Card) search(d statement.Date) int {
	lo, hi := 0, len(c.Charges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.Charges[m].Date < d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
