package state

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

func TestVerdicts(t *testing.T) {
	st := New()
	charge := func(day int, payee string, yen int64) Charge {
		return Charge{Date: statement.NewDate(2022, 1, day), Payee: payee, Amount: decimal.NewFromInt(yen)}
	}
	st.Entry("aaaaaaaaaaaa").Charges = []Charge{charge(3, "SMART CLUB", 1980)}
	st.Entry("bbbbbbbbbbbb").Charges = []Charge{charge(24, "APPLE COM BILL", 10000), charge(24, "APPLE COM BILL", 5000)}
	st.Entry("cccccccccccc").Charges = []Charge{charge(20, "会費ペイ", 3000)}
	st.Entry("cccccccccccc").CardLevel = true
	st.Entry("dddddddddddd").Charges = []Charge{charge(25, "NOT ACKED", 1)}
	now := time.Date(2022, 2, 1, 9, 0, 0, 0, time.UTC)
	if _, err := st.Ack([]string{"aaaaaaaaaaaa", "cccccccccccc"}, "", now); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Report([]string{"bbbbbbbbbbbb"}, "called the desk", now); err != nil {
		t.Fatal(err)
	}
	v := st.Verdicts()
	ref := func(c Charge) rules.ChargeRef {
		return rules.ChargeRef{Date: c.Date, Payee: c.Payee, Amount: c.Amount.String()}
	}
	if !v.Mine[ref(charge(3, "SMART CLUB", 1980))] || len(v.Mine) != 1 {
		t.Errorf("mine: %v", v.Mine)
	}
	if !v.NotMine[ref(charge(24, "APPLE COM BILL", 5000))] || len(v.NotMine) != 2 {
		t.Errorf("not mine: %v", v.NotMine)
	}
	if w, ok := v.Watched["APPLE COM BILL"]; !ok || w.ID != "bbbbbbbbbbbb" || len(v.Watched) != 1 {
		t.Errorf("watched: %v", v.Watched)
	}
}
