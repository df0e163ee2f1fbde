package learncmd

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/learn"
	"github.com/cardcheck/cardcheck/pkg/report"
)

// PayeesOptions are payees' flags and arguments.
type PayeesOptions struct {
	Factory *cmdutil.Factory
	Paths   []string
	Card    string
	NewCard string
	JSON    bool
}

// NewCmdPayees returns the payees command; runF replaces [RunPayees] in
// tests.
func NewCmdPayees(f *cmdutil.Factory, runF func(*PayeesOptions) error) *cobra.Command {
	o := &PayeesOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "payees PATH...",
		Short: "List a card's recurring payees: the places to update when it is replaced",
		Long: `List the recurring payees of each card in the statements at PATH (or of the
cards whose label contains --card): cadence, typical amount, last charge and
next expected date, soonest first. These are the places to give the new number
when a card is replaced.

With --new-card, give statements of the new card too: each payee then says
whether it has already charged the new card, and the summary names the ones
still to update.

Exit status: 0, or 2 when the config or an input has errors, or --card or
--new-card matches no card.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return RunPayees(o)
		},
	}
	cmd.Flags().StringVar(&o.Card, "card", "", "only the cards whose label (name and masked number) contains this")
	cmd.Flags().StringVar(&o.NewCard, "new-card", "", "the replacement card: show which payees already charge it")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON for scripts")
	cmdutil.CompleteCards(f, cmd, "card", "new-card")
	return cmd
}

// RunPayees prints the checklists.
func RunPayees(o *PayeesOptions) error {
	io := o.Factory.IO
	cfg, res := load(o.Factory, o.Paths)
	lists, err := learn.Payees(res.Charges, cfg, o.Card, o.NewCard)
	if err != nil {
		io.PrintErrors(err)
		return cmdutil.ErrSilent
	}
	if o.JSON {
		err = report.WriteJSON(io.Raw, lists)
	} else {
		err = learn.WriteChecklists(io.Out, o.Factory.Language(), lists)
	}
	if err != nil {
		return err
	}
	return cmdutil.Verdict(len(res.Errors) > 0, false)
}
