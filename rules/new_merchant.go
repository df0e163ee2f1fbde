package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(30, func() Rule {
		return newMerchantRule{Severity: severity.Warning, Min: 45000, Times: 3000, Alert: 100000}
	})
}

// NewMerchant flags a purchase at a payee the card has not paid before (or
// first paid less than [newRelationship] days earlier), weighted by amount
// against the card's usual purchases: it fires only from Min yen and from
// Times the card's usual large purchase (its 90th percentile), so a new
// bakery is quiet and a first-time ¥120,000 electronics shop is not. At
// Alert yen or more, when that is also more than any purchase in the
// baseline, it is an alert.
type newMerchantRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of a large first purchase"`
	Min      yenAmount         `yaml:"min" doc:"never flag a first purchase below this"`
	Times    ratio             `yaml:"times" doc:"…nor below this many times the card's usual large purchase (90th percentile)"`
	Alert    yenAmount         `yaml:"alert" doc:"alert from this amount when it is above every earlier purchase (0: never)"`
}

// ID implements [Rule].
func (newMerchantRule) ID() string { return "new-merchant" }

// Doc says what the rule flags.
func (newMerchantRule) Doc() string {
	return "a large purchase at a payee new to the card, large meaning against the card's usual purchases"
}

// Check implements [Rule].
func (n newMerchantRule) Check(card *Card) []Finding {
	var out []Finding
	var st *cardStats
	card.windowPurchases(func(i int, ch *statement.Charge) {
		if card.yen[i] < largeShare || !card.isNewPayee(ch) || card.payeeKnown(ch) {
			return
		}
		if card.isKnown(ch) {
			return
		}
		if st == nil {
			st = card.baseline()
		}
		limit := max(int64(n.Min), n.Times.Of(st.P90))
		visit := card.sameVisit(i)
		y, charges := card.yen[i], 0
		if y < limit {
			// Several large charges at a new payee over a day or two
			// (two laptops ordered apart) add up to one large purchase.
			y, charges = card.largeVisit(visit)
			if y < limit || charges < 2 {
				return
			}
		}
		sev := n.Severity
		if n.Alert > 0 && y >= int64(n.Alert) && y > st.Before {
			sev = severity.Alert
		}
		first, _ := card.FirstPaid(ch.Payee)
		args := message.Args{"payee": message.Text(ch.Payee), "amount": message.Yen(y), "charges": message.Count(charges),
			"first-paid": message.Date(first), "earlier": message.Bool(first < ch.Date),
			"p90": message.Yen(st.P90), "purchases": message.Count(st.N), "scope": message.Term("scope." + st.Scope),
			"limit": message.Yen(limit), "largest": message.Yen(st.Before), "alert": message.Bool(sev == severity.Alert),
			"alert-from": message.Yen(int64(n.Alert))}
		// Context that explains a large first purchase lowers it to
		// information: a donation site, a merchant whose trade is large
		// purchases, or the card abroad among other charges in that
		// currency.
		switch kind := card.kindOf(card.byPayee[ch.Payee]); {
		case kind == Donation:
			sev, args["context"] = severity.Info, message.Nested(message.New("new-merchant.donation", nil))
		case kind == BigTicket:
			sev, args["context"] = severity.Info, message.Nested(message.New("new-merchant.big-ticket", nil))
		case ch.Foreign() && card.onTrip([]*statement.Charge{ch}):
			sev, args["context"] = severity.Info, message.Nested(message.New("new-merchant.trip", message.Args{"currency": message.Text(ch.ForeignCurrency)}))
		}
		msg := message.New("new-merchant", args)
		out = append(out, Finding{Severity: sev, Message: msg, Charges: visit})
	})
	return out
}

// sameVisit returns the purchase at index i with the other purchases from
// its payee the day before, that day and the day after, while the payee is
// new to the card: one order of several items, or a thief's smaller
// charges around the large one, are one finding. Only charges up to the
// window's end are seen.
func (c *Card) sameVisit(i int) []*statement.Charge {
	ch := c.Charges[i]
	px := c.byPayee[ch.Payee]
	var out []*statement.Charge
	for _, k := range px.purchases {
		o := c.Charges[k]
		if o.Date < ch.Date-1 || k < c.start && !c.trusted(k) {
			continue
		}
		if o.Date > ch.Date+1 {
			break
		}
		if k == i || c.isNewPayee(o) && !c.isKnown(o) {
			out = append(out, o)
		}
	}
	return out
}

// largeShare is the least a charge must be to count toward a large first
// purchase made of several: one order's everyday items do not add up to a
// laptop.
const largeShare = 10000

// largeVisit returns the sum and the number of the charges of visit of
// [largeShare] or more.
func (c *Card) largeVisit(visit []*statement.Charge) (sum int64, n int) {
	for _, ch := range visit {
		if y := statement.WholeYen(ch.Amount); y >= largeShare {
			sum += y
			n++
		}
	}
	return sum, n
}
