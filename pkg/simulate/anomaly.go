package simulate

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// The Metaps Payment breach (会費ペイ, イベントペイ): cards used with its token
// method from 2021-10-14 to 2022-01-25 were exposed. The generator labels
// charges there itself, so that the quality test does not read the rules'
// own catalogue to grade them.
var (
	breachFrom  = statement.NewDate(2021, 10, 14)
	breachTo    = statement.NewDate(2022, 1, 25)
	breachPayee = []string{"会費ペイ", "イベントペイ"}
)

// exposed reports whether a charge at merchant on d exposed the card.
func exposed(merchant string, d statement.Date) bool {
	if d < breachFrom || d > breachTo {
		return false
	}
	for _, p := range breachPayee {
		if strings.HasPrefix(merchant, p) {
			return true
		}
	}
	return false
}

var (
	// digital merchants are where stolen cards are cashed out: app and game
	// stores, gift cards.
	digital = []string{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "ＢＩＬＬ　ＩＴＵＮＥＳ　ＣＯＭ", "ＧＯＯＧＬＥ　＊ＧＯＯＧＬＥ　ＰＬＡＹ", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", "ＮＩＮＴＥＮＤＯ　ＥＳＨＯＰ", "ＰＬＡＹＳＴＡＴＩＯＮ　ＮＥＴＷＯＲＫ", "ＡＭＡＺＯＮ　ギフトカード", "ＭＩＣＲＯＳＯＦＴ　＊ＸＢＯＸ"}
	// testers are where a stolen number is tried with a tiny charge.
	testers = []string{"ＳＴＲＩＰＥ　＊ＤＯＮＡＴＩＯＮ", "ＰＡＹＰＡＬ　＊ＤＩＧＩＴＡＬＧＯ", "ＷＷＷ．ＴＥＳＴＳＨＯＰ２４．ＣＯＭ", "ＣＨＡＲＩＴＹ　ＧＩＶＥ　ＯＮＬＩＮＥ", "ＳＱ　＊ＣＯＦＦＥＥ　ＳＴＡＮＤ", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ"}
	// shops are unknown web shops selling what resells.
	shops = []string{"ＥＣ　ＳＨＯＰ　ＥＬＥＣＴＲＯ", "ＴＯＫＹＯ　ＢＲＡＮＤ　ＯＵＴＬＥＴ", "ＬＵＸＵＲＹ　ＷＡＴＣＨ　ＪＰ", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", "ＣＡＭＥＲＡ　ＷＡＲＥＨＯＵＳＥ", "ＰＣ　ＤＥＰＯＴ　ＯＮＬＩＮＥ"}
	// abroad are foreign merchants, with their currency.
	abroad = []struct{ name, cur string }{
		{"ＷＡＬＭＡＲＴ．ＣＯＭ", "USD"}, {"ＡＬＩＥＸＰＲＥＳＳ", "USD"}, {"ＢＯＯＫＩＮＧ．ＣＯＭ", "EUR"},
		{"ＵＢＥＲ　＊ＴＲＩＰ", "USD"}, {"ＺＡＬＡＮＤＯ", "EUR"}, {"ＢＥＳＴ　ＢＵＹ", "USD"},
	}
)

// inject adds month m's anomalies to card c, unless the month stays clean.
func (h *History) inject(c *Card, m int) {
	r := c.rng
	if c.Profile == Personal && h.Month(m) <= breachTo && h.monthEnd(m) >= breachFrom && r.IntN(2) == 0 {
		// A ticket bought through イベントペイ during the breach.
		from, to := max(h.Month(m), breachFrom), min(h.monthEnd(m), breachTo)
		h.Incidents++
		c.injected = append(c.injected, Charge{Date: from + statement.Date(r.IntN(int(to-from)+1)), Merchant: "イベントペイ", Amount: yen(roundTo(between(r, 2000, 9000), 500)), Kind: Exposure, Incident: h.Incidents})
	}
	if r.IntN(100) < h.CleanPercent {
		return
	}
	n := 1
	if r.IntN(5) == 0 {
		n = 2
	}
	kinds := FraudKinds
	if !c.DomesticOnly {
		kinds = kinds[:len(kinds)-1] // ForeignUse is last: fraud abroad on a card used abroad is not that sign
	}
	for range n {
		h.injectKind(c, m, pick(r, kinds))
	}
}

// injectKind adds one incident of kind k in month m.
func (h *History) injectKind(c *Card, m int, k Kind) {
	r := c.rng
	first, last := h.Month(m), h.monthEnd(m)
	// day returns a day of the month from which span days fit in it.
	day := func(span int) statement.Date { return first + statement.Date(r.IntN(max(1, int(last-first)+2-span))) }
	h.Incidents++
	inc := h.Incidents
	add := func(d statement.Date, merchant string, amount decimal.Decimal, f *Foreign) {
		c.injected = append(c.injected, Charge{Date: d, Merchant: merchant, Amount: amount, Foreign: f, Kind: k, Incident: inc})
	}
	switch k {
	case Burst:
		n := 3 + r.IntN(4)
		switch x := r.IntN(100); {
		case x >= 85:
			n = 16 + r.IntN(25)
		case x >= 60:
			n = 7 + r.IntN(9)
		}
		span := 1 + r.IntN(2)
		if r.IntN(2) == 0 {
			span = 1 + r.IntN(min(14, n))
		}
		start := day(span)
		merchant := pick(r, digital)
		same := r.IntN(10) < 7
		unit := []int64{1500, 3000, 5000, 10000, 10000, 20000, 30000}[r.IntN(7)]
		for range n {
			a := unit
			if !same {
				a = roundTo(between(r, 500, 15000), 100)
			}
			add(start+statement.Date(r.IntN(span)), merchant, yen(a), nil)
		}
	case CardTest:
		tester := pick(r, testers)
		follow := r.IntN(4) > 0
		span := 1
		if follow {
			span = 2 + r.IntN(14)
		}
		start := day(span)
		tiny := []int64{1, 10, 50, 100, between(r, 1, 100)}[r.IntN(5)]
		for range 1 + r.IntN(3) {
			add(start, tester, yen(tiny), nil)
		}
		if follow {
			where := pick(r, [][]string{digital, shops})
			for range 1 + r.IntN(4) {
				add(start+statement.Date(1+r.IntN(span-1)), pick(r, where), yen(roundTo(between(r, 3000, 60000), 100)), nil)
			}
		}
	case LargeFirst:
		add(day(1), pick(r, shops), yen(roundTo(between(r, 50000, 300000), 100)-[]int64{0, 20, 200}[r.IntN(3)]), nil)
	case Duplicate, AmountJump:
		// At one of the card's fixed-price bills charged this month.
		var at []int
		for i, ch := range c.legit {
			if ch.Date >= first && ch.Date <= last && c.merch.isBill(ch.Merchant) && !slices.ContainsFunc(c.injected, func(x Charge) bool { return x.target == i+1 }) {
				at = append(at, i)
			}
		}
		if len(at) == 0 {
			h.Incidents--
			h.injectKind(c, m, LargeFirst)
			return
		}
		i := pick(r, at)
		orig := c.legit[i]
		if k == Duplicate {
			add(min(last, orig.Date.AddDays(r.IntN(4))), orig.Merchant, orig.Amount, nil)
		} else {
			// Not exactly twice: one line at twice a fixed bill is as
			// often a per-seat bill that gained a user, and a bill
			// charged twice is two charges (Duplicate).
			factor := []int64{3, 5, 10}[r.IntN(3)]
			add(orig.Date, orig.Merchant, orig.Amount.Mul(yen(factor)), nil)
			c.injected[len(c.injected)-1].replaces = i + 1
		}
		c.injected[len(c.injected)-1].target = i + 1
	case ForeignUse:
		shop := abroad[r.IntN(len(abroad))]
		span := 1 + r.IntN(5)
		start := day(span)
		for range 1 + r.IntN(4) {
			d := start + statement.Date(r.IntN(span))
			rate := usdRate(d)
			if shop.cur == "EUR" {
				rate = rate.Mul(decimal.RequireFromString("1.08")).Round(3)
			}
			f := &Foreign{Amount: decimal.New(between(r, 2000, 90000), -2), Currency: shop.cur, Rate: rate}
			add(d, shop.name, f.Yen(), f)
		}
	}
}
