package importer_test

import (
	"bytes"
	"errors"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/userformat"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

var update = flag.Bool("update", false, "rewrite testdata/errors/said.golden")

// saidCase is a file (or path) whose problems a test reads, and the
// catalogue entries of pkg/message/input.go they show.
type saidCase struct {
	name string
	keys []string
	errs func(t *testing.T) []error
}

// importing returns the errors of reading path with reg.
func importing(reg *importer.Registry, path string) func(t *testing.T) []error {
	return func(t *testing.T) []error { return reg.ImportFile(path).Errors }
}

// TestErrorsSaid reads statement files that have the problems people meet
// most (CP932 as the issuers ship them, real files on disk: a named pipe, a
// socket, a file over the size limit) and compares what each error says in
// English and Japanese with testdata/errors/said.golden. The English is the
// error's text as before this catalogue (the JSON report's contract); each
// error names the entry it was said from, and every entry of the input
// catalogue is met by one of the files.
func TestErrorsSaid(t *testing.T) {
	// Not t.TempDir: its name's random digits and "/001" may make a card
	// number's count of digits, which every error masks.
	dir, err := os.MkdirTemp("", "said-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	reg := all.Registry([]userformat.Spec{{Name: "bank", Header: []string{"日付", "店", "金額"},
		Columns: userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額"}, DateLayout: "2006/01/02"}})
	twice := all.Registry([]userformat.Spec{
		{Name: "bank", Header: []string{"日付", "店", "金額"}, Columns: userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額"}},
		{Name: "bank2", Header: []string{"日付", "店", "金額"}, Columns: userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額"}},
	})
	// userFormat is the registry with the "bank" format of spec: its name,
	// header and columns those of user_bank.csv unless spec says others.
	userFormat := func(spec userformat.Spec) *importer.Registry {
		spec.Name, spec.Header = "bank", []string{"日付", "店", "金額"}
		if spec.Columns == (userformat.Columns{}) {
			spec.Columns = userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額"}
		}
		return all.Registry([]userformat.Spec{spec})
	}
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	vpass := func(rows ...string) []byte {
		s := "ヤマダ　タロウ　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n" + strings.Join(rows, "\r\n") + "\r\n"
		return importertest.CP932(t, s)
	}
	rakutenHead := "\ufeff\"利用日\",\"利用店名・商品名\",\"利用者\",\"支払方法\",\"利用金額\",\"手数料/利息\",\"支払総額\",\"支払月\",\"10月支払金額\",\"当月請求額\",\"11月繰越残高\",\"11月以降請求額\"\r\n"
	// A record whose quoted fields each go on over a line, none of them
	// over the field limit, and together over the record limit.
	var long strings.Builder
	long.WriteString(rakutenHead + `"2025/09/03"`)
	for range 24 {
		long.WriteString(`,"` + strings.Repeat("x", 3000) + "\r\n" + `y"`)
	}
	long.WriteString("\r\n")
	var many []string
	for range 1003 {
		many = append(many, "2025/02/30,ＳＨＯＰ,100,１,１,100,")
	}

	cases := []saidCase{
		{"vpass rows", []string{"input.bad-date", "input.bad-amount", "input.empty-merchant", "input.encoding", "input.total", "input.total-line", "input.no-date"},
			importing(reg, "testdata/errors/vpass_rows.csv")},
		{"vpass fields", []string{"input.fields"}, importing(reg, "testdata/errors/vpass_fields.csv")},
		{"vpass cut short", []string{"input.caused", "input.cause.total", "input.missing.vpass"}, importing(reg, "testdata/errors/vpass_cut.csv")},
		{"epos cut short", []string{"input.missing.epos"}, importing(reg, "testdata/errors/epos_cut.csv")},
		{"saison cut short", []string{"input.missing.saison", "input.missing.before"}, importing(reg, "testdata/errors/saison_cut.csv")},
		{"view without its total", []string{"input.missing.before"}, importing(reg, "testdata/errors/view_no_total.csv")},
		{"aeon without its total", []string{"input.missing.aeon"}, importing(reg, "testdata/errors/aeon_no_total.csv")},
		{"jcb rows", []string{"input.cause.amount", "input.cause.date", "input.empty"}, importing(reg, "testdata/errors/jcb_rows.csv")},
		{"rakuten without a column", []string{"input.no-column"}, importing(reg, "testdata/errors/rakuten_no_column.csv")},
		{"nicos foreign amount", []string{"input.foreign"}, importing(reg, "testdata/errors/nicos_foreign.csv")},
		{"view foreign amount", []string{"input.foreign"}, importing(reg, "testdata/errors/view_foreign.csv")},
		{"amex foreign amount", []string{"input.foreign-one"}, importing(reg, "testdata/errors/amex_foreign.csv")},
		{"moneyforward copied from the web page", []string{"input.yearless"}, importing(reg, "testdata/errors/moneyforward_yearless.csv")},
		{"jcb row without a date", []string{"input.date.undated"}, importing(reg, "testdata/errors/jcb_undated.csv")},
		{"view amounts", []string{"input.amount.both", "input.amount.neither"}, importing(reg, "testdata/errors/view_amounts.csv")},
		{"rakuten 現地利用額 lines", []string{"input.local.orphan", "input.local.unread"}, importing(reg, "testdata/errors/rakuten_local.csv")},
		{"moneyforward rows", []string{"input.mf.flags", "input.mf.unnamed"}, importing(reg, "testdata/errors/moneyforward_rows.csv")},
		{"moneyforward without 金額（円）", []string{"input.at-line", "input.no-column"}, importing(reg, "testdata/errors/moneyforward_no_amount.csv")},
		{"vpass preliminary 支払予定月", []string{"input.pay-month"}, importing(reg, "testdata/errors/vpass_pay_month.csv")},
		{"user format said to be UTF-8", []string{"input.not-utf8"}, importing(userFormat(userformat.Spec{Encoding: "utf-8"}), "testdata/errors/user_bank.csv")},
		{"user format without its column", []string{"input.at-line", "input.no-column-named"},
			importing(userFormat(userformat.Spec{Columns: userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額（円）"}}), "testdata/errors/user_bank.csv")},
		{"user format said to be CP932", []string{"input.no-header-holding"}, func(t *testing.T) []error {
			// A UTF-8 file: found by its header, which read as CP932 is not there.
			return userFormat(userformat.Spec{Encoding: "cp932"}).ImportFile(file("bank_utf8.csv", []byte("日付,店,金額\n2025/01/07,ＳＨＯＰ,200\n"))).Errors
		}},
		{"zaim rows", []string{"input.zaim.method", "input.zaim.unnamed", "input.zaim.foreign"}, importing(all.Registry(nil), "testdata/errors/zaim_rows.csv")}, // the user format "bank" would take its 日付, お店 and 通貨変換前の金額
		{"mufg web rows", []string{"input.mufg.status", "input.mufg.no-status"}, importing(reg, "testdata/errors/mufgweb_status.csv")},
		{"vpass amounts around rows", []string{"input.vpass.total-line", "input.vpass.pay"},
			importing(reg, file("vpass_around.csv", vpass("2025/03/05,ＳＨＯＰ,100,１,１,100,", ",,,,,百円,", ",ＷＥＢ明細書年会費割引,,,,-百円,", ",,,,,100,")))},
		{"user format foreign amount", []string{"input.user.foreign"}, func(t *testing.T) []error {
			spec := userformat.Spec{Columns: userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額", ForeignAmount: "外貨"}}
			spec.Name, spec.Header = "bank", []string{"日付", "店", "金額"}
			return all.Registry([]userformat.Spec{spec}).ImportFile(file("bank_foreign.csv", []byte("日付,店,金額,外貨\n2025/01/07,ＳＨＯＰ,200,十ドル\n"))).Errors
		}},
		{"au pay two headers", []string{"input.at-line", "input.aupay.header"}, importing(reg, "testdata/errors/aupay_two_headers.csv")},
		{"aeon plan table header", []string{"input.aeon.plan-header"}, importing(reg, "testdata/errors/aeon_plan_header.csv")},
		{"saison charges after the total", []string{"input.after-total"}, importing(reg, "testdata/errors/saison_after_total.csv")},
		{"no header", []string{"input.no-header"}, func(t *testing.T) []error {
			// A format that looks for a header the file lacks.
			var headed importer.Registry
			headed.Register(importer.Format{Name: "headed", Sniff: func(string) bool { return true },
				Parse: func(in *importer.Input) (*statement.Statement, error) {
					_, _, err := in.HeaderRows(nil, "利用日", "利用金額")
					return nil, err
				}})
			return headed.ImportFile("testdata/errors/unknown.csv").Errors
		}},
		{"rakuten quotes", []string{"input.csv", "input.quote", "input.bare-quote", "input.fields-header", "input.bad-amount-empty"},
			importing(reg, "testdata/errors/rakuten_quotes.csv")},
		{"rakuten unclosed", []string{"input.unclosed"}, importing(reg, "testdata/errors/rakuten_unclosed.csv")},
		{"user format", []string{"input.bad-date-layout", "input.fields-least"}, importing(reg, "testdata/errors/user_bank.csv")},
		{"two user formats", []string{"input.ambiguous"}, importing(twice, "testdata/errors/user_bank.csv")},
		{"unknown", []string{"input.unknown-format"}, importing(reg, "testdata/errors/unknown.csv")},
		{"binary", []string{"input.binary"}, importing(reg, "testdata/errors/binary.csv")},
		{"no such file", []string{"input.open"}, importing(reg, filepath.Join(dir, "missing.csv"))},
		{"folder", []string{"input.not-regular", "input.kind.folder"}, importing(reg, dir)},
		{"device", []string{"input.kind.device"}, importing(reg, os.DevNull)},
		{"named pipe", []string{"input.kind.pipe"}, func(t *testing.T) []error {
			p := filepath.Join(dir, "pipe.csv")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skip("no named pipes here:", err)
			}
			return reg.ImportFile(p).Errors
		}},
		{"socket", []string{"input.kind.socket"}, func(t *testing.T) []error {
			p := filepath.Join(dir, "sock.csv")
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Skip("no unix sockets here:", err)
			}
			defer l.Close()
			_, _, errs := importer.Collect([]string{p}, 0)
			return errs
		}},
		{"too large", []string{"input.too-large"}, func(t *testing.T) []error {
			p := file("large.csv", nil)
			if err := os.Truncate(p, 64<<20+1); err != nil { // sparse: no 64 MiB written
				t.Fatal(err)
			}
			return reg.ImportFile(p).Errors
		}},
		{"run budget", []string{"input.limit.budget"}, func(t *testing.T) []error {
			p := file("budget.csv", nil)
			if err := os.Truncate(p, 2<<20); err != nil {
				t.Fatal(err)
			}
			_, _, errs := importer.Collect([]string{p}, 1<<20)
			return errs
		}},
		{"path", []string{"input.path"}, func(t *testing.T) []error {
			_, _, errs := importer.Collect([]string{filepath.Join(dir, "nothing-here")}, 0)
			return errs
		}},
		{"long line", []string{"input.limit.line"}, importing(reg, file("line.csv", vpass("2025/03/05,"+strings.Repeat("Ａ", 30000)+",100,１,１,100,", ",,,,,0,")))},
		{"long field", []string{"input.limit.field"}, importing(reg, file("field.csv", vpass("2025/03/05,"+strings.Repeat("Ａ", 3000)+",100,１,１,100,", ",,,,,0,")))},
		{"many fields", []string{"input.limit.fields"}, importing(reg, file("fields.csv", vpass("2025/03/05,ＳＨＯＰ,100,１,１,100,"+strings.Repeat(",", 300), ",,,,,0,")))},
		{"long quoted field", []string{"input.limit.quoted"}, importing(reg, file("quoted.csv",
			[]byte(rakutenHead+`"2025/09/03","`+strings.Repeat("x", 5000)+`","本人","1回払い","100","0","100","10月","100","100","0","0"`+"\r\n")))},
		{"long record", []string{"input.limit.record"}, importing(reg, file("record.csv", []byte(long.String())))},
		{"many problems", []string{"input.limit.unlisted"}, importing(reg, file("many.csv", vpass(many...)))},
	}

	var b strings.Builder
	met := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := c.errs(t)
			if len(errs) == 0 {
				t.Fatal("no errors")
			}
			for _, k := range c.keys {
				met[k] = true
			}
			b.WriteString("== " + c.name + "\n")
			for i, err := range errs {
				if i == 3 && len(errs) > 20 { // many problems: the first three and the last
					err = errs[len(errs)-1]
				} else if i > 3 && len(errs) > 20 {
					continue
				}
				en, ja := err.Error(), message.ErrorIn(lang.JA, err)
				if message.ErrorIn(lang.EN, err) != en {
					t.Errorf("%q: said in English as %q", en, message.ErrorIn(lang.EN, err))
				}
				b.WriteString("EN " + strings.ReplaceAll(en, dir, "$TMP") + "\nJA " + strings.ReplaceAll(ja, dir, "$TMP") + "\n")
			}
			keys := saidKeys(errs)
			for _, k := range c.keys {
				// Terms and the missing totals (a check's Why, in
				// TestChecksSaid) are said inside the error's message.
				if !strings.Contains(k, ".kind.") && !strings.Contains(k, ".cause.") && !strings.HasPrefix(k, "input.missing.") && k != "input.total-line" && !keys[k] {
					t.Errorf("no error said from %s (said: %v)", k, keys)
				}
			}
		})
	}

	for _, k := range message.Keys() {
		if strings.HasPrefix(k, "input.") && !checkKey(k) && !met[k] {
			t.Errorf("no file here shows %s", k)
		}
	}
	golden(t, "testdata/errors/said.golden", b.String())
}

// golden compares got with the file at path, which -update rewrites.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("this differs from %s (go test -update rewrites it):\n%s", path, got)
	}
}

// saidKeys returns the catalogue keys the errors were said from.
func saidKeys(errs []error) map[string]bool {
	keys := map[string]bool{}
	var walk func(err error)
	walk = func(err error) {
		for err != nil {
			var m *message.Error
			if errors.As(err, &m) {
				keys[m.Message.Key] = true
				err = m.Err
				continue
			}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range j.Unwrap() {
					walk(e)
				}
				return
			}
			err = errors.Unwrap(err)
		}
	}
	for _, err := range errs {
		walk(err)
	}
	return keys
}

// TestEnglishOnly lists the reasons that are still said in English inside
// the Japanese frame ("path:line: " and the English words): every error a
// format writes with its own words (Input.Errorf, fmt.Errorf, errors.New,
// Input.TotalMissing) rather than from the catalogue. A cause before them
// (invalid date, invalid amount, control total mismatch) is said in
// Japanese. The list is testdata/errors/english-only.golden; a reason
// given a catalogue entry leaves it (go test -update rewrites it).
func TestEnglishOnly(t *testing.T) {
	var b strings.Builder
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(path, "importertest") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Body != nil {
				englishIn(&b, filepath.ToSlash(path), fn.Body)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/errors/english-only.golden", b.String())
}

// verb matches a fmt verb, which says no words.
var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)

// englishIn writes the format strings of the errors made in body with
// English words to b, each after path.
func englishIn(b *strings.Builder, path string, body ast.Node) {
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		at, ok := map[string]int{"Errorf": -1, "New": 0, "TotalMissing": 2}[sel.Sel.Name]
		if x, isIdent := sel.X.(*ast.Ident); !ok || sel.Sel.Name == "New" && (!isIdent || x.Name != "errors") {
			return true
		}
		if at < 0 { // fmt.Errorf(format, …) or Input.Errorf(line, cause, format, …)
			at = 0
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "fmt" {
				at = 2
			}
		}
		if at >= len(call.Args) {
			return true
		}
		if lit, ok := call.Args[at].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil && strings.ContainsAny(verb.ReplaceAllString(s, ""), "abcdefghijklmnopqrstuvwxyz") {
				b.WriteString(path + ": " + s + "\n")
			}
		}
		return true
	})
}

// checkKey reports whether key is said in a total check rather than an
// error.
func checkKey(key string) bool {
	for _, p := range []string{"input.check", "input.outcome.", "input.sum.", "input.why.", "input.label.", "input.missing.", "input.note", "input.action."} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// TestChecksSaid says what became of the control totals of every statement
// fixture (each format, as its issuer ships it) and of the files with
// problems here, in English and Japanese, and compares them with
// testdata/errors/checks.golden: the English is what detect printed before
// the catalogue, byte for byte; every entry for checks is met.
func TestChecksSaid(t *testing.T) {
	reg := all.Registry([]userformat.Spec{{Name: "bank", Header: []string{"日付", "店", "金額"},
		Columns: userformat.Columns{Date: "日付", Merchant: "店", Amount: "金額"}, DateLayout: "2006/01/02"}})
	files, err := filepath.Glob("../../testdata/statements/*/*.csv")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("testdata/errors/*.csv")
	files = append(files, more...)
	met := map[string]bool{"input.check": true, "input.label.total": true, "input.label.subtotal-line": true, "input.note": true}
	var b, notes strings.Builder
	say := func(n importer.Note) {
		en, ja := n.String(), n.In(lang.JA)
		if err := message.Check(n.What); err != nil {
			t.Errorf("%s: %v", en, err)
		}
		met[n.What.Key], met["input.action."+string(n.Action)] = true, true
		notes.WriteString("EN " + en + "\nJA " + ja + "\n")
	}
	for _, f := range files {
		res := reg.ImportFile(f)
		for _, n := range res.Notes {
			say(n)
		}
		for _, c := range res.Checks {
			en, ja := c.String(), c.In(lang.JA)
			if en != c.In(lang.EN) {
				t.Errorf("%s: String %q, In(EN) %q", f, en, c.In(lang.EN))
			}
			if err := message.Check(c.Why); !c.Why.IsZero() && err != nil {
				t.Errorf("%s: %v", f, err)
			}
			met[c.Why.Key] = true
			met["input.outcome."+map[importer.Outcome]string{importer.Matched: "matched", importer.Mismatched: "mismatched",
				importer.Missing: "missing", importer.Unchecked: "unchecked"}[c.Outcome]] = true
			b.WriteString(filepath.ToSlash(f) + "\nEN " + en + "\nJA " + ja + "\n")
		}
	}
	// A folder with no statement, and a file with more notes than are
	// listed.
	empty := t.TempDir()
	_, folder, _ := importer.Collect([]string{empty}, 0)
	for _, n := range folder {
		n.File = "$TMP"
		say(n)
	}
	many := strings.Repeat("ヤマダ　タロウ　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n", 1) +
		strings.Repeat(",※ご利用明細の注記,,,,,\r\n", 10_005) + "2025/01/06,ＳＨＯＰ,500,１,１,500,\r\n,,,,,500,\r\n"
	if res := reg.Import("many-notes.csv", bytes.NewReader(importertest.CP932(t, many))); len(res.Notes) > 0 {
		say(res.Notes[0])
		say(res.Notes[len(res.Notes)-1])
	}
	for _, k := range message.Keys() {
		if checkKey(k) && !met[k] {
			t.Errorf("no file here shows %s", k)
		}
	}
	golden(t, "testdata/errors/checks.golden", b.String())
	golden(t, "testdata/errors/notes.golden", notes.String())
}
