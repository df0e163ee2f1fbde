// Package recurring finds the recurring payment streams in a card's charges:
// the subscriptions, utilities and fees that charge a similar amount at a
// regular cadence. cardcheck treats a charge that continues such a stream as
// known, and a card whose history is almost all streams as recurring-only.
package recurring

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Cadence is a billing rhythm with the gaps (in days) that count as one cycle.
// The tolerance absorbs billing-day shifts for month ends, weekends and
// holidays (a monthly payee bills within about ±5 days of its day).
type Cadence struct {
	Name     string
	Days     int // nominal period
	Min, Max int // gap in days accepted as one cycle
}

// Cadences, shortest first.
var Cadences = []Cadence{
	{"weekly", 7, 5, 9},
	{"monthly", 30, 25, 36},
	{"bimonthly", 61, 55, 67},
	{"quarterly", 91, 84, 100},
	{"half-yearly", 182, 172, 193},
	{"yearly", 365, 350, 380},
}

// fits reports whether gap is one cycle, or two (one missed cycle).
func (c Cadence) fits(gap int) (cycles int) {
	switch {
	case gap >= c.Min && gap <= c.Max:
		return 1
	case gap >= 2*c.Min && gap <= 2*c.Max:
		return 2
	}
	return 0
}

// Next returns the date one cycle after d.
func (c Cadence) Next(d statement.Date) statement.Date {
	switch c.Name {
	case "monthly":
		return d.AddMonths(1)
	case "bimonthly":
		return d.AddMonths(2)
	case "quarterly":
		return d.AddMonths(3)
	case "half-yearly":
		return d.AddMonths(6)
	case "yearly":
		return d.AddMonths(12)
	}
	return d.AddDays(c.Days)
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
	// Typical is the median amount; Min and Max the range seen.
	Typical, Min, Max decimal.Decimal
	// Charges are the members, oldest first. Charges of the payee that came
	// off the rhythm (a second charge days after the first) are not members.
	Charges []*statement.Charge
	// Established is true after 3 regular charges (2 for yearly streams);
	// before that the stream is early.
	Established bool
}

// First and Last return the dates of the first and last member.
func (s *Stream) First() statement.Date { return s.Charges[0].Date }
func (s *Stream) Last() statement.Date  { return s.Charges[len(s.Charges)-1].Date }

// Next is the date the next charge is expected.
func (s *Stream) Next() statement.Date { return s.Cadence.Next(s.Last()) }

// AmountFits reports whether a is within the stream's tolerance: ±7.5% of its
// typical amount or ¥300, whichever is more.
func (s *Stream) AmountFits(a decimal.Decimal) bool { return similar(s.Typical, a) }

var (
	pct   = decimal.RequireFromString("0.075")
	floor = decimal.NewFromInt(300)
)

func similar(ref, a decimal.Decimal) bool {
	tol := ref.Abs().Mul(pct)
	if tol.LessThan(floor) {
		tol = floor
	}
	return a.Sub(ref).Abs().LessThanOrEqual(tol)
}

// Learn finds the streams in charges, which may be in any order and may mix
// payees; only purchases count. Streams come out ordered by payee, then
// first date.
func Learn(charges []*statement.Charge) []*Stream {
	byPayee := map[string][]*statement.Charge{}
	for _, c := range charges {
		if c.Kind == statement.Purchase && c.Amount.IsPositive() {
			byPayee[c.Payee] = append(byPayee[c.Payee], c)
		}
	}
	var out []*Stream
	for p, cs := range byPayee {
		if len(cs) < 2 {
			continue
		}
		for _, cluster := range amountClusters(cs) {
			if s := detect(p, cluster); s != nil {
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Payee != out[j].Payee {
			return out[i].Payee < out[j].Payee
		}
		return out[i].First() < out[j].First()
	})
	return out
}

// amountClusters splits one payee's charges into groups of similar amounts,
// so that two subscriptions billed under one name (¥130 and ¥1,080 at APPLE)
// are two streams. Each cluster comes out in date order.
func amountClusters(cs []*statement.Charge) [][]*statement.Charge {
	sorted := append([]*statement.Charge(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Amount.LessThan(sorted[j].Amount) })
	var clusters [][]*statement.Charge
	start := 0
	for i := 1; i <= len(sorted); i++ {
		if i == len(sorted) || !similar(sorted[start].Amount, sorted[i].Amount) {
			clusters = append(clusters, sorted[start:i:i])
			start = i
		}
	}
	for _, c := range clusters {
		sort.SliceStable(c, func(i, j int) bool { return c[i].Date < c[j].Date })
	}
	return clusters
}

// detect picks the cadence that explains most of a cluster's gaps and
// returns the stream, or nil when no cadence explains any gap.
func detect(p string, cs []*statement.Charge) *Stream {
	if len(cs) < 2 {
		return nil
	}
	var best *Stream
	bestFits := 0
	for _, cad := range Cadences {
		members, fits := walk(cs, cad)
		// A stream must explain most of its payee's charges at that amount:
		// a shop visited now and then is not a subscription because two
		// visits happen to fall a month apart.
		if fits == 0 || 2*len(members) < len(cs) || fits*2 < len(members)-1 {
			continue
		}
		if fits > bestFits {
			best = &Stream{Payee: p, Cadence: cad, Charges: members}
			bestFits = fits
		}
	}
	if best == nil {
		return nil
	}
	amounts := make([]decimal.Decimal, len(best.Charges))
	for i, c := range best.Charges {
		amounts[i] = c.Amount
	}
	sort.Slice(amounts, func(i, j int) bool { return amounts[i].LessThan(amounts[j]) })
	best.Min, best.Max, best.Typical = amounts[0], amounts[len(amounts)-1], amounts[len(amounts)/2]
	need := 2
	if best.Cadence.Name == "yearly" {
		need = 1
	}
	best.Established = bestFits >= need
	return best
}

// walk follows cs at cadence cad: a charge one or two cycles after the last
// member joins; one that comes too soon is off the rhythm and left out; one
// after a longer pause restarts the stream without counting as a fit.
func walk(cs []*statement.Charge, cad Cadence) (members []*statement.Charge, fits int) {
	members = append(members, cs[0])
	last := cs[0].Date
	for _, c := range cs[1:] {
		gap := int(c.Date - last)
		switch {
		case cad.fits(gap) > 0:
			fits++
		case gap < cad.Min:
			continue
		}
		members = append(members, c)
		last = c.Date
	}
	return members, fits
}
