package notice

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Reversal windows: SMBC's card-registration checks show a small 買物 and
// its 取消 or 返品 minutes apart, in either order (notifications.md §2.9).
const (
	reversalWindow  = 48 * time.Hour
	testAuthWindow  = time.Hour
	testAuthMaxYen  = 1000
	reversalDateGap = 2 // days, for notices without a time of day
)

// MarkReversals finds authorisations that a cancellation or return notice
// reverses before they post: same card, same payee, same amount, within two
// days, in either order. Both are marked [statement.Cancelled], or
// [statement.TestAuthorisation] when the amount is at most 1,000 yen and they are
// within an hour (a shop checking the card). Each notice reverses at most
// one other, oldest first. Posted charges are left alone: a return in a
// posted digest is a refund on the statement.
func MarkReversals(charges []Charge) {
	idx := make([]int, 0, len(charges))
	for i := range charges {
		if charges[i].Status == statement.Authorised {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return charges[idx[a]].Date < charges[idx[b]].Date })
	used := map[int]bool{}
	for _, ri := range idx {
		r := &charges[ri]
		if !r.amount().IsNegative() || used[ri] {
			continue
		}
		for _, pi := range idx {
			p := &charges[pi]
			if used[pi] || pi == ri || !p.amount().IsPositive() || !p.amount().Equal(r.amount().Neg()) ||
				p.Card != r.Card || p.Payee != r.Payee || !near(p, r) {
				continue
			}
			used[pi], used[ri] = true, true
			status := statement.Cancelled
			if p.Amount.LessThanOrEqual(decimal.NewFromInt(testAuthMaxYen)) && p.ForeignCurrency == "" &&
				!p.Time.IsZero() && !r.Time.IsZero() && absDur(p.Time.Sub(r.Time)) <= testAuthWindow {
				status = statement.TestAuthorisation
			}
			p.Status, r.Status = status, status
			break
		}
	}
}

// amount is the yen amount, or the foreign one for a charge notified in
// another currency.
func (c *Charge) amount() decimal.Decimal {
	if c.ForeignCurrency != "" {
		return c.ForeignAmount
	}
	return c.Amount
}

func near(a, b *Charge) bool {
	if !a.Time.IsZero() && !b.Time.IsZero() {
		return absDur(a.Time.Sub(b.Time)) <= reversalWindow
	}
	d := int(a.Date - b.Date)
	return d <= reversalDateGap && d >= -reversalDateGap
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
