package recurring

// This file: chaining a group of charges at one cadence. A chain's members
// are linked through per-item arrays (next, off) that the learner reuses
// from group to group, rather than held in a slice per chain: a busy shop's
// charges start thousands of short chains, most of one or two charges.

import (
	"slices"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// chain is a run of charges at one cadence. Its members are linked through
// the chainer's per-item arrays rather than held in slices of their own: a
// busy shop's charges start thousands of short chains.
type chain struct {
	head, tail int32 // first and last member, as indexes into the items
	n          int32 // members
	first      statement.Date
	// monthEnd is set when the first member is on its month's last day:
	// the chain then expects the last day of each month (1/31, 2/28, 3/31).
	monthEnd bool
	last     statement.Date
	lastAmt  int64
	cycles   int // whole cycles from first to last
	fits     int // gaps of exactly one cycle
	skips    int // gaps of two cycles (one missed)
	steady   int // gaps where the amount stayed (almost) the same
	// exp holds the dates one and two cycles after the last member, counted
	// from it and from the first member's schedule; closes is the last day a
	// charge can join.
	exp    [2][2]statement.Date
	closes statement.Date
	idx    []int // the members, filled in for the chains a rhythm keeps
}

// learner holds what learning reuses from one group of charges to the next,
// so that ten years of a busy card cost few allocations.
type learner struct {
	chainer
	all     []chain
	open    []int
	member  []bool
	scratch []int32
}

// grow returns s resized to n, zeroed, reusing its array when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// chainer links items at one cadence.
type chainer struct {
	cad  Cadence
	next []int32 // next member of the item's chain, or -1
	off  []int32 // the item's days off its chain's schedule
}

func (ch *chainer) add(c *chain, it item, i, k int) {
	cad := ch.cad
	ch.next[i] = -1
	if c.n == 0 {
		c.head, c.first = int32(i), it.d
		c.monthEnd = cad.Months > 0 && it.d.IsMonthEnd()
		ch.off[i] = 0
	} else {
		ch.next[c.tail] = int32(i)
		// The date expected k cycles on from the schedule is exp[k-1][1].
		ch.off[i] = int32(it.d - c.exp[k-1][1])
		c.cycles += k
		if k == 1 {
			c.fits++
		} else {
			c.skips++
		}
		if steadyAmount(c.lastAmt, it.yen) {
			c.steady++
		}
	}
	c.tail = int32(i)
	c.n++
	c.last, c.lastAmt = it.d, it.yen
	if cad.Months == 0 {
		for k := range 2 {
			c.exp[k][0] = it.d.AddDays(cad.Days * (k + 1))
			c.exp[k][1] = c.first.AddDays(cad.Days * (c.cycles + k + 1))
		}
	} else {
		for k := range 2 {
			c.exp[k][0] = it.d.AddMonths(cad.Months * (k + 1))
			c.exp[k][1] = c.onSchedule(cad.Months * (c.cycles + k + 1))
			if c.n == 1 {
				c.exp[k][0] = c.exp[k][1] // a month-end first member sets the schedule
			}
		}
	}
	c.closes = max(c.exp[1][0], c.exp[1][1]) + statement.Date(cad.Tolerance)
	if c.n == 1 {
		// A missed cycle is forgiven inside a rhythm, not before it has
		// one: a chain's first gap is one cycle. (Most chains are a busy
		// shop's lone charges; closing them a cycle sooner halves the
		// chains each charge is tried against.)
		c.closes = max(c.exp[0][0], c.exp[0][1]) + statement.Date(cad.Tolerance)
	}
}

// onSchedule returns the date months after the chain's first member: the
// same day of the month (clamped to its end), or the month's last day for
// a chain that started on one.
func (c *chain) onSchedule(months int) statement.Date {
	d := c.first.AddMonths(months)
	if c.monthEnd {
		d = d.WithDay(31)
	}
	return d
}

// members returns the indexes of c's members, in date order.
func (ch *chainer) members(c *chain) []int {
	out := make([]int, 0, c.n)
	for i := c.head; i >= 0; i = ch.next[i] {
		out = append(out, int(i))
	}
	return out
}

// regular reports whether a chain's rhythm looks like billing rather than
// chance. A bill keeps to its day: weekends and holidays move some charges a
// few days, but the members stay on one schedule, so their offsets from it
// are close to their median (see [allowedSpread3]). Visits to a shop that happen to fall a cycle apart drift across the whole
// tolerance. Besides, at most a quarter of the gaps (at least one) may skip
// a cycle, and, when steady is set, the amount mostly stays the same from
// one charge to the next.
func (l *learner) regular(c *chain, steady bool) bool {
	gaps := int(c.n) - 1
	if c.fits == 0 || c.skips > max(1, gaps/4) || steady && 2*c.steady < gaps {
		return false
	}
	offs := l.scratch[:0]
	for i := c.head; i >= 0; i = l.next[i] {
		offs = append(offs, l.off[i])
	}
	l.scratch = offs
	slices.Sort(offs)
	mid, spread := offs[(len(offs)-1)/2], 0
	for _, o := range offs {
		spread += abs(int(o - mid))
	}
	return 3*spread <= allowedSpread3(len(offs), l.cad.Tolerance)
}

// allowedSpread3 is three times the total spread allowed for n members: a
// day for two, and a third of the tolerance for each member past the second
// (a monthly stream of ten may stray 14 days in all, 1.4 a member). Short
// chains get little slack because chance alone lines up two or three visits
// to a shop; long ones get more because a long run is no accident.
func allowedSpread3(n, tol int) int { return 3 + (n-2)*tol }

// match returns how many cycles (1 or 2) after the chain's last member d is,
// and how far from the expected date, when it is within the tolerance.
func (c *chain) match(cad Cadence, d statement.Date) (k, dev int, ok bool) {
	best := -1
	for ki := range min(2, int(c.n)) {
		for _, e := range c.exp[ki] {
			if x := abs(int(d - e)); x <= cad.Tolerance && (best < 0 || x < best) {
				best, k = x, ki+1
			}
		}
		if best >= 0 {
			return k, best, true // one cycle before two
		}
	}
	return 0, 0, false
}

// chains links items (in date order) at cadence cad. Each charge joins the
// open chain it continues most closely (fewest cycles, then the same amount,
// then the nearest date), or starts a new one.
func (l *learner) chains(items []item, cad Cadence) []chain {
	l.cad = cad
	l.next, l.off = grow(l.next, len(items)), grow(l.off, len(items))
	all, open := l.all[:0], l.open[:0]
	defer func() { l.all, l.open = all[:0], open[:0] }()
	for i, it := range items {
		n := 0
		for _, ci := range open {
			if all[ci].closes >= it.d {
				open[n] = ci
				n++
			}
		}
		open = open[:n]
		best, bestCycles, bestDev, bestSteady := -1, 0, 0, false
		for _, ci := range open {
			c := &all[ci]
			if it.d <= c.last {
				continue // a second charge the same day is not a cycle
			}
			k, dev, ok := c.match(cad, it.d)
			if !ok {
				continue
			}
			st := steadyAmount(c.lastAmt, it.yen)
			better := best < 0 || k < bestCycles
			if !better && k == bestCycles {
				better = st && !bestSteady || st == bestSteady && (dev < bestDev || dev == bestDev && c.n > all[best].n)
			}
			if better {
				best, bestCycles, bestDev, bestSteady = ci, k, dev, st
			}
		}
		if best < 0 {
			all = append(all, chain{})
			best = len(all) - 1
			open = append(open, best)
		}
		l.add(&all[best], it, i, bestCycles)
	}
	return all
}
