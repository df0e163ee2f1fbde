// Package importcmd is `cardcheck import`: file the statements found among
// downloads into the statements folder, by card company, card and period.
package importcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/archive"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Options are import's flags and arguments.
type Options struct {
	Factory *cmdutil.Factory
	Paths   []string
	// To is the statements folder ("" for the config's, else ~/statements).
	To      string
	Verbose bool
}

// NewCmd returns the import command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "File downloaded statements into the statements folder",
		Long: `Look through PATH (files, or folders such as ~/Downloads searched for .csv
and .txt files) for card statements, recognised by their content, and copy
each into the statements folder by card company, card and period:
三井住友カード/<card>/2022-01.csv. Anything else is left alone. Files are copied
byte for byte, never moved.

Importing the same downloads again changes nothing; a newer download of the
same statement (a month downloaded again) replaces the old copy, and an
older one never replaces a newer. The statements folder is the config's
statements: (cardcheck init writes it), else ~/statements; scan with no
PATH reads it.

Exit status:
  0  done (files that are not statements are not an error)
  2  a PATH or a file could not be read, or a copy could not be written`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.To, "to", "", "statements folder (default: the config's statements:, else ~/statements)")
	cmd.Flags().BoolVarP(&o.Verbose, "verbose", "v", false, "also list the files left as they were and the ones that are not statements")
	cmdutil.CompleteDirs(cmd, "to")
	return cmd
}

// Run files the statements.
func Run(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	l, err := f.Lang("")
	if err != nil {
		return err
	}
	dir := o.To
	if dir == "" {
		dir, _ = f.StatementsDir()
	}
	if dir == "" {
		return cmdutil.FlagError("to", message.NewError("cli.import.no-home", nil, nil))
	}
	rep := archive.Import(archive.Options{Registry: f.Registry(), Dir: dir}, o.Paths)
	counts := map[archive.What]int{}
	quiet := 0
	for _, a := range rep.Actions {
		counts[a.What]++
		switch {
		case a.What == archive.Failed:
			fmt.Fprintln(io.ErrOut, message.Render(l, a.Message()))
		case o.Verbose || a.What == archive.Added || a.What == archive.Replaced || a.What == archive.KeptNewer:
			fmt.Fprintln(io.Out, message.Render(l, a.Message()))
		default:
			quiet++
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(io.Out, message.Render(l, n))
	}
	c := func(w archive.What) message.Value { return message.Count(counts[w]) }
	fmt.Fprintln(io.Out, message.Render(l, message.New("import.summary", message.Args{
		"dir": message.Text(dir), "added": c(archive.Added), "replaced": c(archive.Replaced), "unchanged": c(archive.Unchanged),
		"kept": c(archive.KeptNewer), "ignored": c(archive.Ignored), "failed": c(archive.Failed)})))
	if quiet > 0 && counts[archive.Ignored] > 0 {
		fmt.Fprintln(io.Out, message.Render(l, message.New("import.verbose-hint", nil)))
	}
	return cmdutil.Verdict(rep.Failed(), false)
}
