package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(80, func() Rule { return foreignRule{Severity: severity.Warning, History: 90} })
}

// Foreign flags foreign-currency charges on a card with no such history: no
// foreign charge more than [newRelationship] days before, over a history of
// at least History days (a card too new to have a pattern is not judged).
// A first trip abroad shows as one finding per charge, all in one window.
type foreignRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of a foreign charge on a card that has none before"`
	History  dayCount          `yaml:"history" doc:"judge only cards with at least this much history"`
}

// ID implements [Rule].
func (foreignRule) ID() string { return "foreign" }

// Doc says what the rule flags.
func (foreignRule) Doc() string {
	return "a foreign-currency charge on a card with no foreign charges before"
}

// Check implements [Rule].
func (f foreignRule) Check(card *Card) []Finding {
	if len(card.Charges) == 0 {
		return nil
	}
	start := card.Charges[0].Date
	firstForeign := statement.Date(0)
	found := false
	for i, ch := range card.Charges {
		if isPurchase(ch) && ch.Foreign() && card.trusted(i) {
			firstForeign, found = ch.Date, true
			break
		}
	}
	if !found || int(firstForeign-start) < int(f.History) {
		return nil
	}
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		if !ch.Foreign() {
			return
		}
		if int(ch.Date-firstForeign) >= newRelationship {
			return // foreign charges are part of this card's life
		}
		// A well-known service billing in dollars, or the card abroad
		// (a meal among charges at another place in that currency, a
		// hotel among charges at two), is not the foreign charge fraud
		// makes.
		g := []*statement.Charge{ch}
		if px := card.byPayee[ch.Payee]; card.kindOf(px) == Service || card.yen[i] <= tripSmall && card.abroad(g, 1) || card.onTrip(g) {
			return
		}
		msg := message.New("foreign", message.Args{"payee": message.Text(ch.Payee), "foreign-amount": message.Text(ch.ForeignAmount.String()),
			"currency": message.Text(ch.ForeignCurrency), "amount": message.Yen(card.yen[i]),
			"days": message.Days(int(firstForeign - start)), "first": message.Date(firstForeign)})
		out = append(out, Finding{Severity: f.Severity, Message: msg, Charges: []*statement.Charge{ch}})
	})
	return out
}
