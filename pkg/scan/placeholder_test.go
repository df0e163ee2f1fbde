package scan

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// TestPlaceholdersAreNoPayee: エポス prints 国内加盟店ショッピング for every
// shop. Six months of such notices of one amount look like a monthly
// subscription, and a config pattern may even match the stand-in; yet they
// are no stream, make no charge known, and do not count toward the card's
// recurring share, or the fraud that comes next under the same stand-in
// would be taken for the card's habit.
func TestPlaceholdersAreNoPayee(t *testing.T) {
	card := statement.Card{Issuer: "エポスカード", Name: "エポスカード"}
	var cs []*statement.Charge
	for m := time.January; m <= time.June; m++ {
		merchant := "国内加盟店ショッピング"
		c := &statement.Charge{Date: statement.NewDate(2025, m, 5), Merchant: merchant, Payee: payee.Key(merchant),
			Amount: decimal.NewFromInt(4900), Kind: statement.Purchase, Card: card,
			Notice: &statement.Notified{Status: statement.Authorised, Placeholder: true, Layout: "epos"}}
		cs = append(cs, c)
	}
	if s := recurring.Learn(cs); len(s) != 0 {
		t.Errorf("placeholders learned as %d stream(s): %v", len(s), s[0].Payee)
	}
	cfg, err := config.Parse("config.yaml", []byte("payees:\n  - name: stand-in\n    patterns: [\"prefix:国内加盟店\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	rc := rules.NewCard(card.Label(), cs, statement.NewDate(2025, 6, 1), statement.NewDate(2025, 6, 30), cfg.Spec())
	for _, c := range cs {
		if name, ok := rc.Known(c); ok {
			t.Errorf("%s: a placeholder is known as %q", c.Date, name)
		}
	}
	if rc.RecurringOnly || len(rc.Streams) != 0 {
		t.Errorf("recurring-only %v, streams %d: placeholders counted as recurring", rc.RecurringOnly, len(rc.Streams))
	}

	// The same charges as statement rows (real merchant names) are what
	// the card is for.
	for _, c := range cs {
		c.Merchant, c.Payee, c.Notice = "東西新聞", payee.Key("東西新聞"), nil
	}
	if s := recurring.Learn(cs); len(s) != 1 {
		t.Errorf("statement rows: %d streams, want 1", len(s))
	}
}
