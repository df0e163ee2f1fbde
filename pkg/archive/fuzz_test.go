package archive

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzComponent: a card name or company chosen by whoever wrote the file
// becomes one path component: never empty, "." or "..", never a separator,
// control or invisible character, never 13 digits in a row.
func FuzzComponent(f *testing.F) {
	f.Add("三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****")
	f.Add("../../etc/passwd")
	f.Add("カード 4980 0012 3456 7890\x1b[2J")
	f.Add("４９８０００１２３４５６７８９０")
	f.Add("a\u202eb\u200bc")
	f.Add(" . ")
	f.Fuzz(func(t *testing.T, s string) {
		c := component(s, "card")
		if c == "" || c == "." || c == ".." || strings.HasPrefix(c, " ") || strings.HasSuffix(c, " ") {
			t.Fatalf("component(%q) = %q", s, c)
		}
		if !utf8.ValidString(c) || len(c) > 120 {
			t.Fatalf("component(%q) = %q: invalid UTF-8 or too long", s, c)
		}
		if filepath.Base(c) != c || strings.ContainsAny(c, `/\:?"<>|*`) {
			t.Fatalf("component(%q) = %q holds a separator or reserved character", s, c)
		}
		digits := 0
		for _, r := range c {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("component(%q) = %q holds %U", s, c, r)
			}
			if r >= '0' && r <= '9' {
				digits++
				if digits >= 13 {
					t.Fatalf("component(%q) = %q holds a card number", s, c)
				}
			} else {
				digits = 0 // separated groups are cardnum.Mask's to judge (Luhn), tested there
			}
		}
	})
}
