package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"

	"github.com/cardcheck/cardcheck/pkg/simulate"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// The end-to-end benchmarks run `cardcheck scan --all` as a user does, on
// generated Vpass 確定 files (CP932, CRLF) of 100,000 and 1,000,000 rows,
// on one card and on ten (one file per card), beside the floor: decoding
// the same files from CP932 and splitting them with encoding/csv, which no
// reader of these files can go below. Each reports rows/s and the bytes
// allocated per row; peak memory is measured on the built binary (see
// README, "Speed").
//
//	go test -run '^$' -bench 'Scan|Floor' -benchtime 3x ./internal/cli
//
// CARDCHECK_BENCH_DIR=dir go test -run TestWriteBenchFiles ./internal/cli
// writes the files to dir/<rows>-<cards>/ for the binary.

var benchSizes = []struct{ rows, cards int }{{100_000, 1}, {100_000, 10}, {1_000_000, 1}, {1_000_000, 10}}

func BenchmarkScanAll(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dk-rows/%d-cards", sz.rows/1000, sz.cards), func(b *testing.B) {
			dir := benchDir(b, sz.rows, sz.cards)
			b.ReportAllocs()
			b.ResetTimer()
			cpu, alloc := cpuTime(), totalAlloc()
			for range b.N {
				if code := Main([]string{"scan", "--all", "--json", "--state", b.TempDir(), dir}, strings.NewReader(""), io.Discard, io.Discard); code == 2 {
					b.Fatal("exit 2")
				}
			}
			report(b, sz.rows, cpuTime()-cpu, totalAlloc()-alloc)
		})
	}
}

// BenchmarkFloor decodes the same files from CP932 and splits them into
// records with encoding/csv, nothing else.
func BenchmarkFloor(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dk-rows/%d-cards", sz.rows/1000, sz.cards), func(b *testing.B) {
			dir := benchDir(b, sz.rows, sz.cards)
			files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
			b.ReportAllocs()
			b.ResetTimer()
			cpu, alloc := cpuTime(), totalAlloc()
			for range b.N {
				n := 0
				for _, f := range files {
					n += floor(b, f)
				}
				if n < sz.rows {
					b.Fatalf("%d records", n)
				}
			}
			report(b, sz.rows, cpuTime()-cpu, totalAlloc()-alloc)
		})
	}
}

func floor(b *testing.B, path string) int {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(transform.NewReader(f, japanese.ShiftJIS.NewDecoder()))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// report adds rows/s (wall clock), the CPU seconds per run (user and
// system, all cores: steadier than the clock on a shared machine) and the
// bytes allocated per row.
func report(b *testing.B, rows int, cpu time.Duration, alloc uint64) {
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(alloc)/float64(b.N)/float64(rows), "B/row")
}

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

// cpuTime is the process's CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestWriteBenchFiles writes the benchmark's files for the built binary.
func TestWriteBenchFiles(t *testing.T) {
	out := os.Getenv("CARDCHECK_BENCH_DIR")
	if out == "" {
		t.Skip("set CARDCHECK_BENCH_DIR to write the files")
	}
	for _, sz := range benchSizes {
		writeBenchFiles(t, filepath.Join(out, fmt.Sprintf("%d-%d", sz.rows, sz.cards)), sz.rows, sz.cards)
	}
}

// benchDir returns a folder with the generated files, made once per run.
func benchDir(b *testing.B, rows, cards int) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("cardcheck-bench-%d-%d", rows, cards))
	if _, err := os.Stat(filepath.Join(dir, "done")); err != nil {
		writeBenchFiles(b, dir, rows, cards)
		os.WriteFile(filepath.Join(dir, "done"), nil, 0o644)
	}
	return dir
}

// writeBenchFiles writes rows charges over ten years (2016–2025) on cards
// cards, one 確定 file per card: a card's life as the simulator makes it,
// compressed: about 2,000 shops visited with a long tail (a few daily,
// most now and then), eight monthly subscriptions, amounts that vary, now
// and then a refund; a tenth of rows in the latest month's window.
func writeBenchFiles(tb testing.TB, dir string, rows, cards int) {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	shops := make([]string, 2000)
	kinds := []string{"スーパー", "ドラッグ", "カフェ", "書店", "ＳＨＯＰ", "ＭＡＲＴ", "食堂", "ＳＴＯＲＥ"}
	for i := range shops {
		shops[i] = fmt.Sprintf("%s　%04d号店", kinds[i%len(kinds)], i)
	}
	subs := []struct {
		name string
		yen  int
	}{{"ＮＥＴＦＬＩＸ．ＣＯＭ", 1490}, {"ＳＰＯＴＩＦＹ", 980}, {"東京電力エナジーパートナー", 0}, {"ＮＨＫ受信料", 1100},
		{"ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", 1650}, {"会費ペイ", 3000}, {"ＡＭＡＺＯＮ　ＰＲＩＭＥ", 600}, {"ソフトバンク光", 5720}}
	first, days := 16801, 3652 // 2016-01-01 and ten years
	for c := range cards {
		r := rand.New(rand.NewPCG(uint64(c), 42))
		n := rows / cards
		var b bytes.Buffer
		fmt.Fprintf(&b, "ヤマダ　タロウ　様,4980-%02d**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n", c)
		total := 0
		line := func(day int, name string, yen int) {
			y, m, d := civilOf(first + day)
			total += yen
			fmt.Fprintf(&b, "%04d/%02d/%02d,%s,%d,１,１,%d,\r\n", y, m, d, name, yen, yen)
		}
		subsRows := len(subs) * 120
		for i := range n - subsRows {
			day := i * days / (n - subsRows)
			shop := shops[int(float64(len(shops))*r.Float64()*r.Float64()*r.Float64())]
			yen := 100 + r.IntN(8000)
			if r.IntN(200) == 0 {
				yen = -yen
			}
			line(day, shop, yen)
		}
		for m := range 120 {
			for k, s := range subs {
				yen := s.yen
				if yen == 0 {
					yen = 6000 + r.IntN(4000)
				}
				line(m*days/120+k, s.name, yen)
			}
		}
		fmt.Fprintf(&b, ",,,,,%d,\r\n", total)
		data, err := japanese.ShiftJIS.NewEncoder().Bytes(b.Bytes())
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("card%02d.csv", c)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// civilOf returns the year, month and day of a day count since 1970-01-01.
func civilOf(days int) (int, int, int) {
	t := time.Unix(int64(days)*86400, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

// BenchmarkScanTenYears runs `cardcheck scan` as cron does (each card's last
// 35 days against its history) on ten simulated cards' ten years of monthly
// statements, 確定 and 速報 (960 files, about 50,000 charges): issue 8's
// end-to-end target is 250 ms.
func BenchmarkScanTenYears(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "cardcheck-bench-ten-years")
	if _, err := os.Stat(filepath.Join(dir, "done")); err != nil {
		cards := []simulate.Profile{simulate.Personal, simulate.Family, simulate.Personal, simulate.Family, simulate.Personal,
			simulate.Personal, simulate.Personal, simulate.Personal, simulate.Personal, simulate.Corporate}
		h := simulate.Generate(simulate.Options{Seed: 42, From: statement.NewDate(2015, 1, 1), Months: 120, InjectFrom: 108, CleanPercent: 50, Cards: cards})
		os.MkdirAll(dir, 0o755)
		for m := range h.Months {
			for _, f := range h.Files(m, true) {
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
		os.WriteFile(filepath.Join(dir, "done"), nil, 0o644)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		if code := Main([]string{"scan", "--state", b.TempDir(), dir}, strings.NewReader(""), io.Discard, io.Discard); code == 2 {
			b.Fatal("exit 2")
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/op")
}
