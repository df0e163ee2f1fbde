package rules

import (
	"testing"
	"time"
)

// ack: a new subscription the user confirmed is a known payee the next
// month; without the verdict it is reported again.
func TestConfirmedSubscriptionIsLearned(t *testing.T) {
	sub := monthly("2021-10-18", "ＳＭＡＲＴ　ＣＬＵＢ", 1980, 3)
	cs := join(everyday(41, 365), sub)
	check := func(v *Verdicts) []string {
		card := cardOf("2021-12-01", "2021-12-31", cs, nil)
		card.Apply(v)
		return reported(run(card))
	}
	if got := check(nil); len(got) != 1 || got[0] != "2021-12-18 SMART CLUB 1980" {
		t.Fatalf("without a verdict: %q", got)
	}
	mine := &Verdicts{Mine: map[ChargeRef]bool{RefOf(sub[0]): true, RefOf(sub[1]): true}}
	if got := check(mine); len(got) != 0 {
		t.Errorf("confirmed, still reported: %q", got)
	}
}

// ack --fraud: the reported charges never teach, and a later charge from
// their payee is an alert on any card.
func TestReportedPayeeIsWatched(t *testing.T) {
	burst := appBurst("2021-11-10", 4, 5000)
	v := &Verdicts{NotMine: map[ChargeRef]bool{}, Watched: map[string]Report{"APPLE COM BILL": {ID: "0123456789ab", At: time.Date(2021, 11, 20, 9, 0, 0, 0, time.UTC), Since: d("2021-11-10")}}}
	for _, c := range burst {
		v.NotMine[RefOf(c)] = true
	}
	later := buy("2021-12-05", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 480)
	other := cardOf("2021-12-01", "2021-12-31", join(everyday(42, 365), one(later)), nil) // another card
	other.Apply(v)
	fs := run(other)
	if got := reported(fs); len(got) != 1 || got[0] != "2021-12-05 APPLE COM BILL 480" {
		t.Fatalf("got %q", got)
	}
	mustContain(t, fs, "you reported this payee's charges as fraud on 2021-11-20 (finding 0123456789ab)")
	card := cardOf("2021-12-01", "2021-12-31", join(everyday(42, 365), burst, one(later)), nil)
	card.Apply(v)
	run(card)
	for i, c := range card.Charges {
		if c.Payee == "APPLE COM BILL" && c.Date < d("2021-12-01") && card.trusted(i) {
			t.Errorf("%s %s is trusted", c.Date, c.Amount)
		}
	}
}
