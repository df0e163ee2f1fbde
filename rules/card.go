package rules

import (
	"fmt"
	"sort"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Card is what rules see of one card: its charges and what is known of them.
//
// Besides the fields, a card keeps an index built once in [NewCard] so that
// rules never scan the whole history per charge: each charge's amount in
// whole yen, each payee's purchases in date order, and (built on first use)
// the card's usual amounts and monthly totals.
type Card struct {
	Label string // card label, as in reports
	// Nickname is the config's name for the card (cards: - name:), or "".
	Nickname string
	// Charges are every charge of the card, oldest first.
	Charges []*statement.Charge
	// From and To bound the checked window, inclusive. Charges before From
	// are history.
	From, To statement.Date
	// RecurringOnly is true for a card used only for known payees.
	RecurringOnly bool
	// ModeReason says why the card is or is not recurring-only.
	ModeReason message.Message
	// Streams are the recurring streams learned from the charges.
	Streams []*recurring.Stream
	// Payees are the config's known payees that apply to this card.
	Payees []*spec.Payee

	known    []knownBy // by index in Charges; zero: not known
	start    int
	payeeSet map[string]bool

	yen      []int64                  // Charges[i].Amount in whole yen
	ppos     []int32                  // position of Charges[i] in its payee's purchases, or -1
	occur    []int32                  // earlier charges with the same date, payee and amount
	byPayee  map[string]*payeeIndex   // purchases by payee key
	stats    *cardStats               // built on first use
	months   map[statement.Date]int64 // net purchases by month start, built on first use
	inWindow []string                 // payees with a purchase in the window, built on first use
	refunds  map[*statement.Charge]*statement.Charge
}

// knownBy is why a charge is known: a config payee or a learned stream.
type knownBy struct {
	payee  *spec.Payee
	stream *recurring.Stream
}

// payeeIndex is one payee's purchases on the card.
type payeeIndex struct {
	key       string
	purchases []int // indices into Card.Charges, date order
	streams   []*recurring.Stream
	conf      *spec.Payee // the config payee its charges match, if any
}

// KnownAfterDays is how long a learned stream must have run before its
// charges count as known: a rhythm seen for four weeks. Without it, a fraud
// run of one price every few days would teach itself as a weekly stream.
const knownAfterDays = 28

// NewCard builds the rules' view of a card. charges must all belong to the
// card; sp (the config's cards and payees) may be nil. The window is [from,
// to].
func NewCard(label string, charges []*statement.Charge, from, to statement.Date, sp *spec.Spec) *Card {
	c := &Card{Label: label, From: from, To: to, payeeSet: map[string]bool{}, byPayee: map[string]*payeeIndex{}}
	c.Charges = append([]*statement.Charge(nil), charges...)
	sort.SliceStable(c.Charges, func(i, j int) bool { return c.Charges[i].Date < c.Charges[j].Date })
	c.start = sort.Search(len(c.Charges), func(i int) bool { return c.Charges[i].Date >= from })

	if sp != nil {
		for i := range sp.Payees {
			if p := &sp.Payees[i]; p.AppliesTo(label) {
				c.Payees = append(c.Payees, p)
			}
		}
	}
	c.index()
	c.known = make([]knownBy, len(c.Charges))
	if len(c.Payees) > 0 {
		// Match each distinct payee key (and processor) once.
		type key struct{ payee, via string }
		match := map[key]*spec.Payee{}
		for i, ch := range c.Charges {
			k := key{ch.Payee, ch.Via}
			p, seen := match[k]
			if !seen {
				for _, q := range c.Payees {
					if q.MatchesCharge(ch) {
						p = q
						break
					}
				}
				match[k] = p
			}
			if p != nil && !ch.PlaceholderMerchant() {
				c.known[i] = knownBy{payee: p}
				if px := c.byPayee[ch.Payee]; px != nil && px.conf == nil {
					px.conf = p
				}
			}
		}
	}
	c.Streams = recurring.Learn(c.Charges)
	for _, s := range c.Streams {
		if px := c.byPayee[s.Payee]; px != nil {
			px.streams = append(px.streams, s)
		}
		if !c.configured(s.Payee, s.Charges[0].Via) {
			c.payeeSet[s.Payee] = true
		}
		// The first charge of a stream is new when it happens; only the
		// charges that continue a rhythm already seen for a while are known.
		first := s.First()
		for _, ch := range s.Charges[1:] {
			if int(ch.Date-first) < knownAfterDays {
				continue
			}
			if i := c.indexOf(ch); i >= 0 && c.known[i] == (knownBy{}) {
				c.known[i] = knownBy{stream: s}
			}
		}
	}
	c.decideMode(sp)
	return c
}

// index fills the per-charge and per-payee index.
func (c *Card) index() {
	n := len(c.Charges)
	c.yen = make([]int64, n)
	c.ppos = make([]int32, n)
	c.occur = make([]int32, n)
	for lo := 0; lo < n; {
		hi := lo
		for hi < n && c.Charges[hi].Date == c.Charges[lo].Date {
			c.yen[hi] = statement.WholeYen(c.Charges[hi].Amount)
			hi++
		}
		c.countRepeats(lo, hi)
		lo = hi
	}
	for i, ch := range c.Charges {
		c.ppos[i] = -1
		if !isPurchase(ch) {
			continue
		}
		px := c.byPayee[ch.Payee]
		if px == nil {
			px = &payeeIndex{key: ch.Payee}
			c.byPayee[ch.Payee] = px
		}
		c.ppos[i] = int32(len(px.purchases))
		px.purchases = append(px.purchases, i)
	}
}

// countRepeats sets occur for the charges [lo, hi) of one day: how many
// earlier charges that day have the same payee and amount (as printed).
func (c *Card) countRepeats(lo, hi int) {
	type ident struct {
		p, amt string
	}
	if hi-lo > 32 { // a day with many charges: count with a map
		seen := map[ident]int32{}
		for i := lo; i < hi; i++ {
			k := ident{c.Charges[i].Payee, c.Charges[i].Amount.String()}
			c.occur[i] = seen[k]
			seen[k]++
		}
		return
	}
	for i := lo; i < hi; i++ {
		for j := i - 1; j >= lo; j-- {
			if c.yen[j] == c.yen[i] && c.Charges[j].Payee == c.Charges[i].Payee && c.Charges[j].Amount.String() == c.Charges[i].Amount.String() {
				c.occur[i] = c.occur[j] + 1
				break
			}
		}
	}
}

// isPurchase reports whether ch is a purchase of a positive amount: the
// charges rules judge. Refunds, payments and fees are never suspects.
func isPurchase(ch *statement.Charge) bool {
	return (ch.Kind == statement.Purchase || ch.Kind == "") && ch.Amount.Sign() > 0
}

// decideMode applies the config's mode or learns it from the history: a card
// is recurring-only when at least 4 purchases over at least two months come
// before the window and at least 90% of them belong to recurring streams
// (or to the config's payees).
func (c *Card) decideMode(sp *spec.Spec) {
	if cc := sp.CardFor(c.Label); cc != nil {
		c.Nickname = cc.Name
		if cc.Mode != "" {
			c.RecurringOnly = cc.Mode == spec.RecurringOnly
			c.ModeReason = message.New("card.mode.config", message.Args{"mode": message.Term("mode." + cc.Mode)})
			return
		}
	}
	inStream := make([]bool, c.start)
	for _, s := range c.Streams {
		for _, ch := range s.Charges {
			if ch.Date >= c.From {
				break
			}
			if i := c.indexOf(ch); i >= 0 {
				inStream[i] = true
			}
		}
	}
	total, recurringN := 0, 0
	var first, last statement.Date
	for i, ch := range c.History() {
		if ch.Kind != statement.Purchase || ch.PlaceholderMerchant() {
			continue
		}
		if total == 0 {
			first = ch.Date
		}
		last = ch.Date
		total++
		if c.known[i] != (knownBy{}) || inStream[i] {
			recurringN++
		}
	}
	twoMonths := total > 0 && first.MonthStart() != last.MonthStart()
	c.RecurringOnly = total >= 4 && twoMonths && recurringN*10 >= total*9
	mode := spec.Everyday
	if c.RecurringOnly {
		mode = spec.RecurringOnly
	}
	c.ModeReason = message.New("card.mode.learned", message.Args{
		"mode": message.Term("mode." + mode), "recurring": message.Count(recurringN), "total": message.Count(total)})
}

// Display is how reports name the card: the nickname from the config with
// the label after it, or the label.
func (c *Card) Display() string {
	if c.Nickname == "" {
		return c.Label
	}
	return c.Nickname + " (" + c.Label + ")"
}

// Window returns the charges in the checked window.
func (c *Card) Window() []*statement.Charge { return c.Charges[c.start:] }

// History returns the charges before the window.
func (c *Card) History() []*statement.Charge { return c.Charges[:c.start] }

// InWindow reports whether ch is in the checked window.
func (c *Card) InWindow(ch *statement.Charge) bool { return ch.Date >= c.From && ch.Date <= c.To }

// Known returns the name of the known payee ch is a charge of: a config
// payee, or a learned recurring stream that ch continues (one that has run
// for [knownAfterDays] before ch).
func (c *Card) Known(ch *statement.Charge) (string, bool) {
	k := c.knownOf(ch)
	switch {
	case k == (knownBy{}):
		return "", false
	case k.payee != nil:
		return k.payee.Name, true
	}
	return fmt.Sprintf("%s (%s, learned)", k.stream.Payee, k.stream.Cadence.Name), true
}

// isKnown is Known without the name, for hot loops.
func (c *Card) isKnown(ch *statement.Charge) bool { return c.knownOf(ch) != (knownBy{}) }

// continuesStream reports whether ch is known as the continuation of a
// learned stream (rather than by a config payee's name).
func (c *Card) continuesStream(ch *statement.Charge) bool { return c.knownOf(ch).stream != nil }

// knownOf returns why ch is known (zero when it is not).
func (c *Card) knownOf(ch *statement.Charge) knownBy {
	if i := c.indexOf(ch); i >= 0 {
		return c.known[i]
	}
	return knownBy{}
}

// KnownPayees counts the card's known payees: the config's and the learned
// streams of payees the config does not name.
func (c *Card) KnownPayees() int { return len(c.Payees) + len(c.payeeSet) }

// configured reports whether the payee with key k (paid via via) is one of
// the config's payees.
func (c *Card) configured(k, via string) bool {
	for _, p := range c.Payees {
		if p.Matches(k, via) {
			return true
		}
	}
	return false
}

// identity is the part of a finding id one charge contributes.
func (c *Card) identity(ch *statement.Charge) string {
	n := 0
	if i := c.indexOf(ch); i >= 0 {
		n = int(c.occur[i])
	}
	return fmt.Sprintf("%s|%s|%s|%d", ch.Date, ch.Payee, ch.Amount.String(), n)
}

// indexOf returns ch's index in Charges, or -1: a binary search on the date,
// then a look along that day.
func (c *Card) indexOf(ch *statement.Charge) int {
	i := sort.Search(len(c.Charges), func(i int) bool { return c.Charges[i].Date >= ch.Date })
	for ; i < len(c.Charges) && c.Charges[i].Date == ch.Date; i++ {
		if c.Charges[i] == ch {
			return i
		}
	}
	return -1
}

// PaidBefore reports whether the card paid payee key p before date d.
func (c *Card) PaidBefore(p string, d statement.Date) bool {
	px := c.byPayee[p]
	return px != nil && c.Charges[px.purchases[0]].Date < d
}

// FirstPaid returns the date of the card's first purchase from payee key p.
func (c *Card) FirstPaid(p string) (statement.Date, bool) {
	px := c.byPayee[p]
	if px == nil {
		return 0, false
	}
	return c.Charges[px.purchases[0]].Date, true
}

// NewRelationship is how long a payee counts as new after the card first
// paid it: a fraud run at one merchant is new for all its charges, not only
// the first.
const newRelationship = 30

// isNewPayee reports whether the card's first purchase from ch's payee is
// less than [newRelationship] days before ch.
func (c *Card) isNewPayee(ch *statement.Charge) bool {
	first, ok := c.FirstPaid(ch.Payee)
	return !ok || int(ch.Date-first) < newRelationship
}

// payeeKnown reports whether ch's payee is one of the card's known payees
// at ch's date: a config payee, or a learned stream that ran for
// [knownAfterDays] before it.
func (c *Card) payeeKnown(ch *statement.Charge) bool {
	d := ch.Date
	px := c.byPayee[ch.Payee]
	if px == nil {
		return c.configured(ch.Payee, ch.Via)
	}
	if px.conf != nil {
		return true
	}
	for _, s := range px.streams {
		if int(d-s.First()) >= knownAfterDays {
			return true
		}
	}
	return false
}

// subscriptionLike reports whether payee p charges like a subscription: a
// config payee with a cadence, or an established learned stream (or several)
// holding at least 80% of the payee's purchases. A shop that happens to
// form a stream among many irregular visits is not.
func (px *payeeIndex) subscriptionLike() bool {
	if px.conf != nil && px.conf.Cadence != "" && px.conf.Cadence != "irregular" {
		return true
	}
	members := 0
	established := false
	for _, s := range px.streams {
		members += len(s.Charges)
		established = established || s.Established
	}
	return established && members*10 >= len(px.purchases)*8
}

// cycle returns the payee's billing cadence: the config's, or that of its
// longest stream.
func (px *payeeIndex) cycle() (recurring.Cadence, bool) {
	if px.conf != nil && px.conf.Cadence != "" {
		if cad, ok := recurring.CadenceByName(px.conf.Cadence); ok {
			return cad, true
		}
	}
	var best *recurring.Stream
	for _, s := range px.streams {
		if best == nil || len(s.Charges) > len(best.Charges) {
			best = s
		}
	}
	if best == nil {
		return recurring.Cadence{}, false
	}
	return best.Cadence, true
}

// windowPurchases calls f with the index of every purchase in the window.
func (c *Card) windowPurchases(f func(i int, ch *statement.Charge)) {
	for i := c.start; i < len(c.Charges); i++ {
		if ch := c.Charges[i]; isPurchase(ch) {
			f(i, ch)
		}
	}
}

// yenText formats whole yen for messages: "¥1,000".
func yenText(y int64) string { return yenAmount(y).String() }

// cadenceTerm names a cadence in messages.
func cadenceTerm(c recurring.Cadence) message.Value { return message.Term("cadence." + c.Name) }
