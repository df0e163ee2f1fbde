package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// apple is the demo's five Apple charges on day s.
func apple(s string) []*statement.Charge {
	return one(buy(s, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy(s, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000),
		buy(s, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 5000), buy(s, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000), buy(s, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 3000))
}

func TestBreachCatalogue(t *testing.T) {
	bs := builtinBreaches()
	if len(bs) < 2 || bs[0].Name != "Metaps Payment" || bs[0].From != d("2021-10-14") || bs[0].To != d("2022-01-25") || bs[0].Cards != 460395 {
		t.Fatalf("catalogue: %+v", bs)
	}
	for _, m := range []string{"会費ペイ", "イベントペイ", "ﾒﾀｯﾌﾟｽﾍﾟｲﾒﾝﾄ"} {
		if !bs[0].MatchesCharge(buy("2021-12-01", m, 1000)) {
			t.Errorf("Metaps does not match %s", m)
		}
	}
	if bs[1].Name != "ここクーポン" || bs[1].From != d("2021-12-24") {
		t.Errorf("ここクーポン: %+v", bs[1])
	}
}

func TestBreachExposure(t *testing.T) {
	// The demo card: 会費ペイ monthly on the 20th from 2021-01.
	tests := []struct {
		name     string
		charges  []*statement.Charge
		from, to string
		want     []string // card-level notices
	}{
		{"used at 会費ペイ inside the window, nothing else to say", corporate(13), "2021-12-21", "2022-01-24",
			[]string{"warning 2021-10-20 会費ペイ 3000"}},
		{"the exposure in the window itself", corporate(13), "2021-10-01", "2021-10-31",
			[]string{"warning 2021-10-20 会費ペイ 3000"}},
		{"before the breach", corporate(9), "2021-09-01", "2021-09-30", nil},
		{"the watch is over", join(corporate(13), monthly("2023-03-01", "東西新聞　購読料", 4900, 2)), "2023-04-01", "2023-04-30", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf(tt.from, tt.to, tt.charges, nil)
			fs := rule("breach-exposure").(adjuster).Adjust(card, nil)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			for _, f := range fs {
				if !f.CardLevel {
					t.Error("the exposure notice is card-level")
				}
				mustContain(t, fs, "inside the Metaps Payment breach", "watch this card closely or ask the card company for a new card", "its findings until 2023-01-25 are raised one level",
					"; exposed: card number, expiry and security code, up to 460,395 cards)", "漏えいした情報：カード番号、有効期限、セキュリティコード（最大")
			}
		})
	}
}

func TestBreachRaises(t *testing.T) {
	// An everyday card that bought a ticket through イベントペイ in the
	// breach's window: a later new-merchant warning becomes an alert; an
	// info stays info; the notice comes once, as a finding of its own.
	cs := join(everyday(9, 400), one(buy("2021-11-05", "イベントペイ", 4500), buy("2022-01-28", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000), buy("2022-01-29", "ＮＥＴＦＬＩＸ．ＣＯＭ", 1490)))
	cs = slices.DeleteFunc(cs, func(c *statement.Charge) bool { return c.Payee == "NETFLIX.COM" && c.Date == d("2022-01-10") })
	cs = append(cs, buy("2022-01-10", "ＮＥＴＦＬＩＸ．ＣＯＭ", 1990))
	fs := (&Engine{Rules: []Rule{rule("new-merchant"), amountChangeRule{Severity: severity.Warning, Increase: 1500, Double: 1800}, rule("breach-exposure")}}).RunCard(cardOf("2022-01-01", "2022-01-31", cs, nil))
	got := flagged(fs)
	want := []string{"alert 2022-01-28 GADGET DIRECT 50000", "info 2022-01-10 NETFLIX.COM 1990", "warning 2021-11-05 イベントペイ 4500"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	// The raised finding names the breach; the notice stands alone, so that
	// acknowledging the finding does not hide it (issue 10).
	mustContain(t, fs[:1], "this card was exposed in the Metaps Payment breach (used at イベントペイ on 2021-11-05)", "raised from warning to alert")
	if !fs[2].CardLevel {
		t.Errorf("the notice is not card-level: %v", flagged(fs[2:]))
	}
	if fs[0].Rule != "new-merchant" {
		t.Errorf("the suspicion stays the finding's rule: %s", fs[0].Rule)
	}
}

func TestBreachFromConfig(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  breaches:
    - name: Example shop
      patterns: ["EXAMPLE SHOP"]
      from: 2021-06-01
      to: 2021-06-30
      exposed: card number and expiry
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	cs := join(everyday(10, 365), one(buy("2021-06-10", "ＥＸＡＭＰＬＥ　ＳＨＯＰ", 2000)))
	fs := eng.RunCard(cardOf("2021-07-01", "2021-07-31", cs, nil))
	mustContain(t, fs, "inside the Example shop breach (cards used there from 2021-06-01 to 2021-06-30 were exposed; exposed: card number and expiry)")
	if n := len(atLeast(fs, severity.Warning)); n != 1 || !fs[0].CardLevel {
		t.Errorf("want one card-level notice: %q", flagged(fs))
	}
}

// What a breach exposed is said part by part in Japanese when the catalogue
// knows every part, and as written otherwise (a user's own words).
func TestExposedSaid(t *testing.T) {
	for _, tc := range []struct{ text, ja string }{
		{"card number, expiry and security code", "漏えいした情報：カード番号、有効期限、セキュリティコード。"},
		{"card number and expiry", "漏えいした情報：カード番号、有効期限。"},
		{"card number and PIN", "漏えいした情報：card number and PIN。"},
		{"", "の利用）内です。カード"},
	} {
		text, ja := tc.text, tc.ja
		e := exposure{breach: &spec.Breach{Name: "X", Exposed: text}, charge: buy("2022-01-05", "X SHOP", 1000)}
		m := message.New("breach-exposure.notice", breachExposureRule{}.notice(e))
		if en := message.Render(lang.EN, m); text != "" && !strings.Contains(en, "; exposed: "+text+")") {
			t.Errorf("%q in English: %s", text, en)
		}
		if got := message.Render(lang.JA, m); !strings.Contains(got, ja) {
			t.Errorf("%q in Japanese: %s\nwant %s in it", text, got, ja)
		}
	}
}
