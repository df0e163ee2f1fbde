// Package learncmd is `cardcheck learn` and `cardcheck payees`: each card's
// recurring payees, to add to the config or to update when a card is
// replaced.
package learncmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/configedit"
	"github.com/cardcheck/cardcheck/pkg/learn"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Options are learn's flags and arguments.
type Options struct {
	Factory *cmdutil.Factory
	Paths   []string
	Write   bool
	JSON    bool
}

// NewCmd returns the learn command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "learn PATH...",
		Short: "List each card's recurring payees, and add them to the config",
		Long: `Learn each card's recurring payees from the statements at PATH and print them:
payee, card, cadence, typical amount (or range), how many charges, the last
one, when the next is expected, and whether the stream is established (3
regular charges, 2 for yearly ones) or still early. Streams the rules found
suspect when they happened (a new merchant charging every month that nobody
confirmed) are not learned; acknowledge them with cardcheck ack if they are
yours.

With --write, the established payees the config does not have yet are added
to its payees list (the file named by --config, or the default one, created
if need be), each as its exact payee key. Everything already in the file
stays as written: comments, order and your own entries.

Exit status: 0, or 2 when the config or an input has errors, or the config
cannot be written (the payees that could be learned are printed).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().BoolVar(&o.Write, "write", false, "add the established payees to the config")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON for scripts")
	return cmd
}

// Run learns the payees, prints them, and with --write adds them.
func Run(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	cfg, res := load(f, o.Paths)
	if o.Write && cfg == nil {
		// The config has errors (printed above): merging into it could
		// only make it worse.
		return cmdutil.ErrSilent
	}
	eng, _ := f.Rules() // problems printed by load
	streams := learn.Streams(res.Charges, cfg, eng, verdicts(f))
	var err error
	if o.JSON {
		if streams == nil {
			streams = []learn.Stream{}
		}
		err = report.WriteJSON(io.Raw, streams)
	} else {
		err = learn.WriteTable(io.Out, f.Language(), streams)
	}
	if err != nil {
		return err
	}
	problems := len(res.Errors) > 0
	if o.Write {
		if err := write(f, streams); err != nil {
			io.PrintErrors(err)
			problems = true
		}
	}
	return cmdutil.Verdict(problems, false)
}

// load reads the config and the statements, and prints the problems with
// either. cfg is nil when the config has errors.
func load(f *cmdutil.Factory, paths []string) (*config.Config, *scan.Result) {
	cfg, problems := f.ScanConfig()
	res := f.Reader().Load(paths)
	res.Errors = append(problems, res.Errors...)
	f.IO.PrintErrors(res.Errors...)
	f.IO.PrintNotes(res.Notes...)
	return cfg, res
}

// verdicts are the user's acknowledgements in the default state folder, or
// none when it cannot be read.
func verdicts(f *cmdutil.Factory) *rules.Verdicts {
	dir, err := f.StateDir("")
	if err != nil {
		return nil
	}
	st, err := state.Read(dir)
	if err != nil {
		return nil
	}
	return st.Verdicts()
}

// write merges the streams the config lacks into the config file.
func write(f *cmdutil.Factory, streams []learn.Stream) error {
	path, _ := f.ConfigPath()
	if path == "" {
		return fmt.Errorf("--write: %w", message.NewError("cli.config.no-path", nil, nil))
	}
	add := learn.ToWrite(streams)
	if len(add) == 0 {
		f.Say(f.IO.ErrOut, message.New("cli.learn.nothing", message.Args{"path": message.Text(path)}))
		return nil
	}
	err := configedit.Edit(path, func(data []byte) ([]byte, error) {
		return learn.Merge(path, data, add, statement.DateOf(f.Now()))
	})
	if err != nil {
		return err
	}
	f.Say(f.IO.ErrOut, message.New("cli.learn.added", message.Args{"path": message.Text(path), "n": message.Count(len(add))}))
	return nil
}
