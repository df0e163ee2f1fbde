package rules

import (
	"fmt"
	"sort"
	"time"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Card is what rules see of one card: its charges and what is known of them.
//
// A card is seen as it was on To: Charges holds the charges up to To, and
// what the rules compare them with is learned only from the earlier charges
// that were trusted when they happened (see [Engine.RunCard]): a charge a
// run would have reported at warning or above, and that the user has not
// confirmed, never teaches what is normal.
//
// Besides the fields, a card keeps an index so that rules never scan the
// whole history per charge: each charge's amount in whole yen, each payee's
// purchases in date order, and (built on first use) the card's usual
// amounts and monthly totals.
type Card struct {
	Label string // card label, as in reports
	// Nickname is the config's name for the card (cards: - name:), or "".
	Nickname string
	// Charges are the card's charges up to To, oldest first.
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

	all     []*statement.Charge // every charge, oldest first; Charges is a prefix
	start   int
	conf    []*spec.Payee       // by index in all: the config payee the charge matches
	stream  []*recurring.Stream // by index in all: the stream the charge is a member of
	known   []knownBy           // by index in all, decided when the charge came into a window
	suspect []bool              // by index in all: reported at warning or above when it happened
	mode    string              // the config's mode for the card, or ""

	// The user's verdicts (see Apply): the charges they confirmed and
	// those they reported, by index in all (nil without verdicts).
	verdicts      *Verdicts
	mine, notMine []bool

	yen       []int64 // all[i].Amount in whole yen
	occur     []int32 // earlier charges with the same date, payee and amount
	ppos      []int32 // position of Charges[i] in its payee's purchases, or -1
	byPayee   map[string]*payeeIndex
	stats     *cardStats               // built on first use in each window
	months    map[statement.Date]int64 // net purchases by month start of Charges[:monthsEnd]
	monthsEnd int
	inWindow  []string                                // payees with a purchase in the window, built on first use
	refunds   map[*statement.Charge]*statement.Charge // allRefunds up to To
	// allRefunds matches every refund of the card to its purchase.
	allRefunds map[*statement.Charge]*statement.Charge
	payeeSet   map[string]bool // learned payees the config does not name, built on first use
	modeCount  modeCount

	// userDeadline ends the user rules' time in this run (see
	// Engine.UserBudget); problems are what went wrong running rules,
	// one per rule (see Problems).
	userDeadline time.Time
	userBudget   time.Duration
	problems     map[string]*RuleError

	// breachFirst is the first use inside each breach of the catalogue
	// breachOf points into (see BreachExposure.exposures).
	breachFirst []*statement.Charge
	breachOf    *spec.Breach
}

// modeCount is what decideMode counted of the history [0, end).
type modeCount struct {
	end, total, recurring int
	first, last           statement.Date
	dirty                 bool // a counted charge was judged suspect since
}

// knownBy is why a charge is known: a config payee, a learned stream, or
// the renewal of a bill paid a cycle before.
type knownBy struct {
	payee   *spec.Payee
	stream  *recurring.Stream
	renewal bool
}

// payeeIndex is one payee's purchases on the card.
type payeeIndex struct {
	key       string
	purchases []int // indices into Card.Charges, date order
	members   int   // purchases that are members of a stream
	streams   []*recurring.Stream
	conf      *spec.Payee // the config payee its charges match, if any
	kind      Kind        // see kindOf
	kindSet   bool
	risk      string // see riskOf
	riskSet   bool
}

// knownAfterDays is how long a learned stream must have run before its
// charges count as known: a rhythm seen for four weeks. Without it, a fraud
// run of one price every few days would teach itself as a weekly stream.
const knownAfterDays = 28

// NewCard builds the rules' view of a card. charges must all belong to the
// card; sp (the config's cards and payees) may be nil. The window is [from,
// to]; every earlier charge is trusted until [Engine.RunCard] judges the
// history.
func NewCard(label string, charges []*statement.Charge, from, to statement.Date, sp *spec.Spec) *Card {
	c := &Card{Label: label}
	c.all = append([]*statement.Charge(nil), charges...)
	sort.SliceStable(c.all, func(i, j int) bool { return c.all[i].Date < c.all[j].Date })
	n := len(c.all)
	c.conf = make([]*spec.Payee, n)
	c.stream = make([]*recurring.Stream, n)
	c.known = make([]knownBy, n)
	c.suspect = make([]bool, n)
	c.yen = make([]int64, n)
	c.occur = make([]int32, n)
	c.ppos = make([]int32, n)
	for lo := 0; lo < n; {
		hi := lo
		for hi < n && c.all[hi].Date == c.all[lo].Date {
			c.yen[hi] = statement.WholeYen(c.all[hi].Amount)
			hi++
		}
		c.countRepeats(lo, hi)
		lo = hi
	}
	if sp != nil {
		for i := range sp.Payees {
			if p := &sp.Payees[i]; p.AppliesTo(label) {
				c.Payees = append(c.Payees, p)
			}
		}
	}
	if cc := sp.CardFor(label); cc != nil {
		c.Nickname, c.mode = cc.Name, cc.Mode
	}
	if len(c.Payees) > 0 {
		// Match each distinct payee key (and processor) once.
		type key struct{ payee, via string }
		match := map[key]*spec.Payee{}
		for i, ch := range c.all {
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
			if !ch.PlaceholderMerchant() {
				c.conf[i] = p
			}
		}
	}
	// The rhythms are learned once from every charge; which charges count
	// as known is decided per window from the trusted ones (markKnown).
	c.Streams = recurring.Learn(c.all)
	pos := make(map[*statement.Charge]int, n)
	for i, ch := range c.all {
		pos[ch] = i
	}
	for _, s := range c.Streams {
		for _, ch := range s.Charges {
			if i, ok := pos[ch]; ok {
				c.stream[i] = s
			}
		}
	}
	c.setWindow(from, to)
	return c
}

// setWindow moves the window to [from, to]: the charges up to to become
// visible, and the ones that were not visible before are judged known or
// not from what is trusted now. Moving to back in time rebuilds the index.
func (c *Card) setWindow(from, to statement.Date) {
	end := sort.Search(len(c.all), func(i int) bool { return c.all[i].Date > to })
	if end < len(c.Charges) || c.byPayee == nil {
		c.Charges = c.all[:0]
		c.byPayee = map[string]*payeeIndex{}
		c.months = nil
		c.modeCount = modeCount{}
	}
	lo := len(c.Charges)
	for i := lo; i < end; i++ {
		c.indexCharge(i)
	}
	c.Charges = c.all[:end]
	c.From, c.To = from, to
	c.start = sort.Search(end, func(i int) bool { return c.all[i].Date >= from })
	c.stats, c.inWindow, c.refunds, c.payeeSet = nil, nil, nil, nil
	c.markKnown(lo, end)
	c.decideMode()
}

// indexCharge adds charge i to its payee's purchases.
func (c *Card) indexCharge(i int) {
	ch := c.all[i]
	c.ppos[i] = -1
	if !isPurchase(ch) {
		return
	}
	px := c.byPayee[ch.Payee]
	if px == nil {
		px = &payeeIndex{key: ch.Payee}
		for _, s := range c.Streams {
			if s.Payee == ch.Payee {
				px.streams = append(px.streams, s)
			}
		}
		c.byPayee[ch.Payee] = px
	}
	if px.conf == nil {
		px.conf = c.conf[i]
	}
	c.ppos[i] = int32(len(px.purchases))
	px.purchases = append(px.purchases, i)
	if c.stream[i] != nil {
		px.members++
	}
}

// markKnown decides for the charges [lo, hi) whether they are known: a
// config payee's, or the continuation of a stream whose trusted members
// before it have run for [knownAfterDays]. The first charge of a stream is
// new when it happens, and a stream made only of suspects teaches nothing.
func (c *Card) markKnown(lo, hi int) {
	for i := lo; i < hi; i++ {
		c.known[i] = knownBy{}
		if p := c.conf[i]; p != nil {
			c.known[i] = knownBy{payee: p}
			continue
		}
		if c.renewal(i) {
			c.known[i] = knownBy{renewal: true}
			continue
		}
		s := c.stream[i]
		if s == nil {
			continue
		}
		ch := c.all[i]
		for _, m := range s.Charges {
			if m.Date > ch.Date.AddDays(-knownAfterDays) {
				break
			}
			if j := c.indexOf(m); j >= 0 && c.trusted(j) {
				c.known[i] = knownBy{stream: s}
				break
			}
		}
	}
}

// previousPurchase returns the index of the payee's purchase before the
// purchase at index i, and the days between them.
func (c *Card) previousPurchase(i int) (j, gap int, ok bool) {
	k := c.ppos[i]
	if k <= 0 {
		return 0, 0, false
	}
	j = c.byPayee[c.all[i].Payee].purchases[k-1]
	return j, int(c.all[i].Date - c.all[j].Date), true
}

// renewal reports whether the purchase at index i renews a bill: the
// payee's previous purchase is one bimonthly, quarterly, half-yearly or
// yearly cycle before it (within the cadence's tolerance), at an amount
// within 8%. A bill first seen some months into the statements was new
// then, and may have been reported; its renewal at the same price is the
// bill, not fraud (which does not wait months to repeat itself).
func (c *Card) renewal(i int) bool {
	j, gap, ok := c.previousPurchase(i)
	if !ok {
		return false
	}
	y, prev := c.yen[i], c.yen[j]
	if abs(y-prev)*100 > prev*8 {
		return false
	}
	for _, cad := range recurring.Cadences {
		if cad.Months >= 2 && gap >= cad.Min && gap <= cad.Max {
			return true
		}
	}
	return false
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
			k := ident{c.all[i].Payee, c.all[i].Amount.String()}
			c.occur[i] = seen[k]
			seen[k]++
		}
		return
	}
	for i := lo; i < hi; i++ {
		for j := i - 1; j >= lo; j-- {
			if c.yen[j] == c.yen[i] && c.all[j].Payee == c.all[i].Payee && c.all[j].Amount.String() == c.all[i].Amount.String() {
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
// is recurring-only when at least 4 trusted purchases over at least two
// months come before the window and at least 90% of them are known, belong
// to recurring streams or go on a bill's rhythm (a phone bill that moves
// with calls makes no stream of its amounts; see billRhythm). Suspects count neither way: earlier fraud must not
// turn a recurring-only card into an everyday one.
func (c *Card) decideMode() {
	if c.mode != "" {
		c.RecurringOnly = c.mode == spec.RecurringOnly
		c.ModeReason = message.New("card.mode.config", message.Args{"mode": message.Term("mode." + c.mode)})
		return
	}
	// The counts are kept from one window to the next; a charge judged
	// suspect after it was counted makes them start over.
	m := &c.modeCount
	if m.dirty || m.end > c.start {
		*m = modeCount{}
	}
	for i := m.end; i < c.start; i++ {
		ch := c.Charges[i]
		if ch.Kind != statement.Purchase || ch.PlaceholderMerchant() || !c.trusted(i) {
			continue
		}
		if m.total == 0 {
			m.first = ch.Date
		}
		m.last = ch.Date
		m.total++
		if c.known[i] != (knownBy{}) || c.stream[i] != nil || c.billRhythm(i) {
			m.recurring++
		}
	}
	m.end = c.start
	total, recurringN, first, last := m.total, m.recurring, m.first, m.last
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
	case k.renewal:
		return ch.Payee + " (renewed)", true
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

// KnownPayees counts the card's known payees: the config's and the payees
// the config does not name with a stream that has a trusted member before
// the window.
func (c *Card) KnownPayees() int {
	if c.payeeSet == nil {
		c.payeeSet = map[string]bool{}
		for i, ch := range c.History() {
			if s := c.stream[i]; s != nil && c.trusted(i) && !c.configured(ch.Payee, ch.Via) {
				c.payeeSet[s.Payee] = true
			}
		}
	}
	return len(c.Payees) + len(c.payeeSet)
}

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

// identity is the part of a finding id one charge contributes. A charge
// whose usage notice did not name the shop (Visa加盟店) is named by that
// notice (its mail's Message-ID and its place in the mail), on its own and
// on the statement row later matched to it: the row names the real shop,
// but it is the same charge, so its finding keeps its id instead of being
// withdrawn and mailed again under a new one.
func (c *Card) identity(ch *statement.Charge) string {
	if nt := ch.Notice; nt != nil && nt.MessageID != "" && (nt.Placeholder || nt.Unnamed) {
		return fmt.Sprintf("notice|%s|%d", nt.MessageID, nt.Block)
	}
	n := 0
	if i := c.indexOf(ch); i >= 0 {
		n = int(c.occur[i])
	}
	return fmt.Sprintf("%s|%s|%s|%d", ch.Date, ch.Payee, ch.Amount.String(), n)
}

// indexOf returns ch's index in Charges (the charges up to To), or -1: a
// binary search on the date, then a look along that day.
func (c *Card) indexOf(ch *statement.Charge) int {
	i := sort.Search(len(c.Charges), func(i int) bool { return c.Charges[i].Date >= ch.Date })
	for ; i < len(c.Charges) && c.Charges[i].Date == ch.Date; i++ {
		if c.Charges[i] == ch {
			return i
		}
	}
	return -1
}

// PaidBefore reports whether the card paid payee key p before date d (in a
// trusted purchase).
func (c *Card) PaidBefore(p string, d statement.Date) bool {
	first, ok := c.FirstPaid(p)
	return ok && first < d
}

// FirstPaid returns the date of the card's first trusted purchase from
// payee key p: a payee the card only paid in suspect charges is new.
func (c *Card) FirstPaid(p string) (statement.Date, bool) {
	px := c.byPayee[p]
	if px == nil {
		return 0, false
	}
	for _, k := range px.purchases {
		if c.trusted(k) {
			return c.Charges[k].Date, true
		}
	}
	return 0, false
}

// newRelationship is how long a payee counts as new after the card first
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
// on ch's date: a config payee, or a learned stream with a trusted member at
// least [knownAfterDays] before it.
func (c *Card) payeeKnown(ch *statement.Charge) bool {
	d := ch.Date
	px := c.byPayee[ch.Payee]
	if px == nil {
		return c.configured(ch.Payee, ch.Via)
	}
	if px.conf != nil {
		return true
	}
	for _, k := range px.purchases {
		if c.Charges[k].Date > d.AddDays(-knownAfterDays) {
			break
		}
		if c.stream[k] != nil && c.trusted(k) {
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
	established := false
	for _, s := range px.streams {
		established = established || s.Established
	}
	return established && px.members*10 >= len(px.purchases)*8
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

// firstPurchase returns the date of the card's first purchase from px, of
// any trust.
func (c *Card) firstPurchase(px *payeeIndex) (statement.Date, bool) {
	if px == nil || len(px.purchases) == 0 {
		return 0, false
	}
	return c.Charges[px.purchases[0]].Date, true
}

func cadenceTerm(c recurring.Cadence) message.Value { return message.Term("cadence." + c.Name) }

// Problems returns what went wrong running the rules on the card, one error
// per rule at most: a user rule that failed on a charge or ran out of the
// run's time. They are errors of the run, not findings.
func (c *Card) Problems() []*RuleError {
	ids := make([]string, 0, len(c.problems))
	for id := range c.problems {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]*RuleError, len(ids))
	for i, id := range ids {
		out[i] = c.problems[id]
	}
	return out
}

// RuleError is a rule that could not do its work in a run: the rule is at
// fault, not the charges, so it is one error rather than a finding per
// charge.
type RuleError struct {
	Rule string // the rule's id
	Card string // the card's label
	Err  error
}

func (e *RuleError) Error() string { return fmt.Sprintf("card %s: %v", e.Card, e.Err) }

func (e *RuleError) Unwrap() error { return e.Err }

// problem records err for the rule id, once.
func (c *Card) problem(id string, err error) {
	if c.problems == nil {
		c.problems = map[string]*RuleError{}
	}
	if _, ok := c.problems[id]; !ok {
		c.problems[id] = &RuleError{Rule: id, Card: c.Label, Err: err}
	}
}
