package rules

import (
	_ "embed"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

func init() {
	register(900, func() Rule {
		return breachExposureRule{Severity: severity.Warning, Watch: 365, Raise: true, Catalogue: builtinBreaches()}
	})
}

//go:embed breaches.yaml
var breachesYAML []byte

// Breaches returns the built-in breach catalogue (breaches.yaml), compiled.
func builtinBreaches() []spec.Breach {
	var bs []spec.Breach
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
// breach's exposure window ([builtinBreaches] and the config's rules.breaches).
// Such a card gets one notice per breach with the advice to watch it or ask
// for a new card, and from the first exposed use on its other findings at
// warning or above are raised one severity (Raise); see Adjust for where
// the notice goes. The notice and the raising last until Watch days after
// the breach's window closes.
type breachExposureRule struct {
	Severity severity.Severity `yaml:"severity" doc:"severity of the notice that a card was exposed"`
	Watch    dayCount          `yaml:"watch" doc:"how long after a breach's window the card stays under watch"`
	Raise    bool              `yaml:"raise" doc:"raise the card's other findings one severity after the exposure"`

	// Catalogue is the breaches watched: the built-in ones and the config's.
	Catalogue []spec.Breach `yaml:"-"`
}

// ID implements [Rule].
func (breachExposureRule) ID() string { return "breach-exposure" }

// Doc says what the rule notes.
func (breachExposureRule) Doc() string {
	return "a card used at a payee of a known card-data breach inside its exposure window; raises the card's later findings"
}

// exposure is one breach a card was exposed in.
type exposure struct {
	breach *spec.Breach
	charge *statement.Charge // the first use inside the window
	until  statement.Date    // end of the watch
}

// exposures returns the breaches card was exposed in up to To, first use
// first. The card's first use inside each breach is found once per card
// and catalogue, over all its charges.
func (b breachExposureRule) exposures(card *Card) []exposure {
	if card.breachFirst == nil || card.breachOf != &b.Catalogue[0] {
		card.breachFirst = make([]*statement.Charge, len(b.Catalogue))
		if len(b.Catalogue) > 0 {
			card.breachOf = &b.Catalogue[0]
		}
		seen, end := map[string]bool{}, b.lastTo()
		for _, ch := range card.all {
			if !isPurchase(ch) || seen[ch.Payee+"\x00"+ch.Via] {
				continue
			}
			for i := range b.Catalogue {
				br := &b.Catalogue[i]
				if card.breachFirst[i] == nil && ch.Date >= br.From && ch.Date <= br.To && br.MatchesCharge(ch) {
					card.breachFirst[i] = ch
				}
			}
			if ch.Date > end {
				seen[ch.Payee+"\x00"+ch.Via] = true
			}
		}
	}
	var out []exposure
	for i, first := range card.breachFirst {
		if first != nil && first.Date <= card.To {
			br := &b.Catalogue[i]
			out = append(out, exposure{br, first, br.To.AddDays(int(b.Watch))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].charge.Date < out[j].charge.Date })
	return out
}

// lastTo is the end of the latest breach window in the catalogue.
func (b breachExposureRule) lastTo() statement.Date {
	var last statement.Date
	for i := range b.Catalogue {
		last = max(last, b.Catalogue[i].To)
	}
	return last
}

// Check implements [Rule]; the notice and the raising are made in Adjust,
// which sees the card's other findings.
func (breachExposureRule) Check(*Card) []Finding { return nil }

// notice is the advice about exposure e. until is set when the card's
// findings until then are raised; raised is set when the finding the
// notice is on was raised, from one severity to another.
func (b breachExposureRule) notice(e exposure) message.Args {
	br := e.breach
	processor := br.Processor
	if strings.Contains(processor, br.Name) {
		processor = "" // "(Metaps Payment)" after "Metaps Payment" says nothing
	}
	return message.Args{
		"payee": message.Text(e.charge.Payee), "date": message.Date(e.charge.Date),
		"breach": message.Text(br.Name), "processor": message.Text(processor),
		"from": message.Date(br.From), "to": message.Date(br.To),
		"exposed": exposed(br.Exposed), "cards": message.Count(br.Cards),
		"raise": message.Bool(false), "until": message.Date(e.until), "raised": message.Bool(false),
	}
}

// raisedFrom says in args that a finding was raised from one severity to
// another.
func raisedFrom(args message.Args, from, to severity.Severity) {
	args["raised"] = message.Bool(true)
	args["raised-from"] = message.Term("severity." + from.String())
	args["raised-to"] = message.Term("severity." + to.String())
}

// Adjust implements [adjuster]. For each breach the card was exposed in
// (and whose watch the window reaches), the card gets one notice: on the
// most severe of its findings after the exposure, as a reason, when it has
// such findings — the notice then explains them — and otherwise as a
// card-level finding of its own that lists the exposed use (that charge is
// not suspect; the card is). With Raise, every finding at warning or above
// on charges from the exposure to the end of the watch is raised one
// severity; info findings are notes, not suspicions (a price change), and
// stay info.
func (b breachExposureRule) Adjust(card *Card, fs []Finding) []Finding {
	es := b.exposures(card)
	raised := map[int]bool{}
	for _, e := range es {
		if card.To < e.charge.Date || card.From > e.until {
			continue
		}
		// The findings this exposure bears on, most severe first.
		var on []int
		for i := range fs {
			f := &fs[i]
			if d := f.Charges[len(f.Charges)-1].Date; !f.CardLevel && f.Severity >= severity.Warning && d >= e.charge.Date && d <= e.until {
				on = append(on, i)
			}
		}
		sort.SliceStable(on, func(x, y int) bool { return fs[on[x]].Severity > fs[on[y]].Severity })
		// The notice is a finding of its own about the card, whatever else
		// is found: acknowledging a charge finding that cites the breach
		// must not hide that the card was exposed.
		args := b.notice(e)
		args["raise"] = message.Bool(b.Raise)
		msg := message.New("breach-exposure.notice", args)
		cs := []*statement.Charge{e.charge}
		fs = append(fs, Finding{
			ID: card.findingID(cs, b.ID()+"/"+e.breach.Name), Rule: b.ID(), Severity: b.Severity, Message: msg,
			Reasons: []Reason{{Rule: b.ID(), Severity: b.Severity, Message: msg}},
			Card:    card, Charges: cs, CardLevel: true, topic: e.breach.Name,
		})
		for _, i := range on {
			f := &fs[i]
			from := f.Severity
			if b.Raise && !raised[i] && f.Severity < severity.Alert {
				f.Severity++
				raised[i] = true
			}
			// The findings after the exposure name the breach.
			key, args := "breach-exposure.also", b.notice(e)
			if f.Severity != from {
				raisedFrom(args, from, f.Severity)
			}
			r := Reason{Rule: b.ID(), Severity: max(b.Severity, f.Severity), Message: message.New(key, args)}
			// The suspicion stays the finding's rule and message; the
			// exposure is the reason it is taken more seriously.
			f.Reasons = append(f.Reasons, r)
		}
	}
	return fs
}

// exposed is what a breach leaked, as breaches.yaml or the config writes it
// ("card number, expiry and security code"): said as written in English,
// and part by part from the catalogue (terms exposed.*) in Japanese when it
// knows every part; as written in both otherwise.
func exposed(text string) message.Value {
	parts := strings.Split(strings.ReplaceAll(text, " and ", ", "), ", ")
	items := make([]message.Message, 0, len(parts))
	for _, p := range parts {
		key := "exposed." + strings.Join(strings.Fields(strings.ToLower(p)), "-")
		if text == "" || !message.Has(key) {
			return message.Text(text)
		}
		items = append(items, message.New(key, nil))
	}
	return message.List(message.New("breach-exposure.exposed", message.Args{"text": message.Text(text), "items": message.List(items...)}))
}
