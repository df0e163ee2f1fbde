package simulate

import (
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// bill is a recurring payment of a card.
type bill struct {
	name   string
	amount int64
	day    int  // due day of the month; 31 is the month's end
	every  int  // months per cycle (1 monthly, 3 quarterly, 12 yearly)
	phase  int  // month of the year (1-12) a cycle starts in, for every > 1
	shift  bool // moved to the next business day, as billing agents do
	// raiseAt is the month index from which the price is raiseTo (0: never).
	raiseAt int
	raiseTo int64
	// jitter is the spread in yen of an amount that varies a little from
	// one bill to the next (PayPal's currency conversion).
	jitter int64
	// usd is set for a bill in dollars (cents), converted at the day's rate.
	usd int64
}

// merchants are one card's places.
type merchants struct {
	bills       []bill
	supermarket []string // main first
	konbini     []string
	restaurants []string
	drugstore   []string
	gas         string
	clinics     []string
	electronics string
	salon       string
	mixed       map[string]bool // bills' payees that also take other purchases
}

// isBill reports whether merchant is one of the card's fixed-price bills
// that only bills (the payees a duplicate or an amount jump is injected
// at). A payee that also takes irregular purchases (APPLE COM BILL for an
// iCloud plan and apps) is left out: a second ¥130 or a ¥1,300 there is
// an app, as far as anyone can tell from the statement.
func (m *merchants) isBill(merchant string) bool {
	if m.mixed[merchant] {
		return false
	}
	for _, b := range m.bills {
		if b.name == merchant && b.usd == 0 {
			return true
		}
	}
	return false
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickN returns n distinct elements of xs in random order.
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	p := r.Perm(len(xs))
	out := make([]T, 0, n)
	for _, i := range p[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}

// zipf picks from xs favouring the first ones: the regular places.
func zipf[T any](r *rand.Rand, xs []T) T {
	i := r.IntN(len(xs))
	return xs[r.IntN(i+1)]
}

var (
	supermarkets = []string{"ライフ　品川店", "イオンスタイル品川シーサイド", "マルエツ　五反田店", "西友　大森店", "成城石井　アトレ大井町店", "オオゼキ　戸越銀座店", "サミット　大崎店", "イトーヨーカドー　大井町店"}
	konbinis     = []string{"セブン－イレブン　品川駅前店", "ファミリーマート　大井町店", "ローソン　南品川店", "ミニストップ　東品川店", "セブン－イレブン　大井１丁目店"}
	restaurants  = []string{"すき家　品川駅前店", "松屋　大井町店", "スターバックスコーヒー　品川店", "ドトールコーヒー　大井町店", "サイゼリヤ　大井町店", "大戸屋　品川店", "ガスト　大井町店", "串カツ田中　大井町店", "餃子の王将　品川店", "ＣｏＣｏ壱番屋　大井町店", "鳥貴族　大井町店", "丸亀製麺　品川店", "タリーズコーヒー　五反田店", "モスバーガー　大井町店", "吉野家　品川店", "くら寿司　大井町店", "スシロー　五反田店"}
	newPlaces    = []string{"ビストロ", "居酒屋", "カフェ", "ラーメン", "寿司", "焼肉", "トラットリア", "そば処"}
	syllables    = []string{"ハナ", "ミ", "ソラ", "ト", "リ", "カ", "ノ", "ユキ", "サク", "ラ", "モ", "ヒ", "マル", "コ", "タ", "ナギ"}
	drugstores   = []string{"マツモトキヨシ　大井町店", "ウエルシア薬局　品川店", "ココカラファイン　五反田店", "スギ薬局　大崎店"}
	gasStations  = []string{"ＥＮＥＯＳ　セルフ品川", "出光　セルフ大井", "コスモ石油　五反田ＳＳ"}
	clinics      = []string{"品川内科クリニック", "大井町歯科医院", "しながわ皮膚科", "五反田眼科"}
	electronics  = []string{"ヨドバシカメラ", "ビックカメラ", "ケーズデンキ"}
	furniture    = []string{"ニトリ　品川店", "ＩＫＥＡ　ＴＯＫＹＯ－ＢＡＹ", "無印良品　大井町", "島忠　ホームズ", "大塚家具", "ロフト　有楽町"}
	travel       = []string{"楽天トラベル", "じゃらんｎｅｔ", "ＪＡＬ　国内線", "ＡＮＡ　国内線", "ＪＲ東海　ＥＸ予約"}
	salons       = []string{"ヘアサロン　ルミエール", "美容室　アトリエ", "ヘアメイク　ソレイユ"}
)

// pickMerchants chooses a card's places and bills.
func pickMerchants(r *rand.Rand, p Profile) *merchants {
	m := &merchants{}
	switch p {
	case Corporate:
		m.bills = []bill{
			{name: "東西新聞　購読料", amount: 4900, day: 1, every: 1, shift: true},
			{name: "サンプルネット光　インターネット", amount: 5280, day: 5, every: 1, shift: true},
			{name: "ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", amount: 1650, day: 15, every: 1, jitter: 70},
			{name: "会費ペイ", amount: 3000, day: 20, every: 1, shift: true},
			{name: "ＯＮＡＭＡＥ．ＣＯＭ　ドメイン更新", amount: 1628, day: 10, every: 12, phase: 4},
			{name: "税理士法人　サンプル会計", amount: 33000, day: 25, every: 3, phase: 3, shift: true},
			{name: "クラウド会計　ＳＡＭＰＬＥ", amount: 2680, day: 31, every: 1},
		}
		if r.IntN(2) == 0 {
			m.bills[1].raiseAt, m.bills[1].raiseTo = 6+r.IntN(12), 5720
		}
	case Personal:
		subs := []bill{
			{name: "ＮＥＴＦＬＩＸ．ＣＯＭ", amount: 1490, every: 1},
			{name: "ＳＰＯＴＩＦＹ　ＪＡＰＡＮ", amount: 980, every: 1},
			{name: "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", amount: 130, every: 1},
			{name: "ＡＭＡＺＯＮ　ＰＲＩＭＥ会費", amount: 600, every: 1},
			{name: "ＹＯＵＴＵＢＥ　ＰＲＥＭＩＵＭ", amount: 1180, every: 1},
			{name: "ＤＡＺＮ　ＪＡＰＡＮ", amount: 3700, every: 1, raiseTo: 4200},
			{name: "Ｕ－ＮＥＸＴ", amount: 2189, every: 1},
			{name: "日本経済新聞　電子版", amount: 4277, every: 1, shift: true},
		}
		for _, b := range pickN(r, subs, 4+r.IntN(3)) {
			b.day = 1 + r.IntN(28)
			if b.raiseTo > 0 || r.IntN(4) == 0 {
				b.raiseAt = 4 + r.IntN(20)
				if b.raiseTo == 0 {
					b.raiseTo = roundTo(b.amount*6/5, 10)
				}
			}
			m.bills = append(m.bills, b)
		}
		m.bills = append(m.bills,
			bill{name: "ソフトバンク光", amount: 5720, day: 2 + r.IntN(25), every: 1, shift: true},
			bill{name: "ソニー損保　自動車保険", amount: roundTo(between(r, 20000, 40000), 10), day: 1 + r.IntN(28), every: 12, phase: 1 + r.IntN(12)},
			bill{name: "ＯＰＥＮＡＩ　＊ＣＨＡＴＧＰＴ　ＳＵＢＳＣＲ", day: 1 + r.IntN(28), every: 1, usd: 2000},
		)
		m.supermarket = pickN(r, supermarkets, 3)
		m.konbini = pickN(r, konbinis, 3)
		m.restaurants = pickN(r, restaurants, 12)
		m.drugstore = pickN(r, drugstores, 2)
		m.gas = pick(r, gasStations)
		m.clinics = pickN(r, clinics, 2)
		m.electronics = pick(r, electronics)
		m.salon = pick(r, salons)
		m.mixed = map[string]bool{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ": true}
	case Family:
		subs := []bill{
			{name: "ベネッセ　進研ゼミ", amount: 3250, every: 1},
			{name: "スタディサプリ", amount: 2178, every: 1},
			{name: "ＤＩＳＮＥＹ＋", amount: 990, every: 1},
			{name: "ＬＩＮＥ　ＭＵＳＩＣ", amount: 980, every: 1},
		}
		for _, b := range pickN(r, subs, 2+r.IntN(2)) {
			b.day = 1 + r.IntN(28)
			m.bills = append(m.bills, b)
		}
		m.supermarket = pickN(r, supermarkets, 2)
		m.konbini = pickN(r, konbinis, 2)
		m.drugstore = pickN(r, drugstores, 1)
	}
	return m
}

// bills adds the card's recurring bills over the history.
func (h *History) bills(c *Card) {
	r := c.rng
	for _, b := range c.merch.bills {
		h.monthly(b.day, func(m int, due statement.Date) {
			_, mo, _ := due.YMD()
			if b.every > 1 && (int(mo)-b.phase+12)%b.every != 0 {
				return
			}
			d := due
			if b.shift {
				d = NextBusinessDay(d)
			}
			amount, kind := b.amount, Legit
			if b.raiseAt > 0 && m >= b.raiseAt {
				amount = b.raiseTo
				if m == b.raiseAt {
					kind = PriceRise
				}
			}
			if b.jitter > 0 {
				amount += between(r, -b.jitter, b.jitter)
			}
			if b.usd > 0 {
				f := &Foreign{Amount: decimal.New(b.usd, -2), Currency: "USD", Rate: usdRate(d)}
				c.legit = append(c.legit, Charge{Date: d, Merchant: b.name, Amount: f.Yen(), Foreign: f})
				return
			}
			c.add(d, b.name, amount)
			c.legit[len(c.legit)-1].Kind = kind
		})
	}
}

// utility adds a bill that follows the seasons, read on about the same day
// each month (±2 days).
func (h *History) utility(c *Card, name string, base int64, day int) {
	r := c.rng
	h.monthly(day, func(m int, due statement.Date) {
		_, mo, _ := due.YMD()
		v := base * seasonal(mo) / 100
		v += between(r, -v/20, v/20)
		c.add(due.AddDays(r.IntN(5)-2), name, v)
	})
}

// corporate fills the corporate card: its bills, nothing else.
func (h *History) corporate(c *Card) { h.bills(c) }

// personal fills the everyday card.
func (h *History) personal(c *Card) {
	r, m := c.rng, c.merch
	h.bills(c)
	h.utility(c, "東京電力エナジーパートナー", between(r, 6000, 10000), 10+r.IntN(8))
	h.utility(c, "東京ガス", between(r, 3500, 6000), 5+r.IntN(10))
	h.utility(c, "ＮＴＴドコモ　ご利用料金", between(r, 4000, 7000), 18+r.IntN(8))
	end := h.monthEnd(h.Months - 1)
	nextSalon := h.From.AddDays(r.IntN(40))
	for d := h.From; d <= end; d++ {
		wd := d.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday || Holiday(d)
		_, mo, _ := d.YMD()
		if wd == time.Saturday && r.IntN(10) < 9 {
			c.add(d, m.supermarket[0], price(r, 2500, 9800))
		}
		if wd == time.Wednesday && r.IntN(2) == 0 {
			c.add(d, zipf(r, m.supermarket[1:]), price(r, 1200, 5000))
		}
		if r.IntN(100) < 38 {
			c.add(d, zipf(r, m.konbini), price(r, 150, 1500))
		}
		eat := 15
		if weekend {
			eat = 30
		}
		if mo == time.December {
			eat += eat / 2
		}
		if r.IntN(100) < eat {
			place := zipf(r, m.restaurants)
			if r.IntN(100) < 6 {
				place = pick(r, newPlaces) + "　" + pick(r, syllables) + pick(r, syllables) + pick(r, syllables)
			}
			c.add(d, place, price(r, 700, 7000))
		}
		if r.IntN(100) < 8 {
			c.add(d, "モバイルＳＵＩＣＡ", []int64{3000, 5000}[r.IntN(2)])
		}
		if r.IntN(100) < 16 {
			a := price(r, 300, 15000)
			c.add(d, "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", a)
			if r.IntN(100) < 4 {
				c.add(d.AddDays(3+r.IntN(18)), "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", -a)
			}
		}
		if r.IntN(100) < 4 {
			c.add(d, "楽天市場", price(r, 800, 20000))
		}
		if r.IntN(100) < 6 {
			c.add(d, zipf(r, m.drugstore), price(r, 400, 4500))
		}
		if r.IntN(100) < 5 {
			c.add(d, m.gas, price(r, 2500, 7500))
		}
		if r.IntN(100) < 2 {
			c.add(d, zipf(r, m.clinics), roundTo(price(r, 800, 6000), 10))
		}
		if r.IntN(1000) < 15 {
			c.add(d, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", []int64{120, 250, 370, 490, 610, 860, 1220}[r.IntN(7)])
		}
		if r.IntN(100) < 3 {
			c.add(d, m.electronics, price(r, 800, 9000))
		}
		if r.IntN(1000) < 16 {
			// A big purchase: mostly at the usual electronics store, now
			// and then at a furniture or department store.
			if r.IntN(4) > 0 {
				c.add(d, m.electronics, roundTo(price(r, 15000, 160000), 10))
			} else {
				c.add(d, pick(r, furniture), roundTo(price(r, 15000, 90000), 10))
			}
		}
		if r.IntN(1000) < 8 {
			c.add(d, pick(r, travel), roundTo(price(r, 8000, 60000), 10))
		}
		if d == nextSalon {
			c.add(d, m.salon, roundTo(between(r, 4400, 7700), 110))
			nextSalon = d.AddDays(40 + r.IntN(26))
		}
	}
}

// family fills the family card.
func (h *History) family(c *Card) {
	r, m := c.rng, c.merch
	h.bills(c)
	end := h.monthEnd(h.Months - 1)
	for d := h.From; d <= end; d++ {
		if r.IntN(100) < 25 {
			c.add(d, zipf(r, m.supermarket), price(r, 800, 6000))
		}
		if r.IntN(100) < 6 {
			c.add(d, "ダイソー", 110*between(r, 1, 15))
		}
		if r.IntN(100) < 7 {
			c.add(d, m.drugstore[0], price(r, 300, 4000))
		}
		if r.IntN(100) < 6 {
			c.add(d, "マクドナルド", price(r, 400, 1800))
		}
		if r.IntN(100) < 2 {
			c.add(d, "ユニクロ", roundTo(price(r, 990, 9000), 10))
		}
		if r.IntN(100) < 12 {
			c.add(d, zipf(r, m.konbini), price(r, 150, 1200))
		}
		if r.IntN(100) < 4 {
			c.add(d, "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", price(r, 300, 8000))
		}
	}
}

// usdRate is the simulated dollar rate on d: from about ¥105 in 2020 up to
// about ¥160 in 2024, with a wobble, to three decimals.
func usdRate(d statement.Date) decimal.Decimal {
	days := int64(d - statement.NewDate(2020, 1, 1))
	milli := 105000 + days*30 + (days*7919%4001 - 2000)
	return decimal.New(max(milli, 80000), -3)
}

// Yen is the charge in yen: the foreign amount at the rate, rounded down.
func (f *Foreign) Yen() decimal.Decimal { return f.Amount.Mul(f.Rate).Floor() }
