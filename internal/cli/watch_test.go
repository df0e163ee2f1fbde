package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/cli/watchcmd"
	"github.com/cardcheck/cardcheck/pkg/imapwatch/imaptest"
	"github.com/cardcheck/cardcheck/pkg/notice/noticetest"
	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
)

// The watch through the real servers .ci/run starts: Dovecot holds the
// mailbox, mailpit takes the alert mail.

// syncBuffer is a buffer the watch writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// imapSetup is a watch's world: the demo config with a mail: section for
// mailpit and an imap: section for a new Dovecot mailbox, a state folder,
// and the statements of the story's night (up to January's, without
// February's, which holds the Apple charges).
type imapSetup struct {
	s                    imaptest.Servers
	client               *imapclient.Client
	mp                   mailpittest.Servers
	box, cfg, state, to  string
	night                string
	env                  []string
	imapAddr, imapTLS    string
	imapPassEnv, imapCAs string
	// pin is a DKIM key record pinned besides the demo's.
	pin string
}

func newIMAPSetup(t testing.TB) *imapSetup {
	t.Helper()
	x := &imapSetup{s: imaptest.Get(t), mp: mailpittest.Get(t)}
	x.box = x.s.NewMailbox(t)
	x.client = x.s.Client(t)
	x.imapAddr, x.imapTLS, x.imapPassEnv = x.s.StartTLS, "starttls", "CC_IMAP_PASSWORD"
	x.imapCAs = os.Getenv("CARDCHECK_TEST_IMAP_CA")
	dir := t.TempDir()
	x.night = filepath.Join(dir, "night")
	os.Mkdir(x.night, 0o755)
	for _, f := range []string{"202111.csv", "202112.csv", "202201.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", "demo", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(x.night, f), data, 0o644)
	}
	x.to = mailpittest.Recipient(t)
	x.cfg, x.state = filepath.Join(dir, "config.yaml"), filepath.Join(dir, "state")
	x.env = []string{"CC_SMTP_PASSWORD=" + x.mp.Password, x.imapPassEnv + "=" + x.s.Password}
	x.writeConfig(t)
	return x
}

func (x *imapSetup) writeConfig(t testing.TB) {
	t.Helper()
	demo, err := os.ReadFile("testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if x.pin != "" {
		demo = bytes.Replace(demo, []byte("  dkim_keys:\n"), []byte("  dkim_keys:\n    - '"+x.pin+"'\n"), 1)
	}
	host, port, _ := strings.Cut(x.imapAddr, ":")
	imap := fmt.Sprintf("imap:\n  host: %s\n  port: %s\n  tls: %s\n  user: %s\n  password_env: %s\n  mailbox: %s\n  ca_file: %s\n",
		host, port, x.imapTLS, x.s.User, x.imapPassEnv, x.box, x.imapCAs)
	text := string(demo) + "\nstale_after: off\n" + x.mp.Config(x.mp.StartTLS, "starttls", "CC_SMTP_PASSWORD", x.to) + imap
	if err := os.WriteFile(x.cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// append delivers raw to the mailbox, as the user's mail server would.
func (x *imapSetup) append(t testing.TB, raw []byte) { imaptest.Append(t, x.client, x.box, raw) }

// demoNotice is the demo's notice number n (1-19).
func demoNotice(t testing.TB, n int) []byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "demo-notices", fmt.Sprintf("*-%02d.eml", n)))
	if len(files) != 1 {
		t.Fatalf("demo notice %d: %v", n, files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// watching runs cardcheck watch until the test ends; it returns its output
// and error streams.
func (x *imapSetup) watching(t testing.TB) (out, errOut *syncBuffer) {
	t.Helper()
	cleanEnv(t, x.env)
	out, errOut = &syncBuffer{}, &syncBuffer{}
	f := cmdutil.NewFactory(cmdutil.NewIOStreams(strings.NewReader(""), out, errOut))
	f.ConfigFlag = x.cfg
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- watchcmd.Run(&watchcmd.Options{Factory: f, Paths: []string{x.night}, FailOn: "warning", StateDir: x.state, Context: ctx})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("watch ended with %v", err)
		}
	})
	return out, errOut
}

// waitFor waits until s holds want.
func waitFor(t testing.TB, what string, s interface{ String() string }, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(s.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the %s within 30 s:\n%s", want, what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// mails waits until n mails reached the recipient and returns them.
func (x *imapSetup) mails(t testing.TB, n int) []mailpittest.Summary {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := mailpittest.To(t, x.mp.StartTLS, x.to)
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d mails within 30 s, want %d", len(got), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWatchAlert: the story with a watch of the mailbox. The notices of
// the recurring payments come; the first Apple notice comes and the alert
// is mailed at once, saying when the charge was made; forged, altered and
// look-alike notices are printed and mailed at once as phishing, never as
// charges; a malformed notice is an error naming the message.
func TestWatchAlert(t *testing.T) {
	x := newIMAPSetup(t)
	for n := 1; n <= 14; n++ {
		x.append(t, demoNotice(t, n))
	}
	out, errOut := x.watching(t)
	// The first pass mails what the statements show that was never
	// mailed: the card's exposure to the 会費ペイ breach.
	waitFor(t, "output", out, "Mailed 1 notice")
	before := len(x.mails(t, 1))

	apple := demoNotice(t, 15)
	x.append(t, apple)
	mails := x.mails(t, before+1)
	m := x.mp.StartTLS.Get(t, mails[0].ID) // newest first
	for _, want := range []string{"APPLE COM BILL", "2022-01-24 02:13", "known from 三井住友カード's usage notice 40 seconds after the charge", "unknown-payee"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("the alert mail has no %q:\n%s", want, m.Text)
		}
	}
	waitFor(t, "output", out, "Mailed 1 suspicious charge")
	waitFor(t, "output", out, "after the charge at 2022-01-24 02:13)") // the time from the charge to the mail
	if strings.Contains(errOut.String(), "imap") {
		t.Errorf("errors: %s", errOut)
	}

	// Forgeries: another domain, an altered genuine notice, a look-alike
	// subject from a mailer; and a malformed notice of the real sender.
	wrongDomain := bytes.Replace(apple, []byte("From: statement@vpass.ne.jp"), []byte("From: statement@vpass-ne.jp"), 1)
	altered := bytes.Replace(apple, []byte("10,000"), []byte("90,000"), 1)
	lookalike, _ := os.ReadFile(filepath.Join("testdata", "notices", "imitations", "e17-smbc-lookalike.eml"))
	malformed := []byte("From: statement@vpass.ne.jp\r\nSubject: =?UTF-8?B?44GU5Yip55So44Gu44GK55+l44KJ44Gb44CQ5LiJ5LqV5L2P5Y+L44Kr44O844OJ44CR?=\r\n" +
		"Message-ID: <malformed@vpass.ne.jp>\r\nContent-Type: text/plain; charset=ISO-2022-XX\r\n\r\n\x1b$B%3%s\r\n")
	for _, raw := range [][]byte{wrongDomain, altered, lookalike, malformed} {
		x.append(t, raw)
	}
	waitFor(t, "output", out, "not from vpass.ne.jp")
	waitFor(t, "output", out, "does not verify")
	waitFor(t, "output", out, "example-mailer.test")
	waitFor(t, "errors", errOut, "(Message-ID <malformed@vpass.ne.jp>)")
	if !strings.Contains(errOut.String(), "imap://"+x.s.User+"@") || !strings.Contains(errOut.String(), ";UID=") {
		t.Errorf("the malformed notice's error does not name its message: %s", errOut)
	}
	// The phishing is mailed at once, as phishing, never as a charge.
	deadline := time.Now().Add(30 * time.Second)
	var said string
	for time.Now().Before(deadline) && !(strings.Contains(said, "vpass-ne.jp") && strings.Contains(said, "does not verify") && strings.Contains(said, "example-mailer.test")) {
		said = ""
		// One listing, newest first: listed twice, a phishing mail that
		// arrived between the two would shift the cut onto the alert.
		all := mailpittest.To(t, x.mp.StartTLS, x.to)
		for _, m := range all[:len(all)-before-1] {
			if !strings.HasPrefix(m.Subject, "[cardcheck] Phishing: a mail imitating 三井住友カード's usage notice") {
				t.Fatalf("after the forgeries, a mail %q", m.Subject)
			}
			said += x.mp.StartTLS.Get(t, m.ID).Text
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(said, "phishing imitation of 三井住友カード's notice") || !strings.Contains(said, "example-mailer.test") ||
		!strings.Contains(said, "does not verify") || !strings.Contains(said, "vpass-ne.jp") {
		t.Errorf("the phishing mails say:\n%s", said)
	}
	if strings.Contains(said, "90,000") || strings.Contains(out.String(), "90,000") {
		t.Error("an altered amount was taken")
	}
}

// TestWatchFaults: a wrong password and a server without TLS are said,
// without the password, and the watch tries again.
func TestWatchFaults(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		set        func(x *imapSetup)
	}{
		{"wrong password", "login refused", func(x *imapSetup) { x.env[1] = x.imapPassEnv + "=wrong-" + x.s.Password }},
		{"no TLS", "the server does not offer TLS; cardcheck never sends a password without it", func(x *imapSetup) { x.imapAddr = x.s.Plain }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := newIMAPSetup(t)
			tc.set(x)
			x.writeConfig(t)
			_, errOut := x.watching(t)
			waitFor(t, "errors", errOut, tc.want)
			waitFor(t, "errors", errOut, "connecting again in 1s")
			if strings.Contains(errOut.String(), x.s.Password) {
				t.Errorf("the password is shown: %s", errOut)
			}
		})
	}
}

// TestScanIMAP: scan --imap --mail, the cron pass: the notices are read
// once, kept, and the alert mailed once; the next run reads nothing new and
// mails nothing, and still reports the open finding from the kept notice.
func TestScanIMAP(t *testing.T) {
	x := newIMAPSetup(t)
	for n := 1; n <= 15; n++ {
		x.append(t, demoNotice(t, n))
	}
	scan := func() result {
		return cardcheck(t, x.env, "--config", x.cfg, "--lang", "en", "scan", "--imap", "--mail", "--state", x.state, x.night)
	}
	r := scan()
	if r.code != 1 || !strings.Contains(r.stdout, "APPLE COM BILL") || !strings.Contains(r.stdout, "Mailed 1 suspicious charge") {
		t.Fatalf("first run: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	sent := len(x.mails(t, 1))
	r = scan()
	if r.code != 1 || !strings.Contains(r.stdout, "imap://") || !strings.Contains(r.stdout, "Nothing new to mail.") {
		t.Errorf("second run: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if n := len(mailpittest.To(t, x.mp.StartTLS, x.to)); n != sent {
		t.Errorf("%d mails, want %d", n, sent)
	}
	// A plain scan sees the kept notices too.
	r = cardcheck(t, x.env, "--config", x.cfg, "scan", "--state", x.state, x.night)
	if r.code != 1 || !strings.Contains(r.stdout, "2022-01-24 02:13") {
		t.Errorf("plain scan: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	files, _ := filepath.Glob(filepath.Join(x.state, "notices", "cur", "*.eml"))
	if len(files) != 15 {
		t.Errorf("%d notices kept, want 15", len(files))
	}
}

// smbcNotice is a 三井住友 usage notice of the demo card (UTF-8, as SMBC's
// layout reads any charset), unsigned.
func smbcNotice(id string, at time.Time, merchant string, yen int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: statement@vpass.ne.jp\r\nTo: owner@example.jp\r\nSubject: ご利用のお知らせ【三井住友カード】\r\n")
	fmt.Fprintf(&b, "Date: %s\r\nMessage-ID: <%s@vpass.ne.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n", at.Add(40*time.Second).Format(time.RFC1123Z), id)
	fmt.Fprintf(&b, "ヤマダ　タロウ 様\r\n\r\nご利用カード：三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ\r\n\r\n")
	fmt.Fprintf(&b, "◇利用日：%s\r\n◇利用先：%s\r\n◇利用取引：買物\r\n◇利用金額：%d円\r\n", at.Format("2006/01/02 15:04"), merchant, yen)
	return []byte(b.String())
}

// BenchmarkAppendToAlert measures the whole path of issue 13: a notice
// appended to the Dovecot mailbox (as the user's mail server delivers it)
// while cardcheck watch waits in IDLE, to the alert mail delivered by
// mailpit: fetch, DKIM check, parse, keep, load the statements and every
// kept notice, the rules, the state session, the mail sent with STARTTLS
// and login, and mailpit's API showing it. Each iteration is a new charge
// at a new shop, so each is a new finding and one mail. Reported as
// ms/alert; the goal is under 5 s.
func BenchmarkAppendToAlert(b *testing.B) {
	x := newIMAPSetup(b)
	keys := &noticetest.Keys{}
	x.pin = fmt.Sprintf("%s._domainkey.vpass.ne.jp. IN TXT \"%s\"", noticetest.Selector, keys.Record("vpass.ne.jp"))
	x.writeConfig(b)
	for n := 1; n <= 14; n++ {
		x.append(b, demoNotice(b, n))
	}
	out, _ := x.watching(b)
	waitFor(b, "output", out, "Mailed 1 notice")
	base := len(x.mails(b, 1))
	at := time.Date(2022, 1, 24, 2, 13, 0, 0, time.FixedZone("JST", 9*3600))
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		raw := keys.Sign(b, smbcNotice(fmt.Sprintf("bench-%d", i), at.Add(time.Duration(i)*time.Minute), fmt.Sprintf("GIFT SHOP %d", i), 10000+i), "vpass.ne.jp")
		start := time.Now()
		x.append(b, raw)
		x.mails(b, base+i+1)
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/alert")
}

// docBlock returns the lines of the first fenced block of kind in the file
// at path (```kind … ```), without comment lines when skipComments.
func docBlock(t *testing.T, path, kind string, skipComments bool) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	in, done := false, false
	for _, l := range strings.Split(string(data), "\n") {
		switch {
		case done:
		case l == "```"+kind:
			in = true
		case in && strings.HasPrefix(l, "```"):
			in, done = false, true
		case in && l != "" && !(skipComments && strings.HasPrefix(l, "#")):
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		t.Fatalf("%s has no %s block", path, kind)
	}
	return lines
}

// TestNoticesRoutine runs docs/notices.md's cron line and systemd unit as
// written, with the binary installed where they say, on a HOME whose config
// reads the passwords from files: the cron pass mails the alert of the
// first Apple notice; the unit passes systemd-analyze verify, and its
// ExecStart, run as systemd runs it, mails the next alert at once and
// stops cleanly on SIGTERM.
func TestNoticesRoutine(t *testing.T) {
	x := newIMAPSetup(t)
	cronLines := docBlock(t, "docs/notices.md", "crontab", true)
	unit := docBlock(t, "docs/notices.md", "ini", false)
	if len(cronLines) != 1 {
		t.Fatalf("docs/notices.md's crontab block: %q", cronLines)
	}
	built := filepath.Join(t.TempDir(), "cardcheck")
	if out, err := exec.Command("go", "build", "-o", built, "./cmd/cardcheck").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	home := t.TempDir()
	install(t, built, filepath.Join(home, "go", "bin", "cardcheck"))
	conf := filepath.Join(home, ".config", "cardcheck")
	os.MkdirAll(conf, 0o700)
	os.WriteFile(filepath.Join(conf, "smtp-password"), []byte(x.mp.Password+"\n"), 0o600)
	os.WriteFile(filepath.Join(conf, "imap-password"), []byte(x.s.Password+"\n"), 0o600)
	text, _ := os.ReadFile(x.cfg)
	text = bytes.ReplaceAll(text, []byte("password_env: CC_SMTP_PASSWORD"), []byte("password_file: smtp-password"))
	text = bytes.ReplaceAll(text, []byte("password_env: "+x.imapPassEnv), []byte("password_file: imap-password"))
	os.WriteFile(filepath.Join(conf, "config.yaml"), text, 0o600)
	statements := filepath.Join(home, "statements")
	os.MkdirAll(statements, 0o755)
	for _, f := range []string{"202111.csv", "202112.csv", "202201.csv"} {
		install(t, filepath.Join(x.night, f), filepath.Join(statements, f))
	}
	for n := 1; n <= 15; n++ {
		x.append(t, demoNotice(t, n))
	}

	// The cron line: the first Apple charge's alert, once.
	if code := cron(t, home, cronLines[0]); code != 1 {
		t.Fatalf("cron pass: exit %d, want 1 (the alert is open)", code)
	}
	mails := x.mails(t, 1)
	if m := x.mp.StartTLS.Get(t, mails[0].ID); !strings.Contains(m.Text, "APPLE COM BILL") || !strings.Contains(m.Text, "02:13") {
		t.Errorf("the cron pass's mail:\n%s", m.Text)
	}
	sent := len(mails)

	// The unit, as written.
	unitDir := filepath.Join(home, ".config", "systemd", "user")
	os.MkdirAll(unitDir, 0o755)
	unitFile := filepath.Join(unitDir, "cardcheck-watch.service")
	os.WriteFile(unitFile, []byte(strings.Join(unit, "\n")+"\n"), 0o644)
	if _, err := exec.LookPath("systemd-analyze"); err == nil {
		runtime := t.TempDir()
		os.Chmod(runtime, 0o700)
		c := exec.Command("systemd-analyze", "--user", "verify", unitFile)
		c.Env = []string{"HOME=" + home, "XDG_RUNTIME_DIR=" + runtime, "PATH=/usr/bin:/bin"}
		if out, err := c.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("systemd-analyze verify: %v\n%s", err, out)
		}
	} else {
		t.Log("no systemd-analyze: the unit's syntax is not verified, its command is run")
	}
	var execStart string
	for _, l := range unit {
		if v, ok := strings.CutPrefix(l, "ExecStart="); ok {
			execStart = strings.ReplaceAll(v, "%h", home)
		}
	}
	args := strings.Fields(execStart)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = []string{"HOME=" + home, "PATH=/usr/local/bin:/usr/bin:/bin"} // a user manager's environment
	out, errOut := &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	}()
	waitFor(t, "output", out, "watching imap://")
	x.append(t, demoNotice(t, 16))
	x.mails(t, sent+1)
	waitFor(t, "output", out, "Mailed 2 suspicious charges") // the two Apple charges, one finding
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-done:
		if err != nil || !strings.Contains(out.String(), "stopped") {
			t.Errorf("after SIGTERM: %v\n%s\n%s", err, out, errOut)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the watch did not stop on SIGTERM")
	}
	if errOut.String() != "" {
		t.Errorf("the watch's errors: %s", errOut)
	}
}
