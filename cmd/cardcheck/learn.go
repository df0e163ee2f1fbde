package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/configedit"
	"github.com/cardcheck/cardcheck/pkg/learn"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func newLearnCmd(g *globals) *cobra.Command {
	var write, asJSON bool
	cmd := &cobra.Command{
		Use:   "learn PATH...",
		Short: "List each card's recurring payees, and add them to the config",
		Long: `Learn each card's recurring payees from the statements at PATH and print them:
payee, card, cadence, typical amount (or range), how many charges, the last
one, when the next is expected, and whether the stream is established (3
regular charges, 2 for yearly ones) or still early.

With --write, the established payees the config does not have yet are added
to its payees list (the file named by --config, or the default one, created
if need be). Everything already in the file stays as written: comments, order
and your own entries.` + exitStatus,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, res := g.loadStatements(args)
			if write && cfg == nil {
				// The config has errors (printed above): merging into it
				// could only make it worse.
				return exitError{scan.ExitError}
			}
			streams := learn.Streams(res.Charges, cfg)
			var err error
			if asJSON {
				if streams == nil {
					streams = []learn.Stream{}
				}
				err = report.WriteJSON(g.stdout, streams)
			} else {
				err = learn.WriteTable(g.stdout, streams)
			}
			if err != nil {
				return err
			}
			if write {
				if err := writeLearned(g, streams); err != nil {
					printErrors(g, []error{err})
					return exitError{scan.ExitError}
				}
			}
			if len(res.Errors) > 0 {
				return exitError{scan.ExitError}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&write, "write", false, "add the established payees to the config")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}

// loadStatements reads the config and the statements at paths, and prints
// the problems with either to stderr. cfg is nil when the config has errors.
func (g *globals) loadStatements(paths []string) (cfg *config.Config, res *scan.Result) {
	cfg, cfgErr := g.loadConfig()
	res, _ = scan.Load(scan.Registry(cfg), paths)
	if cfgErr != nil {
		res.Errors = append(config.SplitErrors(cfgErr), res.Errors...)
	}
	printErrors(g, res.Errors)
	return cfg, res
}

// writeLearned merges the streams the config lacks into the config file.
func writeLearned(g *globals, streams []learn.Stream) error {
	path := g.configPath
	if path == "" {
		path = config.DefaultPath()
	}
	if path == "" {
		return errors.New("--write: no config path (no home directory); name one with --config")
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	add := learn.ToWrite(streams)
	if len(add) == 0 {
		fmt.Fprintf(g.stderr, "%s: nothing to add\n", safetext.Terminal(path))
		return nil
	}
	out, err := learn.Merge(path, data, add, statement.DateOf(time.Now()))
	if err != nil {
		return err
	}
	if err := configedit.WriteFile(path, out); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "%s: added %d payee(s)\n", safetext.Terminal(path), len(add))
	return nil
}
