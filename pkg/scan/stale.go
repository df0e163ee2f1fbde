package scan

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// StaleRule is the id of the finding about a card whose statements stopped:
// not a rule of the engine (rules see charges, not the calendar), but
// reported, mailed and acknowledged like one.
const StaleRule = "stale-statement"

// ErrNothingRead is the error of a scan that read no charge at all: it
// checked nothing, so it must not look like a clean run.
var ErrNothingRead error = message.NewError("scan.nothing-read", nil, nil)

// Preliminary reports whether a format reads preliminary statements (速報,
// 未確定), whose list grows until the month closes.
func Preliminary(format string) bool { return strings.HasSuffix(format, "-preliminary") }

// stale returns a warning for each card whose newest confirmed statement
// ends more than days before today: the statements stopped being
// downloaded, and the charges since are not checked. A card seen only in
// preliminary statements has no confirmed one to be late.
func stale(res *Result, today statement.Date, days int) []rules.Finding {
	if today.IsZero() || days <= 0 {
		return nil
	}
	newest := map[string]statement.Date{}
	for _, f := range res.Files {
		if f.Stmt == nil || Preliminary(f.Format) {
			continue
		}
		for i := range f.Stmt.Charges {
			c := &f.Stmt.Charges[i]
			if l := c.Card.Label(); c.Date > newest[l] {
				newest[l] = c.Date
			}
		}
	}
	var out []rules.Finding
	for _, card := range res.Cards {
		last, ok := newest[card.Label]
		if !ok || last.AddDays(days) >= today {
			continue
		}
		// The evidence is the newest confirmed charge: the last one seen.
		var ev *statement.Charge
		for _, c := range card.Charges {
			if c.Date == last {
				ev = c
			}
		}
		if ev == nil {
			continue
		}
		msg := message.New(StaleRule, message.Args{"date": message.Date(last), "days": message.Days(days)})
		h := sha256.Sum256([]byte(StaleRule + "\x00" + card.Label + "\x00" + last.String()))
		out = append(out, rules.Finding{
			ID: hex.EncodeToString(h[:])[:12], Rule: StaleRule, Severity: severity.Warning, Message: msg,
			Reasons: []rules.Reason{{Rule: StaleRule, Severity: severity.Warning, Message: msg}},
			Card:    card, Charges: []*statement.Charge{ev}, CardLevel: true,
		})
	}
	return out
}
