// Package rules is cardcheck's rule engine and its built-in rules.
//
// A rule looks at one card at a time (a [Card]: its charges in date order,
// the window being checked, its known payees and learned recurring streams)
// and returns [Finding] values. The [Engine] runs every rule, then combines
// findings that share charges into one finding per charge or group, listing
// every reason and keeping the highest severity.
package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"time"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Rule is one check. Rules are small values; their parameters are fields.
type Rule interface {
	// ID names the rule in findings and the config, e.g. "burst".
	ID() string
	// Check returns the rule's findings on card. Only charges in the card's
	// checked window may be reported; earlier ones are history.
	Check(card *Card) []Finding
}

// Reason is one rule's verdict on a finding, as facts: the message says
// what the rule saw (package message renders it in English or Japanese).
type Reason struct {
	Rule     string
	Severity severity.Severity
	Message  message.Message
}

// Finding is a suspect charge or group of charges, or (CardLevel) a notice
// about the whole card.
type Finding struct {
	// ID is stable across runs and re-downloads of the same statement: it
	// depends only on the card and the charges (date, payee, amount).
	ID string
	// Rule, Severity and Message are those of the most severe reason.
	// Adjusters may then change the severity: breach-exposure raises it
	// (adding its reason last), reversed lowers it to info (its reason,
	// rule and message first).
	Rule     string
	Severity severity.Severity
	Message  message.Message
	// Reasons lists every rule that fired, most severe first.
	Reasons []Reason
	Card    *Card
	Charges []*statement.Charge // in date order
	// CardLevel marks a finding about the card rather than about suspect
	// charges: a breach exposure, a recurring payment gone missing. Its
	// charges are the evidence (the use at the breached payee, the last
	// charge of the missing payee), are not suspects, and may be history.
	// Card-level findings are never combined with others, raised or
	// reversed.
	CardLevel bool

	// topic tells apart the ids of card-level findings: the rule and what
	// it is about (a breach, a payee), so that a notice citing a charge
	// never takes the id of a finding on that charge.
	topic string
}

// Engine runs rules.
type Engine struct {
	// Rules run on every card that no entry of Cards matches.
	Rules []Rule
	// Cards are per-card rule sets: a card runs the Rules of the first
	// entry whose Match is part of its label.
	Cards []CardRules
	// UserBudget is how long the user rules may run in one run, all cards
	// together; zero means UserRuleBudget.
	UserBudget time.Duration
}

// CardRules is the rule set for the cards a config card entry matches.
type CardRules struct {
	Match string // a part of the card label; see spec.MatchLabel
	Rules []Rule
}

// Adjuster is a rule that also acts on the combined findings of a card, after
// every rule has checked it: breach-exposure raises the findings that follow
// a breach, reversed closes the findings a refund cancels. Adjusters run in
// the order of the rule set.
type adjuster interface {
	Rule
	Adjust(card *Card, findings []Finding) []Finding
}

// Default returns an engine with the built-in rules at their default settings.
func Default() *Engine { return &Engine{Rules: Catalogue()} }

// Breaches returns the breaches the engine watches for (with the rule
// breach-exposure on): the built-in ones and the config's.
func (e *Engine) Breaches() []spec.Breach {
	for _, r := range e.Rules {
		if be, ok := r.(breachExposureRule); ok {
			return be.Catalogue
		}
	}
	return nil
}

// RulesFor returns the rules that run on card.
func (e *Engine) RulesFor(card *Card) []Rule {
	for _, cr := range e.Cards {
		if spec.MatchLabel(cr.Match, card.Label) {
			return cr.Rules
		}
	}
	return e.Rules
}

// Run checks every card and returns the combined findings, most severe
// first, then by date.
func (e *Engine) Run(cards []*Card) []Finding {
	var out []Finding
	deadline := time.Now().Add(e.userBudget())
	for _, card := range cards {
		card.userDeadline, card.userBudget = deadline, e.userBudget()
		out = append(out, e.RunCard(card)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Charges[0].Date != b.Charges[0].Date {
			return a.Charges[0].Date < b.Charges[0].Date
		}
		return a.Card.Label < b.Card.Label
	})
	return out
}

// UserRuleBudget is how long the user rules may take in one run, all cards
// together, when the engine does not set its own: an expression that loops
// too much is stopped with an error rather than holding up the run.
const UserRuleBudget = 2 * time.Second

func (e *Engine) userBudget() time.Duration {
	if e.UserBudget > 0 {
		return e.UserBudget
	}
	return UserRuleBudget
}

// RunCard checks one card. The history is judged first, a month at a time
// in date order, as monthly runs would have checked it: what a month's
// findings hold at warning or above becomes suspect, and suspects never
// teach what is normal to the later months (see [Card]). So the answer for
// a charge never depends on the charges after it, and earlier fraud does
// not hide its repetition. Then the window is checked the same way and its
// findings returned.
func (e *Engine) RunCard(card *Card) []Finding {
	if card.userDeadline.IsZero() {
		card.userDeadline, card.userBudget = time.Now().Add(e.userBudget()), e.userBudget()
	}
	rs := e.RulesFor(card)
	if steps := card.historySteps(); len(steps) > 0 {
		var judges []Rule
		for _, r := range rs {
			if q, ok := r.(quietInHistory); !ok || !q.quietInHistory() {
				judges = append(judges, r)
			}
		}
		from, to := card.From, card.To
		for _, st := range steps {
			card.setWindow(st.from, st.to)
			card.judge(e.check(card, judges))
		}
		card.setWindow(from, to)
	}
	return e.check(card, rs)
}

// Judge decides which of card's charges are suspect, the history month by
// month and then the window, as RunCard does, without returning findings:
// for what learns from a card ([Card.TrustedStreams]).
func (e *Engine) Judge(card *Card) {
	card.judge(e.RunCard(card))
}

// quietInHistory is implemented by rules that cannot make a charge suspect
// (they only note, or only speak of the card), so the history steps leave
// them out.
type quietInHistory interface{ quietInHistory() bool }

// check runs rules rs on card's window: every rule, then combining, then
// the adjusters.
func (e *Engine) check(card *Card, rs []Rule) []Finding {
	var raw []Finding
	for _, r := range rs {
		for _, f := range r.Check(card) {
			if len(f.Charges) == 0 {
				continue
			}
			if f.Rule == "" {
				f.Rule = r.ID()
			}
			f.Card = card
			raw = append(raw, f)
		}
	}
	found := combine(card, raw)
	for _, r := range rs {
		if a, ok := r.(adjuster); ok {
			found = a.Adjust(card, found)
		}
	}
	return found
}

// combine merges findings that share a charge (transitively) into one.
// Card-level findings stay as they are.
func combine(card *Card, raw []Finding) []Finding {
	parent := make([]int, len(raw))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[*statement.Charge]int{}
	for i, f := range raw {
		if f.CardLevel {
			continue
		}
		for _, c := range f.Charges {
			if j, ok := owner[c]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[c] = i
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range raw {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([]Finding, 0, len(roots))
	for _, r := range roots {
		members := groups[r]
		// Most severe first; among equals, the reason covering more charges
		// (a burst before each of its charges' own reasons).
		sort.SliceStable(members, func(a, b int) bool {
			fa, fb := &raw[members[a]], &raw[members[b]]
			if fa.Severity != fb.Severity {
				return fa.Severity > fb.Severity
			}
			return len(fa.Charges) > len(fb.Charges)
		})
		seen := map[*statement.Charge]bool{}
		var charges []*statement.Charge
		var reasons []Reason
		said := map[string]bool{}
		for _, m := range members {
			f := &raw[m]
			for _, c := range f.Charges {
				if !seen[c] {
					seen[c] = true
					charges = append(charges, c)
				}
			}
			// Several charges can carry the same reason word for word
			// ("not a known payee"); say it once.
			key := f.Rule + "\x00" + f.Message.Identity()
			if !said[key] {
				said[key] = true
				reasons = append(reasons, Reason{Rule: f.Rule, Severity: f.Severity, Message: f.Message})
			}
		}
		sort.SliceStable(charges, func(i, j int) bool { return charges[i].Date < charges[j].Date })
		top := raw[members[0]]
		topic := ""
		if top.CardLevel {
			topic = top.Rule + "/" + top.topic
		}
		out = append(out, Finding{
			CardLevel: top.CardLevel,
			topic:     top.topic,
			ID:        card.findingID(charges, topic),
			Rule:      top.Rule,
			Severity:  top.Severity,
			Message:   top.Message,
			Reasons:   reasons,
			Card:      card,
			Charges:   charges,
		})
	}
	return out
}

// findingID hashes the card and the identities of the charges, and the
// topic of a card-level finding.
func (c *Card) findingID(charges []*statement.Charge, topic string) string {
	ids := make([]string, len(charges))
	for i, ch := range charges {
		ids[i] = c.identity(ch)
	}
	sort.Strings(ids)
	h := sha256.New()
	h.Write([]byte(c.Label))
	for _, id := range ids {
		h.Write([]byte{0})
		h.Write([]byte(id))
	}
	if topic != "" {
		h.Write([]byte{1})
		h.Write([]byte(topic))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
