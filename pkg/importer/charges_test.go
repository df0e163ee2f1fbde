package importer

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

func TestTrimmed(t *testing.T) {
	if Trimmed(make([]statement.Charge, 0, 10)) != nil {
		t.Fatal("no charges: want nil")
	}
	for _, tt := range []struct {
		name     string
		n, room  int
		wantCopy bool
	}{
		{"exact", 1000, 1000, false},
		{"a little over", 1000, 1200, false},
		{"far over: a file of lines that are no rows", 500, 1000, true},
	} {
		cs := make([]statement.Charge, tt.n, tt.room)
		for i := range cs {
			cs[i].Source.Line = i + 1
		}
		got := Trimmed(cs)
		if len(got) != tt.n || cap(got) != tt.n || got[tt.n-1].Source.Line != tt.n {
			t.Errorf("%s: len %d cap %d", tt.name, len(got), cap(got))
		}
		if copied := &got[0] != &cs[0]; copied != tt.wantCopy {
			t.Errorf("%s: copied %v, want %v", tt.name, copied, tt.wantCopy)
		}
	}
}

func TestLinkReversals(t *testing.T) {
	day := statement.NewDate(2025, 1, 5)
	ch := func(line int, merchant, amount string, kind statement.Kind) statement.Charge {
		d, _ := ParseAmount(amount)
		return statement.Charge{Date: day, Merchant: merchant, Amount: d, Kind: kind, Source: statement.Source{File: "f.csv", Line: line}}
	}
	cs := []statement.Charge{
		ch(1, "AMAZON", "1200", statement.Purchase),
		ch(2, "NHK", "1100", statement.Purchase),
		ch(3, "NHK", "1100", statement.Purchase),
		ch(4, "AMAZON", "-1200", statement.Refund), // repeats line 1
		ch(5, "NHK", "-1100", statement.Refund),    // line 2 or 3: nothing says which
		ch(6, "APPLE", "-500", statement.Refund),   // no such purchase
		ch(7, "AMAZON", "-1200", statement.Refund), // line 1 is taken
		ch(8, "AMAZON", "-1100", statement.Refund), // NHK's amount, another merchant
	}
	LinkReversals(cs, []int{3, 4, 5, 6, 7})
	want := map[int]int{3: 1}
	for i, c := range cs {
		if c.Reverses.Line != want[i] {
			t.Errorf("charge at line %d reverses line %d, want %d", c.Source.Line, c.Reverses.Line, want[i])
		}
	}
}

func TestNamesKindIsKindOf(t *testing.T) {
	in := &Input{names: &Names{}}
	for _, m := range []string{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "口座振替", "ご入金ありがとうございます", "リボ利息", "年会費", "分割手数料", "年会費割引"} {
		for _, a := range []string{"100", "-100", "0"} {
			amt, _ := ParseAmount(a)
			key, kind := in.Kind(m, amt)
			if want := KindOf(key, amt); kind != want {
				t.Errorf("Kind(%s, %s) = %s, KindOf says %s", m, a, kind, want)
			}
		}
	}
}

func TestHeaderPrefixSuffix(t *testing.T) {
	h := NewHeader([]string{"利用日", "利用店名・商品名", "支払月", "１０月支払金額", "11月繰越残高", "ご利用金額（キャッシングでは元金になります）"})
	for _, tt := range []struct {
		got, want int
		what      string
	}{
		{h.IndexPrefix("利用店名"), 1, "prefix 利用店名"},
		{h.IndexPrefix("ご利用金額"), 5, "prefix ご利用金額"},
		{h.IndexSuffix("月支払金額"), 3, "suffix 月支払金額"},
		{h.IndexSuffix("月繰越残高"), 4, "suffix 月繰越残高"},
		{h.IndexSuffix("支払月"), -1, "suffix 支払月 (the name alone is no match)"},
		{h.IndexPrefix("手数料"), -1, "missing prefix"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %d, want %d", tt.what, tt.got, tt.want)
		}
	}
	if got := TrimHonorific("ヤマダ タロウ         様"); got != "ヤマダ タロウ" {
		t.Errorf("TrimHonorific = %q", got)
	}
}

// TestRowsInvalidAcrossReads checks that a mark of invalid bytes is found
// wherever the decoded text is cut between reads, and that valid text split
// inside a character is not taken for invalid.
func TestRowsInvalidAcrossReads(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want int // errors
	}{
		{"cp932 valid", append([]byte(strings.Repeat("a,b\r\n", 2000)), 0x82, 0xa0, ',', 'x', '\r', '\n'), 0},
		{"cp932 invalid", append([]byte(strings.Repeat("a,b\r\n", 2000)), 0x82, 0x0d, ',', 'x', '\r', '\n'), 1},
		{"utf8 bom valid", append([]byte("\xef\xbb\xbf"+strings.Repeat("あ,い\n", 3000)), "う,え\n"...), 0},
		{"utf8 bom invalid", append([]byte("\xef\xbb\xbf"+strings.Repeat("あ,い\n", 3000)), 0xe3, 0x81, ',', 'x', '\n'), 1},
		// Files that fit in the head are looked at whole.
		{"cp932 small invalid", append([]byte(strings.Repeat("a,b\r\n", 20)), 0x82, 0x0d, ',', 'x', '\r', '\n'), 1},
		{"utf8 bom small invalid", append([]byte("\xef\xbb\xbf"+strings.Repeat("あ,い\n", 20)), 0xe3, 0x81, ',', 'x', '\n'), 1},
		{"utf8 bom small valid", []byte("\xef\xbb\xbf" + strings.Repeat("あ,い\n", 20)), 0},
	} {
		text, err := textenc.OpenBytes(tt.data)
		if err != nil {
			t.Fatal(err)
		}
		in := &Input{Name: "f.csv", Text: text}
		rows, err := in.Rows(StrictQuotes)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n++
		}
		if len(in.errs) != tt.want {
			t.Errorf("%s (%s): %d rows, errors %v; want %d errors", tt.name, text.Encoding, n, in.errs, tt.want)
		}
	}
}

func TestEstimateLines(t *testing.T) {
	row := "2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,１,１,3480,\r\n"
	for _, tt := range []struct {
		name     string
		data     string
		min, max int
	}{
		{"small: exact", strings.Repeat(row, 10), 10, 11},
		{"large: within a few percent", strings.Repeat(row, 20000), 20000, 21000},
		{"short lines first: held to one line per 32 bytes", strings.Repeat("\n", 20000) + strings.Repeat(row, 20000), 0, (20000+20000*len(row))/rowBytes + 1},
		{"a small file of short lines", strings.Repeat("x\n", 5000), 0, 10000/rowBytes + 1},
	} {
		text, err := textenc.OpenBytes([]byte(tt.data))
		if err != nil {
			t.Fatal(err)
		}
		in := &Input{Name: "f.csv", Text: text}
		if got := in.EstimateLines(); got < tt.min || got > tt.max {
			t.Errorf("%s: EstimateLines() = %d, want %d to %d", tt.name, got, tt.min, tt.max)
		}
	}
	// Short rows in CP932 (half-width katakana, a byte each; three once
	// decoded): every line is counted.
	data, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.Repeat("2016/01/01,ｽｰﾊﾟｰ 12,980,1,1,980,\r\n", 20000)))
	if err != nil {
		t.Fatal(err)
	}
	text, err := textenc.OpenBytes(data)
	if err != nil || text.Encoding != textenc.CP932 {
		t.Fatal(err, text.Encoding)
	}
	if got := (&Input{Name: "f.csv", Text: text}).EstimateLines(); got != 20001 {
		t.Errorf("CP932: EstimateLines() = %d, want 20001", got)
	}
}
