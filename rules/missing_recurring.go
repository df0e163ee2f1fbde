package rules

import (
	"sort"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(110, func() Rule { return missingRecurringRule{Severity: severity.Info, Grace: 7} })
}

// MissingRecurring notes a known recurring payee whose next charge is
// overdue: no charge from it (at its amount) for a cycle plus the cadence's
// tolerance plus Grace days. It is what happens after a card is reissued —
// the payees that still bill the old number — or when a subscription ended.
// It is card-level: it lists the payee's last charge, which is not suspect.
// It is noted once, in the window where it becomes overdue.
type missingRecurringRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of an overdue recurring payment"`
	Grace    dayCount          `yaml:"grace" doc:"days past the cadence's tolerance before a payment is overdue"`
}

// ID implements [Rule].
func (missingRecurringRule) ID() string { return "missing-recurring" }

// Doc says what the rule notes.
func (missingRecurringRule) Doc() string {
	return "a known recurring payee whose next charge is overdue (after a card is reissued, the payees not yet updated)"
}

func (missingRecurringRule) quietInHistory() bool { return true }

// Check implements [Rule].
func (m missingRecurringRule) Check(card *Card) []Finding {
	var out []Finding
	payees := make([]string, 0, len(card.byPayee))
	for p := range card.byPayee {
		payees = append(payees, p)
	}
	sort.Strings(payees)
	for _, p := range payees {
		px := card.byPayee[p]
		if px.conf != nil {
			if cad, ok := recurring.CadenceByName(px.conf.Cadence); ok {
				last := px.purchases[len(px.purchases)-1]
				if f, ok := m.check(card, px.conf.Name, card.Charges[last], cad, 0, nil); ok {
					out = append(out, f)
				}
				continue
			}
		}
		for _, s := range px.streams {
			if !s.Established {
				continue
			}
			last := s.Charges[len(s.Charges)-1]
			if f, ok := m.check(card, p, last, s.Cadence, statement.WholeYen(s.Typical), s); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// check notes name (last charged by last at cadence cad) when overdue in the
// window. For a learned stream, a later charge from the payee that fits
// its amount means it goes on.
func (m missingRecurringRule) check(card *Card, name string, last *statement.Charge, cad recurring.Cadence, amount int64, s *recurring.Stream) (Finding, bool) {
	due := cad.Next(last.Date).AddDays(cad.Tolerance + int(m.Grace))
	if due < card.From || due > card.To {
		return Finding{}, false
	}
	px := card.byPayee[last.Payee]
	for _, k := range px.purchases[card.ppos[card.indexOf(last)]+1:] {
		if s == nil || s.AmountFits(card.Charges[k].Amount) {
			return Finding{}, false
		}
	}
	msg := message.New("missing-recurring", message.Args{"payee": message.Text(name), "last": message.Date(last.Date),
		"amount": message.Yen(amount), "cadence": cadenceTerm(cad), "due": message.Date(due)})
	return Finding{Severity: m.Severity, Message: msg, Charges: []*statement.Charge{last}, CardLevel: true, topic: last.Payee}, true
}
