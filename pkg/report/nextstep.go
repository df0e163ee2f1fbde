package report

import (
	"github.com/cardcheck/cardcheck/pkg/issuer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/rules"
)

// NextStep is what ends a finding in the report and the mail, for someone
// who did not make its charges: whom to call (the card company's 24-hour
// line for lost and stolen cards, pkg/issuer) and what to tell them. Only
// findings about charges at warning or above have one: a notice about the
// card (a breach, a statement that stopped) says its own advice, and info
// is not a call to act.
func NextStep(f rules.Finding) []message.Message {
	if f.CardLevel || f.Severity < severity.Warning || len(f.Charges) == 0 {
		return nil
	}
	return issuer.Next(f.Charges[0].Card.Issuer).Messages()
}

// AckHint is the line for someone who did make the charges: the command
// that closes the finding.
func AckHint(f rules.Finding) message.Message {
	return message.New("next.ack", message.Args{"id": message.Text(f.ID)})
}
