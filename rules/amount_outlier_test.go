package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestAmountOutlier(t *testing.T) {
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"far above at a shop the card knows", one(buy("2021-12-10", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", 200000)),
			[]string{"warning 2021-12-10 AMAZON.CO.JP 200000"}},
		{"a new payee is new-merchant's", one(buy("2021-12-10", "ＬＵＸＵＲＹ　ＷＡＴＣＨ　ＪＰ", 200000)), nil},
		{"below the floor", one(buy("2021-12-10", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", 45000)), nil},
		{"an airline the card flew before: a flight is large", one(buy("2021-03-10", "ピーチ・アビエーション", 24000), buy("2021-12-10", "ピーチ・アビエーション", 258500)), nil},
		{"where the card paid half as much before", one(buy("2021-06-10", "ヨドバシカメラ", 150000), buy("2021-12-10", "ヨドバシカメラ", 200000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(everyday(8, 365), tt.charges), nil)
			fs := rule("amount-outlier").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if len(tt.want) > 0 {
				mustContain(t, fs, "is far above this card's usual: median ¥")
			}
		})
	}
}

func TestAmountOutlierFloor(t *testing.T) {
	// A very regular card: the same bills every month. The spread is
	// floored, so ¥1 more is nothing, and nothing under ¥50,000 is flagged.
	cs := join(corporate(13), one(buy("2022-01-21", "会費ペイ", 3001), buy("2022-01-22", "東西新聞　購読料", 20000)))
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	if fs := rule("amount-outlier").Check(card); len(fs) != 0 {
		t.Errorf("got %q", flagged(fs))
	}
	st := card.baseline()
	if lim, spread := (amountOutlierRule{K: 10000, Floor: 250, FloorYen: 1000}).limit(st); spread < st.Median/4 || lim < st.Median*3 {
		t.Errorf("limit %d, spread %d for median %d: the floor does not hold", lim, spread, st.Median)
	}
}
