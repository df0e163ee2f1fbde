package rules

import (
	"time"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Verdicts are what the user said of earlier findings with cardcheck ack:
// which charges are theirs and which are not. They teach: a charge the
// user confirmed is trusted even where a rule flagged it (an acknowledged
// new subscription is a known payee from then on); a charge reported as
// fraud is never trusted, and its payee is watched on every card.
type Verdicts struct {
	// Mine are the charges of acknowledged findings.
	Mine map[ChargeRef]bool
	// NotMine are the charges of findings reported as fraud.
	NotMine map[ChargeRef]bool
	// Watched are the payees of the charges reported as fraud, by payee
	// key, with the first report of each.
	Watched map[string]Report
}

// ChargeRef names a charge across runs the way finding ids do: its date,
// payee key and amount as printed.
type ChargeRef struct {
	Date          statement.Date
	Payee, Amount string
}

// RefOf returns ch's reference.
func RefOf(ch *statement.Charge) ChargeRef {
	return ChargeRef{Date: ch.Date, Payee: ch.Payee, Amount: ch.Amount.String()}
}

// Report is a finding the user reported as fraud.
type Report struct {
	ID    string         // the finding's id
	At    time.Time      // when it was reported
	Since statement.Date // the date of its first charge from the payee
}

// Apply gives the card the user's verdicts; nil gives none. Call it before
// the engine runs the card.
func (c *Card) Apply(v *Verdicts) {
	c.verdicts = v
	clear(c.mine)
	clear(c.notMine)
	if v == nil {
		return
	}
	if c.mine == nil {
		c.mine, c.notMine = make([]bool, len(c.all)), make([]bool, len(c.all))
	}
	for i, ch := range c.all {
		if len(v.Mine) == 0 && len(v.NotMine) == 0 {
			break
		}
		r := RefOf(ch)
		c.mine[i], c.notMine[i] = v.Mine[r], v.NotMine[r]
	}
}

// trusted reports whether the charge at index i may teach what is normal:
// the user confirmed it, or it was not judged suspect and not reported as
// fraud.
func (c *Card) trusted(i int) bool {
	if c.mine != nil && c.mine[i] {
		return true
	}
	return !c.suspect[i] && (c.notMine == nil || !c.notMine[i])
}
