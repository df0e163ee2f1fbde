package scan

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func charge(day int, p string, amount int64, card statement.Card) statement.Charge {
	return statement.Charge{Date: statement.NewDate(2025, 1, day), Payee: p, Merchant: p, Amount: decimal.NewFromInt(amount), Kind: statement.Purchase, Card: card}
}

var (
	smbc    = statement.Card{Issuer: "三井住友カード", Name: "三井住友カードＶＩＳＡ（ＮＬ）", Number: "4980-00**-****-****"}
	rakuten = statement.Card{Issuer: "楽天カード", Name: "楽天カード"}
	mfSMBC  = statement.Card{Issuer: "三井住友カード", Name: "三井住友カード"}
)

func TestMerge(t *testing.T) {
	apple := func() statement.Charge { return charge(24, "APPLE COM BILL", 3000, smbc) }
	preliminary := &statement.Statement{Charges: []statement.Charge{apple(), apple(), charge(20, "会費ペイ", 3000, smbc)}}
	confirmed := &statement.Statement{Charges: []statement.Charge{apple(), apple(), apple(), charge(20, "会費ペイ", 3000, smbc), charge(5, "NHK", 1100, smbc)}}
	again := &statement.Statement{Charges: confirmed.Charges}
	other := &statement.Statement{Charges: []statement.Charge{charge(24, "APPLE COM BILL", 3000, rakuten)}}
	mf := &statement.Statement{Aggregated: true, Charges: []statement.Charge{
		charge(24, "APPLE COM BILL", 3000, mfSMBC),                           // repeats an issuer charge
		charge(24, "APPLE COM BILL", 3000, mfSMBC),                           // and another
		charge(10, "AMAZON.CO.JP", 3480, mfSMBC),                             // the issuer file for it was not given
		charge(24, "APPLE COM BILL", 3000, statement.Card{Issuer: "エポスカード"}), // another company's card
	}}
	mfAgain := &statement.Statement{Aggregated: true, Charges: mf.Charges}
	// A preliminary statement names the card company, not the card.
	prelim := statement.Card{Issuer: "三井住友カード", Name: "ご本人"}
	unconfirmed := &statement.Statement{Charges: []statement.Charge{
		charge(24, "APPLE COM BILL", 3000, prelim), charge(24, "APPLE COM BILL", 3000, prelim), charge(25, "NEW", 500, prelim),
	}}

	count := func(cs []*statement.Charge, p string, card string) int {
		n := 0
		for _, c := range cs {
			if c.Payee == p && (card == "" || c.Card.Label() == card) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name  string
		stmts []*statement.Statement
		apple int // Apple charges on the SMBC card
		total int
	}{
		{"one file", []*statement.Statement{confirmed}, 3, 5},
		{"preliminary then confirmed", []*statement.Statement{preliminary, confirmed}, 3, 5},
		{"downloaded twice", []*statement.Statement{confirmed, again}, 3, 5},
		{"another card is another charge", []*statement.Statement{confirmed, other}, 3, 6},
		{"aggregator beside the issuer", []*statement.Statement{confirmed, mf, mfAgain}, 3, 7},
		{"aggregator alone", []*statement.Statement{mf}, 0, 4},
		{"preliminary, confirmed and export", []*statement.Statement{unconfirmed, confirmed, mf}, 3, 8},
		{"preliminary and export without the confirmed", []*statement.Statement{mf, unconfirmed}, 0, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Merge(tt.stmts)
			if len(got) != tt.total {
				t.Errorf("%d charges, want %d", len(got), tt.total)
			}
			if n := count(got, "APPLE COM BILL", smbc.Label()); n != tt.apple {
				t.Errorf("%d Apple charges on the card, want %d", n, tt.apple)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Date < got[i-1].Date {
					t.Fatal("not in date order")
				}
			}
		})
	}
}

func TestRelated(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"三井住友カード", "三井住友カード(VPASS)", true},
		{"MUFGカード", "三菱UFJニコス", true},
		{"DCカード", "三菱UFJニコス", true},
		{"AMERICAN EXPRESS", "アメリカン・エキスプレス", true},
		{"楽天カード", "三井住友カード", false},
		{"エポスカード", "JCB", false},
		{"", "JCB", false},
	} {
		if got := related(tt.a, tt.b); got != tt.want {
			t.Errorf("related(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestAdoptPreliminary: the new charges of a weekly preliminary statement are
// checked on the card the confirmed statements know, not on a card of their
// own with no history.
func TestAdoptPreliminary(t *testing.T) {
	prelim := statement.Card{Issuer: "三井住友カード"}
	family := statement.Card{Issuer: "三井住友カード", Name: "家族カード", Number: "4980-11**-****-****"}
	confirmed := &statement.Statement{Charges: []statement.Charge{charge(5, "NHK", 1100, smbc)}}
	weekly := &statement.Statement{Charges: []statement.Charge{charge(24, "APPLE COM BILL", 3000, prelim), charge(25, "APPLE COM BILL", 3000, prelim)}}
	withFamily := &statement.Statement{Charges: []statement.Charge{charge(5, "NHK", 1100, smbc), charge(6, "SHOP", 500, family)}}
	overlapping := &statement.Statement{Charges: []statement.Charge{charge(6, "SHOP", 500, prelim), charge(26, "NEW", 800, prelim)}}
	other := &statement.Statement{Charges: []statement.Charge{charge(7, "X", 100, rakuten)}}

	cardOf := func(cs []*statement.Charge, p string) string {
		for _, c := range cs {
			if c.Payee == p {
				return c.Card.Label()
			}
		}
		return ""
	}
	for _, tt := range []struct {
		name  string
		stmts []*statement.Statement
		payee string
		want  string
	}{
		{"one card of the company", []*statement.Statement{confirmed, other, weekly}, "APPLE COM BILL", smbc.Label()},
		{"two cards, nothing matched: left alone", []*statement.Statement{withFamily, weekly}, "APPLE COM BILL", prelim.Label()},
		{"two cards, matches on one of them", []*statement.Statement{withFamily, overlapping}, "NEW", family.Label()},
		{"no card of the company", []*statement.Statement{other, weekly}, "APPLE COM BILL", prelim.Label()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Each case gets fresh charges: adoption changes them.
			var fresh []*statement.Statement
			for _, st := range tt.stmts {
				fresh = append(fresh, &statement.Statement{Charges: append([]statement.Charge(nil), st.Charges...)})
			}
			if got := cardOf(Merge(fresh), tt.payee); got != tt.want {
				t.Errorf("%s is on %q, want %q", tt.payee, got, tt.want)
			}
		})
	}
}

// TestSortByDate checks the merge of date-ordered runs against a stable sort,
// on runs of every length, with many charges of one day.
func TestSortByDate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		cs := make([]*statement.Charge, n)
		day := statement.Date(0)
		for i := range cs {
			if r.IntN(8) == 0 {
				day = statement.Date(r.IntN(30)) // a new run, most likely
			} else {
				day += statement.Date(r.IntN(2))
			}
			cs[i] = &statement.Charge{Date: day, Source: statement.Source{Line: i}}
		}
		want := slices.Clone(cs)
		slices.SortStableFunc(want, func(a, b *statement.Charge) int { return int(a.Date - b.Date) })
		sortByDate(cs)
		if !slices.Equal(cs, want) {
			t.Fatalf("%d charges: not what a stable sort gives", n)
		}
	}
}
