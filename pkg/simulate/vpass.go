package simulate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// File is one generated statement file.
type File struct {
	Name string // base name, e.g. "card0-202201.csv"
	// Data is the file as the card company serves it: Vpass 確定 CSV in
	// CP932 with CRLF line ends.
	Data []byte
	// Lines maps the number (1-based) of each charge line to its charge.
	Lines map[int]*Charge
}

// Files returns month m's statements, one per statement group, with the
// month's injected charges when injected is set. A group with no charge
// that month has no file.
func (h *History) Files(m int, injected bool) []File {
	var out []File
	for g := 0; ; g++ {
		var cards []*Card
		for _, c := range h.Cards {
			if c.Group == g {
				cards = append(cards, c)
			}
		}
		if len(cards) == 0 {
			return out
		}
		suffix := ""
		if injected {
			suffix = "x"
		}
		y, mo, _ := h.Month(m).YMD()
		name := fmt.Sprintf("card%d-%04d%02d%s.csv", g, y, int(mo), suffix)
		if f, ok := h.file(name, cards, m, injected); ok {
			out = append(out, f)
		}
	}
}

// monthCharges returns card c's charges of month m, in date order.
func (h *History) monthCharges(c *Card, m int, injected bool) []*Charge {
	first, last := h.Month(m), h.monthEnd(m)
	skip := map[int]bool{}
	var extra []*Charge
	if injected {
		for i := range c.injected {
			ch := &c.injected[i]
			if ch.Date >= first && ch.Date <= last {
				extra = append(extra, ch)
				if ch.replaces > 0 {
					skip[ch.replaces-1] = true
				}
			}
		}
	}
	var out []*Charge
	lo, _ := slices.BinarySearchFunc(c.legit, first, func(ch Charge, d statement.Date) int { return int(ch.Date - d) })
	for i := lo; i < len(c.legit) && c.legit[i].Date <= last; i++ {
		if !skip[i] {
			out = append(out, &c.legit[i])
		}
	}
	// Injected charges come after the legitimate ones of their day: a
	// duplicate follows the charge it repeats.
	out = append(out, extra...)
	slices.SortStableFunc(out, func(a, b *Charge) int { return int(a.Date - b.Date) })
	return out
}

// file writes one statement: per card, a card line, its charges and (when
// the statement has several cards) a subtotal; then the total.
func (h *History) file(name string, cards []*Card, m int, injected bool) (File, bool) {
	var lines []string
	f := File{Name: name, Lines: map[int]*Charge{}}
	var total decimal.Decimal
	blocks := 0
	for _, c := range cards {
		if len(h.monthCharges(c, m, injected)) > 0 {
			blocks++
		}
	}
	if blocks == 0 {
		return f, false
	}
	for _, c := range cards {
		charges := h.monthCharges(c, m, injected)
		if len(charges) == 0 {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s　様,%s,%s,,,,", c.Holder, c.Number, c.Name))
		var sub decimal.Decimal
		for _, ch := range charges {
			y, mo, d := ch.Date.YMD()
			memo := ""
			if ch.Foreign != nil {
				_, rm, rd := (ch.Date + 2).YMD()
				memo = fmt.Sprintf("%s　%s　%s　%02d %02d", ch.Foreign.Amount.StringFixed(2), ch.Foreign.Currency, ch.Foreign.Rate.StringFixed(3), int(rm), rd)
			}
			amt := ch.Amount.String()
			lines = append(lines, fmt.Sprintf("%04d/%02d/%02d,%s,%s,１,１,%s,%s", y, int(mo), d, ch.Merchant, amt, amt, memo))
			f.Lines[len(lines)] = ch
			sub = sub.Add(ch.Amount)
		}
		if blocks > 1 {
			lines = append(lines, fmt.Sprintf(",,,,,%s,", sub.String()))
		}
		total = total.Add(sub)
	}
	lines = append(lines, fmt.Sprintf(",,,,,%s,", total.String()))
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\r\n")
	}
	data, err := japanese.ShiftJIS.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		// Every name the generator prints is CP932; one that is not is a
		// mistake in this package.
		panic(fmt.Sprintf("simulate: %s: not CP932: %v", name, err))
	}
	f.Data = data
	return f, true
}

// WriteDir writes every month's statements into dir: the clean ones, and
// the injected ones (names ending in "x.csv") for the months from
// InjectFrom on. It returns the files written.
func (h *History) WriteDir(dir string) ([]File, error) {
	var all []File
	for m := range h.Months {
		all = append(all, h.Files(m, false)...)
		if m >= h.InjectFrom {
			all = append(all, h.Files(m, true)...)
		}
	}
	for _, f := range all {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	return all, nil
}
