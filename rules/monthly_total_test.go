package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestMonthlyTotal(t *testing.T) {
	// Three months of ¥10,000 a month at a known shop, then the window.
	var base []*statement.Charge
	for i := range 12 {
		base = append(base, buy(d("2021-09-03").AddDays(i*7).String(), "スーパー　ライフ", 2500))
	}
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string // the charges named
	}{
		{"a usual month", one(buy("2021-12-10", "スーパー　ライフ", 9000)), nil},
		{"a month three times the usual names its largest charges",
			one(buy("2021-12-05", "スーパー　ライフ", 2000), buy("2021-12-10", "家具店", 30000), buy("2021-12-11", "家電店", 25000), buy("2021-12-12", "本屋", 1000)),
			[]string{"info 2021-12-10 家具店 30000"}}, // ¥58,000 less ¥30,000 is under the limit, ¥40,000
		{"as many as it takes",
			one(buy("2021-12-10", "家具店", 30000), buy("2021-12-11", "家電店", 25000), buy("2021-12-12", "本屋", 20000)),
			[]string{"info 2021-12-10 家具店 30000", "info 2021-12-11 家電店 25000"}},
		{"under the excess floor", one(buy("2021-12-10", "家具店", 20000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(base, tt.charges), nil)
			fs := rule("monthly-total").(adjuster).Adjust(card, nil)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			for _, f := range fs {
				if !f.CardLevel || f.ID == "" {
					t.Errorf("a month nobody else flagged should be a card-level notice: %+v", f)
				}
				mustContain(t, fs, "purchases in 2021-12 add up to ¥", "this card's usual month (median ¥10,000 over 3 months)")
			}
		})
	}
}

func TestMonthlyTotalJoinsFlaggedCharges(t *testing.T) {
	// The demo: the five Apple charges make January 4.5 times the usual;
	// the reason joins their finding instead of making a new one.
	cs := join(corporate(4), one(
		buy("2021-04-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy("2021-04-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000),
		buy("2021-04-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 5000), buy("2021-04-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000),
		buy("2021-04-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 3000)))
	fs := run(cardOf("2021-04-01", "2021-04-30", cs, nil))
	if len(fs) != 1 || len(fs[0].Charges) != 5 {
		t.Fatalf("got %q", flagged(fs))
	}
	if !slices.ContainsFunc(fs[0].Reasons, func(r Reason) bool { return r.Rule == "monthly-total" }) {
		t.Errorf("no monthly-total reason: %q", fs[0].Reasons)
	}
}

func TestMonthlyTotalQuarterlyBill(t *testing.T) {
	// A quarterly ¥33,000 bill triples its months; it is a known payment,
	// so there is nothing to name and no finding.
	cs := join(corporate(13), monthly("2021-01-25", "税理士法人　サンプル会計", 33000, 0))
	for i := range 5 {
		cs = append(cs, buy(d("2021-01-25").AddMonths(3*i).String(), "税理士法人　サンプル会計", 33000))
	}
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	if fs := rule("monthly-total").(adjuster).Adjust(card, nil); len(fs) != 0 {
		t.Errorf("got %q", flagged(fs))
	}
}
