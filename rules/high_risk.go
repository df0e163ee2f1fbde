package rules

import (
	"fmt"
	"regexp"
	"sort"
	"sync"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(70, func() Rule {
		hr := highRiskRule{Severity: severity.Warning, Run: 3, RunWithin: 14}
		if err := hr.prepare(); err != nil {
			panic("rules: high-risk list: " + err.Error())
		}
		return hr
	})
}

// HighRisk flags charges at merchants whose goods turn into cash or resale
// value at once — app and game stores, gift cards, prepaid top-ups, crypto
// exchanges, money transfer — when the merchant is not one of the card's
// known payees and is new to it. These are where stolen cards are spent.
// Add extends the built-in list ([highRiskMerchants]) with payee patterns
// ("re:…" for a regular expression).
//
// At a high-risk merchant the card already pays (apps now and then, a
// subscription), a run of Run or more charges within RunWithin days, each
// above anything the card paid there before the window, is flagged: that
// is how a thief spends a stolen card where its owner shops too. (A top-up
// card charged ¥3,000 or ¥5,000 every few days is not: those amounts are
// its usual.)
type highRiskRule struct {
	Severity  severity.Severity `yaml:"severity" doc:"severity of a charge at a high-risk merchant new to the card"`
	Add       []string          `yaml:"add" doc:"more payee patterns to treat as high-risk"`
	Run       int               `yaml:"run" doc:"at a high-risk merchant the card knows: this many charges above anything paid there before…"`
	RunWithin dayCount          `yaml:"run-within" doc:"…within this many days (0: off)"`

	match []highRiskMatcher
}

type highRiskMatcher struct {
	kind string
	p    *payee.Matcher
}

// HighRiskMerchants are the built-in high-risk payee patterns by kind (the
// kind is said in messages as the term high-risk.KIND),
// matched against payee keys (and "PROCESSOR *key") after normalisation.
var highRiskMerchants = []struct {
	Kind     string
	Patterns []string
}{
	{"app-store", []string{"APPLE COM BILL", "APPLE.COM/BILL", "APPLECOMBILL", "ITUNES", "GOOGLE *", "GOOGLE PLAY", "GOOGLEPLAY", "AMAZON APPSTORE"}},
	{"game-store", []string{"STEAM", "VALVE", "PLAYSTATION", "SONY INTERACTIVE", "NINTENDO", "XBOX", "EPIC GAMES", "BLIZZARD", "RIOT GAMES", "ROBLOX", "GARENA", "HOYOVERSE", "DMM GAMES", "スクウェア・エニックス", "バンダイナムコ", "ニンテンドー", "プレイステーション"}},
	{"gift-card", []string{"GIFT CARD", "GIFTCARD", "ギフトカード", "ギフト券", "AMAZON GIFT", "アマゾンギフト", "AMAZON.CO.JP GIFT", "ITUNESカード", "GOOGLE PLAY ギフト", "APP STORE & ITUNES", "ウェブマネー", "WEBMONEY", "BITCASH", "ビットキャッシュ", "NETCASH", "ネットキャッシュ", "POSAカード"}},
	{"prepaid", []string{"チャージ", "CHARGE TOP", "TOP-UP", "TOPUP", "KYASH", "VANDLE", "バンドルカード", "PAYPAY チャージ", "LINE PAY チャージ", "AU PAY チャージ", "モバイルSUICA", "MOBILE SUICA", "REVOLUT", "TRANSFERWISE", "WISE PAYMENTS", "SKRILL", "NETELLER", "PAYSAFE"}},
	{"crypto", []string{"BITFLYER", "COINCHECK", "BITBANK", "GMOコイン", "GMO COIN", "DMM BITCOIN", "BINANCE", "COINBASE", "KRAKEN", "BYBIT", "CRYPTO.COM", "MOONPAY", "暗号資産", "ビットコイン", "仮想通貨"}},
	{"money-transfer", []string{"WESTERN UNION", "MONEYGRAM", "REMITLY", "XOOM", "PAYPAL *TOPUP", "送金", "換金", "CASINO", "カジノ", "BET365", "STAKE.COM"}},
}

// ID implements [Rule].
func (highRiskRule) ID() string { return "high-risk-merchant" }

// Doc says what the rule flags.
func (highRiskRule) Doc() string {
	return "app stores, game stores, gift cards, prepaid top-ups, crypto and other cash-like merchants new to the card"
}

// prepare compiles the patterns.
func (h *highRiskRule) prepare() error {
	h.match = nil
	for _, k := range highRiskMerchants {
		p, err := payee.Compile(containing(k.Patterns))
		if err != nil {
			return err
		}
		h.match = append(h.match, highRiskMatcher{k.Kind, p})
	}
	if len(h.Add) > 0 {
		p, err := payee.Compile(h.Add)
		if err != nil {
			return fmt.Errorf("add: %w", err)
		}
		h.match = append(h.match, highRiskMatcher{"config", p})
	}
	return nil
}

// containing turns the built-in list's words into patterns matching every
// payee key that holds them ("STEAM" is STEAMGAMES.COM too): the list says
// what kind of shop a payee is, so it matches wide, and says so in the
// patterns ("re:" with the word quoted) rather than by a rule of its own.
func containing(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = "re:" + regexp.QuoteMeta(payee.Fold(w))
	}
	return out
}

// defaultHighRisk is the built-in list, compiled once (for user rules).
var defaultHighRisk = sync.OnceValue(func() *highRiskRule {
	h := &highRiskRule{}
	if err := h.prepare(); err != nil {
		panic("rules: high-risk list: " + err.Error())
	}
	return h
})

// riskOf returns the kind of high-risk merchant px is (h's lists, the
// defaults when h is nil), or "", computed once per payee for the default
// lists.
func (c *Card) riskOf(px *payeeIndex, h *highRiskRule) string {
	if h != nil && len(h.Add) > 0 {
		return h.kind(c.Charges[px.purchases[len(px.purchases)-1]])
	}
	if !px.riskSet {
		px.risk, px.riskSet = defaultHighRisk().kind(c.Charges[px.purchases[0]]), true
	}
	return px.risk
}

// kind returns what kind of high-risk merchant ch is at, or "".
func (h *highRiskRule) kind(ch *statement.Charge) string {
	for _, m := range h.match {
		if m.p.Match(ch.Payee, ch.Via) {
			return m.kind
		}
	}
	return ""
}

// Check implements [Rule]. The window's flagged charges at one high-risk
// payee are one finding.
func (h highRiskRule) Check(card *Card) []Finding {
	if h.match == nil {
		if err := h.prepare(); err != nil {
			return nil
		}
	}
	var out []Finding
	for _, p := range card.payeesInWindow() {
		px := card.byPayee[p]
		kind := card.riskOf(px, &h)
		if kind == "" || card.kindOf(px) == Service {
			continue // a well-known service billed through an app store is new-subscription's
		}
		var fresh []*statement.Charge
		var sum int64
		var rest []*statement.Charge // not known, not new: for runs
		// The last two years tell what the card pays there.
		lo := sort.Search(len(px.purchases), func(k int) bool { return card.Charges[px.purchases[k]].Date >= card.From.AddDays(-730) })
		for _, k := range px.purchases[lo:] {
			ch := card.Charges[k]
			if card.isKnown(ch) || k < card.start && !card.trusted(k) {
				continue
			}
			if card.yen[k] <= tripSmall && card.onTrip([]*statement.Charge{ch}) {
				continue // a transit card topped up abroad, among the trip's other charges
			}
			if k >= card.start && card.unknownNew(k) && card.recentlyMet(k) {
				fresh = append(fresh, ch)
				sum += card.yen[k]
				continue
			}
			rest = append(rest, ch)
		}
		if len(fresh) > 0 {
			out = append(out, h.newFinding(card, p, kind, fresh, sum))
		}
		if f, ok := h.runFinding(card, p, kind, rest); ok {
			out = append(out, f)
		}
	}
	return out
}

func (h highRiskRule) newFinding(card *Card, p, kind string, cs []*statement.Charge, sum int64) Finding {
	first, _ := card.FirstPaid(p)
	msg := message.New("high-risk-merchant", message.Args{"payee": message.Text(p), "charges": message.Count(len(cs)),
		"sum": message.Yen(sum), "kind": message.Term("high-risk." + kind),
		"earlier": message.Bool(first < cs[0].Date), "first-paid": message.Date(first), "date": message.Date(cs[0].Date)})
	sev := h.Severity
	if kind == "app-store" && firstApps(cs) {
		sev = severity.Info
	}
	return Finding{Severity: sev, Message: msg, Charges: cs}
}

// firstApp is the most one of a new app store's first purchases costs when
// they are taken for the user's first app or game: stolen cards are spent
// there in runs of three or more, or on gift cards and large sums.
const firstApp = 3000

// firstApps reports whether cs, the charges at an app store new to the
// card, are one or two purchases of [firstApp] or less.
func firstApps(cs []*statement.Charge) bool {
	if len(cs) > 2 {
		return false
	}
	for _, ch := range cs {
		if statement.WholeYen(ch.Amount) > firstApp {
			return false
		}
	}
	return true
}

// runFinding flags the window's runs at a high-risk payee the card knows,
// counting only charges above the most the card paid there before.
func (h highRiskRule) runFinding(card *Card, p, kind string, cs []*statement.Charge) (Finding, bool) {
	if h.Run < 2 || h.RunWithin <= 0 {
		return Finding{}, false
	}
	var before int64
	var above []*statement.Charge
	for _, c := range cs {
		y := statement.WholeYen(c.Amount)
		if c.Date < card.From {
			before = max(before, y)
		} else if y > before {
			above = append(above, c)
		}
	}
	var flagged []*statement.Charge
	var sum int64
	for _, g := range runs(above, h.Run, int(h.RunWithin)-1) {
		for _, c := range g {
			flagged = append(flagged, c)
			sum += statement.WholeYen(c.Amount)
		}
	}
	if len(flagged) == 0 {
		return Finding{}, false
	}
	msg := message.New("high-risk-merchant.run", message.Args{"charges": message.Count(len(flagged)), "payee": message.Text(p),
		"kind": message.Term("high-risk." + kind), "sum": message.Yen(sum),
		"first": message.Date(flagged[0].Date), "last": message.Date(flagged[len(flagged)-1].Date), "before": message.Yen(before)})
	return Finding{Severity: h.Severity, Message: msg, Charges: flagged}, true
}
