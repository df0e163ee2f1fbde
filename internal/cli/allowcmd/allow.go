// Package allowcmd is `cardcheck allow`: add a known payee to the config.
package allowcmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/configedit"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Options are the command's flags and arguments.
type Options struct {
	Factory *cmdutil.Factory
	Payee   string
	Card    string
}

// NewCmd returns the allow command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "allow PAYEE",
		Short: "Add a payee to the known payees in the config",
		Long: `Add PAYEE (a merchant as the statement prints it, e.g. "APPLE COM BILL") to
the known payees in the config file (--config, or the default one, created
if missing), for the cards matching --card (a part of the card's name or
masked number, as in the config's cards: match) or every card. The entry's
pattern is the payee's exact key, so it matches that payee and no other.

The entry is appended to the payees: list; the rest of the file, comments
included, is kept as it is.

Exit status: 0 (also when the payee is known already), or 2 when the config
has errors or cannot be written.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Payee = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Card, "card", "", "only on the cards matching this (part of the name or masked number)")
	cmdutil.CompleteCards(f, cmd, "card")
	return cmd
}

// Run adds the payee.
func Run(o *Options) error {
	f := o.Factory
	path, _ := f.ConfigPath()
	if path == "" {
		return message.NewError("cli.config.no-path", nil, nil)
	}
	err := configedit.AllowPayee(path, o.Payee, o.Card, f.Now())
	if errors.Is(err, configedit.ErrKnown) {
		fmt.Fprintln(f.IO.Out, err)
		return nil
	}
	if err != nil {
		return err
	}
	// Said as written to the config: a card number masked.
	args := message.Args{"payee": message.Text(cardnum.Mask(o.Payee)), "path": message.Text(path)}
	key := "cli.allow.added"
	if o.Card != "" {
		key, args["card"] = "cli.allow.added-card", message.Text(cardnum.Mask(o.Card))
	}
	f.Say(f.IO.Out, message.New(key, args))
	return nil
}
