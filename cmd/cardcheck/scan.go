package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

type scanOptions struct {
	json   bool
	csv    bool
	since  string
	all    bool
	failOn string

	mail, mailAlways bool
	stateDir, lang   string
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

Findings acknowledged with cardcheck ack are left out. With --mail, the
findings not reported before are mailed (config mail: section) and the state
folder remembers them, so each is mailed once; nothing is sent when nothing
is new. If the mail cannot be sent, the exit code is 2 and the next run sends
them again.
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
	f.BoolVar(&o.mail, "mail", false, "mail the findings not reported before (config mail: section), at or above --fail-on")
	f.BoolVar(&o.mailAlways, "mail-always", false, "with --mail: send a short all-clear when there is nothing new")
	f.StringVar(&o.stateDir, "state", "", "state folder: what was reported and acknowledged (default $XDG_STATE_HOME/cardcheck)")
	f.StringVar(&o.lang, "lang", "", "language of the report and mail: ja or en (default from LC_ALL, LC_MESSAGES, LANG)")
	return cmd
}

func runScan(g *globals, o *scanOptions, paths []string) error {
	failOn, err := severity.Parse(o.failOn)
	if err != nil {
		return fmt.Errorf("--fail-on: %w", err)
	}
	l, err := scanLang(o.lang)
	if err != nil {
		return err
	}
	opt := scan.Options{All: o.all}
	if o.since != "" {
		if opt.Since, err = statement.ParseDate(o.since); err != nil {
			return fmt.Errorf("--since: %w", err)
		}
	}
	cfg, eng, cfgErrs := loadEngine(g)
	opt.Config, opt.Engine = cfg, eng
	res := scan.Run(paths, opt)
	res.Errors = append(cfgErrs, res.Errors...)
	printErrors(g, res.Errors)
	printErrors(g, res.Warnings)
	// The state hides acknowledged findings and, with --mail, says which
	// are new.
	if o.stateDir == "" {
		o.stateDir = state.DefaultDir()
	}
	view := state.View{Active: res.Findings}
	sess, stateErr := notify.Start(res, notify.Options{StateDir: o.stateDir, Mail: o.mail || o.mailAlways, MailAlways: o.mailAlways,
		Lang: l, FailOn: failOn, Config: cfg})
	if stateErr != nil {
		printErrors(g, []error{stateErr})
	} else {
		defer sess.Close()
		view = sess.View
	}
	switch {
	case o.json:
		err = report.WriteJSON(g.stdout, report.ScanJSON(res, view.Active))
	case o.csv:
		err = report.FindingsCSV(g.stdout, view.Active)
	default:
		err = report.TextWith(g.stdout, res, view.Active, report.TextOptions{Lang: l, Acknowledged: len(view.Acked), Withdrawn: view.Withdrawn})
	}
	if err != nil {
		return err
	}
	code := res.ExitCode(view.Active, failOn)
	if stateErr != nil {
		return exitCode(scan.ExitError)
	}
	done, err := sess.Finish(context.Background())
	if err != nil {
		printErrors(g, []error{err})
		code = scan.ExitError
	} else if done != "" && !o.json && !o.csv {
		fmt.Fprintln(g.stdout, done)
	}
	return exitCode(code)
}

// scanLang is --lang, or the locale's language.
func scanLang(flag string) (lang.Lang, error) {
	if flag == "" {
		return lang.FromEnv(os.Getenv), nil
	}
	l, err := lang.Parse(flag)
	if err != nil {
		return l, fmt.Errorf("--lang: %w", err)
	}
	return l, nil
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
