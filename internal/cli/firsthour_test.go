package cli

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
)

// TestFirstHour is issue 11's "done when": a new user's first hour on a
// fresh HOME, against a real SMTP server (mailpit), with the binary
// installed where the README says: init with flags, mail test, import from a
// downloads folder holding statements and other files, then the cron lines
// exactly as the README prints them, run as cron runs them (a minimal
// environment, no locale), twice; the demo card's statements are years
// old, so it is also a stale card. Then the same in Japanese.
func TestFirstHour(t *testing.T) {
	mp := mailpittest.Get(t)
	weekly, monthly := readmeCron(t)
	built := filepath.Join(t.TempDir(), "cardcheck")
	if out, err := exec.Command("go", "build", "-o", built, "./cmd/cardcheck").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		lang string
		// what the test mail, the alert mail and the monthly mail say
		testSubject, alert, stale, desk, ack, monthly string
	}{
		{"en", "[cardcheck] test mail", "5 suspicious charges and 2 notices on 三井住友カード",
			"no statement of this card since 2022-01-24", "call 三井住友カード, lost and stolen cards, 24 hours: 0120-919-456",
			"If you made these charges: cardcheck ack 6a3412695cfa", "cardcheck found no new suspicious charges."},
		{"ja", "[cardcheck] テストメール", "三井住友カードで不審な利用が5件、お知らせが2件",
			"2022年1月24日 以降、このカードの明細がありません", "三井住友カード 紛失・盗難受付(24時間・年中無休)に電話: 0120-919-456",
			"ご自身の利用なら: cardcheck ack 6a3412695cfa", "cardcheck は新たな不審な利用を見つけませんでした。"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			home := t.TempDir()
			bin := filepath.Join(home, "go", "bin", "cardcheck")
			install(t, built, bin)
			downloads := filepath.Join(home, "Downloads")
			fillDownloads(t, downloads)
			to := mailpittest.Recipient(t)
			run := func(stdin string, args ...string) result {
				t.Helper()
				cmd := exec.Command(bin, args...)
				cmd.Env = []string{"HOME=" + home, "PATH=/usr/bin:/bin"}
				cmd.Stdin = strings.NewReader(stdin)
				return runCmd(t, cmd)
			}

			// init, with flags as a script would, the password on stdin.
			r := run(mp.Password+"\n", "init", "--no-input", "--lang", tc.lang, "--provider", "custom",
				"--host", mp.StartTLS.Host(), "--port", strconv.Itoa(mp.StartTLS.Port()), "--tls", "starttls", "--ca-file", mp.CAFile,
				"--from", "cardcheck <cardcheck@example.test>", "--to", to, "--user", mp.User, "--password-stdin")
			if r.code != 0 {
				t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			for _, line := range []string{weekly, monthly} {
				if !strings.Contains(r.stdout, line) {
					t.Errorf("init does not print the README's cron line %q:\n%s", line, r.stdout)
				}
			}
			for _, f := range []string{".config/cardcheck/config.yaml", ".config/cardcheck/smtp-password"} {
				if info, err := os.Stat(filepath.Join(home, f)); err != nil || info.Mode().Perm() != 0o600 {
					t.Errorf("%s: %v %v, want mode 0600", f, info, err)
				}
			}
			if r = run("", "mail", "test"); r.code != 0 {
				t.Fatalf("mail test: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			if got := subjects(t, mp, to); len(got) != 2 || got[0] != tc.testSubject || got[1] != tc.testSubject {
				t.Fatalf("after init and mail test, mailpit holds %q; want two test mails", got)
			}

			// import by hand: the statements are filed, the rest left alone.
			r = run("", "import", downloads)
			if r.code != 0 || strings.Count(r.stdout, ".csv → ") != 4 {
				t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			arc := filepath.Join(home, "statements", "三井住友カード")
			if files, _ := filepath.Glob(filepath.Join(arc, "*", "*.csv")); len(files) != 4 {
				t.Errorf("the archive holds %v", files)
			}

			// The weekly cron line, as the README prints it, as cron runs it.
			if code := cron(t, home, weekly); code != 1 {
				t.Fatalf("weekly run: exit %d, want 1 (findings open)", code)
			}
			got := subjects(t, mp, to)
			if len(got) != 3 || !strings.Contains(got[2], tc.alert) {
				t.Fatalf("after the weekly run, mailpit holds %q; want the alert %q", got, tc.alert)
			}
			alert := mailpittest.To(t, mp.StartTLS, to)[0] // newest first
			text := mp.StartTLS.Get(t, alert.ID).Text
			for _, want := range []string{tc.stale, tc.desk, tc.ack} {
				if !strings.Contains(text, want) {
					t.Errorf("the alert mail lacks %q:\n%s", want, text)
				}
			}
			// The second run finds nothing new and mails nothing.
			if code := cron(t, home, weekly); code != 1 || len(subjects(t, mp, to)) != 3 {
				t.Errorf("second weekly run: exit %d, %d mails; want 1 and no new mail", code, len(subjects(t, mp, to)))
			}
			// The monthly one mails, but never an all-clear while findings are open.
			if code := cron(t, home, monthly); code != 1 {
				t.Errorf("monthly run: exit %d", code)
			}
			got = subjects(t, mp, to)
			last := mailpittest.To(t, mp.StartTLS, to)[0]
			if len(got) != 4 || !strings.Contains(mp.StartTLS.Get(t, last.ID).Text, tc.monthly) {
				t.Errorf("monthly mail: %q\n%s", got, mp.StartTLS.Get(t, last.ID).Text)
			}
		})
	}
}

// readmeCron returns the two cron lines of the README's crontab block.
func readmeCron(t *testing.T) (weekly, monthly string) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := sc.Text()
		switch {
		case l == "```crontab":
			in = true
		case in && strings.HasPrefix(l, "```"):
			in = false
		case in && l != "" && !strings.HasPrefix(l, "#"):
			lines = append(lines, l)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("the README's crontab block has %d lines, want 2: %q", len(lines), lines)
	}
	return lines[0], lines[1]
}

// cron runs a crontab line's command the way cron does: /bin/sh with
// HOME, PATH=/usr/bin:/bin and nothing else. It returns sh's exit code.
func cron(t *testing.T, home, line string) int {
	t.Helper()
	f := strings.Fields(line)
	cmd := strings.TrimSpace(line[strings.Index(line, f[5]):]) // after the five time fields
	c := exec.Command("/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME="+home, "/bin/sh", "-c", cmd)
	r := runCmd(t, c)
	if r.stdout != "" {
		t.Errorf("cron would mail stdout: %q", r.stdout)
	}
	if r.code == 2 {
		t.Errorf("%s: exit 2: %s", cmd, r.stderr)
	}
	return r.code
}

func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func install(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

// fillDownloads puts the demo's four statements (CP932, as downloaded)
// into a downloads folder beside what else such a folder holds.
func fillDownloads(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob("testdata/demo/*.csv")
	if len(files) != 4 {
		t.Fatalf("demo statements: %v", files)
	}
	os.MkdirAll(filepath.Join(dir, "old"), 0o755)
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, "meisai"+strconv.Itoa(i)+".csv")
		if i == 0 {
			name = filepath.Join(dir, "old", filepath.Base(f))
		}
		os.WriteFile(name, data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "bank.csv"), []byte("取引日,摘要,お預入れ,お引出し\n2022/01/05,ATM,,10000\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("買い物リスト\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "invoice.pdf"), []byte("%PDF-1.4\n"), 0o644)
}

// subjects returns the subjects of the mails to addr, oldest first.
func subjects(t *testing.T, mp mailpittest.Servers, addr string) []string {
	t.Helper()
	msgs := mailpittest.To(t, mp.StartTLS, addr)
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[len(msgs)-1-i] = m.Subject
	}
	return out
}
