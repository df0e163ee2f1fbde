package fraudsim

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Tally adds up replays into the quality figures, per card type and mode.
// Price rises warned by amount-change are counted apart, as notices: the
// rule exists to report them.
//
// A fraud charge is caught when some run reported it in a finding at alert
// (recurring-only cards) or at warning or above (everyday cards). A false
// finding is a finding at warning or above that holds no fraud; its
// purchases are the legitimate charges falsely flagged, each counted once
// however many runs repeat it. Legitimate charges in a finding that also
// holds fraud (the user's own shopping next to a card test) are counted
// apart, as collateral. Info findings are never false: cardcheck does not
// mail them.
type Tally struct {
	rows map[rowKey]*row
}

type rowKey struct {
	Type CardType
	Mode Mode
}

type row struct {
	cards, cardMonths         int
	fraud, caught             int
	incidents, incidentsFound int
	pattern                   map[Pattern]*counts
	incidentPattern           map[Pattern]*counts
	falseFindings             int
	notices                   int // price rises warned
	falseCharges              int
	collateral                int
	acks, reports             int
	falseByHabit              map[string]int
	falseByRule               map[string]int
	misses, falses            map[string]int
}

type counts struct{ n, caught int }

// NewTally returns an empty tally.
func NewTally() *Tally { return &Tally{rows: map[rowKey]*row{}} }

func (t *Tally) row(ct CardType, m Mode) *row {
	k := rowKey{ct, m}
	r := t.rows[k]
	if r == nil {
		r = &row{pattern: map[Pattern]*counts{}, incidentPattern: map[Pattern]*counts{}, falseByHabit: map[string]int{}, falseByRule: map[string]int{},
			misses: map[string]int{}, falses: map[string]int{}}
		t.rows[k] = r
	}
	return r
}

// Add scores one replay.
func (t *Tally) Add(rp *Replay) {
	for _, c := range rp.Cardholder.Cards() {
		r := t.row(c.Type, rp.Mode)
		r.cards++
		r.cardMonths += len(rp.Runs)
	}
	best := map[*Charge]Severity{}
	falseIDs, flagged, collateral := map[string]bool{}, map[*Charge]bool{}, map[*Charge]bool{}
	for _, run := range rp.Runs {
		for _, id := range run.Acked {
			t.row(cardOf(run, id).Type, rp.Mode).acks++
		}
		for _, id := range run.Reported {
			t.row(cardOf(run, id).Type, rp.Mode).reports++
		}
		for i := range run.Findings {
			f := &run.Findings[i]
			card := f.Charges[0].Card
			r := t.row(card.Type, rp.Mode)
			if !f.CardLevel {
				for _, ch := range f.Charges {
					best[ch] = max(best[ch], f.Severity+1) // 0: never in a finding
				}
			}
			if f.Severity < Warning {
				continue
			}
			fraud := f.Fraud()
			if !fraud && f.priceRise() {
				// The notice amount-change exists for (issue 4): a
				// subscription's new price, not a false finding.
				if !falseIDs[f.ID] {
					falseIDs[f.ID] = true
					r.notices++
				}
				continue
			}
			if !fraud && !falseIDs[f.ID] {
				falseIDs[f.ID] = true
				r.falseFindings++
				r.falseByRule[f.Rule]++
				ch := f.Charges[0]
				r.falses[fmt.Sprintf("%s %s: %s ¥%d (%s) — %s", f.Severity, f.Rule, ch.Merchant, ch.Yen, ch.Habit, clip(f.Message, 160))]++
			}
			for _, ch := range f.Charges {
				switch {
				case ch.Fraud() || ch.Yen <= 0 || f.CardLevel:
				case !fraud && !flagged[ch]:
					flagged[ch] = true
					r.falseCharges++
					r.falseByHabit[ch.Habit]++
				case fraud && !collateral[ch]:
					collateral[ch] = true
					r.collateral++
				}
			}
		}
	}
	type incident struct {
		card    *Card
		pattern Pattern
	}
	incidents := map[int]incident{}
	found := map[int]bool{}
	for ch := range rp.Checked {
		if !ch.Fraud() {
			continue
		}
		c := ch.Card
		r := t.row(c.Type, rp.Mode)
		level := Warning
		if c.Type == RecurringOnly {
			level = Alert
		}
		pc := r.pattern[ch.Pattern]
		if pc == nil {
			pc = &counts{}
			r.pattern[ch.Pattern] = pc
		}
		r.fraud++
		pc.n++
		incidents[ch.Incident] = incident{c, ch.Pattern}
		if best[ch] >= level+1 {
			r.caught++
			pc.caught++
			found[ch.Incident] = true
		} else {
			seen := "not reported"
			if best[ch] > 0 {
				seen = "at " + (best[ch] - 1).String()
			}
			r.misses[fmt.Sprintf("%s: %s ¥%d %s", ch.Pattern, ch.Merchant, ch.Yen, seen)]++
		}
	}
	for id, inc := range incidents {
		r := t.row(inc.card.Type, rp.Mode)
		ic := r.incidentPattern[inc.pattern]
		if ic == nil {
			ic = &counts{}
			r.incidentPattern[inc.pattern] = ic
		}
		r.incidents++
		ic.n++
		if found[id] {
			r.incidentsFound++
			ic.caught++
		}
	}
}

// priceRise reports whether f is amount-change's notice of a
// subscription's new price: its charges are all price rises.
func (f *Finding) priceRise() bool {
	if f.Rule != "amount-change" {
		return false
	}
	for _, c := range f.Charges {
		if c.Habit != "price-rise" {
			return false
		}
	}
	return true
}

// cardOf returns the card of finding id in run.
func cardOf(run Run, id string) *Card {
	for _, f := range run.Findings {
		if f.ID == id {
			return f.Charges[0].Card
		}
	}
	panic("fraudsim: acknowledged a finding the run did not have: " + id)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Figures are one row's headline numbers.
type Figures struct {
	Cards, CardMonths, Fraud, Caught int
	// FalseCharges are legitimate purchases flagged at warning or above
	// in findings with no fraud; FalseFindings those findings.
	FalseCharges, FalseFindings int
	Acks                        int
}

// Recall is the share of fraud charges caught (1 when there were none).
func (f Figures) Recall() float64 {
	if f.Fraud == 0 {
		return 1
	}
	return float64(f.Caught) / float64(f.Fraud)
}

// FalsePerCardMonth is legitimate charges falsely flagged per card-month.
func (f Figures) FalsePerCardMonth() float64 {
	return float64(f.FalseCharges) / float64(max(1, f.CardMonths))
}

// Figures returns the headline numbers of card type ct in mode m.
func (t *Tally) Figures(ct CardType, m Mode) Figures {
	r := t.row(ct, m)
	return Figures{Cards: r.cards, CardMonths: r.cardMonths, Fraud: r.fraud, Caught: r.caught, FalseCharges: r.falseCharges, FalseFindings: r.falseFindings, Acks: r.acks}
}

func pct(n, d int) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
}

// Table renders the figures as Markdown: the headline per card type and
// mode, recall per pattern, false findings per habit and per rule.
func (t *Tally) Table() string {
	var b strings.Builder
	b.WriteString("| card type | mode | cards | card-months | fraud caught | incidents caught | false findings | legit charges flagged (per card-month) | collateral | price rises noticed | acks (per card-month) |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, ct := range CardTypes {
		for _, m := range Modes {
			r := t.row(ct, m)
			if r.cards == 0 {
				continue
			}
			level := "at warning+"
			if ct == RecurringOnly {
				level = "at alert"
			}
			acks := "–"
			if m == WithState {
				acks = fmt.Sprintf("%d (%.3f)", r.acks, float64(r.acks)/float64(max(1, r.cardMonths)))
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %d of %d (%s) %s | %d of %d | %d | %d (%.3f) | %d | %d | %s |\n", ct, m, r.cards, r.cardMonths,
				r.caught, r.fraud, pct(r.caught, r.fraud), level, r.incidentsFound, r.incidents, r.falseFindings, r.falseCharges,
				float64(r.falseCharges)/float64(max(1, r.cardMonths)), r.collateral, r.notices, acks)
		}
	}
	cols := t.columns()
	b.WriteString("\nFraud charges caught per pattern (incidents in brackets):\n\n| pattern |")
	for _, k := range cols {
		fmt.Fprintf(&b, " %s, %s |", k.Type, k.Mode)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(cols)) + "\n")
	for _, p := range Patterns {
		fmt.Fprintf(&b, "| %s |", p)
		for _, k := range cols {
			r := t.rows[k]
			c, ic := r.pattern[p], r.incidentPattern[p]
			if c == nil {
				b.WriteString(" – |")
				continue
			}
			fmt.Fprintf(&b, " %d of %d (%d of %d) |", c.caught, c.n, ic.caught, ic.n)
		}
		b.WriteString("\n")
	}
	t.breakdown(&b, "Legitimate charges falsely flagged, by the habit they come from", "habit", cols, func(r *row) map[string]int { return r.falseByHabit })
	t.breakdown(&b, "False findings, by the rule that set their severity", "rule", cols, func(r *row) map[string]int { return r.falseByRule })
	return b.String()
}

func (t *Tally) columns() []rowKey {
	var cols []rowKey
	for _, ct := range CardTypes {
		for _, m := range Modes {
			if r := t.rows[rowKey{ct, m}]; r != nil && r.cards > 0 {
				cols = append(cols, rowKey{ct, m})
			}
		}
	}
	return cols
}

func (t *Tally) breakdown(b *strings.Builder, title, what string, cols []rowKey, of func(*row) map[string]int) {
	names := map[string]bool{}
	for _, k := range cols {
		for n := range of(t.rows[k]) {
			names[n] = true
		}
	}
	if len(names) == 0 {
		fmt.Fprintf(b, "\n%s: none.\n", title)
		return
	}
	fmt.Fprintf(b, "\n%s:\n\n| %s |", title, what)
	for _, k := range cols {
		fmt.Fprintf(b, " %s, %s |", k.Type, k.Mode)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(cols)) + "\n")
	for _, n := range slices.Sorted(maps.Keys(names)) {
		fmt.Fprintf(b, "| %s |", n)
		for _, k := range cols {
			fmt.Fprintf(b, " %d |", of(t.rows[k])[n])
		}
		b.WriteString("\n")
	}
}

// Details lists, per card type and mode, the most frequent misses and false
// findings (for tuning; never for the held-out seeds' report).
func (t *Tally) Details(n int) string {
	var b strings.Builder
	for _, k := range t.columns() {
		r := t.rows[k]
		fmt.Fprintf(&b, "\n%s, %s — misses:\n%s", k.Type, k.Mode, top(r.misses, n))
		fmt.Fprintf(&b, "%s, %s — false findings:\n%s", k.Type, k.Mode, top(r.falses, n))
	}
	return b.String()
}

func top(m map[string]int, n int) string {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(m[b]-m[a], strings.Compare(a, b)) })
	var b strings.Builder
	for _, k := range keys[:min(n, len(keys))] {
		fmt.Fprintf(&b, "  %4d  %s\n", m[k], k)
	}
	return b.String()
}
