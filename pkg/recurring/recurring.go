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

	"github.com/shopspring/decimal"

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
func (s *Stream) Last() statement.Date  { return s.Charges[len(s.Charges)-1].Date }

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
func (d *draft) last() statement.Date  { return d.items[len(d.items)-1].d }

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

func cmp64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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

// steadyAmount reports whether b is a's amount again, or within 5% (¥10 at
// least): a subscription's price, or the same price converted from a foreign
// currency at another rate. A shop's receipts wander across the whole ±7.5%
// band instead.
func steadyAmount(a, b int64) bool {
	return abs64(b-a) <= max(abs64(a)*5/100, 10)
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
		best, bk, bdev, bsteady := -1, 0, 0, false
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
			better := best < 0 || k < bk
			if !better && k == bk {
				better = st && !bsteady || st == bsteady && (dev < bdev || dev == bdev && c.n > all[best].n)
			}
			if better {
				best, bk, bdev, bsteady = ci, k, dev, st
			}
		}
		if best < 0 {
			all = append(all, chain{})
			best = len(all) - 1
			open = append(open, best)
		}
		l.add(&all[best], it, i, bk)
	}
	return all
}

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
	if 5*spaced(items, Cadences[1].Min-Cadences[1].Tolerance, 1) < 4*len(items) {
		return nil
	}
	r, ok := l.findRhythm(items, Cadences[1:], 1, false)
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
