// Package report writes scan results for people (an aligned text table) and
// for scripts (JSON with a stable contract: later versions only add fields).
package report

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Charge is the JSON form of a charge.
type Charge struct {
	Date            string `json:"date"`
	Merchant        string `json:"merchant"`
	Payee           string `json:"payee"`
	Via             string `json:"via,omitempty"`
	Amount          string `json:"amount"`
	Currency        string `json:"currency"`
	Kind            string `json:"kind"`
	Card            string `json:"card"`
	Source          string `json:"source"`
	ForeignAmount   string `json:"foreign_amount,omitempty"`
	ForeignCurrency string `json:"foreign_currency,omitempty"`
	Holder          string `json:"holder,omitempty"`
	Format          string `json:"format,omitempty"`
	// Installments is the number of payments of a 分割/リボ purchase.
	Installments int `json:"installments,omitempty"`
	// Ref is the statement's own id for the line.
	Ref string `json:"ref,omitempty"`
	// Reverses is the source of the charge a refund reverses.
	Reverses string `json:"reverses,omitempty"`
	// Notice is what the card company's usage notice said of the charge.
	Notice *Notice `json:"notice,omitempty"`
}

// ChargeJSON converts a charge to its JSON form.
func ChargeJSON(c *statement.Charge) Charge {
	j := Charge{
		Date:     c.Date.String(),
		Merchant: c.Merchant,
		Payee:    c.Payee,
		Via:      c.Via,
		Amount:   c.Amount.String(),
		Currency: "JPY",
		Kind:     string(c.Kind),
		Card:     c.Card.Label(),
		Source:   c.Source.String(),
		Holder:   c.Holder,
		Format:   c.Format,
		Ref:      c.Ref,
		Notice:   NoticeJSON(c.Notice),
	}
	if c.Installments > 1 {
		j.Installments = c.Installments
	}
	if c.Reverses.Line > 0 {
		j.Reverses = c.Reverses.String()
	}
	if c.ForeignCurrency != "" {
		j.ForeignAmount = c.ForeignAmount.String()
		j.ForeignCurrency = c.ForeignCurrency
	}
	return j
}

// Finding is the JSON form of a finding.
type Finding struct {
	ID       string   `json:"id"`
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Reasons  []Reason `json:"reasons"`
	Card     string   `json:"card"`
	// CardLevel marks a notice about the card (a breach exposure, an
	// overdue recurring payment) rather than about suspect charges.
	CardLevel bool     `json:"card_level,omitempty"`
	Charges   []Charge `json:"charges"`
	// Notified says how soon a usage notice told of the first notified
	// charge (see [Notified]), in English.
	Notified string `json:"notified,omitempty"`
}

// Reason is the JSON form of one reason of a finding: its message in
// English and, when it differs, in Japanese.
type Reason struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	MessageJA string `json:"message_ja,omitempty"`
}

// ReasonJSON converts a reason.
func ReasonJSON(r rules.Reason) Reason {
	j := Reason{Rule: r.Rule, Severity: r.Severity.String(), Message: message.Render(lang.EN, r.Message)}
	if ja := message.Render(lang.JA, r.Message); ja != j.Message {
		j.MessageJA = ja
	}
	return j
}

// Messages returns the messages of f's reasons.
func Messages(f rules.Finding) []message.Message {
	if len(f.Reasons) == 0 {
		return []message.Message{f.Message}
	}
	ms := make([]message.Message, len(f.Reasons))
	for i, r := range f.Reasons {
		ms[i] = r.Message
	}
	return ms
}

// Checked is the JSON form of the checked window.
type Checked struct {
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
	Charges int    `json:"charges"`
}

// Error is the JSON form of an error.
type Error struct {
	Source  string `json:"source"`
	Message string `json:"message"`
}

// Scan is the JSON document `cardcheck scan --json` prints.
type Scan struct {
	Findings []Finding `json:"findings"`
	Checked  Checked   `json:"checked"`
	Errors   []Error   `json:"errors"`
	// Warnings are problems that do not change the exit code (a config
	// payee that matches nothing); added in the shape of errors.
	Warnings []Error `json:"warnings,omitempty"`
	// Notices is what the usage-notice mails gave, when any were read.
	Notices *Notices `json:"notices,omitempty"`
}

// ErrorJSON splits an error into its source and message.
func ErrorJSON(err error) Error {
	var pe *importer.ParseError
	if errors.As(err, &pe) {
		src := statement.Source{File: pe.File, Line: pe.Line}
		return Error{Source: src.String(), Message: pe.Err.Error()}
	}
	return Error{Message: err.Error()}
}

// ScanJSON converts a scan result.
func ScanJSON(res *scan.Result, findings []rules.Finding) Scan {
	out := Scan{Findings: []Finding{}, Errors: []Error{}}
	for _, f := range findings {
		jf := Finding{ID: f.ID, Rule: f.Rule, Severity: f.Severity.String(), Message: message.Sentences(lang.EN, Messages(f)),
			Reasons: []Reason{}, Card: f.Card.Label, CardLevel: f.CardLevel}
		for _, r := range f.Reasons {
			jf.Reasons = append(jf.Reasons, ReasonJSON(r))
		}
		for _, c := range f.Charges {
			jf.Charges = append(jf.Charges, ChargeJSON(c))
		}
		if m, ok := Notified(f); ok {
			jf.Notified = message.Render(lang.EN, m)
		}
		out.Findings = append(out.Findings, jf)
	}
	if res.Checked.Charges > 0 {
		out.Checked = Checked{From: res.Checked.From.String(), To: res.Checked.To.String()}
	}
	out.Checked.Charges = res.Checked.Charges
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, ErrorJSON(e))
	}
	for _, e := range res.Warnings {
		out.Warnings = append(out.Warnings, ErrorJSON(e))
	}
	out.Notices = NoticesJSON(&res.Notices)
	return out
}

// WriteJSON writes v indented, with non-ASCII text as is and HTML-sensitive
// characters escaped (so a merchant name cannot open a tag in a page that
// embeds the output).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
