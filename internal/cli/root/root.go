// Package root is the cardcheck command itself: its persistent flags, its
// help, and the list of its subcommands (commands.go).
package root

import (
	"errors"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/version"
	"github.com/cardcheck/cardcheck/pkg/message"
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
	builtins(root)
	localHelp(root, f)
	sayArgs(root)
	return root
}

// flagError says what is wrong with a flag, in the user's language, and
// adds the flag meant to an unknown one: "unknown flag: --jsno; did you
// mean --json?".
func flagError(cmd *cobra.Command, err error) error {
	var (
		unknown  *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
	)
	args := message.Args{"cmd": message.Text(cmd.CommandPath())}
	switch {
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		args["flag"], args["near"] = message.Text("--"+name), message.Text("")
		if name == "" {
			args["flag"] = message.Text("-" + unknown.GetSpecifiedShortnames())
		}
		var names []string
		cmd.Flags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
		cmd.InheritedFlags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
		if near, ok := suggest.Nearest(name, names); ok && name != "" {
			args["near"] = message.Text("--" + near)
		}
		return cmdutil.Say(message.New("cli.unknown-flag", args))
	case errors.As(err, &noValue):
		args["flag"] = message.Text("--" + noValue.GetFlag().Name)
		return cmdutil.Say(message.New("cli.flag-needs-value", args))
	case errors.As(err, &badValue):
		detail := ""
		if cause := errors.Unwrap(badValue); cause != nil {
			detail = cause.Error()
		}
		args["flag"], args["value"], args["detail"] = message.Text("--"+badValue.GetFlag().Name), message.Text(badValue.GetValue()), message.Text(detail)
		return cmdutil.Say(message.New("cli.flag-invalid", args))
	}
	args["err"] = message.Text(err.Error())
	return cmdutil.Say(message.New("cli.usage", args))
}
