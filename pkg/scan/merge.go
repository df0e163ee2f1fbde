package scan

import (
	"sort"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// identity is what makes two lines of different files the same charge: the
// card, the use date, the payee key, the amount and the kind. The merchant's
// printed form, the file and the line do not count, so the same charge in a
// preliminary and a confirmed statement, or in a file downloaded twice, is one
// charge.
type identity struct {
	card, payee, amount string
	date                statement.Date
	kind                statement.Kind
}

func identityOf(c *statement.Charge) identity {
	return identity{card: c.Card.Label(), payee: c.Payee, amount: c.Amount.String(), date: c.Date, kind: c.Kind}
}

// Merge returns the charges of stmts with the ones seen in several files
// counted once. Identical charges within one file are distinct charges (five
// ¥3,000 charges at one shop on one day are five), so a charge identity that
// occurs k times in one file and m times in another occurs max(k, m) times in
// the result. Files are taken in order; the first file that holds a charge
// supplies its source. The result is in date order, stable.
func Merge(stmts []*statement.Statement) []*statement.Charge {
	count := map[identity]int{}
	var out []*statement.Charge
	for _, st := range stmts {
		inFile := map[identity]int{}
		for i := range st.Charges {
			c := &st.Charges[i]
			id := identityOf(c)
			inFile[id]++
			if inFile[id] > count[id] {
				count[id] = inFile[id]
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
