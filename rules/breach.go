package rules

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

//go:embed breaches.yaml
var breachesYAML []byte

// Breaches returns the built-in breach catalogue (breaches.yaml), compiled.
func Breaches() []config.Breach {
	var bs []config.Breach
	if err := yaml.UnmarshalWithOptions(breachesYAML, &bs, yaml.Strict()); err != nil {
		panic("rules: breaches.yaml: " + err.Error())
	}
	for i := range bs {
		if err := bs[i].Compile(); err != nil {
			panic("rules: breaches.yaml: " + err.Error())
		}
	}
	return bs
}

// BreachExposure watches for cards used at a breached payee inside the
// breach's exposure window ([Breaches] and the config's rules.breaches).
// Such a card gets one notice per breach with the advice to watch it or ask
// for a new card, and from the first exposed use on its other findings at
// warning or above are raised one severity (Raise); see Adjust for where
// the notice goes. The notice and the raising last until Watch days after
// the breach's window closes.
type BreachExposure struct {
	Severity Severity `yaml:"severity" doc:"severity of the notice that a card was exposed"`
	Watch    Days     `yaml:"watch" doc:"how long after a breach's window the card stays under watch"`
	Raise    bool     `yaml:"raise" doc:"raise the card's other findings one severity after the exposure"`

	// Catalogue is the breaches watched: the built-in ones and the config's.
	Catalogue []config.Breach `yaml:"-"`
}

// ID implements [Rule].
func (BreachExposure) ID() string { return "breach-exposure" }

// Doc says what the rule notes.
func (BreachExposure) Doc() string {
	return "a card used at a payee of a known card-data breach inside its exposure window; raises the card's later findings"
}

// exposure is one breach a card was exposed in.
type exposure struct {
	breach *config.Breach
	charge *statement.Charge // the first use inside the window
	until  statement.Date    // end of the watch
}

// exposures returns the breaches card was exposed in, first use first.
func (b BreachExposure) exposures(card *Card) []exposure {
	var out []exposure
	for i := range b.Catalogue {
		br := &b.Catalogue[i]
		var first *statement.Charge
		for _, px := range card.byPayee {
			for _, k := range px.purchases {
				ch := card.Charges[k]
				if ch.Date > br.To || (first != nil && ch.Date >= first.Date) {
					break
				}
				if ch.Date >= br.From && br.MatchesCharge(ch) {
					first = ch
					break
				}
			}
		}
		if first != nil {
			out = append(out, exposure{br, first, br.To.AddDays(int(b.Watch))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].charge.Date < out[j].charge.Date })
	return out
}

// Check implements [Rule]; the notice and the raising are made in Adjust,
// which sees the card's other findings.
func (BreachExposure) Check(*Card) []Finding { return nil }

// notice is the advice about exposure e, in both languages.
func (b BreachExposure) notice(e exposure) (en, ja string) {
	br := e.breach
	what := br.Name
	if br.Processor != "" && !strings.Contains(br.Processor, br.Name) {
		what += " (" + br.Processor + ")"
	}
	leaked, leakedJA := "", ""
	if br.Exposed != "" {
		leaked = "; exposed: " + br.Exposed
		leakedJA = "。漏えいした情報：" + br.Exposed
	}
	if br.Cards > 0 {
		leaked += fmt.Sprintf(", up to %s cards", group(br.Cards))
		leakedJA += fmt.Sprintf("（最大 %s 件）", group(br.Cards))
	}
	en = fmt.Sprintf("this card was used at %s on %s, inside the %s breach (cards used there from %s to %s were exposed%s); watch this card closely or ask the card company for a new card",
		e.charge.Payee, e.charge.Date, what, br.From, br.To, leaked)
	ja = fmt.Sprintf("このカードは %s に %s で利用されました。%s の情報漏えいの対象期間（%s〜%s の利用）内です%s。カードの利用をよく確認するか、カード会社に再発行を依頼してください",
		e.charge.Date, e.charge.Payee, what, br.From, br.To, leakedJA)
	return en, ja
}

// Adjust implements [Adjuster]. For each breach the card was exposed in
// (and whose watch the window reaches), the card gets one notice: on the
// most severe of its findings after the exposure, as a reason, when it has
// such findings — the notice then explains them — and otherwise as a
// card-level finding of its own that lists the exposed use (that charge is
// not suspect; the card is). With Raise, every finding at warning or above
// on charges from the exposure to the end of the watch is raised one
// severity; info findings are notes, not suspicions (a price change), and
// stay info.
func (b BreachExposure) Adjust(card *Card, fs []Finding) []Finding {
	es := b.exposures(card)
	raised := map[int]bool{}
	for _, e := range es {
		if card.To < e.charge.Date || card.From > e.until {
			continue
		}
		en, ja := b.notice(e)
		// The findings this exposure bears on, most severe first.
		var on []int
		for i := range fs {
			f := &fs[i]
			if d := f.Charges[len(f.Charges)-1].Date; !f.CardLevel && f.Severity >= Warning && d >= e.charge.Date && d <= e.until {
				on = append(on, i)
			}
		}
		sort.SliceStable(on, func(x, y int) bool { return fs[on[x]].Severity > fs[on[y]].Severity })
		if len(on) == 0 {
			if b.Raise {
				en += fmt.Sprintf("; its findings until %s are raised one level", e.until)
				ja += fmt.Sprintf("。%s までの検出は 1 段階引き上げます", e.until)
			}
			cs := []*statement.Charge{e.charge}
			fs = append(fs, Finding{
				ID: card.findingID(cs, b.ID()+"/"+e.breach.Name), Rule: b.ID(), Severity: b.Severity, Message: en, MessageJA: ja,
				Reasons: []Reason{{Rule: b.ID(), Severity: b.Severity, Message: en, MessageJA: ja}},
				Card:    card, Charges: cs, CardLevel: true, topic: e.breach.Name,
			})
			continue
		}
		for k, i := range on {
			f := &fs[i]
			from := f.Severity
			if b.Raise && !raised[i] && f.Severity < Alert {
				f.Severity++
				raised[i] = true
			}
			r := Reason{Rule: b.ID(), Severity: max(b.Severity, f.Severity)}
			if k == 0 {
				r.Message, r.MessageJA = en, ja
			} else {
				r.Message = fmt.Sprintf("this card was exposed in the %s breach (used at %s on %s)", e.breach.Name, e.charge.Payee, e.charge.Date)
				r.MessageJA = fmt.Sprintf("このカードは %s の情報漏えいの対象（%s に %s で利用）", e.breach.Name, e.charge.Date, e.charge.Payee)
			}
			if f.Severity != from {
				r.Message += fmt.Sprintf(": raised from %s to %s", from, f.Severity)
				r.MessageJA += fmt.Sprintf("：%s から %s に引き上げ", from, f.Severity)
			}
			// The suspicion stays the finding's rule and message; the
			// exposure is the reason it is taken more seriously.
			f.Reasons = append(f.Reasons, r)
		}
	}
	return fs
}

// group writes n with thousands separators: 460,395.
func group(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
