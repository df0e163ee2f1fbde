package rules

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestReversed(t *testing.T) {
	tests := []struct {
		name    string
		charges []*statement.Charge
		sev     severity.Severity
		rule    string
		says    string
	}{
		{"a refunded new-merchant charge is reversed", one(buy("2021-12-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000), refund("2021-12-20", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000)),
			severity.Info, "reversed", "reversed: ¥50,000 of 2021-12-10 refunded on 2021-12-20 by GADGET DIRECT"},
		{"a refund of another amount reverses nothing", one(buy("2021-12-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000), refund("2021-12-20", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 5000)),
			severity.Warning, "new-merchant", ""},
		{"a refund after 60 days is too late", one(buy("2021-10-01", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000), refund("2021-12-20", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000)),
			severity.Warning, "new-merchant", ""},
		{"one of three refunded: still open", one(buy("2021-12-10", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 5000), buy("2021-12-10", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 6000), buy("2021-12-10", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 7000), refund("2021-12-15", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 6000)),
			severity.Alert, "burst", "1 of 3 charges were refunded: ¥6,000 of 2021-12-10 refunded on 2021-12-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := "2021-12-01"
			if tt.charges[0].Date < d(from) {
				from = "2021-09-15"
			}
			card := cardOf(from, "2021-12-31", join(everyday(11, 365), tt.charges), nil)
			var got *Finding
			for _, f := range run(card) {
				if f.Charges[0] == tt.charges[0] {
					got = &f
				}
			}
			if got == nil {
				t.Fatal("no finding on the charge")
			}
			if got.Severity != tt.sev || got.Rule != tt.rule {
				t.Errorf("got %v %s, want %v %s: %s", got.Severity, got.Rule, tt.sev, tt.rule, summary(*got))
			}
			if tt.says != "" {
				mustContain(t, []Finding{*got}, tt.says)
			}
		})
	}
}

func TestReversedByStatementLink(t *testing.T) {
	// A cancellation the statement links to its charge reverses it even
	// when the amounts are printed differently.
	c := buy("2021-12-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000)
	r := refund("2021-12-11", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000)
	r.Reverses = c.Source
	card := cardOf("2021-12-01", "2021-12-31", join(everyday(11, 365), one(c, r)), nil)
	if got := card.refundsOf(60)[c]; got != r {
		t.Errorf("refund of %v: %v", c, got)
	}
}
