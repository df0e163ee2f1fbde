package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
)

func TestRoutineSettings(t *testing.T) {
	home, _ := os.UserHomeDir()
	for _, tc := range []struct {
		name, text string
		dir        string
		lang       lang.Lang
		langSet    bool
		stale      int
	}{
		{"none", "", "", lang.EN, false, DefaultStaleAfter},
		{"home", "statements: ~/statements\nlang: ja\nstale_after: 60d\n", filepath.Join(home, "statements"), lang.JA, true, 60},
		{"relative to the config", "statements: archive\nlang: EN\nstale_after: 6w\n", "/etc/cardcheck/archive", lang.EN, true, 42},
		{"a plain number", "stale_after: 30\n", "", lang.EN, false, 30},
		{"off", "stale_after: off\n", "", lang.EN, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Parse("/etc/cardcheck/config.yaml", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			l, set := cfg.Language()
			if cfg.StatementsDir() != tc.dir || l != tc.lang || set != tc.langSet || cfg.StaleDays() != tc.stale {
				t.Errorf("dir %q lang %s %v stale %d; want %q %s %v %d", cfg.StatementsDir(), l, set, cfg.StaleDays(), tc.dir, tc.lang, tc.langSet, tc.stale)
			}
		})
	}
}

// TestRoutineErrors: each bad value is reported at its line, all at once.
func TestRoutineErrors(t *testing.T) {
	text := "statements: [a, b]\nlang: fr\nstale_after: soon\n"
	_, err := Parse("c.yaml", []byte(text))
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{"c.yaml:1:", "statements: want one value", "c.yaml:2:", `lang: language "fr": want ja or en`, "c.yaml:3:", `stale_after: "soon": want a number of days like 1d, 7d, 2w or 1y, or off`} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q lacks %q", got, want)
		}
	}
}
