// Package pocket reads ポケットカード's usage notice (ZOZOCARD and other
// cards it issues). The merchant is always the placeholder
// Mastercard加盟店; the card's name is in the subject (notifications.md
// §3.13).
package pocket

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
)

// Issuer is the card company's name.
const Issuer = "ポケットカード"

// Notice is the <card>カード利用のお知らせ mail.
var Notice = notice.Layout{
	Name: "pocket", Issuer: Issuer, Title: "カード利用のお知らせ", Domains: []string{"pocketcard.co.jp"},
	Claims: func(m *notice.Message) bool {
		return m.Mentions("ポケットカード", "●カード利用のお知らせ●") && m.HasLabel("■ご利用金額") && !m.Mentions("ライフカード")
	},
	Parse: func(m *notice.Message) ([]notice.Charge, error) {
		lines := notice.Lines(m.Body())
		charges, err := notice.Fields{Date: "■ご利用日時", Merchant: "■ご利用先", Amount: "■ご利用金額"}.Charges(lines)
		card, _ := strings.CutSuffix(strings.TrimSpace(m.Subject), "利用のお知らせ")
		if card == "" || card == m.Subject {
			card = Issuer
		}
		holder := notice.Holder(lines)
		for i := range charges {
			charges[i].Card.Name = card
			charges[i].Holder = holder
		}
		return charges, err
	},
}
