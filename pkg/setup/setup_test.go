package setup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

var day1 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func configPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "cardcheck", "config.yaml")
}

// Valid by construction: every preset's output, and a custom server's, is
// read back by the real config loader from the real files, and the password
// comes back through the same code scan --mail uses.
func TestEveryPresetWritesAConfigTheLoaderReads(t *testing.T) {
	cases := []Options{{Provider: Custom, Host: "mail.example.jp", Port: 2525, TLS: config.TLSStartTLS}}
	for _, p := range Providers() {
		if p.Unsupported == "" {
			cases = append(cases, Options{Provider: p.ID})
		}
	}
	for _, o := range cases {
		t.Run(o.Provider, func(t *testing.T) {
			o.ConfigPath = configPath(t)
			o.From = `Taro "T" Yamada <taro@example.jp>`
			o.To = []string{"経理 <keiri@example.jp>", "owner@example.jp"}
			o.Password = "abcd efgh ijkl mnop"
			o.Now = day1
			res, err := Write(o)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(res.ConfigPath, true)
			if err != nil {
				t.Fatalf("the loader refuses what init wrote: %v", err)
			}
			want := Provider{Host: o.Host, Port: o.Port, TLS: o.TLS}
			if o.Provider != Custom {
				want, _ = LookupProvider(o.Provider)
			}
			m := cfg.Mail
			if m == nil || m.Host != want.Host || m.ServerPort() != want.Port || m.TLSMode() != want.TLS {
				t.Fatalf("mail = %+v, want host %s port %d tls %s", m, want.Host, want.Port, want.TLS)
			}
			if m.User != "taro@example.jp" || len(m.To) != 2 || m.From != o.From || m.To[0] != o.To[0] {
				t.Errorf("user %q, from %q, to %q", m.User, m.From, m.To)
			}
			pw, err := m.ReadPassword(nil)
			if err != nil || pw != o.Password {
				t.Errorf("ReadPassword = %q, %v; want the password given", pw, err)
			}
			for path, want := range map[string]os.FileMode{res.PasswordPath: 0o600, res.ConfigPath: 0o600, filepath.Dir(res.ConfigPath): 0o700} {
				if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
					t.Errorf("%s: mode %v (%v), want %v", path, info.Mode().Perm(), err, want)
				}
			}
		})
	}
}

func TestPasswordFromEnvOrExistingFile(t *testing.T) {
	path := configPath(t)
	res, err := Write(Options{ConfigPath: path, Provider: "gmail", From: "me@gmail.com", PasswordEnv: "CARDCHECK_SMTP_PASSWORD"})
	if err != nil {
		t.Fatal(err)
	}
	if res.PasswordPath != "" {
		t.Errorf("a password file was written: %s", res.PasswordPath)
	}
	pw, err := res.Config.Mail.ReadPassword(func(k string) string { return map[string]string{"CARDCHECK_SMTP_PASSWORD": "s3cret"}[k] })
	if err != nil || pw != "s3cret" {
		t.Errorf("ReadPassword = %q, %v", pw, err)
	}
	if _, err := Write(Options{ConfigPath: configPath(t), Provider: "gmail", From: "me@gmail.com"}); err == nil || !strings.Contains(err.Error(), "needs a password") {
		t.Errorf("no password: err = %v", err)
	}
	if _, err := Write(Options{ConfigPath: configPath(t), Provider: "gmail", From: "me@gmail.com", Password: "a", PasswordEnv: "B"}); err == nil || !strings.Contains(err.Error(), "one way") {
		t.Errorf("two passwords: err = %v", err)
	}
}

// An existing config keeps its text: the mail section is appended. One
// that has a mail section is replaced only with Force, keeping a backup.
func TestExistingConfig(t *testing.T) {
	path := configPath(t)
	os.MkdirAll(filepath.Dir(path), 0o700)
	mine := "# my cards\ncards:\n  - match: \"4980-00**\"\n    mode: recurring-only\npayees:\n  - name: NHK\n    patterns: [\"ＮＨＫ\"]" // no final newline
	if err := os.WriteFile(path, []byte(mine), 0o640); err != nil {
		t.Fatal(err)
	}
	o := Options{ConfigPath: path, Provider: "icloud", From: "me@icloud.com", Password: "p", Now: day1}
	res, err := Write(o)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !res.Appended || !strings.HasPrefix(string(data), mine+"\n") {
		t.Fatalf("the user's text was not kept:\n%s", data)
	}
	cfg, err := config.Load(path, true)
	if err != nil || len(cfg.Payees) != 1 || cfg.Mail == nil || cfg.Mail.Host != "smtp.mail.me.com" {
		t.Fatalf("Load = %+v, %v", cfg, err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("the file's mode changed to %v", info.Mode().Perm())
	}

	o.Provider, o.From = "gmail", "me@gmail.com"
	if _, err := Write(o); !errors.Is(err, ErrExists) {
		t.Fatalf("a second init without --force: err = %v, want ErrExists", err)
	}
	if again, _ := os.ReadFile(path); string(again) != string(data) {
		t.Fatal("a refused init changed the file")
	}
	o.Force = true
	res, err = Write(o)
	if err != nil {
		t.Fatal(err)
	}
	if bak, _ := os.ReadFile(res.Backup); string(bak) != string(data) {
		t.Errorf("backup %s does not hold the old config", res.Backup)
	}
	if cfg, err := config.Load(path, true); err != nil || cfg.Mail.Host != "smtp.gmail.com" {
		t.Errorf("after --force: %+v, %v", cfg, err)
	}

	broken := configPath(t)
	os.MkdirAll(filepath.Dir(broken), 0o700)
	os.WriteFile(broken, []byte("cards:\n\t- match: x\n"), 0o600)
	if _, err := Write(Options{ConfigPath: broken, Provider: "gmail", From: "me@gmail.com", Password: "p"}); err == nil {
		t.Error("init appended to a config that does not load")
	}
}

// Answers are typed by people and pasted from web pages: whatever they
// hold, the config stays one valid mail section, or init says which answer
// is wrong and writes nothing.
func TestHostileAnswers(t *testing.T) {
	bad := []struct {
		name string
		o    Options
		want string
	}{
		{"newline in the host", Options{Host: "smtp.example.jp\nrules: {}"}, "--host"},
		{"a URL as host", Options{Host: "https://smtp.example.jp"}, "--host"},
		{"plain text off the machine", Options{Host: "smtp.example.jp", TLS: "none"}, "plain text"},
		{"unknown TLS mode", Options{Host: "smtp.example.jp", TLS: "ssl"}, "--tls"},
		{"port", Options{Host: "smtp.example.jp", Port: 70000}, "--port"},
		{"not an address", Options{Host: "smtp.example.jp", From: "taro"}, "--from"},
		{"line break in the password", Options{Host: "smtp.example.jp", Password: "a\nb"}, "line break"},
		{"unknown provider", Options{Provider: "gmial"}, "gmail"},
		{"Outlook.com refuses passwords", Options{Provider: "outlook"}, "OAuth"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.o
			o.ConfigPath = configPath(t)
			if o.Provider == "" {
				o.Provider = Custom
			}
			if o.From == "" {
				o.From = "me@example.jp"
			}
			if o.Password == "" {
				o.Password = "p"
			}
			_, err := Write(o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one naming %q", err, tt.want)
			}
			// Said in both languages from the catalogue.
			var e *Error
			if !errors.As(err, &e) || len(e.Messages) == 0 {
				t.Fatalf("err %T is not a *setup.Error", err)
			}
			for _, m := range e.Messages {
				if err := message.Check(m); err != nil {
					t.Error(err)
				}
			}
			if ja := e.In(lang.JA); ja == e.Error() || !strings.ContainsAny(ja, "をはがにでのす") {
				t.Errorf("not said in Japanese: %q", ja)
			}
			if _, err := os.Stat(filepath.Dir(o.ConfigPath)); !os.IsNotExist(err) {
				t.Errorf("something was written after a refused answer")
			}
		})
	}
	// Quotes, backslashes and colons in names are data, not YAML.
	o := Options{ConfigPath: configPath(t), Provider: "gmail", From: `"a: b\" #c" <me@gmail.com>`, To: []string{`"x\y" <y@example.jp>`}, Password: `p"#: \`}
	res, err := Write(o)
	if err != nil {
		t.Fatal(err)
	}
	if pw, err := res.Config.Mail.ReadPassword(nil); err != nil || pw != o.Password {
		t.Errorf("password read back as %q, %v", pw, err)
	}
	if res.Config.Mail.From != o.From || res.Config.Mail.To[0] != o.To[0] {
		t.Errorf("from = %q", res.Config.Mail.From)
	}
}

// The routine's answers (statements folder, language) are written and read
// back, and appending to a config that sets them already keeps its own.
func TestRoutineSettingsPersist(t *testing.T) {
	path := configPath(t)
	o := Options{ConfigPath: path, Provider: "gmail", From: "me@gmail.com", Password: "x", Statements: "~/明細", Lang: lang.JA, Now: day1}
	res, err := Write(o)
	if err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	if l, ok := res.Config.Language(); !ok || l != lang.JA || res.Config.StatementsDir() != filepath.Join(home, "明細") {
		t.Fatalf("lang %v %v, statements %q", l, ok, res.Config.StatementsDir())
	}

	path = configPath(t)
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte("statements: /srv/cards\npayees:\n  - name: ISP\n    patterns: [NET PROVIDER]\n"), 0o600)
	o.ConfigPath = path
	res, err = Write(o)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Appended || res.Config.StatementsDir() != "/srv/cards" || res.Config.Lang != "ja" || len(res.Config.Payees) != 1 {
		t.Errorf("appended %v, statements %q, lang %q, payees %d", res.Appended, res.Config.StatementsDir(), res.Config.Lang, len(res.Config.Payees))
	}
	if _, err := Write(Options{ConfigPath: configPath(t), Provider: "gmail", From: "me@gmail.com", Password: "x", Statements: "a\nmail: {}"}); err == nil {
		t.Error("a statements folder with a line break was written")
	}
}
