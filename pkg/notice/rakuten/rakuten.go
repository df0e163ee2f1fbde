// Package rakuten reads 楽天カード's usage notices: the 速報版, sent at
// approval with the date and amount but no merchant, and the 確定 mail,
// sent when uses post, with one block per use (notifications.md §3.2).
package rakuten

import (
	"regexp"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Issuer is the card company's name.
const Issuer = "楽天カード"

var domains = []string{"rakuten-card.co.jp"}

// Preliminary is the 速報版; Confirmed the 確定 mail.
var (
	Preliminary = notice.Layout{
		Name: "rakuten-preliminary", Issuer: Issuer, Title: "【速報版】カード利用のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksRakuten(m) && isPreliminary(m) },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, notice.Fields{Date: "■利用日", Amount: "■利用金額", Holder: "■利用者"}, statement.Authorised)
		},
	}
	Confirmed = notice.Layout{
		Name: "rakuten", Issuer: Issuer, Title: "カード利用のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksRakuten(m) && !isPreliminary(m) },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, notice.Fields{Date: "■利用日", Merchant: "■利用先", Amount: "■利用金額", Holder: "■利用者"}, statement.Posted)
		},
	}
)

func looksRakuten(m *notice.Message) bool {
	return m.Mentions("楽天カード", "楽天") && m.HasLabel("■利用金額") &&
		(strings.Contains(m.Subject, "カード利用のお知らせ") || m.Mentions("カード利用お知らせメール"))
}

// isPreliminary: the 速報版's subject and banner say so. The 確定 subject is
// a substring of the 速報 one, so the prefix decides.
func isPreliminary(m *notice.Message) bool {
	return strings.Contains(m.Subject, "速報") || m.Mentions("【速報版】", "＜速報情報＞")
}

var brand = regexp.MustCompile(`楽天カード[（(][^）)]*[）)]`)

func parse(m *notice.Message, f notice.Fields, status statement.NoticeStatus) ([]notice.Charge, error) {
	lines := notice.Lines(m.Body())
	charges, err := f.Charges(lines)
	if err != nil {
		return nil, err
	}
	card := Issuer
	if b := brand.FindString(m.Body()); b != "" {
		card = b
	}
	for i := range charges {
		charges[i].Card.Name = card
		charges[i].Status = status
	}
	return charges, nil
}
