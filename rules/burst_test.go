package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestBurst(t *testing.T) {
	history := monthly("2021-06-01", "東西新聞　購読料", 4900, 7)
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"five at a new app store in a day: a burst, and three at one new price",
			one(buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000),
				buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 5000), buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000),
				buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 3000)),
			[]string{
				"alert 2022-01-24 APPLE COM BILL 10000", "alert 2022-01-24 APPLE COM BILL 10000", "alert 2022-01-24 APPLE COM BILL 10000",
				"alert 2022-01-24 APPLE COM BILL 3000", "alert 2022-01-24 APPLE COM BILL 5000",
				"warning 2022-01-24 APPLE COM BILL 10000", "warning 2022-01-24 APPLE COM BILL 10000", "warning 2022-01-24 APPLE COM BILL 10000",
			}},
		{"two in a day is not a burst",
			one(buy("2022-01-24", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 5000), buy("2022-01-24", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 6000)), nil},
		{"three over the same day and the next is within 24 h",
			one(buy("2022-01-10", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 500), buy("2022-01-11", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 600), buy("2022-01-11", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 700)),
			[]string{"alert 2022-01-10 STEAMGAMES.COM 500", "alert 2022-01-11 STEAMGAMES.COM 600", "alert 2022-01-11 STEAMGAMES.COM 700"}},
		{"three over four days is no burst, but one new price three times in a week is",
			one(buy("2022-01-10", "ＧＩＦＴ　ＳＨＯＰ", 5000), buy("2022-01-12", "ＧＩＦＴ　ＳＨＯＰ", 5000), buy("2022-01-14", "ＧＩＦＴ　ＳＨＯＰ", 5000)),
			[]string{"warning 2022-01-10 GIFT SHOP 5000", "warning 2022-01-12 GIFT SHOP 5000", "warning 2022-01-14 GIFT SHOP 5000"}},
		{"a price the card pays there often is no price point",
			join(monthly("2021-06-03", "モバイルＳＵＩＣＡ", 3000, 6),
				one(buy("2022-01-10", "モバイルＳＵＩＣＡ", 3000), buy("2022-01-12", "モバイルＳＵＩＣＡ", 3000), buy("2022-01-15", "モバイルＳＵＩＣＡ", 3000))),
			nil},
		{"small prices repeating are not a price point",
			one(buy("2022-01-10", "カフェ　ハナ", 450), buy("2022-01-12", "カフェ　ハナ", 450), buy("2022-01-14", "カフェ　ハナ", 450)), nil},
		{"a payee whose history shows bursts is not flagged",
			one(buy("2021-10-01", "ＪＲ東日本", 200), buy("2021-10-01", "ＪＲ東日本", 200), buy("2021-10-01", "ＪＲ東日本", 300),
				buy("2022-01-20", "ＪＲ東日本", 200), buy("2022-01-20", "ＪＲ東日本", 200), buy("2022-01-20", "ＪＲ東日本", 300)),
			nil},
		{"a burst entirely in the history is not reported",
			one(buy("2021-11-20", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 500), buy("2021-11-20", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 600), buy("2021-11-20", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 700)),
			nil},
		{"refunds do not count",
			one(buy("2022-01-10", "ＳＨＯＰ", 5000), refund("2022-01-10", "ＳＨＯＰ", 5000), buy("2022-01-10", "ＳＨＯＰ", 5000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2022-01-01", "2022-01-31", join(history, tt.charges), nil)
			got := flagged(rule("burst").Check(card))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBurstMessage(t *testing.T) {
	cs := one(buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 5000))
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	mustContain(t, rule("burst").Check(card),
		"3 charges from APPLE COM BILL on 2022-01-24 (¥25,000 in all); this card never paid this payee before; the limit is 3 in 24 h",
		"APPLE COM BILL 2022年1月24日 に 3 件（合計 25,000円）。このカードでは初めての支払先。上限は 24 時間 に 3 件")
}
