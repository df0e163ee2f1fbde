package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

func newFormatsCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "formats",
		Short: "List the statement formats cardcheck reads",
		Long: `List every statement format: its name, the card company, the encodings it
comes in, and a sample of what it recognises. Formats declared in the config
(formats:) are listed as user:NAME.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig()
			printErrors(g, config.SplitErrors(err))
			t := &report.Table{}
			t.Row("FORMAT", "ISSUER", "ENCODINGS", "DESCRIPTION", "SAMPLE")
			for _, f := range scan.Registry(cfg).Formats() {
				encs := make([]string, len(f.Encodings))
				for i, e := range f.Encodings {
					encs[i] = string(e)
				}
				t.Row(f.Name, f.Issuer, strings.Join(encs, ", "), f.Title, safetext.Terminal(f.Sample))
			}
			if werr := t.Write(g.stdout); werr != nil {
				return werr
			}
			if err != nil {
				return exitError{scan.ExitError}
			}
			return nil
		},
	}
}

func newDetectCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "detect FILE...",
		Short: "Say which format each file is in, and what it holds",
		Long: `For each file: the format that recognises it, its encoding, its cards, the
period of its charges, how many there are, and whether the statement's own
control totals agree with them. Exit status 2 when a file is not recognised
or does not add up.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cfgErr := g.loadConfig()
			if cfgErr != nil {
				printErrors(g, config.SplitErrors(cfgErr))
			}
			reg := scan.Registry(cfg)
			files, errs := scan.Collect(args)
			printErrors(g, errs)
			failed := cfgErr != nil || len(errs) > 0
			t := &report.Table{Right: map[int]bool{4: true}}
			t.Row("FILE", "FORMAT", "ENCODING", "PERIOD", "CHARGES", "TOTALS", "CARDS")
			for _, path := range files {
				d := scan.Detect(reg, path)
				printErrors(g, d.Errors)
				if len(d.Errors) > 0 {
					failed = true
				}
				format, period, totals := d.Format, "", "none"
				if format == "" {
					format = "(unknown)"
				}
				if d.Charges > 0 {
					period = fmt.Sprintf("%s – %s", d.From, d.To)
				}
				switch {
				case !d.TotalsOK:
					totals = "MISMATCH"
				case d.Totals > 0:
					totals = fmt.Sprintf("agree (%d)", d.Totals)
				}
				t.Row(safetext.Terminal(path), format, d.Encoding, period, fmt.Sprint(d.Charges), totals, safetext.Terminal(strings.Join(d.Cards, "; ")))
			}
			if err := t.Write(g.stdout); err != nil {
				return err
			}
			if failed {
				return exitError{scan.ExitError}
			}
			return nil
		},
	}
}
