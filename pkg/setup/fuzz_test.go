package setup

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
)

// FuzzMailSection: whatever a person types or pastes as host, sender,
// recipient, login or password, init either names the wrong answer or
// renders a section the real loader reads back with exactly those values:
// valid by construction, and no answer can add a key of its own.
func FuzzMailSection(f *testing.F) {
	f.Add("smtp.example.jp", "Taro <taro@example.jp>", "keiri@example.jp", "taro", "pw")
	f.Add("smtp.example.jp", `"a: b\" #c" <me@example.jp>`, `経理 <keiri@example.jp>`, "", `p"#: \`)
	f.Add("smtp.example.jp\nrules: {}", "me@example.jp", "x@example.jp", "u\n  tls: none", "p")
	f.Add("[::1]", "me@example.jp", "x@example.jp", "- a", "&anchor *alias")
	f.Fuzz(func(t *testing.T, host, from, to, user, password string) {
		o := Options{Provider: Custom, Host: host, From: from, To: []string{to}, User: user, Password: password}
		section, err := MailSection(&o)
		if err != nil {
			return
		}
		cfg, err := config.Parse(filepath.Join(t.TempDir(), "config.yaml"), []byte(header(day1)+section))
		if err != nil {
			t.Fatalf("accepted answers render a config the loader refuses: %v\n%s", err, section)
		}
		m := cfg.Mail
		if m.Host != o.Host || m.From != strings.TrimSpace(o.From) || len(m.To) != 1 || m.To[0] != strings.TrimSpace(to) || m.User != o.User {
			t.Fatalf("read back differently:\n%s\ngot %+v", section, m)
		}
		if m.PasswordFile != PasswordFileName || m.PasswordEnv != "" || m.CAFile != "" || m.TLSMode() != o.TLS {
			t.Fatalf("an answer changed another key:\n%s\ngot %+v", section, m)
		}
	})
}

// FuzzInterview: whatever is typed at init's questions (any bytes, any
// lines), the interview ends without panicking, and answers it accepts
// either are refused by name or make a config the loader reads back, the
// statements folder as typed.
func FuzzInterview(f *testing.F) {
	f.Add("1\n\n\n1\nme@gmail.com\n\npw\n")
	f.Add("2\n~/明細: {x}\n\n5\nmail.example.jp\n2\n465\nme@example.jp\na@example.jp, b <b@example.jp>\npw\n")
	f.Add("9\n9\n9\n")
	f.Add("ja\n\"quoted\" # not a comment\n\noutlook\ngmail\nme@gmail.com\n\n\r\n")
	f.Fuzz(func(t *testing.T, answers string) {
		p := NewPrompter(strings.NewReader(answers), io.Discard, lang.EN)
		o := Options{Statements: "~/statements"}
		dl := "~/Downloads"
		if err := Interview(p, &o, &dl, func(string) bool { return false }); err != nil {
			return
		}
		section, err := MailSection(&o)
		if err != nil || strings.ContainsAny(o.Statements, "\r\n") || !utf8.ValidString(o.Statements) {
			return // refused, by name (Write checks the statements folder the same way)
		}
		cfg, err := config.Parse(filepath.Join(t.TempDir(), "config.yaml"), []byte(header(day1)+routine(o, nil)+section))
		if err != nil {
			t.Fatalf("accepted answers render a config the loader refuses: %v\n%s%s", err, routine(o, nil), section)
		}
		if cfg.Statements != o.Statements && !(o.Statements == "" && cfg.Statements == "") {
			t.Fatalf("statements %q read back as %q", o.Statements, cfg.Statements)
		}
	})
}
