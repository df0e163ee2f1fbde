package configedit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
)

var day = time.Date(2022, 2, 1, 9, 0, 0, 0, time.UTC)

func TestAllowPayee(t *testing.T) {
	demo, err := os.ReadFile("../../testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, before, pattern, card, added string
	}{
		{"demo config: appended after the last payee", string(demo), "APPLE COM BILL", "4980-00**",
			"  # added by cardcheck allow on 2022-02-01\n  - name: \"APPLE COM BILL\"\n    patterns: [\"APPLE COM BILL\"]\n    cards: [\"4980-00**\"]\n"},
		{"no payees yet", "# my cards\ncards:\n  - match: \"1234\"\n", "会費ペイ", "",
			"\npayees:\n  # added by cardcheck allow on 2022-02-01\n  - name: \"会費ペイ\"\n    patterns: [\"会費ペイ\"]\n"},
		{"items at column 0, comments and a later section kept", "payees:\n- name: a   # first\n  patterns: [a]\n\n# formats come next\nformats: []\n", "b\"c", "",
			"# added by cardcheck allow on 2022-02-01\n- name: \"b\\\"c\"\n  patterns: [\"b\\\"c\"]\n"},
		{"empty payees key", "payees:\nmail:\n  host: h\n  from: a@b.c\n  to: [d@e.f]\n", "NETFLIX.COM", "",
			"  # added by cardcheck allow on 2022-02-01\n  - name: \"NETFLIX.COM\"\n    patterns: [\"NETFLIX.COM\"]\n"},
		{"no final newline", "payees:\n  - name: a", "b", "", "  # added by cardcheck allow on 2022-02-01\n  - name: \"b\"\n    patterns: [\"b\"]\n"},
		{"CRLF line ends", "# Windows\r\npayees:\r\n  - name: a\r\n", "b", "",
			"  # added by cardcheck allow on 2022-02-01\r\n  - name: \"b\"\r\n    patterns: [\"b\"]\r\n"},
		{"new file", "", "b", "", "payees:\n  # added by cardcheck allow on 2022-02-01\n  - name: \"b\"\n    patterns: [\"b\"]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cardcheck", "config.yaml")
			if tt.before != "" {
				os.MkdirAll(filepath.Dir(path), 0o700)
				os.WriteFile(path, []byte(tt.before), 0o640)
			}
			if err := AllowPayee(path, tt.pattern, tt.card, day); err != nil {
				t.Fatal(err)
			}
			after, _ := os.ReadFile(path)
			// Taking the added lines out gives back the file as it was.
			i := strings.Index(string(after), tt.added)
			if i < 0 {
				t.Fatalf("the entry is not there as expected:\n%s", after)
			}
			rest := string(after[:i]) + string(after[i+len(tt.added):])
			if before := tt.before; rest != before && rest != before+"\n" {
				t.Errorf("the rest of the file changed:\n%s\nwas:\n%s", rest, before)
			}
			cfg, err := config.Parse(path, after)
			if err != nil {
				t.Fatal(err)
			}
			p := cfg.Payees[len(cfg.Payees)-1]
			if p.Name != tt.pattern || (tt.card != "" && (len(p.Cards) != 1 || p.Cards[0] != tt.card)) {
				t.Errorf("the new payee reads as %+v", p)
			}
			info, _ := os.Stat(path)
			if want := map[bool]os.FileMode{true: 0o600, false: 0o640}[tt.before == ""]; info.Mode().Perm() != want {
				t.Errorf("mode %04o, want %04o", info.Mode().Perm(), want)
			}
			// Twice is once.
			if err := AllowPayee(path, tt.pattern, tt.card, day); !errors.Is(err, ErrKnown) {
				t.Errorf("the second time: %v", err)
			}
		})
	}
}

func TestAllowPayeeRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct{ before, pattern, want string }{
		"flow style":    {"payees: [{name: a}]\n", "b", "on one line"},
		"broken config": {"payees:\n  - patterns: [\"re:(\"]\n", "b", "fix them first"},
		"control chars": {"", "a\nb", "control characters"},
		"empty":         {"", "  ", "nothing to match"},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".yaml")
		if c.before != "" {
			os.WriteFile(path, []byte(c.before), 0o600)
		}
		err := AllowPayee(path, c.pattern, "", day)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
		if after, _ := os.ReadFile(path); string(after) != c.before {
			t.Errorf("%s: the file changed", name)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "config.yaml")
	if err := WriteFile(path, []byte("payees:\n")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("new config: %v %v", info, err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("cards:\n")); err != nil {
		t.Fatal(err)
	}
	info, _ = os.Stat(path)
	data, _ := os.ReadFile(path)
	if info.Mode().Perm() != 0o640 || string(data) != "cards:\n" {
		t.Errorf("rewritten config: %v %q", info.Mode(), data)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}
