package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

type scanOptions struct {
	json   bool
	csv    bool
	since  string
	all    bool
	failOn string
}

func newScanCmd(g *globals) *cobra.Command {
	o := &scanOptions{}
	cmd := &cobra.Command{
		Use:   "scan PATH...",
		Short: "Check statements and report suspicious charges",
		Long: `Check the statements at PATH (files, or directories searched for *.csv) and
report suspicious charges with the reason for each.

By default each card's last 35 days up to its newest charge are checked and
everything earlier is history; --since and --all change that.
` + exitStatus,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runScan(g, o, args) },
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print JSON for scripts")
	f.BoolVar(&o.csv, "csv", false, "print CSV, one suspect charge a row, safe to open in a spreadsheet")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	f.StringVar(&o.since, "since", "", "check charges from this date (YYYY-MM-DD) on")
	f.BoolVar(&o.all, "all", false, "check every charge, with no history window")
	f.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit code 1: info, warning or alert")
	return cmd
}

func runScan(g *globals, o *scanOptions, paths []string) error {
	failOn, err := rules.ParseSeverity(o.failOn)
	if err != nil {
		return fmt.Errorf("--fail-on: %w", err)
	}
	opt := scan.Options{All: o.all}
	if o.since != "" {
		if opt.Since, err = statement.ParseDate(o.since); err != nil {
			return fmt.Errorf("--since: %w", err)
		}
	}
	cfg, cfgErr := g.loadConfig()
	opt.Config = cfg
	res := scan.Run(paths, opt)
	if cfgErr != nil {
		res.Errors = append([]error{cfgErr}, res.Errors...)
	}
	printErrors(g, res.Errors)
	switch {
	case o.json:
		err = report.WriteJSON(g.stdout, report.ScanJSON(res, res.Findings))
	case o.csv:
		err = report.FindingsCSV(g.stdout, res.Findings)
	default:
		err = report.Text(g.stdout, res, res.Findings)
	}
	if err != nil {
		return err
	}
	return exitCode(res.ExitCode(res.Findings, failOn))
}

// printErrors writes each error on its own line to stderr, made safe for the
// terminal (file contents end up in messages).
func printErrors(g *globals, errs []error) {
	for _, e := range errs {
		fmt.Fprintln(g.stderr, safetext.Terminal(e.Error()))
	}
}

func exitCode(code int) error {
	if code == 0 {
		return nil
	}
	return exitError{code}
}
