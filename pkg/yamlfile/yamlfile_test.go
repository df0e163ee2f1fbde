package yamlfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

type entry struct {
	Name     string   `yaml:"name"`
	Patterns []string `yaml:"patterns"`
	Port     int      `yaml:"port"`
}

func TestProblemsInPlainWords(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"tabs, every line", "payees:\n\t- name: x\n\t  patterns: [a]\n", []string{"c.yaml:2:1: indent with spaces, not tabs", "c.yaml:3:1: indent with spaces, not tabs"}},
		{"indentation", "payees:\n  - name: x\n    patterns: [a]\n   cadence: monthly\n", []string{"c.yaml:4:4:", "line up"}},
		{"missing colon", "mail:\n  host: smtp.example.com\n  port 587\n", []string{"c.yaml:3:3:", "colon"}},
		{"aliases", "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
			[]string{"c.yaml:", "aliases", "expand to more than"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.text))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
	if _, err := Parse("c.yaml", []byte(strings.Repeat("#", MaxSize+1))); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("size: %v", err)
	}
}

func TestDecodeWords(t *testing.T) {
	for text, want := range map[string]string{
		"name: x\npatern: [a]\n": `c.yaml:2:1: unknown key "patern"; did you mean "patterns"? (the keys here are name, patterns, port)`,
		"name: x\nport: abc\n":   "c.yaml:2:7: want a whole number",
		"name: [a]\n":            "c.yaml:1:7: want text",
	} {
		f, err := Parse("c.yaml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		var e entry
		err = Decode("c.yaml", Body(f), &e)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "config.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	// Opening a FIFO with no writer would block forever: ReadFile returns.
	if _, err := ReadFile(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file (a FIFO)") {
		t.Errorf("FIFO: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, make([]byte, MaxSize+1), 0o600)
	var e *Error
	if _, err := ReadFile(big); !errors.As(err, &e) || !strings.Contains(err.Error(), "more than") {
		t.Errorf("big: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}
