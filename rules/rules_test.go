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

func TestUnnamedNoticeKeepsItsIDOnItsStatementRow(t *testing.T) {
	// The usage notice names the shop Visa加盟店; the statement row it is
	// matched to a week later names APPLE COM BILL. It is one charge: its
	// finding keeps its id, so the state neither withdraws it nor mails it
	// again.
	said := statement.Notified{MessageID: "<20220124.1@vpass.ne.jp>", Block: 1, Status: statement.Authorised, Placeholder: true}
	noticed := buy("2022-01-24", "Visa加盟店", 38000)
	noticed.Notice = &said
	matched := said
	matched.Placeholder, matched.Unnamed = false, true
	row := buy("2022-01-24", "APPLE COM BILL", 38000)
	row.Notice = &matched
	a := chargeFindings(run(cardOf("2022-01-01", "2022-01-31", join(corporate(13), one(noticed)), nil)))
	b := chargeFindings(run(cardOf("2022-01-01", "2022-01-31", join(corporate(13), one(row)), nil)))
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("findings: %d as noticed, %d as its row", len(a), len(b))
	}
	if a[0].ID != b[0].ID {
		t.Errorf("the notice's finding is %s, its statement row's %s", a[0].ID, b[0].ID)
	}
	// A notice that named the shop leaves the id to the row's date, payee
	// and amount, as for a charge no notice told of: two shops, two ids.
	named := statement.Notified{MessageID: "<20220124.2@vpass.ne.jp>", Block: 1, Status: statement.Authorised}
	apple, google := buy("2022-01-24", "APPLE COM BILL", 38000), buy("2022-01-24", "GOOGLE *PLAY", 38000)
	apple.Notice, google.Notice = &named, &named
	c := chargeFindings(run(cardOf("2022-01-01", "2022-01-31", join(corporate(13), one(apple)), nil)))
	d := chargeFindings(run(cardOf("2022-01-01", "2022-01-31", join(corporate(13), one(google)), nil)))
	if len(c) != 1 || len(d) != 1 || c[0].ID == d[0].ID {
		t.Errorf("named charges at two shops: %d and %d findings, ids %v %v", len(c), len(d), ids(c), ids(d))
	}
}

// chargeFindings are the findings at warning or above on charges (the
// corporate card's breach notice left out).
func chargeFindings(fs []Finding) []Finding {
	var out []Finding
	for _, f := range atLeast(fs, severity.Warning) {
		if !f.CardLevel {
			out = append(out, f)
		}
	}
	return out
}

func ids(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}
