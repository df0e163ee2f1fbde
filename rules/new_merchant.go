package rules

import (
	"fmt"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// NewMerchant flags a purchase at a payee the card has not paid before (or
// first paid less than [NewRelationship] days earlier), weighted by amount
// against the card's usual purchases: it fires only from Min yen and from
// Times the card's usual large purchase (its 90th percentile), so a new
// bakery is quiet and a first-time ¥120,000 electronics shop is not. At
// Alert yen or more, when that is also more than any purchase in the
// baseline, it is an alert.
type NewMerchant struct {
	Severity Severity `yaml:"severity" doc:"severity of a large first purchase"`
	Min      Yen      `yaml:"min" doc:"never flag a first purchase below this"`
	Times    Ratio    `yaml:"times" doc:"…nor below this many times the card's usual large purchase (90th percentile)"`
	Alert    Yen      `yaml:"alert" doc:"alert from this amount when it is above every earlier purchase (0: never)"`
}

// ID implements [Rule].
func (NewMerchant) ID() string { return "new-merchant" }

// Doc says what the rule flags.
func (NewMerchant) Doc() string {
	return "a large purchase at a payee new to the card, large meaning against the card's usual purchases"
}

// Check implements [Rule].
func (n NewMerchant) Check(card *Card) []Finding {
	var out []Finding
	var st *cardStats
	card.windowPurchases(func(i int, ch *statement.Charge) {
		if card.yen[i] < int64(n.Min) || !card.isNewPayee(ch) || card.payeeKnown(ch.Payee, ch.Date) {
			return
		}
		if card.isKnown(ch) {
			return
		}
		if st == nil {
			st = card.baseline()
		}
		limit := max(int64(n.Min), n.Times.Of(st.P90))
		y := card.yen[i]
		if y < limit {
			return
		}
		sev := n.Severity
		if n.Alert > 0 && y >= int64(n.Alert) && y > st.Before {
			sev = Alert
		}
		first, _ := card.FirstPaid(ch.Payee)
		newness, newnessJA := "the first charge from it", "初めての支払先"
		if first < ch.Date {
			newness = "first paid on " + first.String()
			newnessJA = first.String() + " に初めて利用した支払先"
		}
		en := fmt.Sprintf("%s charged %s and is new to this card (%s); this card's purchases are usually up to %s (9 in 10 of %d, %s), so new payees are flagged from %s",
			ch.Payee, yenText(y), newness, yenText(st.P90), st.N, st.Scope, yenText(limit))
		ja := fmt.Sprintf("%s（%s）が %s を請求。このカードの利用は通常 %s 以下（%d 件中 9 割）なので、新しい支払先は %s 以上で警告します",
			ch.Payee, newnessJA, yenText(y), yenText(st.P90), st.N, yenText(limit))
		if sev == Alert {
			en += fmt.Sprintf("; it is above every earlier purchase (largest %s) and at least %s", yenText(st.Before), n.Alert)
			ja += fmt.Sprintf("。これまでの最大（%s）を上回り、%s 以上です", yenText(st.Before), n.Alert)
		}
		out = append(out, Finding{Severity: sev, Message: en, MessageJA: ja, Charges: []*statement.Charge{ch}})
	})
	return out
}
