// Package notify mails cardcheck's new findings: it composes the message
// (a MIME-encoded subject, a plain-text part and an HTML part with the same
// content) and sends it over SMTP with TLS, and [Session] ties a scan to the
// state so that each finding is mailed once.
//
// Everything in a message that came from a statement (merchant names, card
// names, reasons quoting them) is made safe first: full card numbers are
// masked (package cardnum), control characters are written as visible
// escapes (package safetext), and the HTML part is built with html/template.
package notify

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Digest is what one mail reports.
type Digest struct {
	Lang lang.Lang
	// New are the findings not reported before.
	New []rules.Finding
	// Withdrawn are reported findings whose charges are gone.
	Withdrawn []state.Withdrawn
	// Open counts the findings reported before and not acknowledged.
	Open    int
	Checked scan.Checked
	Cards   int
	// Errors are the scan's input errors.
	Errors []error
	// Imitations are the mails, new in this run, that imitate a card
	// company's usage notice: phishing, said at once (watch, scan --imap).
	Imitations []scan.Imitation
}

// Empty reports whether there is nothing new to say.
func (d *Digest) Empty() bool {
	return len(d.New) == 0 && len(d.Withdrawn) == 0 && len(d.Imitations) == 0
}

// Message is a composed mail.
type Message struct {
	Lang    lang.Lang
	Subject string
	Text    string
	HTML    string
}

// maxErrors is how many input errors a mail quotes.
const maxErrors = 5

// safe makes text from a statement fit for the mail: no full card number,
// no control characters.
func safe(s string) string { return safetext.Terminal(cardnum.Mask(s)) }

type chargeView struct{ Date, Amount, Merchant string }

type findingView struct {
	Severity, ID, Card string
	Charges            []chargeView
	Reasons            []string
	// Next is what to do for someone who did not make the charges (its
	// heading first); Ack the command for someone who did.
	Next []string
	Ack  string
}

type view struct {
	Lang                            string
	Subject, Intro, WithdrawnIntro  string
	Head                            []string
	Findings, Withdrawn             []findingView
	PhishingIntro                   string
	Phishing                        []string
	Footer                          []string
	Errors                          []string
	ErrorsIntro, AckHint, Signature string
}

// Compose builds the message for d.
func Compose(d Digest) (*Message, error) {
	l := d.Lang
	if l != lang.JA {
		l = lang.EN
	}
	v := view{
		Lang:    string(l),
		Subject: subject(d, l),
		Head: []string{l.Pick("Severity", "重要度"), "ID", l.Pick("Date", "利用日"), l.Pick("Amount", "金額"),
			l.Pick("Merchant", "利用先"), l.Pick("Card", "カード")},
		Signature: l.Pick("Sent by cardcheck, which mails each finding once.", "このメールは cardcheck が送りました。同じ検出は一度だけ送ります。"),
	}
	switch {
	case len(d.New) > 0:
		ja := fmt.Sprintf("cardcheck から、まだ報告していない%sがあります。", newThings(l, d.New, false))
		if n, k := counts(d.New); k == 0 {
			ja = fmt.Sprintf("cardcheck が、まだ報告していない不審な利用を%d件見つけました。", n)
		}
		v.Intro = l.Pick(fmt.Sprintf("cardcheck found %s not reported before:", newThings(l, d.New, false)), ja)
	case len(d.Imitations) > 0:
		v.Intro = message.Render(l, message.New("notice.mail.intro", nil))
	case d.Checked.Charges == 0:
		// A run that checked nothing is never an all-clear.
		v.Intro = message.Render(l, message.New("mail.nothing-checked", nil))
	case len(d.Withdrawn) > 0 || d.Open > 0:
		v.Intro = l.Pick("cardcheck found no new suspicious charges.", "cardcheck は新たな不審な利用を見つけませんでした。")
	default:
		v.Intro = l.Pick("All clear: cardcheck found no new suspicious charges.", "異常なし: cardcheck は新たな不審な利用を見つけませんでした。")
	}
	for _, f := range d.New {
		fv := findingView{Severity: l.Severity(f.Severity), ID: f.ID, Card: safe(f.Card.Label)}
		for _, c := range f.Charges {
			fv.Charges = append(fv.Charges, chargeView{report.When(l, c), amount(l, c), safe(c.Merchant)})
		}
		for _, r := range f.Reasons {
			fv.Reasons = append(fv.Reasons, message.RuleLabel(l, r.Rule)+": "+safe(message.Render(l, r.Message)))
		}
		if m, ok := report.Notified(f); ok { // how soon the card company's notice told of it
			fv.Reasons = append(fv.Reasons, safe(message.Render(l, m)))
		}
		for _, m := range report.NextStep(f) {
			fv.Next = append(fv.Next, safe(message.Render(l, m))) // the company is named by the statement
		}
		fv.Ack = "cardcheck ack " + f.ID
		if len(fv.Next) > 0 {
			fv.Ack = message.Render(l, report.AckHint(f))
		}
		v.Findings = append(v.Findings, fv)
	}
	if len(d.New) > 0 {
		v.AckHint = l.Pick("Charges you recognise: acknowledge them with the cardcheck ack command shown, and they will no longer fail the run.",
			"ご自身の利用であれば、表示の cardcheck ack コマンドで確認済みにすると、以後は検出として扱いません。")
	}
	if len(d.Withdrawn) > 0 {
		v.WithdrawnIntro = l.Pick("Withdrawn: these charges of an earlier report are no longer on the statement (the card company reversed them):",
			"取り消し: 以前に報告した次の利用は明細から消えました（カード会社が取り消したものです）。")
		for _, w := range d.Withdrawn {
			fv := findingView{Severity: l.Pick("withdrawn", "取り消し"), ID: w.ID, Card: safe(w.Entry.Card)}
			for _, c := range w.Gone {
				fv.Charges = append(fv.Charges, chargeView{l.Date(c.Date), l.Yen(c.Amount), safe(c.Merchant)})
			}
			if s := message.Sentences(l, w.Entry.Messages()); s != "" {
				fv.Reasons = []string{l.Pick("was: ", "検出時: ") + safe(s)}
			}
			v.Withdrawn = append(v.Withdrawn, fv)
		}
	}
	if len(d.Imitations) > 0 {
		v.PhishingIntro = message.Render(l, message.New("notice.heading.imitations", nil))
		for _, im := range d.Imitations {
			v.Phishing = append(v.Phishing, safe(message.Render(l, message.New("notice.imitation", message.Args{"name": message.Text(im.Name),
				"issuer": message.Text(im.Issuer), "subject": message.Text(im.Subject), "reason": message.Text(im.Reason)}))))
		}
	}
	v.Footer = append(v.Footer, checked(d, l))
	if d.Open > 0 {
		v.Footer = append(v.Footer, l.Pick(
			fmt.Sprintf("Still open from earlier mails: %s (cardcheck scan shows %s, cardcheck ack ID closes one).", l.Count(d.Open, "finding", ""), them(d.Open)),
			fmt.Sprintf("以前にお知らせした検出のうち、未確認のものが%sあります（cardcheck scan で表示、cardcheck ack ID で確認済みにできます）。", l.Count(d.Open, "", "件"))))
	}
	if len(d.Errors) > 0 {
		v.ErrorsIntro = l.Pick(
			fmt.Sprintf("%s: some of the statements could not be read, and they may hide more:", l.Count(len(d.Errors), "input error", "")),
			fmt.Sprintf("読み込めなかった入力が%sあります。読めなかった部分に不審な利用があるかもしれません。", l.Count(len(d.Errors), "", "件")))
		for i, e := range d.Errors {
			if i == maxErrors {
				v.Errors = append(v.Errors, l.Pick(fmt.Sprintf("… and %d more; cardcheck scan prints them all.", len(d.Errors)-maxErrors),
					fmt.Sprintf("…ほか%d件。cardcheck scan ですべて表示されます。", len(d.Errors)-maxErrors)))
				break
			}
			v.Errors = append(v.Errors, safe(e.Error()))
		}
	}
	var html bytes.Buffer
	if err := htmlTemplate.ExecuteTemplate(&html, "mail.html", v); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	return &Message{Lang: l, Subject: v.Subject, Text: text(v), HTML: html.String()}, nil
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func amount(l lang.Lang, c *statement.Charge) string {
	s := l.Yen(c.Amount)
	if c.ForeignCurrency != "" {
		s += fmt.Sprintf(" (%s %s)", c.ForeignAmount.String(), safe(c.ForeignCurrency))
	}
	return s
}

// counts returns the suspect charges of fs and the notices about a card
// (card-level findings, whose charges are evidence, not suspects).
func counts(fs []rules.Finding) (charges, notices int) {
	for _, f := range fs {
		if f.CardLevel {
			notices++
		} else {
			charges += len(f.Charges)
		}
	}
	return charges, notices
}

// newThings says what fs hold: "5 suspicious charges and 1 notice", or in
// Japanese "不審な利用5件とお知らせ1件" ("不審な利用が5件、お知らせが1件" for a
// subject, where the card comes first).
func newThings(l lang.Lang, fs []rules.Finding, subject bool) string {
	n, k := counts(fs)
	var en, ja []string
	if n > 0 || k == 0 {
		en = append(en, l.Count(n, "suspicious charge", ""))
		ja = append(ja, fmt.Sprintf(map[bool]string{false: "不審な利用%d件", true: "不審な利用が%d件"}[subject], n))
	}
	if k > 0 {
		en = append(en, l.Count(k, "notice", ""))
		ja = append(ja, fmt.Sprintf(map[bool]string{false: "お知らせ%d件", true: "お知らせが%d件"}[subject], k))
	}
	return l.Pick(strings.Join(en, " and "), strings.Join(ja, map[bool]string{false: "と", true: "、"}[subject]))
}

func checked(d Digest, l lang.Lang) string {
	if d.Checked.Charges == 0 {
		return l.Pick(fmt.Sprintf("Checked no charges on %s.", l.Count(d.Cards, "card", "")),
			fmt.Sprintf("確認した利用はありません（カード%d枚）。", d.Cards))
	}
	return l.Pick(
		fmt.Sprintf("Checked %s from %s to %s on %s.", l.Count(d.Checked.Charges, "charge", ""),
			l.LongDate(d.Checked.From), l.LongDate(d.Checked.To), l.Count(d.Cards, "card", "")),
		fmt.Sprintf("%sから%sまでの利用%d件（カード%d枚）を確認しました。",
			l.LongDate(d.Checked.From), l.LongDate(d.Checked.To), d.Checked.Charges, d.Cards))
}

// subject is "[cardcheck] 5 suspicious charges on 三井住友カード (2022-01)"
// or its Japanese form; withdrawals and the all-clear have their own.
func subject(d Digest, l lang.Lang) string {
	var cards []string
	var dates []statement.Date
	for _, f := range d.New {
		cards = append(cards, state.CardName(f))
		if f.CardLevel {
			continue // its charges are evidence, maybe old
		}
		for _, c := range f.Charges {
			dates = append(dates, c.Date)
		}
	}
	gone := 0
	for _, w := range d.Withdrawn {
		name := w.Entry.Issuer
		if name == "" {
			name = w.Entry.Card
		}
		if len(d.New) == 0 {
			cards = append(cards, name)
			for _, c := range w.Gone {
				dates = append(dates, c.Date)
			}
		}
		gone += len(w.Gone)
	}
	on := onCards(l, cards)
	when := months(l, dates)
	if len(dates) == 0 && d.Checked.Charges > 0 {
		when = l.Month(d.Checked.To)
	}
	if when != "" {
		when = " (" + when + ")"
	}
	var s string
	switch {
	case len(d.New) > 0:
		s = l.Pick(fmt.Sprintf("%s on %s%s", newThings(l, d.New, true), on, when),
			fmt.Sprintf("%sで%s%s", on, newThings(l, d.New, true), when))
		if gone > 0 {
			s += l.Pick(fmt.Sprintf(", %d withdrawn", gone), fmt.Sprintf("、取り消し%d件", gone))
		}
	case gone > 0:
		s = l.Pick(fmt.Sprintf("%s withdrawn on %s%s", l.Count(gone, "charge", ""), on, when),
			fmt.Sprintf("%sの利用%d件が取り消されました%s", on, gone, when))
	case len(d.Imitations) > 0:
		s = message.Render(l, message.New("notice.mail.subject", message.Args{"issuer": message.Text(d.Imitations[0].Issuer)}))
	case d.Checked.Charges == 0:
		s = message.Render(l, message.New("mail.nothing-checked.subject", nil))
	default:
		s = l.Pick("No new suspicious charges"+when, "新たな不審な利用はありません"+when)
	}
	if len(d.Errors) > 0 {
		s += l.Pick(fmt.Sprintf("; %s", l.Count(len(d.Errors), "input error", "")), fmt.Sprintf("、読み込みエラー%d件", len(d.Errors)))
	}
	return "[cardcheck] " + safetext.Header(cardnum.Mask(s))
}

func onCards(l lang.Lang, names []string) string {
	set := map[string]bool{}
	var uniq []string
	for _, n := range names {
		if !set[n] {
			set[n] = true
			uniq = append(uniq, n)
		}
	}
	if len(uniq) == 1 {
		return uniq[0]
	}
	return l.Pick(fmt.Sprintf("%d cards", len(uniq)), fmt.Sprintf("カード%d枚", len(uniq)))
}

func months(l lang.Lang, dates []statement.Date) string {
	if len(dates) == 0 {
		return ""
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i] < dates[j] })
	first, last := l.Month(dates[0]), l.Month(dates[len(dates)-1])
	if first == last {
		return first
	}
	return first + l.Pick(" – ", "〜") + last
}

// text renders the plain-text part from the same view as the HTML part.
func text(v view) string {
	var b strings.Builder
	b.WriteString(v.Intro + "\n\n")
	writeFindings := func(fs []findingView) {
		for _, f := range fs {
			b.WriteString(f.Severity + "  " + f.ID + "  " + f.Card + "\n")
			t := &report.Table{Right: map[int]bool{1: true}}
			for _, c := range f.Charges {
				t.Row(c.Date, c.Amount, c.Merchant)
			}
			var rows strings.Builder
			t.Write(&rows)
			for _, line := range strings.SplitAfter(rows.String(), "\n") {
				if line != "" {
					b.WriteString("  " + line)
				}
			}
			for _, r := range f.Reasons {
				b.WriteString("  - " + r + "\n")
			}
			for i, n := range f.Next {
				if i == 0 {
					b.WriteString("  " + n + "\n")
				} else {
					b.WriteString("    " + n + "\n")
				}
			}
			if f.Ack != "" {
				b.WriteString("  " + f.Ack + "\n")
			}
			b.WriteString("\n")
		}
	}
	writeFindings(v.Findings)
	if v.AckHint != "" {
		b.WriteString(v.AckHint + "\n\n")
	}
	if len(v.Withdrawn) > 0 {
		b.WriteString(v.WithdrawnIntro + "\n\n")
		writeFindings(v.Withdrawn)
	}
	if len(v.Phishing) > 0 {
		b.WriteString(v.PhishingIntro + "\n")
		for _, p := range v.Phishing {
			b.WriteString("  " + p + "\n")
		}
		b.WriteString("\n")
	}
	for _, f := range v.Footer {
		b.WriteString(f + "\n")
	}
	if v.ErrorsIntro != "" {
		b.WriteString("\n" + v.ErrorsIntro + "\n")
		for _, e := range v.Errors {
			b.WriteString("  " + e + "\n")
		}
	}
	b.WriteString("\n-- \n" + v.Signature + "\n")
	return b.String()
}

//go:embed mail.html
var templates embed.FS

var htmlTemplate = template.Must(template.New("mail.html").Funcs(template.FuncMap{
	// withdrawn shows the withdrawn findings with the findings' table.
	"withdrawn": func(v view) view { v.Findings = v.Withdrawn; return v },
}).ParseFS(templates, "mail.html"))

// Outcome says what a run mailed, in l: "Mailed 5 suspicious charges to
// a@b.c.", "Mailed an all-clear to a@b.c.", "Nothing new to mail."
func Outcome(l lang.Lang, mailed bool, fresh []rules.Finding, withdrawn int, to []string) string {
	if !mailed {
		return l.Pick("Nothing new to mail.", "新たにメールで送るものはありません。")
	}
	addr := strings.Join(to, ", ")
	var en, ja []string
	if len(fresh) > 0 {
		en = append(en, newThings(l, fresh, false))
		ja = append(ja, newThings(l, fresh, false))
	}
	if withdrawn > 0 {
		en = append(en, "the withdrawal of "+l.Count(withdrawn, "finding", ""))
		ja = append(ja, fmt.Sprintf("検出%d件の取り消し", withdrawn))
	}
	if len(en) == 0 {
		return l.Pick("Mailed an all-clear to "+addr+".", "異常なしのメールを "+addr+" に送りました。")
	}
	return l.Pick(fmt.Sprintf("Mailed %s to %s.", strings.Join(en, " and "), addr),
		fmt.Sprintf("%sを %s にメールで送りました。", strings.Join(ja, "と"), addr))
}
