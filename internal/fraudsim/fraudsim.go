// Package fraudsim generates labelled cardholders and replays their
// statements month by month through the cardcheck binary, as cron runs it,
// to measure how well the checker tells fraud from the cardholder's own
// spending.
//
// It exists because figures from a generator the rules were tuned on said
// little: issue 8 found, on corpora written elsewhere, the misses and false
// alarms that the old quality test never showed. This generator models the
// behaviours behind them rather than a fixed set of merchants:
//
//   - cardholders with a recurring-only corporate card (fixed bills, usage
//     billed phone and utilities, a dollar cloud bill growing about 2% a
//     month, yearly and quarterly bills), and everyday personal and family
//     cards (konbini and supermarkets several times a week, online orders
//     billed as several charges over one to three days, ふるさと納税
//     donations on one day, transit and wallet top-ups, trips abroad with a
//     hotel and other foreign charges, big appliances, some in
//     installments, new subscriptions at well-known services);
//   - every fraud pattern of the issue, with randomised parameters (see
//     [Pattern]);
//   - statements written byte for byte in four issuer layouts (Vpass CP932,
//     楽天 UTF-8 with BOM, JCB CP932 quoted, エポス CP932), each charge line
//     labelled.
//
// Cardholders come from a [Seed], which belongs to one [Set]: the seeds the
// rules may be tuned on and the held-out seeds the README reports are
// different random streams by construction, so no seed is in both.
//
// [Replay] adds each month's statements to a folder, runs `cardcheck scan
// --json` on it, and maps every finding back to the labelled charges; with a
// state folder, a simulated user acknowledges the findings that are entirely
// their own. [Tally] turns replays into the quality tables.
package fraudsim

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Set is a family of seeds.
type Set string

// The sets. Tuning seeds are the ones to look at while changing the rules;
// held-out seeds are for the figures the README reports.
const (
	Tuning  Set = "tuning"
	HeldOut Set = "held-out"
)

// Seed names one cardholder.
type Seed struct {
	Set Set
	N   int
}

func (s Seed) String() string { return fmt.Sprintf("%s/%d", s.Set, s.N) }

// rand returns the seed's random stream. The set's name is hashed into the
// stream's first word, so tuning seed n and held-out seed n share nothing.
func (s Seed) rand() *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(s.Set))
	return rand.New(rand.NewPCG(h.Sum64(), uint64(s.N)))
}

// Seeds returns seeds 1 to n of set.
func Seeds(set Set, n int) []Seed {
	out := make([]Seed, n)
	for i := range out {
		out[i] = Seed{Set: set, N: i + 1}
	}
	return out
}

// CardType is how a card is used, and so which targets apply to it.
type CardType string

// The card types.
const (
	// RecurringOnly cards pay a handful of bills and nothing else: every
	// fraud charge must be an alert, and no legitimate charge a warning.
	RecurringOnly CardType = "recurring-only"
	// Everyday cards buy groceries, meals, trips and subscriptions (a
	// family member's card included).
	Everyday CardType = "everyday"
)

// CardTypes lists the types in report order.
var CardTypes = []CardType{RecurringOnly, Everyday}

// Layout is an issuer's statement layout, named as cardcheck names the format.
type Layout string

// The layouts the generator writes.
const (
	Vpass   Layout = "vpass"
	Rakuten Layout = "rakuten"
	JCB     Layout = "jcb"
	Epos    Layout = "epos"
)

// Layouts lists every layout the generator writes.
var Layouts = []Layout{Vpass, Rakuten, JCB, Epos}

// Cardholder is one person's cards over History months of statements that
// are there before the first run, then Replayed months checked one by one.
type Cardholder struct {
	Seed     Seed
	Start    statement.Date // first day of the first statement's month
	History  int
	Replayed int
	Accounts []*Account
	// Incidents counts the fraud incidents injected.
	Incidents int
}

// Account is one card company's statement: its cards, closed on Close (31
// for the month's end) each month.
type Account struct {
	Layout Layout
	Close  int
	Holder string // the main cardholder's name as printed (full-width space between names)
	Cards  []*Card
}

// Card is one card on an account.
type Card struct {
	Type CardType
	// Name and Number are the card name and masked number as the layouts
	// that print them do (Vpass, JCB).
	Name, Number string
	// Holder is the name printed for the card's user; Family marks a
	// family member's card.
	Holder  string
	Family  bool
	Account *Account
	// Charges are every charge, legitimate and fraud, in date order.
	Charges []*Charge
}

// Pattern names a kind of fraud (or billing error) the generator injects.
type Pattern string

// The fraud patterns, from issue 8's "Why".
const (
	// AppBurst: 3 to 15 charges over one to three days at an app store,
	// game store or gift card seller, often at one price.
	AppBurst Pattern = "app-burst"
	// ElectronicsBurst: 2 to 5 orders of ¥15,000–¥150,000 within two days
	// at an electronics web shop, sometimes the victim's own.
	ElectronicsBurst Pattern = "electronics-burst"
	// Repeat: the same merchant hit again, 3 to 20 weeks after a burst.
	Repeat Pattern = "repeat"
	// FraudSubscription: a new merchant charging one amount every month.
	FraudSubscription Pattern = "fraud-subscription"
	// SlowSkim: ¥300–¥980 a month at an unknown online merchant.
	SlowSkim Pattern = "slow-skim"
	// AboveRange: charges at a payee the victim uses, far above its usual
	// range (a wallet top-up of ¥50,000 where ¥3,000 is usual; a bill at
	// several times its amount).
	AboveRange Pattern = "above-range"
	// CardTest: ¥1–¥100 charges at unknown merchants, mostly followed
	// within two weeks by larger ones.
	CardTest Pattern = "card-test"
	// ForeignOnline: one large foreign-currency charge at an unknown online
	// merchant, with no trip around it.
	ForeignOnline Pattern = "foreign-online"
	// LargeFirst: one large domestic purchase at a merchant the card never
	// paid.
	LargeFirst Pattern = "large-first"
	// DoubleCharge: a bill charged twice in one cycle, at the same or
	// another amount (a billing error to dispute).
	DoubleCharge Pattern = "double-charge"
)

// Patterns lists every pattern in report order.
var Patterns = []Pattern{AppBurst, ElectronicsBurst, Repeat, FraudSubscription, SlowSkim, AboveRange, CardTest, ForeignOnline, LargeFirst, DoubleCharge}

// Charge is one labelled statement line.
type Charge struct {
	Date statement.Date // the use date the statement prints
	// Posted is when the charge reaches the card company: the statement it
	// is on is the one whose period holds Posted.
	Posted   statement.Date
	Merchant string // as printed
	Yen      int64  // negative for a refund
	Foreign  *Foreign
	// Installments is the number of payments (0 or 1: one payment).
	Installments int
	// Habit names the legitimate behaviour the charge comes from
	// ("konbini", "online-order", "trip-abroad", …); empty for fraud.
	Habit string
	// Pattern is the fraud pattern; empty for legitimate charges.
	Pattern Pattern
	// Incident numbers the fraud incident (from 1 within a cardholder).
	Incident int
	Card     *Card
}

// Fraud reports whether the charge is injected fraud.
func (c *Charge) Fraud() bool { return c.Pattern != "" }

// Foreign is the foreign-currency side of a charge.
type Foreign struct {
	Cents    int64  // amount in hundredths of Currency
	Currency string // ISO 4217
	Country  string // ISO 3166 alpha-3, as 楽天 glues it to the merchant
	// RateMilli is yen per unit in thousandths.
	RateMilli int64
}

// Cards returns every card of the cardholder.
func (h *Cardholder) Cards() []*Card {
	var out []*Card
	for _, a := range h.Accounts {
		out = append(out, a.Cards...)
	}
	return out
}

// Months is the number of statements of each account.
func (h *Cardholder) Months() int { return h.History + h.Replayed }

// closing returns the closing day of statement k of a: its Close in month
// Start+k, or the month's last day.
func (h *Cardholder) closing(a *Account, k int) statement.Date {
	first := h.Start.AddMonths(k)
	y, m, _ := first.YMD()
	last := first.AddMonths(1) - 1
	_, _, n := last.YMD()
	return statement.NewDate(y, m, min(a.Close, n))
}

// period returns the first and last posting day of statement k of a.
func (h *Cardholder) period(a *Account, k int) (from, to statement.Date) {
	return h.closing(a, k-1) + 1, h.closing(a, k)
}

// replayFrom and replayTo bound the use dates fraud may be injected at: the
// replayed statements' days, less a week at the end so that the charges of
// an incident reach the last statement.
func (h *Cardholder) replayFrom() statement.Date { return h.Start.AddMonths(h.History) }
func (h *Cardholder) replayTo() statement.Date   { return h.Start.AddMonths(h.Months()) - 8 }

// sortCharges puts every card's charges in date order, keeping the order of
// a day's charges stable.
func (h *Cardholder) sortCharges() {
	for _, c := range h.Cards() {
		slices.SortStableFunc(c.Charges, func(a, b *Charge) int { return int(a.Date - b.Date) })
	}
}
