package importer_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
)

// Issue 10 measured what hostile files under the 64 MiB cap cost: a 60 MiB
// line of commas took 40 s and 6 GB, a 50 MB merchant 0.9 GB and printed it
// three times, 100k small files 1.4 GB. These benchmarks show the cost now:
// bytes allocated per byte of input (B/in-B), the heap still held after the
// run (held-B), and how many bytes of messages the run produced (msg-B),
// which is where a stranger's text would be printed.

// benchHostile imports data as a Vpass file once per iteration.
func benchHostile(b *testing.B, data []byte) {
	reg := all.Registry(nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var res importer.Result
	for b.Loop() {
		res = reg.Import("hostile.csv", bytes.NewReader(data))
	}
	runtime.ReadMemStats(&after)
	msg := 0
	for _, err := range res.Errors {
		msg += len(err.Error())
	}
	for _, n := range res.Notes {
		msg += len(n.String())
	}
	if len(res.Errors) == 0 || res.Encoding != "CP932" {
		b.Fatalf("errors %v, encoding %s", res.Errors, res.Encoding)
	}
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(data)), "B/in-B")
	b.ReportMetric(float64(msg), "msg-B")
}

var vpassHead = "ヤマダ　タロウ　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n2025/01/05,ＳＨＯＰ,100,１,１,100,\r\n"

// vpassFile is a Vpass file in CP932 with body in the middle.
func vpassFile(b *testing.B, body string) []byte {
	return append(append(importertest.CP932(b, vpassHead), body...), ",,,,,100,\r\n"...)
}

// BenchmarkLineOfCommas: one 60 MiB line of commas in a Vpass file.
func BenchmarkLineOfCommas(b *testing.B) {
	benchHostile(b, vpassFile(b, strings.Repeat(",", 60<<20)+"\r\n"))
}

// BenchmarkLongMerchant: a Vpass row whose merchant is 50 MB.
func BenchmarkLongMerchant(b *testing.B) {
	benchHostile(b, vpassFile(b, "2025/01/06,"+strings.Repeat("A", 50_000_000)+",100,１,１,100,\r\n"))
}

// BenchmarkManyBrokenLines: 60 MiB of short lines that are no rows, each an
// error; a thousand are listed and the rest counted.
func BenchmarkManyBrokenLines(b *testing.B) {
	benchHostile(b, vpassFile(b, strings.Repeat("x\r\n", 20<<20)))
}

// BenchmarkManySmallFiles: a run over 100,000 small statement files in one
// folder, collected and imported, every result kept as a run keeps them.
func BenchmarkManySmallFiles(b *testing.B) {
	const n = 100_000
	dir := b.TempDir()
	data := importertest.CP932(b, vpassHead+",,,,,100,\r\n")
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.csv", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	reg := all.Registry(nil)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var held uint64
	for b.Loop() {
		files, _, errs := importer.Collect([]string{dir}, 0)
		if len(files) != n || len(errs) > 0 {
			b.Fatalf("%d files, errors %v", len(files), errs[:min(3, len(errs))])
		}
		results := make([]importer.Result, 0, n)
		for _, f := range files {
			results = append(results, reg.ImportFile(f))
		}
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		held = max(held, m.HeapAlloc-before.HeapAlloc)
		runtime.KeepAlive(results)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/n, "B/file")
	b.ReportMetric(float64(held)/n, "held-B/file")
	b.ReportMetric(float64(len(data)), "file-B")
}

// TestManyNotes: a file of a million note lines keeps a bounded number of
// notes, and says how many more there were.
func TestManyNotes(t *testing.T) {
	reg := all.Registry(nil)
	data := importertest.CP932(t, "月別ご利用明細　ヤマダ　タロウ　様,,,,,,,\r\n種別（ショッピング、キャッシング、その他）,ご利用年月日,ご利用場所,ご利用内容,ご利用金額（キャッシングでは元金になります）,支払区分,お支払開始月,備考\r\nショッピング,2025年1月5日,ＳＨＯＰ,－,100,1回払い,2025年2月,\r\nショッピング合計,,,,100,,,\r\n")
	data = append(data, bytes.Repeat(importertest.CP932(t, "※注記\r\n"), 1_000_000)...)
	res := reg.Import("notes.csv", bytes.NewReader(data))
	if len(res.Errors) > 0 || len(res.Notes) > 10001 || len(res.Notes) < 10001 {
		t.Fatalf("%d notes, errors %v", len(res.Notes), res.Errors)
	}
	last := res.Notes[len(res.Notes)-1]
	if !strings.Contains(last.String(), "990000 more") || last.Line != 1_000_004 {
		t.Errorf("last note %v", last)
	}
}

// TestLineLongerThanItsFile: a line within the limits is read even when it
// decodes longer than the whole file is on disk (a CP932 merchant name in
// half-width kana, one byte each and three in UTF-8); it was refused as a
// line over 64 KiB.
func TestLineLongerThanItsFile(t *testing.T) {
	merchant := strings.Repeat("ｱｲｳｴｵ", 200) // 1,000 bytes in CP932, 3,000 decoded
	data := importertest.CP932(t, vpassHead[:strings.Index(vpassHead, "\r\n")+2]+"2025/01/06,"+merchant+",500,１,１,500,\r\n,,,,,500,\r\n")
	path := filepath.Join(t.TempDir(), "kana.csv")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	res := all.Registry(nil).ImportFile(path)
	if len(res.Errors) != 0 || res.Statement == nil || len(res.Statement.Charges) != 1 || res.Statement.Charges[0].Merchant != merchant {
		t.Fatalf("errors %v, statement %+v", res.Errors, res.Statement)
	}
}
