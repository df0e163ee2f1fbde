package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
	statepkg "github.com/cardcheck/cardcheck/pkg/state"
)

// The cron story through the real binary: scan --mail mails new findings
// once, remembers them in the state folder, and ack stops them failing the
// run. The mail tests send through the mailpit servers .ci/run starts.

const appleID = "6a3412695cfa"

// mailSetup writes the demo config plus a mail: section for srv (STARTTLS
// with the login unless tls says otherwise) to a new folder, and returns
// the config's path, a state folder and the recipient. The demo's statements
// are years old, so the warning about stale statements is off here (the
// first-hour test has it on).
func mailSetup(t *testing.T, mp mailpittest.Servers, srv mailpittest.Server, tls string) (cfg, state, to string) {
	t.Helper()
	dir := t.TempDir()
	demo, err := os.ReadFile("testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	to = mailpittest.Recipient(t)
	login := "CC_SMTP_PASSWORD"
	if srv == mp.Plain {
		login = ""
	}
	cfg = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, append(demo, "\nstale_after: off\n"+mp.Config(srv, tls, login, to)...), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg, filepath.Join(dir, "state"), to
}

// snapshot returns the files of a folder and their contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

var fullPAN = regexp.MustCompile(`[0-9](?:[ \-]?[0-9]){12,}`)

func TestMailCron(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.StartTLS, "starttls")
	pw := []string{"CC_SMTP_PASSWORD=" + mp.Password}
	scan := func(extra ...string) result {
		return cardcheck(t, pw, append([]string{"--config", cfg, "scan", "--mail", "--state", state, "--lang", "en"}, append(extra, "testdata/demo")...)...)
	}

	r := scan()
	if r.code != 1 || !strings.Contains(r.stdout, "Mailed 5 suspicious charges and 1 notice to "+to) {
		t.Fatalf("first run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	msgs := mailpittest.To(t, mp.StartTLS, to)
	if len(msgs) != 1 || msgs[0].Subject != "[cardcheck] 5 suspicious charges and 1 notice on 三井住友カード (2022-01)" {
		t.Fatalf("mail: %+v", msgs)
	}
	m := mp.StartTLS.Get(t, msgs[0].ID)
	for _, part := range []string{m.Text, m.HTML} {
		if !strings.Contains(part, "4980-00**-****-****") || strings.Count(part, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ") != 5 || !strings.Contains(part, "cardcheck ack "+appleID) {
			t.Errorf("a part lacks the card, the five charges or the ack command:\n%s", part)
		}
	}
	info, err := os.Stat(filepath.Join(state, "state.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("state file: %v %v", info, err)
	}

	// Cron again over the same statements: nothing new, nothing sent; the
	// finding is still open, so the run still fails.
	r = scan()
	if r.code != 1 || !strings.Contains(r.stdout, "Nothing new to mail.") || len(mailpittest.To(t, mp.StartTLS, to)) != 1 {
		t.Fatalf("second run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Acknowledged: the run passes and mails nothing.
	r = cardcheck(t, nil, "ack", "--state", state, "--note", "our own App Store purchases", appleID)
	if r.code != 0 || !strings.Contains(r.stdout, "acknowledged "+appleID+": burst, 5 charge(s)") {
		t.Fatalf("ack: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The card's breach notice is a finding of its own: acknowledging the
	// charges that cited it does not hide it (issue 10).
	r = scan()
	if r.code != 1 || !strings.Contains(r.stdout, "breach-exposure: this card was used at 会費ペイ") || !strings.Contains(r.stdout, "1 acknowledged finding not shown") {
		t.Fatalf("after ack: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = cardcheck(t, nil, "ack", "--state", state, "--note", "card replaced", "803bd9942621")
	if r.code != 0 {
		t.Fatalf("ack of the notice: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = scan()
	if r.code != 0 || !strings.Contains(r.stdout, "No suspicious charges") || !strings.Contains(r.stdout, "2 acknowledged findings not shown") {
		t.Fatalf("after both acks: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := len(mailpittest.To(t, mp.StartTLS, to)); n != 1 {
		t.Errorf("%d mails after ack, want 1", n)
	}

	// --mail-always: a short all-clear, in Japanese from the locale.
	r = cardcheck(t, append(pw, "LANG=ja_JP.UTF-8"), "--config", cfg, "scan", "--mail-always", "--state", state, "testdata/demo")
	if r.code != 0 || !strings.Contains(r.stdout, "異常なしのメールを") {
		t.Fatalf("mail-always: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	msgs = mailpittest.To(t, mp.StartTLS, to)
	if len(msgs) != 2 || msgs[0].Subject != "[cardcheck] 新たな不審な利用はありません (2022年1月)" {
		t.Errorf("all-clear: %+v", msgs)
	}
}

// TestMailWrongPassword: a refused login is a clear error, exit 2, the
// password shown nowhere, the state as it was; the next run with the right
// password sends the findings that were not lost.
func TestMailWrongPassword(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.StartTLS, "starttls")
	// A state from before: an acknowledgement of another finding.
	if _, err := statepkg.Acknowledge(state, []string{"0123456789ab"}, "", time.Now()); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, state)
	const wrong = "not-the-password-42"
	r := cardcheck(t, []string{"CC_SMTP_PASSWORD=" + wrong}, "--config", cfg, "scan", "--mail", "--state", state, "testdata/demo")
	if r.code != 2 || !strings.Contains(r.stderr, `refused the login of user "cardcheck"`) || !strings.Contains(r.stderr, "CC_SMTP_PASSWORD") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, wrong) || strings.Contains(r.stdout+r.stderr, mp.Password) {
		t.Error("a password was printed")
	}
	if !sameFiles(before, snapshot(t, state)) {
		t.Error("the state changed although the mail was not sent")
	}
	if n := len(mailpittest.To(t, mp.StartTLS, to)); n != 0 {
		t.Errorf("%d mails", n)
	}
	r = cardcheck(t, []string{"CC_SMTP_PASSWORD=" + mp.Password}, "--config", cfg, "scan", "--mail", "--state", state, "testdata/demo")
	if r.code != 1 || len(mailpittest.To(t, mp.StartTLS, to)) != 1 {
		t.Errorf("with the right password: exit %d\n%s", r.code, r.stderr)
	}
}

// TestMailTLSRequired: a server without STARTTLS gets nothing when TLS is
// required (the default).
func TestMailTLSRequired(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.Plain, "starttls")
	r := cardcheck(t, nil, "--config", cfg, "scan", "--mail", "--state", state, "testdata/demo")
	if r.code != 2 || !strings.Contains(r.stderr, "does not offer STARTTLS, and tls: starttls requires it") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(state, "state.json")); !os.IsNotExist(err) || len(mailpittest.To(t, mp.Plain, to)) != 0 {
		t.Errorf("state written or mail sent: %v", err)
	}
	// Plain SMTP to loopback, opted into: sent.
	cfg, state, to = mailSetup(t, mp, mp.Plain, "none")
	if r := cardcheck(t, nil, "--config", cfg, "scan", "--mail", "--state", state, "testdata/demo"); r.code != 1 || len(mailpittest.To(t, mp.Plain, to)) != 1 {
		t.Errorf("tls: none to loopback: exit %d\n%s", r.code, r.stderr)
	}
}

// TestMailOverlap: two cron runs at the same moment mail once.
func TestMailOverlap(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.TLS, "implicit")
	cleanEnv(t, []string{"CC_SMTP_PASSWORD=" + mp.Password})
	var wg sync.WaitGroup
	codes := make([]int, 3)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = run("--config", cfg, "scan", "--mail", "--state", state, "testdata/demo").code
		}()
	}
	wg.Wait()
	if n := len(mailpittest.To(t, mp.TLS, to)); n != 1 || codes[0] != 1 || codes[1] != 1 || codes[2] != 1 {
		t.Errorf("%d mails (want 1), exit codes %v", n, codes)
	}
}

// statementDir copies the demo statements to a new folder, with 202202.csv
// (the five Apple charges) passed through edit as UTF-8 lines.
func statementDir(t *testing.T, dir string, edit func([]string) []string) string {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	files, _ := filepath.Glob("testdata/demo/*.csv")
	for _, f := range files {
		to := filepath.Join(dir, filepath.Base(f))
		copyFile(t, f, to)
		if filepath.Base(f) != "202202.csv" || edit == nil {
			continue
		}
		b, _ := os.ReadFile(to)
		text, err := japanese.ShiftJIS.NewDecoder().String(string(b))
		if err != nil {
			t.Fatal(err)
		}
		lines := edit(strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n"))
		os.WriteFile(to, sjis(t, strings.Join(lines, "\r\n")+"\r\n"), 0o644)
	}
	return dir
}

// reversed drops the Apple charges and puts the statement's total right,
// as the card company's corrected download would.
func reversed(lines []string) []string {
	var out []string
	for _, l := range lines {
		switch {
		case strings.Contains(l, "ＡＰＰＬＥ"):
			continue
		case strings.HasPrefix(l, ",,,,,52830"):
			l = ",,,,,14830,"
		}
		out = append(out, l)
	}
	return out
}

// TestMailWithdrawn: a reported finding whose charges vanish from the
// re-downloaded statement is mailed once as withdrawn.
func TestMailWithdrawn(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.StartTLS, "starttls")
	dir := statementDir(t, "", nil)
	env := []string{"CC_SMTP_PASSWORD=" + mp.Password}
	run := func() result {
		return cardcheck(t, env, "--config", cfg, "scan", "--mail", "--state", state, "--lang", "en", dir)
	}
	if r := run(); r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	statementDir(t, dir, reversed)
	// Without the Apple charges, the window reaches back to the card's use
	// at 会費ペイ inside the Metaps breach: the rules add a notice about the
	// card, mailed with the withdrawal. Acknowledge whatever else is found
	// so that only the withdrawal is left to say.
	if r := cardcheck(t, nil, "--config", cfg, "scan", "--json", "--state", state, dir); r.code > 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	} else {
		for _, f := range decodeScan(t, r.stdout).Findings {
			if f.ID != appleID {
				if r := cardcheck(t, nil, "--config", cfg, "ack", "--state", state, "--from", dir, f.ID); r.code != 0 {
					t.Fatalf("ack %s: exit %d\n%s", f.ID, r.code, r.stderr)
				}
			}
		}
	}
	r := run()
	if r.code != 0 || !strings.Contains(r.stdout, "Withdrawn, no longer on the statement") || !strings.Contains(r.stdout, "Mailed the withdrawal of 1 finding") {
		t.Fatalf("after the reversal: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	msgs := mailpittest.To(t, mp.StartTLS, to)
	if len(msgs) != 2 || msgs[0].Subject != "[cardcheck] 5 charges withdrawn on 三井住友カード (2022-01)" {
		t.Fatalf("mails: %+v", msgs)
	}
	if m := mp.StartTLS.Get(t, msgs[0].ID); !strings.Contains(m.Text, appleID) || strings.Count(m.HTML, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ") != 5 {
		t.Errorf("withdrawal mail:\n%s", m.Text)
	}
	if r := run(); r.code != 0 || strings.Contains(r.stdout, "Withdrawn") || len(mailpittest.To(t, mp.StartTLS, to)) != 2 {
		t.Errorf("withdrawn twice: exit %d\n%s", r.code, r.stdout)
	}
}

// TestMailHostileStatement: a statement printing a full card number and
// HTML in merchant names sends neither through.
func TestMailHostileStatement(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.StartTLS, "starttls")
	dir := t.TempDir()
	evil := `<img src=x onerror=alert(1)>ＳＨＯＰ 4111 1111 1111 1111`
	os.WriteFile(filepath.Join(dir, "evil.csv"), []byte("ヤマダ　タロウ　様,4111-1111-1111-1111,カード,,,,\r\n"+
		strings.Repeat("2025/01/05,"+evil+",1000,1,1,1000,\r\n", 3)+",,,,,3000,\r\n"), 0o644)
	r := cardcheck(t, []string{"CC_SMTP_PASSWORD=" + mp.Password}, "--config", cfg, "scan", "--mail", "--state", state, dir)
	if r.code != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if p := fullPAN.FindString(r.stdout); p != "" {
		t.Errorf("the report printed a card number %q", p)
	}
	msgs := mailpittest.To(t, mp.StartTLS, to)
	if len(msgs) != 1 {
		t.Fatalf("%d mails", len(msgs))
	}
	m := mp.StartTLS.Get(t, msgs[0].ID)
	for _, s := range []string{m.Subject, m.Text, m.HTML} {
		if p := fullPAN.FindString(s); p != "" {
			t.Errorf("the mail shows a card number %q", p)
		}
	}
	if strings.Contains(m.HTML, "<img") || !strings.Contains(m.HTML, "&lt;img") || !strings.Contains(m.Text, "****-****-****-1111") {
		t.Errorf("HTML:\n%s\ntext:\n%s", m.HTML, m.Text)
	}
	if b, _ := os.ReadFile(filepath.Join(state, "state.json")); fullPAN.Match(b) {
		t.Error("the state file holds a card number")
	}
}

// TestMailAlwaysNothingRead (issue 10: a folder cardcheck read nothing in
// got "All clear" with --mail-always): a run that read no charges exits 2,
// says so, and its mail says that nothing was checked, never an all-clear.
func TestMailAlwaysNothingRead(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, to := mailSetup(t, mp, mp.Plain, "none")
	empty := t.TempDir()
	r := cardcheck(t, nil, "--config", cfg, "scan", "--mail-always", "--state", state, "--lang", "en", empty)
	if r.code != 2 || !strings.Contains(r.stderr, "read no charges") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	msgs := mailpittest.To(t, mp.Plain, to)
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0].Subject, "[cardcheck] Nothing checked: no charges read") {
		t.Errorf("mails %+v", msgs)
	}
}
