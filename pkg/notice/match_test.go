package notice

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

var (
	stCard = statement.Card{Issuer: "三井住友カード", Name: "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ", Number: "4980-00**-****-****"}
	other  = statement.Card{Issuer: "三井住友カード", Name: "三井住友カードＶＩＳＡ（ＮＬ）", Number: "4980-11**-****-****"}
)

func TestBindCard(t *testing.T) {
	cards := []statement.Card{stCard, other, {Issuer: "JCB", Name: "三井住友ビジネスカード for Owners"}}
	n := statement.Card{Issuer: "三井住友カード", Name: "三井住友ビジネスカード for owners"}
	if got, ok := BindCard(n, cards, nil); !ok || got != stCard {
		t.Errorf("by name: %v %v", got, ok)
	}
	if got, ok := BindCard(statement.Card{Issuer: "三井住友カード", Name: "Ｏｌｉｖｅ／クレジット"}, cards, nil); ok {
		t.Errorf("a card with no statement bound to %v", got)
	}
	explicit := []Binding{{Notice: "olive", Statement: "4980-11**"}}
	if got, ok := BindCard(statement.Card{Issuer: "三井住友カード", Name: "Ｏｌｉｖｅ／クレジット"}, cards, explicit); !ok || got != other {
		t.Errorf("by the config: %v %v", got, ok)
	}
	if got, ok := BindCard(statement.Card{Issuer: "三井住友カード", Name: "Ｏｌｉｖｅ／クレジット"}, cards, []Binding{{Notice: "olive", Statement: "4980"}}); ok {
		t.Errorf("a binding that selects two cards: bound to %v", got)
	}
	twin := stCard
	twin.Number = "4980-99**-****-****"
	if _, ok := BindCard(n, append(cards, twin), nil); ok {
		t.Error("two same-named cards: guessed")
	}
}

func charge(date string, yen int64, merchant string) statement.Charge {
	d, err := statement.ParseDate(date)
	if err != nil {
		panic(err)
	}
	return statement.Charge{Date: d, Amount: decimal.NewFromInt(yen), Merchant: merchant, Payee: payee.Key(merchant), Card: stCard}
}

func TestMatch(t *testing.T) {
	rows := []statement.Charge{
		charge("2022-01-24", 10000, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ"),
		charge("2022-01-24", 10000, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ"),
		charge("2022-01-25", 5000, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ"),
		charge("2022-01-18", 2380, "EXAMPLE CLOUD"), // foreign, re-priced
		charge("2022-01-20", 3000, "会費ペイ"),
	}
	rows[3].ForeignAmount, rows[3].ForeignCurrency = decimal.NewFromInt(20), "USD"
	notices := []Charge{
		{Charge: charge("2022-01-24", 10000, "APPLE COM BILL"), Notified: statement.Notified{Status: statement.Authorised}},
		{Charge: charge("2022-01-24", 10000, "APPLE COM BILL"), Notified: statement.Notified{Status: statement.Authorised}},
		{Charge: charge("2022-01-24", 10000, "APPLE COM BILL"), Notified: statement.Notified{Status: statement.Authorised}}, // a third: no row left
		{Charge: charge("2022-01-24", 5000, "APPLE COM BILL"), Notified: statement.Notified{Status: statement.Authorised}},
		{Charge: charge("2022-01-17", 0, "EXAMPLE CLOUD"), Notified: statement.Notified{Status: statement.Authorised}},
		{Charge: charge("2022-01-20", 3000, "会費ペイ"), Notified: statement.Notified{Status: statement.Declined}},
		{Charge: charge("2022-01-10", 3000, "会費ペイ"), Notified: statement.Notified{Status: statement.Authorised}}, // too far from the row
	}
	notices[4].ForeignAmount, notices[4].ForeignCurrency = decimal.NewFromInt(20), "USD"
	ptrs := make([]*statement.Charge, len(rows))
	for i := range rows {
		ptrs[i] = &rows[i]
	}
	got := Match(notices, ptrs)
	want := []int{0, 1, -1, 2, 3, -1, -1}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("notice %d matched row %d, want %d", i, got[i], want[i])
		}
	}
	to, _ := statement.ParseDate("2022-01-31")
	if NeverPosted(&notices[2], to) || !NeverPosted(&notices[5], to) || !NeverPosted(&notices[6], to) {
		t.Error("never posted: want the declined and the 21-day-old authorisation only")
	}
}
