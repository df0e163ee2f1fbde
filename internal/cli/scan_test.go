package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

type scanJSON struct {
	Findings []struct {
		ID        string `json:"id"`
		Rule      string `json:"rule"`
		Severity  string `json:"severity"`
		Message   string `json:"message"`
		CardLevel bool   `json:"card_level"`
		Charges   []map[string]string
	} `json:"findings"`
	Checked struct {
		From, To string
		Charges  int
	} `json:"checked"`
	Errors []struct{ Source, Message string } `json:"errors"`
}

func decodeScan(t *testing.T, s string) scanJSON {
	t.Helper()
	var v scanJSON
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("scan --json is not JSON: %v\n%s", err, s)
	}
	return v
}

// TestDemo is the story: the five Apple charges of 2022-01-24, and nothing
// else, at alert, exit 1 — with the sample config and with no config. The
// card's exposure in the Metaps breach is a notice of its own.
func TestDemo(t *testing.T) {
	for _, args := range [][]string{
		{"scan", "testdata/demo"},
		{"scan", "--config", "testdata/demo/config.yaml", "testdata/demo"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := cardcheck(t, nil, append(args, "--json")...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1; stderr %s", r.code, r.stderr)
			}
			v := decodeScan(t, r.stdout)
			alerts, notices := 0, 0
			for _, f := range v.Findings {
				if f.CardLevel && f.Rule == "breach-exposure" {
					notices++
					continue
				}
				if f.Severity != "alert" && f.Severity != "warning" {
					continue
				}
				alerts++
				if f.Severity != "alert" || len(f.Charges) != 5 {
					t.Errorf("finding %s %s with %d charges, want one alert with the five Apple charges", f.Rule, f.Severity, len(f.Charges))
				}
				for _, c := range f.Charges {
					if c["payee"] != "APPLE COM BILL" || c["date"] != "2022-01-24" {
						t.Errorf("flagged %v", c)
					}
				}
				if !strings.Contains(f.Message, "5 charges") {
					t.Errorf("message %q does not say why", f.Message)
				}
			}
			if alerts != 1 || notices != 1 {
				t.Errorf("%d findings at warning or alert and %d breach notices, want 1 and 1: %+v", alerts, notices, v.Findings)
			}
			if len(v.Errors) != 0 {
				t.Errorf("errors: %+v", v.Errors)
			}
			// The text report says the same for people.
			r = cardcheck(t, nil, args...)
			if r.code != 1 || strings.Count(r.stdout, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ") != 5 || !strings.Contains(r.stdout, "alert") {
				t.Errorf("text report (exit %d):\n%s", r.code, r.stdout)
			}
		})
	}
}

func TestFailOn(t *testing.T) {
	if r := cardcheck(t, nil, "scan", "--fail-on", "alert", "testdata/demo"); r.code != 1 {
		t.Errorf("--fail-on alert: exit %d", r.code)
	}
	// The first two months of the demo card are clean: exit 0. (The third
	// brings the first 会費ペイ charge, a new payee on a recurring-only card,
	// which is rightly flagged.)
	dir := t.TempDir()
	for _, f := range []string{"202111.csv", "202112.csv"} {
		copyFile(t, filepath.Join("testdata/demo", f), filepath.Join(dir, f))
	}
	r := cardcheck(t, nil, "scan", dir)
	if r.code != 0 {
		t.Errorf("clean months: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "No suspicious charges") {
		t.Errorf("clean months say:\n%s", r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"scan"},
		{"scan", "--fail-on", "loud", "testdata/demo"},
		{"scan", "--since", "2022/01/01", "testdata/demo"},
		{"scan", "no/such/dir"},
		{"nosuchcommand"},
	} {
		if r := cardcheck(t, nil, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
}

func TestSinceAndAll(t *testing.T) {
	v := decodeScan(t, cardcheck(t, nil, "scan", "--json", "--all", "testdata/demo").stdout)
	if v.Checked.Charges != 19 || v.Checked.From != "2021-10-01" || v.Checked.To != "2022-01-24" {
		t.Errorf("--all checked %+v", v.Checked)
	}
	v = decodeScan(t, cardcheck(t, nil, "scan", "--json", "--since", "2022-01-20", "testdata/demo").stdout)
	if v.Checked.Charges != 6 || v.Checked.From != "2022-01-20" {
		t.Errorf("--since checked %+v", v.Checked)
	}
	v = decodeScan(t, cardcheck(t, nil, "scan", "--json", "testdata/demo").stdout)
	if v.Checked.From != "2021-12-21" || v.Checked.To != "2022-01-24" {
		t.Errorf("default window %+v, want the 35 days up to the newest charge", v.Checked)
	}
}

func TestChargesJSON(t *testing.T) {
	r := cardcheck(t, nil, "charges", "--json", "testdata/demo")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var charges []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &charges); err != nil {
		t.Fatal(err)
	}
	if len(charges) != 19 {
		t.Errorf("%d charges, want 19", len(charges))
	}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	src := regexp.MustCompile(`^testdata/demo/2022\d\d\.csv:\d+$|^testdata/demo/2021\d\d\.csv:\d+$`)
	for _, c := range charges {
		for _, k := range []string{"date", "merchant", "payee", "amount", "currency", "card", "source"} {
			if c[k] == "" {
				t.Errorf("charge %v lacks %q", c, k)
			}
		}
		if !date.MatchString(c["date"]) || !src.MatchString(c["source"]) || c["currency"] != "JPY" {
			t.Errorf("charge %v", c)
		}
	}
	first := charges[0]
	if first["merchant"] != "東西新聞　購読料" || first["payee"] != "東西新聞 購読料" || first["amount"] != "4900" || first["date"] != "2021-10-01" {
		t.Errorf("first charge %v", first)
	}
}

func sjis(t *testing.T, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMalformedRows: each bad row is reported as path:line: reason on
// stderr, every other row still counts, and the exit code is 2 even though
// findings were printed.
func TestMalformedRows(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/demo/202202.csv", filepath.Join(dir, "202202.csv"))
	bad := sjis(t, "ヤマダ　タロウ　様,4980-00**-****-****,三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ,,,,\r\n"+
		"2021/12/01,東西新聞　購読料,4900,１,１,4900,\r\n"+
		"2021/12/32,サンプルネット光　インターネット,5280,１,１,5280,\r\n"+
		"2021/12/15,ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ,１６５０円くらい,１,１,1650,\r\n"+
		"2021/12/20,会費ペイ,3000,１,１\r\n")
	bad = append(bad, []byte("2021/12/21,\x82\x0d,100,1,1,100,\r\n")...)
	bad = append(bad, sjis(t, ",,,,,14930,\r\n")...)
	path := filepath.Join(dir, "202201.csv")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	r := cardcheck(t, nil, "charges", "--json", dir)
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	for _, want := range []string{path + ":3: invalid date", path + ":4: ", path + ":5: wrong number of fields", path + ":6: invalid bytes", path + ":7: control total mismatch"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	var charges []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &charges); err != nil {
		t.Fatal(err)
	}
	// One good row of the broken file plus the nine of the good one.
	if len(charges) != 10 {
		t.Errorf("%d charges, want 10", len(charges))
	}
	// scan still reports the Apple burst, and exits 2.
	r = cardcheck(t, nil, "scan", dir)
	if r.code != 2 || strings.Count(r.stdout, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ") != 5 {
		t.Errorf("scan with errors: exit %d\n%s", r.code, r.stdout)
	}
}

// TestHostileMerchant: a merchant name with terminal escapes cannot reach
// the terminal; JSON keeps it exactly, escaped by JSON.
func TestHostileMerchant(t *testing.T) {
	dir := t.TempDir()
	evil := "EVIL\x1b]0;pwned\x07\x1b[2J\u202eLLIB"
	// The RLO mark is no CP932 character, so this statement is in UTF-8.
	os.WriteFile(filepath.Join(dir, "evil.csv"), []byte("ヤマダ　タロウ　様,4980-00**-****-****,カード,,,,\r\n"+strings.Repeat("2025/01/05,"+evil+",1000,1,1,1000,\r\n", 3)+",,,,,3000,\r\n"), 0o644)
	r := cardcheck(t, nil, "scan", dir)
	if r.code != 1 {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	if strings.ContainsAny(r.stdout, "\x1b\x07\u202e") {
		t.Errorf("raw control characters reached the terminal:\n%q", r.stdout)
	}
	if !strings.Contains(r.stdout, `EVIL\x1b]0;pwned\x07\x1b[2J\u202eLLIB`) {
		t.Errorf("merchant not shown escaped:\n%s", r.stdout)
	}
	r = cardcheck(t, nil, "charges", "--json", dir)
	var charges []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &charges); err != nil || len(charges) != 3 || charges[0]["merchant"] != evil {
		t.Errorf("JSON lost the merchant as printed: %v %v", err, charges)
	}
}

func TestDirectoryWalk(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	copyFile(t, "testdata/demo/202111.csv", filepath.Join(dir, "a", "STATEMENT.CSV"))
	copyFile(t, "testdata/demo/202112.csv", filepath.Join(dir, "a", "b", "x.csv"))
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a statement"), 0o644)
	r := cardcheck(t, nil, "charges", "--json", dir)
	var charges []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &charges); err != nil || r.code != 0 || len(charges) != 6 {
		t.Errorf("exit %d, %d charges, %v; stderr %s", r.code, len(charges), err, r.stderr)
	}
	// The same file given twice, or downloaded twice, counts once.
	copyFile(t, "testdata/demo/202111.csv", filepath.Join(dir, "a", "b", "again.csv"))
	r = cardcheck(t, nil, "charges", "--json", dir, filepath.Join(dir, "a", "STATEMENT.CSV"))
	charges = nil
	if err := json.Unmarshal([]byte(r.stdout), &charges); err != nil || len(charges) != 6 {
		t.Errorf("duplicate download: %d charges, want 6", len(charges))
	}
}

func TestFormatsAndDetect(t *testing.T) {
	r := cardcheck(t, nil, "formats")
	if r.code != 0 || !strings.Contains(r.stdout, "vpass") || !strings.Contains(r.stdout, "三井住友カード") {
		t.Errorf("formats (exit %d):\n%s", r.code, r.stdout)
	}
	r = cardcheck(t, nil, "detect", "testdata/demo/202202.csv")
	if r.code != 0 || !strings.Contains(r.stdout, "vpass") || !strings.Contains(r.stdout, "2022-01-04 – 2022-01-24") || !strings.Contains(r.stdout, "agree") {
		t.Errorf("detect (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.csv"), []byte("what,is,this\n1,2,3\n"), 0o644)
	r = cardcheck(t, nil, "detect", filepath.Join(dir, "x.csv"))
	if r.code != 2 || !strings.Contains(r.stderr, "no format recognises") || !strings.Contains(r.stderr, "formats:") {
		t.Errorf("unknown file (exit %d): %s", r.code, r.stderr)
	}
}

// TestCSVExport: the CSV export is parseable, one row per suspect charge,
// and a merchant name cannot smuggle a formula or a line break into it.
func TestCSVExport(t *testing.T) {
	r := cardcheck(t, nil, "scan", "--csv", "testdata/demo")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || r.code != 1 {
		t.Fatalf("exit %d, %v:\n%s", r.code, err, r.stdout)
	}
	if len(rows) != 7 || rows[0][0] != "finding" || rows[1][2] == "" { // five Apple charges and the breach notice
		t.Errorf("rows %q", rows)
	}
	dir := t.TempDir()
	evil := "=HYPERLINK(\"http://x\")\r\nINJECTED"
	os.WriteFile(filepath.Join(dir, "e.csv"), []byte("ヤマダ　タロウ　様,4980-00**-****-****,カード,,,,\r\n2025/01/05,\""+strings.ReplaceAll(evil, "\"", "\"\"")+"\",1000,1,1,1000,\r\n,,,,,1000,\r\n"), 0o644)
	r = cardcheck(t, nil, "charges", "--csv", dir)
	rows, err = csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v %q", err, r.stdout)
	}
	var merchant string
	for i, h := range rows[0] {
		if h == "merchant" {
			merchant = rows[1][i]
		}
	}
	if !strings.HasPrefix(merchant, "'=") || strings.ContainsAny(merchant, "\r\n") {
		t.Errorf("merchant cell %q", merchant)
	}
}

// TestWeeklyPreliminary is the weekly cron run: the confirmed statements of
// earlier months, plus this month's preliminary (未確定) statement, which
// names no card. Its new charges are checked against the card's history, so
// the Apple charges are unknown payees of a recurring-only card.
func TestWeeklyPreliminary(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"202111.csv", "202112.csv", "202201.csv"} {
		copyFile(t, filepath.Join("testdata/demo", f), filepath.Join(dir, f))
	}
	rows := "2022/1/4,東西新聞　購読料,ご本人,1回払い,,'22/02,4900,4900,,,,,\r\n" +
		"2022/1/5,サンプルネット光　インターネット,ご本人,1回払い,,'22/02,5280,5280,,,,,\r\n" +
		"2022/1/17,ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ,ご本人,1回払い,,'22/02,1650,1650,,,,,\r\n" +
		"2022/1/20,会費ペイ,ご本人,1回払い,,'22/02,3000,3000,,,,,\r\n" +
		"2022/1/24,ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ,ご本人,1回払い,,'22/02,10000,10000,,,,,\r\n" +
		"2022/1/24,ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ,ご本人,1回払い,,'22/02,5000,5000,,,,,\r\n"
	if err := os.WriteFile(filepath.Join(dir, "meisai.csv"), sjis(t, rows), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cardcheck(t, nil, "scan", "--json", dir)
	v := decodeScan(t, r.stdout)
	if r.code != 1 || len(v.Findings) == 0 {
		t.Fatalf("exit %d, findings %+v\n%s", r.code, v.Findings, r.stderr)
	}
	f := v.Findings[0]
	if f.Severity != "alert" || len(f.Charges) != 2 || f.Charges[0]["payee"] != "APPLE COM BILL" {
		t.Errorf("finding %+v", f)
	}
	if !strings.Contains(f.Message, "recurring-only") || !strings.Contains(f.Charges[0]["card"], "4980-00**") {
		t.Errorf("not checked against the card's history: %s (card %q)", f.Message, f.Charges[0]["card"])
	}
	for _, f := range v.Findings[1:] {
		for _, c := range f.Charges {
			if c["payee"] != "APPLE COM BILL" && f.Severity != "info" && !f.CardLevel {
				t.Errorf("a recurring payment flagged: %+v", f)
			}
		}
	}
}
