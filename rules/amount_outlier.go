package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(90, func() Rule {
		return amountOutlierRule{Severity: severity.Warning, K: 10000, Floor: 250, FloorYen: 1000, Min: 50000}
	})
}

// AmountOutlier flags a purchase far above the card's usual: above the
// median plus K times the median absolute deviation (MAD), where the MAD
// counts as at least Floor of the median and at least FloorYen, so that a
// very regular card (the same few bills every month) does not flag ¥1 of
// difference; and never below Min. Far above also means above every
// purchase of the baseline (a new record for the card): an everyday card's
// occasional television is not an outlier when it buys one a year.
//
// It judges payees the card already knows — at a new payee a large charge
// is new-merchant's — and not where the card already paid half as much or
// more, nor a charge that continues a known payment. It catches a thief
// spending big where the owner shops small.
type amountOutlierRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of a purchase far above the card's usual"`
	K        ratio             `yaml:"k" doc:"how many MADs above the median is far"`
	Floor    ratio             `yaml:"floor" doc:"the MAD counts as at least this share of the median"`
	FloorYen yenAmount         `yaml:"floor-yen" doc:"…and at least this amount"`
	Min      yenAmount         `yaml:"min" doc:"never flag a purchase below this"`
}

// ID implements [Rule].
func (amountOutlierRule) ID() string { return "amount-outlier" }

// Doc says what the rule flags.
func (amountOutlierRule) Doc() string {
	return "a purchase far above the card's usual amounts (median and MAD, with a floor)"
}

// limit returns the outlier threshold for st, and the spread used.
func (o amountOutlierRule) limit(st *cardStats) (limit, spread int64) {
	spread = max(st.MAD, o.Floor.Of(st.Median), int64(o.FloorYen))
	return max(st.Median+o.K.Of(spread), int64(o.Min)), spread
}

// Check implements [Rule].
func (o amountOutlierRule) Check(card *Card) []Finding {
	var out []Finding
	var st *cardStats
	var limit, spread int64
	card.windowPurchases(func(i int, ch *statement.Charge) {
		y := card.yen[i]
		if y < int64(o.Min) {
			return
		}
		if st == nil {
			st = card.baseline()
			limit, spread = o.limit(st)
		}
		if st.N < minBaseline || y <= limit || y <= st.Before || card.isNewPayee(ch) {
			return
		}
		if card.isKnown(ch) {
			return
		}
		if k := card.kindOf(card.byPayee[ch.Payee]); k == BigTicket || k == Donation {
			return // a flight, a sofa, a donation: large purchases are their trade
		}
		if prev := card.payeeMaxBefore(i); prev*2 >= y {
			return
		}
		msg := message.New("amount-outlier", message.Args{"amount": message.Yen(y), "payee": message.Text(ch.Payee),
			"median": message.Yen(st.Median), "spread": message.Yen(spread), "purchases": message.Count(st.N),
			"scope": message.Term("scope." + st.Scope), "limit": message.Yen(limit), "k": message.Ratio(int64(o.K)),
			"largest": message.Yen(st.Before)})
		out = append(out, Finding{Severity: o.Severity, Message: msg, Charges: []*statement.Charge{ch}})
	})
	return out
}

// payeeMaxBefore returns the largest trusted purchase from the payee of
// the purchase at index i made at least [priorCycle] days before it (0 when
// none): what the card is used to paying there, its last month's bill
// included.
func (c *Card) payeeMaxBefore(i int) int64 {
	ch := c.Charges[i]
	px := c.byPayee[ch.Payee]
	var m int64
	for _, k := range px.purchases[:c.ppos[i]] {
		if int(ch.Date-c.Charges[k].Date) >= priorCycle && c.trusted(k) {
			m = max(m, c.yen[k])
		}
	}
	return m
}

// priorCycle is how long before a charge the payee's earlier charges count
// as what the card is used to: a month's bill billed a few days early is
// in, the rest of a run of charges is not.
const priorCycle = 25
