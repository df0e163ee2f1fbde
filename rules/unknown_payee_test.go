package rules

import (
	"slices"
	"testing"

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
		{"a known payee at double on its usual day", one(buy("2022-01-20", "会費ペイ", 6000)),
			[]string{"alert 2022-01-20 会費ペイ 6000"}, "its usual day, but it charges ¥3,000 monthly"},
		{"the known payments are quiet", nil, nil, ""},
		{"a refund is no suspect", one(refund("2022-01-21", "会費ペイ", 3000)), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Twelve months of bills, the last month checked; the test's
			// charges replace none of them.
			cs := corporate(13)
			if tt.name == "a known payee at double on its usual day" {
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
