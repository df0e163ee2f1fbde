package importer

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// NewCharges returns an empty slice for the charges of the file in, with
// room for its estimated rows ([Input.EstimateLines]), so that a large file's
// charges are written once instead of copied each time append grows the
// slice. Finish with [Trimmed].
func (in *Input) NewCharges() []statement.Charge {
	return make([]statement.Charge, 0, in.EstimateLines())
}

// Trimmed returns cs, copied into a slice of exactly its length when the
// room reserved for it was much larger than what the file held (a file of
// lines that are no rows): a run over many files keeps every file's charges,
// and must not keep their unused room too.
func Trimmed(cs []statement.Charge) []statement.Charge {
	if len(cs) == 0 {
		return nil
	}
	if cap(cs)-len(cs) > len(cs)/4 {
		out := make([]statement.Charge, len(cs))
		copy(out, cs)
		return out
	}
	return cs[:len(cs):len(cs)]
}

// headBytes is how much of a file [textenc.Text.Head] holds at most.
const headBytes = 16 << 10

// EstimateLines estimates the number of lines of the file from its size and
// the lines of its head, for [Input.NewCharges]. A file whose head is the
// whole file has its exact count. The estimate is held to one line per 48
// bytes, about what the shortest statement rows take: a charge is some 260
// bytes, so that a file of short lines that are no rows (a hostile one)
// cannot make its reservation more than about five times its own size. A
// file of shorter rows still reads, at the cost of a copy of its charges.
func (in *Input) EstimateLines() int {
	size := in.Text.Size()
	lines := int64(strings.Count(in.Text.Head, "\n"))
	limit := size/rowBytes + 1
	if size <= headBytes || lines == 0 {
		return int(min(lines+1, limit))
	}
	est := size * lines / headBytes
	return int(min(est+est/32, limit)) // a little over: a little short costs a copy
}

// rowBytes is the fewest bytes per line that EstimateLines assumes.
const rowBytes = 48

// LinkReversals points each charge cs[i], i in cancels, at the charge it
// cancels, where the statement shows which one that is: a cancellation row
// that repeats a purchase of the same file (same card, date, merchant as
// printed, and the opposite amount). A purchase is reversed at most once, and a cancellation
// that could be either of two identical purchases stays unlinked, since
// nothing says which.
func LinkReversals(cs []statement.Charge, cancels []int) {
	if len(cancels) == 0 {
		return
	}
	type key struct {
		date     statement.Date
		merchant string
		card     statement.Card
		amount   string
	}
	purchases := map[key][]int{}
	for j := range cs {
		if c := &cs[j]; c.Kind == statement.Purchase {
			k := key{c.Date, c.Merchant, c.Card, c.Amount.String()}
			purchases[k] = append(purchases[k], j)
		}
	}
	taken := map[int]bool{}
	for _, i := range cancels {
		r := &cs[i]
		match := -1
		for _, j := range purchases[key{r.Date, r.Merchant, r.Card, r.Amount.Neg().String()}] {
			if taken[j] {
				continue
			}
			if match >= 0 {
				match = -2 // two identical purchases: nothing says which
				break
			}
			match = j
		}
		if match >= 0 {
			taken[match] = true
			r.Reverses = cs[match].Source
		}
	}
}

// Merchants remembers, for each merchant text of a file, its payee key and
// the kind its text implies, so that a large file does not classify the few
// hundred merchants it names again on every row. The zero value is ready to
// use.
type Merchants struct {
	m map[string]merchantInfo
}

type merchantInfo struct {
	key  string
	kind statement.Kind // KindOf the key for a positive amount
}

// Kind returns the payee key of merchant and the kind of a line for it of
// amount, exactly as [KindOf] of that key and amount.
func (ms *Merchants) Kind(merchant string, amount decimal.Decimal) (string, statement.Kind) {
	info, ok := ms.m[merchant]
	if !ok {
		if ms.m == nil {
			ms.m = map[string]merchantInfo{}
		}
		info.key = payee.Key(merchant)
		info.kind = KindOf(info.key, decimal.Decimal{})
		ms.m[merchant] = info
	}
	// KindOf puts payments and interest before the sign, and the sign
	// before fees and purchases.
	if info.kind != statement.Payment && info.kind != statement.Interest && amount.IsNegative() {
		return info.key, statement.Refund
	}
	return info.key, info.kind
}

// CheckStatedTotal checks t, a total the statement states before its rows
// (今回のお支払金額合計, 今回ご請求額), against sum, which what describes, and
// adds it to st.Totals. A statement that lacks it (t is nil) is an error:
// nothing then checks that no row is missing. label names the line looked
// for.
func (in *Input) CheckStatedTotal(st *statement.Statement, t *statement.ControlTotal, sum decimal.Decimal, label, what string) {
	if t == nil {
		in.TotalMissing(1, label, "no %s line before the rows: nothing checks that no row is missing", label)
		return
	}
	st.Totals = append(st.Totals, *t)
	in.CheckTotal(*t, sum, what)
}
