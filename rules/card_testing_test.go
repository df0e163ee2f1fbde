package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestCardTesting(t *testing.T) {
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"a tiny charge at a new payee", one(buy("2021-12-10", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50)),
			[]string{"warning 2021-12-10 WEBSHOP VERIFY 50"}},
		{"then a large charge at a new payee: stronger, and part of it",
			one(buy("2021-12-10", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50), buy("2021-12-15", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 30000)),
			[]string{"alert 2021-12-10 WEBSHOP VERIFY 50", "alert 2021-12-15 GADGET DIRECT 30000"}},
		{"a large charge after two weeks is not part of it",
			one(buy("2021-12-01", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50), buy("2021-12-20", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 30000)),
			[]string{"warning 2021-12-01 WEBSHOP VERIFY 50"}},
		{"three tests at one payee in a day are one finding",
			one(buy("2021-12-10", "ＳＴＲＩＰＥ　＊ＤＯＮＡＴＩＯＮ", 1), buy("2021-12-10", "ＳＴＲＩＰＥ　＊ＤＯＮＡＴＩＯＮ", 1), buy("2021-12-10", "ＳＴＲＩＰＥ　＊ＤＯＮＡＴＩＯＮ", 1)),
			[]string{"warning 2021-12-10 DONATION 1", "warning 2021-12-10 DONATION 1", "warning 2021-12-10 DONATION 1"}},
		{"a test the last run saw: the large charge that follows it in this window",
			one(buy("2021-11-28", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50), buy("2021-12-03", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 30000)),
			[]string{"alert 2021-12-03 GADGET DIRECT 30000"}},
		{"a flight booked after a test is the user's own, not what the test was for",
			one(buy("2021-12-10", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50), buy("2021-12-15", "ＪＡＬ　インターネット", 131230)),
			[]string{"warning 2021-12-10 WEBSHOP VERIFY 50"}},
		{"a tiny charge where the card shops is normal", one(buy("2021-12-10", "セブン－イレブン　品川駅前店", 98)), nil},
		{"above the limit is not tiny", one(buy("2021-12-10", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 101)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(everyday(5, 365), tt.charges), nil)
			fs := rule("card-testing").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if len(tt.want) == 3 && len(fs) != 1 {
				t.Errorf("%d findings, want 1", len(fs))
			}
		})
	}
}

func TestCardTestingRefundQuietsIt(t *testing.T) {
	cs := join(everyday(5, 365), one(buy("2021-12-10", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50), refund("2021-12-12", "ＷＥＢＳＨＯＰ　ＶＥＲＩＦＹ", 50)))
	fs := run(cardOf("2021-12-01", "2021-12-31", cs, nil))
	for _, f := range fs {
		if f.Charges[0].Payee == "WEBSHOP VERIFY" {
			if f.Severity != severity.Info || f.Rule != "reversed" || f.Reasons[1].Rule != "card-testing" {
				t.Errorf("refunded test: %v %s %q", f.Severity, f.Rule, f.Reasons)
			}
			mustContain(t, []Finding{f}, "reversed: ¥50 of 2021-12-10 refunded on 2021-12-12 by WEBSHOP VERIFY")
			return
		}
	}
	t.Error("no finding on the refunded test charge")
}
