// Package ackcmd is `cardcheck ack`: mark findings as reviewed.
package ackcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/state"
)

// Options are the command's flags and arguments.
type Options struct {
	Factory  *cmdutil.Factory
	IDs      []string
	Note     string
	StateDir string
}

// NewCmd returns the ack command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "ack ID...",
		Short: "Mark findings as reviewed, so they no longer fail a scan or appear in mail",
		Long: `Mark the findings with these ids (as scan prints them) as reviewed: later
scans leave them out of the report, the exit code and the mail. The state
folder remembers them (--state, default $XDG_STATE_HOME/cardcheck).

A finding's id stays the same across runs and re-downloads of the statement;
if more charges join a finding (a burst grows), it gets a new id and is
reported again.

Exit status: 0, or 2 when an id is malformed or the state cannot be read or
written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.IDs = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Note, "note", "", "why the findings are fine (kept in the state)")
	cmd.Flags().StringVar(&o.StateDir, "state", "", "state folder (default $XDG_STATE_HOME/cardcheck)")
	return cmd
}

// Run acknowledges the findings.
func Run(o *Options) error {
	dir, err := o.Factory.StateDir(o.StateDir)
	if err != nil {
		return err
	}
	lines, err := state.Acknowledge(dir, o.IDs, o.Note, o.Factory.Now())
	if err != nil {
		return err
	}
	for _, l := range lines {
		fmt.Fprintln(o.Factory.IO.Out, l)
	}
	return nil
}
