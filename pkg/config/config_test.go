package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
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
	if c := cfg.CardFor(label); c == nil || c.Mode != RecurringOnly {
		t.Errorf("CardFor = %+v", c)
	}
	paypal := &statement.Charge{Payee: "SAMPLESOFT", Via: "PAYPAL"}
	if p := cfg.PayeeFor(label, paypal); p == nil || p.Name != "PayPal (software subscription)" {
		t.Errorf("PayeeFor PayPal = %+v", p)
	}
	if p := cfg.PayeeFor(label, &statement.Charge{Payee: "APPLE COM BILL"}); p != nil {
		t.Errorf("Apple matched %s", p.Name)
	}
	lo, hi, ok := cfg.PayeeFor(label, paypal).ExpectedAmount()
	if !ok || lo.String() != "1500" || hi.String() != "1800" {
		t.Errorf("amount %s-%s %v", lo, hi, ok)
	}
}

func TestPatterns(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte(`
payees:
  - name: newspaper
    patterns: ["ﾄｳｻﾞｲｼﾝﾌﾞﾝ", "re:^NIKKEI( |$)", "PAYPAL"]
    cards: ["1234"]
`))
	if err != nil {
		t.Fatal(err)
	}
	p := &cfg.Payees[0]
	for k, want := range map[string]bool{"トウザイシンブン 購読料": true, "NIKKEI": true, "NIKKEI DIGITAL": true, "NIKKEIX": false, "ASAHI": false} {
		if got := p.Matches(k); got != want {
			t.Errorf("Matches(%q) = %v", k, got)
		}
	}
	if !p.MatchesCharge(&statement.Charge{Payee: "SAMPLESOFT", Via: "PAYPAL"}) || p.MatchesCharge(&statement.Charge{Payee: "SAMPLESOFT"}) {
		t.Error("a processor pattern does not find the processor's payees")
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
	if _, err := Load(filepath.Join(dir, "none.yaml"), true); !os.IsNotExist(err) {
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
