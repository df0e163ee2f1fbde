package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/rules"
)

// Rules writes what `cardcheck rules` shows: every built-in rule with its
// default severity and parameters, and where eng (built from the config)
// differs, the configured value; then the user rules, the breaches watched
// and the per-card settings.
func Rules(w io.Writer, eng *rules.Engine) error {
	defaults := rules.Describe(rules.Catalogue())
	configured := map[string]rules.Description{}
	for _, d := range rules.Describe(eng.Rules) {
		configured[d.ID] = d
	}
	t := &Table{}
	t.Row("RULE", "SEVERITY", "PARAMETER", "DEFAULT", "CONFIG", "MEANING")
	for _, d := range defaults {
		c, on := configured[d.ID]
		state := ""
		switch {
		case !on:
			state = "off"
		case c.Severity != d.Severity:
			state = c.Severity
		}
		t.Row(d.ID, dash(d.Severity), "", "", state, d.Doc)
		for i, p := range d.Params {
			v := ""
			if on && c.Params[i].Value != p.Value {
				v = c.Params[i].Value
			}
			t.Row("", "", p.Name, p.Value, safetext.Terminal(v), p.Doc)
		}
	}
	for _, d := range rules.Describe(eng.Rules) {
		if !d.User {
			continue
		}
		t.Row(safetext.Terminal(d.ID), d.Severity, "", "", "", "user rule")
		for _, p := range d.Params {
			t.Row("", "", p.Name, "", "", safetext.Terminal(p.Value))
		}
	}
	if err := t.Write(w); err != nil {
		return err
	}
	if bs := eng.Breaches(); len(bs) > 0 {
		fmt.Fprintln(w, "\nbreaches watched by breach-exposure (cards used at these payees in these days were exposed):")
		bt := &Table{}
		for _, b := range bs {
			bt.Row("  "+safetext.Terminal(b.Name), b.From.String()+" to "+b.To.String(), safetext.Terminal(strings.Join(b.Patterns, ", ")))
		}
		if err := bt.Write(w); err != nil {
			return err
		}
	}
	for _, cr := range eng.Cards {
		fmt.Fprintf(w, "\ncards matching %q:\n", safetext.Terminal(cr.Match))
		card := map[string]rules.Description{}
		for _, d := range rules.Describe(cr.Rules) {
			card[d.ID] = d
		}
		for _, d := range defaults {
			c, on := card[d.ID]
			gd, gon := configured[d.ID]
			switch {
			case !on && gon:
				fmt.Fprintf(w, "  %s: off\n", d.ID)
			case on && !gon:
				fmt.Fprintf(w, "  %s: on\n", d.ID)
			}
			if !on {
				continue
			}
			if gon && c.Severity != gd.Severity {
				fmt.Fprintf(w, "  %s.severity: %s\n", d.ID, c.Severity)
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

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
