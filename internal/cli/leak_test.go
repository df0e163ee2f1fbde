package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/payee"
)

// The promise of issue 10, point 1, over everything cardcheck writes: no
// output of any command, no mail and no file of the state ever holds 13 or
// more digits in a row (a card number), whatever a statement's merchant,
// cardholder, card column or amount says, once the text is folded as a
// reader would see it (payee.Fold: NFKC makes full-width, circled,
// mathematical and superscript digits digits; invisible characters are
// not there).

// cardDigits finds a card number in folded text.
var cardDigits = regexp.MustCompile(`[0-9]{13,}`)

// noCardNumber fails the test if what holds 13 digits in a row once folded.
func noCardNumber(t *testing.T, where, what string) {
	t.Helper()
	if m := cardDigits.FindString(payee.Fold(what)); m != "" {
		t.Errorf("%s holds the digits %s:\n%s", where, m, what)
	}
}

// leakFiles writes the statements of one fuzz input to dir: the demo's
// history of 4980-00**, then a month in which the merchant charges that
// card five times in a day (new payee, burst) and a card of the input's
// holder and card column (a new card) once, and the amount text in a file
// of its own, so that a bad amount spoils no other charge. The text is
// written as UTF-8, as given: commas and line breaks in it are the
// statement's problem, as in a real file.
func leakFiles(t *testing.T, dir, merchant, holder, card, amount string) {
	t.Helper()
	demo, _ := filepath.Glob("testdata/demo/20211*.csv")
	demo = append(demo, "testdata/demo/202201.csv", "testdata/demo/202202.csv")
	for _, f := range demo {
		copyFile(t, f, filepath.Join(dir, filepath.Base(f)))
	}
	var b strings.Builder
	b.WriteString("ヤマダ　タロウ　様,4980-00**-****-****,三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ,,,,\r\n")
	for range 5 {
		b.WriteString("2022/02/10," + merchant + ",9800,１,１,9800,\r\n")
	}
	b.WriteString(",,,,,49000,\r\n")
	b.WriteString(holder + "," + card + ",三井住友カード,,,,\r\n")
	b.WriteString("2022/02/11," + merchant + ",5000,１,１,5000," + merchant + "\r\n")
	b.WriteString(",,,,,5000,\r\n,,,,,54000,\r\n")
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("202203.csv", b.String())
	write("202203-amount.csv", "ヤマダ　タロウ　様,4980-00**-****-****,三井住友カード,,,,\r\n"+
		"2022/02/12,"+merchant+","+amount+",１,１,"+amount+",\r\n"+
		",,,,,"+amount+",\r\n")
}

func FuzzNoCardNumberInAnyOutput(f *testing.F) {
	f.Add("4111\u200b1111\u200b1111\u200b1112 SHOP", "ヤマダ　タロウ　様", "4980-00**-****-****", "100")
	f.Add("SHOP", "4111 1111 1111 1111", "4111.1111.1111.1111", "4111111111111111")
	f.Add("④①①①①①①①①①①①①①①②", "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟐", "⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹²", "1,100")
	f.Add("4980 - 0012 - 3456 - 7890", "4980_0012_3456_7890", "4980/0012/3456/7890", "４１１１１１１１１１１１１１１１")
	f.Add("=HYPERLINK(\"4111111111111111\")", "\x1b[31m4111111111111111", "4111\t1111\u00a01111  1111", "1234567890123")
	f.Add("PAYPAL *4111111111111111", "様", "", "411111111111.11")
	f.Fuzz(func(t *testing.T, merchant, holder, card, amount string) {
		home := t.TempDir()
		dir, state := filepath.Join(home, "statements"), filepath.Join(home, "state")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		leakFiles(t, dir, merchant, holder, card, amount)
		cfg := filepath.Join(home, "config.yaml")
		copyFile(t, "testdata/demo/config.yaml", cfg)
		cleanEnv(t, []string{"HOME=" + home})

		cmd := func(args ...string) result {
			t.Helper()
			r := run(append([]string{"--config", cfg}, args...)...)
			noCardNumber(t, strings.Join(args, " ")+": stdout", r.stdout)
			noCardNumber(t, strings.Join(args, " ")+": stderr", r.stderr)
			return r
		}
		cmd("scan", dir)
		cmd("scan", "--lang", "ja", "--all", dir)
		js := cmd("scan", "--json", dir)
		cmd("scan", "--csv", dir)
		cmd("charges", dir)
		cmd("charges", "--json", dir)
		cmd("learn", dir)
		cmd("payees", dir)
		cmd("detect", filepath.Join(dir, "202203.csv"), filepath.Join(dir, "202203-amount.csv"))
		cmd("import", "--to", filepath.Join(home, "filed"), dir)

		// The state: every finding acknowledged (recorded with its charges),
		// then an id that is none, which lists the open findings.
		var ids []string
		if js.stdout != "" {
			for _, fd := range decodeScan(t, js.stdout).Findings {
				ids = append(ids, fd.ID)
			}
		}
		cmd("ack", "--state", state, "0123456789ab")
		if len(ids) > 0 {
			cmd(append([]string{"ack", "--state", state, "--fraud"}, ids...)...)
		}
		cmd("scan", "--state", state, dir)
		noCardNumberInFiles(t, state)

		// The mail, composed as scan --mail composes it, in both languages.
		composed(t, cfg, dir)

		// The config, after learn --write and allow copied the merchant.
		cmd("learn", "--write", dir)
		cmd("allow", merchant)
		noCardNumberInFiles(t, cfg)
	})
}

// noCardNumberInFiles checks every file under path (or the file itself).
func noCardNumberInFiles(t *testing.T, path string) {
	t.Helper()
	filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		noCardNumber(t, p, string(b))
		return nil
	})
}
