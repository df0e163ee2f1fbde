package cardnum

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
		// Issue 10: separators of any kind and length, invisible joiners,
		// digits of every form.
		"4111\u200b1111\u200b1111\u200b1112 SHOP": "****\u200b****\u200b****\u200b1112 SHOP",
		"4111\t1111\t1111\t1112 SHOP":             "****\t****\t****\t1112 SHOP",
		"4111\u00a01111\u00a01111\u00a01112":      "****\u00a0****\u00a0****\u00a01112",
		"4111  1111  1111  1112":                  "****  ****  ****  1112",
		"4111 - 1111 - 1111 - 1112":               "**** - **** - **** - 1112",
		"4980.0012.3456.7890":                     "****.****.****.7890",
		"4111/1111/1111/1112":                     "****/****/****/1112",
		"4111_1111_1111_1112":                     "****_****_****_1112",
		"④①①①①①①①①①①①①①①②":                        "************①①①②",
		"𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟐":                        "************𝟏𝟏𝟏𝟐",
		"⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹²":                        "************¹¹¹²",
		"4111-1111-1111-1111 2025":                "****-****-****-**** 2025",
		"0000-0000-0000-0***":                     "****-****-*000-0***",
		// A Luhn-valid number in odd groups; the same digits failing
		// Luhn are left as they are (they may be a date or a count).
		"41 11 11 11 11 11 11 11": "** ** ** ** ** ** 11 11",
		"41 11 11 11 11 11 11 12": "41 11 11 11 11 11 11 12",
		// Dates, times and amounts are groups of one or two digits.
		"2022-01-24〜2022-01-31":          "2022-01-24〜2022-01-31",
		"2022/01/24 12:30:45 2022/01/25": "2022/01/24 12:30:45 2022/01/25",
		"¥1,300,000 ¥2,500,000 ¥9,000":   "¥1,300,000 ¥2,500,000 ¥9,000",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

// fold is what payee keys do to text before matching: invisible characters
// dropped, then NFKC.
func fold(s string) string {
	return norm.NFKC.String(strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// longestRun counts the digits of the longest run of digits in s.
func longestRun(s string) int {
	best, n := 0, 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// FuzzMask: whatever the text, once folded as payee keys are, it holds no
// MinDigits digits in a row, and only digit characters were changed.
func FuzzMask(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "x4111-1111-1111-1111y", "2022-01-24 2022-01-25",
		"１２３４５６７８９０１２３", "4111\u200b1111\u200b1111\u200b1112", "⑩⑩⑩⑩⑩⑩⑦", "㏠㏡㏢㏣㏤㏥㏦"} {
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
			if r != in[i] && (r != '*' || func() bool { n, _ := digitsOf(string(in[i]), in[i]); return n == 0 }()) {
				t.Fatalf("Mask(%q) = %q: changed a character that holds no digit", s, got)
			}
		}
		if n := longestRun(fold(got)); n >= MinDigits {
			t.Fatalf("Mask(%q) = %q: %d digits in a row once folded", s, got, n)
		}
	})
}

// FuzzMaskGrouped: a 16-digit number in four groups is masked whatever
// separators split it, leaving four digits.
func FuzzMaskGrouped(f *testing.F) {
	f.Add(uint64(4111111111111112), " ")
	f.Add(uint64(4980001234567890), " - ")
	f.Add(uint64(1234567890123456), "\u3000・")
	f.Fuzz(func(t *testing.T, n uint64, sep string) {
		sep = strings.Map(func(r rune) rune {
			if separator(r) && !joiner(r) {
				return r
			}
			return -1
		}, sep)
		if sep == "" {
			sep = "."
		}
		digits := []byte(strings.Repeat("0", 16))
		for i := 15; i >= 0 && n > 0; i-- {
			digits[i] = byte('0' + n%10)
			n /= 10
		}
		d := string(digits)
		s := "SHOP " + d[:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:] + " TOKYO"
		got := Mask(s)
		left := 0
		for _, c := range got {
			if c >= '0' && c <= '9' {
				left++
			}
		}
		if left != 4 {
			t.Fatalf("Mask(%q) = %q: %d digits left, want 4", s, got, left)
		}
	})
}

func BenchmarkMask(b *testing.B) {
	for _, s := range []string{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "EXAMPLE SAAS SUBSCRIPTION", "ﾌｧﾐﾘｰﾏｰﾄ　横浜西口店", "4111 1111 1111 1111 SHOP"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Mask(s)
			}
		})
	}
}
