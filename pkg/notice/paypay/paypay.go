// Package paypay reads PayPayカード's 利用速報, an HTML mail. Its layout is
// known only as flattened to one line (notifications.md §3.6, confidence
// C): "<card>利用速報 <merchant> 2026年3月14日 19:42 2,480円". A mail in any
// other shape is an error naming it, never a guess.
package paypay

import (
	"regexp"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
)

// Issuer is the card company's name.
const Issuer = "PayPayカード"

var line = regexp.MustCompile(`(PayPayカード[^　 ]*?(?:（[^）]*）)?)\s*利用速報\s+(.+?)\s+(\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2})\s+(-?[\d,]+円)`)

// Notice is the 利用速報 mail.
var Notice = notice.Layout{
	Name: "paypay", Issuer: Issuer, Title: "利用速報", Domains: []string{"paypay-card.co.jp"},
	Claims: func(m *notice.Message) bool {
		return m.Mentions("PayPayカード") && strings.Contains(m.Subject, "利用速報")
	},
	Parse: func(m *notice.Message) ([]notice.Charge, error) {
		lines := notice.Lines(strings.ReplaceAll(m.Body(), "\n", " "))
		joined := lines[0].Text
		s := line.FindStringSubmatch(joined)
		if s == nil {
			return nil, notice.Errorf(0, "no \"利用速報 <merchant> <date time> <amount>\" in the mail")
		}
		body := []notice.Line{{N: 1, Text: "日時：" + s[3]}, {N: 1, Text: "利用先：" + s[2]}, {N: 1, Text: "金額：" + s[4]}}
		charges, err := notice.Fields{Date: "日時", Merchant: "利用先", Amount: "金額"}.Charges(body)
		for i := range charges {
			charges[i].Card.Name = s[1]
			charges[i].Source.Line = 0
		}
		return charges, err
	},
}
