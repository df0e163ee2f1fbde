package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// notified gives ch the time of day a usage notice would: hh:mm on its date.
func notified(ch *statement.Charge, hhmm string) *statement.Charge {
	at, err := time.ParseInLocation("2006-01-02 15:04", ch.Date.String()+" "+hhmm, statement.Tokyo)
	if err != nil {
		panic(err)
	}
	ch.Notice = &statement.Notified{Time: at, Mailed: at.Add(40 * time.Second), Status: statement.Authorised, Layout: "smbc"}
	return ch
}

func TestMinutes(t *testing.T) {
	apple := func(hhmm string, yen int64) *statement.Charge {
		return notified(buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", yen), hhmm)
	}
	shop := func(day, hhmm, merchant string, yen int64) *statement.Charge {
		return notified(buy(day, merchant, yen), hhmm)
	}
	history := join(corporate(12), one(buy("2021-11-03", "ドラッグストア　ミドリ", 1200), buy("2021-11-03", "カフェ　ハナ", 450),
		buy("2021-11-10", "スーパー　アオバ", 2300)))
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"the story: five at a new app store in 18 minutes",
			one(apple("02:13", 10000), apple("02:16", 10000), apple("02:21", 5000), apple("02:24", 10000), apple("02:31", 3000)),
			[]string{"alert 2022-01-24 APPLE COM BILL 10000", "alert 2022-01-24 APPLE COM BILL 10000", "alert 2022-01-24 APPLE COM BILL 10000",
				"alert 2022-01-24 APPLE COM BILL 3000", "alert 2022-01-24 APPLE COM BILL 5000"}},
		{"three new payees in ten minutes",
			one(shop("2022-01-24", "23:50", "ＧＩＦＴ　ＭＡＬＬ", 30000), shop("2022-01-24", "23:55", "ＳＴＥＡＭＧＡＭＥＳ．ＣＯＭ", 9800),
				shop("2022-01-25", "00:00", "ＢＩＧ　ＳＨＯＰ", 49800)),
			[]string{"alert 2022-01-24 GIFT MALL 30000", "alert 2022-01-24 STEAMGAMES.COM 9800", "alert 2022-01-25 BIG SHOP 49800"}},
		{"a shopping trip at shops paid before is a warning",
			one(shop("2022-01-22", "15:00", "ドラッグストア　ミドリ", 1500), shop("2022-01-22", "15:12", "カフェ　ハナ", 480),
				shop("2022-01-22", "15:19", "スーパー　アオバ", 2100)),
			[]string{"warning 2022-01-22 カフェ ハナ 480", "warning 2022-01-22 スーパー アオバ 2100", "warning 2022-01-22 ドラッグストア ミドリ 1500"}},
		{"three over 25 minutes is no run", one(apple("02:00", 1000), apple("02:12", 1000), apple("02:25", 1000)), nil},
		{"without the time of day nothing is said",
			one(buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000),
				buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 5000)), nil},
		{"known payees billing at once are no run",
			one(shop("2022-01-20", "04:00", "東西新聞　購読料", 4900), shop("2022-01-20", "04:01", "サンプルネット光", 5280),
				shop("2022-01-20", "04:02", "会費ペイ", 3000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := rule("minutes").Check(cardOf("2021-12-25", "2022-01-25", join(history, tt.charges), nil))
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
	fs := rule("minutes").Check(cardOf("2021-12-25", "2022-01-25", join(history, tests[0].charges), nil))
	mustContain(t, fs, "5 charges within 18 minutes from 2022-01-24 02:13, all from APPLE COM BILL (¥38,000 in all), none at a known payee and every payee new to this card",
		"2022年1月24日 02:13から18分の間に5件、すべてAPPLE COM BILL（計38,000円）")
}
