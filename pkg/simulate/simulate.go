// Package simulate generates realistic card histories as real statement
// files, with labelled injected fraud. It is used by tests only: the quality
// test measures every rule's precision and recall on its output, and the
// benchmarks time the checker on years of charges. Nothing in cardcheck
// itself imports it.
//
// A history is deterministic in its seed. It holds cards of three kinds:
//   - a corporate card kept for a handful of recurring bills (the story's
//     card: a newspaper, internet, a PayPal subscription, a fee collected
//     through 会費ペイ, a yearly domain and a quarterly accountant);
//   - an everyday personal card with dozens of merchants in a weekly rhythm:
//     supermarkets on Saturdays, convenience stores, trains, restaurants,
//     online shops, subscriptions and utilities, occasional big purchases,
//     travel, refunds, and a subscription billed in dollars;
//   - a family card billed on the personal card's statement.
//
// Bills due on weekends and holidays move to the next business day, month-end
// bills follow the month's end, utilities follow the seasons, and some
// subscriptions raise their price once. Into the months from
// [Options.InjectFrom] on, the generator injects labelled anomalies shaped like
// reported cases (see [Kind]); a share of months stays clean.
//
// [History.Files] writes a month as the Vpass 確定 CSV (CP932, CRLF, card
// lines, subtotals and totals), once with the month's anomalies and once
// without, so that each month can be checked against clean history.
package simulate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Profile is the kind of card.
type Profile string

// The profiles.
const (
	Corporate Profile = "corporate" // recurring bills only
	Personal  Profile = "personal"  // everyday spending
	Family    Profile = "family"    // a family member's card, on the personal card's statement
)

// Card is one simulated card.
type Card struct {
	Profile Profile
	Holder  string // as printed before 様
	Name    string // card name as printed
	Number  string // masked number as printed
	// DomesticOnly is set for cards with no foreign charges in their history.
	DomesticOnly bool
	// Group numbers the statement the card is billed on: a family card
	// shares its personal card's.
	Group int

	legit    []Charge // every legitimate charge, in date order
	injected []Charge // injected charges, in date order
	rng      *rand.Rand
	merch    *merchants
}

// Label is the card's label as cardcheck prints it.
func (c *Card) Label() string {
	return statement.Card{Name: c.Name, Number: c.Number}.Label()
}

// Kind labels a charge.
type Kind string

// The labels. Every kind but Legit and Exposure is fraud (or, for
// duplicates, a billing error the cardholder must dispute).
const (
	Legit Kind = ""
	// Burst: 3 to 40 charges over 1 to 14 days at one digital merchant
	// (app stores, game stores, gift cards), often at one repeated price.
	Burst Kind = "burst"
	// CardTest: ¥1–¥100 charges at an unknown merchant, mostly followed
	// within two weeks by larger charges at unknown merchants.
	CardTest Kind = "card-test"
	// LargeFirst: one large purchase (¥50,000–¥300,000) at a merchant the
	// card never paid.
	LargeFirst Kind = "large-first"
	// Duplicate: a recurring bill charged twice within a few days.
	Duplicate Kind = "duplicate"
	// AmountJump: a known payee charging several times its usual amount on
	// its usual day.
	AmountJump Kind = "amount-jump"
	// ForeignUse: foreign-currency charges on a card with no foreign history.
	ForeignUse Kind = "foreign"
	// Exposure: a legitimate charge at a payee inside a known breach's
	// exposure window; the checker should warn about the card, but the
	// charge is not fraud.
	Exposure Kind = "breach-exposure"
	// PriceRise: the first charge of a subscription at its new, higher
	// price. Legitimate; the issue asks for a warning (amount-change).
	PriceRise Kind = "price-rise"
)

// FraudKinds lists the kinds that are fraud, in a fixed order.
var FraudKinds = []Kind{Burst, CardTest, LargeFirst, Duplicate, AmountJump, ForeignUse}

// Charge is one simulated statement line.
type Charge struct {
	Date     statement.Date
	Merchant string          // as printed (full-width, CP932-encodable)
	Amount   decimal.Decimal // yen; negative for a refund
	Foreign  *Foreign        // set for a charge made in another currency
	Kind     Kind
	// Incident numbers the injected incident the charge belongs to (from 1,
	// unique within a history); 0 for charges that were not injected.
	Incident int
	// Card is the card the charge is on.
	Card *Card

	replaces int // 1 + index into the card's legit charges an injected charge stands in for
	target   int // 1 + index of the legit charge a duplicate or jump was made from
}

// Fraud reports whether the charge is injected fraud.
func (c *Charge) Fraud() bool { return c.Kind != Legit && c.Kind != Exposure && c.Kind != PriceRise }

// Foreign is the foreign-currency side of a charge, as the statement's memo
// prints it.
type Foreign struct {
	Amount   decimal.Decimal // in Currency, two decimals
	Currency string          // ISO 4217
	Rate     decimal.Decimal // yen per unit, three decimals
}

// Options shape a history.
type Options struct {
	Seed uint64
	// From is the first month (its first day is used); Months how many.
	From   statement.Date
	Months int
	// InjectFrom is the index of the first month that may hold anomalies;
	// the months before it are clean history. A value at or past Months
	// injects nothing.
	InjectFrom int
	// CleanPercent is the share of months from InjectFrom on that each card
	// keeps clean.
	CleanPercent int
	// Cards lists the cards, one profile each. A Family card is billed with
	// the Personal card before it (a Family card first in the list gets a
	// statement of its own).
	Cards []Profile
}

// DefaultCards is the quality test's set: one card of each kind.
var DefaultCards = []Profile{Corporate, Personal, Family}

// History is a generated set of cards and their charges.
type History struct {
	Options
	Cards []*Card
	// Incidents counts the injected incidents.
	Incidents int
}

// Month returns the first day of month i of the history.
func (h *History) Month(i int) statement.Date { return firstOfMonth(h.From).AddMonths(i) }

// monthEnd returns the last day of month i.
func (h *History) monthEnd(i int) statement.Date { return h.Month(i+1) - 1 }

// Legit returns the card's legitimate charges, in date order.
func (c *Card) Legit() []Charge { return c.legit }

// Injected returns the charges injected into the card, in date order.
func (c *Card) Injected() []Charge { return c.injected }

// Generate builds a history.
func Generate(opt Options) *History {
	if len(opt.Cards) == 0 {
		opt.Cards = DefaultCards
	}
	h := &History{Options: opt}
	h.From = firstOfMonth(opt.From)
	group := -1
	for i, p := range opt.Cards {
		c := &Card{Profile: p, rng: rand.New(rand.NewPCG(opt.Seed, uint64(i)*0x9E3779B97F4A7C15+1))}
		if p != Family || group < 0 || h.Cards[len(h.Cards)-1].Profile != Personal {
			group++
		}
		c.Group = group
		c.Holder, c.Name, c.Number = identity(p, i)
		c.DomesticOnly = p != Personal
		c.merch = pickMerchants(c.rng, p)
		h.Cards = append(h.Cards, c)
	}
	for _, c := range h.Cards {
		switch c.Profile {
		case Corporate:
			h.corporate(c)
		case Personal:
			h.personal(c)
		case Family:
			h.family(c)
		}
		slices.SortStableFunc(c.legit, func(a, b Charge) int { return int(a.Date - b.Date) })
		for i := range c.legit {
			c.legit[i].Card = c
			if exposed(c.legit[i].Merchant, c.legit[i].Date) {
				c.legit[i].Kind = Exposure
			}
		}
	}
	for m := opt.InjectFrom; m < opt.Months; m++ {
		for _, c := range h.Cards {
			h.inject(c, m)
		}
	}
	for _, c := range h.Cards {
		slices.SortStableFunc(c.injected, func(a, b Charge) int { return int(a.Date - b.Date) })
		for i := range c.injected {
			c.injected[i].Card = c
		}
	}
	return h
}

// identity returns the holder, card name and masked number of card i.
func identity(p Profile, i int) (holder, name, number string) {
	number = fmt.Sprintf("4980-%02d**-****-****", i%100)
	switch p {
	case Corporate:
		return "ヤマダ　タロウ", "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ", number
	case Family:
		return "ヤマダ　ハナコ", "三井住友カード（ＮＬ）家族カード", number
	}
	return "ヤマダ　タロウ", "三井住友カードＶＩＳＡ（ＮＬ）", number
}

func firstOfMonth(d statement.Date) statement.Date {
	y, m, _ := d.YMD()
	return statement.NewDate(y, m, 1)
}

// yen returns n yen.
func yen(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// add appends a legitimate charge.
func (c *Card) add(d statement.Date, merchant string, amount int64) {
	c.legit = append(c.legit, Charge{Date: d, Merchant: merchant, Amount: yen(amount)})
}

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1) }

// roundTo rounds n to a multiple of unit (at least unit).
func roundTo(n, unit int64) int64 { return max(unit, (n+unit/2)/unit*unit) }

// price returns a shop receipt between lo and hi: most are small, a few are
// large (a log-uniform draw), ending in a plausible digit.
func price(r *rand.Rand, lo, hi int64) int64 {
	// A product of two uniforms skews towards lo without floats.
	span := hi - lo
	v := lo + span*r.Int64N(1001)/1000*r.Int64N(1001)/1000
	return max(lo, v-v%10+[]int64{0, 0, 8, 0, 6, 0}[r.IntN(6)])
}

// monthly calls f for the due date of each month of the history.
func (h *History) monthly(day int, f func(m int, due statement.Date)) {
	for m := range h.Months {
		first := h.Month(m)
		y, mo, _ := first.YMD()
		last := h.monthEnd(m)
		_, _, n := last.YMD()
		f(m, statement.NewDate(y, mo, min(day, n)))
	}
}

// seasonal returns a utility's bill for month mo around base: high in
// winter, a second peak in August, low in spring and autumn (percent).
func seasonal(mo time.Month) int64 {
	return []int64{0, 150, 140, 120, 95, 80, 75, 95, 120, 100, 80, 90, 125}[mo]
}
