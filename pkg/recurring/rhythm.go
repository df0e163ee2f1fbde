package recurring

// This file: choosing the cadence whose chains explain a group best, and
// turning chains into streams (fixed price, price changes, variable bills).

import (
	"slices"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// rhythm is the outcome of chaining a group of charges at one cadence.
type rhythm struct {
	cad     Cadence
	chains  []chain // the chains with at least one exact cycle, by first date
	fits    int
	members int
}

// findRhythm returns the cadence whose chains best explain items, or false
// when none does: the chains must be regular (see [chain.regular]), no more
// than parallel of them (0: the cadence's own limit) may run at once, they
// must hold at least half the items, and at most a quarter of the items
// inside the chains' spans may be off the rhythm.
func (l *learner) findRhythm(items []item, cads []Cadence, parallel int, steady bool) (rhythm, bool) {
	var best rhythm
	found := false
	l.member = grow(l.member, len(items))
	member := l.member
	for _, cad := range cads {
		limit := parallel
		if limit == 0 {
			limit = cad.maxParallel()
		}
		// Members of one chain are at least Min less a tolerance apart: a
		// group where not half the charges can be so spaced in limit lanes
		// is not chained at all. This spares a busy shop its chaining,
		// which would find nothing.
		if 2*spaced(items, cad.Min-cad.Tolerance, limit) < len(items) {
			continue
		}
		all := l.chains(items, cad)
		var acc []chain
		for i := range all {
			if c := &all[i]; c.n >= 2 && l.regular(c, steady) {
				c.idx = l.members(c)
				acc = append(acc, *c)
			}
		}
		if len(acc) == 0 || overlapExceeds(acc, limit) {
			continue
		}
		r := rhythm{cad: cad, chains: acc}
		clear(member)
		for _, c := range acc {
			r.fits += c.fits
			r.members += len(c.idx)
			for _, i := range c.idx {
				member[i] = true
			}
		}
		// Most of the group must be on the rhythm, and few charges may
		// fall between its beats.
		if 2*r.members < len(items) || offRhythm(items, member, acc) > r.members/4 {
			continue
		}
		if !found || r.fits > best.fits || r.fits == best.fits && len(r.chains) < len(best.chains) {
			best, found = r, true
		}
	}
	return best, found
}

// spaced returns how many of items (in date order) fit in lanes so that
// each lane's charges are at least gap days apart: a bound on how many can
// be members of that many chains. Each charge goes to the lane whose last
// charge is latest among those it can follow, which is optimal.
func spaced(items []item, gap, lanes int) int {
	var last [2]statement.Date
	used, n := 0, 0
	for _, it := range items {
		best := -1
		for l := range used {
			if int(it.d-last[l]) >= gap && (best < 0 || last[l] > last[best]) {
				best = l
			}
		}
		switch {
		case best >= 0:
			last[best] = it.d
		case used < lanes:
			last[used] = it.d
			used++
		default:
			continue
		}
		n++
	}
	return n
}

// overlapExceeds reports whether more than limit chains run at once. The
// chains are in order of their first member, as [chains] makes them.
func overlapExceeds(cs []chain, limit int) bool {
	var active []statement.Date // last dates of the chains still running
	for _, c := range cs {
		n := 0
		for _, l := range active {
			if l >= c.first {
				active[n] = l
				n++
			}
		}
		active = append(active[:n], c.last)
		if len(active) > limit {
			return true
		}
	}
	return false
}

// offRhythm counts the items that are not members but fall inside a chain's
// span. Items are in date order and chains in order of their first member.
func offRhythm(items []item, member []bool, cs []chain) int {
	off, ci := 0, 0
	var end statement.Date = -1 << 31 // end of the spans begun so far
	for i, it := range items {
		for ci < len(cs) && cs[ci].first <= it.d {
			end = max(end, cs[ci].last)
			ci++
		}
		if !member[i] && it.d <= end {
			off++
		}
	}
	return off
}

// fixedStreams finds the streams in one amount cluster. Chains that follow
// each other (a subscription paused and resumed) are one stream; chains
// that overlap are separate streams.
func (l *learner) fixedStreams(cl []item) []*draft {
	r, ok := l.findRhythm(cl, Cadences, 0, true)
	if !ok {
		return nil
	}
	var out []*draft
	for _, c := range r.chains {
		var into *draft
		for _, d := range out {
			// A chain that starts after the stream could have continued
			// (more than one missed cycle) is the stream resumed; one that
			// starts sooner is off its rhythm, a stream of its own.
			if c.first > d.cad.step(d.last(), 2)+statement.Date(d.cad.Tolerance) {
				into = d
				break
			}
		}
		if into == nil {
			into = &draft{cad: r.cad}
			out = append(out, into)
		} else {
			into.breaks = append(into.breaks, len(into.items))
		}
		for _, i := range c.idx {
			into.items = append(into.items, cl[i])
		}
		into.fits += c.fits
	}
	return out
}

// mergePriceChanges joins streams of one payee and cadence where one ends and
// the other begins at the next cycle (or the one after) at another amount:
// that is a price change, not a new subscription. The merged stream's
// current price is the later one's.
func mergePriceChanges(ds []*draft) []*draft {
	if len(ds) < 2 {
		return ds
	}
	slices.SortFunc(ds, func(a, b *draft) int { return int(a.first() - b.first()) })
	var out []*draft
	for _, d := range ds {
		merged := false
		for _, prev := range out {
			if prev.cad != d.cad || prev.last() >= d.first() {
				continue
			}
			// A concurrent stream at the other amount would make this a
			// second subscription rather than a change.
			if slices.ContainsFunc(ds, func(o *draft) bool {
				return o != d && o != prev && o.cad == d.cad && o.first() < d.first() && o.last() >= d.first()
			}) {
				continue
			}
			// The new price must come at the next cycle, or the one after.
			if gap := int(d.first() - prev.last()); gap < prev.cad.Min || d.first() > prev.cad.step(prev.last(), 2)+statement.Date(prev.cad.Tolerance) {
				continue
			}
			for _, b := range d.breaks {
				prev.breaks = append(prev.breaks, len(prev.items)+b)
			}
			prev.segStart = len(prev.items) + d.segStart
			prev.items = append(prev.items, d.items...)
			prev.fits += d.fits + 1
			prev.changes += d.changes + 1
			prev.variable = prev.changes >= 3
			merged = true
			break
		}
		if !merged {
			out = append(out, d)
		}
	}
	return out
}

// variableStream tries items (all of one payee) as one bill whose amount
// varies: a monthly-or-longer rhythm in one unbroken chain (a utility does
// not pause), explaining at least four fifths of the charges, whose amount
// changes at least twice. Charges
// far from the usual amount (below a third or above three times the median)
// are left out, so a sudden jump still stands out.
func (l *learner) variableStream(items []item) *draft {
	// One chain at a monthly or longer cadence holds a charge every 18 days
	// at the most; a payee whose charges cannot be four fifths so spaced is
	// no bill. Most busy shops stop here, before any chaining.
	if 5*spaced(items, monthly.Min-monthly.Tolerance, 1) < 4*len(items) {
		return nil
	}
	r, ok := l.findRhythm(items, monthlyOrLonger, 1, false)
	if !ok || len(r.chains) != 1 || r.members < 4 || r.members*5 < len(items)*4 {
		return nil
	}
	var members []item
	for _, c := range r.chains {
		for _, i := range c.idx {
			members = append(members, items[i])
		}
	}
	changes := 0
	for i := 1; i < len(members); i++ {
		if !similar(members[i-1].yen, members[i].yen) {
			changes++
		}
	}
	if changes < 2 {
		return nil
	}
	med := median(members).yen
	kept := members[:0]
	for _, it := range members {
		if it.yen*3 >= med && it.yen <= med*3 {
			kept = append(kept, it)
		}
	}
	if len(kept) < 4 {
		return nil
	}
	return &draft{cad: r.cad, items: kept, fits: r.fits, variable: true}
}
