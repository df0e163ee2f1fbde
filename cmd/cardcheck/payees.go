package main

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/learn"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

func newPayeesCmd(g *globals) *cobra.Command {
	var card, newCard string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "payees PATH...",
		Short: "List a card's recurring payees: the places to update when it is replaced",
		Long: `List the recurring payees of each card in the statements at PATH (or of the
cards whose label contains --card): cadence, typical amount, last charge and
next expected date, soonest first. These are the places to give the new number
when a card is replaced.

With --new-card, give statements of the new card too: each payee then says
whether it has already charged the new card, and the summary names the ones
still to update.` + exitStatus,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, res := g.loadStatements(args)
			lists, err := learn.Payees(res.Charges, cfg, card, newCard)
			if err != nil {
				printErrors(g, []error{err})
				return exitError{scan.ExitError}
			}
			if asJSON {
				err = report.WriteJSON(g.stdout, lists)
			} else {
				err = learn.WriteChecklists(g.stdout, lists)
			}
			if err != nil {
				return err
			}
			if len(res.Errors) > 0 {
				return exitError{scan.ExitError}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&card, "card", "", "only the cards whose label (name and masked number) contains this")
	cmd.Flags().StringVar(&newCard, "new-card", "", "the replacement card: show which payees already charge it")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}
