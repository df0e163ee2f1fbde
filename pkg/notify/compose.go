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
	"slices"
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
		Head: []string{say(l, "mail.head.severity", nil), "ID", say(l, "mail.head.date", nil), say(l, "mail.head.amount", nil),
			say(l, "mail.head.merchant", nil), say(l, "mail.head.card", nil)},
		Signature: say(l, "mail.signature", nil),
	}
	switch {
	case len(d.New) > 0:
		things := newThings(d.New, false)
		v.Intro = say(l, "mail.intro.new", message.Args{"things": message.Nested(things),
			"charges": things.Args["charges"], "notices": things.Args["notices"]})
	case len(d.Imitations) > 0:
		v.Intro = say(l, "notice.mail.intro", nil)
	case d.Checked.Charges == 0:
		// A run that checked nothing is never an all-clear.
		v.Intro = say(l, "mail.nothing-checked", nil)
	case len(d.Withdrawn) > 0 || d.Open > 0:
		v.Intro = say(l, "mail.intro.no-new", nil)
	default:
		v.Intro = say(l, "mail.intro.all-clear", nil)
	}
	for _, f := range d.New {
		fv := findingView{Severity: message.Severity(l, f.Severity), ID: f.ID, Card: safe(f.Card.Label)}
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
		v.AckHint = say(l, "mail.ack-hint", nil)
	}
	if len(d.Withdrawn) > 0 {
		v.WithdrawnIntro = say(l, "mail.withdrawn.intro", nil)
		for _, w := range d.Withdrawn {
			fv := findingView{Severity: say(l, "mail.withdrawn", nil), ID: w.ID, Card: safe(w.Entry.Card)}
			for _, c := range w.Gone {
				fv.Charges = append(fv.Charges, chargeView{l.Date(c.Date), l.Yen(c.Amount), safe(c.Merchant)})
			}
			if s := message.Sentences(l, w.Entry.Messages()); s != "" {
				fv.Reasons = []string{safe(say(l, "mail.withdrawn.was", message.Args{"reasons": message.Text(s)}))}
			}
			v.Withdrawn = append(v.Withdrawn, fv)
		}
	}
	if len(d.Imitations) > 0 {
		v.PhishingIntro = message.Render(l, message.New("notice.heading.imitations", nil))
		for _, im := range d.Imitations {
			v.Phishing = append(v.Phishing, safe(message.Render(l, report.ImitationLine(im))))
		}
	}
	v.Footer = append(v.Footer, checked(d, l))
	if d.Open > 0 {
		v.Footer = append(v.Footer, say(l, "mail.still-open", message.Args{"n": message.Count(d.Open)}))
	}
	if len(d.Errors) > 0 {
		v.ErrorsIntro = say(l, "mail.errors.intro", message.Args{"n": message.Count(len(d.Errors))})
		for i, e := range d.Errors {
			if i == maxErrors {
				v.Errors = append(v.Errors, say(l, "mail.errors.more", message.Args{"n": message.Count(len(d.Errors) - maxErrors)}))
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

// say renders the catalogue's key with args in l.
func say(l lang.Lang, key string, args message.Args) string {
	return message.Render(l, message.New(key, args))
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
// subject, where the card comes first). Its arguments are the counts,
// charges and notices.
func newThings(fs []rules.Finding, subject bool) message.Message {
	n, k := counts(fs)
	key := "mail.things"
	if subject {
		key = "mail.things.subject"
	}
	return message.New(key, message.Args{"charges": message.Count(n), "notices": message.Count(k)})
}

func checked(d Digest, l lang.Lang) string {
	if d.Checked.Charges == 0 {
		return say(l, "mail.checked.none", message.Args{"cards": message.Count(d.Cards)})
	}
	return say(l, "mail.checked", message.Args{"charges": message.Count(d.Checked.Charges),
		"from": message.Date(d.Checked.From), "to": message.Date(d.Checked.To), "cards": message.Count(d.Cards)})
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
	when := months(dates)
	if len(dates) == 0 && d.Checked.Charges > 0 {
		when = message.List(message.New("mail.months", message.Args{"from": message.Month(d.Checked.To), "to": message.Month(d.Checked.To)}))
	}
	args := message.Args{"on": onCards(cards), "when": when, "gone": message.Count(gone)}
	var m message.Message
	switch {
	case len(d.New) > 0:
		args["things"] = message.Nested(newThings(d.New, true))
		m = message.New("mail.subject.new", args)
	case gone > 0:
		m = message.New("mail.subject.withdrawn", args)
	case len(d.Imitations) > 0:
		m = message.New("notice.mail.subject", message.Args{"issuer": message.Text(d.Imitations[0].Issuer)})
	case d.Checked.Charges == 0:
		m = message.New("mail.nothing-checked.subject", nil)
	default:
		m = message.New("mail.subject.no-new", args)
	}
	s := message.Render(l, m)
	if len(d.Errors) > 0 {
		s += say(l, "mail.subject.errors", message.Args{"n": message.Count(len(d.Errors))})
	}
	return "[cardcheck] " + safetext.Header(cardnum.Mask(s))
}

// onCards is the card the subject names: its name, or how many cards.
func onCards(names []string) message.Value {
	set := map[string]bool{}
	var uniq []string
	for _, n := range names {
		if !set[n] {
			set[n] = true
			uniq = append(uniq, n)
		}
	}
	card := ""
	if len(uniq) == 1 {
		card = uniq[0]
	}
	return message.Nested(message.New("mail.on", message.Args{"card": message.Text(card), "cards": message.Count(len(uniq))}))
}

// months is the span of months of dates (mail.months), or nothing.
func months(dates []statement.Date) message.Value {
	if len(dates) == 0 {
		return message.List()
	}
	first, last := slices.Min(dates), slices.Max(dates)
	return message.List(message.New("mail.months", message.Args{"from": message.Month(first), "to": message.Month(last)}))
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
		return say(l, "mail.outcome.nothing", nil)
	}
	addr := message.Text(strings.Join(to, ", "))
	if len(fresh) == 0 && withdrawn == 0 {
		return say(l, "mail.outcome.all-clear", message.Args{"to": addr})
	}
	things := message.List()
	if len(fresh) > 0 {
		things = message.Nested(newThings(fresh, false))
	}
	return say(l, "mail.outcome.sent", message.Args{"things": things, "withdrawn": message.Count(withdrawn), "to": addr})
}
