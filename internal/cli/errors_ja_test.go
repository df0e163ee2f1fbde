package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestErrorsInJapanese: the problems a command prints (a config that cannot
// be read, a missing password file, a missing --config, rules check) are
// said in the user's language, at the same file:line:col and with the same
// exit code as in English (issue 11 §5).
func TestErrorsInJapanese(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	demo, err := os.ReadFile("testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tab := write("tab.yaml", "cards:\n\t- match: \"4980\"\n")
	unknown := write("unknown.yaml", "cards: []\nbogus: 2\n")
	card := write("card.yaml", "cards:\n  - match: \"4980\"\n    mdoe: recurring-only\n")
	mail := write("mail.yaml", string(demo)+"mail:\n  host: localhost\n  port: 465\n  user: u\n"+
		"  password_file: nowhere.txt\n  from: b@example.com\n  to: [a@example.com]\n")
	for _, c := range []struct {
		name   string
		args   []string
		ja, en string // what each language says
	}{
		{"tab", []string{"scan", "--config", tab, "testdata/demo"}, "字下げにはタブではなくスペース", "indent with spaces"},
		{"unknown key", []string{"scan", "--config", unknown, "testdata/demo"}, `"bogus" というキーはありません`, `unknown key "bogus"`},
		{"missing password file", []string{"scan", "--mail", "--config", mail, "--state", filepath.Join(dir, "state"), "testdata/demo"},
			"nowhere.txt を読めません", "mail: password file"},
		{"missing --config", []string{"scan", "--config", filepath.Join(dir, "none.yaml"), "testdata/demo"}, "ファイルがありません", "no such file"},
		{"rules check", []string{"rules", "check", "--config", card}, `"mdoe" というキーはありません。"mode" のことですか`, `did you mean "mode"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			en := cardcheck(t, nil, c.args...)
			ja := cardcheck(t, []string{"LANG=ja_JP.UTF-8"}, c.args...)
			if en.code != 2 || ja.code != en.code {
				t.Errorf("exit %d in English, %d in Japanese; want 2 both", en.code, ja.code)
			}
			if !strings.Contains(en.stderr, c.en) {
				t.Errorf("English stderr lacks %q:\n%s", c.en, en.stderr)
			}
			if !strings.Contains(ja.stderr, c.ja) || strings.Contains(ja.stderr, c.en) {
				t.Errorf("Japanese stderr lacks %q or still says %q:\n%s", c.ja, c.en, ja.stderr)
			}
			if e, j := positions(en.stderr), positions(ja.stderr); strings.Join(e, " ") != strings.Join(j, " ") {
				t.Errorf("positions in English %v, in Japanese %v", e, j)
			}
		})
	}
}

var position = regexp.MustCompile(`(?m)^\S+\.yaml:\d+:\d+:`)

// positions lists the file:line:col each line of errors starts with.
func positions(stderr string) []string { return position.FindAllString(stderr, -1) }
