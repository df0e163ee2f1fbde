package importer

import (
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/message"
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

// EstimateLines returns the number of lines of the file, for
// [Input.NewCharges]: its line feeds, counted when it was opened, plus one.
// The count is held to one line per 32 bytes, fewer than the shortest
// statement rows take (a Vpass row of a short shop name is some 45 bytes):
// a charge is some 280 bytes, so that a file of short lines that are no rows
// (a hostile one) cannot make its reservation more than about nine times
// its own size. A file of shorter rows still reads, at the cost of a copy
// of its charges.
func (in *Input) EstimateLines() int {
	return int(min(int64(in.Text.Lines())+1, in.Text.Size()/rowBytes+1))
}

// rowBytes is the fewest bytes per line that EstimateLines assumes.
const rowBytes = 32

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

// Names remembers what the importer works out from each merchant text it
// reads: its payee key and the kind of line it names, and its masked form
// with the key and processor made from that. A run reads the same few
// hundred merchants in file after file (ten years of monthly statements
// are 960 files naming the same shops), and working them out again for
// every file was most of the time of reading them. Sharing the strings
// also keeps one copy of each name for all the charges that print it.
//
// The zero value is ready to use. A Names is not safe for concurrent use:
// give each goroutine that reads files its own.
type Names struct {
	m map[string]name
}

// name is what a merchant text gives.
type name struct {
	key  string         // payee key of the text as printed
	kind statement.Kind // KindOf the key for a positive amount
	// masked is the text with any card number masked, and payee and via
	// the payee key and processor made from it, masked too.
	masked, payee, via string
}

// maxNames is how many merchant texts a Names remembers: past it, a new
// text is worked out each time it is read, so that a file of a million
// distinct names costs no more memory than the charges that hold them.
const maxNames = 1 << 16

func (ns *Names) of(merchant string) name {
	if n, ok := ns.m[merchant]; ok {
		return n
	}
	var n name
	n.key, n.via = payee.Split(merchant)
	n.kind = KindOf(n.key, decimal.Decimal{})
	n.masked, n.payee = cardnum.Mask(merchant), n.key
	if n.masked != merchant {
		// The key is made from the masked text: [cardnum.Mask] looks for
		// numbers the way the key's folding will see them, so no key can
		// hold one.
		n.payee, n.via = payee.Split(n.masked)
	}
	n.payee, n.via = cardnum.Mask(n.payee), cardnum.Mask(n.via)
	if ns.m == nil {
		ns.m = map[string]name{}
	}
	if len(ns.m) < maxNames {
		ns.m[merchant] = n
	}
	return n
}

// Kind returns the payee key of merchant and the kind of a line for it of
// amount, exactly as [KindOf] of that key and amount.
func (in *Input) Kind(merchant string, amount decimal.Decimal) (string, statement.Kind) {
	if in.names == nil {
		in.names = &Names{}
	}
	n := in.names.of(merchant)
	// KindOf puts payments and interest before the sign, and the sign
	// before fees and purchases.
	if n.kind != statement.Payment && n.kind != statement.Interest && amount.IsNegative() {
		return n.key, statement.Refund
	}
	return n.key, n.kind
}

// CheckStatedTotal checks t, a total the statement states before its rows
// (今回のお支払金額合計, 今回ご請求額), against sum, which what describes, and
// adds it to st.Totals. A statement that lacks it (t is nil) is an error:
// nothing then checks that no row is missing. label names the line looked
// for.
func (in *Input) CheckStatedTotal(st *statement.Statement, t *statement.ControlTotal, sum decimal.Decimal, label string, what message.Message) {
	if t == nil {
		in.TotalMissing(1, label, message.New("input.missing.before", message.Args{"label": message.Text(label)}))
		return
	}
	st.Totals = append(st.Totals, *t)
	in.CheckTotal(*t, sum, what)
}
