package configedit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
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
			"# added by cardcheck allow on 2022-02-01\n- name: \"b\\\"c\"\n  patterns: [\"B\\\"C\"]\n"},
		{"empty payees key", "payees:\nmail:\n  host: h\n  from: a@b.c\n  to: [d@e.f]\n", "NETFLIX.COM", "",
			"  # added by cardcheck allow on 2022-02-01\n  - name: \"NETFLIX.COM\"\n    patterns: [\"NETFLIX.COM\"]\n"},
		{"no final newline", "payees:\n  - name: a", "b", "", "  # added by cardcheck allow on 2022-02-01\n  - name: \"b\"\n    patterns: [\"B\"]\n"},
		{"CRLF line ends", "# Windows\r\npayees:\r\n  - name: a\r\n", "b", "",
			"  # added by cardcheck allow on 2022-02-01\r\n  - name: \"b\"\r\n    patterns: [\"B\"]\r\n"},
		{"new file", "", "b", "", "payees:\n  # added by cardcheck allow on 2022-02-01\n  - name: \"b\"\n    patterns: [\"B\"]\n"},
		// A card number typed or pasted in is masked as a statement's is,
		// so the pattern is the key scan gives that merchant (whose last
		// group of digits, a store number to the key, is left out).
		{"card numbers masked", "", "SHOP ４１１１ １１１１ １１１１ １１１１", "4111111111111111", "payees:\n  # added by cardcheck allow on 2022-02-01\n" +
			"  - name: \"SHOP **** **** **** １１１１\"\n    patterns: [\"SHOP **** **** ****\"]\n    cards: [\"************1111\"]\n"},
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
			if p.Name != cardnum.Mask(tt.pattern) || (tt.card != "" && (len(p.Cards) != 1 || p.Cards[0] != cardnum.Mask(tt.card))) {
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

func TestEditKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "config.yaml")
	put := func(text string) func([]byte) ([]byte, error) {
		return func([]byte) ([]byte, error) { return []byte(text), nil }
	}
	if err := Edit(path, put("payees:\n")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("new config: %v %v", info, err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Edit(path, put("cards:\n")); err != nil {
		t.Fatal(err)
	}
	info, _ = os.Stat(path)
	data, _ := os.ReadFile(path)
	if info.Mode().Perm() != 0o640 || string(data) != "cards:\n" {
		t.Errorf("rewritten config: %v %q", info.Mode(), data)
	}
}

// TestEditSafely: issue 10's config writes. A symlinked config is written
// through the link (the link stays); a read-only config is left alone; 20
// runs of allow at once keep all 20 entries; the temporary file of a
// killed run is removed.
func TestEditSafely(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "cardcheck.yaml")
	os.MkdirAll(filepath.Dir(real), 0o700)
	os.WriteFile(real, []byte("payees:\n"), 0o600)
	link := filepath.Join(dir, "config.yaml")
	os.Symlink(real, link)
	leftover := filepath.Join(filepath.Dir(real), ".cardcheck.yaml.123.tmp")
	os.WriteFile(leftover, []byte("half a config"), 0o600)
	if err := AllowPayee(link, "NETFLIX.COM", "", day); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", info.Mode())
	}
	if data, _ := os.ReadFile(real); !strings.Contains(string(data), "NETFLIX.COM") {
		t.Errorf("the target was not written:\n%s", data)
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Error("a killed run's temporary file is still there")
	}

	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := AllowPayee(link, fmt.Sprintf("SHOP %c", 'A'+i), "", day); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	data, _ := os.ReadFile(real)
	if n := strings.Count(string(data), "- name:"); n != 21 {
		t.Errorf("%d entries after 20 concurrent allows and one before, want 21", n)
	}

	os.Chmod(real, 0o444)
	before, _ := os.ReadFile(real)
	if err := AllowPayee(link, "SPOTIFY", "", day); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only config: %v", err)
	}
	if after, _ := os.ReadFile(real); string(after) != string(before) {
		t.Error("a read-only config was rewritten")
	}
}

// TestAllowWritesExactKeys: allow copies a merchant as an exact payee key,
// so a name that looks like a pattern ('re:.*') matches only itself and
// does not make every payee known.
func TestAllowWritesExactKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := AllowPayee(path, "re:.*", "", day); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `patterns: ["RE:.*"]`) {
		t.Fatalf("config:\n%s", data)
	}
	cfg, err := config.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	p := &cfg.Payees[0]
	if p.Matches("APPLE COM BILL", "") || !p.Matches("RE:.*", "") {
		t.Errorf("the entry matches the wrong payees")
	}
}

// TestAllowReadsWithLimits: allow reads the config as every command does,
// so a config past the size limit is refused, not read into memory.
func TestAllowReadsWithLimits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(path, []byte("payees:\n"+strings.Repeat("  - name: x\n", 100_000)), 0o600)
	if err := AllowPayee(path, "SHOP", "", day); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("allow on a 1.2 MB config: %v", err)
	}
}
