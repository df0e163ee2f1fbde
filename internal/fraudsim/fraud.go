package fraudsim

import (
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// patternWeights says how often each pattern starts an incident (Repeat
// only follows a burst).
var patternWeights = map[Pattern]int{
	AppBurst: 20, ElectronicsBurst: 10, FraudSubscription: 15, SlowSkim: 15, AboveRange: 15,
	CardTest: 15, ForeignOnline: 10, LargeFirst: 10, DoubleCharge: 10,
}

// inject adds fraud incidents to card c inside the replayed months: none on
// a fifth of the cards, up to two on a recurring-only card and three on an
// everyday one. A burst is hit again weeks later half the time.
func (g *gen) inject(c *Card) {
	r := g.r
	n := pick(r, []int{0, 1, 1, 1, 2, 2, 3, 3})
	if c.Type == RecurringOnly {
		n = pick(r, []int{0, 1, 1, 2, 2})
	}
	for range n {
		p := g.pattern()
		start := g.h.replayFrom() + statement.Date(r.IntN(int(g.h.replayTo()-g.h.replayFrom())))
		g.h.Incidents++
		merchant := g.incident(c, p, start, g.h.Incidents)
		if (p == AppBurst || p == ElectronicsBurst) && merchant != "" && chance(r, 50) {
			again := start + statement.Date(21+r.IntN(120))
			if again <= g.h.replayTo() {
				g.h.Incidents++
				g.burst(c, Repeat, merchant, again, g.h.Incidents, p == ElectronicsBurst)
			}
		}
	}
}

// pattern draws a pattern by its weight.
func (g *gen) pattern() Pattern {
	total := 0
	for _, p := range Patterns {
		total += patternWeights[p]
	}
	n := g.r.IntN(total)
	for _, p := range Patterns {
		if n -= patternWeights[p]; n < 0 {
			return p
		}
	}
	return LargeFirst
}

// fraud adds a fraud charge.
func (g *gen) fraud(c *Card, p Pattern, incident int, d statement.Date, merchant string, yen int64) *Charge {
	ch := &Charge{Date: d, Posted: d + statement.Date(g.postDelay(false)), Merchant: merchant, Yen: yen, Pattern: p, Incident: incident, Card: c}
	c.Charges = append(c.Charges, ch)
	return ch
}

// fraudForeign adds a fraud charge in a foreign currency.
func (g *gen) fraudForeign(c *Card, p Pattern, incident int, d statement.Date, merchant string, cents int64, cur, country string) *Charge {
	ch := g.fraud(c, p, incident, d, merchant, 0)
	g.setForeign(ch, cents, cur, country)
	return ch
}

// incident adds one incident of pattern p from day start and returns the
// merchant a repeat would hit again.
func (g *gen) incident(c *Card, p Pattern, start statement.Date, id int) string {
	r := g.r
	switch p {
	case AppBurst:
		m := pick(r, append(append([]string{}, appStores...), giftSellers...))
		// Half the time the victim's own app store.
		if own := g.used(c, "app-store"); own != "" && chance(r, 50) {
			m = own
		}
		g.burst(c, p, m, start, id, false)
		return m
	case ElectronicsBurst:
		m := pick(r, webElectronics)
		if own := g.used(c, "web-electronics"); own != "" && chance(r, 50) {
			m = own
		}
		g.burst(c, p, m, start, id, true)
		return m
	case FraudSubscription:
		g.monthly(c, p, id, start, 3+r.IntN(8), func() (int64, bool) {
			return between(r, 10, 40)*100 - 1, true
		}, func() int64 { return int64(pick(r, []int{980, 1480, 1980, 2980, 3980, 4980, 5980})) })
	case SlowSkim:
		base := between(r, 30, 98) * 10
		steady := chance(r, 60)
		g.monthly(c, p, id, start, 4+r.IntN(15), nil, func() int64 {
			if steady {
				return base
			}
			return max(300, min(980, base+between(r, -10, 10)*10))
		})
	case AboveRange:
		if !g.aboveRange(c, start, id) {
			g.largeFirst(c, LargeFirst, start, id)
		}
	case CardTest:
		g.cardTest(c, start, id)
	case ForeignOnline:
		cur, country := pick(r, []string{"USD", "USD", "EUR", "GBP"}), ""
		switch cur {
		case "USD":
			country = "USA"
		case "EUR":
			country = pick(r, []string{"NLD", "DEU", "FRA", "IRL"})
		case "GBP":
			country = "GBR"
		}
		g.fraudForeign(c, p, id, start, strangerName(r, true), localCents(roundTo(between(r, 30000, 200000), 100), cur), cur, country)
	case LargeFirst:
		g.largeFirst(c, p, start, id)
	case DoubleCharge:
		g.doubleCharge(c, start, id)
	}
	return ""
}

// used returns a merchant of card c with that habit, if any.
func (g *gen) used(c *Card, habit string) string {
	for _, ch := range c.Charges {
		if ch.Habit == habit {
			return ch.Merchant
		}
	}
	return ""
}

// burst adds 3 to 15 charges over one to three days at merchant m (2 to 5
// large orders within two days for electronics), often at one price.
func (g *gen) burst(c *Card, p Pattern, m string, start statement.Date, id int, electronics bool) {
	r := g.r
	if electronics {
		for range 2 + r.IntN(4) {
			g.fraud(c, p, id, start+statement.Date(r.IntN(2)), m, roundTo(between(r, 15000, 150000), 10)-pick(r, []int64{0, 20, 120}))
		}
		return
	}
	n := 3 + r.IntN(4)
	if chance(r, 35) {
		n += r.IntN(9)
	}
	days := 1 + r.IntN(3)
	price := int64(pick(r, []int{1000, 1500, 3000, 5000, 10000}))
	one := chance(r, 60)
	for range n {
		d := start + statement.Date(r.IntN(days))
		y := price
		if !one {
			y = roundTo(between(r, 500, 15000), 100)
		}
		if isASCII(m) {
			// A foreign game store bills in dollars.
			g.fraudForeign(c, p, id, d, m, localCents(y, "USD"), "USD", "USA")
			continue
		}
		g.fraud(c, p, id, d, m, y)
	}
}

// monthly adds a charge a month for n months at a stranger's name, on about
// the same day: a fraudster's subscription, or a slow skim. With dollars
// set and true, the amount is in US cents.
func (g *gen) monthly(c *Card, p Pattern, id int, start statement.Date, n int, dollars func() (int64, bool), yen func() int64) {
	r := g.r
	foreign := dollars != nil && chance(r, 35)
	name := strangerName(r, foreign)
	var cents int64
	if foreign {
		cents, _ = dollars()
	}
	amount := yen()
	for i := range n {
		d := start.AddMonths(i)
		if p == SlowSkim {
			d += statement.Date(r.IntN(11) - 5)
		} else {
			d += statement.Date(r.IntN(3) - 1)
		}
		if d > g.h.replayTo() {
			return
		}
		if foreign {
			g.fraudForeign(c, p, id, d, name, cents, "USD", "USA")
			continue
		}
		if p == SlowSkim {
			amount = yen()
		}
		g.fraud(c, p, id, d, name, amount)
	}
}

// aboveRange adds one to three charges at a payee the card uses, far above
// its usual amounts: a top-up or an order on an everyday card, a bill on a
// recurring-only card. It reports false when the card has no such payee.
func (g *gen) aboveRange(c *Card, start statement.Date, id int) bool {
	r := g.r
	var pool []*Charge
	for _, ch := range c.Charges {
		if ch.Date >= start || ch.Yen <= 0 || ch.Foreign != nil {
			continue
		}
		switch ch.Habit {
		case "transit-top-up", "wallet-top-up", "online-order", "bill", "usage-bill", "supermarket":
			pool = append(pool, ch)
		}
	}
	if len(pool) == 0 {
		return false
	}
	m := pick(r, pool).Merchant
	var usual int64
	for _, ch := range pool {
		if ch.Merchant == m {
			usual = max(usual, ch.Yen)
		}
	}
	n := 1 + r.IntN(3)
	if c.Type == RecurringOnly {
		n = 1
	}
	for range n {
		y := max(20000, usual*int64(5+r.IntN(20)))
		if usual >= 1000 && usual%1000 == 0 {
			y = roundTo(y, 1000)
		} else {
			y = roundTo(y, 10)
		}
		g.fraud(c, AboveRange, id, start+statement.Date(r.IntN(2)), m, min(y, 300000))
	}
	return true
}

// cardTest adds one to three ¥1–¥100 charges at strangers, then (three
// times in four) one to four larger charges at other strangers within two
// weeks.
func (g *gen) cardTest(c *Card, start statement.Date, id int) {
	r := g.r
	tester := strangerName(r, chance(r, 50))
	for range 1 + r.IntN(3) {
		g.fraud(c, CardTest, id, start+statement.Date(r.IntN(2)), tester, int64(pick(r, []int{1, 1, 10, 50, 100, 11, 99, 30})))
	}
	if !chance(r, 75) {
		return
	}
	for range 1 + r.IntN(4) {
		d := start + statement.Date(1+r.IntN(14))
		m := pick(r, []string{strangerName(r, false), strangerName(r, true), pick(r, giftSellers), pick(r, webElectronics)})
		g.fraud(c, CardTest, id, d, m, roundTo(between(r, 3000, 80000), 10))
	}
}

// largeFirst adds one large purchase at a merchant the card never paid.
func (g *gen) largeFirst(c *Card, p Pattern, start statement.Date, id int) {
	r := g.r
	m := pick(r, []string{strangerName(r, false), "ブランドショップ　" + pick(r, nameParts) + "　オンライン", "チケット　" + pick(r, fraudTails), pick(r, giftSellers)})
	g.fraud(c, p, id, start, m, roundTo(between(r, 50000, 300000), 10))
}

// doubleCharge bills one of the card's bills a second time in its cycle,
// at the same amount or another.
func (g *gen) doubleCharge(c *Card, start statement.Date, id int) {
	r := g.r
	var pool []*Charge
	for _, ch := range c.Charges {
		if ch.Date >= start && ch.Date <= g.h.replayTo() && !ch.Fraud() && ch.Foreign == nil && (ch.Habit == "bill" || ch.Habit == "usage-bill" || ch.Habit == "subscription" || ch.Habit == "seat-bill") {
			pool = append(pool, ch)
		}
	}
	if len(pool) == 0 {
		g.largeFirst(c, LargeFirst, start, id)
		return
	}
	orig := pool[r.IntN(min(len(pool), 3))]
	y := orig.Yen
	if chance(r, 40) {
		y = roundTo(y*int64(50+r.IntN(100))/100, 10)
	}
	g.fraud(c, DoubleCharge, id, orig.Date+statement.Date(r.IntN(6)), orig.Merchant, y)
}
