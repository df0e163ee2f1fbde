package fraudsim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/cardcheck/cardcheck/pkg/simulate"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// The shape of every cardholder: a year of statements before the first run,
// then a year and a half checked month by month, as the corpora were.
const (
	HistoryMonths  = 12
	ReplayedMonths = 18
)

// Generate builds the cardholder of seed s. Cardholders come in five kinds,
// in turn by the seed's number: a recurring-only corporate card alone; an
// everyday card with a family card; an everyday card alone; a corporate
// card and an everyday card at two card companies; an everyday card alone.
func Generate(s Seed) *Cardholder {
	r := s.rand()
	// Starts from April 2022 to December 2024: past every breach the
	// catalogue knows, so no charge is an exposure.
	h := &Cardholder{Seed: s, Start: statement.NewDate(2022, time.Month(4+r.IntN(33)), 1), History: HistoryMonths, Replayed: ReplayedMonths}
	g := &gen{r: r, h: h, town: pick(r, towns)}
	g.fx = map[string][]int64{}
	holder := pick(r, []string{"ヤマダ　タロウ", "サトウ　ハナコ", "スズキ　イチロウ", "タナカ　ミサキ", "ワタナベ　ケンジ", "イトウ　ユイ", "ナカムラ　ショウ", "コバヤシ　アヤ"})
	layouts := pickN(r, Layouts, 2)
	corporate := func(l Layout) {
		g.corporate(g.card(g.account(l, holder), RecurringOnly, false))
	}
	everyday := func(l Layout, family bool) {
		a := g.account(l, holder)
		g.everyday(g.card(a, Everyday, false), false)
		if family && (l == Vpass || l == JCB) {
			g.everyday(g.card(a, Everyday, true), true)
		}
	}
	switch (s.N - 1) % 5 {
	case 0:
		corporate(layouts[0])
	case 1:
		everyday(layouts[0], true)
	case 2, 4:
		everyday(layouts[0], false)
	case 3:
		corporate(layouts[0])
		everyday(layouts[1], chance(r, 30))
	}
	h.sortCharges()
	for _, c := range h.Cards() {
		g.inject(c)
	}
	h.sortCharges()
	return h
}

// gen is the state of one cardholder's generation.
type gen struct {
	r    *rand.Rand
	h    *Cardholder
	town string
	// fx holds each currency's rate by month from Start, in thousandths of
	// a yen, drawn on first use.
	fx map[string][]int64
}

// account starts an account in layout l, with the closing day that card
// company uses.
func (g *gen) account(l Layout, holder string) *Account {
	a := &Account{Layout: l, Holder: holder}
	switch l {
	case Vpass:
		a.Close = pick(g.r, []int{15, 31})
	case JCB:
		a.Close = 15
	case Rakuten:
		a.Close = 31
	case Epos:
		a.Close = pick(g.r, []int{4, 27})
	}
	g.h.Accounts = append(g.h.Accounts, a)
	return a
}

// card adds a card to a, named as its card company prints it.
func (g *gen) card(a *Account, t CardType, family bool) *Card {
	c := &Card{Type: t, Account: a, Holder: a.Holder, Family: family}
	n := len(g.h.Cards())
	switch a.Layout {
	case Vpass:
		c.Number = fmt.Sprintf("4980-%02d**-****-****", 10+n)
		c.Name = "三井住友カードＶＩＳＡ（ＮＬ）"
		if t == RecurringOnly {
			c.Name = "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ"
		}
		if family {
			c.Name = "三井住友カード（ＮＬ）家族カード"
		}
	case JCB:
		c.Number = fmt.Sprintf("****-****-****-%04d", 1000+g.r.IntN(9000))
	}
	if family {
		c.Holder = pick(g.r, []string{"ヤマダ　ハナコ", "サトウ　ケン", "スズキ　ミホ", "タナカ　リョウ"})
	}
	a.Cards = append(a.Cards, c)
	return c
}

// days returns the first and last use date worth generating: from a week
// before the first statement's period to the last statement's closing.
func (g *gen) days(c *Card) (from, to statement.Date) {
	from, _ = g.h.period(c.Account, 0)
	_, to = g.h.period(c.Account, g.h.Months()-1)
	return from - 7, to
}

// add appends a legitimate charge made on day d.
func (g *gen) add(c *Card, d statement.Date, merchant string, yen int64, habit string) *Charge {
	ch := &Charge{Date: d, Posted: d + statement.Date(g.postDelay(false)), Merchant: merchant, Yen: yen, Habit: habit, Card: c}
	c.Charges = append(c.Charges, ch)
	return ch
}

// addForeign appends a charge of cents in cur, converted at the day's rate.
func (g *gen) addForeign(c *Card, d statement.Date, merchant string, cents int64, cur, country, habit string) *Charge {
	ch := g.add(c, d, merchant, 0, habit)
	g.setForeign(ch, cents, cur, country)
	return ch
}

func (g *gen) setForeign(ch *Charge, cents int64, cur, country string) {
	rate := g.rate(cur, ch.Date)
	ch.Foreign = &Foreign{Cents: cents, Currency: cur, Country: country, RateMilli: rate}
	ch.Yen = max(1, (cents*rate+50_000)/100_000)
	ch.Posted = ch.Date + statement.Date(g.postDelay(true))
}

// postDelay is how many days a charge takes to reach the card company:
// most the same or next day, foreign ones a few days.
func (g *gen) postDelay(foreign bool) int {
	if foreign {
		return 1 + g.r.IntN(5)
	}
	return []int{0, 0, 0, 1, 1, 2, 3}[g.r.IntN(7)]
}

// baseRates are yen per unit in thousandths.
var baseRates = map[string]int64{"USD": 150000, "EUR": 162000, "GBP": 188000, "KRW": 110, "TWD": 4700, "THB": 4200, "SGD": 112000, "HKD": 19200, "AUD": 98000}

// rate returns cur's rate on d: a random walk by month around its base.
func (g *gen) rate(cur string, d statement.Date) int64 {
	months := g.h.Months() + 2
	walk, ok := g.fx[cur]
	if !ok {
		walk = make([]int64, months)
		v := baseRates[cur] * int64(900+g.r.IntN(200)) / 1000
		for i := range walk {
			walk[i] = v
			v = v * int64(980+g.r.IntN(41)) / 1000
		}
		g.fx[cur] = walk
	}
	k := monthsBetween(g.h.Start, d) + 1
	k = max(0, min(k, months-1))
	// A little daily noise: ±0.4%.
	return walk[k] * int64(996+g.r.IntN(9)) / 1000
}

// monthsBetween counts whole calendar months from a's month to b's.
func monthsBetween(a, b statement.Date) int {
	ya, ma, _ := a.YMD()
	yb, mb, _ := b.YMD()
	return (yb-ya)*12 + int(mb-ma)
}

// poisson draws a count with mean lambda.
func poisson(r *rand.Rand, lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// bill is a recurring payment.
type bill struct {
	name  string
	day   int // due day; 31 is the month's end
	every int // months per cycle
	phase int // a month index (0-11) the cycle starts in, for every > 1
	shift bool
	habit string
	// amount returns the k-th month's charge (k counts from the card's
	// first generated month), in yen or in cents of a foreign currency.
	amount func(k int, due statement.Date) int64
	// cur and country are set for a bill in a foreign currency.
	cur, country string
	// from and to bound the months (indices from Start) the bill runs; to
	// 0 means to the end.
	from, to int
	// riseAt is the month (index from Start) of a price rise; riseHabit
	// labels its first charge.
	riseAt int
}

// run adds the bill's charges over the card's generated days.
func (g *gen) run(c *Card, b bill) {
	from, to := g.days(c)
	for k := -1; k <= g.h.Months(); k++ {
		if k < b.from || b.to > 0 && k > b.to {
			continue
		}
		if b.every > 1 && ((k-b.phase)%b.every+b.every)%b.every != 0 {
			continue
		}
		first := g.h.Start.AddMonths(k)
		y, m, _ := first.YMD()
		last := first.AddMonths(1) - 1
		_, _, n := last.YMD()
		due := statement.NewDate(y, m, min(b.day, n))
		if b.shift {
			due = simulate.NextBusinessDay(due)
		}
		if due < from || due > to {
			continue
		}
		habit := b.habit
		if b.riseAt > 0 && k == b.riseAt {
			habit = "price-rise"
		}
		if b.cur != "" {
			g.addForeign(c, due, b.name, b.amount(k, due), b.cur, b.country, habit)
			continue
		}
		ch := g.add(c, due, b.name, b.amount(k, due), habit)
		ch.Posted = due // billing agents post on the day
	}
}

// fixed is a bill amount that only changes at a price rise.
func fixed(yen int64, riseAt int, rise int64) func(int, statement.Date) int64 {
	return func(k int, _ statement.Date) int64 {
		if riseAt > 0 && k >= riseAt && rise > 0 {
			return rise
		}
		return yen
	}
}

// seasonal factors in percent by month, January first.
var (
	electricitySeason = []int64{145, 150, 125, 100, 85, 80, 105, 130, 110, 85, 90, 120}
	gasSeason         = []int64{170, 175, 150, 115, 90, 70, 60, 55, 60, 75, 110, 145}
)

// usage is a bill that follows the season and how much was used: base yen
// times the month's factor, times ±spread percent.
func (g *gen) usage(base int64, season []int64, spread int) func(int, statement.Date) int64 {
	return func(_ int, due statement.Date) int64 {
		_, m, _ := due.YMD()
		f := int64(100)
		if season != nil {
			f = season[m-1]
		}
		v := base * f / 100 * int64(100-spread+g.r.IntN(2*spread+1)) / 100
		return max(100, v)
	}
}

// growing is a dollar bill that grows by about pct percent a month from
// base cents, with ±5% noise.
func (g *gen) growing(base int64, pct float64) func(int, statement.Date) int64 {
	return func(k int, _ statement.Date) int64 {
		v := float64(base) * math.Pow(1+pct/100, float64(k+1)) * float64(95+g.r.IntN(11)) / 100
		return int64(v)
	}
}

// corporate fills a recurring-only card: four to eight bills, nothing else.
// Every bill has charged at least once before the replayed months (a
// yearly one in the first ten months): the card pays only payees it had.
func (g *gen) corporate(c *Card) {
	r := g.r
	end := g.h.Months()
	var bills []bill
	bills = append(bills,
		bill{name: pick(r, internet), day: pick(r, []int{1, 5, 10, 26, 27}), every: 1, shift: true, habit: "bill", amount: fixed(roundTo(between(r, 4000, 7000), 10), 0, 0)},
		bill{name: pick(r, phones), day: pick(r, []int{10, 15, 20, 25}), every: 1, shift: true, habit: "usage-bill", amount: g.usage(between(r, 4000, 15000), nil, 25)},
	)
	optional := []bill{
		{name: pick(r, []string{"日本経済新聞　購読料", "東西新聞　購読料", "業界新聞社　購読料"}), day: 1, every: 1, shift: true, habit: "bill", amount: fixed(4900, 0, 0)},
		{name: pick(r, []string{"PAYPAL *SOFTWARECO", "PAYPAL *DESIGNTOOLS", "PAYPAL *HOSTINGPLUS"}), day: 1 + r.IntN(28), every: 1, habit: "bill", cur: "USD", country: "USA",
			amount: fixed(between(r, 10, 60)*100-1, 0, 0)},
		{name: pick(r, cloudBills), day: pick(r, []int{1, 2, 3}), every: 1, habit: "cloud-usd", cur: "USD", country: "USA", amount: g.growing(between(r, 2000, 40000), 2)},
		{name: pick(r, power), day: pick(r, []int{5, 12, 20}), every: 1, shift: true, habit: "usage-bill", amount: g.usage(between(r, 5000, 20000), electricitySeason, 8)},
		{name: pick(r, []string{"ＯＮＡＭＥ．ＣＯＭ　ドメイン", "ムームードメイン", "さくらインターネット"}), day: 1 + r.IntN(28), every: 12, phase: r.IntN(10), habit: "yearly-bill",
			amount: fixed(roundTo(between(r, 1500, 30000), 10), 0, 0)},
		{name: pick(r, []string{"税理士法人　みらい会計", "社労士事務所　フォーラム", "ＯＦＦＩＣＥ　ＳＵＰＰＯＲＴ　ＱＵＡＲＴＥＲＬＹ"}), day: 25, every: 3, phase: r.IntN(3), shift: true, habit: "quarterly-bill",
			amount: fixed(roundTo(between(r, 20000, 60000), 1000), 0, 0)},
		{name: pick(r, []string{"ＧＯＯＧＬＥ　＊ＷＯＲＫＳＰＡＣＥ", "ＭＩＣＲＯＳＯＦＴ　３６５　ＢＵＳＩＮＥＳＳ", "ｆｒｅｅｅ　会計", "マネーフォワード　クラウド"}), day: pick(r, []int{1, 28, 31}), every: 1, habit: "seat-bill",
			amount: g.seats(int64(pick(r, []int{680, 1360, 1874, 2680, 3278})))},
		{name: pick(r, []string{"一般社団法人　商工会　会費", "協同組合　月会費", "会員サービス　月額"}), day: pick(r, []int{20, 27}), every: 1, shift: true, habit: "bill", amount: fixed(roundTo(between(r, 1000, 10000), 500), 0, 0)},
	}
	for _, b := range pickN(r, optional, 2+r.IntN(5)) {
		bills = append(bills, b)
	}
	// Some fixed bill raises its price once, inside the replayed months.
	if chance(r, 40) {
		for i := range bills {
			if bills[i].habit == "bill" && bills[i].cur == "" {
				at := g.h.History + r.IntN(g.h.Replayed)
				old := bills[i].amount(0, 0)
				bills[i].amount = fixed(old, at, roundTo(old*int64(108+r.IntN(20))/100, 10))
				bills[i].riseAt = at
				break
			}
		}
	}
	for _, b := range bills {
		b.to = end
		g.run(c, b)
	}
}

// seats is a per-user bill whose number of users changes now and then.
func (g *gen) seats(perSeat int64) func(int, statement.Date) int64 {
	n := int64(1 + g.r.IntN(6))
	return func(k int, _ statement.Date) int64 {
		if g.r.IntN(12) == 0 {
			n = max(1, n+int64(g.r.IntN(3)-1))
		}
		return perSeat * n
	}
}
