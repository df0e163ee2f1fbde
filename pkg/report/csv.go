package report

import (
	"encoding/csv"
	"io"

	"github.com/gocarina/gocsv"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/rules"
)

// csvCharge is one row of the CSV export: the JSON fields, plus the finding
// a charge belongs to in a scan export.
type csvCharge struct {
	Finding         string `csv:"finding"`
	Severity        string `csv:"severity"`
	Rule            string `csv:"rule"`
	Reason          string `csv:"reason"`
	Date            string `csv:"date"`
	Merchant        string `csv:"merchant"`
	Payee           string `csv:"payee"`
	Amount          string `csv:"amount"`
	Currency        string `csv:"currency"`
	Kind            string `csv:"kind"`
	ForeignAmount   string `csv:"foreign_amount"`
	ForeignCurrency string `csv:"foreign_currency"`
	Card            string `csv:"card"`
	Holder          string `csv:"holder"`
	Source          string `csv:"source"`
}

// safe returns the row with every text cell made safe for a spreadsheet:
// merchant names are chosen by strangers, and a leading = or @ would run as a
// formula. So is a user format's foreign-currency column (issue 10: it held
// =HYPERLINK(…)). Amounts and dates are written by us and left as they are.
func (r csvCharge) safe() csvCharge {
	for _, p := range []*string{&r.Finding, &r.Severity, &r.Rule, &r.Reason, &r.Merchant, &r.Payee, &r.Kind, &r.ForeignCurrency, &r.Card, &r.Holder, &r.Source} {
		*p = safetext.CSVCell(*p)
	}
	return r
}

func csvRow(c Charge) csvCharge {
	return csvCharge{
		Date: c.Date, Merchant: c.Merchant, Payee: c.Payee, Amount: c.Amount, Currency: c.Currency, Kind: c.Kind,
		ForeignAmount: c.ForeignAmount, ForeignCurrency: c.ForeignCurrency, Card: c.Card, Holder: c.Holder, Source: c.Source,
	}
}

func writeCSV(w io.Writer, rows []csvCharge) error {
	for i := range rows {
		rows[i] = rows[i].safe()
	}
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	return gocsv.MarshalCSV(rows, cw)
}

// ChargesCSV writes charges as CSV with a header row, one charge a row.
func ChargesCSV(w io.Writer, charges []Charge) error {
	rows := make([]csvCharge, 0, len(charges))
	for _, c := range charges {
		row := csvRow(c)
		rows = append(rows, row)
	}
	return writeCSV(w, rows)
}

// FindingsCSV writes findings as CSV, one suspect charge a row, each row
// carrying its finding's id, severity, rule and reasons.
func FindingsCSV(w io.Writer, findings []rules.Finding) error {
	var rows []csvCharge
	for _, f := range findings {
		for _, c := range f.Charges {
			row := csvRow(ChargeJSON(c))
			row.Finding, row.Severity, row.Rule, row.Reason = f.ID, f.Severity.String(), f.Rule, message.Sentences(lang.EN, Messages(f))
			rows = append(rows, row)
		}
	}
	if rows == nil {
		rows = []csvCharge{}
	}
	return writeCSV(w, rows)
}
