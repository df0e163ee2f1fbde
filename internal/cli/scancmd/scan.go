// Package scancmd is `cardcheck scan`: check statements, print the
// findings, and with --mail mail the new ones once.
package scancmd

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/imapwatch"
	"github.com/cardcheck/cardcheck/pkg/mailbox"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice"
	noticeall "github.com/cardcheck/cardcheck/pkg/notice/all"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/session"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Options are scan's flags and arguments.
type Options struct {
	Factory *cmdutil.Factory
	Paths   []string

	JSON, CSV  bool
	Since      string
	All        bool
	FailOn     string
	Mail       bool
	MailAlways bool
	StateDir   string
	// StaleAfter is --stale-after ("" when not given).
	StaleAfter string
	// IMAP reads the new mail of the config's imap: mailbox first.
	IMAP bool
}

const exitStatus = `
Exit status:
  0  checked; nothing open at or above --fail-on (default warning)
  1  findings at or above --fail-on that are not acknowledged
  2  usage, config or input errors, an unreadable or locked state, or a
     mail that could not be sent; the findings from the readable input are
     still printed`

// NewCmd returns the scan command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Check statements and report suspicious charges",
		Long: `Check the statements at PATH (files, directories searched for *.csv, or -
for the standard input) and report suspicious charges with the reason for
each. With no PATH, check the statements folder (the config's statements:,
where cardcheck import files them; else ~/statements).

A run that watches (no PATH, or --mail) also warns about each card whose
newest confirmed statement ends more than 45 days ago (stale_after in the
config, or --stale-after): the charges since then are not checked. A run
that reads no charges says so and exits 2; it never reports "no suspicious
charges" nor mails an all-clear.

By default each card's last 35 days up to its newest charge are checked and
everything earlier is history; --since and --all change that.

The usage-notice mails given as PATH (.eml, maildir, mbox) are checked with
the statements, and so are the notices kept in the state folder. With
--imap, the new mail of the config's imap: mailbox is read first, once (for
cron; cardcheck watch reads it as it arrives): its notices are kept, and its
phishing imitations and unreadable notices reported.

Findings acknowledged with cardcheck ack are left out. With --mail, the
findings not reported before are mailed (config mail: section) and the state
folder remembers them, so each is mailed once; nothing is sent when nothing
is new. If the mail cannot be sent, the exit code is 2 and the next run sends
them again.
` + exitStatus,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&o.JSON, "json", false, "print JSON for scripts")
	fl.BoolVar(&o.CSV, "csv", false, "print CSV, one suspect charge a row, safe to open in a spreadsheet")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	fl.StringVar(&o.Since, "since", "", "check charges from this date (YYYY-MM-DD) on")
	fl.BoolVar(&o.All, "all", false, "check every charge, with no history window")
	fl.StringVar(&o.FailOn, "fail-on", "warning", "lowest severity that makes the exit code 1: info, warning or alert")
	fl.BoolVar(&o.Mail, "mail", false, "mail the findings not reported before (config mail: section), at or above --fail-on")
	fl.BoolVar(&o.IMAP, "imap", false, "read the new mail of the config's imap: mailbox first (once, for cron)")
	fl.BoolVar(&o.MailAlways, "mail-always", false, "with --mail: send a short all-clear when there is nothing new")
	fl.StringVar(&o.StateDir, "state", "", "state folder: what was reported and acknowledged (default $XDG_STATE_HOME/cardcheck)")
	fl.StringVar(&o.StaleAfter, "stale-after", "", "warn about a card with no confirmed statement for this long: 45d, 6w, or off (default: the config's stale_after, on runs that watch)")
	cmdutil.CompleteValues(cmd, "fail-on", "info", "warning", "alert")
	cmdutil.CompleteValues(cmd, "stale-after", "30d", "45d", "60d", "off")
	cmdutil.CompleteDirs(cmd, "state")
	return cmd
}

// Run checks the statements and prints the findings; see the command's
// help for the exit status.
func Run(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	failOn, err := severity.Parse(o.FailOn)
	if err != nil {
		return cmdutil.FlagError("fail-on", err)
	}
	l, err := f.Lang("")
	if err != nil {
		return err
	}
	in, err := o.inputs()
	if err != nil {
		return err
	}
	opt, paths, stateDir, problems := in.opt, in.paths, in.stateDir, in.problems
	cfg := opt.Config
	reader := f.Reader()
	reader.Kept = f.Kept(stateDir)
	var fetched []notice.Result
	var fetchErr error
	if o.IMAP {
		fetched, fetchErr = fetch(f, reader, stateDir)
	}
	res := reader.LoadWith(paths, fetched)
	scan.Check(res, opt)
	res.Errors = append(problems, res.Errors...)
	if fetchErr != nil {
		res.Errors = append(res.Errors, fetchErr)
	}
	io.PrintErrors(res.Errors...)
	io.PrintErrors(res.Warnings...)
	io.PrintNotes(res.Notes...)

	// The state hides acknowledged findings and, with --mail, says which
	// are new.
	mail := o.Mail || o.MailAlways
	sopt := session.Options{StateDir: stateDir, Mail: mail, MailAlways: o.MailAlways, Lang: l, FailOn: failOn}
	if cfg != nil {
		sopt.MailConfig = cfg.Mail
	}
	view := state.View{Active: res.Findings}
	sess, stateErr := session.Start(res, sopt)
	if errors.Is(stateErr, session.ErrNoMailConfig) && cfg == nil {
		stateErr = message.NewError("cli.mail.no-config", nil, stateErr)
	} else if errors.Is(stateErr, session.ErrNoMailConfig) {
		stateErr = message.NewError("cli.mail.no-section", message.Args{"flag": message.Text("--mail")}, stateErr)
	}
	if stateErr != nil {
		io.PrintErrors(stateErr)
	} else {
		defer sess.Close()
		view = sess.View
	}
	switch {
	case o.JSON:
		err = report.WriteJSON(io.Raw, report.ScanJSON(res, view.Active))
	case o.CSV:
		err = report.FindingsCSV(io.Raw, view.Active)
	default:
		err = report.TextWith(io.Out, res, view.Active, report.TextOptions{Lang: l, Acknowledged: len(view.Acked), Withdrawn: view.Withdrawn})
	}
	if err != nil {
		return err
	}
	problem := len(res.Errors) > 0 || stateErr != nil
	if stateErr == nil {
		outcome, err := sess.Finish(context.Background())
		switch {
		case err != nil:
			io.PrintErrors(err)
			problem = true
		case mail && !o.JSON && !o.CSV:
			io.Out.Write([]byte(outcome.Line(l) + "\n"))
		}
	}
	return cmdutil.Verdict(problem, atLeast(view.Active, failOn))
}

// fetch reads the new mail of the config's mailbox once and keeps its
// notices; it returns the imitations and unreadable notices to report.
func fetch(f *cmdutil.Factory, reader *scan.Reader, stateDir string) ([]notice.Result, error) {
	cfg, err := f.IMAP(stateDir)
	if err != nil {
		return nil, fmt.Errorf("--imap: %w", err)
	}
	kept := reader.Kept
	var others []notice.Result
	err = imapwatch.Pass(context.Background(), cfg, func(_ context.Context, mails []imapwatch.Mail) error {
		msgs := make([]mailbox.Message, len(mails))
		for i := range mails {
			msgs[i] = mails[i].Message
		}
		fetched, err := kept.Keep(noticeall.Registry(), reader.Verifier, msgs)
		others = append(others, fetched.Others...)
		return err
	})
	return others, err
}

// inputs are what a scan reads and how it checks it.
type inputs struct {
	opt      scan.Options
	paths    []string
	stateDir string
	// problems are the config's and the rules' (see [cmdutil.Factory.Rules]).
	problems []error
}

// inputs works out from the flags what to read and how to check it; the
// error is a flag or a state folder that cannot be used, or no PATH and no
// statements folder.
func (o *Options) inputs() (inputs, error) {
	f := o.Factory
	var in inputs
	var err error
	in.opt.All = o.All
	if o.Since != "" {
		if in.opt.Since, err = statement.ParseDate(o.Since); err != nil {
			return in, cmdutil.FlagError("since", err)
		}
	}
	if in.stateDir, err = f.StateDir(o.StateDir); err != nil {
		return in, err
	}
	in.opt.Engine, in.problems = f.Rules()
	in.opt.Config, _ = f.ScanConfig()
	// The user's verdicts teach the rules. A state that cannot be read
	// is reported by the session (scan) or the verdict (ack).
	if st, err := state.Read(in.stateDir); err == nil {
		in.opt.Verdicts = st.Verdicts()
	}
	in.paths = o.Paths
	watching := len(in.paths) == 0 || o.Mail || o.MailAlways
	if len(in.paths) == 0 {
		dir, _ := f.StatementsDir()
		if info, err := os.Stat(dir); dir == "" || err != nil || !info.IsDir() {
			return in, cmdutil.Say(message.New("scan.no-statements", message.Args{"dir": message.Text(dir)}))
		}
		in.paths = []string{dir}
	}
	if o.StaleAfter != "" || watching {
		in.opt.StaleAfter = in.opt.Config.StaleDays()
		if o.StaleAfter != "" {
			if in.opt.StaleAfter, err = config.ParseStaleAfter(o.StaleAfter); err != nil {
				return in, cmdutil.FlagError("stale-after", err)
			}
		}
		in.opt.Today = statement.DateOf(f.Now())
	}
	return in, nil
}

// Current returns the findings that scan PATH... with no flags finds now
// (no paths: the statements folder), with the notices kept in the state
// folder stateDir ("" for the default), acknowledged ones included:
// cardcheck ack looks there for an id the state does not know. The error
// says why there was nothing to look in.
func Current(f *cmdutil.Factory, stateDir string, paths []string) ([]rules.Finding, error) {
	in, err := (&Options{Factory: f, StateDir: stateDir, Paths: paths}).inputs()
	if err != nil {
		return nil, err
	}
	reader := f.Reader()
	reader.Kept = f.Kept(in.stateDir)
	res := reader.LoadWith(in.paths, nil)
	scan.Check(res, in.opt)
	return res.Findings, nil
}

func atLeast(fs []rules.Finding, sev severity.Severity) bool {
	for _, f := range fs {
		if f.Severity >= sev {
			return true
		}
	}
	return false
}
