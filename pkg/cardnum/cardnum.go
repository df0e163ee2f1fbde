// Package cardnum keeps full card numbers (PANs) from leaving cardcheck.
// Statements print masked numbers ("4980-00**-****-****"); should one ever
// carry a full number, in the card column or inside a merchant name, [Mask]
// hides every digit but the last four before the text is kept, mailed or
// printed.
//
// Text from statements is chosen by strangers, so a number is looked for the
// way cardcheck's own folding will see it (package payee: Unicode NFKC,
// invisible characters dropped) and the way a person reads it: digits of
// every width and form (full-width ４, circled ④, mathematical 𝟒,
// superscript ⁴), joined by invisible characters, or split into groups by
// separators of any kind and length (spaces, TAB, NBSP, "-", " - ", ".",
// "/", "_", "・").
package cardnum

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MinDigits is the shortest digit sequence taken for a card number: card
// numbers have 13 to 19 digits. Longer sequences are masked too.
const MinDigits = 13

// Mask returns s with the digits of every card number in it replaced by '*',
// except the number's last four digits. Everything else is kept as it is,
// separators included, and s comes back unchanged when it holds fewer than
// [MinDigits] digits. A card number is any of:
//
//   - a run of MinDigits or more digits, counting digits that NFKC folding
//     makes of other characters (①, 𝟒, ⑩ is two) and ignoring invisible
//     characters between them (zero-width spaces, joiners, controls), since
//     folding removes those and would leave the digits in a row;
//   - groups of digits split by separators, each group but the last of at
//     least three digits, MinDigits or more in all: "4111 1111 1111 1111",
//     "3782 822463 10005", "4980.0012.3456.7890", "0000-0000-0000-0***".
//     Dates, times and amounts ("2022-01-24 12:30", "1,300 2,500") have
//     groups of one or two digits, which end such a number;
//   - 13 to 19 digits in groups split by one repeated separator that pass
//     the Luhn check, as every issued card number does, however grouped.
func Mask(s string) string {
	if digitCount(s) < MinDigits {
		return s
	}
	var (
		masked []bool // per digit rune of s, in order
		runes  []digitRune
		chain  []group
	)
	flush := func() {
		if len(chain) > 0 {
			markChain(chain, runes, &masked)
		}
		chain = chain[:0]
	}
	// Scan s into chains of groups. state: in a group (after a digit), in
	// the joiners or separators after one, or outside.
	var cur *group
	sepStart, sepEnd := -1, -1
	joined := true // since the last digit, only joiners
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n, ascii := digitsOf(s[i:], r)
		switch {
		case n > 0:
			if cur != nil && joined {
				cur.digits += n
			} else {
				if cur == nil || sepStart < 0 {
					flush()
				}
				sep := ""
				if len(chain) > 0 {
					sep = s[sepStart:sepEnd]
				}
				chain = append(chain, group{first: len(runes), sep: sep, digits: n})
				cur = &chain[len(chain)-1]
			}
			runes = append(runes, digitRune{at: i, size: size, digits: n, value: valueOf(s[i:], size, ascii)})
			masked = append(masked, false)
			cur.last = len(runes)
			joined, sepStart, sepEnd = true, -1, -1
		case cur != nil && joiner(r):
			// Invisible: the digits on either side stay in one group.
			if !joined {
				sepEnd = i + size
			}
		case cur != nil && separator(r):
			if joined {
				joined, sepStart = false, i
			}
			sepEnd = i + size
		default:
			flush()
			cur, joined, sepStart, sepEnd = nil, true, -1, -1
		}
		i += size
	}
	flush()
	any := false
	for _, m := range masked {
		any = any || m
	}
	if !any {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := 0
	for k, d := range runes {
		if !masked[k] {
			continue
		}
		b.WriteString(s[prev:d.at])
		b.WriteByte('*')
		prev = d.at + d.size
	}
	b.WriteString(s[prev:])
	return b.String()
}

// digitRune is a character of s that holds digits once folded.
type digitRune struct {
	at, size int
	digits   int    // how many digits it folds to
	value    string // the ASCII digits it folds to; "" when they are not known
}

// group is a run of digit characters with nothing but joiners between them.
type group struct {
	first, last int    // its digit runes are runes[first:last]
	sep         string // the separator text before it in its chain
	digits      int
}

// markChain marks the digit runes of the card numbers in a chain of groups.
func markChain(chain []group, runes []digitRune, masked *[]bool) {
	// Groups but the last of three digits or more: a card number's.
	for a := 0; a < len(chain); {
		b, total := a, chain[a].digits
		for b+1 < len(chain) && chain[b].digits >= 3 {
			b++
			total += chain[b].digits
		}
		if total >= MinDigits {
			markAllButLast4(runes[chain[a].first:chain[b].last], (*masked)[chain[a].first:chain[b].last])
		}
		a = b + 1
	}
	// 13 to 19 digits with one separator throughout, if they pass Luhn.
	for a := range chain {
		total := 0
		for b := a; b < len(chain) && total < 19; b++ {
			if b > a+1 && chain[b].sep != chain[a+1].sep {
				break
			}
			total += chain[b].digits
			if total >= MinDigits && total <= 19 && luhn(runes[chain[a].first:chain[b].last]) {
				markAllButLast4(runes[chain[a].first:chain[b].last], (*masked)[chain[a].first:chain[b].last])
			}
		}
	}
}

// markAllButLast4 marks every digit rune of a number but those that hold
// its last four digits.
func markAllButLast4(rs []digitRune, masked []bool) {
	kept := 0
	for k := len(rs) - 1; k >= 0; k-- {
		if kept < 4 {
			kept += rs[k].digits
			continue
		}
		masked[k] = true
	}
}

// luhn reports whether the digits pass the Luhn check; false when a digit's
// value is not known.
func luhn(rs []digitRune) bool {
	sum, double := 0, false
	for k := len(rs) - 1; k >= 0; k-- {
		v := rs[k].value
		if v == "" {
			return false
		}
		for j := len(v) - 1; j >= 0; j-- {
			d := int(v[j] - '0')
			if double {
				if d *= 2; d > 9 {
					d -= 9
				}
			}
			sum += d
			double = !double
		}
	}
	return sum%10 == 0
}

// digitCount counts the digits s folds to, stopping once it reaches
// MinDigits.
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s) && n < MinDigits; {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= '0' && c <= '9' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		d, _ := digitsOf(s[i:], r)
		n += d
		i += size
	}
	return n
}

// digitsOf returns how many digits the character r at the start of s folds
// to under NFKC; ascii is false when one of them is a digit of a script
// whose value NFKC does not give, such as ٣.
func digitsOf(s string, r rune) (n int, ascii bool) {
	switch {
	case r < utf8.RuneSelf:
		if r >= '0' && r <= '9' {
			return 1, true
		}
		return 0, false
	case r >= 0x3040 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF:
		return 0, false // kana and kanji, most of a Japanese statement
	}
	ascii = true
	for _, c := range string(norm.NFKC.PropertiesString(s).Decomposition()) {
		switch {
		case c >= '0' && c <= '9':
			n++
		case unicode.IsDigit(c):
			n, ascii = n+1, false
		}
	}
	if n == 0 && unicode.IsDigit(r) {
		return 1, false
	}
	return n, ascii
}

// valueOf returns the ASCII digits of the character at the start of s,
// which holds digits.
func valueOf(s string, size int, ascii bool) string {
	switch {
	case !ascii:
		return ""
	case size == 1:
		return s[:1]
	}
	var v []byte
	for _, c := range norm.NFKC.PropertiesString(s).Decomposition() {
		if c >= '0' && c <= '9' {
			v = append(v, c)
		}
	}
	return string(v)
}

// joiner reports characters that keep the digits around them in one group:
// those folding removes (format characters such as zero-width spaces and
// joiners, controls other than white space, invalid bytes) and combining
// marks, which draw on the digit before them.
func joiner(r rune) bool {
	return r == utf8.RuneError || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) && !unicode.IsSpace(r) || unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// separator reports characters that may split a card number into groups:
// white space of every kind, punctuation (dashes, dots, slashes, "_", "・",
// "*"), and the dash-like marks that are not punctuation.
func separator(r rune) bool {
	switch r {
	case 'ー', 'ｰ', '−', '~', '～':
		return true
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}
