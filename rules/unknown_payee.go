package rules

import (
	"fmt"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// UnknownPayee flags, on a recurring-only card, every purchase whose payee is
// not a known one.
type UnknownPayee struct{}

// ID implements [Rule].
func (UnknownPayee) ID() string { return "unknown-payee" }

// Check implements [Rule].
func (UnknownPayee) Check(card *Card) []Finding {
	if !card.RecurringOnly {
		return nil
	}
	var out []Finding
	for _, ch := range card.Window() {
		if ch.Kind != statement.Purchase || !ch.Amount.IsPositive() {
			continue
		}
		if _, ok := card.Known(ch); ok {
			continue
		}
		out = append(out, Finding{
			Severity: Alert,
			Message: fmt.Sprintf("%s is not one of the %d payees this card pays (%s)",
				ch.Payee, card.KnownPayees(), card.ModeReason),
			MessageJA: fmt.Sprintf("%s はこのカードの既知の支払先 %d 件のどれでもありません（%s）",
				ch.Payee, card.KnownPayees(), card.ModeReasonJA),
			Charges: []*statement.Charge{ch},
		})
	}
	return out
}
