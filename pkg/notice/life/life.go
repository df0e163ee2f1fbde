// Package life reads ライフカード's usage notice: ISO-2022-JP, labels on
// their own line, merchants as the card network writes them, sometimes in
// half-width katakana (notifications.md §3.13).
package life

import (
	"github.com/cardcheck/cardcheck/pkg/notice"
)

// Issuer is the card company's name.
const Issuer = "ライフカード"

// Notice is the カードご利用のお知らせ mail.
var Notice = notice.Layout{
	Name: "life", Issuer: Issuer, Title: "カードご利用のお知らせ", Domains: []string{"lifecard.co.jp"},
	Claims: func(m *notice.Message) bool {
		return m.Mentions("ライフカード", "LIFE CARD", "lifecard") && m.HasLabel("■ご利用金額")
	},
	Parse: func(m *notice.Message) ([]notice.Charge, error) {
		lines := notice.Lines(m.Body())
		charges, err := notice.Fields{Date: "■ご利用日時", Merchant: "■ご利用先", Amount: "■ご利用金額", Holder: "■ご利用者"}.Charges(lines)
		card := Issuer
		if v, ok := notice.Value(lines, "■ご利用カード"); ok && v.Value != "" {
			card = v.Value
		}
		for i := range charges {
			charges[i].Card.Name = card
		}
		return charges, err
	},
}
