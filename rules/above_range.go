package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	// 45: after amount-change, which judges the bills.
	register(45, func() Rule {
		return aboveRangeRule{Severity: severity.Warning, Times: 4000, TimesOnline: 5000, Min: 10000, Purchases: 5, Few: 3, TimesFew: 10000}
	})
}

// aboveRangeRule flags a charge far above what the card pays a payee it
// uses: a top-up of ¥50,000 where ¥3,000 is usual, an order of ¥90,000 at a
// shop whose purchases were at most ¥8,000. The payee's range is its
// trusted purchases of the last year. Bills are amount-change's to judge;
// sellers of big-ticket items and donation sites are left out (a
// television at the electronics store the card buys batteries at is a
// purchase, not fraud).
type aboveRangeRule struct {
	Severity    severity.Severity `yaml:"severity" doc:"severity of a charge far above a payee's usual range"`
	Times       ratio             `yaml:"times" doc:"flag from this many times the most the card paid the payee in the last year"`
	TimesOnline ratio             `yaml:"times-online" doc:"…at an online retailer, where one order can be large"`
	Min         yenAmount         `yaml:"min" doc:"never flag a charge below this"`
	Purchases   int               `yaml:"purchases" doc:"judge payees with at least this many trusted purchases in the last year"`
	Few         int               `yaml:"few" doc:"…and payees with at least this many, where a range is less sure…"`
	TimesFew    ratio             `yaml:"times-few" doc:"…from this many times the most paid"`
}

func (aboveRangeRule) ID() string { return "above-range" }

func (aboveRangeRule) Doc() string {
	return "a charge far above the usual range of a payee the card uses"
}

func (r aboveRangeRule) Check(card *Card) []Finding {
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		y := card.yen[i]
		if y < int64(r.Min) || card.isKnown(ch) {
			return
		}
		px := card.byPayee[ch.Payee]
		times := r.Times
		switch card.kindOf(px) {
		case BigTicket, Donation, Service:
			return
		case OnlineRetailer:
			times = r.TimesOnline
		}
		if px.subscriptionLike() {
			return
		}
		h := card.habitOf(px, ch.Date)
		if h.N < r.Purchases {
			// Three or four purchases say less of a payee's range
			// (three shirts at ¥2,000, then a coat): only far above it.
			times = r.TimesFew
		}
		if h.N < min(r.Few, r.Purchases) || !times.AtLeast(y, h.Max) {
			return
		}
		out = append(out, Finding{Severity: r.Severity, Charges: []*statement.Charge{ch}, Message: message.New("above-range", message.Args{
			"payee": message.Text(ch.Payee), "amount": message.Yen(y), "date": message.Date(ch.Date),
			"times": timesOf(y, h.Max).short(), "max": message.Yen(h.Max), "purchases": message.Count(h.N), "limit": times.short()})})
	})
	return out
}
