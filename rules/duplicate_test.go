package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestDuplicate(t *testing.T) {
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"a subscription charged twice in three days: the extra one",
			one(buy("2021-12-13", "ＮＥＴＦＬＩＸ．ＣＯＭ", 1490)),
			[]string{"warning 2021-12-13 NETFLIX.COM 1490"}},
		{"twice the same day", one(buy("2021-12-10", "ＮＥＴＦＬＩＸ．ＣＯＭ", 1490)),
			[]string{"warning 2021-12-10 NETFLIX.COM 1490"}},
		// Issue 8: a double charge is two charges of one cycle, whatever
		// the amounts; both are listed.
		{"a different amount in the same cycle: both charges", one(buy("2021-12-12", "ＮＥＴＦＬＩＸ．ＣＯＭ", 990)),
			[]string{"warning 2021-12-10 NETFLIX.COM 1490", "warning 2021-12-12 NETFLIX.COM 990"}},
		{"more than the limit apart", one(buy("2021-12-17", "ＮＥＴＦＬＩＸ．ＣＯＭ", 1490)), nil},
		{"a shop's same amount twice is no duplicate",
			one(buy("2021-12-05", "丸亀製麺　品川店", 890), buy("2021-12-06", "丸亀製麺　品川店", 890)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(everyday(4, 365), tt.charges), nil)
			fs := rule("duplicate").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDuplicateNotAcrossMonths(t *testing.T) {
	// A subscription billed at the month's end: December's and January's
	// charges three days apart, on one statement, are two cycles.
	cs := join(monthly("2021-01-29", "ＤＡＺＮ　ＪＡＰＡＮ", 3700, 12), one(buy("2022-01-01", "ＤＡＺＮ　ＪＡＰＡＮ", 3700)))
	card := cardOf("2021-12-01", "2022-01-31", cs, nil)
	if fs := rule("duplicate").Check(card); len(fs) != 0 {
		t.Errorf("got %q", flagged(fs))
	}
}

func TestDuplicateRecurringOnly(t *testing.T) {
	card := cardOf("2022-01-01", "2022-01-31", join(corporate(13), one(buy("2022-01-17", "ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", 1650))), nil)
	fs := rule("duplicate").Check(card)
	if got, want := flagged(fs), []string{"alert 2022-01-17 SAMPLESOFT 1650"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	mustContain(t, fs, "SAMPLESOFT charged ¥1,650 twice, on 2022-01-15 and 2022-01-17 (2 days apart, the same month); it charges monthly")
}
