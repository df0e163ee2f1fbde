package fraudsim

import (
	"slices"
	"time"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// habits are one everyday card's places and rhythms, drawn per card.
type habits struct {
	konbini, supers, drugs, cafes, diners []string
	konbiniWeek, superWeek, cafeWeek      float64
	dineWeek, drugMonth, newPlacePct      float64
	// transit and wallet top-ups: how many a month, and the usual amount.
	transit, wallet           string
	transitMonth, walletMonth float64
	walletUsual               int64
	online                    []string
	ordersMonth               float64
	appStore                  string
	appMonth                  float64
	gamer                     bool
	apparel, leisure          []string
	shopMonth                 float64
	gasStation, salon, clinic string
	taxi, delivery            string
	webShop                   string // an electronics web shop used for small things
}

// everyday fills an everyday card (a family member's with fewer habits and
// no bills).
func (g *gen) everyday(c *Card, family bool) {
	r := g.r
	hb := habits{
		konbini:      append([]string{store(pick(r, konbiniChains), g.town)}, store(pick(r, konbiniChains), pick(r, towns)), pick(r, konbiniChains)+"／ｉＤ"),
		supers:       []string{store(pick(r, superChains), g.town), store(pick(r, superChains), g.town)},
		drugs:        []string{store(pick(r, drugChains), g.town)},
		cafes:        []string{store(pick(r, cafeChains), g.town), store(pick(r, cafeChains), pick(r, towns))},
		konbiniWeek:  0.5 + 7*r.Float64(),
		superWeek:    0.5 + 3*r.Float64(),
		cafeWeek:     2.5 * r.Float64(),
		dineWeek:     0.3 + 3*r.Float64(),
		drugMonth:    4 * r.Float64(),
		newPlacePct:  10 + 30*r.Float64(),
		transitMonth: 0,
		ordersMonth:  0.5 + 7*r.Float64(),
		shopMonth:    0.3 + 2*r.Float64(),
		apparel:      pickN(r, apparel, 3),
		leisure:      pickN(r, leisure, 3),
	}
	for range 8 {
		if chance(r, 50) {
			hb.diners = append(hb.diners, store(pick(r, diningChains), pick(r, []string{g.town, g.town, pick(r, towns)})))
		} else {
			hb.diners = append(hb.diners, placeName(r, diningKinds))
		}
	}
	hb.online = pickN(r, onlineShops, 1+r.IntN(3))
	if chance(r, 70) {
		hb.online[0] = onlineShops[0] // Amazon is most people's
	}
	if chance(r, 70) {
		hb.transit = pick(r, transitTopUps)
		hb.transitMonth = 1 + 7*r.Float64()
	}
	if chance(r, 45) {
		hb.wallet = pick(r, walletTopUps)
		hb.walletMonth = 1 + 5*r.Float64()
		hb.walletUsual = int64(pick(r, []int{1000, 2000, 3000, 5000, 10000}))
	}
	if chance(r, 60) {
		hb.appStore = pick(r, appStores[:4])
		hb.appMonth = 3 * r.Float64()
		if chance(r, 15) {
			hb.gamer = true
			hb.appMonth = 4 + 8*r.Float64()
		}
	}
	if chance(r, 35) {
		hb.gasStation = store(pick(r, gasChains), g.town)
	}
	if chance(r, 60) {
		hb.salon = pick(r, salonNames) + "　" + pick(r, nameParts) + pick(r, nameParts)
	}
	hb.clinic = g.town + pick(r, clinicKinds)
	if chance(r, 40) {
		hb.taxi = pick(r, taxis)
	}
	if chance(r, 40) {
		hb.delivery = pick(r, delivery)
	}
	if chance(r, 30) {
		hb.webShop = pick(r, webElectronics[:2])
	}
	if family {
		hb.dineWeek /= 2
		hb.ordersMonth /= 2
		hb.gasStation, hb.taxi, hb.webShop = "", "", ""
		hb.appMonth /= 2
		hb.gamer = false
	}
	g.daily(c, hb)
	if family {
		return
	}
	g.everydayBills(c)
	g.furusato(c)
	g.trips(c)
	g.bigPurchases(c)
}

// daily adds the day-to-day spending: shops, meals, top-ups, orders.
func (g *gen) daily(c *Card, hb habits) {
	r := g.r
	from, to := g.days(c)
	newPlaces := []string{}
	for d := from; d <= to; d++ {
		wd := d.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		k := hb.konbiniWeek / 7
		if weekend {
			k *= 0.7
		}
		for range poisson(r, k) {
			g.add(c, d, zipf(r, hb.konbini), receipt(r, 120, 1800), "konbini")
		}
		s := hb.superWeek / 7
		if weekend {
			s *= 1.8
		}
		for range poisson(r, s) {
			g.add(c, d, zipf(r, hb.supers), receipt(r, 600, 9000), "supermarket")
		}
		for range poisson(r, hb.cafeWeek/7) {
			g.add(c, d, zipf(r, hb.cafes), receipt(r, 330, 1400), "cafe")
		}
		for range poisson(r, hb.dineWeek/7) {
			if chance(r, int(hb.newPlacePct)) {
				// A new place; a few become regulars.
				p := placeName(r, diningKinds)
				if chance(r, 20) {
					newPlaces = append(newPlaces, p)
				}
				g.add(c, d, p, receipt(r, 800, 12000), "new-place")
				continue
			}
			places := append(hb.diners, newPlaces...)
			g.add(c, d, zipf(r, places), receipt(r, 700, 8000), "dining")
		}
		for range poisson(r, hb.drugMonth/30) {
			g.add(c, d, hb.drugs[0], receipt(r, 200, 5000), "drugstore")
		}
		if hb.transit != "" {
			for range poisson(r, hb.transitMonth/30) {
				g.add(c, d, hb.transit, int64(pick(r, []int{1000, 1000, 2000, 3000, 5000})), "transit-top-up")
			}
		}
		if hb.wallet != "" {
			for range poisson(r, hb.walletMonth/30) {
				g.add(c, d, hb.wallet, roundTo(hb.walletUsual*int64(pick(r, []int{50, 100, 100, 100, 200}))/100, 1000), "wallet-top-up")
			}
		}
		for range poisson(r, hb.ordersMonth/30) {
			g.order(c, d, zipf(r, hb.online))
		}
		if hb.appStore != "" {
			for range poisson(r, hb.appMonth/30) {
				hi := int64(3000)
				if hb.gamer {
					hi = 10000
				}
				g.add(c, d, hb.appStore, pick(r, []int64{120, 160, 250, 370, 480, 610, 980, 1220, 1500, 2440, 3060, hi}), "app-store")
			}
		}
		for range poisson(r, hb.shopMonth/30) {
			if chance(r, 60) {
				g.add(c, d, store(pick(r, hb.apparel), g.town), receipt(r, 990, 15000), "apparel")
			} else {
				g.add(c, d, store(pick(r, hb.leisure), g.town), receipt(r, 500, 6000), "leisure")
			}
		}
		if hb.gasStation != "" && poisson(r, 2.5/30) > 0 {
			g.add(c, d, hb.gasStation, receipt(r, 2500, 8000), "gas-station")
		}
		if hb.taxi != "" && poisson(r, 1.5/30) > 0 {
			g.add(c, d, hb.taxi, receipt(r, 800, 6000), "taxi")
		}
		if hb.delivery != "" && poisson(r, 2.0/30) > 0 {
			g.add(c, d, hb.delivery, receipt(r, 1200, 4500), "delivery")
		}
		if hb.webShop != "" && poisson(r, 0.4/30) > 0 {
			g.add(c, d, hb.webShop, receipt(r, 1500, 25000), "web-electronics")
		}
		if hb.salon != "" && d.Weekday() == time.Saturday && poisson(r, 1.0/5) > 0 {
			g.add(c, d, hb.salon, roundTo(between(r, 4000, 12000), 100), "salon")
		}
		if poisson(r, 0.5/30) > 0 {
			g.add(c, d, hb.clinic, roundTo(between(r, 800, 6000), 10), "clinic")
		}
	}
}

// order is one online order: one charge, or (a third of orders) one charge
// per item or per shop, billed over up to three days. A few are returned.
func (g *gen) order(c *Card, d statement.Date, shop string) {
	r := g.r
	n := 1
	if chance(r, 35) {
		n = 2 + r.IntN(4)
	}
	for i := range n {
		day := d
		if i > 0 {
			day = d + statement.Date(r.IntN(4))
		}
		ch := g.add(c, day, shop, receipt(r, 280, 12000), "online-order")
		if chance(r, 2) {
			back := g.add(c, day+statement.Date(5+r.IntN(15)), shop, -ch.Yen, "refund")
			back.Posted = back.Date + 1
		}
	}
}

// everydayBills adds a personal card's bills and subscriptions: phone and
// utilities billed by use, a few well-known subscriptions (some starting
// during the replayed months, some raising their price), and for some a
// dollar cloud bill that grows about 2% a month.
func (g *gen) everydayBills(c *Card) {
	r := g.r
	end := g.h.Months()
	g.run(c, bill{name: pick(r, phones), day: pick(r, []int{10, 15, 20, 26}), every: 1, shift: true, habit: "usage-bill", amount: g.usage(between(r, 3000, 11000), nil, 30), to: end})
	if chance(r, 70) {
		g.run(c, bill{name: pick(r, power), day: pick(r, []int{3, 8, 14, 22}), every: 1, shift: true, habit: "usage-bill", amount: g.usage(between(r, 4000, 12000), electricitySeason, 10), to: end})
	}
	if chance(r, 50) {
		g.run(c, bill{name: pick(r, gasUtilities), day: pick(r, []int{5, 12, 18}), every: 1, shift: true, habit: "usage-bill", amount: g.usage(between(r, 2500, 7000), gasSeason, 10), to: end})
	}
	if chance(r, 40) {
		g.run(c, bill{name: pick(r, water), day: pick(r, []int{10, 20}), every: 2, phase: r.IntN(2), shift: true, habit: "usage-bill", amount: g.usage(between(r, 4000, 9000), nil, 12), to: end})
	}
	if chance(r, 50) {
		g.run(c, bill{name: pick(r, internet), day: pick(r, []int{1, 5, 27}), every: 1, shift: true, habit: "bill", amount: fixed(roundTo(between(r, 4000, 6500), 10), 0, 0), to: end})
	}
	if chance(r, 35) {
		g.run(c, bill{name: pick(r, insurers), day: 27, every: 1, shift: true, habit: "bill", amount: fixed(roundTo(between(r, 2000, 15000), 10), 0, 0), to: end})
	}
	if chance(r, 30) {
		g.run(c, bill{name: pick(r, gyms), day: pick(r, []int{1, 5}), every: 1, habit: "bill", amount: fixed(int64(pick(r, []int{2980, 3278, 7678, 8580, 10780})), 0, 0), to: end})
	}
	if chance(r, 40) {
		g.run(c, bill{name: "ＮＨＫ放送受信料", day: 27, every: 2, phase: r.IntN(2), shift: true, habit: "bill", amount: fixed(2200, 0, 0), to: end})
	}
	// One plan per service: a card pays Prime monthly or yearly, not both.
	seen := map[string]bool{}
	subs := slices.DeleteFunc(pickN(r, knownSubs, 2+r.IntN(4)), func(s sub) bool {
		dup := seen[s.name]
		seen[s.name] = true
		return dup
	})
	for i, s := range subs {
		b := bill{name: s.name, day: 1 + r.IntN(28), every: s.every, phase: r.IntN(12), habit: "subscription", to: end}
		if s.cents > 0 {
			b.cur, b.country = "USD", "USA"
			b.amount = fixed(s.cents, 0, 0)
		} else {
			b.amount = fixed(s.yen, 0, 0)
			if s.rise > 0 && chance(r, 50) {
				b.riseAt = g.h.History + r.IntN(g.h.Replayed)
				b.amount = fixed(s.yen, b.riseAt, s.rise)
			}
		}
		// The last one or two start during the replayed months: a new
		// subscription at a well-known service.
		if i >= len(subs)-1-r.IntN(2) && chance(r, 60) {
			b.from = g.h.History + r.IntN(g.h.Replayed-2)
			b.habit = "new-subscription"
			b.phase = b.from
		}
		g.run(c, b)
	}
	if chance(r, 25) {
		g.run(c, bill{name: pick(r, cloudBills), day: pick(r, []int{1, 2, 3}), every: 1, habit: "cloud-usd", cur: "USD", country: "USA", amount: g.growing(between(r, 500, 8000), 2), to: end})
	}
}

// furusato adds ふるさと納税: a day or two late in the year with several
// donations at one portal.
func (g *gen) furusato(c *Card) {
	r := g.r
	if !chance(r, 40) {
		return
	}
	portal := pick(r, furusato)
	from, to := g.days(c)
	for y := 2022; y <= 2027; y++ {
		for range 1 + r.IntN(2) {
			d := statement.NewDate(y, time.Month(pick(r, []int{10, 11, 12, 12, 12})), 1+r.IntN(28))
			if d < from || d > to {
				continue
			}
			for range 2 + r.IntN(7) {
				g.add(c, d, portal, roundTo(between(r, 5000, 50000), 1000), "furusato")
			}
		}
	}
}

// trips adds trips abroad (a booking weeks before, then a hotel and other
// charges in the local currency) and domestic travel.
func (g *gen) trips(c *Card) {
	r := g.r
	from, to := g.days(c)
	span := int(to - from)
	if chance(r, 45) {
		for range 1 + r.IntN(2) {
			dest := pick(r, destinations)
			start := from + statement.Date(60+r.IntN(span-70))
			days := 3 + r.IntN(8)
			g.add(c, start-statement.Date(14+r.IntN(60)), pick(r, airlines), roundTo(between(r, 40000, 260000), 10), "trip-booking")
			for i := range days {
				d := start + statement.Date(i)
				for range 1 + r.IntN(4) {
					g.addForeign(c, d, pick(r, dest.places), localCents(receipt(r, 300, 12000), dest.currency), dest.currency, dest.country, "trip-abroad")
				}
			}
			// The hotel bills at checkout.
			nights := int64(days - 1)
			g.addForeign(c, start+statement.Date(days-1), pick(r, dest.hotels), localCents(nights*between(r, 12000, 50000), dest.currency), dest.currency, dest.country, "hotel-abroad")
		}
	}
	for range r.IntN(4) {
		d := from + statement.Date(r.IntN(span))
		g.add(c, d, pick(r, domesticTravel), roundTo(between(r, 12000, 90000), 10), "domestic-travel")
	}
}

// bigPurchases adds appliances and furniture, some in installments.
func (g *gen) bigPurchases(c *Card) {
	r := g.r
	from, to := g.days(c)
	span := int(to - from)
	for range r.IntN(3) {
		d := from + statement.Date(r.IntN(span))
		ch := g.add(c, d, store(pick(r, electronicsStores), pick(r, []string{g.town, g.town, pick(r, towns)})), roundTo(between(r, 40000, 350000), 10), "appliance")
		if chance(r, 35) {
			ch.Installments = pick(r, []int{3, 6, 10, 12, 24})
		}
	}
	if chance(r, 40) {
		d := from + statement.Date(r.IntN(span))
		g.add(c, d, store(pick(r, furnitureStores), g.town), roundTo(between(r, 30000, 200000), 10), "furniture")
	}
}

// localCents converts yen to about that much in cur, in cents, rounded to
// what the currency's prices look like (whole won, baht and dollars of
// Taiwan; cents elsewhere).
func localCents(yen int64, cur string) int64 {
	cents := yen * 100_000 / baseRates[cur]
	switch cur {
	case "KRW":
		return roundTo(cents, 100*100)
	case "TWD", "THB":
		return roundTo(cents, 100)
	}
	return max(1, cents)
}
