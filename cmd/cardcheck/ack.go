package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/state"
)

func newAckCmd(g *globals) *cobra.Command {
	var note, dir string
	cmd := &cobra.Command{
		Use:   "ack ID...",
		Short: "Mark findings as reviewed, so they no longer fail a scan or appear in mail",
		Long: `Mark the findings with these ids (as scan prints them) as reviewed: later
scans leave them out of the report, the exit code and the mail. The state
folder remembers them (--state, default $XDG_STATE_HOME/cardcheck).

A finding's id stays the same across runs and re-downloads of the statement;
if more charges join a finding (a burst grows), it gets a new id and is
reported again.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				dir = state.DefaultDir()
			}
			lines, err := state.Acknowledge(dir, args, note, time.Now())
			if err != nil {
				return err
			}
			for _, l := range lines {
				fmt.Fprintln(g.stdout, safetext.Terminal(l))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "why the findings are fine (kept in the state)")
	cmd.Flags().StringVar(&dir, "state", "", "state folder (default $XDG_STATE_HOME/cardcheck)")
	return cmd
}
