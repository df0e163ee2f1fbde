// Package suggest finds the word someone probably meant: "did you mean
// patterns?" for a config key written "patern", a flag, a subcommand.
package suggest

import "strings"

// Nearest returns the candidate closest to word by edit distance (case
// ignored), when it is close enough to be a slip: at most one edit for a
// short word, a third of the word's length for a longer one.
func Nearest(word string, candidates []string) (string, bool) {
	w := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		d := distance(w, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD == 0 && best != word && strings.EqualFold(best, word) {
		return best, bestD == 0
	}
	return best, bestD > 0 && bestD <= max(1, len([]rune(w))/3)
}

// distance is the Levenshtein distance between a and b, in runes, with a
// swap of two neighbours counting as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
