package root

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/ackcmd"
	"github.com/cardcheck/cardcheck/internal/cli/allowcmd"
	"github.com/cardcheck/cardcheck/internal/cli/chargescmd"
	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/cli/formatscmd"
	"github.com/cardcheck/cardcheck/internal/cli/learncmd"
	"github.com/cardcheck/cardcheck/internal/cli/rulescmd"
	"github.com/cardcheck/cardcheck/internal/cli/scancmd"
)

// addCommands registers the subcommands, in the order help lists them.
// A new command is one line here (and its import).
func addCommands(root *cobra.Command, f *cmdutil.Factory) {
	root.AddCommand(
		scancmd.NewCmd(f, nil),
		chargescmd.NewCmd(f, nil),
		learncmd.NewCmd(f, nil),
		learncmd.NewCmdPayees(f, nil),
		rulescmd.NewCmd(f, nil, nil),
		formatscmd.NewCmd(f, nil),
		formatscmd.NewCmdDetect(f, nil),
		ackcmd.NewCmd(f, nil),
		allowcmd.NewCmd(f, nil),
	)
}
