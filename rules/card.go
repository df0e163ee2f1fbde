package rules

import (
	"fmt"
	"sort"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Card is what rules see of one card: its charges and what is known of them.
type Card struct {
	Label string // card label, as in reports
	// Charges are every charge of the card, oldest first.
	Charges []*statement.Charge
	// From and To bound the checked window, inclusive. Charges before From
	// are history.
	From, To statement.Date
	// RecurringOnly is true for a card used only for known payees.
	RecurringOnly bool
	// ModeReason (ModeReasonJA) says why the card is or is not recurring-only.
	ModeReason, ModeReasonJA string
	// Streams are the recurring streams learned from the charges.
	Streams []*recurring.Stream
	// Payees are the config's known payees that apply to this card.
	Payees []*config.Payee

	known    map[*statement.Charge]string
	occur    map[*statement.Charge]int
	start    int
	payeeSet map[string]bool
}

// NewCard builds the rules' view of a card. charges must all belong to the
// card; cfg may be nil. The window is [from, to].
func NewCard(label string, charges []*statement.Charge, from, to statement.Date, cfg *config.Config) *Card {
	c := &Card{Label: label, From: from, To: to, known: map[*statement.Charge]string{}, occur: map[*statement.Charge]int{}, payeeSet: map[string]bool{}}
	c.Charges = append([]*statement.Charge(nil), charges...)
	sort.SliceStable(c.Charges, func(i, j int) bool { return c.Charges[i].Date < c.Charges[j].Date })
	c.start = sort.Search(len(c.Charges), func(i int) bool { return c.Charges[i].Date >= from })

	type ident struct {
		d      statement.Date
		p, amt string
	}
	n := map[ident]int{}
	for _, ch := range c.Charges {
		k := ident{ch.Date, ch.Payee, ch.Amount.String()}
		c.occur[ch] = n[k]
		n[k]++
	}

	if cfg != nil {
		for i := range cfg.Payees {
			if p := &cfg.Payees[i]; p.AppliesTo(label) {
				c.Payees = append(c.Payees, p)
			}
		}
	}
	for _, ch := range c.Charges {
		for _, p := range c.Payees {
			if p.MatchesCharge(ch) {
				c.known[ch] = p.Name
				break
			}
		}
	}
	c.Streams = recurring.Learn(c.Charges)
	for _, s := range c.Streams {
		if !c.configured(s.Payee) {
			c.payeeSet[s.Payee] = true
		}
		// The first charge of a stream is new when it happens; only the
		// charges that continue the rhythm are known.
		for _, ch := range s.Charges[1:] {
			if _, ok := c.known[ch]; !ok {
				c.known[ch] = fmt.Sprintf("%s (%s, learned)", s.Payee, s.Cadence.Name)
			}
		}
	}
	c.decideMode(cfg)
	return c
}

// decideMode applies the config's mode or learns it from the history: a card
// is recurring-only when at least 4 purchases over at least two months come
// before the window and at least 90% of them belong to recurring streams
// (or to the config's payees).
func (c *Card) decideMode(cfg *config.Config) {
	if cfg != nil {
		if cc := cfg.CardFor(c.Label); cc != nil && cc.Mode != "" {
			c.RecurringOnly = cc.Mode == config.RecurringOnly
			c.ModeReason = fmt.Sprintf("%s in the config", cc.Mode)
			c.ModeReasonJA = fmt.Sprintf("設定で %s", cc.Mode)
			return
		}
	}
	inStream := map[*statement.Charge]bool{}
	for _, s := range c.Streams {
		for _, ch := range s.Charges {
			inStream[ch] = true
		}
	}
	total, recurringN := 0, 0
	months := map[string]bool{}
	for _, ch := range c.History() {
		if ch.Kind != statement.Purchase {
			continue
		}
		total++
		months[ch.Date.Month()] = true
		if _, known := c.known[ch]; known || inStream[ch] {
			recurringN++
		}
	}
	c.RecurringOnly = total >= 4 && len(months) >= 2 && recurringN*10 >= total*9
	mode := config.Everyday
	if c.RecurringOnly {
		mode = config.RecurringOnly
	}
	c.ModeReason = fmt.Sprintf("%s: %d of %d earlier purchases are recurring payments", mode, recurringN, total)
	c.ModeReasonJA = fmt.Sprintf("%s: それ以前の利用 %d 件中 %d 件が定期的な支払い", mode, total, recurringN)
}

// Window returns the charges in the checked window.
func (c *Card) Window() []*statement.Charge { return c.Charges[c.start:] }

// History returns the charges before the window.
func (c *Card) History() []*statement.Charge { return c.Charges[:c.start] }

// InWindow reports whether ch is in the checked window.
func (c *Card) InWindow(ch *statement.Charge) bool { return ch.Date >= c.From && ch.Date <= c.To }

// Known returns the name of the known payee ch is a charge of: a config
// payee, or a learned recurring stream that ch continues.
func (c *Card) Known(ch *statement.Charge) (string, bool) {
	name, ok := c.known[ch]
	return name, ok
}

// KnownPayees counts the card's known payees: the config's and the learned
// streams of payees the config does not name.
func (c *Card) KnownPayees() int { return len(c.Payees) + len(c.payeeSet) }

// configured reports whether payee key k is one of the config's payees.
func (c *Card) configured(k string) bool {
	for _, p := range c.Payees {
		if p.Matches(k) {
			return true
		}
	}
	return false
}

// identity is the part of a finding id one charge contributes.
func (c *Card) identity(ch *statement.Charge) string {
	return fmt.Sprintf("%s|%s|%s|%d", ch.Date, ch.Payee, ch.Amount.String(), c.occur[ch])
}

// PaidBefore reports whether the card paid payee key p before date d.
func (c *Card) PaidBefore(p string, d statement.Date) bool {
	for _, ch := range c.Charges {
		if ch.Date >= d {
			return false
		}
		if ch.Payee == p {
			return true
		}
	}
	return false
}
