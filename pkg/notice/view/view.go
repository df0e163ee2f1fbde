// Package view reads ビューカード's usage notices: the ◆速報版◆ with the time
// of use, and the －確報版－ with the date only (notifications.md §3.12).
// Labels are padded with U+0020 and U+3000 so that the colons line up.
package view

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Issuer is the card company's name.
const Issuer = "ビューカード"

var domains = []string{"viewsnet.jp"}

// Preliminary is the 速報版; Confirmed the 確報版.
var (
	Preliminary = notice.Layout{
		Name: "view-preliminary", Issuer: Issuer, Title: "◆速報版◆ビューカードご利用情報のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksView(m) && m.HasLabel("・利用日時") },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, "・利用日時", statement.Authorised)
		},
	}
	Confirmed = notice.Layout{
		Name: "view", Issuer: Issuer, Title: "－確報版－ ビューカードご利用情報のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksView(m) && !m.HasLabel("・利用日時") },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, "・利用日", statement.Posted)
		},
	}
)

func looksView(m *notice.Message) bool {
	return m.Mentions("ビューカード", "VIEW", "ＶＩＥＷ") && m.HasLabel("・利用金額")
}

func parse(m *notice.Message, date string, status statement.NoticeStatus) ([]notice.Charge, error) {
	lines := notice.Lines(m.Body())
	charges, err := notice.Fields{Date: date, Merchant: "・利用加盟店", Amount: "・利用金額", Holder: "・利用者"}.Charges(lines)
	if err != nil {
		return nil, err
	}
	card := Issuer
	if v, ok := notice.Value(lines, "ご利用カード"); ok && v.Value != "" {
		card = strings.TrimSpace(v.Value)
	}
	for i := range charges {
		charges[i].Card.Name = card
		charges[i].Status = status
	}
	return charges, nil
}
