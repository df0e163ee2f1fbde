// Package cardnum keeps full card numbers (PANs) from leaving cardcheck.
// Statements print masked numbers ("4980-00**-****-****"); should one ever
// carry a full number, in the card column or inside a merchant name, [Mask]
// hides every digit but the last four before the text is mailed or printed.
package cardnum

import (
	"strings"
	"unicode/utf8"
)

// MinDigits is the shortest digit sequence taken for a card number: card
// numbers have 13 to 19 digits. Longer sequences are masked too.
const MinDigits = 13

// Mask returns s with every sequence of MinDigits or more digits replaced by
// '*' except its last four digits. A sequence may be split into groups by
// single spaces or hyphens, as card numbers are printed ("4111 1111 1111
// 1111", "4111-1111-1111-1111"); full-width digits, spaces and hyphens count
// too. Separators are kept. Text with fewer digits in a row, such as dates
// and amounts, is unchanged.
func Mask(s string) string {
	if countDigits(s) < MinDigits {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		if !isDigit(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		// A run: digits, with single separators between digits.
		j, n := i, 0
		end := i
		for j < len(rs) {
			if isDigit(rs[j]) {
				n++
				j++
				end = j
				continue
			}
			if isSep(rs[j]) && j+1 < len(rs) && isDigit(rs[j+1]) {
				j++
				continue
			}
			break
		}
		run := rs[i:end]
		if n >= MinDigits {
			keep := 4
			for k := len(run) - 1; k >= 0; k-- {
				if isDigit(run[k]) {
					if keep > 0 {
						keep--
					} else {
						run[k] = '*'
					}
				}
			}
		}
		b.WriteString(string(run))
		i = end
	}
	return b.String()
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isDigit(r) {
			n++
		}
		i += size
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isSep(r rune) bool {
	switch r {
	case ' ', '-', '\u3000', '－', '‐', '‑', '–', '—', 'ー':
		return true
	}
	return false
}
