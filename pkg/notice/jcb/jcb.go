// Package jcb reads JCB's usage notices (and those of JCB-issued co-brands):
// the real-time ショッピングご利用のお知らせ, the （売上到着分） digest of uses
// not notified when made, and the 取消 notice (notifications.md §3.3). The
// real-time and 売上到着分 mails cover different uses and never overlap.
package jcb

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Issuer is the card company's name.
const Issuer = "JCB"

var domains = []string{"jcb.co.jp"}

// RealTime, Arrived and Cancel are JCB's three notice mails.
var (
	RealTime = notice.Layout{
		Name: "jcb", Issuer: Issuer, Title: "ショッピングご利用のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool {
			return looksJCB(m) && !isArrived(m) && !isCancel(m) && m.HasLabel("【ご利用金額】")
		},
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, notice.Fields{Date: "【ご利用日時(日本時間)】", Amount: "【ご利用金額】", Merchant: "【ご利用先】"}, statement.Authorised)
		},
	}
	Arrived = notice.Layout{
		Name: "jcb-arrived", Issuer: Issuer, Title: "（売上到着分）ショッピングご利用のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool {
			return looksJCB(m) && isArrived(m) && m.HasLabel("【ご利用金額】")
		},
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			return parse(m, notice.Fields{Date: "【ご利用日】", Amount: "【ご利用金額】", Merchant: "【ご利用先】",
				Start: func(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, " 　"), "◆ご利用") }}, statement.Posted)
		},
	}
	Cancel = notice.Layout{
		Name: "jcb-cancel", Issuer: Issuer, Title: "ショッピング取消のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksJCB(m) && isCancel(m) && !isArrived(m) },
		Parse: func(m *notice.Message) ([]notice.Charge, error) {
			charges, err := parse(m, notice.Fields{Date: "【日時(日本時間)】", Amount: "【金額】", Merchant: "【ご利用先】"}, statement.Authorised)
			for i := range charges {
				// The amount reads "- 650円（取消）"; the subject says it
				// all the same when the note is missing.
				charges[i].Amount = charges[i].Amount.Abs().Neg()
				charges[i].ForeignAmount = charges[i].ForeignAmount.Abs().Neg()
			}
			return charges, err
		},
	}
)

func looksJCB(m *notice.Message) bool {
	return m.Mentions("JCB", "ＪＣＢ") && (strings.Contains(m.Subject, "ショッピング") || m.HasLabel("【ご利用金額】") || m.HasLabel("【金額】"))
}

func isArrived(m *notice.Message) bool { return m.Mentions("売上到着分") }

func isCancel(m *notice.Message) bool {
	return strings.Contains(m.Subject, "取消のお知らせ") || m.HasLabel("【金額】") && m.HasLabel("【日時(日本時間)】")
}

func parse(m *notice.Message, f notice.Fields, status statement.NoticeStatus) ([]notice.Charge, error) {
	lines := notice.Lines(m.Body())
	charges, err := f.Charges(lines)
	if err != nil {
		return nil, err
	}
	card := ""
	if v, ok := notice.Value(lines, "カード名称"); ok {
		card = v.Value
	}
	holder := notice.Holder(lines)
	for i := range charges {
		charges[i].Card.Name = card
		charges[i].Holder = holder
		charges[i].Status = status
	}
	return charges, nil
}
