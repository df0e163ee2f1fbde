package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestNewMerchant(t *testing.T) {
	tests := []struct {
		name    string
		charges []*statement.Charge
		want    []string
	}{
		{"a new bakery is quiet", one(buy("2021-12-10", "ベーカリー　ソラ", 800)), nil},
		{"a new shop at ¥50,000 is a warning", one(buy("2021-12-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000)),
			[]string{"warning 2021-12-10 GADGET DIRECT 50000"}},
		{"a first-time ¥120,000 electronics shop is an alert", one(buy("2021-12-10", "ＰＣ　ＤＥＰＯＴ　ＯＮＬＩＮＥ", 120000)),
			[]string{"alert 2021-12-10 PC DEPOT ONLINE 120000"}},
		{"a known shop at ¥50,000 is not new", one(buy("2021-12-10", "ヨドバシカメラ", 50000)), nil},
		{"a new shop's second large charge within a month is new too",
			one(buy("2021-12-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 50000), buy("2021-12-20", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 60000)),
			[]string{"warning 2021-12-10 GADGET DIRECT 50000", "warning 2021-12-20 GADGET DIRECT 60000"}},
		{"just under the floor", one(buy("2021-12-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 44999)), nil},
		{"a charge in the history is not reported", one(buy("2021-11-10", "ＧＡＤＧＥＴ　ＤＩＲＥＣＴ", 90000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := cardOf("2021-12-01", "2021-12-31", join(everyday(2, 365), tt.charges), nil)
			fs := rule("new-merchant").Check(card)
			if got := flagged(fs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestNewMerchantWeighsTheCard(t *testing.T) {
	// A card whose purchases are usually large flags new payees only from
	// three times its usual large purchase.
	var cs []*statement.Charge
	for i := range 30 {
		cs = append(cs, buy(d("2021-01-05").AddDays(i*10).String(), "卸売センター", 40000))
	}
	cs = append(cs, buy("2021-12-10", "新しい仕入先", 100000), buy("2021-12-11", "別の仕入先", 130000))
	card := cardOf("2021-12-01", "2021-12-31", cs, nil)
	fs := rule("new-merchant").Check(card)
	if got, want := flagged(fs), []string{"alert 2021-12-11 別の仕入先 130000"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	mustContain(t, fs, "this card's purchases are usually up to ¥40,000", "so new payees are flagged from ¥120,000")
}
