package rules

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/cardcheck/cardcheck/pkg/yamlfile"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Catalogue returns every built-in rule at its default settings, in the
// order the engine runs them (the adjusters breach-exposure and reversed
// last, in that order: a raised finding that was refunded is still closed).
//
// The defaults are set for two kinds of card. On a recurring-only card every
// purchase outside its known payments is an alert (unknown-payee), so the
// other rules only add their reasons. On an everyday card the rules must be
// quiet on normal life — groceries, trains, new small shops — so each fires
// only on the shapes fraud takes: bursts and repeated prices, first-time
// charges that are large for the card, app and gift-card stores new to it,
// tiny test charges, jumps at known payees.
func Catalogue() []Rule { return slices.Clone(catalogue()) }

// registered are the built-in rules, each added by its own file with
// [register].
var registered []struct {
	order    int
	defaults func() Rule
}

// register adds a built-in rule: defaults returns it at its default
// settings (called once). order places it in the run: the rules that check
// charges from 10 to 800, in the order their reasons are listed among
// equals; the adjusters, which act on the combined findings, from 900 (so
// breach-exposure raises before reversed closes).
func register(order int, defaults func() Rule) {
	registered = append(registered, struct {
		order    int
		defaults func() Rule
	}{order, defaults})
}

// catalogue builds the defaults once: rules are values, and what they point
// at (compiled patterns, the breach list) is read only.
var catalogue = sync.OnceValue(func() []Rule {
	regs := slices.Clone(registered)
	slices.SortStableFunc(regs, func(a, b struct {
		order    int
		defaults func() Rule
	}) int {
		return a.order - b.order
	})
	out := make([]Rule, len(regs))
	for i, r := range regs {
		out[i] = r.defaults()
	}
	return out
})

// ruleIDs returns the built-in rule ids in catalogue order.
func ruleIDs() []string {
	var out []string
	for _, r := range Catalogue() {
		out = append(out, r.ID())
	}
	return out
}

// Description is a rule as `cardcheck rules` lists it.
type Description struct {
	ID       string
	Doc      string
	Severity string // default severity ("" for reversed, which only adjusts)
	Params   []Param
	User     bool // a user rule from the config
}

// Describe describes rules.
func Describe(rs []Rule) []Description {
	var out []Description
	for _, r := range rs {
		d := Description{ID: r.ID()}
		if doc, ok := r.(interface{ Doc() string }); ok {
			d.Doc = doc.Doc()
		}
		if u, ok := r.(*userRule); ok {
			d.User = true
			d.Severity = u.Severity.String()
			d.Params = []Param{{Name: "when", Value: u.When}}
			if len(u.Cards) > 0 {
				d.Params = append(d.Params, Param{Name: "cards", Value: strings.Join(u.Cards, ", ")})
			}
		} else {
			for _, p := range paramsOf(r) {
				if p.Name == "severity" {
					d.Severity = p.Value
					continue
				}
				d.Params = append(d.Params, p)
			}
		}
		out = append(out, d)
	}
	return out
}

// New builds the engine sp describes: the built-in rules with the settings
// of rules.<id> for every card and rules.cards for some, the user rules, and
// the breach watch with the config's extra breaches. sp may be nil (the
// defaults).
//
// Errors are *yamlfile.Error values with the config file, line and column,
// joined: an unknown rule id or parameter, a bad value, a user rule that
// does not compile. The engine returned with them is still usable (what was
// in error keeps its default), so a scan can report findings and the error.
func New(sp *spec.Spec) (*Engine, error) {
	if sp == nil {
		return Default(), nil
	}
	cfg := sp
	b := &builder{path: sp.File}
	if b.path == "" {
		b.path = "config"
	}
	base := Catalogue()
	for i, r := range base {
		if be, ok := r.(breachExposureRule); ok {
			be.Catalogue = slices.Clone(be.Catalogue) // the defaults' list is shared
			be.Catalogue = append(be.Catalogue, cfg.Rules.Breaches...)
			base[i] = be
		}
	}
	on := make([]bool, len(base))
	for i := range on {
		on[i] = true
	}
	global := b.apply(base, on, cfg.Rules.Settings)
	var user []Rule
	for _, ur := range cfg.Rules.User {
		if slices.Contains(ruleIDs(), ur.ID) {
			b.errs = append(b.errs, &yamlfile.Error{File: b.path, Line: ur.Line, Column: ur.Column,
				Msg: fmt.Sprintf("user rule id %q is a built-in rule's; choose another", ur.ID)})
			continue
		}
		u, err := compileUserRule(b.path, ur)
		if err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		user = append(user, u)
	}
	eng := &Engine{Rules: append(enabled(global.rules, global.on), user...)}
	for _, rc := range cfg.Rules.Cards {
		set := b.apply(global.rules, global.on, rc.Settings)
		eng.Cards = append(eng.Cards, CardRules{Match: rc.Match, Rules: append(enabled(set.rules, set.on), user...)})
	}
	return eng, errors.Join(b.errs...)
}

type builder struct {
	path string
	errs []error
}

type ruleSet struct {
	rules []Rule
	on    []bool
}

// apply returns a copy of rules (and their on/off state) with settings
// decoded over them.
func (b *builder) apply(rules []Rule, on []bool, settings []spec.RuleSettings) ruleSet {
	out := ruleSet{rules: slices.Clone(rules), on: slices.Clone(on)}
	for _, s := range settings {
		k := slices.IndexFunc(out.rules, func(r Rule) bool { return r.ID() == s.ID })
		if k < 0 {
			b.errs = append(b.errs, unknownRule(b.path, s))
			continue
		}
		ptr := reflect.New(reflect.TypeOf(out.rules[k]))
		ptr.Elem().Set(reflect.ValueOf(out.rules[k]))
		enabled, errs := decodeParams(b.path, s.ID, ptr.Interface(), s.Node)
		if len(errs) > 0 {
			b.errs = append(b.errs, errs...)
			continue
		}
		if p, ok := ptr.Interface().(interface{ prepare() error }); ok {
			if err := p.prepare(); err != nil {
				b.errs = append(b.errs, &yamlfile.Error{File: b.path, Line: s.Line, Column: s.Column, Msg: fmt.Sprintf("rule %s: %v", s.ID, err)})
				continue
			}
		}
		if err := checkParams(ptr.Elem()); err != nil {
			b.errs = append(b.errs, &yamlfile.Error{File: b.path, Line: s.Line, Column: s.Column, Msg: fmt.Sprintf("rule %s: %v", s.ID, err)})
			continue
		}
		out.rules[k] = ptr.Elem().Interface().(Rule)
		if enabled != nil {
			out.on[k] = *enabled
		}
	}
	return out
}

// checkParams rejects negative counts.
func checkParams(v reflect.Value) error {
	for _, p := range params(v.Addr().Interface()) {
		if p.v.Kind() == reflect.Int && p.v.Int() < 0 {
			return fmt.Errorf("%s must not be negative", p.Name)
		}
	}
	return nil
}

func enabled(rules []Rule, on []bool) []Rule {
	var out []Rule
	for i, r := range rules {
		if on[i] {
			out = append(out, r)
		}
	}
	return out
}
