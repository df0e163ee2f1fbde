package fraudsim

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// TestStatementsImport writes every statement of a few cardholders (every
// layout, every kind of cardholder) and imports them with the real
// registry: no errors, each labelled line is the charge it says, in the
// layout it was written in, and every charge of the replayed months is on
// exactly one statement.
func TestStatementsImport(t *testing.T) {
	reg := all.Registry(nil)
	seen := map[Layout]bool{}
	for _, s := range Seeds(Tuning, 40) {
		h := Generate(s)
		dir := t.TempDir()
		onStatement := map[*Charge]int{}
		for _, a := range h.Accounts {
			seen[a.Layout] = true
			for k := range h.Months() {
				f, ok := h.Statement(a, k)
				if !ok {
					continue
				}
				path := filepath.Join(dir, f.Name)
				if err := os.WriteFile(path, f.Data, 0o600); err != nil {
					t.Fatal(err)
				}
				res := reg.ImportFile(path)
				if len(res.Errors) > 0 || res.Statement == nil {
					t.Fatalf("%s %s: %v", s, f.Name, res.Errors)
				}
				if res.Format.Name != string(a.Layout) {
					t.Errorf("%s %s: read as %s", s, f.Name, res.Format.Name)
				}
				lines := 0
				for i := range res.Statement.Charges {
					c := &res.Statement.Charges[i]
					ch := f.Lines[c.Source.Line]
					if ch == nil {
						t.Fatalf("%s %s:%d: imported charge %s %s on no labelled line", s, f.Name, c.Source.Line, c.Date, c.Merchant)
					}
					lines++
					if c.Date != ch.Date || statement.WholeYen(c.Amount) != ch.Yen {
						t.Errorf("%s %s:%d: imported %s ¥%s, generated %s ¥%d", s, f.Name, c.Source.Line, c.Date, c.Amount, ch.Date, ch.Yen)
					}
					if (ch.Foreign != nil) != (c.ForeignCurrency != "") && a.Layout != JCB {
						t.Errorf("%s %s:%d: foreign %v, imported currency %q", s, f.Name, c.Source.Line, ch.Foreign, c.ForeignCurrency)
					}
					if ch.Installments < 2 || onStatement[ch] == 0 {
						onStatement[ch]++
					}
				}
				if lines != len(f.Lines) {
					t.Errorf("%s %s: %d labelled lines, %d charges imported", s, f.Name, len(f.Lines), lines)
				}
			}
		}
		first, _ := h.period(h.Accounts[0], h.History)
		for _, c := range h.Cards() {
			_, last := h.period(c.Account, h.Months()-1)
			for _, ch := range c.Charges {
				if ch.Posted >= first && ch.Posted <= last && onStatement[ch] != 1 {
					t.Errorf("%s: %s ¥%d at %s is on %d statements", s, ch.Date, ch.Yen, ch.Merchant, onStatement[ch])
				}
			}
		}
	}
	for _, l := range Layouts {
		if !seen[l] {
			t.Errorf("no cardholder of the first forty uses %s", l)
		}
	}
}
