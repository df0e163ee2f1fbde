// Package importertest holds the checks every importer's tests share.
package importertest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Fuzz runs a fuzz target over format, seeded with the files that match the
// glob patterns in seeds (the format's fixtures). On any input the format
// must not panic, and must keep the properties [Check] tests.
func Fuzz(f *testing.F, format *importer.Format, seeds ...string) {
	n := 0
	for _, pattern := range seeds {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no seed file matches %q", seeds)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := textenc.OpenBytes(data)
		if err != nil {
			return // binary or oversized: refused before any format sees it
		}
		Check(t, data, importer.ParseWith(format, "f.csv", text))
	})
}

// Check tests the properties of a result read from data as "f.csv": every
// error is a *importer.ParseError naming the file and a line within the
// input, and every note names a line within it; every charge has a date and
// a source line within the input; purchases are never negative and refunds
// never positive; and no text of the result (charges, cards, notes, errors)
// holds a card number: once folded the way payee keys are, none has
// [cardnum.MinDigits] digits in a row, whatever the input.
func Check(t testing.TB, data []byte, res importer.Result) {
	t.Helper()
	check(t, data, "f.csv", res)
}

func check(t testing.TB, data []byte, name string, res importer.Result) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, err := range res.Errors {
		var pe *importer.ParseError
		if !errors.As(err, &pe) || pe.File != name || pe.Line < 0 || pe.Line > lines {
			t.Fatalf("error %q (%T) is not a ParseError at a line of %s (%d lines)", err, err, name, lines)
		}
		noCardNumber(t, "error", err.Error())
		noCardNumber(t, "error message", pe.Err.Error())
		noCardNumber(t, "error in Japanese", pe.In(lang.JA))
	}
	for _, n := range res.Notes {
		if n.File != name || n.Line < 1 || n.Line > lines || n.Action == "" || n.What.IsZero() {
			t.Fatalf("note %q is not at a line of %s (%d lines)", n, name, lines)
		}
		noCardNumber(t, "note", n.String(), n.In(lang.JA))
	}
	for _, c := range res.Checks {
		noCardNumber(t, "total check", c.String(), c.In(lang.JA))
	}
	if res.Statement == nil {
		return
	}
	for _, c := range res.Statement.Cards {
		noCardNumber(t, "card", c.Issuer, c.Name, c.Number, c.Label())
	}
	for _, tot := range res.Statement.Totals {
		noCardNumber(t, "total", tot.Label)
	}
	for _, c := range res.Statement.Charges {
		switch {
		case c.Date.IsZero():
			t.Fatalf("charge without a date: %+v", c)
		case c.Source.Line < 1 || c.Source.Line > lines:
			t.Fatalf("charge at line %d of %d: %+v", c.Source.Line, lines, c)
		case c.Kind == statement.Purchase && c.Amount.IsNegative():
			t.Fatalf("negative purchase: %+v", c)
		case c.Kind == statement.Refund && c.Amount.IsPositive():
			t.Fatalf("positive refund: %+v", c)
		}
		noCardNumber(t, "charge", c.Merchant, c.Payee, c.Via, c.Holder, c.ForeignCurrency, c.Ref,
			c.Card.Issuer, c.Card.Name, c.Card.Number, c.Card.Label(), c.Amount.String(), c.ForeignAmount.String())
	}
}

// noCardNumber fails t if one of texts, folded as payee keys are, holds
// cardnum.MinDigits digits in a row.
func noCardNumber(t testing.TB, what string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		run := 0
		for _, r := range payee.Fold(s) {
			if !unicode.IsDigit(r) {
				run = 0
				continue
			}
			if run++; run >= cardnum.MinDigits {
				t.Fatalf("%s text %q holds %d digits in a row once folded: a card number may leak", what, s, run)
			}
		}
	}
}

// CheckFile is [Check] for a result read from the file at path (which must
// be the name the result was read under).
func CheckFile(t testing.TB, path string, res importer.Result) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	check(t, data, path, res)
}

// Parse reads data with format as the file "f.csv" and checks the result's
// properties with [Check].
func Parse(t testing.TB, format *importer.Format, data []byte) importer.Result {
	t.Helper()
	text, err := textenc.OpenBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	res := importer.ParseWith(format, "f.csv", text)
	Check(t, data, res)
	return res
}

// WantErrors checks that res has an error on each line of want and on no
// other line, each wrapping its cause in want (nil: any cause), and that
// every error is a *importer.ParseError.
func WantErrors(t testing.TB, res importer.Result, want map[int]error) {
	t.Helper()
	got := map[int]error{}
	for _, err := range res.Errors {
		var pe *importer.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *importer.ParseError", err)
		}
		got[pe.Line] = err
	}
	for line, cause := range want {
		if err, ok := got[line]; !ok || cause != nil && !errors.Is(err, cause) {
			t.Errorf("line %d: error %v, want %v", line, err, cause)
		}
	}
	for line, err := range got {
		if _, ok := want[line]; !ok {
			t.Errorf("line %d: unexpected error %v", line, err)
		}
	}
}

// CP932 encodes s in CP932, the way most issuers write their files.
func CP932(t testing.TB, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Bench reads data, a generated file of rows charges, with format once per
// iteration of b, decoding included, and reports rows/s, bytes/s (through
// b.SetBytes), allocs/row and B/row besides the usual per-op figures.
func Bench(b *testing.B, format *importer.Format, data []byte, rows int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		text, err := textenc.OpenBytes(data)
		if err != nil {
			b.Fatal(err)
		}
		res := importer.ParseWith(format, "bench.csv", text)
		if len(res.Errors) > 0 || res.Statement == nil || len(res.Statement.Charges) != rows {
			b.Fatalf("%d charges, want %d; errors %v", len(res.Statement.Charges), rows, res.Errors[:min(3, len(res.Errors))])
		}
	}
	runtime.ReadMemStats(&after)
	n := float64(rows) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/row")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/row")
}
