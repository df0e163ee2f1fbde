package rules

import (
	"cmp"
	"slices"
	"sort"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(20, func() Rule {
		return burstRule{Min: 3, WithinDays: 1, Severity: severity.Alert, SameAmount: 3, SameAmountWithin: 7, SameAmountFrom: 1000, SameAmountSeverity: severity.Warning}
	})
}

// Burst flags Min or more purchases from one payee within WithinDays days.
// Statements carry dates, not times, so "within 24 h" is read as the same
// day or the next (WithinDays 1). A payee whose history on the card already
// shows such bursts (a transit charge several times a day) is not flagged.
//
// It also flags a repeated price point: SameAmount or more charges of one
// amount (at least SameAmountFrom) from one payee within SameAmountWithin
// days, where that amount is new at the payee and not a recurring one — the
// shape of stolen-card spending at app and gift-card stores (¥10,000,
// ¥10,000, ¥10,000…).
type burstRule struct {
	Min        int               `yaml:"min" doc:"charges from one payee that make a burst"`
	WithinDays dayCount          `yaml:"within" doc:"…within this many days (1d: the same day or the next)"`
	Severity   severity.Severity `yaml:"severity" doc:"severity of a burst"`

	SameAmount         int               `yaml:"same-amount" doc:"charges of one amount from a payee that is not recurring that make a repeated price point (0: off)"`
	SameAmountWithin   dayCount          `yaml:"same-amount-within" doc:"…within this many days"`
	SameAmountFrom     yenAmount         `yaml:"same-amount-from" doc:"…of at least this amount"`
	SameAmountSeverity severity.Severity `yaml:"same-amount-severity" doc:"severity of a repeated price point"`
}

// ID implements [Rule].
func (burstRule) ID() string { return "burst" }

// Doc says what the rule flags.
func (burstRule) Doc() string {
	return "many charges from one payee in a short time, or one price repeated by a payee that is not recurring"
}

// Check implements [Rule]. Charges that continue a learned subscription
// are not counted: one billed the day a fraud run starts is no part of it.
// (A config payee is known by name, not by rhythm: five charges in a day
// from it are still a burst.)
func (b burstRule) Check(card *Card) []Finding {
	var out []Finding
	for _, p := range card.payeesInWindow() {
		px := card.byPayee[p]
		// Only the charges from a run's length before the window can
		// join a run that reaches it; the history is read only to see
		// whether bursts are this payee's normal, when there is one.
		idx := card.purchasesFrom(px, card.From.AddDays(-int(max(b.WithinDays, b.SameAmountWithin))))
		if b.Min >= 2 && len(idx) >= b.Min {
			near := make([]*statement.Charge, len(idx))
			for k, i := range idx {
				near[k] = card.Charges[i]
			}
			out = append(out, b.bursts(card, px, near)...)
		}
		if b.SameAmount >= 2 && len(idx) >= b.SameAmount {
			out = append(out, b.pricePoints(card, px, idx)...)
		}
	}
	return out
}

// purchasesFrom returns the indices of px's purchases on or after d that do
// not continue a learned stream, in date order.
func (c *Card) purchasesFrom(px *payeeIndex, d statement.Date) []int {
	k := sort.Search(len(px.purchases), func(k int) bool { return c.Charges[px.purchases[k]].Date >= d })
	var out []int
	for _, i := range px.purchases[k:] {
		if c.known[i].stream == nil {
			out = append(out, i)
		}
	}
	return out
}

func (b burstRule) bursts(card *Card, px *payeeIndex, near []*statement.Charge) []Finding {
	var out []Finding
	for _, g := range runs(near, b.Min, int(b.WithinDays)) {
		if g[len(g)-1].Date < card.From || card.usualBurst(px, g) {
			continue
		}
		out = append(out, Finding{Severity: b.Severity, Message: b.message(card, g), Charges: g})
	}
	return out
}

// smallVisit is the largest charge of a few at a new ordinary place that
// are a visit, not a burst.
const smallVisit = 5000

// firstOrder is the largest charge of a multi-charge online order (or of a
// top-up) that needs no history with the payee to explain it, and
// firstOrderSum the most such an order comes to: everyday goods, one
// charge per item or per shop. Electronics ordered by a thief are larger.
const (
	firstOrder    = 15000
	firstOrderSum = 45000
)

// repeatsPrice reports whether one amount is charged three times or more in
// g: how stolen cards are spent at app and gift stores.
func repeatsPrice(g []*statement.Charge) bool {
	n := map[int64]int{}
	for _, ch := range g {
		y := statement.WholeYen(ch.Amount)
		if n[y]++; n[y] >= 3 {
			return true
		}
	}
	return false
}

// sumYen adds up the amounts of g in whole yen.
func sumYen(g []*statement.Charge) int64 {
	var sum int64
	for _, ch := range g {
		sum += statement.WholeYen(ch.Amount)
	}
	return sum
}

// usualBurst reports whether g, several charges from px within a day or
// two, is how this card pays px, judged against its trusted purchases
// before g and against the kind of merchant:
//   - donations: several on one day is how ふるさと納税 is done;
//   - amounts within what the card paid px in the last year (or small
//     ones, [smallVisit] at most), at a place the card uses that sells no
//     cash-like goods (busier than usual is not how fraud looks at a
//     shop: a café visited three times in a day), or at an app store it
//     uses when no
//     price repeats three times, or anywhere when the count is one the
//     card reached before or not rare for how often it pays px;
//   - an online retailer or a top-up, within its usual amounts or each
//     under the card's usual large purchase (or [firstOrder]) and
//     [firstOrderSum] in all: one order bills as several charges, a
//     transit card is topped up twice a day;
//   - up to four small charges ([smallVisit] each at most) at an ordinary
//     place the card has paid fewer than three times, and small charges
//     at a foreign place during a trip.
func (c *Card) usualBurst(px *payeeIndex, g []*statement.Charge) bool {
	kind := c.kindOf(px)
	if kind == Donation {
		return true
	}
	h := c.habitOf(px, g[0].Date)
	var top int64
	for _, ch := range g {
		top = max(top, statement.WholeYen(ch.Amount))
	}
	within := h.N > 0 && top <= h.Max*3/2
	days := int(g[len(g)-1].Date-g[0].Date) + 1
	risk := c.riskOf(px, nil)
	switch {
	case (top <= 2*h.Max || top <= smallVisit) && h.N >= 3 && risk == "" && kind != OnlineRetailer && kind != TopUp:
		// At a shop or restaurant the card uses, busier than usual is
		// not how fraud looks there.
		return true
	case within && h.N >= 3 && risk == "":
		return true
	case within && h.N >= 3 && !repeatsPrice(g):
		// At an app or game store the card uses, a few purchases at
		// the prices it pays there: a game's items. A thief repeats one
		// price, or goes above what the card ever paid.
		return true
	case within && h.usualCount(len(g), days):
		return true
	case (kind == OnlineRetailer || kind == TopUp) && (within || top <= max(c.baseline().P90, firstOrder) && sumYen(g) <= firstOrderSum):
		return true
	case h.N < 3 && kind == OtherKind && len(g) <= 4 && top <= smallVisit && risk == "":
		// A few small charges at a place new to the card (or met once
		// or twice) that sells nothing cash-like: a shop visited again
		// the same day, a place on a trip. Fraud spends at app and gift
		// stores, or large.
		return true
	}
	// Small charges at a place abroad that is no app or gift store, with
	// the card paying another place in that currency those days: a
	// konbini on a trip, visited three times on the first day.
	return top <= tripSmall && c.riskOf(px, nil) == "" && c.abroad(g, 1)
}

// pricePoints finds runs of one amount that the payee has not charged this
// card before (a month or more earlier) and that is not a recurring amount
// of it: a top-up of ¥3,000 every few days is how this card pays that
// payee; ¥10,000 three times at a store that sold ¥490 apps is not.
func (b burstRule) pricePoints(card *Card, px *payeeIndex, idx []int) []Finding {
	if k := card.kindOf(px); k == Donation || k == TopUp {
		return nil // round amounts again and again are how donations and top-ups are made
	}
	// Charges of one amount, in date order: a stable sort by amount of the
	// date-ordered indices, cut into runs of equal amounts.
	var items []int
	for _, i := range idx {
		if card.yen[i] >= int64(b.SameAmountFrom) {
			items = append(items, i)
		}
	}
	if len(items) < b.SameAmount {
		return nil
	}
	slices.SortStableFunc(items, func(i, j int) int { return cmp.Compare(card.yen[i], card.yen[j]) })
	var out []Finding
	for lo := 0; lo < len(items); {
		hi, y := lo, card.yen[items[lo]]
		for hi < len(items) && card.yen[items[hi]] == y {
			hi++
		}
		group := items[lo:hi]
		lo = hi
		if len(group) < b.SameAmount {
			continue
		}
		same := make([]*statement.Charge, len(group))
		for k, i := range group {
			same[k] = card.Charges[i]
		}
		for _, g := range runs(same, b.SameAmount, int(b.SameAmountWithin)) {
			if g[len(g)-1].Date < card.From || card.paidAmountBefore(px, y, g[0].Date.AddDays(-newRelationship)) || px.amountRecurs(g[0]) {
				continue
			}
			msg := message.New("burst.same-amount", message.Args{
				"charges": message.Count(len(g)), "amount": message.Yen(y), "payee": message.Text(g[0].Payee),
				"first": message.Date(g[0].Date), "last": message.Date(g[len(g)-1].Date),
				"limit": message.Count(b.SameAmount), "within": message.Days(int(b.SameAmountWithin))})
			out = append(out, Finding{Severity: b.SameAmountSeverity, Message: msg, Charges: g})
		}
	}
	return out
}

// paidAmountBefore reports whether the card paid px exactly y yen before d,
// in a trusted purchase.
func (c *Card) paidAmountBefore(px *payeeIndex, y int64, d statement.Date) bool {
	for _, k := range px.purchases {
		if c.Charges[k].Date >= d {
			return false
		}
		if c.yen[k] == y && c.trusted(k) {
			return true
		}
	}
	return false
}

// amountRecurs reports whether ch's amount fits one of the payee's streams
// or its config amount.
func (px *payeeIndex) amountRecurs(ch *statement.Charge) bool {
	for _, s := range px.streams {
		if s.AmountFits(ch.Amount) {
			return true
		}
	}
	if px.conf != nil {
		if lo, hi, ok := px.conf.ExpectedAmount(); ok && !ch.Amount.LessThan(lo) && !ch.Amount.GreaterThan(hi) {
			return true
		}
	}
	return false
}

// payeesInWindow returns the payees with a purchase in the window, sorted;
// computed once per card.
func (c *Card) payeesInWindow() []string {
	if c.inWindow != nil {
		return c.inWindow
	}
	c.inWindow = []string{}
	seen := map[string]bool{}
	for i := c.start; i < len(c.Charges); i++ {
		if ch := c.Charges[i]; isPurchase(ch) && !seen[ch.Payee] {
			seen[ch.Payee] = true
			c.inWindow = append(c.inWindow, ch.Payee)
		}
	}
	sort.Strings(c.inWindow)
	return c.inWindow
}

// runs returns the runs of charges (in date order) that hold min or more
// within days, merged where they overlap.
func runs(cs []*statement.Charge, min, days int) [][]*statement.Charge {
	if len(cs) < min {
		return nil
	}
	in := make([]bool, len(cs))
	lo := 0
	for hi := range cs {
		for int(cs[hi].Date-cs[lo].Date) > days {
			lo++
		}
		if hi-lo+1 >= min {
			for i := lo; i <= hi; i++ {
				in[i] = true
			}
		}
	}
	var out [][]*statement.Charge
	var cur []*statement.Charge
	for i, c := range cs {
		if !in[i] {
			continue
		}
		if len(cur) > 0 && int(c.Date-cur[len(cur)-1].Date) > days {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, c)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func (b burstRule) message(card *Card, g []*statement.Charge) message.Message {
	var sum int64
	for _, c := range g {
		sum += statement.WholeYen(c.Amount)
	}
	return message.New("burst", message.Args{
		"charges": message.Count(len(g)), "payee": message.Text(g[0].Payee), "sum": message.Yen(sum),
		"first": message.Date(g[0].Date), "last": message.Date(g[len(g)-1].Date),
		"new":   message.Bool(!card.PaidBefore(g[0].Payee, g[0].Date)),
		"limit": message.Count(b.Min), "within": message.Days(int(b.WithinDays))})
}
