package main

import (
	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

func newChargesCmd(g *globals) *cobra.Command {
	var asJSON, asCSV bool
	cmd := &cobra.Command{
		Use:   "charges PATH...",
		Short: "Print the charges read from statements",
		Long: `Print every charge read from the statements at PATH, merged across files,
oldest first. Input errors go to stderr and make the exit code 2.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cfgErr := g.loadConfig()
			res, _ := scan.Load(scan.Registry(cfg), args)
			if cfgErr != nil {
				res.Errors = append(config.SplitErrors(cfgErr), res.Errors...)
			}
			printErrors(g, res.Errors)
			out := make([]report.Charge, 0, len(res.Charges))
			for _, c := range res.Charges {
				out = append(out, report.ChargeJSON(c))
			}
			var err error
			switch {
			case asJSON:
				err = report.WriteJSON(g.stdout, out)
			case asCSV:
				err = report.ChargesCSV(g.stdout, out)
			default:
				err = report.Charges(g.stdout, res.Charges)
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
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV with a header row, safe to open in a spreadsheet")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	return cmd
}
