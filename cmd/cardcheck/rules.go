package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
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
// When the config has problems, cfg is nil and the engine runs the
// defaults, but the rules' problems are still found and reported.
func loadEngine(g *globals) (*config.Config, *rules.Engine, []error) {
	cfg, err := config.Load(configPath(g), g.configPath != "")
	eng, engErr := rules.New(cfg.Spec())
	errs := append(config.SplitErrors(err), config.SplitErrors(engErr)...)
	yamlfile.Sort(errs)
	if err != nil {
		cfg, eng = nil, rules.Default()
	}
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
	if err := report.Rules(g.stdout, eng); err != nil {
		return err
	}
	if len(errs) > 0 {
		return exitError{scan.ExitError}
	}
	return nil
}
