package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Table lays out rows in columns aligned by display width: a full-width
// character takes two terminal cells, so byte or rune counts would misalign
// Japanese text. Cells must already be safe for the terminal.
type Table struct {
	rows  [][]string
	notes map[int]bool // rows that are notes
	// Right marks right-aligned columns (amounts).
	Right map[int]bool
}

// Row adds a row.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// Note adds a line under the last row, indented and outside the columns, so
// that long text (a finding's reasons) does not widen them.
func (t *Table) Note(text string) {
	if t.notes == nil {
		t.notes = map[int]bool{}
	}
	t.notes[len(t.rows)] = true
	t.rows = append(t.rows, []string{text})
}

// Write prints the table with two spaces between columns and no trailing
// white space.
func (t *Table) Write(w io.Writer) error {
	var widths []int
	for k, r := range t.rows {
		if t.notes[k] {
			continue
		}
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	for k, r := range t.rows {
		if t.notes[k] {
			b.WriteString("    " + r[0] + "\n")
			continue
		}
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-runewidth.StringWidth(c))
			if t.Right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Text writes findings as a table for people: one line per charge, the
// reasons under each finding, then a summary line. It is [TextWith] in
// English with no state.
func Text(w io.Writer, res *scan.Result, findings []rules.Finding) error {
	return TextWith(w, res, findings, TextOptions{})
}

// TextOptions adjust the text report.
type TextOptions struct {
	// Lang is the language; "" means English.
	Lang lang.Lang
	// Acknowledged counts the findings left out because they were
	// acknowledged (cardcheck ack).
	Acknowledged int
	// Withdrawn are reported findings whose charges are gone from a later
	// download of the statement.
	Withdrawn []state.Withdrawn
}

// TextWith writes findings as [Text] does, in opt.Lang: headings, severity
// names, dates and amounts in that language, and each reason's message in
// it. Full card numbers are masked.
func TextWith(w io.Writer, res *scan.Result, findings []rules.Finding, opt TextOptions) error {
	l := opt.Lang
	if len(findings) > 0 {
		t := &Table{Right: map[int]bool{3: true}}
		t.Row(say(l, "report.head.severity", nil), "ID", say(l, "report.head.date", nil), say(l, "report.head.amount", nil),
			say(l, "report.head.merchant", nil), say(l, "report.head.source", nil))
		// The card and the reasons are long: they go on lines of their own
		// under each finding, so the columns stay narrow enough to read.
		for _, f := range findings {
			for i, c := range f.Charges {
				sev, id := "", ""
				if i == 0 {
					sev, id = message.Severity(l, f.Severity), f.ID
				}
				t.Row(sev, id, When(l, c), amountIn(l, c), safe(c.Merchant), safe(c.Source.String()))
			}
			t.Note(safe(say(l, "report.card", message.Args{"card": message.Text(f.Card.Display())})))
			for _, r := range f.Reasons {
				t.Note("↳ " + message.RuleLabel(l, r.Rule) + ": " + safe(message.Render(l, r.Message)))
			}
			if m, ok := Notified(f); ok {
				t.Note("⏱ " + safe(message.Render(l, m)))
			}
			if steps := NextStep(f); len(steps) > 0 {
				t.Note(message.Render(l, steps[0]))
				for _, m := range steps[1:] {
					t.Note("  " + safe(message.Render(l, m))) // the company is named by the statement
				}
				t.Note(message.Render(l, AckHint(f)))
			}
		}
		if err := t.Write(w); err != nil {
			return err
		}
	}
	if err := writeWithdrawn(w, l, opt.Withdrawn); err != nil {
		return err
	}
	if err := writeNotices(w, l, &res.Notices); err != nil {
		return err
	}
	out := SummaryIn(l, res, findings) + "\n"
	if n := opt.Acknowledged; n > 0 {
		out += say(l, "report.acknowledged", message.Args{"n": message.Count(n)}) + "\n"
	}
	_, err := io.WriteString(w, out)
	return err
}

// safe makes text from a statement fit for the terminal, with any full card
// number masked.
func safe(s string) string { return safetext.Terminal(cardnum.Mask(s)) }

// writeWithdrawn lists the withdrawn findings' charges.
func writeWithdrawn(w io.Writer, l lang.Lang, ws []state.Withdrawn) error {
	if len(ws) == 0 {
		return nil
	}
	t := &Table{Right: map[int]bool{2: true}}
	for _, wd := range ws {
		for i, c := range wd.Gone {
			id, card := "", ""
			if i == 0 {
				id, card = wd.ID, wd.Entry.Card
			}
			t.Row(id, l.Date(c.Date), l.Yen(c.Amount), safe(c.Merchant), safe(card))
		}
	}
	var b strings.Builder
	b.WriteString(say(l, "report.withdrawn", nil) + "\n")
	var rows strings.Builder
	if err := t.Write(&rows); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(rows.String(), "\n") {
		if line != "" {
			b.WriteString("  " + line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func amountText(c *statement.Charge) string { return amountIn(lang.EN, c) }

func amountIn(l lang.Lang, c *statement.Charge) string {
	s := l.Yen(c.Amount)
	if c.ForeignCurrency != "" {
		s += fmt.Sprintf(" (%s %s)", c.ForeignAmount.String(), c.ForeignCurrency)
	}
	return s
}

// Summary is the one-line verdict, in English.
func Summary(res *scan.Result, findings []rules.Finding) string {
	return SummaryIn(lang.EN, res, findings)
}

// SummaryIn is the one-line verdict in l.
func SummaryIn(l lang.Lang, res *scan.Result, findings []rules.Finding) string {
	var counts [3]int
	for _, f := range findings {
		if f.Severity >= 0 && int(f.Severity) < len(counts) {
			counts[f.Severity]++
		}
	}
	if s, ok := nothingChecked(l, res); ok {
		return s
	}
	checked := message.Nested(message.New("summary.checked", message.Args{"charges": message.Count(res.Checked.Charges),
		"from": message.Date(res.Checked.From), "to": message.Date(res.Checked.To), "cards": message.Count(len(res.Cards))}))
	errors := message.Count(len(res.Errors))
	if len(findings) == 0 {
		return say(l, "summary.clean", message.Args{"checked": checked, "errors": errors})
	}
	var parts []message.Message
	for i := len(counts) - 1; i >= 0; i-- {
		if counts[i] > 0 {
			parts = append(parts, message.New("summary.count", message.Args{"n": message.Count(counts[i]),
				"severity": message.Term("severity." + severity.Severity(i).String())}))
		}
	}
	return say(l, "summary.findings", message.Args{"n": message.Count(len(findings)), "counts": message.List(parts...),
		"checked": checked, "errors": errors})
}

// say renders the catalogue's key with args in l.
func say(l lang.Lang, key string, args message.Args) string {
	return message.Render(l, message.New(key, args))
}

// nothingChecked is the verdict of a run that checked no charge: it must
// never read as a clean run. ok is false when charges were checked.
func nothingChecked(l lang.Lang, res *scan.Result) (string, bool) {
	var m message.Message
	switch {
	case res.Checked.Charges > 0:
		return "", false
	case len(res.Charges) == 0:
		m = message.New("summary.nothing-read", message.Args{"errors": message.Count(len(res.Errors))})
	default:
		m = message.New("summary.none-in-window", message.Args{"read": message.Count(len(res.Charges)), "cards": message.Count(len(res.Cards))})
	}
	return message.Render(l, m), true
}

// Charges writes charges as a table.
func Charges(w io.Writer, charges []*statement.Charge) error {
	t := &Table{Right: map[int]bool{1: true}}
	t.Row("DATE", "AMOUNT", "KIND", "MERCHANT", "CARD", "SOURCE")
	for _, c := range charges {
		t.Row(c.Date.String(), amountText(c), string(c.Kind), safe(c.Merchant), safe(c.Card.Label()), safetext.Terminal(c.Source.String()))
	}
	return t.Write(w)
}
