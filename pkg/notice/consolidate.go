package notice

import (
	"sort"

	"github.com/cardcheck/cardcheck/pkg/mailbox"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// ReadMailbox reads every mail at path (an .eml file, a maildir folder or
// an mbox file, told apart by content) and returns a result per mail. A
// mail that cannot be read is a result with its error; the others are
// still read.
func (r *Registry) ReadMailbox(path string, v *auth.Verifier) ([]Result, error) {
	var out []Result
	err := mailbox.Read(path, func(m mailbox.Message) bool {
		if m.Err != nil {
			out = append(out, Result{Name: m.Name, Err: &Error{Name: m.Name, Err: m.Err}})
			return true
		}
		out = append(out, r.Read(m.Name, m.Raw, v))
		return true
	})
	return out, err
}

// postWindow is how many days a posted notice's use date may differ from
// its authorisation's: issuers print the same 利用日 in both, but a use
// authorised just before midnight can post under the next day.
const postWindow = 1

// Consolidate counts each use once across the notices of results: a mail
// read twice (the same Message-ID, from a re-send or from two folders)
// gives its charges once, and an authorisation (速報) whose posted notice
// (確定, 詳細, 確報, ご利用明細) has come is merged into it: same card, same
// amount, use dates at most a day apart, oldest first. The merged charge is
// the posted one, with the time of day of the authorisation when it has
// none, and the authorisation's mailing time (when it was first known). Two uses of the same amount on the same day stay two (one
// authorisation pairs with one posted notice). Reversals are then marked
// with [MarkReversals]. The charges come sorted by date and time.
func Consolidate(results []Result) []Charge {
	seen := map[string]bool{}
	var charges []Charge
	for _, res := range results {
		for _, c := range res.Charges {
			if c.Ref != "" {
				if seen[c.Ref] {
					continue
				}
				seen[c.Ref] = true
			}
			charges = append(charges, c)
		}
	}
	sort.SliceStable(charges, func(i, j int) bool { return before(&charges[i], &charges[j]) })
	merged := make([]bool, len(charges))
	for pi := range charges {
		p := &charges[pi]
		if p.Status != statement.Posted {
			continue
		}
		for ai := range charges {
			a := &charges[ai]
			if merged[ai] || a.Status != statement.Authorised || a.Card != p.Card || !a.Amount.Equal(p.Amount) ||
				a.ForeignCurrency != p.ForeignCurrency || !a.ForeignAmount.Equal(p.ForeignAmount) || !within(a.Date, p.Date, postWindow) {
				continue
			}
			merged[ai] = true
			if p.Time.IsZero() && !a.Time.IsZero() && a.Date == p.Date {
				p.Time = a.Time
			}
			// The charge was known from the first notice on.
			if !a.Mailed.IsZero() && (p.Mailed.IsZero() || a.Mailed.Before(p.Mailed)) {
				p.Mailed = a.Mailed
			}
			// An authorisation that named no shop (楽天's 速報) was
			// checked, and its findings named, before the posted notice
			// named it: the charge keeps the authorisation's name, as a
			// statement row does (statement.Notified.Unnamed).
			if a.Placeholder && !p.Placeholder {
				p.MessageID, p.Block, p.Unnamed = a.MessageID, a.Block, true
			}
			break
		}
	}
	out := charges[:0]
	for i, c := range charges {
		if !merged[i] {
			out = append(out, c)
		}
	}
	MarkReversals(out)
	return out
}

func before(a, b *Charge) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return a.Time.Before(b.Time)
}

func within(a, b statement.Date, days int) bool {
	d := int(a - b)
	return d <= days && d >= -days
}
