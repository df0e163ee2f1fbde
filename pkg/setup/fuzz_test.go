package setup

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/config"
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
