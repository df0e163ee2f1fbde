package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/configedit"
	"github.com/cardcheck/cardcheck/pkg/safetext"
)

func newAllowCmd(g *globals) *cobra.Command {
	var card string
	cmd := &cobra.Command{
		Use:   "allow PAYEE",
		Short: "Add a payee to the known payees in the config",
		Long: `Add PAYEE (a merchant as the statement prints it, e.g. "APPLE COM BILL") to
the known payees in the config file (--config, or the default one, created
if missing), for the cards matching --card (a part of the card's name or
masked number, as in the config's cards: match) or every card.

The entry is appended to the payees: list; the rest of the file, comments
included, is kept as it is.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := g.configPath
			if path == "" {
				path = config.DefaultPath()
			}
			err := configedit.AllowPayee(path, args[0], card, time.Now())
			if errors.Is(err, configedit.ErrKnown) {
				fmt.Fprintln(g.stdout, safetext.Terminal(err.Error()))
				return nil
			}
			if err != nil {
				return err
			}
			on := "every card"
			if card != "" {
				on = "cards matching " + card
			}
			fmt.Fprintf(g.stdout, "%s is now a known payee on %s (%s).\n", safetext.Terminal(args[0]), safetext.Terminal(on), path)
			return nil
		},
	}
	cmd.Flags().StringVar(&card, "card", "", "only on the cards matching this (part of the name or masked number)")
	return cmd
}
