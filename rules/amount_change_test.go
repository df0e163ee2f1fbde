package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestAmountChange(t *testing.T) {
	// The corporate card's internet bill, with the window's charge replaced.
	base := slices.DeleteFunc(corporate(13), func(c *statement.Charge) bool {
		return c.Payee == "サンプルネット光" && c.Date >= d("2022-01-01")
	})
	tests := []struct {
		name     string
		charge   *statement.Charge
		want     []string
		contains string
	}{
		{"the usual amount", buy("2022-01-05", "サンプルネット光", 5280), nil, ""},
		{"within the tolerance", buy("2022-01-05", "サンプルネット光", 5500), nil, ""},
		{"a price increase is a warning", buy("2022-01-05", "サンプルネット光", 5720),
			[]string{"warning 2022-01-05 サンプルネット光 5720"}, "a price increase (1.1× the usual); サンプルネット光 usually charges ¥5,280 monthly"},
		{"about double is a double charge", buy("2022-01-05", "サンプルネット光", 10450),
			[]string{"alert 2022-01-05 サンプルネット光 10450"}, "about double: a double charge?"},
		{"exactly double: one seat become two, noted", buy("2022-01-05", "サンプルネット光", 10560),
			[]string{"info 2022-01-05 サンプルネット光 10560"}, "2 × ¥5,280 where it charged 1 × ¥5,280: a change in seats or licences"},
		{"five times is worse", buy("2022-01-05", "サンプルネット光", 26400),
			[]string{"alert 2022-01-05 サンプルネット光 26400"}, "5× the usual: charged more than once?"},
		{"a lower amount is no suspect", buy("2022-01-05", "サンプルネット光", 3000), nil, ""},
		{"five units become six: a change in seats, noted", buy("2022-01-05", "サンプルネット光", 6336),
			[]string{"info 2022-01-05 サンプルネット光 6336"}, "6 × ¥1,056 where it charged 5 × ¥1,056: a change in seats or licences"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2022-01-01", "2022-01-31", join(base, one(tt.charge)), nil)
			fs := rule("amount-change").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if tt.contains != "" {
				mustContain(t, fs, tt.contains)
			}
		})
	}
}

func TestAmountChangeConfig(t *testing.T) {
	cfg := parseConfig(t, `
payees:
  - name: Membership fee
    patterns: ["会費ペイ"]
    amount: "3000"
    cadence: monthly
rules:
  cards:
    - match: "9999"
      amount-change: {increase: 1.3}
`)
	cs := join(corporate(12), one(buy("2022-01-20", "会費ペイ", 3300)))
	card := cardOf("2022-01-01", "2022-01-31", cs, cfg)
	fs := rule("amount-change").Check(card)
	if got, want := flagged(fs), []string{"warning 2022-01-20 会費ペイ 3300"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	mustContain(t, fs, "Membership fee's expected amount is ¥3,000 (config)")

	r := amountChangeRule{Severity: severity.Warning, Increase: 1300, Double: 1800}
	if got, want := flagged(r.Check(card)), []string{"info 2022-01-20 会費ペイ 3300"}; !slices.Equal(got, want) {
		t.Errorf("with increase 1.3: got %q, want %q", got, want)
	}
}

func TestAmountChangeIgnoresShops(t *testing.T) {
	card := cardOf("2021-12-01", "2021-12-31", join(everyday(3, 365), one(buy("2021-12-11", "セブン－イレブン　品川駅前店", 9000))), nil)
	for _, f := range rule("amount-change").Check(card) {
		if f.Charges[0].Payee != "NETFLIX.COM" && f.Charges[0].Payee != "SPOTIFY JAPAN" {
			t.Errorf("flagged a shop: %s", f.Message)
		}
	}
}
