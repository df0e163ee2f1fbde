package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// readAll reads every record of data with q, and the errors.
func readAll(data string, q Quotes) (recs [][]string, lines []int, errs []error) {
	r := newRecords(strings.NewReader(data), q, int64(len(data)))
	for {
		f, line, err := r.read()
		if err == io.EOF {
			return recs, lines, errs
		}
		if err != nil {
			var re *recordError
			if !errors.As(err, &re) {
				errs = append(errs, err)
				return recs, lines, errs
			}
			errs = append(errs, err)
			lines = append(lines, -line)
			continue
		}
		recs = append(recs, append([]string(nil), f...))
		lines = append(lines, line)
	}
}

// csvAll reads data with encoding/csv; ok is false on any error.
func csvAll(data string, q Quotes) (recs [][]string, lines []int, ok bool) {
	r := csv.NewReader(strings.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = q == LazyQuotes
	for {
		f, err := r.Read()
		if err == io.EOF {
			return recs, lines, true
		}
		if err != nil {
			return nil, nil, false
		}
		line, _ := r.FieldPos(0)
		recs = append(recs, f)
		lines = append(lines, line)
	}
}

func TestRecordsLikeEncodingCSV(t *testing.T) {
	for _, data := range []string{
		"a,b,c\r\nd,e,f\r\n",
		"a,b\n\n\nc,d",
		`"a","b,c","d""e"` + "\n" + `"multi` + "\r\n" + `line",x` + "\n",
		"a,\"\"\n,\n\"\",\"\"\r\n",
		"last line without break\r",
		"x,\"quoted\r\n\r\nwith blank\",y\n",
	} {
		for _, q := range []Quotes{StrictQuotes, LazyQuotes} {
			want, wantLines, ok := csvAll(data, q)
			if !ok {
				t.Fatalf("%q: encoding/csv fails", data)
			}
			got, gotLines, errs := readAll(data, q)
			if len(errs) > 0 || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotLines, wantLines) {
				t.Errorf("%q (quotes %d): %q at %v, errors %v; encoding/csv reads %q at %v", data, q, got, gotLines, errs, want, wantLines)
			}
		}
	}
}

// FuzzRecords: where encoding/csv reads a text without error, records reads
// the same records on the same lines.
func FuzzRecords(f *testing.F) {
	for _, s := range []string{"a,b\r\n\"c\"\"d\",e\n", "\"x\ny\",z\r\n\n1,2", "a\"b,c\n", "\"a\"b\",c\n",
		"2025/01/05,ＡＭＡＺＯＮ,3480,１,１,3480,", strings.Repeat(",", MaxFields-1), "a,b\r", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, data string, lazy bool) {
		q := StrictQuotes
		if lazy {
			q = LazyQuotes
		}
		want, wantLines, ok := csvAll(data, q)
		got, gotLines, errs := readAll(data, q)
		for _, err := range errs {
			var re *recordError
			if !errors.As(err, &re) {
				t.Fatalf("%q: error %v is not a record error", data, err)
			}
		}
		if lazy && !strings.Contains(data, "\n") {
			// A sniffer's line is split as the records are read.
			var want []string
			if len(got) > 0 && len(errs) == 0 {
				want = got[0]
			}
			if fields := SplitCSVLine(data); !reflect.DeepEqual(fields, want) {
				t.Fatalf("SplitCSVLine(%q) = %q, records read %q, errors %v", data, fields, want, errs)
			}
		}
		if !ok || len(data) > MaxFieldBytes {
			return
		}
		for _, rec := range want {
			if len(rec) > MaxFields {
				return // refused by the limit, which encoding/csv has not
			}
		}
		if len(errs) > 0 || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotLines, wantLines) {
			t.Fatalf("%q (lazy %v): %q at %v, errors %v; encoding/csv reads %q at %v", data, lazy, got, gotLines, errs, want, wantLines)
		}
	})
}

// TestRecordLimits (issue 10): a record, a field or a line past its limit is
// one error naming its lines, and the records after it are read.
func TestRecordLimits(t *testing.T) {
	good := "2025/01/05,SHOP,100\n"
	for name, tt := range map[string]struct {
		bad       string
		q         Quotes
		line, end int
		unclosed  bool // a quote left open after the error swallows the rest
	}{
		"a line of commas":              {bad: strings.Repeat(",", 3<<20) + "\n", line: 2, end: 2},
		"a long merchant":               {bad: "2025/01/05," + strings.Repeat("x", 1<<20) + ",100\n", q: LazyQuotes, line: 2, end: 2},
		"a field of 5 KiB":              {bad: "2025/01/05," + strings.Repeat("x", 5<<10) + ",100\n", line: 2, end: 2},
		"many fields":                   {bad: strings.Repeat("a,", MaxFields) + "a\n", line: 2, end: 2},
		"a quoted field over lines":     {bad: "\"" + strings.Repeat(strings.Repeat("y", 1000)+"\n", 100) + "\",1\n", line: 2, end: 6, unclosed: true},
		"an unclosed quote, strict":     {bad: "\"never closed\n", line: 2, end: 3, unclosed: true},
		"a bare quote, strict":          {bad: "ab\"c,1\n", line: 2, end: 2},
		"a quote inside a quoted field": {bad: "\"a\"b,1\n", line: 2, end: 2},
	} {
		t.Run(name, func(t *testing.T) {
			recs, lines, errs := readAll(good+tt.bad+good, tt.q)
			if len(errs) == 0 || len(errs) > 1 && !tt.unclosed {
				t.Fatalf("errors %v, want one", errs)
			}
			var re *recordError
			if !errors.As(errs[0], &re) || re.line != tt.line || re.end != tt.end {
				t.Errorf("error %v at lines %d-%d, want %d-%d", errs[0], re.line, re.end, tt.line, tt.end)
			}
			if len(recs) < 1 || recs[0][1] != "SHOP" {
				t.Errorf("records %q: the good line before is lost", recs)
			}
			if len(errs[0].Error()) > 300 {
				t.Errorf("error %.300q quotes the input", errs[0])
			}
			if tt.unclosed {
				return // what follows is one quoted field to the end
			}
			if len(recs) != 2 {
				t.Errorf("records %q, lines %v: the good line after is lost", recs, lines)
			}
		})
	}
}

// TestRecordsBlankAndCR checks line counting over blank lines, CRLF and a
// final line without a break.
func TestRecordsBlankAndCR(t *testing.T) {
	recs, lines, errs := readAll("a\r\n\r\n\nb\r\nc", StrictQuotes)
	if len(errs) > 0 || !reflect.DeepEqual(lines, []int{1, 4, 5}) || len(recs) != 3 {
		t.Errorf("records %q at %v, errors %v", recs, lines, errs)
	}
	if !bytes.Equal([]byte(recs[2][0]), []byte("c")) {
		t.Errorf("last record %q", recs[2])
	}
}
