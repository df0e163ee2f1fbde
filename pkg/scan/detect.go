package scan

import (
	"errors"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Detection is what `cardcheck detect` says of one file.
type Detection struct {
	Path     string
	Format   string // "" when no format recognised the file
	Encoding string
	Cards    []string
	From, To statement.Date // period of the charges
	Charges  int
	// Totals counts the statement's control totals; TotalsOK is false when
	// one of them does not match its charges.
	Totals   int
	TotalsOK bool
	// Checks say what became of each control total the layout has, and
	// Notes which lines were no charge and no error (see importer.Result).
	Checks []importer.TotalCheck
	Notes  []importer.Note
	Errors []error
}

// Detect imports one file and describes it.
func Detect(reg *importer.Registry, path string) Detection {
	r := reg.ImportFile(path)
	d := Detection{Path: path, Encoding: string(r.Encoding), Errors: r.Errors, TotalsOK: true, Checks: r.Checks, Notes: r.Notes}
	if path == importer.Stdin {
		d.Path = importer.StdinName
	}
	if r.Format != nil {
		d.Format = r.Format.Name
	}
	for _, err := range r.Errors {
		if errors.Is(err, importer.ErrTotal) {
			d.TotalsOK = false
		}
	}
	st := r.Statement
	if st == nil {
		return d
	}
	seen := map[string]bool{}
	for _, c := range st.Cards {
		if l := c.Label(); !seen[l] {
			seen[l] = true
			d.Cards = append(d.Cards, l)
		}
	}
	d.Charges = len(st.Charges)
	d.Totals = len(st.Totals)
	for i, c := range st.Charges {
		if l := c.Card.Label(); !seen[l] {
			seen[l] = true
			d.Cards = append(d.Cards, l)
		}
		if i == 0 || c.Date < d.From {
			d.From = c.Date
		}
		if c.Date > d.To {
			d.To = c.Date
		}
	}
	return d
}
