// Package chargescmd is `cardcheck charges`: every charge read, merged
// across files.
package chargescmd

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/report"
)

// Options are the command's flags and arguments.
type Options struct {
	Factory   *cmdutil.Factory
	Paths     []string
	JSON, CSV bool
}

// NewCmd returns the charges command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "charges PATH...",
		Short: "Print the charges read from statements",
		Long: `Print every charge read from the statements at PATH, merged across files,
oldest first.

Exit status: 0, or 2 when the config or an input has errors (printed to
stderr; the charges that could be read are printed).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON for scripts")
	cmd.Flags().BoolVar(&o.CSV, "csv", false, "print CSV with a header row, safe to open in a spreadsheet")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	return cmd
}

// Run prints the charges.
func Run(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	_, problems := f.ScanConfig()
	res := f.Reader().Load(o.Paths)
	res.Errors = append(problems, res.Errors...)
	io.PrintErrors(res.Errors...)
	io.PrintNotes(res.Notes...)
	out := make([]report.Charge, 0, len(res.Charges))
	for _, c := range res.Charges {
		out = append(out, report.ChargeJSON(c))
	}
	var err error
	switch {
	case o.JSON:
		err = report.WriteJSON(io.Raw, out)
	case o.CSV:
		err = report.ChargesCSV(io.Raw, out)
	default:
		err = report.Charges(io.Out, res.Charges)
	}
	if err != nil {
		return err
	}
	return cmdutil.Verdict(len(res.Errors) > 0, false)
}
