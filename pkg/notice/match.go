package notice

import (
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Binding ties the card a notice names to a statement's card, where the
// names do not tell (the config's notices: cards:). Each side is a part of
// the card's label, as the config's cards: match is.
type Binding struct {
	// Notice is a part of the card's label in the notices, e.g.
	// "Ｏｌｉｖｅ／クレジット".
	Notice string `yaml:"notice"`
	// Statement is a part of the statement card's label, e.g. "4980-11**".
	Statement string `yaml:"statement"`
}

// BindCard returns the statement card a notice's card is, from cards (the
// cards the statements show): the one card the first binding whose Notice
// part is in the notice card's label selects, or else the only card of the
// same issuer whose name is the same once folded (widths, spaces, case).
// Notices print no card number, so the name is all there is to go on; two
// same-named cards of one issuer are not guessed between, nor two cards a
// binding selects. ok is false for a notice whose card has no statement
// yet: it is checked with its notices alone.
func BindCard(c statement.Card, cards []statement.Card, bindings []Binding) (statement.Card, bool) {
	label := c.Label()
	for _, b := range bindings {
		if !spec.MatchLabel(b.Notice, label) {
			continue
		}
		var found []statement.Card
		for _, s := range cards {
			if spec.MatchLabel(b.Statement, s.Label()) && !contains(found, s) {
				found = append(found, s)
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
		return c, false
	}
	var found []statement.Card
	name := payee.Fold(c.Name)
	for _, s := range cards {
		if s.Issuer == c.Issuer && name != "" && payee.Fold(s.Name) == name && !contains(found, s) {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return c, false
}

func contains(cards []statement.Card, c statement.Card) bool {
	for _, x := range cards {
		if x == c {
			return true
		}
	}
	return false
}

// matchDays is how far a statement row's use date may be from the
// notice's: authorisations of online shops and hotels come at night or at
// checkout, and the row carries the use date.
const matchDays = 3

// Match pairs each notice with the statement row it became: same card (bind
// notices first with [BindCard]), same amount (yen; for a foreign notice,
// the same foreign amount when the row gives it, else the same payee, since
// the yen amount is known only on the statement), use dates at most three
// days apart, the closest date first and the same payee preferred. Each row
// takes at most one notice. Declined, cancelled and test-authorisation
// notices never post and are never matched. The result holds, per notice,
// the index of its row in rows, or -1.
func Match(notices []Charge, rows []*statement.Charge) []int {
	out := make([]int, len(notices))
	taken := make([]bool, len(rows))
	for i := range notices {
		out[i] = -1
		n := &notices[i]
		if n.Status.NeverPosts() {
			continue
		}
		best, bestScore := -1, 0
		for j := range rows {
			r := rows[j]
			if taken[j] || r.Card != n.Card || !within(r.Date, n.Date, matchDays) {
				continue
			}
			samePayee := n.Payee != "" && r.Payee == n.Payee
			switch {
			case n.ForeignCurrency == "":
				if !r.Amount.Equal(n.Amount) {
					continue
				}
			case r.ForeignCurrency != "":
				if r.ForeignCurrency != n.ForeignCurrency || !r.ForeignAmount.Equal(n.ForeignAmount) {
					continue
				}
			case !samePayee:
				continue
			}
			// Lower is better: days apart, then a different payee.
			score := 2 * abs(int(r.Date-n.Date))
			if !samePayee {
				score++
			}
			if best < 0 || score < bestScore {
				best, bestScore = j, score
			}
		}
		if best >= 0 {
			out[i] = best
			taken[best] = true
		}
	}
	return out
}

// neverPostedDays is how long an authorisation may wait for its statement
// row: 楽天's own design flags a 速報 still unmatched after 14 days.
const neverPostedDays = 14

// NeverPosted reports whether notice n, unmatched, should have posted by
// the date the statements run to: an authorisation older than 14 days, or
// a notice that never posts (declined, cancelled, a test authorisation).
func NeverPosted(n *Charge, statementsTo statement.Date) bool {
	if n.Status.NeverPosts() {
		return true
	}
	return int(statementsTo-n.Date) > neverPostedDays
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
