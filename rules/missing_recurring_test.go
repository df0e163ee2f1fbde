package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestMissingRecurring(t *testing.T) {
	stopped := func(payee string, after string) []*statement.Charge {
		return slices.DeleteFunc(corporate(13), func(c *statement.Charge) bool { return c.Payee == payee && c.Date > d(after) })
	}
	tests := []struct {
		name     string
		charges  []*statement.Charge
		from, to string
		want     []string
	}{
		{"a payee that stopped a cycle and a week ago", stopped("東西新聞 購読料", "2021-12-01"), "2022-01-01", "2022-01-31",
			[]string{"info 2021-12-01 東西新聞 購読料 4900"}},
		{"every payee on time", corporate(13), "2022-01-01", "2022-01-31", nil},
		{"overdue before the window: noted already", stopped("東西新聞 購読料", "2021-09-30"), "2022-01-01", "2022-01-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf(tt.from, tt.to, tt.charges, nil)
			fs := rule("missing-recurring").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			for _, f := range fs {
				if !f.CardLevel {
					t.Error("missing-recurring is card-level")
				}
				mustContain(t, fs, "no charge from 東西新聞 購読料 since 2021-12-01: it charges ¥4,900 monthly and was due by 2022-01-13")
			}
		})
	}
}
