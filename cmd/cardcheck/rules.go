package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/rules"
)

func newRulesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules, their severities and parameters",
		Long: `List every built-in rule with its id, default severity, parameters and their
defaults, then the user rules of the config. Where the config (rules: section)
changes a setting, the CONFIG column shows it; per-card settings follow.

Exit status: 0, or 2 when the config has errors (printed to stderr; the
defaults are listed).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return listRules(g) },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Validate the config's rules and everything else in it",
		Long: `Read the config (--config, or the default one) as scan would: its cards,
payees and formats, the rules' settings, the user rules' expressions and
the breach entries. Each problem is printed to stderr as file:line:col:
message.

Exit status: 0 when the config is valid (or there is none at the default
path), 2 when it has errors.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return checkRules(g) },
	})
	return cmd
}

// loadEngine reads the config and builds the engine from it; errs are the
// problems of both, one per line.
func loadEngine(g *globals) (*config.Config, *rules.Engine, []error) {
	cfg, err := g.loadConfig()
	errs := splitErrors(err)
	rulesCfg := cfg
	if err != nil {
		// Report the rules' own problems too: read that section alone.
		if data, rerr := os.ReadFile(configPath(g)); rerr == nil {
			rulesCfg = config.RulesOnly(configPath(g), data)
		}
	}
	eng, err := rules.FromConfig(rulesCfg)
	said := map[string]bool{}
	for _, e := range errs {
		said[e.Error()] = true
	}
	for _, e := range splitErrors(err) {
		if !said[e.Error()] {
			errs = append(errs, e)
		}
	}
	if cfg == nil {
		eng = rules.Default()
	}
	slices.SortStableFunc(errs, func(a, b error) int {
		var ea, eb *config.Error
		if !errors.As(a, &ea) || !errors.As(b, &eb) || ea.File != eb.File {
			return 0
		}
		return cmp.Or(cmp.Compare(ea.Line, eb.Line), cmp.Compare(ea.Column, eb.Column))
	})
	return cfg, eng, errs
}

// configPath is the config file loadConfig reads.
func configPath(g *globals) string {
	if g.configPath != "" {
		return g.configPath
	}
	return config.DefaultPath()
}

func checkRules(g *globals) error {
	cfg, eng, errs := loadEngine(g)
	if len(errs) > 0 {
		printErrors(g, errs)
		return exitError{scan.ExitError}
	}
	if !exists(configPath(g)) {
		fmt.Fprintf(g.stdout, "no config at %s: the built-in rules run with their defaults\n", safetext.Terminal(config.DefaultPath()))
		return nil
	}
	user := 0
	for _, r := range eng.Rules {
		if _, ok := r.(*rules.UserRule); ok {
			user++
		}
	}
	fmt.Fprintf(g.stdout, "%s: ok: %d built-in rules on, %d user rule(s), %d card setting(s), %d extra breach(es)\n",
		safetext.Terminal(cfg.Path), len(eng.Rules)-user, user, len(eng.Cards), len(cfg.Rules.Breaches))
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func listRules(g *globals) error {
	_, eng, errs := loadEngine(g)
	printErrors(g, errs)
	defaults := rules.Describe(rules.Catalogue())
	configured := map[string]rules.Description{}
	for _, d := range rules.Describe(eng.Rules) {
		configured[d.ID] = d
	}
	t := &report.Table{}
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
	if err := t.Write(g.stdout); err != nil {
		return err
	}
	for _, r := range eng.Rules {
		if be, ok := r.(rules.BreachExposure); ok {
			fmt.Fprintln(g.stdout, "\nbreaches watched by breach-exposure (cards used at these payees in these days were exposed):")
			bt := &report.Table{}
			for _, b := range be.Catalogue {
				bt.Row("  "+safetext.Terminal(b.Name), b.From.String()+" to "+b.To.String(), safetext.Terminal(strings.Join(b.Patterns, ", ")))
			}
			if err := bt.Write(g.stdout); err != nil {
				return err
			}
		}
	}
	for _, cr := range eng.Cards {
		fmt.Fprintf(g.stdout, "\ncards matching %q:\n", safetext.Terminal(cr.Match))
		card := map[string]rules.Description{}
		for _, d := range rules.Describe(cr.Rules) {
			card[d.ID] = d
		}
		for _, d := range defaults {
			c, on := card[d.ID]
			gd, gon := configured[d.ID]
			switch {
			case !on && gon:
				fmt.Fprintf(g.stdout, "  %s: off\n", d.ID)
			case on && !gon:
				fmt.Fprintf(g.stdout, "  %s: on\n", d.ID)
			}
			if !on {
				continue
			}
			if gon && c.Severity != gd.Severity {
				fmt.Fprintf(g.stdout, "  %s.severity: %s\n", d.ID, c.Severity)
			}
			for i, p := range c.Params {
				ref := d.Params[i].Value
				if gon {
					ref = gd.Params[i].Value
				}
				if p.Value != ref {
					fmt.Fprintf(g.stdout, "  %s.%s: %s\n", d.ID, p.Name, safetext.Terminal(p.Value))
				}
			}
		}
	}
	if len(errs) > 0 {
		return exitError{scan.ExitError}
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// splitErrors turns a joined error into its parts (each printed on its own
// line), and nil into none.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []error{err}
}
