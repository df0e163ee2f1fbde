package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// appBurst is n charges of yen at the app store on day s.
func appBurst(s string, n int, yen int64) []*statement.Charge {
	var out []*statement.Charge
	for range n {
		out = append(out, buy(s, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", yen))
	}
	return out
}

// reported returns the charges of fs at warning or above (each once), as
// "date payee yen".
func reported(fs []Finding) []string {
	var out []string
	seen := map[*statement.Charge]bool{}
	for _, f := range atLeast(fs, severity.Warning) {
		for _, c := range f.Charges {
			if !seen[c] {
				seen[c] = true
				out = append(out, c.Date.String()+" "+c.Payee+" "+c.Amount.String())
			}
		}
	}
	slices.Sort(out)
	return out
}

// A burst that was reported when it happened is no proof that bursts are
// this payee's normal: the same attack months later is reported again.
// (Before issue 8 the first burst, once in the history, silenced the
// second.)
func TestRepeatedBurstStaysSuspect(t *testing.T) {
	cs := join(everyday(11, 400), appBurst("2021-07-10", 5, 10000), appBurst("2021-10-20", 4, 10000))
	fs := run(cardOf("2021-10-01", "2021-10-31", cs, nil))
	got := reported(fs)
	if len(got) != 4 {
		t.Fatalf("reported %q, want the four charges of the second burst", got)
	}
	for _, f := range atLeast(fs, severity.Alert) {
		if f.Rule == "burst" {
			return
		}
	}
	t.Errorf("no burst alert: %v", flagged(fs))
}

// A fraudster's monthly charge at a merchant nobody confirmed is reported
// every month (the first with the second), never learned as a subscription.
func TestFraudSubscriptionNeverLearned(t *testing.T) {
	sub := monthly("2021-06-03", "ＳＥＣＵＲＥ　ＭＥＭＢＥＲＳ", 2980, 6)
	cs := join(everyday(12, 400), sub)
	for m := 1; m < 6; m++ {
		c := sub[m]
		from := c.Date.MonthStart()
		fs := run(cardOf(from.String(), (from.AddMonths(1) - 1).String(), cs, nil))
		got := reported(fs)
		want := c.Date.String() + " SECURE MEMBERS 2980"
		if !slices.Contains(got, want) {
			t.Errorf("month %d: reported %q, want %s", m+1, got, want)
		}
		if m == 1 && !slices.Contains(got, sub[0].Date.String()+" SECURE MEMBERS 2980") {
			t.Errorf("the second charge does not bring the first: %q", got)
		}
	}
	fs := run(cardOf("2021-08-01", "2021-08-31", cs, nil))
	mustContain(t, fs, "SECURE MEMBERS charged ¥2,980 on 2021-08-03: a new recurring payment, monthly since 2021-06-03 (3 charges, usually ¥2,980)")
}

// What a month's run reported is what later runs hold as suspect: judging
// the history a month at a time gives each charge the answer a run at its
// time gave, whatever came after.
func TestHistoryJudgedAsItsRunsReported(t *testing.T) {
	cs := join(everyday(13, 420),
		appBurst("2021-06-12", 6, 3000),
		monthly("2021-07-08", "ＰＡＤＤＬＥ．ＮＥＴ＊　ＮＯＶＡＰＡＹ", 980, 5),
		one(buy("2021-09-14", "ＧＩＦＴ　ＣＡＲＤ　ＭＡＬＬ", 1), buy("2021-09-16", "ＧＩＦＴ　ＣＡＲＤ　ＭＡＬＬ", 48000)))
	was := map[string]bool{}
	for m := d("2021-05-01"); m < d("2022-02-01"); m = m.AddMonths(1) {
		var upto []*statement.Charge
		for _, c := range cs {
			if c.Date < m.AddMonths(1) {
				upto = append(upto, c)
			}
		}
		for _, r := range reported(run(cardOf(m.String(), (m.AddMonths(1) - 1).String(), upto, nil))) {
			was[r] = true
		}
	}
	card := cardOf("2022-02-01", "2022-02-28", cs, nil)
	run(card)
	for i, c := range card.Charges {
		if c.Date < d("2021-05-01") || c.Date >= d("2022-02-01") {
			continue
		}
		key := c.Date.String() + " " + c.Payee + " " + c.Amount.String()
		if card.suspect[i] != was[key] {
			t.Errorf("%s: suspect %v in the history, reported %v by its month's run", key, card.suspect[i], was[key])
		}
	}
}
