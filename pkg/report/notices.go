package report

import (
	"io"
	"strings"
	"time"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// When is a charge's date in l, with the time of day when a usage notice
// gave it: "2022-01-24 02:13".
func When(l lang.Lang, c *statement.Charge) string {
	if at := c.At(); !at.IsZero() {
		return l.Date(c.Date) + " " + at.In(statement.Tokyo).Format("15:04")
	}
	return l.Date(c.Date)
}

// Notified says how soon a usage notice told of f's first notified charge:
// the time from the charge to the notice, which is when a watch of the
// mailbox finds it (notice.found), and ok. ok is false when no charge of f
// came with a notice that gives the time of day and its sending time.
func Notified(f rules.Finding) (message.Message, bool) {
	for _, c := range f.Charges {
		n := c.Notice
		if n == nil || n.Time.IsZero() || n.Mailed.IsZero() {
			continue
		}
		issuer := c.Card.Issuer
		if issuer == "" {
			issuer = c.Card.Label()
		}
		return message.New("notice.found", message.Args{
			"issuer": message.Text(issuer), "at": message.Clock(n.Time), "mailed": message.Clock(n.Mailed),
			"after": message.Span(max(n.Mailed.Sub(n.Time), 0))}), true
	}
	return message.Message{}, false
}

// ImitationLine says what im is: where the mail is, the card company it
// imitates, its subject and why it is not the company's, in the user's
// language (an imitation without the facts, from an older state, says its
// English reason).
func ImitationLine(im scan.Imitation) message.Message {
	reason := message.Text(im.Reason)
	if !im.Why.IsZero() {
		reason = message.Nested(im.Why)
	}
	return message.New("notice.imitation", message.Args{"name": message.Text(im.Name), "issuer": message.Text(im.Issuer),
		"subject": message.Text(im.Subject), "reason": reason})
}

// NoticeSummary is the line that says what the usage notices gave, and ok;
// ok is false when the scan read no mail.
func NoticeSummary(n *scan.Notices) (message.Message, bool) {
	if n.Mails == 0 {
		return message.Message{}, false
	}
	return message.New("notice.summary", message.Args{
		"notices": message.Count(n.Read), "matched": message.Count(n.Matched), "added": message.Count(n.Added),
		"never": message.Count(len(n.NeverPosted)), "imitations": message.Count(len(n.Imitations))}), true
}

// writeNotices writes what the scan's usage notices say beyond the
// findings: the phishing imitations, the notices that never posted, the
// cards known only from notices, and a summary line.
func writeNotices(w io.Writer, l lang.Lang, n *scan.Notices) error {
	var b strings.Builder
	line := func(m message.Message) { b.WriteString(safe(message.Render(l, m)) + "\n") }
	if len(n.Imitations) > 0 {
		line(message.New("notice.heading.imitations", nil))
		for _, im := range n.Imitations {
			b.WriteString("  ")
			line(ImitationLine(im))
		}
	}
	if len(n.NeverPosted) > 0 {
		line(message.New("notice.heading.never-posted", nil))
		t := &Table{Right: map[int]bool{1: true}}
		for _, c := range n.NeverPosted {
			status := message.Render(l, message.Message{Key: "notice.status." + string(c.Notice.Status)})
			t.Row(When(l, c), amountIn(l, c), safe(c.Merchant), status, safe(c.Card.Label()), safe(c.Source.String()))
		}
		var rows strings.Builder
		if err := t.Write(&rows); err != nil {
			return err
		}
		for _, r := range strings.SplitAfter(rows.String(), "\n") {
			if r != "" {
				b.WriteString("  " + r)
			}
		}
	}
	if len(n.Unstated) > 0 {
		line(message.New("notice.heading.unstated", nil))
		for _, c := range n.Unstated {
			b.WriteString("  " + safe(c) + "\n")
		}
	}
	if m, ok := NoticeSummary(n); ok {
		line(m)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Notice is the JSON form of what a usage notice said of a charge.
type Notice struct {
	// Time is the moment of use (RFC 3339, Japan time) when the notice
	// gives the time of day.
	Time string `json:"time,omitempty"`
	// Mailed is when the card company sent the notice.
	Mailed      string `json:"mailed,omitempty"`
	Status      string `json:"status"`
	Placeholder bool   `json:"placeholder,omitempty"`
	MessageID   string `json:"message_id,omitempty"`
	Layout      string `json:"layout"`
}

// NoticeJSON converts what a notice said, or returns nil for none.
func NoticeJSON(n *statement.Notified) *Notice {
	if n == nil {
		return nil
	}
	j := &Notice{Status: string(n.Status), Placeholder: n.Placeholder, MessageID: n.MessageID, Layout: n.Layout}
	if !n.Time.IsZero() {
		j.Time = n.Time.In(statement.Tokyo).Format(time.RFC3339)
	}
	if !n.Mailed.IsZero() {
		j.Mailed = n.Mailed.In(statement.Tokyo).Format(time.RFC3339)
	}
	return j
}

// Notices is the JSON form of what a scan's usage notices gave.
type Notices struct {
	Read        int         `json:"read"`
	Matched     int         `json:"matched"`
	Added       int         `json:"added"`
	NeverPosted []Charge    `json:"never_posted"`
	Imitations  []Imitation `json:"imitations"`
	Unstated    []string    `json:"cards_without_statement"`
}

// Imitation is the JSON form of a phishing imitation of a notice.
type Imitation struct {
	Source    string `json:"source"`
	MessageID string `json:"message_id,omitempty"`
	Subject   string `json:"subject"`
	Issuer    string `json:"issuer"`
	Layout    string `json:"layout"`
	Reason    string `json:"reason"`
}

// NoticesJSON converts what the notices gave, or returns nil when the scan
// read no mail.
func NoticesJSON(n *scan.Notices) *Notices {
	if n.Mails == 0 {
		return nil
	}
	j := &Notices{Read: n.Read, Matched: n.Matched, Added: n.Added, NeverPosted: []Charge{}, Imitations: []Imitation{},
		Unstated: append([]string{}, n.Unstated...)}
	for _, c := range n.NeverPosted {
		j.NeverPosted = append(j.NeverPosted, ChargeJSON(c))
	}
	for _, im := range n.Imitations {
		j.Imitations = append(j.Imitations, Imitation{Source: im.Name, MessageID: im.MessageID, Subject: im.Subject,
			Issuer: im.Issuer, Layout: im.Layout, Reason: im.Reason})
	}
	return j
}
