package mailcheck

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
	"github.com/cardcheck/cardcheck/pkg/setup"
)

func send(t *testing.T, cfg *config.Config, l lang.Lang, getenv func(string) string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return Send(ctx, Options{Config: cfg, Lang: l, Getenv: getenv, Timeout: 3 * time.Second})
}

// The first hour's second step: init writes the config and the password
// file for a real server, and the test mail arrives, in either language.
func TestInitThenTestMail(t *testing.T) {
	mp := mailpittest.Get(t)
	for _, l := range []lang.Lang{lang.EN, lang.JA} {
		t.Run(string(l), func(t *testing.T) {
			to := mailpittest.Recipient(t)
			res, err := setup.Write(setup.Options{
				ConfigPath: filepath.Join(t.TempDir(), "config.yaml"),
				Provider:   setup.Custom, Host: mp.StartTLS.Host(), Port: mp.StartTLS.Port(),
				User: mp.User, Password: mp.Password, CAFile: mp.CAFile,
				From: "cardcheck <cardcheck@example.test>", To: []string{to},
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := send(t, res.Config, l, nil); err != nil {
				t.Fatalf("the test mail failed: %v", err)
			}
			got := mailpittest.To(t, mp.StartTLS, to)
			if len(got) != 1 {
				t.Fatalf("%d messages arrived, want 1", len(got))
			}
			m := mp.StartTLS.Get(t, got[0].ID)
			want := map[lang.Lang]string{lang.EN: "test mail", lang.JA: "テストメール"}[l]
			if !strings.Contains(m.Subject, want) || !strings.Contains(m.Text, "cardcheck") || !strings.Contains(m.HTML, "cardcheck") {
				t.Errorf("subject %q, text %q", m.Subject, m.Text)
			}
		})
	}
}

// Each way a first setup goes wrong is named, in both languages, with what
// to do, never with the password, and sends nothing.
func TestFailuresInPlainWords(t *testing.T) {
	mp := mailpittest.Get(t)
	const wrong = "hunter2-wrong-password"
	refused := freePort(t)
	silent := silentServer(t)
	relay := relayServer(t)
	for _, tc := range []struct {
		name   string
		yaml   string
		getenv func(string) string
		kind   Kind
		en, ja string
	}{
		{"no mail section", "", nil, NoConfig, "cardcheck init", "cardcheck init"},
		{"password variable unset", mp.Config(mp.StartTLS, "starttls", "CARDCHECK_TEST_SMTP_PASSWORD"), func(string) string { return "" }, Password, "is not set", "パスワードを読めません"},
		{"misspelt host", "mail:\n  host: smtp.cardcheck.invalid\n  from: a@example.test\n  to: [b@example.test]\n", nil, DNS, "was not found", "見つかりません"},
		{"nothing listening", "mail:\n  host: 127.0.0.1\n  port: " + refused + "\n  from: a@example.test\n  to: [b@example.test]\n", nil, Refused, "refused", "接続できません"},
		{"server never answers", "mail:\n  host: 127.0.0.1\n  port: " + silent + "\n  tls: implicit\n  from: a@example.test\n  to: [b@example.test]\n", nil, Timeout, "did not answer in time", "応答がありません"},
		{"starttls to a plain server", mp.Config(mp.Plain, "starttls", ""), nil, NoSTARTTLS, "tls: implicit", "STARTTLS"},
		{"implicit to a plain server", mp.Config(mp.Plain, "implicit", ""), nil, TLSMismatch, "tls: starttls", "TLS で応答しません"},
		{"self-signed certificate, no ca_file", strings.Replace(mp.Config(mp.StartTLS, "starttls", "CARDCHECK_TEST_SMTP_PASSWORD"), "ca_file: "+mp.CAFile, "ca_file: \"\"", 1), nil, Certificate, "mail.ca_file", "mail.ca_file"},
		{"wrong password", mp.Config(mp.StartTLS, "starttls", "CARDCHECK_TEST_SMTP_PASSWORD"), func(string) string { return wrong }, Auth, "app password", "アプリ パスワード"},
		{"recipient refused", relay, nil, Relay, "refused a recipient", "宛先"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			to := mailpittest.Recipient(t)
			yaml := strings.Replace(tc.yaml, "to:\n", "to:\n    - "+to+"\n", 1)
			cfg, err := config.Parse(filepath.Join(t.TempDir(), "config.yaml"), []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			err = send(t, cfg, lang.EN, tc.getenv)
			p, ok := err.(*Problem)
			if !ok {
				t.Fatalf("error %v (%T), want a *Problem", err, err)
			}
			if err := message.Check(p.Message); err != nil {
				t.Fatal(err)
			}
			if p.Kind != tc.kind || !strings.Contains(p.In(lang.EN), tc.en) || !strings.Contains(p.In(lang.JA), tc.ja) {
				t.Fatalf("kind %s, want %s\nen: %s\nja: %s\ncause: %v", p.Kind, tc.kind, p.In(lang.EN), p.In(lang.JA), p.Err)
			}
			for _, s := range []string{p.In(lang.EN), p.In(lang.JA)} {
				if strings.Contains(s, wrong) || strings.Contains(s, mp.Password) {
					t.Errorf("the explanation shows the password: %s", s)
				}
			}
			for _, srv := range []mailpittest.Server{mp.StartTLS, mp.TLS, mp.Plain} {
				if n := len(mailpittest.To(t, srv, to)); n != 0 {
					t.Errorf("%d messages arrived", n)
				}
			}
		})
	}
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	return port
}

// silentServer accepts connections and never says a word, as a server
// behind a firewall that drops instead of refusing does.
func silentServer(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
		}
	}()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// relayServer starts one more mailpit (the binary .ci/mailpit.sh installs)
// that accepts only recipients at allowed.example.test, as a server refusing
// to relay does, and returns a mail: section for it (plain SMTP to
// loopback) ending in "to:\n".
func relayServer(t *testing.T) string {
	bin, err := exec.LookPath("mailpit")
	if err != nil {
		t.Fatalf("mailpit is not on PATH: %v", err)
	}
	smtp, api := freePort(t), freePort(t)
	cmd := exec.Command(bin, "--smtp", "127.0.0.1:"+smtp, "--listen", "127.0.0.1:"+api,
		"--database", filepath.Join(t.TempDir(), "relay.db"), "--disable-version-check", "--smtp-disable-rdns", "--quiet",
		"--smtp-allowed-recipients", `@allowed\.example\.test$`)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; ; i++ {
		if c, err := net.Dial("tcp", "127.0.0.1:"+smtp); err == nil {
			c.Close()
			break
		}
		if i == 100 {
			t.Fatal("the relay-refusing mailpit did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return "mail:\n  host: 127.0.0.1\n  port: " + smtp + "\n  tls: none\n  from: a@example.test\n  to:\n"
}
