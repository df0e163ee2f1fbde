// Package root is the cardcheck command itself: its persistent flags, its
// help, and the list of its subcommands (commands.go).
package root

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/version"
	"github.com/cardcheck/cardcheck/pkg/suggest"
)

// Help lists the commands in the order commands.go gives: the first hour's
// first (init, import, scan), then the rest. (A global of cobra's: set once,
// not per run, since tests run Main concurrently.)
func init() { cobra.EnableCommandSorting = false }

// NewCmdRoot returns the cardcheck command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "cardcheck",
		Short: "Find the charges on your card statements that look like fraud",
		Long: `cardcheck reads the CSV statements Japanese card companies let you download,
learns each card's recurring payees, and reports the charges that fall outside
them or look like fraud (bursts, card tests, duplicates, sudden jumps).

Each command's help says what its exit status means: 0 done, 1 findings, 2
problems (usage, config, input, state or mail).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.PersistentFlags().StringVar(&f.ConfigFlag, "config", "", "config file (default $XDG_CONFIG_HOME/cardcheck/config.yaml, if it exists)")
	root.PersistentFlags().StringVar(&f.LangFlag, "lang", "", "language: ja or en (default the config's lang:, else LC_ALL, LC_MESSAGES, LANG)")
	cmdutil.CompleteValues(root, "lang", "ja", "en")
	root.Version = version.Read().String()
	root.SetVersionTemplate("cardcheck {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	addCommands(root, f)
	return root
}

// flagError adds the flag meant to an unknown one: "unknown flag: --jsno;
// did you mean --json?".
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return fmt.Errorf("%w\nRun '%s --help' for usage.", err, cmd.CommandPath())
	}
	var names []string
	cmd.Flags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
	cmd.InheritedFlags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
	if near, ok := suggest.Nearest(name, names); ok {
		return fmt.Errorf("%s; did you mean --%s?", msg, near)
	}
	return fmt.Errorf("%w\nRun '%s --help' for usage.", err, cmd.CommandPath())
}
