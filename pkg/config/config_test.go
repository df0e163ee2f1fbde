package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

func TestParseDemoConfig(t *testing.T) {
	cfg, err := Load("../../testdata/demo/config.yaml", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Payees) != 4 || len(cfg.Cards) != 1 {
		t.Fatalf("payees %d cards %d", len(cfg.Payees), len(cfg.Cards))
	}
	label := "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****"
	if c := cfg.CardFor(label); c == nil || c.Mode != spec.RecurringOnly {
		t.Errorf("CardFor = %+v", c)
	}
	paypal := &statement.Charge{Payee: "SAMPLESOFT", Via: "PAYPAL"}
	if p := cfg.Spec().PayeeFor(label, paypal); p == nil || p.Name != "PayPal (software subscription)" {
		t.Errorf("PayeeFor PayPal = %+v", p)
	}
	if p := cfg.Spec().PayeeFor(label, &statement.Charge{Payee: "APPLE COM BILL"}); p != nil {
		t.Errorf("Apple matched %s", p.Name)
	}
	lo, hi, ok := cfg.Spec().PayeeFor(label, paypal).ExpectedAmount()
	if !ok || lo.String() != "1500" || hi.String() != "1800" {
		t.Errorf("amount %s-%s %v", lo, hi, ok)
	}
}

// TestPatterns checks that the config's payee patterns are compiled with
// their forms (see package payee): whole keys, with or without a processor,
// and explicit prefixes and regular expressions.
func TestPatterns(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte(`
payees:
  - name: newspaper
    patterns: ["ﾄｳｻﾞｲｼﾝﾌﾞﾝ 購読料", "re:^NIKKEI( |$)", "PAYPAL *SAMPLESOFT", "prefix:ASAHI"]
    cards: ["1234"]
`))
	if err != nil {
		t.Fatal(err)
	}
	p := &cfg.Payees[0]
	for _, tt := range []struct {
		key, via string
		want     bool
	}{
		{"トウザイシンブン 購読料", "", true}, {"トウザイシンブン", "", false}, {"トウザイシンブン 購読料ギフト", "", false},
		{"NIKKEI", "", true}, {"NIKKEI DIGITAL", "", true}, {"NIKKEIX", "", false},
		{"SAMPLESOFT", "PAYPAL", true}, {"SAMPLESOFT", "GOOGLE", false}, {"SAMPLESOFTBITCOIN", "PAYPAL", false},
		{"ASAHI SHIMBUN", "", true}, {"THE ASAHI", "", false},
	} {
		if got := p.Matches(tt.key, tt.via); got != tt.want {
			t.Errorf("Matches(%q, %q) = %v", tt.key, tt.via, got)
		}
	}
	if !p.AppliesTo("VISA ****-1234") || p.AppliesTo("VISA ****-9999") {
		t.Error("AppliesTo ignores cards")
	}
}

// TestErrors checks that every problem is reported with its line and column.
func TestErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"unknown key", "payees:\n  - name: x\n    patern: y\n", []string{"c.yaml:3:", "patern"}},
		{"bad mode", "cards:\n  - match: \"1234\"\n    mode: sometimes\n", []string{"c.yaml:3:11", "sometimes"}},
		{"bad amount and cadence", "payees:\n  - name: x\n    amount: lots\n    cadence: daily\n", []string{"c.yaml:3:13", "c.yaml:4:14", "daily"}},
		{"bad regexp", "payees:\n  - patterns: [\"re:(\"]\n", []string{"c.yaml:2:", "re:("}},
		{"syntax", "payees: [\n", []string{"c.yaml:"}},
		{"card without match", "cards:\n  - mode: everyday\n", []string{"c.yaml:2:", "match"}},
		{"user format", "formats:\n  - name: my bank\n    columns: {date: 利用日}\n    date_layout: \"01/02\"\n",
			[]string{"c.yaml:2:11", "c.yaml:4:18", "header", "columns.merchant"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	dir := t.TempDir()
	if cfg, err := Load(filepath.Join(dir, "none.yaml"), false); err != nil || cfg == nil {
		t.Errorf("missing default config: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "none.yaml"), true); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing explicit config: %v", err)
	}
	t.Setenv("XDG_CONFIG_HOME", dir)
	if got := DefaultPath(); got != filepath.Join(dir, "cardcheck", "config.yaml") {
		t.Errorf("DefaultPath = %s", got)
	}
}

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../../testdata/demo/config.yaml"); err == nil {
		f.Add(string(b))
	}
	f.Add("payees:\n  - patterns: [\"re:(\"]\n")
	f.Add("formats:\n  - name: x\n    header: [a]\n    columns: {date: 1, merchant: 2, amount: 3}\n")
	f.Add("statements: ~/明細\nlang: ja\nstale_after: 6w\n")
	f.Add("statements: [a]\nlang: {x: 1}\nstale_after: 99999999999999999999d\n")
	f.Add("notices:\n  authserv_ids: [mx.google.com]\n  dkim_keys: ['s._domainkey.example.jp. IN TXT \"v=DKIM1; p=x\"']\n  cards: [{notice: a, statement: b}]\n")
	f.Add("imap:\n  host: imap.example.jp\n  port: 143\n  tls: starttls\n  user: u\n  password_env: X\n  mailbox: \"受信箱\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		cfg, err := Parse("c.yaml", []byte(s))
		if err != nil {
			if !strings.Contains(err.Error(), "c.yaml") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if cfg == nil {
			t.Fatal("nil config without an error")
		}
	})
}

// TestAllProblemsAtOnce: every section is read even when another is wrong,
// and every problem is reported at its line, in the file's order.
func TestAllProblemsAtOnce(t *testing.T) {
	_, err := Parse("c.yaml", []byte(`cards:
  - match: "1234"
    mode: sometimes
payess:
  - name: x
payees:
  - name: ok
  - name: y
    cadense: monthly
mail:
  host: smtp.example.com
  tls: maybe
  from: a@example.com
  to: [b@example.com]
rules:
  burst: {min: 2}
`))
	got := SplitErrors(err)
	want := []string{
		`c.yaml:3:11: mode "sometimes"`,
		`c.yaml:4:1: unknown key "payess"; did you mean "payees"?`,
		`c.yaml:9:5: unknown key "cadense"; did you mean "cadence"?`,
		`c.yaml:12:8: tls "maybe"`,
	}
	if len(got) != len(want) {
		t.Fatalf("%d problems:\n%v", len(got), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i].Error(), w) {
			t.Errorf("problem %d: %q, want %q…", i, got[i], w)
		}
	}
}

// TestLimits: a config past the size limit, or whose aliases expand past
// the node limit, is refused at once with a message that says so.
func TestLimits(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	if _, err := Parse("c.yaml", []byte(bomb)); err == nil || !strings.Contains(err.Error(), "aliases") {
		t.Errorf("alias bomb: %v", err)
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(path, []byte("payees:\n"+strings.Repeat("  - name: x\n", 100_000)), 0o600)
	if _, err := Load(path, true); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("big config: %v", err)
	}
}
