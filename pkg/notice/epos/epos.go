// Package epos reads エポスカード's usage notice, sent at each
// authorisation. It never names the shop: the merchant is always
// 国内加盟店ショッピング or 海外加盟店ショッピング (notifications.md §3.4).
package epos

import (
	"github.com/cardcheck/cardcheck/pkg/notice"
)

// Issuer is the card company's name.
const Issuer = "エポスカード"

// Notice is the カードご利用のお知らせ mail.
var Notice = notice.Layout{
	Name: "epos", Issuer: Issuer, Title: "カードご利用のお知らせ", Domains: []string{"01epos.jp"},
	Claims: func(m *notice.Message) bool {
		return m.Mentions("エポス", "EPOS", "ＥＰＯＳ", "eposcard") && m.HasLabel("ご利用金額") && m.HasLabel("ご利用場所")
	},
	Parse: func(m *notice.Message) ([]notice.Charge, error) {
		lines := notice.Lines(m.Body())
		charges, err := notice.Fields{Date: "ご利用日時", Merchant: "ご利用場所", Amount: "ご利用金額"}.Charges(lines)
		holder := notice.Holder(lines)
		for i := range charges {
			charges[i].Card.Name = Issuer
			charges[i].Holder = holder
		}
		return charges, err
	},
}
