package rules

import (
	"sort"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() { register(910, func() Rule { return reversedRule{Within: 60} }) }

// Reversed closes findings whose charges were refunded: a refund (a refund
// line or a negative amount) from the same payee for the same amount within
// Within days after the charge, or one the statement says reverses it. A
// finding whose every charge was refunded is reported as reversed — at info,
// with rule "reversed" and its reason first, the rules that fired still
// listed — rather than as an open suspect. When only some were refunded the
// finding keeps its severity and says which. Each refund reverses one charge.
//
// It checks nothing itself; it adjusts the combined findings, last.
type reversedRule struct {
	Within dayCount `yaml:"within" doc:"a matching refund within this many days reverses a charge"`
}

// ID implements [Rule].
func (reversedRule) ID() string { return "reversed" }

// Doc says what the rule does.
func (reversedRule) Doc() string {
	return "a suspect charge refunded later (same payee, equal amount) is reported as reversed, at info"
}

// Check implements [Rule]; Reversed only adjusts.
func (reversedRule) Check(*Card) []Finding { return nil }

// refundsOf matches refunds to the charges they reverse, up to To. Refunds
// are matched in date order, each to a purchase before it, so the matching
// is done once per card over all its charges and a refund counts from the
// window that reaches it.
func (c *Card) refundsOf(within int) map[*statement.Charge]*statement.Charge {
	if c.allRefunds == nil {
		c.allRefunds = c.matchRefunds(within)
	}
	if c.refunds == nil {
		c.refunds = map[*statement.Charge]*statement.Charge{}
		for ch, r := range c.allRefunds {
			if r.Date <= c.To {
				c.refunds[ch] = r
			}
		}
	}
	return c.refunds
}

// matchRefunds matches every refund of the card to the purchase it reverses.
func (c *Card) matchRefunds(within int) map[*statement.Charge]*statement.Charge {
	out := map[*statement.Charge]*statement.Charge{}
	byPayee := map[string][]int{} // purchases of every charge, date order
	for i, ch := range c.all {
		if isPurchase(ch) {
			byPayee[ch.Payee] = append(byPayee[ch.Payee], i)
		}
	}
	used := map[*statement.Charge]bool{}
	for i, r := range c.all {
		isRefund := r.Kind == statement.Refund || (r.Kind == statement.Purchase || r.Kind == "") && r.Amount.Sign() < 0
		if !isRefund || r.Amount.Sign() == 0 {
			continue
		}
		ps := byPayee[r.Payee]
		want := max(c.yen[i], -c.yen[i])
		// The statement's own link first, then the latest unmatched
		// purchase of that amount before the refund.
		var match *statement.Charge
		end := sort.Search(len(ps), func(k int) bool { return c.all[ps[k]].Date > r.Date })
		for k := end - 1; k >= 0; k-- {
			ch := c.all[ps[k]]
			if used[ch] {
				continue
			}
			if r.Reverses != (statement.Source{}) && ch.Source == r.Reverses {
				match = ch
				break
			}
			if int(r.Date-ch.Date) > within {
				if r.Reverses == (statement.Source{}) {
					break
				}
				continue
			}
			if match == nil && c.yen[ps[k]] == want && ch.Amount.Abs().Equal(r.Amount.Abs()) {
				match = ch
				if r.Reverses == (statement.Source{}) {
					break
				}
			}
		}
		if match != nil {
			used[match] = true
			out[match] = r
		}
	}
	return out
}

// Adjust implements [adjuster].
func (v reversedRule) Adjust(card *Card, fs []Finding) []Finding {
	refunds := card.refundsOf(int(v.Within))
	if len(refunds) == 0 {
		return fs
	}
	for i := range fs {
		f := &fs[i]
		if f.CardLevel {
			continue
		}
		var parts []message.Message
		for _, ch := range f.Charges {
			if r := refunds[ch]; r != nil {
				parts = append(parts, message.New("reversed.part", message.Args{
					"amount": message.Yen(statement.WholeYen(ch.Amount)), "date": message.Date(ch.Date), "refunded": message.Date(r.Date)}))
			}
		}
		switch {
		case len(parts) == 0:
			continue
		case len(parts) == len(f.Charges):
			msg := message.New("reversed", message.Args{"parts": message.List(parts...), "payee": message.Text(f.Charges[0].Payee)})
			f.Severity, f.Rule, f.Message = severity.Info, v.ID(), msg
			f.Reasons = append([]Reason{{Rule: v.ID(), Severity: severity.Info, Message: msg}}, f.Reasons...)
		default:
			msg := message.New("reversed.some", message.Args{"parts": message.List(parts...),
				"refunded": message.Count(len(parts)), "charges": message.Count(len(f.Charges))})
			f.Reasons = append(f.Reasons, Reason{Rule: v.ID(), Severity: severity.Info, Message: msg})
		}
	}
	return fs
}
