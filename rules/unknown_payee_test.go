package rules

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestUnknownPayee(t *testing.T) {
	tests := []struct {
		name     string
		charges  []*statement.Charge
		want     []string
		contains string
	}{
		{"a new payee on a recurring-only card", one(buy("2022-01-24", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 10000)),
			[]string{"alert 2022-01-24 APPLE COM BILL 10000"}, "APPLE COM BILL is not one of the 4 payees this card pays"},
		{"a known payee charging off its rhythm", one(buy("2022-01-03", "ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", 1650)),
			[]string{"alert 2022-01-03 SAMPLESOFT 1650"}, "off its usual monthly rhythm"},
		{"a known payee at about double on its usual day", one(buy("2022-01-20", "会費ペイ", 5900)),
			[]string{"alert 2022-01-20 会費ペイ 5900"}, "its usual day, but it charges ¥3,000 monthly"},
		{"a known payee at exactly double on its usual day: seats, amount-change's", one(buy("2022-01-20", "会費ペイ", 6000)), nil, ""},
		{"the known payments are quiet", nil, nil, ""},
		{"a refund is no suspect", one(refund("2022-01-21", "会費ペイ", 3000)), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Twelve months of bills, the last month checked; the test's
			// charges replace none of them.
			cs := corporate(13)
			if strings.HasPrefix(tt.name, "a known payee at") {
				cs = slices.DeleteFunc(cs, func(c *statement.Charge) bool { return c.Payee == "会費ペイ" && c.Date == d("2022-01-20") })
			}
			card := cardOf("2022-01-01", "2022-01-31", join(cs, tt.charges), nil)
			if !card.RecurringOnly {
				t.Fatalf("card is %s", card.ModeReason)
			}
			fs := rule("unknown-payee").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if tt.contains != "" {
				mustContain(t, fs, tt.contains)
			}
		})
	}
}

func TestUnknownPayeeLeavesPriceChangesToAmountChange(t *testing.T) {
	cs := slices.DeleteFunc(corporate(13), func(c *statement.Charge) bool {
		return c.Payee == "サンプルネット光" && c.Date >= d("2022-01-01")
	})
	cs = append(cs, buy("2022-01-05", "サンプルネット光", 5720))
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	if fs := rule("unknown-payee").Check(card); len(fs) != 0 {
		t.Errorf("a price change on its day is flagged as unknown: %q", flagged(fs))
	}
	fs := rule("amount-change").Check(card)
	if got, want := flagged(fs), []string{"warning 2022-01-05 サンプルネット光 5720"}; !slices.Equal(got, want) {
		t.Errorf("amount-change: got %q, want %q", got, want)
	}
}

func TestUnknownPayeeQuietOnEverydayCards(t *testing.T) {
	card := cardOf("2021-12-01", "2021-12-31", join(everyday(1, 365), one(buy("2021-12-10", "新しい店", 5000))), nil)
	if card.RecurringOnly {
		t.Fatalf("everyday card is %s", card.ModeReason)
	}
	if fs := rule("unknown-payee").Check(card); len(fs) != 0 {
		t.Errorf("got %q", flagged(fs))
	}
}

// TestBorrowedNames checks issue 10's borrowing examples with the demo
// config as it was written when patterns matched parts of keys: a
// descriptor that starts or ends with a known payee's name is not that
// payee, so it is flagged (and an app store is flagged as one).
func TestBorrowedNames(t *testing.T) {
	cfg := parseConfig(t, `
cards: [{match: "4980-00**", mode: recurring-only}]
payees:
  - {name: Internet provider, patterns: ["サンプルネット光"]}
  - {name: Newspaper, patterns: ["東西新聞"]}
  - {name: PayPal, patterns: ["PAYPAL *SAMPLESOFT"]}
`)
	for _, merchant := range []string{"東西新聞ギフトカード", "ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴＢＩＴＣＯＩＮ", "サンプルネット光 APPLE COM BILL"} {
		t.Run(merchant, func(t *testing.T) {
			ch := buy("2022-01-24", merchant, 9800)
			card := NewCard("三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****", join(corporate(13), one(ch)), d("2022-01-01"), d("2022-01-31"), cfg.Spec())
			if name, known := card.Known(ch); known {
				t.Fatalf("known as %q", name)
			}
			fs := run(card)
			if len(fs) == 0 || fs[0].Severity != severity.Alert || fs[0].Charges[0] != ch {
				t.Fatalf("not an alert: %v", fs)
			}
			if strings.Contains(merchant, "APPLE") && !slices.ContainsFunc(fs[0].Reasons, func(r Reason) bool { return r.Rule == "high-risk-merchant" }) {
				t.Errorf("the app store is not named: %v", fs[0].Reasons)
			}
		})
	}
	// With the demo config, the real payees are known.
	data, err := os.ReadFile("../testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg = parseConfig(t, string(data))
	for _, ch := range corporate(13)[:4] {
		card := NewCard("三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****", one(ch), ch.Date, ch.Date, cfg.Spec())
		if _, known := card.Known(ch); !known {
			t.Errorf("%s is not known", ch.Merchant)
		}
	}
}
