// Package watchcmd is `cardcheck watch`: read the card companies' usage
// notices from the mailbox as they arrive, check each with the statements
// and the notices before it, and mail the new findings at once.
package watchcmd

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/imapwatch"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/mailbox"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/all"
	"github.com/cardcheck/cardcheck/pkg/notice/store"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/session"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Options are watch's flags and arguments.
type Options struct {
	Factory *cmdutil.Factory
	// Paths are the statements to check the notices with; none means the
	// statements folder.
	Paths    []string
	FailOn   string
	StateDir string
	// Context ends the watch; nil means until SIGINT or SIGTERM.
	Context context.Context
}

// NewCmd returns the watch command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "watch [PATH...]",
		Short: "Check usage-notice mails as they arrive and mail new findings at once",
		Long: `Read the card companies' usage-notice mails from the mailbox of the config's
imap: section as they arrive (IDLE where the server offers it, else a poll
every minute), check each with the statements at PATH (none: the statements
folder) and the notices read before, and mail the findings not reported
before (config mail: section), each once, as scan --mail does.

The mailbox is only read (EXAMINE, BODY.PEEK: not even \Seen changes), over
TLS only. The state folder keeps the position in the mailbox and the
authentic notices (never other mail). Phishing imitations of a notice and
notices that cannot be read are printed when they come. After a failure (a
dropped connection, a refused login, a mail that could not be sent) the
watch connects again after 1 s, 2 s, 4 s … at most 5 minutes, and the mail
not yet checked comes again. It runs until stopped (SIGINT, SIGTERM); a
systemd user unit for it is in docs/notices.md.

Exit status:
  0  stopped
  2  usage or config errors (no imap: or mail: section, no password)`,
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
	fl.StringVar(&o.FailOn, "fail-on", "warning", "lowest severity mailed: info, warning or alert")
	fl.StringVar(&o.StateDir, "state", "", "state folder: what was reported and acknowledged, the mailbox position, the notices read (default $XDG_STATE_HOME/cardcheck)")
	cmdutil.CompleteValues(cmd, "fail-on", "info", "warning", "alert")
	cmdutil.CompleteDirs(cmd, "state")
	return cmd
}

// Run watches until o.Context ends.
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
	stateDir, err := f.StateDir(o.StateDir)
	if err != nil {
		return err
	}
	cfg, problems := f.ScanConfig()
	if len(problems) > 0 {
		io.PrintErrors(problems...)
		return cmdutil.ErrSilent
	}
	if cfg == nil || cfg.Mail == nil {
		return message.NewError("cli.mail.no-section", message.Args{"flag": message.Text("watch")}, session.ErrNoMailConfig)
	}
	imapCfg, err := f.IMAP(stateDir)
	if err != nil {
		return err
	}
	paths := o.Paths
	if len(paths) == 0 {
		dir, _ := f.StatementsDir()
		paths = []string{dir}
	}
	w := &watcher{f: f, lang: l, failOn: failOn, stateDir: stateDir, paths: paths, kept: f.Kept(stateDir), reader: f.Reader()}
	w.reader.Kept = w.kept
	ctx := o.Context
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	w.say(message.New("watch.start", message.Args{"mailbox": message.Text(fmt.Sprintf("imap://%s@%s/%s", imapCfg.User, imapCfg.Addr, mailboxName(imapCfg.Mailbox)))}))
	err = imapwatch.Watch(ctx, imapCfg, w.pass, func(err error) { w.logError(err) })
	if ctx.Err() != nil {
		w.say(message.New("watch.stop", nil))
		return nil
	}
	return err
}

func mailboxName(m string) string {
	if m == "" {
		return "INBOX"
	}
	return m
}

// watcher is one watch: what each pass needs.
type watcher struct {
	f        *cmdutil.Factory
	lang     lang.Lang
	failOn   severity.Severity
	stateDir string
	paths    []string
	kept     *store.Store
	reader   *scan.Reader
}

// pass keeps the notices of new mail and, when there are any (or
// imitations, or unreadable notices), checks and mails. An error makes the
// same mail come again after the backoff.
func (w *watcher) pass(ctx context.Context, mails []imapwatch.Mail) error {
	msgs := make([]mailbox.Message, len(mails))
	for i := range mails {
		msgs[i] = mails[i].Message
	}
	fetched, err := w.kept.Keep(all.Registry(), w.reader.Verifier, msgs)
	if err != nil {
		return err
	}
	if fetched.Kept == 0 && len(fetched.Others) == 0 {
		return nil // no usage notice among them
	}
	return w.check(ctx, fetched.Others)
}

// check runs the scan over the statements and every notice kept, with the
// pass's imitations and unreadable notices, and mails what is new.
func (w *watcher) check(ctx context.Context, others []notice.Result) error {
	f, io := w.f, w.f.IO
	eng, _ := f.Rules()
	cfg, _ := f.ScanConfig()
	opt := scan.Options{Config: cfg, Engine: eng}
	if st, err := state.Read(w.stateDir); err == nil {
		opt.Verdicts = st.Verdicts()
	}
	res := w.reader.LoadWith(w.paths, others)
	scan.Check(res, opt)
	io.PrintErrors(res.Errors...)
	for _, im := range res.Notices.Imitations {
		w.say(report.ImitationLine(im))
	}
	sess, err := session.Start(res, session.Options{StateDir: w.stateDir, Mail: true, Lang: w.lang, FailOn: w.failOn,
		MailConfig: cfg.Mail, Now: f.Now})
	if err != nil {
		return err
	}
	defer sess.Close()
	outcome, err := sess.Finish(ctx)
	if err != nil {
		return err
	}
	line := outcome.Line(w.lang)
	now := f.Now()
	for _, fd := range outcome.New {
		if c := newestNotified(fd.Charges); c != nil && !fd.CardLevel {
			line += " " + message.Render(w.lang, message.New("watch.after", message.Args{
				"id": message.Text(fd.ID), "at": message.Clock(c.Notice.Time), "after": message.Span(now.Sub(c.Notice.Time))}))
		}
	}
	w.log(line)
	return nil
}

// newestNotified is the last charge of cs with a notice's time of day.
func newestNotified(cs []*statement.Charge) *statement.Charge {
	var out *statement.Charge
	for _, c := range cs {
		if c.Notice != nil && !c.Notice.Time.IsZero() && (out == nil || c.Notice.Time.After(out.Notice.Time)) {
			out = c
		}
	}
	return out
}

func (w *watcher) say(m message.Message) { w.log(message.Render(w.lang, m)) }

// log writes a line to the output with the time, as a journal shows it.
func (w *watcher) log(line string) {
	fmt.Fprintf(w.f.IO.Out, "%s %s\n", w.f.Now().Format(time.DateTime), line)
}

// logError writes err to the error output with the time, in the user's
// language.
func (w *watcher) logError(err error) {
	fmt.Fprintf(w.f.IO.ErrOut, "%s %s\n", w.f.Now().Format(time.DateTime), message.ErrorIn(w.lang, err))
}
