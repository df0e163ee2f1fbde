package importer

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// ChargeList collects a statement's charges as a format reads them.
//
// append grows a large slice by a quarter at a time, so a 100,000-row file
// would copy (and make the garbage collector scan) every charge about four
// times over; a Charge is some 250 bytes. ChargeList fills blocks that double
// up to a fixed size instead, and copies each charge once, in [ChargeList.Slice].
// The zero value is empty and ready to use.
type ChargeList struct {
	full    [][]statement.Charge
	cur     []statement.Charge
	n       int
	reserve int // the size of the first block, when larger than firstBlock
}

const (
	firstBlock = 16   // a monthly statement fits in one or two small blocks
	maxBlock   = 4096 // about 1 MiB of charges
)

// Add appends c and returns the stored charge, which stays valid (and may be
// changed, e.g. to attach a supplemental line) until [ChargeList.Slice].
func (l *ChargeList) Add(c statement.Charge) *statement.Charge {
	if len(l.cur) == cap(l.cur) {
		size := l.reserve // a file's estimate, exact for a small file
		if size == 0 {
			size = firstBlock
		}
		if cap(l.cur) > 0 {
			l.full = append(l.full, l.cur)
			size = min(2*cap(l.cur), maxBlock)
		}
		l.cur = make([]statement.Charge, 0, size)
	}
	l.cur = append(l.cur, c)
	l.n++
	return &l.cur[len(l.cur)-1]
}

// Reserve makes the first block hold n charges, so that a file whose size
// is known ([Input.EstimateLines]) has its charges written once and not
// copied by Slice: for a 100,000-row file that is a third of the time of
// reading it. The block is allocated by the first Add, so a file with no
// charge costs nothing. It has no effect once a charge was added.
func (l *ChargeList) Reserve(n int) {
	if l.n == 0 {
		l.reserve = n
	}
}

// Len returns the number of charges added.
func (l *ChargeList) Len() int { return l.n }

// Last returns the charge added last, or nil.
func (l *ChargeList) Last() *statement.Charge {
	if len(l.cur) == 0 {
		return nil
	}
	return &l.cur[len(l.cur)-1]
}

// Slice returns the charges in the order they were added, in one slice of
// exactly their number; nil when there are none.
func (l *ChargeList) Slice() []statement.Charge {
	if l.n == 0 {
		return nil
	}
	if len(l.full) == 0 {
		if unused := cap(l.cur) - l.n; unused > l.n/4 {
			// A reservation or a block larger than what the file held:
			// keep only what the charges need, as a run over many small
			// files keeps every file's charges.
			out := make([]statement.Charge, l.n)
			copy(out, l.cur)
			return out
		}
		return l.cur[:l.n:l.n]
	}
	out := make([]statement.Charge, 0, l.n)
	for _, b := range l.full {
		out = append(out, b...)
	}
	return append(out, l.cur...)
}

// headBytes is how much of a file [textenc.Text.Head] holds at most.
const headBytes = 16 << 10

// EstimateLines estimates the number of lines of the file from its size and
// the lines of its head, for [ChargeList.Reserve]. A file whose head is the
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
