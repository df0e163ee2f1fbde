// Package ackcmd is `cardcheck ack`: the user's verdict on findings, theirs
// (the default) or not theirs (--fraud).
package ackcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/cli/scancmd"
	"github.com/cardcheck/cardcheck/pkg/issuer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/rules"
)

// Options are the command's flags and arguments.
type Options struct {
	Factory  *cmdutil.Factory
	IDs      []string
	Note     string
	StateDir string
	// From are the statements to look an id up in that the state does not
	// know (none: the statements folder).
	From []string
	// Fraud records the findings as not the user's: reported as fraud.
	Fraud bool
	Lang  string
}

// NewCmd returns the ack command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "ack ID...",
		Short: "Mark findings as yours (or, with --fraud, as not yours), so they no longer fail a scan or appear in mail",
		Long: `Mark the findings with these ids (as scan prints them) as reviewed: later
scans leave them out of the report, the exit code and the mail. The state
folder remembers them (--state, default $XDG_STATE_HOME/cardcheck).

The verdict teaches the rules. By default the findings' charges are yours:
they count as normal from then on (a new subscription acknowledged once is a
known payee the next month). With --fraud they are not yours: they never
count as normal, every later charge from their payees is an alert on any
card, and ack says whom to call: the card company's loss and theft desk.

An id must be a finding: one a mail run (scan --mail) recorded in the state
folder, or one that scan finds now in the statements folder (the config's
statements:, else ~/statements; --from PATH for statements kept elsewhere,
as given to scan PATH). An id that is neither is an error: nothing is
recorded, and ack lists the open findings (id, date, payee, amount).

A finding's id stays the same across runs and re-downloads of the statement;
if more charges join a finding (a burst grows), it gets a new id and is
reported again.

Exit status: 0, or 2 when an id is malformed or no finding, or the state
cannot be read or written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.IDs = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Note, "note", "", "why the findings are fine, or what happened (kept in the state)")
	cmd.Flags().BoolVar(&o.Fraud, "fraud", false, "the charges are not yours: report them as fraud")
	cmd.Flags().StringVar(&o.Lang, "lang", "", "language of the advice after --fraud: ja or en (default from the locale)")
	cmd.Flags().StringVar(&o.StateDir, "state", "", "state folder (default $XDG_STATE_HOME/cardcheck)")
	cmd.Flags().StringArrayVar(&o.From, "from", nil, "look ids the state does not know up in what scan finds in this PATH (repeatable; default the statements folder)")
	return cmd
}

// Run acknowledges the findings.
func Run(o *Options) error {
	if o.Lang != "" {
		// ack's own --lang (it hides the root's) is the language of all it
		// says, its errors included.
		o.Factory.LangFlag = o.Lang
	}
	dir, err := o.Factory.StateDir(o.StateDir)
	if err != nil {
		return err
	}
	l, err := o.Factory.Lang("")
	if o.Fraud && err != nil {
		return err
	} else if err != nil {
		l = o.Factory.Language()
	}
	v := state.Verdict{IDs: o.IDs, Note: o.Note, NotMine: o.Fraud, At: o.Factory.Now(),
		Current: func() ([]rules.Finding, error) { return scancmd.Current(o.Factory, dir, o.From) }}
	lines, err := v.Record(dir)
	if err != nil {
		return err
	}
	for _, line := range lines {
		fmt.Fprintln(o.Factory.IO.Out, message.Render(l, line))
	}
	if !o.Fraud {
		return nil
	}
	// Whom to call, once per card company of the reported findings.
	st, err := state.Read(dir)
	if err != nil {
		return err
	}
	said := map[string]bool{}
	for _, id := range o.IDs {
		e := st.Findings[id]
		name := ""
		if e != nil {
			name = e.Issuer
		}
		if said[name] {
			continue
		}
		said[name] = true
		for _, line := range issuer.Next(name).Lines(l) {
			fmt.Fprintln(o.Factory.IO.Out, line)
		}
	}
	return nil
}
