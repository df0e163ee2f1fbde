// Package smbc reads 三井住友カード's usage notices (Vpass, Olive, NL and
// co-brands): ご利用のお知らせ, sent at each authorisation, and
// ご利用明細のお知らせ, a digest of posted uses and returns
// (notifications.md §3.1).
package smbc

import (
	"regexp"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Issuer is the card company's name.
const Issuer = "三井住友カード"

// domains are the registrable domains SMBC sends notices from: Vpass
// (statement@vpass.ne.jp) and Olive debit (smbc-debit@smbc-card.com).
var domains = []string{"vpass.ne.jp", "smbc-card.com"}

var fields = notice.Fields{Date: "◇利用日", Merchant: "◇利用先", Kind: "◇利用取引", Amount: "◇利用金額"}

// Notice is the per-authorisation mail; Digest the mail of posted items.
var (
	Notice = notice.Layout{
		Name: "smbc", Issuer: Issuer, Title: "ご利用のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksSMBC(m) && !isDigest(m) },
		Parse:  func(m *notice.Message) ([]notice.Charge, error) { return parse(m, statement.Authorised) },
	}
	Digest = notice.Layout{
		Name: "smbc-digest", Issuer: Issuer, Title: "ご利用明細のお知らせ", Domains: domains,
		Claims: func(m *notice.Message) bool { return looksSMBC(m) && isDigest(m) },
		Parse:  func(m *notice.Message) ([]notice.Charge, error) { return parse(m, statement.Posted) },
	}
)

// looksSMBC: the mail speaks in SMBC's name and carries its charge fields,
// the ◇ lines of the text part or the ご利用日時 cell of the HTML part.
// Imitations copy both, with another sender (notifications.md §4).
func looksSMBC(m *notice.Message) bool {
	if !m.Mentions("三井住友カード", "三井住友", "Vpass", "ＳＭＢＣ", "SMBC") {
		return false
	}
	// VポイントPay, the group's prepaid card, mails its uses in a like
	// template (◇利用先　:　…); it is not a credit card's notice.
	if m.Mentions("VポイントPay", "Ｖポイント Ｐａｙ", "ＶポイントＰａｙ") {
		return false
	}
	return m.HasLabel("◇利用金額") || m.HasLabel("★利用金額") || m.HasLabel("■利用金額") ||
		m.HasLabel("ご利用日時") && m.Mentions("カードの利用内容をお知らせします")
}

func isDigest(m *notice.Message) bool {
	return strings.Contains(m.Subject, "ご利用明細のお知らせ")
}

// declined is the preamble of a notice of a use the card refused.
var declined = []string{"ご利用いただけなかった", "ご利用いただけませんでした", "ご利用できなかった"}

// isDeclined looks for the decline preamble above the first charge (a
// footer may mention declines in general).
func isDeclined(lines []notice.Line, before int) bool {
	for _, l := range lines {
		if l.N >= before {
			break
		}
		for _, w := range declined {
			if strings.Contains(l.Text, w) {
				return true
			}
		}
	}
	return false
}

func parse(m *notice.Message, status statement.NoticeStatus) ([]notice.Charge, error) {
	lines := notice.Lines(m.Body())
	for i, l := range lines {
		// One real-mail description shows ★ for ◇: the marker is not the label.
		if t := strings.TrimLeft(l.Text, " 　"); strings.HasPrefix(t, "★") {
			lines[i].Text = "◇" + strings.TrimPrefix(t, "★")
		}
	}
	var charges []notice.Charge
	var err error
	if strings.TrimSpace(m.Text) == "" {
		charges, err = parseHTML(lines)
	} else {
		charges, err = fields.Charges(lines)
	}
	if err != nil {
		return nil, err
	}
	card := ""
	if f, ok := notice.Value(lines, "ご利用カード"); ok {
		card = f.Value
	} else if c := cardOfHTML(lines); c != "" {
		card = c
	}
	holder := notice.Holder(lines)
	if len(charges) > 0 && isDeclined(lines, charges[0].Source.Line) {
		status = statement.Declined
	}
	for i := range charges {
		charges[i].Card.Name = card
		charges[i].Holder = holder
		charges[i].Status = status
	}
	return charges, nil
}

var (
	cellMerchant = regexp.MustCompile(`^(.+)（(買物|取消|返品)）$`)
	cardSentence = regexp.MustCompile(`^(.+)についてカードの利用内容をお知らせします`)
)

// parseHTML reads the HTML part as flattened: a "ご利用日時：…" cell, then the
// "<merchant>（買物）" cell, then the "N円" cell.
func parseHTML(lines []notice.Line) ([]notice.Charge, error) {
	var out []notice.Charge
	for i := 0; i < len(lines); i++ {
		v, ok := notice.Cut(lines[i].Text, "ご利用日時")
		if !ok {
			continue
		}
		var cells []notice.Line
		for j := i + 1; j < len(lines) && len(cells) < 2; j++ {
			if strings.TrimSpace(lines[j].Text) != "" {
				cells = append(cells, lines[j])
			}
		}
		if len(cells) < 2 {
			return nil, notice.Errorf(lines[i].N, "ご利用日時 is not followed by the merchant and the amount")
		}
		mm := cellMerchant.FindStringSubmatch(strings.TrimSpace(cells[0].Text))
		if mm == nil {
			return nil, notice.Errorf(cells[0].N, "want the merchant and its transaction type, as in サンプル（買物）")
		}
		body := []notice.Line{
			{N: lines[i].N, Text: "◇利用日：" + v},
			{N: cells[0].N, Text: "◇利用先：" + mm[1]},
			{N: cells[0].N, Text: "◇利用取引：" + mm[2]},
			{N: cells[1].N, Text: "◇利用金額：" + strings.TrimSpace(cells[1].Text)},
		}
		c, err := fields.Charges(body)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
		i = cells[1].N - 1
	}
	return out, nil
}

func cardOfHTML(lines []notice.Line) string {
	for _, l := range lines {
		if m := cardSentence.FindStringSubmatch(strings.TrimSpace(l.Text)); m != nil {
			return m[1]
		}
	}
	return ""
}
