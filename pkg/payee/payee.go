// Package payee turns a merchant name as printed on a statement into the key
// cardcheck matches on. The printed name is kept for display; the key is only
// for comparison, so two spellings of one payee (full-width and half-width,
// upper and lower case, ｶﾀｶﾅ and カタカナ) compare equal.
package payee

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the normalised payee key of a merchant name:
//   - Unicode NFKC, which folds full-width ASCII to half-width, half-width
//     katakana to full-width (joining voiced marks), and compatibility forms
//     such as ㈱ to (株);
//   - a dash between katakana, or after one at the end of a word, becomes the
//     long-vowel mark ー, because statements print スーパー as ス－パ－ or ｽ-ﾊﾟ-;
//   - ASCII letters upper-cased;
//   - control characters dropped, runs of white space folded to one space and
//     trimmed.
func Key(merchant string) string {
	if isPlainUpperASCII(merchant) {
		return merchant
	}
	// Invisible and control characters go before NFKC: dropping them after
	// could bring combining marks together that NFKC would have reordered.
	s := norm.NFKC.String(strings.Map(func(r rune) rune {
		if r == utf8.RuneError || isInvisible(r) || unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, merchant))
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space := false
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case isDash(r) && isKatakana(prev) && !space:
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if next == utf8.RuneError || isKatakana(next) || isDash(next) || unicode.IsSpace(next) || unicode.IsPunct(next) {
				r = 'ー'
			}
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isPlainUpperASCII is the fast path: printable ASCII without lower case
// letters or doubled spaces is its own key.
func isPlainUpperASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 && !(c == ' ' && s[i-1] != ' ') || c > 0x7e || (c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '−', '–', '—', '―', '－', 'ｰ', '~', '～', '〜':
		return true
	}
	return false
}

func isKatakana(r rune) bool {
	return r >= 'ァ' && r <= 'ヺ' || r == 'ー' || r >= 'ㇰ' && r <= 'ㇿ'
}

// isInvisible reports format characters (zero-width spaces and joiners, bidi
// controls, BOM) that change how a name looks without changing what it is.
func isInvisible(r rune) bool { return unicode.Is(unicode.Cf, r) }
