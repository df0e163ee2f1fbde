package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestEngineCombinesAndKeepsIDs(t *testing.T) {
	mk := func() []*statement.Charge { return join(corporate(13), apple("2022-01-24")) }
	// The card's 会費ペイ was in the Metaps breach: the notice is the
	// second finding.
	a := run(cardOf("2022-01-01", "2022-01-31", mk(), nil))
	b := run(cardOf("2022-01-01", "2022-01-31", mk(), nil))
	if len(a) != 2 || len(b) != 2 || !a[1].CardLevel {
		t.Fatalf("%d and %d findings", len(a), len(b))
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Errorf("finding %d: id %s, then %s", i, a[i].ID, b[i].ID)
		}
	}
	if a[0].Severity != severity.Alert || len(a[0].Charges) != 5 || a[0].Rule != "burst" {
		t.Errorf("first: %v %s %d", a[0].Severity, a[0].Rule, len(a[0].Charges))
	}
	// Reasons are listed once each, the deciding one first.
	var rs []string
	for _, r := range a[0].Reasons {
		rs = append(rs, r.Rule)
	}
	if rs[0] != a[0].Rule || len(rs) < 4 || len(rs) != len(slices.Compact(slices.Clone(rs))) {
		t.Errorf("reasons: %q", rs)
	}
}

func TestCardLevelIDsDiffer(t *testing.T) {
	// A notice citing a charge is neither merged with a finding on that
	// charge nor given its id.
	c := buy("2022-01-20", "会費ペイ", 3000)
	card := cardOf("2022-01-01", "2022-01-31", one(c), nil)
	fs := combine(card, []Finding{
		{Rule: "amount-change", Severity: severity.Warning, Message: message.New("m", nil), Charges: one(c)},
		{Rule: "missing-recurring", Severity: severity.Info, Message: message.New("n", nil), Charges: one(c), CardLevel: true, topic: c.Payee},
	})
	if len(fs) != 2 || fs[0].ID == fs[1].ID || fs[0].CardLevel || !fs[1].CardLevel {
		t.Errorf("%+v", fs)
	}
}

func TestEverydayLifeIsQuiet(t *testing.T) {
	// A year of groceries, trains, restaurants (new ones now and then),
	// online shopping and subscriptions, checked month by month after six
	// months of history: no warning.
	for seed := uint64(1); seed <= 5; seed++ {
		cs := everyday(seed, 365)
		for m := 6; m < 12; m++ {
			from := d("2021-01-01").AddMonths(m)
			to := from.AddMonths(1) - 1
			var upto []*statement.Charge
			for _, c := range cs {
				if c.Date <= to {
					upto = append(upto, c)
				}
			}
			for _, f := range atLeast(run(NewCard("card", upto, from, to, nil)), severity.Warning) {
				t.Errorf("seed %d, %s: %v %s", seed, from.Month(), f.Severity, summary(f))
			}
		}
	}
}
