package importer_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func fake(name string, sniff func(string) bool, keywords ...string) importer.Format {
	return importer.Format{
		Name: name, Keywords: keywords, Sniff: sniff,
		Parse: func(in *importer.Input) (*statement.Statement, error) { return &statement.Statement{}, nil },
	}
}

func TestSniff(t *testing.T) {
	r := &importer.Registry{}
	r.Register(fake("alpha", func(h string) bool { return strings.HasPrefix(h, "ALPHA") }, "ALPHA", "利用日"))
	r.Register(fake("beta", func(h string) bool { return strings.Contains(h, "BETA") }, "BETA", "利用日", "金額"))
	r.Register(fake("gamma", func(h string) bool { return strings.Contains(h, "BETA") }, "GAMMA"))

	if f, err := r.Sniff("ALPHA,1\n"); err != nil || f.Name != "alpha" {
		t.Errorf("ALPHA: %v, %v", f, err)
	}
	// No format: the error names the nearest by shared keywords, best first,
	// and points to the user-defined formats.
	_, err := r.Sniff("利用日,金額,店\n")
	if !errors.Is(err, importer.ErrUnknownFormat) || !strings.Contains(err.Error(), "nearest: beta, alpha") || !strings.Contains(err.Error(), "formats:") {
		t.Errorf("unknown: %v", err)
	}
	// Two formats: an error naming both, never a guess.
	_, err = r.Sniff("BETA\n")
	if !errors.Is(err, importer.ErrAmbiguousFormat) || !strings.Contains(err.Error(), "beta, gamma") {
		t.Errorf("ambiguous: %v", err)
	}
	// A user's format settles it.
	r.Register(fake("user:mine", func(h string) bool { return strings.Contains(h, "BETA") }))
	if f, err := r.Sniff("BETA\n"); err != nil || f.Name != "user:mine" {
		t.Errorf("with a user format: %v, %v", f, err)
	}
	res := r.Import("x.csv", bytes.NewReader([]byte("nothing,known\n")))
	if len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0].Error(), "x.csv: ") {
		t.Errorf("import of an unknown file: %v", res.Errors)
	}
}

func TestRegisterPanics(t *testing.T) {
	for name, f := range map[string]func(r *importer.Registry){
		"duplicate": func(r *importer.Registry) {
			r.Register(fake("a", func(string) bool { return false }))
			r.Register(fake("a", func(string) bool { return false }))
		},
		"incomplete": func(r *importer.Registry) { r.Register(importer.Format{Name: "b"}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: Register did not panic", name)
				}
			}()
			f(&importer.Registry{})
		}()
	}
}

func TestFormatsSorted(t *testing.T) {
	r := &importer.Registry{}
	for _, name := range []string{"vpass", "aeon", "user:mine", "jcb", "amex"} {
		r.Register(fake(name, func(string) bool { return false }))
	}
	var names []string
	for _, f := range r.Formats() {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "aeon,amex,jcb,user:mine,vpass" {
		t.Errorf("Formats() = %s, want them sorted by name", got)
	}
}
