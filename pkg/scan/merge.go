package scan

import (
	"sort"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// identity is what makes two lines of different files the same charge: the
// card, the use date, the payee key, the amount and the kind. The merchant's
// printed form, the file and the line do not count, so the same charge in a
// preliminary and a confirmed statement, or in a file downloaded twice, is one
// charge.
type identity struct {
	card string
	line lineKey
}

// lineKey is the identity without the card, for matching an aggregator's
// charge (which names only the card company) to the issuer's own.
type lineKey struct {
	payee, amount string
	date          statement.Date
	kind          statement.Kind
}

func lineKeyOf(c *statement.Charge) lineKey {
	return lineKey{payee: c.Payee, amount: c.Amount.String(), date: c.Date, kind: c.Kind}
}

// Merge returns the charges of stmts with the ones seen in several files
// counted once.
//
// Identical charges within one file are distinct charges (five ¥3,000
// charges at one shop on one day are five), so a charge identity that occurs
// k times in one file and m times in another occurs max(k, m) times.
//
// A household-account export (マネーフォワード ME, Zaim) repeats what the card
// companies' statements hold, naming only the card company. Its charges are
// matched one for one to issuer charges with the same date, payee key, amount
// and kind whose card company it names; the issuer's charge is kept (it
// knows the card), and only the export's unmatched charges are added.
//
// Files are taken in order; the first file that holds a charge supplies its
// source. The result is in date order, stable.
func Merge(stmts []*statement.Statement) []*statement.Charge {
	var issuers, aggregators []*statement.Statement
	for _, st := range stmts {
		if st.Aggregated {
			aggregators = append(aggregators, st)
		} else {
			issuers = append(issuers, st)
		}
	}
	out := mergeSame(issuers)
	if len(aggregators) > 0 {
		byLine := map[lineKey][]*statement.Charge{}
		for _, c := range out {
			k := lineKeyOf(c)
			byLine[k] = append(byLine[k], c)
		}
		used := map[*statement.Charge]bool{}
		for _, c := range mergeSame(aggregators) {
			if !matchIssuer(c, byLine[lineKeyOf(c)], used) {
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// mergeSame merges statements of one kind by identity with max multiplicity.
func mergeSame(stmts []*statement.Statement) []*statement.Charge {
	count := map[identity]int{}
	var out []*statement.Charge
	for _, st := range stmts {
		inFile := map[identity]int{}
		for i := range st.Charges {
			c := &st.Charges[i]
			id := identity{card: c.Card.Label(), line: lineKeyOf(c)}
			inFile[id]++
			if inFile[id] > count[id] {
				count[id] = inFile[id]
				out = append(out, c)
			}
		}
	}
	return out
}

// matchIssuer marks the first unused issuer charge among candidates whose
// card company the aggregator's charge names, and reports whether there was
// one.
func matchIssuer(agg *statement.Charge, candidates []*statement.Charge, used map[*statement.Charge]bool) bool {
	names := []string{payee.Fold(agg.Card.Issuer), payee.Fold(agg.Card.Name)}
	for _, c := range candidates {
		if used[c] {
			continue
		}
		for _, n := range names {
			if n != "" && (related(n, payee.Fold(c.Card.Issuer)) || related(n, payee.Fold(c.Card.Name))) {
				used[c] = true
				return true
			}
		}
	}
	return false
}

// related reports whether one name contains the other: "三井住友カード" and
// "三井住友カード(VPASS)" name the same company.
func related(a, b string) bool {
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}
