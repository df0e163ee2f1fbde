package cardnum

import (
	"testing"
	"unicode/utf8"
)

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"4980-00**-****-****":                    "4980-00**-****-****",
		"4111111111111111":                       "************1111",
		"4111 1111 1111 1111":                    "**** **** **** 1111",
		"VISA 4111-1111-1111-1111 ビジネス":          "VISA ****-****-****-1111 ビジネス",
		"AMEX 3782 822463 10005":                 "AMEX **** ****** *0005",
		"４１１１１１１１１１１１１１１１":                       "************１１１１",
		"APPLE 4111111111111111 4222222222222":   "APPLE **************** *********2222",
		"2022-01-24 ¥10,000 APPLE COM BILL":      "2022-01-24 ¥10,000 APPLE COM BILL",
		"order 123456789012":                     "order 123456789012",
		"card 4111-1111-1111-1111, ref 12345678": "card ****-****-****-1111, ref 12345678",
		"":                                       "",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzMask: whatever the text, no 13 digits in a row (separators allowed)
// survive, and only digits change.
func FuzzMask(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "x4111-1111-1111-1111y", "2022-01-24 2022-01-25", "１２３４５６７８９０１２３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Mask(s)
		in, out := []rune(s), []rune(got)
		if len(in) != len(out) {
			t.Fatalf("Mask(%q) = %q: length changed", s, got)
		}
		for i, r := range out {
			if r != in[i] && (r != '*' || !isDigit(in[i])) {
				t.Fatalf("Mask(%q) = %q: changed a non-digit", s, got)
			}
		}
		if n := longestRun(out); n >= MinDigits {
			t.Fatalf("Mask(%q) = %q: %d digits in a row", s, got, n)
		}
	})
}

// longestRun counts the digits of the longest run of digits joined by
// single separators.
func longestRun(rs []rune) int {
	best, n := 0, 0
	for i, r := range rs {
		switch {
		case isDigit(r):
			n++
			best = max(best, n)
		case isSep(r) && n > 0 && i+1 < len(rs) && isDigit(rs[i+1]):
		default:
			n = 0
		}
	}
	return best
}
