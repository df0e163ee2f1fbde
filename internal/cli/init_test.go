package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
)

// TestInitInteractive: init asked in a terminal-less session, the answers
// fed as a person types them (a custom server: mailpit's), writes a config
// the loader reads, sends the test mail, and prints the schedule.
func TestInitInteractive(t *testing.T) {
	mp := mailpittest.Get(t)
	cleanEnv(t, nil)
	home := os.Getenv("HOME")
	to := mailpittest.Recipient(t)
	answers := strings.Join([]string{
		"ja", "", "", // language, statements, downloads: the defaults
		"5", mp.StartTLS.Host(), "1", strconv.Itoa(mp.StartTLS.Port()), // custom server, STARTTLS
		"cardcheck <" + mp.User + "@example.test>", to, mp.Password,
	}, "\n") + "\n"
	var out, errb bytes.Buffer
	code := Main([]string{"init", "--ca-file", mp.CAFile, "--user", mp.User}, strings.NewReader(answers), &out, &errb)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out.String(), errb.String())
	}
	cfg, err := config.Load(filepath.Join(home, "config", "cardcheck", "config.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Lang != "ja" || cfg.StatementsDir() != filepath.Join(home, "statements") || cfg.Mail.Host != mp.StartTLS.Host() || cfg.Mail.To[0] != to {
		t.Errorf("config: lang %q statements %q mail %+v", cfg.Lang, cfg.StatementsDir(), cfg.Mail)
	}
	said := out.String()
	for _, want := range []string{"Language for reports and mail [en]: ", "送信元のメールアドレス: ", "テストメールを送りました", `"$HOME/Downloads"`} {
		if !strings.Contains(said, want) {
			t.Errorf("init did not say %q:\n%s", want, said)
		}
	}
	if msgs := mailpittest.To(t, mp.StartTLS, to); len(msgs) != 1 || msgs[0].Subject != "[cardcheck] テストメール" {
		t.Errorf("test mails: %+v", msgs)
	}
}

// TestMailTestExplains: a refused login is said in plain words in the
// user's language, with where the password came from, and exit status 2.
func TestMailTestExplains(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(cfg, []byte("lang: ja\n"+mp.Config(mp.StartTLS, "starttls", "CC_SMTP_PASSWORD", mailpittest.Recipient(t))), 0o600)
	r := cardcheck(t, []string{"CC_SMTP_PASSWORD=wrong-password"}, "--config", cfg, "mail", "test")
	if r.code != 2 || !strings.Contains(r.stderr, "ログイン") || !strings.Contains(r.stderr, "CC_SMTP_PASSWORD") || strings.Contains(r.stderr, "wrong-password") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	r = cardcheck(t, nil, "mail", "test")
	if r.code != 2 || !strings.Contains(r.stderr, "cardcheck init") {
		t.Errorf("no config: exit %d\n%s", r.code, r.stderr)
	}
}
