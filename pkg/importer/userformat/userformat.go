// Package userformat turns a statement layout declared in the config into an
// importer.Format, so that a card company cardcheck has no code for works
// from day one.
//
//	formats:
//	  - name: mybank
//	    issuer: My Bank
//	    card: My Bank Visa 1234
//	    header: [利用日, 利用店名, 利用金額]   # the header row holds all of these
//	    columns: {date: 利用日, merchant: 利用店名, amount: 利用金額}
//	    date_layout: "2006/1/2"              # Go layout; empty reads every usual form
//	    sign: charges-positive               # or charges-negative
package userformat

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Spec is a user-defined format as written in the config.
type Spec struct {
	// Name identifies the format; it is registered as "user:NAME".
	Name string `yaml:"name"`
	// Issuer and Card name the card company and the card for reports.
	Issuer string `yaml:"issuer"`
	Card   string `yaml:"card"`
	// Encoding is "auto" (default: BOM, then UTF-8, then CP932), "utf-8" or
	// "cp932" ("shift_jis" is read as CP932).
	Encoding string `yaml:"encoding"`
	// Header lists words that all appear in the header row; the first line
	// holding them all is the header and rows follow it. Files are recognised
	// by it.
	Header []string `yaml:"header"`
	// Match is a regular expression matched against the beginning of a file
	// to recognise it, for layouts without a header row.
	Match string `yaml:"match"`
	// Skip is the number of lines before the first row, for layouts without
	// a header row.
	Skip int `yaml:"skip"`
	// Columns maps fields to columns: a header name, or a 1-based index.
	Columns Columns `yaml:"columns"`
	// DateLayout is a Go time layout ("2006/01/02"); empty accepts every form
	// Japanese statements use.
	DateLayout string `yaml:"date_layout"`
	// Sign is "charges-positive" (default: purchases positive, refunds
	// negative) or "charges-negative" (spending written as negative, as in
	// household-account exports).
	Sign string `yaml:"sign"`
}

// Columns names where each field is. Date, Merchant and Amount are required.
type Columns struct {
	Date            string `yaml:"date"`
	Merchant        string `yaml:"merchant"`
	Amount          string `yaml:"amount"`
	ForeignAmount   string `yaml:"foreign_amount"`
	ForeignCurrency string `yaml:"foreign_currency"`
	Holder          string `yaml:"holder"`
	Card            string `yaml:"card"`
}

// FieldError is a problem with one field of a Spec.
type FieldError struct {
	Field string // YAML path below the spec, e.g. "columns.date"
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Err: fmt.Errorf(format, args...)}
}

// Validate returns every problem with s.
func (s *Spec) Validate() []error {
	var errs []error
	if !regexp.MustCompile(`^[A-Za-z0-9_.-]+$`).MatchString(s.Name) {
		errs = append(errs, fieldErr("name", "name %q: use letters, digits, '-', '_' or '.'", s.Name))
	}
	switch strings.ToLower(s.Encoding) {
	case "", "auto", "utf-8", "utf8", "cp932", "shift_jis", "sjis", "windows-31j":
	default:
		errs = append(errs, fieldErr("encoding", "encoding %q: want auto, utf-8 or cp932", s.Encoding))
	}
	if len(s.Header) == 0 && s.Match == "" {
		errs = append(errs, fieldErr("header", "give header (words of the header row) or match (a regular expression) so that cardcheck can recognise the files"))
	}
	if s.Match != "" {
		if _, err := regexp.Compile(s.Match); err != nil {
			errs = append(errs, fieldErr("match", "match: %v", err))
		}
	}
	if s.Skip < 0 {
		errs = append(errs, fieldErr("skip", "skip must not be negative"))
	}
	for field, v := range map[string]string{"date": s.Columns.Date, "merchant": s.Columns.Merchant, "amount": s.Columns.Amount} {
		if v == "" {
			errs = append(errs, fieldErr("columns", "columns.%s is required", field))
		}
	}
	for field, v := range s.Columns.all() {
		if _, isIndex := index(v); !isIndex && v != "" && len(s.Header) == 0 {
			errs = append(errs, fieldErr("columns."+field, "column %q is a header name, but the format has no header: use a 1-based index", v))
		}
		if i, isIndex := index(v); isIndex && i < 0 {
			errs = append(errs, fieldErr("columns."+field, "column index must be 1 or more"))
		}
	}
	switch s.Sign {
	case "", "charges-positive", "charges-negative":
	default:
		errs = append(errs, fieldErr("sign", "sign %q: want charges-positive or charges-negative", s.Sign))
	}
	if s.DateLayout != "" {
		ref := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
		if t, err := time.Parse(s.DateLayout, ref.Format(s.DateLayout)); err != nil || !t.Equal(ref) {
			errs = append(errs, fieldErr("date_layout", "date_layout %q does not hold a year, month and day (write 2025-01-05 as Go's 2006-01-02)", s.DateLayout))
		}
	}
	return errs
}

func (c Columns) all() map[string]string {
	return map[string]string{
		"date": c.Date, "merchant": c.Merchant, "amount": c.Amount,
		"foreign_amount": c.ForeignAmount, "foreign_currency": c.ForeignCurrency,
		"holder": c.Holder, "card": c.Card,
	}
}

// index reads a 1-based column index; it returns -1, true for "0" or less.
func index(v string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, false
	}
	if n < 1 {
		return -1, true
	}
	return n - 1, true
}

// Format compiles a valid spec into an importer format named "user:NAME".
func (s Spec) Format() importer.Format {
	var match *regexp.Regexp
	if s.Match != "" {
		match = regexp.MustCompile(s.Match)
	}
	return importer.Format{
		Name:   "user:" + s.Name,
		Issuer: s.Issuer,
		Title:  "user-defined format from the config",
		Sample: strings.Join(s.Header, ","),
		Sniff: func(head string) bool {
			if match != nil && !match.MatchString(head) {
				return false
			}
			if len(s.Header) > 0 {
				return s.findHeader(importer.HeadLines(head, 64)) >= 0
			}
			return true
		},
		Parse: s.parse,
	}
}

// findHeader returns the index of the first line holding every header word.
func (s *Spec) findHeader(lines []string) int {
next:
	for i, l := range lines {
		for _, w := range s.Header {
			if !strings.Contains(l, w) {
				continue next
			}
		}
		return i
	}
	return -1
}

type colIndex struct{ date, merchant, amount, famount, fcur, holder, card int }

func (s *Spec) parse(in *importer.Input) (*statement.Statement, error) {
	switch strings.ToLower(s.Encoding) {
	case "utf-8", "utf8":
		if in.Text.Encoding == textenc.CP932 {
			return nil, message.NewError("input.not-utf8", nil, nil)
		}
	case "cp932", "shift_jis", "sjis", "windows-31j":
		if in.Text.Encoding != textenc.CP932 {
			in.Text = in.Text.As(textenc.CP932)
		}
	}
	rows, err := in.Rows(importer.LazyQuotes)
	if err != nil {
		return nil, err
	}
	label := s.Card
	if label == "" {
		label = s.Name
	}
	card := statement.Card{Issuer: s.Issuer, Name: label}
	st := &statement.Statement{Cards: []statement.Card{card}}
	var cols *colIndex
	if len(s.Header) == 0 {
		cols = s.indexColumns(nil)
	}
	n := 0
	for rows.Next() {
		n++
		if cols == nil {
			if s.findHeader([]string{strings.Join(rows.Fields, ",")}) < 0 {
				continue
			}
			cols = s.indexColumns(rows.Fields)
			if missing := cols.missing(); missing != "" {
				return st, importer.AtLineError(rows.Line, "input.no-column-named", message.Args{"column": message.Text(missing)})
			}
			continue
		}
		if n <= s.Skip || rows.Empty() {
			continue
		}
		c, ok := s.row(in, rows, cols)
		if !ok {
			continue
		}
		c.Card = card
		if cols.card >= 0 && rows.Field(cols.card) != "" {
			c.Card.Number = rows.Field(cols.card)
		}
		st.Charges = append(st.Charges, c)
	}
	if cols == nil {
		return st, message.NewError("input.no-header-holding", message.Args{"columns": message.Text(strings.Join(s.Header, ", "))}, nil)
	}
	in.TotalUnchecked(nil, "total", message.New("input.why.user", nil))
	return st, rows.Err()
}

func (s *Spec) indexColumns(header []string) *colIndex {
	find := func(v string) int {
		if v == "" {
			return -1
		}
		if i, ok := index(v); ok {
			return i
		}
		for i, h := range header {
			if strings.TrimSpace(h) == v {
				return i
			}
		}
		for i, h := range header {
			if strings.Contains(h, v) {
				return i
			}
		}
		return -2
	}
	c := s.Columns
	return &colIndex{find(c.Date), find(c.Merchant), find(c.Amount), find(c.ForeignAmount), find(c.ForeignCurrency), find(c.Holder), find(c.Card)}
}

func (c *colIndex) missing() string {
	for name, i := range map[string]int{"date": c.date, "merchant": c.merchant, "amount": c.amount, "foreign_amount": c.famount, "foreign_currency": c.fcur, "holder": c.holder, "card": c.card} {
		if i == -2 {
			return name
		}
	}
	return ""
}

func (s *Spec) row(in *importer.Input, rows *importer.Rows, cols *colIndex) (statement.Charge, bool) {
	need := max(cols.date, cols.merchant, cols.amount)
	if len(rows.Fields) <= need {
		in.Error(rows.Line, message.NewError("input.fields-least", message.Args{"n": message.Count(len(rows.Fields)), "want": message.Count(need + 1)}, importer.ErrFieldCount))
		return statement.Charge{}, false
	}
	date, err := s.date(rows.Field(cols.date))
	if err != nil {
		in.Error(rows.Line, err)
		return statement.Charge{}, false
	}
	amount, err := importer.ParseAmount(rows.Field(cols.amount))
	if err != nil {
		in.Error(rows.Line, err)
		return statement.Charge{}, false
	}
	if s.Sign == "charges-negative" {
		amount = amount.Neg()
	}
	merchant := rows.Fields[cols.merchant]
	c := statement.Charge{
		Date: date, Merchant: merchant, Amount: amount,
		Kind: statement.Purchase, Source: in.Source(rows.Line),
	}
	if amount.IsNegative() {
		c.Kind = statement.Refund
	}
	if cols.holder >= 0 {
		c.Holder = rows.Field(cols.holder)
	}
	if cols.famount >= 0 && rows.Field(cols.famount) != "" {
		fa, err := importer.ParseAmount(rows.Field(cols.famount))
		if err != nil {
			in.Error(rows.Line, importer.AroundError("input.user.foreign", nil, err))
			return statement.Charge{}, false
		}
		c.ForeignAmount = fa
		if cols.fcur >= 0 {
			c.ForeignCurrency = strings.ToUpper(importer.Fold(rows.Field(cols.fcur)))
		}
	}
	return c, true
}

func (s *Spec) date(v string) (statement.Date, error) {
	if s.DateLayout == "" {
		return importer.ParseDate(v)
	}
	t, err := time.Parse(s.DateLayout, importer.Fold(v))
	if err != nil {
		return 0, message.NewError("input.bad-date-layout", message.Args{"text": message.Text(v), "layout": message.Text(s.DateLayout)}, importer.ErrBadDate)
	}
	return statement.NewDate(t.Year(), t.Month(), t.Day()), nil
}
