package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Table lays out rows in columns aligned by display width: a full-width
// character takes two terminal cells, so byte or rune counts would misalign
// Japanese text. Cells must already be safe for the terminal.
type Table struct {
	rows [][]string
	// Right marks right-aligned columns (amounts).
	Right map[int]bool
}

// Row adds a row.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// Write prints the table with two spaces between columns and no trailing
// white space.
func (t *Table) Write(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
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
// reasons under each finding, then a summary line.
func Text(w io.Writer, res *scan.Result, findings []rules.Finding) error {
	if len(findings) > 0 {
		t := &Table{Right: map[int]bool{3: true}}
		t.Row("SEVERITY", "ID", "DATE", "AMOUNT", "MERCHANT", "CARD", "SOURCE")
		for _, f := range findings {
			for i, c := range f.Charges {
				sev, id, card := "", "", ""
				if i == 0 {
					sev, id, card = f.Severity.String(), f.ID, f.Card.Label
				}
				t.Row(sev, id, c.Date.String(), amountText(c), safetext.Terminal(c.Merchant), safetext.Terminal(card), safetext.Terminal(c.Source.String()))
			}
			for _, r := range f.Reasons {
				t.Row("", "", "", "", "↳ "+r.Rule+": "+safetext.Terminal(r.Message))
			}
		}
		// Reasons are long; keep them from widening the merchant column by
		// printing them after the aligned part.
		if err := writeTableWithNotes(w, t); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, Summary(res, findings))
	return err
}

// writeTableWithNotes aligns the charge rows and prints reason rows (those
// whose merchant cell starts with ↳) unaligned, indented under the finding.
func writeTableWithNotes(w io.Writer, t *Table) error {
	aligned := &Table{Right: t.Right}
	type note struct {
		after int
		text  string
	}
	var notes []note
	for _, r := range t.rows {
		if len(r) == 5 && strings.HasPrefix(r[4], "↳ ") {
			notes = append(notes, note{len(aligned.rows), r[4]})
			continue
		}
		aligned.Row(r...)
	}
	var b strings.Builder
	if err := aligned.Write(&b); err != nil {
		return err
	}
	lines := strings.SplitAfter(b.String(), "\n")
	var out strings.Builder
	n := 0
	for i, l := range lines {
		out.WriteString(l)
		for n < len(notes) && notes[n].after == i+1 {
			out.WriteString("    " + notes[n].text + "\n")
			n++
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

func amountText(c *statement.Charge) string {
	s := statement.FormatYen(c.Amount)
	if c.ForeignCurrency != "" {
		s += fmt.Sprintf(" (%s %s)", c.ForeignAmount.String(), c.ForeignCurrency)
	}
	return s
}

// Summary is the one-line verdict.
func Summary(res *scan.Result, findings []rules.Finding) string {
	var counts [3]int
	for _, f := range findings {
		if f.Severity >= 0 && int(f.Severity) < len(counts) {
			counts[f.Severity]++
		}
	}
	checked := fmt.Sprintf("checked %d charges", res.Checked.Charges)
	if res.Checked.Charges > 0 {
		checked += fmt.Sprintf(" from %s to %s", res.Checked.From, res.Checked.To)
	}
	checked += fmt.Sprintf(" on %d card(s)", len(res.Cards))
	if len(findings) == 0 {
		s := "No suspicious charges: " + checked
		if len(res.Errors) > 0 {
			s += fmt.Sprintf("; %d input error(s), see above", len(res.Errors))
		}
		return s + "."
	}
	var parts []string
	for i := len(counts) - 1; i >= 0; i-- {
		if counts[i] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[i], rules.Severity(i)))
		}
	}
	s := fmt.Sprintf("%d finding(s) (%s): %s", len(findings), strings.Join(parts, ", "), checked)
	if len(res.Errors) > 0 {
		s += fmt.Sprintf("; %d input error(s), see above", len(res.Errors))
	}
	return s + "."
}

// Charges writes charges as a table.
func Charges(w io.Writer, charges []*statement.Charge) error {
	t := &Table{Right: map[int]bool{1: true}}
	t.Row("DATE", "AMOUNT", "KIND", "MERCHANT", "CARD", "SOURCE")
	for _, c := range charges {
		t.Row(c.Date.String(), amountText(c), string(c.Kind), safetext.Terminal(c.Merchant), safetext.Terminal(c.Card.Label()), safetext.Terminal(c.Source.String()))
	}
	return t.Write(w)
}
