package setup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/config"
)

// init --force replaces only what init writes (mail:, statements:, lang:):
// the user's cards, payees, rules, other sections and comments stay, byte
// for byte, where they were.
func TestForceKeepsTheRest(t *testing.T) {
	path := configPath(t)
	os.MkdirAll(filepath.Dir(path), 0o700)
	before := `# My cardcheck config.

statements: "~/old-statements"
lang: en

# The corporate card: four recurring payments only.
cards:
  - match: "4980-00**"   # the SMBC business card
    name: corporate card
    mode: recurring-only

# mail for alerts (old provider)
mail:
  host: "smtp.old.example"
  port: 587
  # the old relay wanted this
  user: "me"
  password_env: "OLD_PASSWORD"
  from: "me@old.example"
  to:
    - "me@old.example"

# Known payees.
payees:
  - name: NHK
    patterns: ["ＮＨＫ"]   # 受信料
rules:
  burst:
    count: 4
# the end`
	if err := os.WriteFile(path, []byte(before), 0o640); err != nil {
		t.Fatal(err)
	}
	o := Options{ConfigPath: path, Provider: "gmail", From: "me@gmail.com", Password: "app-password", Statements: "~/statements",
		Lang: "ja", Force: true, Now: day1}
	res, err := Write(o)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	got := string(after)
	for _, kept := range []string{
		"# My cardcheck config.\n\n",
		"# The corporate card: four recurring payments only.\ncards:\n  - match: \"4980-00**\"   # the SMBC business card\n    name: corporate card\n    mode: recurring-only\n\n# mail for alerts (old provider)\nmail:\n",
		"\n# Known payees.\npayees:\n  - name: NHK\n    patterns: [\"ＮＨＫ\"]   # 受信料\nrules:\n  burst:\n    count: 4\n# the end",
	} {
		if !strings.Contains(got, kept) {
			t.Errorf("lost %q:\n%s", kept, got)
		}
	}
	for _, gone := range []string{"smtp.old.example", "OLD_PASSWORD", "the old relay", "old-statements", "lang: en"} {
		if strings.Contains(got, gone) {
			t.Errorf("kept %q of the old settings:\n%s", gone, got)
		}
	}
	if strings.Count(got, "mail:") != 1 || strings.Count(got, "statements:") != 1 || strings.Count(got, "lang:") != 1 {
		t.Errorf("a key written twice:\n%s", got)
	}
	cfg, err := config.Load(path, true)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	if cfg.Mail.Host != "smtp.gmail.com" || cfg.Statements != "~/statements" || cfg.Lang != "ja" || len(cfg.Cards) != 1 || len(cfg.Payees) != 1 {
		t.Errorf("loaded %+v", cfg)
	}
	if bak, _ := os.ReadFile(res.Backup); string(bak) != before {
		t.Errorf("backup %s does not hold the old config", res.Backup)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the file's own 0640", info.Mode().Perm())
	}
	if pw, _ := os.ReadFile(res.PasswordPath); string(pw) != "app-password\n" {
		t.Errorf("password file %q", pw)
	}

	// Keys init writes that the config lacked are added at the end; mail
	// as the last section is replaced to the end of the file.
	os.WriteFile(path, []byte("cards:\n  - match: x\nmail:\n  host: a\n  from: a@example.com\n  to: [a@example.com]\n"), 0o600)
	if _, err := Write(o); err != nil {
		t.Fatal(err)
	}
	after, _ = os.ReadFile(path)
	if cfg, err := config.Load(path, true); err != nil || cfg.Mail.Host != "smtp.gmail.com" || cfg.Statements != "~/statements" || len(cfg.Cards) != 1 {
		t.Errorf("%+v %v\n%s", cfg, err, after)
	}
	if !strings.HasPrefix(string(after), "cards:\n  - match: x\nmail:\n  host: \"smtp.gmail.com\"") {
		t.Errorf("not replaced in place:\n%s", after)
	}
}
