package rules

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestNewSubscription(t *testing.T) {
	skim := one(buy("2021-09-04", "ＷＥＢ　ＳＥＲＶＩＣＥ", 480), buy("2021-10-09", "ＷＥＢ　ＳＥＲＶＩＣＥ", 520), buy("2021-11-02", "ＷＥＢ　ＳＥＲＶＩＣＥ", 480), buy("2021-12-06", "ＷＥＢ　ＳＥＲＶＩＣＥ", 560))
	for _, tt := range []struct {
		name    string
		base    []*statement.Charge
		charges []*statement.Charge
		want    []string
	}{
		{"a well-known service on an everyday card: noted once, at the second charge",
			everyday(31, 365), monthly("2021-11-18", "ＤＩＳＮＥＹ　ＰＬＵＳ", 990, 2),
			[]string{"info 2021-11-18 DISNEY PLUS 990", "info 2021-12-18 DISNEY PLUS 990"}},
		{"an unknown merchant on an everyday card: a warning",
			everyday(31, 365), monthly("2021-11-18", "ＳＭＡＲＴ　ＣＬＵＢ", 1980, 2),
			[]string{"warning 2021-11-18 SMART CLUB 1980", "warning 2021-12-18 SMART CLUB 1980"}},
		{"a slow skim, about monthly at about one small amount: the same rule",
			everyday(31, 365), skim,
			[]string{"warning 2021-12-06 WEB SERVICE 560"}},
		{"on a recurring-only card: an alert",
			corporate(12), monthly("2021-11-18", "ＤＩＳＮＥＹ　ＰＬＵＳ", 990, 2),
			[]string{"alert 2021-11-18 DISNEY PLUS 990", "alert 2021-12-18 DISNEY PLUS 990"}},
		{"a skim whose first charge passed alone last month: both charges, and the third",
			everyday(31, 365), one(buy("2021-10-28", "ＤＬＳ＊ＴＲＵＳＴＨＵＢ", 580), buy("2021-12-02", "ＤＬＳ＊ＴＲＵＳＴＨＵＢ", 580), buy("2021-12-30", "ＤＬＳ＊ＴＲＵＳＴＨＵＢ", 580)),
			[]string{"warning 2021-10-28 DLS*TRUSTHUB 580", "warning 2021-12-02 DLS*TRUSTHUB 580", "warning 2021-12-30 DLS*TRUSTHUB 580"}},
		{"two meals a month apart at a new place are no subscription",
			everyday(31, 365), one(buy("2021-11-15", "鮨　はなまる", 3620), buy("2021-12-15", "鮨　はなまる", 3870)), nil},
		{"two evenings at karaoke a month apart on the same day of the month",
			everyday(31, 365), one(buy("2021-11-13", "カラオケまねきねこ　立川店", 2120), buy("2021-12-13", "カラオケまねきねこ　立川店", 2050)), nil},
		{"one set menu twice at a new place, 24 days apart",
			everyday(31, 365), one(buy("2021-11-08", "大戸屋　天神店", 2718), buy("2021-12-02", "大戸屋　天神店", 2718)), nil},
		{"a subscription since the card's first statements is not new",
			everyday(31, 365), monthly("2021-01-20", "ＳＭＡＲＴ　ＣＬＵＢ", 1980, 12), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(tt.base, tt.charges), nil)
			var fs []Finding
			for _, f := range run(card) {
				for _, r := range f.Reasons {
					if r.Rule == "new-subscription" {
						fs = append(fs, f)
						break
					}
				}
			}
			got := flagged(fs)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %q\nwant %q", got, tt.want)
				}
			}
		})
	}
	fs := rule("new-subscription").Check(cardOf("2021-12-01", "2021-12-31", join(everyday(31, 365), monthly("2021-11-18", "ＳＭＡＲＴ　ＣＬＵＢ", 1980, 2)), nil))
	mustContain(t, fs, "SMART CLUB charged ¥1,980 on 2021-12-18: a new recurring payment, monthly since 2021-11-18 (2 charges, usually ¥1,980); not a service this card is known to use",
		"SMART CLUB が 2021年12月18日 に 1,980円 を請求：新しい定期的な支払い")
}

// A yearly bill first seen some months into a recurring-only card's
// statements was new then; its renewal a year later at the same price is
// the bill.
func TestYearlyRenewalIsKnown(t *testing.T) {
	cs := join(corporate(24), one(buy("2021-05-14", "ムームードメイン", 3608), buy("2022-05-16", "ムームードメイン", 3608)))
	for _, f := range atLeast(run(cardOf("2022-05-01", "2022-05-31", cs, nil)), severity.Warning) {
		if !f.CardLevel { // the card's 会費ペイ was in the Metaps breach
			t.Errorf("the renewal is reported: %v", flagged([]Finding{f}))
		}
	}
}

// A cloud bill in dollars that grows a few percent a month is a range that
// follows a trend, not a price increase every month; a jump to half as much
// again as its recent bills still is one.
func TestGrowingBillIsNoPriceIncrease(t *testing.T) {
	var cs []*statement.Charge
	y := int64(20000)
	for i := range 24 {
		cs = append(cs, buy(d("2020-01-02").AddMonths(i).String(), "AMAZON WEB SERVICES", y))
		y = y * 104 / 100
	}
	base := join(corporate(24), cs)
	if fs := rule("amount-change").Check(cardOf("2021-12-01", "2021-12-31", base, nil)); len(fs) > 0 {
		t.Errorf("growth reported: %v", flagged(fs))
	}
	jump := join(base[:len(base)-1], one(buy("2021-12-02", "AMAZON WEB SERVICES", y*2)))
	if fs := rule("amount-change").Check(cardOf("2021-12-01", "2021-12-31", jump, nil)); len(fs) != 1 {
		t.Errorf("a doubled bill: %v", flagged(fs))
	}
}

// The config extends the list of services whose new subscriptions are
// information.
func TestNewSubscriptionServicesFromConfig(t *testing.T) {
	cfg := parseConfig(t, "rules:\n  new-subscription: {services: [SMART CLUB]}\n")
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	card := cardOf("2021-12-01", "2021-12-31", join(everyday(31, 365), monthly("2021-11-18", "ＳＭＡＲＴ　ＣＬＵＢ", 1980, 2)), nil)
	for _, f := range eng.RunCard(card) {
		if f.Charges[0].Payee == "SMART CLUB" && f.Severity != severity.Info {
			t.Errorf("%v", flagged([]Finding{f}))
		}
	}
}
