package root

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/ackcmd"
	"github.com/cardcheck/cardcheck/internal/cli/allowcmd"
	"github.com/cardcheck/cardcheck/internal/cli/chargescmd"
	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/cli/formatscmd"
	"github.com/cardcheck/cardcheck/internal/cli/importcmd"
	"github.com/cardcheck/cardcheck/internal/cli/initcmd"
	"github.com/cardcheck/cardcheck/internal/cli/learncmd"
	"github.com/cardcheck/cardcheck/internal/cli/mailcmd"
	"github.com/cardcheck/cardcheck/internal/cli/rulescmd"
	"github.com/cardcheck/cardcheck/internal/cli/scancmd"
	"github.com/cardcheck/cardcheck/internal/cli/watchcmd"
)

// addCommands registers the subcommands, in the order help lists them.
// A new command is one line here (and its import).
func addCommands(root *cobra.Command, f *cmdutil.Factory) {
	root.AddCommand(
		initcmd.NewCmd(f, nil),
		importcmd.NewCmd(f, nil),
		scancmd.NewCmd(f, nil),
		watchcmd.NewCmd(f, nil),
		chargescmd.NewCmd(f, nil),
		learncmd.NewCmd(f, nil),
		learncmd.NewCmdPayees(f, nil),
		rulescmd.NewCmd(f, nil, nil),
		formatscmd.NewCmd(f, nil),
		formatscmd.NewCmdDetect(f, nil),
		ackcmd.NewCmd(f, nil),
		allowcmd.NewCmd(f, nil),
		mailcmd.NewCmd(f, nil),
	)
}
