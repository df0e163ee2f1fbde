// Package rulescmd is `cardcheck rules` and `cardcheck rules check`: the
// rules with their settings, and the config checked as scan reads it.
package rulescmd

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/rules"
)

// Options are the commands' options: they have no flags of their own.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmd returns the rules command with its check subcommand; runF and
// checkF replace [Run] and [Check] in tests.
func NewCmd(f *cmdutil.Factory, runF, checkF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules, their severities and parameters",
		Long: `List every built-in rule with its id, default severity, parameters and their
defaults, then the user rules of the config. Where the config (rules: section)
changes a setting, the CONFIG column shows it; per-card settings follow.

Exit status: 0, or 2 when the config has errors (printed to stderr; the
defaults are listed).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Validate the config's rules and everything else in it",
		Long: `Read the config (--config, or the default one) as scan would: its cards,
payees and formats, the rules' settings, the user rules' expressions and
the breach entries. Every problem is printed to stderr as file:line:col:
message, in the file's order.

Exit status: 0 when the config is valid (or there is none at the default
path), 2 when it has errors.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if checkF != nil {
				return checkF(o)
			}
			return Check(o)
		},
	})
	return cmd
}

// Run lists the rules.
func Run(o *Options) error {
	eng, problems := o.Factory.Rules()
	o.Factory.IO.PrintErrors(problems...)
	if err := report.RulesIn(o.Factory.IO.Out, o.Factory.Language(), eng); err != nil {
		return err
	}
	return cmdutil.Verdict(len(problems) > 0, false)
}

// Check checks the config.
func Check(o *Options) error {
	f := o.Factory
	eng, problems := f.Rules()
	if len(problems) > 0 {
		f.IO.PrintErrors(problems...)
		return cmdutil.ErrSilent
	}
	if !f.ConfigExists() {
		f.Say(f.IO.Out, message.New("cli.rules.no-config", message.Args{"path": message.Text(config.DefaultPath())}))
		return nil
	}
	cfg, _ := f.Config()
	user := 0
	for _, d := range rules.Describe(eng.Rules) {
		if d.User {
			user++
		}
	}
	f.Say(f.IO.Out, message.New("cli.rules.ok", message.Args{"path": message.Text(cfg.Path),
		"builtin": message.Count(len(eng.Rules) - user), "user": message.Count(user), "cards": message.Count(len(eng.Cards)),
		"breaches": message.Count(len(cfg.Rules.Breaches))}))
	return nil
}
