package rules

import (
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	// 5: first: a payee the user reported says the most.
	register(5, func() Rule { return reportedPayeeRule{Severity: severity.Alert} })
}

// reportedPayeeRule flags every charge, on any card, from a payee whose
// charges the user reported as fraud (cardcheck ack --fraud), from the
// first reported charge on, other than the reported charges themselves: a
// fraudster who got through once comes back, on the same card or on the new
// one. At a payee the card pays in its own life (a known bill, a shop it
// uses), the charges that are known or within twice the most it paid there
// in trusted purchases are not flagged: the fraud there was the charges far
// out of the habit, which the other rules judge.
type reportedPayeeRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of a charge from a payee reported as fraud"`
}

func (reportedPayeeRule) ID() string { return "reported-payee" }

func (reportedPayeeRule) Doc() string {
	return "a charge, on any card, from a payee whose charges were reported as fraud (cardcheck ack --fraud)"
}

func (r reportedPayeeRule) Check(card *Card) []Finding {
	v := card.verdicts
	if v == nil || len(v.Watched) == 0 {
		return nil
	}
	var out []Finding
	card.windowPurchases(func(i int, ch *statement.Charge) {
		rep, ok := v.Watched[ch.Payee]
		if !ok || card.notMine[i] || ch.Date < rep.Since || card.isKnown(ch) {
			return
		}
		if h := card.habitOf(card.byPayee[ch.Payee], ch.Date); h.N >= 3 && card.yen[i] <= 2*h.Max {
			return
		}
		out = append(out, Finding{Severity: r.Severity, Charges: []*statement.Charge{ch}, Message: message.New("reported-payee", message.Args{
			"payee": message.Text(ch.Payee), "amount": message.Yen(card.yen[i]), "date": message.Date(ch.Date),
			"reported": message.Date(statement.DateOf(rep.At)), "id": message.Text(rep.ID)})})
	})
	return out
}
