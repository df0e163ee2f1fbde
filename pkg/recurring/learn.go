// Package recurring finds the recurring payment streams in a card's charges:
// the subscriptions, utilities and fees that charge a similar amount at a
// regular cadence. cardcheck treats a charge that continues such a stream as
// known, and a card whose history is almost all streams as recurring-only.
//
// A stream is found per payee in three steps:
//
//  1. The payee's charges are grouped by amount (±7.5% or ¥300), so that two
//     subscriptions billed under one name (¥130 and ¥1,080 at APPLE) are two
//     streams. In each group, charges are chained at every cadence: a charge
//     joins a chain when it falls within the cadence's tolerance of the date
//     one or two cycles (one missed) after the chain's last charge, or after
//     its first charge counted in whole cycles (so 1/31 → 2/28 → 3/31 stays
//     on the month's end). The cadence whose chains explain the group best
//     wins, provided few charges of the group fall off the rhythm: a shop
//     visited now and then is not a subscription because two visits happen
//     to fall a month apart.
//  2. Streams of one payee and cadence that follow each other (the old price
//     stops, the new one goes on at the next cycle) are one stream with a
//     price change; its typical amount is the current price.
//  3. A payee charged once per cycle whose amount moves from cycle to cycle
//     (electricity, gas, water) is one variable stream with the range seen.
package recurring

import (
	"slices"
	"sort"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// item is one purchase being learned from.
type item struct {
	c   *statement.Charge
	d   statement.Date
	seq int32 // position in the payee's charges in date order
	yen int64 // the amount in whole yen
}

// byDate orders items by date, then by their order on the statement.
func byDate(a, b item) int {
	if a.d != b.d {
		return int(a.d - b.d)
	}
	return int(a.seq - b.seq)
}

// Learn finds the streams in charges, which may be in any order and may mix
// payees; only purchases count. Streams come out ordered by payee, then
// first date.
func Learn(charges []*statement.Charge) []*Stream {
	// Group the purchases by payee in one array: count, then fill, so that
	// ten years of a busy card do not grow thousands of small slices.
	group := map[string]int32{}
	var payees []string
	var counts []int
	of := make([]int32, len(charges))
	for i, c := range charges {
		of[i] = -1
		if c.Kind != statement.Purchase || !c.Amount.IsPositive() || c.PlaceholderMerchant() {
			continue
		}
		g, ok := group[c.Payee]
		if !ok {
			g = int32(len(payees))
			group[c.Payee] = g
			payees, counts = append(payees, c.Payee), append(counts, 0)
		}
		of[i] = g
		counts[g]++
	}
	start := make([]int, len(payees)+1)
	for g, n := range counts {
		start[g+1] = start[g] + n
	}
	all := make([]item, start[len(payees)])
	fill := slices.Clone(start[:len(payees)])
	for i, c := range charges {
		if g := of[i]; g >= 0 {
			all[fill[g]] = item{c: c, d: c.Date, yen: statement.WholeYen(c.Amount)}
			fill[g]++
		}
	}
	var out []*Stream
	l := &learner{}
	for g, p := range payees {
		items := all[start[g]:start[g+1]:start[g+1]]
		if len(items) < 2 {
			continue
		}
		if !slices.IsSortedFunc(items, func(a, b item) int { return int(a.d - b.d) }) {
			slices.SortStableFunc(items, func(a, b item) int { return int(a.d - b.d) })
		}
		for i := range items {
			items[i].seq = int32(i)
		}
		out = append(out, l.learnPayee(p, items)...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Payee != out[j].Payee {
			return out[i].Payee < out[j].Payee
		}
		if out[i].First() != out[j].First() {
			return out[i].First() < out[j].First()
		}
		return statement.WholeYen(out[i].Typical) < statement.WholeYen(out[j].Typical)
	})
	return out
}

// learnPayee finds the streams of one payee; items are in date order.
func (l *learner) learnPayee(p string, items []item) []*Stream {
	var streams []*draft
	for _, cl := range amountClusters(items) {
		streams = append(streams, l.fixedStreams(cl)...)
	}
	streams = mergePriceChanges(streams)

	covered, largest := 0, 0
	for _, s := range streams {
		covered += len(s.items)
		largest = max(largest, len(s.items))
	}
	// A bill that changes every cycle breaks into short runs of similar
	// amounts; when those leave much of the payee unexplained, or when a
	// bill that grows month after month (a cloud bill in dollars) breaks
	// into several runs, try the payee as one variable bill.
	if n := len(items); n >= 4 && (n-covered >= max(2, n/4) || len(streams) > 1) {
		if v := l.variableStream(items); v != nil && (n-covered >= max(2, n/4) || len(v.items) > largest) {
			in := map[*statement.Charge]bool{}
			for _, it := range v.items {
				in[it.c] = true
			}
			kept := []*draft{v}
			for _, s := range streams {
				if !slices.ContainsFunc(s.items, func(it item) bool { return in[it.c] }) {
					kept = append(kept, s)
				}
			}
			streams = kept
		}
	}
	out := make([]*Stream, 0, len(streams))
	for _, s := range streams {
		out = append(out, s.stream(p))
	}
	return out
}

// draft is a stream being built: its members in date order, the index where
// the current price begins, and how many gaps were exactly one cycle.
type draft struct {
	cad      Cadence
	items    []item
	segStart int
	fits     int
	variable bool
	// changes counts the price changes merged into the stream: three or
	// more make it a bill that moves with use or grows (a cloud bill in
	// dollars), judged by its range rather than its latest price.
	changes int
	// breaks are the indexes where the stream resumed after a pause; the
	// runs between them are what makes it established.
	breaks []int
}

// longestRun is the number of members in the longest run without a pause.
func (d *draft) longestRun() int {
	best, start := 0, 0
	for _, b := range append(slices.Clone(d.breaks), len(d.items)) {
		best = max(best, b-start)
		start = b
	}
	return best
}

func (d *draft) first() statement.Date { return d.items[0].d }

func (d *draft) last() statement.Date { return d.items[len(d.items)-1].d }

// stream finishes a draft: typical amount, range, established, usual day.
func (d *draft) stream(p string) *Stream {
	if !d.variable {
		d.segStart = currentLevel(d.items)
	}
	s := &Stream{Payee: p, Cadence: d.cad, Variable: d.variable, Since: d.items[d.segStart].d}
	s.Charges = make([]*statement.Charge, len(d.items))
	lo, hi := 0, 0
	for i, it := range d.items {
		s.Charges[i] = it.c
		if it.yen < d.items[lo].yen {
			lo = i
		}
		if it.yen > d.items[hi].yen {
			hi = i
		}
	}
	s.Min, s.Max = d.items[lo].c.Amount, d.items[hi].c.Amount
	cur := d.items[d.segStart:]
	if d.variable {
		cur = d.items
	}
	s.Typical = median(cur).c.Amount
	need := 3
	if d.cad.Months == 12 {
		need = 2
	}
	s.Established = d.longestRun() >= need
	if d.cad.Months > 0 {
		s.day = usualDay(d.items)
	}
	return s
}

// currentLevel returns the index where the current price begins: the run of
// members at the last amount (within the tolerance), when it has at least
// two; a last charge alone at another amount is a one-off, and the level is
// the one before it.
func currentLevel(items []item) int {
	run := func(end int) int {
		i := end
		for i > 0 && similar(items[end].yen, items[i-1].yen) {
			i--
		}
		return i
	}
	n := len(items)
	if i := run(n - 1); i < n-1 || n < 3 {
		return i
	}
	return run(n - 2)
}

// median returns the member with the median amount (the lower middle one).
func median(items []item) item {
	sorted := slices.Clone(items)
	slices.SortFunc(sorted, func(a, b item) int {
		if c := cmp64(a.yen, b.yen); c != 0 {
			return c
		}
		return byDate(a, b)
	})
	return sorted[(len(sorted)-1)/2]
}

// usualDay is the day of the month the stream is due: the most common day
// of the last few members, the earliest among equals, since weekends and
// holidays move a bill later more often than earlier. A charge on a month's
// last day counts as the 31st (a month-end bill), and one that a shift
// carried into the next month (the 1st for the 30th) counts as the day
// past the month's end.
func usualDay(items []item) int {
	var days []int
	for _, it := range items[max(0, len(items)-5):] {
		d := it.d.Day()
		if it.d.IsMonthEnd() {
			d = 31
		}
		days = append(days, d)
	}
	slices.Sort(days)
	mid := days[(len(days)-1)/2]
	count := map[int]int{}
	day := 0
	for _, d := range days {
		if d < mid-15 {
			d += 30
		}
		count[d]++
		if day == 0 || count[d] > count[day] || count[d] == count[day] && d < day {
			day = d
		}
	}
	return min(day, 31)
}

// amountClusters splits one payee's charges into groups of similar amounts:
// sorted by amount, a group spans at most twice the tolerance of its
// smallest amount, so that it holds the charges within ±7.5% (or ¥300) of
// its middle: a bill that wanders from ¥4,400 to ¥4,950 stays one group.
// Each cluster comes out in date order.
func amountClusters(items []item) [][]item {
	// Sort keys without pointers: moving the items themselves would cost a
	// write barrier a move while the collector runs.
	type key struct {
		yen int64
		seq int32
	}
	keys := make([]key, len(items))
	for i, it := range items {
		keys[i] = key{it.yen, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp64(a.yen, b.yen); c != 0 {
			return c
		}
		return int(a.seq - b.seq)
	})
	// Cut the sorted amounts into groups, then deal the items out to their
	// groups in date order (a counting sort: no group needs sorting).
	of := make([]int32, len(items))
	var sizes []int
	start := 0
	for i := 1; i <= len(keys); i++ {
		if i == len(keys) || apart(keys[start].yen, keys[start].yen, keys[i].yen) {
			g := int32(-1)
			if i-start >= 2 {
				g = int32(len(sizes))
				sizes = append(sizes, i-start)
			}
			for _, k := range keys[start:i] {
				of[k.seq] = g
			}
			start = i
		}
	}
	at := make([]int, len(sizes)+1)
	for g, n := range sizes {
		at[g+1] = at[g] + n
	}
	buf := make([]item, at[len(sizes)])
	clusters := make([][]item, len(sizes))
	for g := range sizes {
		clusters[g] = buf[at[g]:at[g]:at[g+1]]
	}
	for i, it := range items {
		if g := of[i]; g >= 0 {
			clusters[g] = append(clusters[g], it)
		}
	}
	return clusters
}
