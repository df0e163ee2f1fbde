package cli

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// TestIssue10 reproduces each item of issue 10's "Why" as the issue gives
// its command shape, through the command as the user runs it, and checks
// the behaviour the issue asks for. It needs nothing but cardcheck(t, env,
// args...), run(args...), sjis(t, text) and the repository's testdata, so
// that the same file runs against the round's base commit fa585bc, where
// every subtest fails (there the CLI tests run the binary: package main in cmd/cardcheck,
// and the concurrent runs call cardcheck instead of run). docs/SECURITY.md
// lists each item with this subtest and the package tests that cover it
// more closely.
func TestIssue10(t *testing.T) {
	root := i10Root(t)
	demo := func(t *testing.T) string { // a copy of the demo statements
		t.Helper()
		dir := t.TempDir()
		files, _ := filepath.Glob(filepath.Join(root, "testdata/demo/*.csv"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			i10Write(t, filepath.Join(dir, filepath.Base(f)), b)
		}
		return dir
	}
	demoConfig := func(t *testing.T, extra string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(root, "testdata/demo/config.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "config.yaml")
		i10Write(t, path, append(b, extra...))
		return path
	}
	const head = "ヤマダ　タロウ　様,4980-00**-****-****,三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ,,,,\r\n"

	// Card numbers leak (high).
	t.Run("card number folded into the payee key", func(t *testing.T) {
		dir := demo(t)
		merchants := []string{
			"4111\u200b1111\u200b1111\u200b1112 SHOPA", "4111\t1111\t1111\t1112 SHOPB", "4111\u00a01111\u00a01111\u00a01112 SHOPC",
			"4111  1111  1111  1112 SHOPD", "④①①①①①①①①①①①①①①② SHOPE", "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟐 SHOPF", "⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹² SHOPG",
		}
		// Monthly, so that learn establishes them as payees.
		var b strings.Builder
		b.WriteString(head)
		for _, day := range []string{"2021/10/03", "2021/11/03", "2021/12/03", "2022/01/03"} {
			for _, m := range merchants {
				b.WriteString(day + "," + m + ",990,１,１,990,\r\n")
			}
		}
		i10Write(t, filepath.Join(dir, "extra.csv"), []byte(b.String()))
		cfg := demoConfig(t, "")
		var out strings.Builder
		for _, args := range [][]string{{"scan", dir}, {"scan", "--json", dir}, {"scan", "--csv", dir}, {"charges", "--json", dir}, {"learn", dir}, {"learn", "--write", dir}} {
			r := cardcheck(t, nil, append([]string{"--config", cfg}, args...)...)
			out.WriteString(r.stdout + r.stderr)
		}
		written, _ := os.ReadFile(cfg)
		for what, text := range map[string]string{"the outputs": out.String(), "the config learn --write wrote": string(written)} {
			if i10Digits(text, "411111111111") {
				t.Errorf("%s show the card number 4111 1111 1111 1112:\n%s", what, text)
			}
		}
		if !strings.Contains(out.String(), "SHOPF") {
			t.Errorf("the charges were not read:\n%s", out.String())
		}
	})
	t.Run("card number split by any separator", func(t *testing.T) {
		dir := demo(t)
		rows := head
		for i, m := range []string{"4980 - 0012 - 3456 - 7890 SHOP", "4980.0012.3456.7890 SHOP", "4980/0012/3456/7890 SHOP", "4980_0012_3456_7890 SHOP"} {
			rows += "2022/01/2" + string(rune('0'+i)) + "," + m + ",98000,１,１,98000,\r\n"
		}
		i10Write(t, filepath.Join(dir, "extra.csv"), sjis(t, rows))
		// A user-defined format with a card column.
		i10Write(t, filepath.Join(dir, "mybank.csv"), []byte("日付,内容,金額,カード\n2022/01/20,SHOP,98000,4980.0012.3456.7890\n2022/01/20,SHOP,98000,4980.0012.3456.7890\n"))
		cfg := demoConfig(t, "\nformats:\n  - name: mybank\n    issuer: My Bank\n    header: [日付, 内容, 金額, カード]\n    columns: {date: 日付, merchant: 内容, amount: 金額, card: カード}\n")
		r := cardcheck(t, nil, "--config", cfg, "scan", "--all", dir)
		r2 := cardcheck(t, nil, "--config", cfg, "charges", dir)
		if out := r.stdout + r.stderr + r2.stdout + r2.stderr; i10Digits(out, "498000123456") || !strings.Contains(out, "7890") {
			t.Errorf("a card number split by separators is shown:\n%s", out)
		}
	})
	t.Run("scan --json errors are masked", func(t *testing.T) {
		dir := demo(t)
		i10Write(t, filepath.Join(dir, "extra.csv"), sjis(t, head+"4111111111111111,SHOP,1000,１,１,1000,\r\n"))
		r := cardcheck(t, nil, "scan", "--json", dir)
		if r.code != 2 || !strings.Contains(r.stdout, `"errors"`) || i10Digits(r.stdout+r.stderr, "411111111111") {
			t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("an amount of 13 or more digits is no amount", func(t *testing.T) {
		dir := demo(t)
		i10Write(t, filepath.Join(dir, "extra.csv"), sjis(t, head+"2022/01/20,SHOP,4111111111111111,１,１,4111111111111111,\r\n"+
			"2022/01/20,SHOP,4111111111111,１,１,4111111111111,\r\n"))
		r := cardcheck(t, nil, "scan", "--all", dir)
		if r.code != 2 || !strings.Contains(r.stderr, "extra.csv:2") || !strings.Contains(r.stderr, "extra.csv:3") || i10Digits(r.stdout+r.stderr, "411111111111") {
			t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})

	// Known-payee patterns can be borrowed (medium).
	t.Run("a known payee's pattern is not borrowed", func(t *testing.T) {
		dir := demo(t)
		// Each at the amount of the payee whose pattern it holds.
		borrowers := map[string]string{"東西新聞ギフトカード": "4900", "PAYPAL *SAMPLESOFTBITCOIN": "1650", "サンプルネット光 APPLE COM BILL": "5280"}
		rows := head
		for m, amount := range borrowers {
			rows += "2022/01/22," + m + "," + amount + ",１,１," + amount + ",\r\n"
		}
		i10Write(t, filepath.Join(dir, "extra.csv"), sjis(t, rows))
		r := cardcheck(t, nil, "--config", demoConfig(t, ""), "scan", "--json", dir)
		for m := range borrowers {
			if !strings.Contains(r.stdout, m) {
				t.Errorf("%s passed as a known payee:\n%s", m, r.stdout)
			}
		}
	})
	t.Run("allow writes the exact key", func(t *testing.T) {
		cfg := demoConfig(t, "")
		if r := cardcheck(t, nil, "--config", cfg, "allow", "re:.*"); r.code != 0 {
			t.Fatalf("allow: exit %d\n%s", r.code, r.stderr)
		}
		// A new payee at an everyday amount, on the card kept for four
		// payees: only its being unknown makes it a finding.
		dir := demo(t)
		i10Write(t, filepath.Join(dir, "extra.csv"), sjis(t, head+"2022/01/22,ＮＥＷＳＨＯＰ,1000,１,１,1000,\r\n,,,,,1000,\r\n"))
		if r := cardcheck(t, nil, "--config", cfg, "scan", dir); r.code != 1 || !strings.Contains(r.stdout, "ＮＥＷＳＨＯＰ") {
			t.Errorf("after allow 're:.*' every payee is known: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})

	// Hangs and exhaustion (medium).
	t.Run("a named pipe among the inputs or as the state", func(t *testing.T) {
		dir := demo(t)
		fifo := filepath.Join(dir, "x.csv")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		r := i10Within(t, fifo, func() result { return cardcheck(t, nil, "scan", dir) })
		if r.code != 2 || !strings.Contains(r.stderr, "x.csv") || !strings.Contains(r.stdout, "ＡＰＰＬＥ") {
			t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		state := t.TempDir()
		fifo = filepath.Join(state, "state.json")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		r = i10Within(t, fifo, func() result { return cardcheck(t, nil, "scan", "--state", state, "testdata/demo") })
		if r.code != 2 || !strings.Contains(r.stderr, "state.json") {
			t.Errorf("state.json a pipe: exit %d\n%s", r.code, r.stderr)
		}
	})
	t.Run("a hostile line costs its size, a merchant is printed once", func(t *testing.T) {
		dir := demo(t)
		i10Write(t, filepath.Join(dir, "commas.csv"), sjis(t, head+"2022/01/20,SHOP,1000,１,１,1000,\r\n"+strings.Repeat(",", 1<<20)+"\r\n"))
		long := strings.Repeat("ＸＹＺ", 4000) // 36,000 bytes
		i10Write(t, filepath.Join(dir, "long.csv"), []byte(head+"2022/01/21,"+long+",98000,１,１,98000,\r\n"))
		r := cardcheck(t, nil, "scan", dir)
		if r.code != 2 || !strings.Contains(r.stderr, "commas.csv:3") || !strings.Contains(r.stderr, "long.csv:2") {
			t.Errorf("exit %d\n%s", r.code, r.stderr)
		}
		if n := len(r.stdout + r.stderr); n > len(long) {
			t.Errorf("%d bytes printed for a merchant of %d", n, len(long))
		}
	})
	t.Run("config aliases and size are bounded", func(t *testing.T) {
		laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		for i, prev := 'b', 'a'; i <= 'g'; i, prev = i+1, i {
			laughs += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(prev)+", ", 9) + "*" + string(prev) + "]\n"
		}
		dir := t.TempDir()
		aliases, big := filepath.Join(dir, "aliases.yaml"), filepath.Join(dir, "big.yaml")
		i10Write(t, aliases, []byte(laughs))
		i10Write(t, big, []byte("payees: []\n"+strings.Repeat("# a comment of a config far larger than any real one\n", 40000)))
		for cfg, says := range map[string]string{aliases: "expand to more than 100000 values", big: "more than the 1048576 a config may be"} {
			for _, args := range [][]string{{"scan", "testdata/demo"}, {"allow", "SHOP"}} {
				before, _ := os.ReadFile(cfg)
				r := cardcheck(t, nil, append([]string{"--config", cfg}, args...)...)
				after, _ := os.ReadFile(cfg)
				if r.code != 2 || !strings.Contains(r.stderr, says) || string(after) != string(before) {
					t.Errorf("%s %v: exit %d\n%s", filepath.Base(cfg), args, r.code, r.stderr)
				}
			}
		}
	})
	t.Run("a user rule that fails is one error", func(t *testing.T) {
		cfg := demoConfig(t, "\nrules:\n  user:\n    - id: bad-int\n      when: int(\"x\" + payee) > 0\n")
		r := cardcheck(t, nil, "--config", cfg, "scan", "testdata/demo")
		if n := strings.Count(r.stderr, "bad-int"); n != 1 || r.code != 2 {
			t.Errorf("exit %d, %d messages of bad-int:\n%s", r.code, n, r.stderr)
		}
	})

	// Files the tool writes or trusts (low).
	t.Run("config edits: symlink, read-only, lock, temporary files", func(t *testing.T) {
		dir := t.TempDir()
		target, link := filepath.Join(dir, "real.yaml"), filepath.Join(dir, "config.yaml")
		i10Write(t, target, []byte("payees: []\n"))
		os.Symlink(target, link)
		stale := filepath.Join(dir, ".real.yaml.123456.tmp") // as a run killed while writing leaves it
		i10Write(t, stale, []byte("half a config"))
		if r := cardcheck(t, nil, "--config", link, "allow", "SHOP"); r.code != 0 {
			t.Fatalf("allow: exit %d\n%s", r.code, r.stderr)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the symlink was replaced: %v", err)
		}
		if b, _ := os.ReadFile(target); !strings.Contains(string(b), "SHOP") {
			t.Errorf("the link's target was not written:\n%s", b)
		}
		if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a killed run's temporary file is still there: %v", err)
		}
		// Twenty at once, in the environment the run above set (run: the
		// runs share it).
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				run("--config", link, "allow", "SHOP "+string(rune('A'+i)))
			}()
		}
		wg.Wait()
		b, _ := os.ReadFile(target)
		if n := strings.Count(string(b), "added by cardcheck allow"); n != 21 {
			t.Errorf("%d of 21 entries kept:\n%s", n, b)
		}
		os.Chmod(target, 0o400)
		before, _ := os.ReadFile(target)
		r := cardcheck(t, nil, "--config", link, "allow", "OTHER")
		if after, _ := os.ReadFile(target); r.code != 2 || string(after) != string(before) {
			t.Errorf("a read-only config: exit %d\n%s", r.code, r.stderr)
		}
	})
	t.Run("state files: no symlinks, a size limit, the user's own folder", func(t *testing.T) {
		elsewhere := filepath.Join(t.TempDir(), "elsewhere")
		state := t.TempDir()
		os.Symlink(elsewhere, filepath.Join(state, "state.lock"))
		if r := cardcheck(t, nil, "ack", "--state", state, "0123456789ab"); r.code != 2 {
			t.Errorf("state.lock a symlink: exit %d\n%s", r.code, r.stderr)
		}
		if _, err := os.Lstat(elsewhere); err == nil {
			t.Error("the state.lock symlink was followed")
		}
		state = t.TempDir()
		os.Symlink(elsewhere, filepath.Join(state, "state.json"))
		i10Write(t, elsewhere, []byte(`{"version": 2, "findings": {}}`))
		if r := cardcheck(t, nil, "scan", "--state", state, "testdata/demo"); r.code != 2 || !strings.Contains(r.stderr, "state.json") {
			t.Errorf("state.json a symlink: exit %d\n%s", r.code, r.stderr)
		}
		state = t.TempDir()
		f, err := os.Create(filepath.Join(state, "state.json"))
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(65 << 20) // sparse: no disk used
		f.Close()
		if r := cardcheck(t, nil, "scan", "--state", state, "testdata/demo"); r.code != 2 || !strings.Contains(r.stderr, "larger than") {
			t.Errorf("a state.json of 65 MiB: exit %d\n%s", r.code, r.stderr)
		}
		state = t.TempDir()
		os.Chmod(state, 0o777)
		if r := cardcheck(t, nil, "scan", "--state", state, "testdata/demo"); r.code != 2 || !strings.Contains(r.stderr, "chmod go-w") {
			t.Errorf("a state folder others can write: exit %d\n%s", r.code, r.stderr)
		}
		if os.Geteuid() == 0 {
			state = t.TempDir()
			os.Chown(state, 65534, 65534)
			if r := cardcheck(t, nil, "scan", "--state", state, "testdata/demo"); r.code != 2 || !strings.Contains(r.stderr, state) {
				t.Errorf("a state folder of another user: exit %d\n%s", r.code, r.stderr)
			}
		}
	})
	t.Run("a NUL byte past the first 64 KiB", func(t *testing.T) {
		dir := demo(t)
		rows := head
		for len(rows) < 80<<10 {
			rows += "2022/01/20,東西新聞　購読料,4900,１,１,4900,\r\n"
		}
		b := append(sjis(t, rows), []byte("2022/01/21,SHOP\x00,100,１,１,100,\r\n")...)
		i10Write(t, filepath.Join(dir, "nul.csv"), b)
		if r := cardcheck(t, nil, "scan", dir); r.code != 2 || !strings.Contains(r.stderr, "nul.csv: binary data (NUL bytes)") {
			t.Errorf("exit %d\n%s", r.code, r.stderr)
		}
	})
	t.Run("foreign_currency is a safe CSV cell", func(t *testing.T) {
		dir := t.TempDir()
		rows := "日付,内容,金額,外貨,通貨\n"
		for range 5 {
			rows += "2022/01/20,SHOP,9800,65.00,\"=HYPERLINK(\"\"http://x.example/\"\",\"\"USD\"\")\"\n"
		}
		i10Write(t, filepath.Join(dir, "mybank.csv"), []byte(rows))
		cfg := demoConfig(t, "\nformats:\n  - name: mybank\n    issuer: My Bank\n    card: My Bank Visa\n    header: [日付, 内容, 金額, 外貨, 通貨]\n"+
			"    columns: {date: 日付, merchant: 内容, amount: 金額, foreign_amount: 外貨, foreign_currency: 通貨}\n")
		r := cardcheck(t, nil, "--config", cfg, "scan", "--csv", dir)
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatalf("%v\n%s%s", err, r.stdout, r.stderr)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				if strings.HasPrefix(cell, "=") {
					t.Errorf("a formula cell: %q", cell)
				}
			}
		}
	})
	t.Run("a folder symlink given as PATH", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "statements")
		os.Symlink(demo(t), link)
		if r := cardcheck(t, nil, "scan", link); r.code != 1 || !strings.Contains(r.stdout, "ＡＰＰＬＥ") {
			t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("the password variable and tls: none with a user", func(t *testing.T) {
		mail := "\nmail:\n  host: 127.0.0.1\n  port: 1\n  from: a@example.com\n  to: [b@example.com]\n  user: me\n"
		r := cardcheck(t, nil, "--config", demoConfig(t, mail+"  password_env: \"SuperSecret\"\n"), "mail", "test")
		if r.code != 2 || strings.Contains(r.stdout+r.stderr, "SuperSecret") {
			t.Errorf("password_env: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		r = cardcheck(t, nil, "--config", demoConfig(t, mail+"  password_env: CC_PW\n  tls: none\n"), "mail", "test")
		if r.code != 2 || strings.Contains(r.stderr, "autodiscover") || !strings.Contains(r.stderr, "tls") {
			t.Errorf("tls: none with a user: exit %d\n%s", r.code, r.stderr)
		}
	})
	t.Run("ack of an id that is no finding", func(t *testing.T) {
		if r := cardcheck(t, nil, "ack", "--state", t.TempDir(), "0123456789ab"); r.code != 2 || strings.Contains(r.stdout, "acknowledged") {
			t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("acknowledging a charge finding leaves the card's breach notice", func(t *testing.T) {
		home := t.TempDir()
		dir := filepath.Join(home, "statements")
		os.Rename(demo(t), dir)
		env := []string{"HOME=" + home}
		state := filepath.Join(home, "state")
		r := cardcheck(t, env, "scan", "--json", "--state", state, dir)
		// The finding whose part of the JSON (up to the next id) has the
		// Apple charges.
		var apple string
		parts := regexp.MustCompile(`"id":\s*"`).Split(r.stdout, -1)
		for _, p := range parts[1:] {
			if strings.Contains(p, "ＡＰＰＬＥ") && apple == "" {
				apple = p[:12]
			}
		}
		if apple == "" {
			t.Fatalf("no Apple finding:\n%s", r.stdout)
		}
		if r := cardcheck(t, env, "ack", "--state", state, apple); r.code != 0 {
			t.Fatalf("ack: exit %d\n%s", r.code, r.stderr)
		}
		if r := cardcheck(t, env, "scan", "--state", state, dir); !strings.Contains(r.stdout, "breach-exposure") {
			t.Errorf("the breach notice went with the acknowledged finding: exit %d\n%s", r.code, r.stdout)
		}
	})
}

// i10Within runs run, and if it has not returned after 20 seconds opens
// the named pipe fifo for writing, so that a run stuck opening it goes on,
// and reports the hang.
func i10Within(t *testing.T, fifo string, run func() result) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- run() }()
	select {
	case r := <-done:
		return r
	case <-time.After(20 * time.Second):
		t.Errorf("still running after 20 s: blocked on the named pipe %s", fifo)
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		return <-done
	}
}

// i10Digits reports whether text shows the digits want (a card number's)
// to a reader: folded (NFKC, invisible characters dropped) and with the
// separators between groups taken out.
func i10Digits(text, want string) bool {
	folded := norm.NFKC.String(text)
	squeezed := strings.Map(func(r rune) rune {
		if strings.ContainsRune(" \t\u00a0\u200b\u200c\u200d\u2060\ufeff-./_・", r) {
			return -1
		}
		return r
	}, folded)
	return strings.Contains(squeezed, want)
}

func i10Write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// i10Root is the repository's root, found from the working folder.
func i10Root(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working folder")
		}
		dir = up
	}
}
