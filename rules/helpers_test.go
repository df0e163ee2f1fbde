package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Hand-built charges for the rule tests.

var line int

func d(s string) statement.Date {
	v, err := statement.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// buy is a purchase of yen at merchant on date s.
func buy(s, merchant string, yen int64) *statement.Charge {
	line++
	k, via := payee.Split(merchant)
	return &statement.Charge{Date: d(s), Merchant: merchant, Payee: k, Via: via, Amount: decimal.New(yen, 0),
		Kind: statement.Purchase, Source: statement.Source{File: "t.csv", Line: line}}
}

// refund is a refund of yen (a positive number) at merchant.
func refund(s, merchant string, yen int64) *statement.Charge {
	c := buy(s, merchant, -yen)
	c.Kind = statement.Refund
	return c
}

// foreign is a purchase made in another currency.
func foreign(s, merchant string, yen int64, amount, cur string) *statement.Charge {
	c := buy(s, merchant, yen)
	c.ForeignAmount, c.ForeignCurrency = decimal.RequireFromString(amount), cur
	return c
}

// monthly returns n monthly charges of yen at merchant from the date s.
func monthly(s, merchant string, yen int64, n int) []*statement.Charge {
	var out []*statement.Charge
	for i := range n {
		out = append(out, buy(d(s).AddMonths(i).String(), merchant, yen))
	}
	return out
}

// corporate is the demo's recurring-only card: four bills for months
// months from 2021-01.
func corporate(months int) []*statement.Charge {
	var cs []*statement.Charge
	cs = append(cs, monthly("2021-01-01", "東西新聞　購読料", 4900, months)...)
	cs = append(cs, monthly("2021-01-05", "サンプルネット光", 5280, months)...)
	cs = append(cs, monthly("2021-01-15", "ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", 1650, months)...)
	cs = append(cs, monthly("2021-01-20", "会費ペイ", 3000, months)...)
	return cs
}

// everyday returns a deterministic everyday card's life from 2021-01-01
// for days days: groceries, convenience stores, trains, restaurants (a new
// one now and then), online shopping and three subscriptions.
func everyday(seed uint64, days int) []*statement.Charge {
	r := rand.New(rand.NewPCG(seed, 7))
	start := d("2021-01-01")
	var cs []*statement.Charge
	price := func(lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1)*r.Int64N(101)/100 }
	restaurants := []string{"すき家　品川駅前店", "スターバックスコーヒー　品川店", "サイゼリヤ　大井町店", "大戸屋　品川店", "丸亀製麺　品川店"}
	for i := range days {
		day := start.AddDays(i).String()
		if start.AddDays(i).Weekday() == 6 {
			cs = append(cs, buy(day, "ライフ　品川店", price(2500, 9800)))
		}
		if r.IntN(100) < 35 {
			cs = append(cs, buy(day, "セブン－イレブン　品川駅前店", price(150, 1500)))
		}
		if r.IntN(100) < 20 {
			place := restaurants[r.IntN(len(restaurants))]
			if r.IntN(100) < 8 {
				place = fmt.Sprintf("ビストロ　ハナ%d", i)
			}
			cs = append(cs, buy(day, place, price(700, 7000)))
		}
		if r.IntN(100) < 8 {
			cs = append(cs, buy(day, "モバイルＳＵＩＣＡ", []int64{3000, 5000}[r.IntN(2)]))
		}
		if r.IntN(100) < 15 {
			cs = append(cs, buy(day, "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", price(300, 15000)))
		}
		if r.IntN(100) < 3 {
			cs = append(cs, buy(day, "ヨドバシカメラ", price(800, 30000)))
		}
	}
	months := days / 30
	cs = append(cs, monthly("2021-01-10", "ＮＥＴＦＬＩＸ．ＣＯＭ", 1490, months)...)
	cs = append(cs, monthly("2021-01-12", "ＳＰＯＴＩＦＹ　ＪＡＰＡＮ", 980, months)...)
	cs = append(cs, monthly("2021-01-25", "ソフトバンク光", 5720, months)...)
	return cs
}

// cardOf builds the card from charges with the window [from, to]; cfg may
// be nil.
func cardOf(from, to string, cs []*statement.Charge, cfg *config.Config) *Card {
	return NewCard("テストカード 4980-00**-****-****", cs, d(from), d(to), cfg.Spec())
}

// parseConfig parses a config written in the test.
func parseConfig(t *testing.T, text string) *config.Config {
	t.Helper()
	cfg, err := config.Parse("config.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// flagged returns the findings' charges as "date payee amount" lines with
// the finding's severity, sorted.
func flagged(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		for _, c := range f.Charges {
			out = append(out, fmt.Sprintf("%s %s %s %s", f.Severity, c.Date, c.Payee, c.Amount))
		}
	}
	slices.Sort(out)
	return out
}

// atLeast returns the findings at sev or above.
func atLeast(fs []Finding, sev severity.Severity) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity >= sev {
			out = append(out, f)
		}
	}
	return out
}

// mustContain fails unless every want is part of some finding's message.
func mustContain(t *testing.T, fs []Finding, wants ...string) {
	t.Helper()
	var all []string
	for _, f := range fs {
		for _, m := range append([]message.Message{f.Message}, reasonMessages(f)...) {
			if err := message.Check(m); err != nil {
				t.Error(err)
			}
			all = append(all, message.Render(lang.EN, m), message.Render(lang.JA, m))
		}
	}
	text := strings.Join(all, "\n")
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("no message says %q; messages:\n%s", w, text)
		}
	}
}

// join concatenates charge lists.
func join(parts ...[]*statement.Charge) []*statement.Charge {
	var out []*statement.Charge
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// one wraps charges in a list.
func one(cs ...*statement.Charge) []*statement.Charge { return cs }

// rule returns the catalogue's rule id at its defaults.
func rule(id string) Rule {
	for _, r := range Catalogue() {
		if r.ID() == id {
			return r
		}
	}
	panic("no rule " + id)
}

// run runs the whole default engine on a card.
func run(card *Card) []Finding { return Default().RunCard(card) }

func decimalOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func reasonMessages(f Finding) []message.Message {
	var ms []message.Message
	for _, r := range f.Reasons {
		ms = append(ms, r.Message)
	}
	return ms
}

// summary is the finding's reasons in English, as the JSON's message.
func summary(f Finding) string { return message.Sentences(lang.EN, reasonMessages(f)) }
