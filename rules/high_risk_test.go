package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestHighRisk(t *testing.T) {
	// An everyday card that buys an app now and then and has an iCloud plan.
	var apps []*statement.Charge
	for i, y := range []int64{120, 250, 490, 1220, 370, 610} {
		apps = append(apps, buy(d("2021-02-03").AddDays(i*50).String(), "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", y))
	}
	apps = append(apps, monthly("2021-01-09", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 130, 12)...)
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"a new game store", one(buy("2021-12-10", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 5000)),
			[]string{"warning 2021-12-10 STEAMGAMES.COM 5000"}},
		{"a store paid through a processor", one(buy("2021-12-10", "ＧＯＯＧＬＥ　＊ＧＯＯＧＬＥ　ＰＬＡＹ", 5000)),
			[]string{"warning 2021-12-10 GOOGLE PLAY 5000"}},
		{"a first app or two at a new app store are noted", one(buy("2021-12-10", "ＧＯＯＧＬＥ　＊ＧＯＯＧＬＥ　ＰＬＡＹ", 1220), buy("2021-12-12", "ＧＯＯＧＬＥ　＊ＧＯＯＧＬＥ　ＰＬＡＹ", 3000)),
			[]string{"info 2021-12-10 GOOGLE PLAY 1220", "info 2021-12-12 GOOGLE PLAY 3000"}},
		{"gift cards", one(buy("2021-12-10", "ＡＭＡＺＯＮ　ギフトカード", 20000), buy("2021-12-11", "ＡＭＡＺＯＮ　ギフトカード", 20000)),
			[]string{"warning 2021-12-10 AMAZON ギフトカード 20000", "warning 2021-12-11 AMAZON ギフトカード 20000"}},
		{"the plan and an app as usual are quiet", one(buy("2021-12-14", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 490)), nil},
		{"three charges above anything paid there before, within two weeks",
			one(buy("2021-12-10", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 4300), buy("2021-12-15", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 12100), buy("2021-12-22", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 2000)),
			[]string{"warning 2021-12-10 APPLE COM BILL 4300", "warning 2021-12-15 APPLE COM BILL 12100", "warning 2021-12-22 APPLE COM BILL 2000"}},
		{"two such charges are not a run",
			one(buy("2021-12-10", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 4300), buy("2021-12-15", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 12100)), nil},
		{"top-ups at the usual amounts are quiet",
			one(buy("2021-12-10", "モバイルＳＵＩＣＡ", 3000), buy("2021-12-11", "モバイルＳＵＩＣＡ", 5000), buy("2021-12-13", "モバイルＳＵＩＣＡ", 3000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(everyday(6, 365), apps, tt.charges), nil)
			fs := rule("high-risk-merchant").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHighRiskConfigAdds(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  high-risk-merchant: {add: ["DMM.COM", "re:^POINT "]}
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	card := cardOf("2021-12-01", "2021-12-31", join(everyday(6, 365), one(buy("2021-12-10", "ＤＭＭ．ＣＯＭ", 3000), buy("2021-12-11", "ＰＯＩＮＴ　ＳＨＯＰ", 3000))), nil)
	var got []string
	for _, f := range eng.RunCard(card) {
		for _, r := range f.Reasons {
			if r.Rule == "high-risk-merchant" {
				got = append(got, f.Charges[0].Payee)
			}
		}
	}
	if want := []string{"DMM.COM", "POINT SHOP"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
