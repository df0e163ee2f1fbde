// Package aupay reads au PAY カード's usage notices: 【ご利用速報】, sent at
// authorisation with the placeholder カードショッピング利用 for the merchant,
// and 【ご利用詳細】, sent when uses post, one numbered block per use in a
// section per member (notifications.md §3.11). Labels sit on their own
// line with the value on the next.
package aupay

import (
	"regexp"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Issuer is the card company's name.
const Issuer = "au PAY カード"

var domains = []string{"kddi-fs.com"}

// Preliminary is the 速報; Detail the 詳細 mail.
var (
	Preliminary = notice.Layout{
		Name: "aupay-preliminary", Issuer: Issuer, Title: "【ご利用速報】", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksAuPay(m) && !isDetail(m) },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, notice.Fields{Date: "▼ご利用日時", Merchant: "▼ご利用内容", Amount: "▼ご利用金額"}, statement.Authorised)
		},
	}
	Detail = notice.Layout{
		Name: "aupay", Issuer: Issuer, Title: "【ご利用詳細】", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksAuPay(m) && isDetail(m) },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, notice.Fields{Date: "▼ご利用日", Merchant: "▼ご利用先", Amount: "▼ご利用金額",
				Start: numbered.MatchString}, statement.Posted)
		},
	}
)

var (
	numbered = regexp.MustCompile(`^\s*No\.\d+-*\s*$`)
	section  = regexp.MustCompile(`^\s*(本会員|家族会員)さま[\s　]*ご利用分`)
)

func looksAuPay(m *notice.Message) bool {
	return m.Mentions("au PAY", "ａｕ ＰＡＹ", "au PAY カード") && m.HasLabel("▼ご利用金額")
}

func isDetail(m *notice.Message) bool {
	return strings.Contains(m.Subject, "詳細") || m.HasLabel("▼ご利用先")
}

func parse(m *notice.Message, f notice.Fields, status statement.NoticeStatus) ([]notice.Charge, error) {
	lines := notice.Lines(m.Body())
	charges, err := f.Charges(lines)
	if err != nil {
		return nil, err
	}
	card := Issuer
	if v, ok := notice.Value(lines, "▼カード情報"); ok && v.Value != "" {
		card = v.Value
	}
	for i := range charges {
		charges[i].Card.Name = card
		charges[i].Status = status
		charges[i].Holder = memberAbove(lines, charges[i].Source.Line)
	}
	return charges, nil
}

// memberAbove returns the member section ("本会員", "家族会員") a line is in.
func memberAbove(lines []notice.Line, line int) string {
	who := ""
	for _, l := range lines {
		if l.N > line {
			break
		}
		if s := section.FindStringSubmatch(l.Text); s != nil {
			who = s[1]
		}
	}
	return who
}
