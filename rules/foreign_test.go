package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestForeign(t *testing.T) {
	tests := []struct {
		name    string
		history []*statement.Charge
		charges []*statement.Charge
		want    []string
	}{
		{"the first foreign charges of a domestic card", everyday(7, 365),
			one(foreign("2021-12-10", "ＷＡＬＭＡＲＴ．ＣＯＭ", 5800, "50.00", "USD"), foreign("2021-12-11", "ＺＡＬＡＮＤＯ", 7000, "55.00", "EUR")),
			[]string{"warning 2021-12-10 WALMART.COM 5800", "warning 2021-12-11 ZALANDO 7000"}},
		{"a card that pays abroad", join(everyday(7, 365), one(foreign("2021-05-10", "ＢＯＯＫＩＮＧ．ＣＯＭ", 30000, "270.00", "EUR"))),
			one(foreign("2021-12-10", "ＷＡＬＭＡＲＴ．ＣＯＭ", 5800, "50.00", "USD")), nil},
		{"a new card has no pattern yet", everyday(7, 40),
			one(foreign("2021-02-12", "ＷＡＬＭＡＲＴ．ＣＯＭ", 5800, "50.00", "USD")), nil},
		{"yen charges are not foreign", everyday(7, 365), one(buy("2021-12-10", "ＷＡＬＭＡＲＴ．ＣＯＭ", 5800)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			last := tt.charges[len(tt.charges)-1].Date
			card := NewCard("card", join(tt.history, tt.charges), last.MonthStart(), last, nil)
			fs := rule("foreign").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
