package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/rules"
)

// Rules writes what `cardcheck rules` shows: every built-in rule with its
// default severity and parameters, and where eng (built from the config)
// differs, the configured value; then the user rules, the breaches watched
// and the per-card settings. It is [RulesIn] in English.
func Rules(w io.Writer, eng *rules.Engine) error { return RulesIn(w, lang.EN, eng) }

// RulesIn writes what [Rules] does in l: the headings, severities and the
// lines about breaches and cards in that language. The rules' ids,
// parameter names and values stay as the config writes them; their
// meanings are the catalogue's (rule.doc.*), the rules' doc strings in
// English.
func RulesIn(w io.Writer, l lang.Lang, eng *rules.Engine) error {
	sev := func(s string) string {
		if s == "" || !message.Has("severity."+s) {
			return s
		}
		return say(l, "severity."+s, nil)
	}
	defaults := rules.Describe(rules.Catalogue())
	configured := map[string]rules.Description{}
	for _, d := range rules.Describe(eng.Rules) {
		configured[d.ID] = d
	}
	t := &Table{}
	t.Row(say(l, "rules.head.rule", nil), say(l, "rules.head.severity", nil), say(l, "rules.head.parameter", nil),
		say(l, "rules.head.default", nil), say(l, "rules.head.config", nil), say(l, "rules.head.meaning", nil))
	for _, d := range defaults {
		c, on := configured[d.ID]
		state := ""
		switch {
		case !on:
			state = say(l, "rules.off", nil)
		case c.Severity != d.Severity:
			state = sev(c.Severity)
		}
		t.Row(d.ID, dash(sev(d.Severity)), "", "", state, ruleDoc(l, d.ID, d.Doc))
		for i, p := range d.Params {
			v := ""
			if on && c.Params[i].Value != p.Value {
				v = c.Params[i].Value
			}
			t.Row("", "", p.Name, p.Value, safetext.Terminal(v), ruleDoc(l, d.ID+"."+p.Name, p.Doc))
		}
	}
	for _, d := range rules.Describe(eng.Rules) {
		if !d.User {
			continue
		}
		t.Row(safetext.Terminal(d.ID), sev(d.Severity), "", "", "", say(l, "rules.user-rule", nil))
		for _, p := range d.Params {
			t.Row("", "", p.Name, "", "", safetext.Terminal(p.Value))
		}
	}
	if err := t.Write(w); err != nil {
		return err
	}
	if bs := eng.Breaches(); len(bs) > 0 {
		fmt.Fprintln(w, "\n"+say(l, "rules.breaches", nil))
		bt := &Table{}
		for _, b := range bs {
			span := say(l, "rules.breach-span", message.Args{"from": message.Date(b.From), "to": message.Date(b.To)})
			bt.Row("  "+safetext.Terminal(b.Name), span, safetext.Terminal(strings.Join(b.Patterns, ", ")))
		}
		if err := bt.Write(w); err != nil {
			return err
		}
	}
	for _, cr := range eng.Cards {
		fmt.Fprintln(w, "\n"+safetext.Terminal(say(l, "rules.cards", message.Args{"match": message.Text(cr.Match)})))
		card := map[string]rules.Description{}
		for _, d := range rules.Describe(cr.Rules) {
			card[d.ID] = d
		}
		for _, d := range defaults {
			c, on := card[d.ID]
			gd, gon := configured[d.ID]
			switch {
			case !on && gon:
				fmt.Fprintf(w, "  %s: %s\n", d.ID, say(l, "rules.off", nil))
			case on && !gon:
				fmt.Fprintf(w, "  %s: %s\n", d.ID, say(l, "rules.on", nil))
			}
			if !on {
				continue
			}
			if gon && c.Severity != gd.Severity {
				fmt.Fprintf(w, "  %s.severity: %s\n", d.ID, sev(c.Severity))
			}
			for i, p := range c.Params {
				ref := d.Params[i].Value
				if gon {
					ref = gd.Params[i].Value
				}
				if p.Value != ref {
					fmt.Fprintf(w, "  %s.%s: %s\n", d.ID, p.Name, safetext.Terminal(p.Value))
				}
			}
		}
	}
	return nil
}

// ruleDoc is what a built-in rule or parameter (key: its id, or id.param)
// means, in l: doc, its English doc string, unless the catalogue says it
// in l.
func ruleDoc(l lang.Lang, key, doc string) string {
	if !message.Has("rule.doc." + key) {
		return doc
	}
	return say(l, "rule.doc."+key, message.Args{"doc": message.Text(doc)})
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
