// Package initcmd is `cardcheck init`: ask where statements go, the
// language and the mail settings (or take them as flags), write the config
// and the password file, send a test mail, and print the schedule to add.
package initcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/mailcheck"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/setup"
)

// Options are init's flags.
type Options struct {
	Factory *cmdutil.Factory
	// Setup holds the answers given as flags; Given says which were.
	Setup         setup.Options
	Given         setup.Answered
	Downloads     string
	PasswordStdin bool
	NoInput       bool
	SkipTest      bool
	// Binary is the cardcheck the schedule runs (this one).
	Binary string
}

const exitStatus = `
Exit status:
  0  the config is written and the test mail was sent
  2  an answer cannot be used (nothing is written), or the test mail
     failed (the config is written: fix it and run cardcheck mail test)`

// NewCmd returns the init command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Set cardcheck up: where statements go, the language, and mail",
		Long: `Ask where your statements go, the language, and how to send mail (Gmail,
iCloud Mail, Yahoo!メール or your own server), then write the config and
the SMTP password (in a file only you can read), send a test mail, and
print the cron lines and systemd timer that run the routine. It installs
nothing by itself.

Every answer can be given as a flag instead, for scripts; with --no-input
nothing is asked. The password comes from --password-stdin (the first line
of the input), --password-env (a variable the scheduled job will have) or
--password-file (an existing file).
` + exitStatus,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fl := cmd.Flags()
			o.Given = func(name string) bool {
				switch name {
				case "password":
					return o.PasswordStdin || fl.Changed("password-env") || fl.Changed("password-file")
				case "lang":
					return cmd.Root().PersistentFlags().Changed("lang")
				}
				return fl.Changed(name)
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	fl := cmd.Flags()
	s := &o.Setup
	fl.StringVar(&s.Statements, "statements", "~/statements", "folder to keep statements in: import files them there, scan reads it")
	fl.StringVar(&o.Downloads, "downloads", "~/Downloads", "folder statements are downloaded to, for the schedule")
	fl.StringVar(&s.Provider, "provider", "", "mail service: gmail, icloud, yahoo-jp, outlook or custom")
	fl.StringVar(&s.Host, "host", "", "SMTP server (custom), or instead of the provider's")
	fl.IntVar(&s.Port, "port", 0, "SMTP port (default: the provider's, or 587 for starttls, 465 for implicit)")
	fl.StringVar(&s.TLS, "tls", "", "starttls, implicit, or none (a relay on this machine only)")
	fl.StringVar(&s.From, "from", "", "your mail address: the alerts are sent from it")
	fl.StringSliceVar(&s.To, "to", nil, "where alerts go (default: --from); repeat or separate with commas")
	fl.StringVar(&s.User, "user", "", "SMTP login (default: --from's address)")
	fl.BoolVar(&o.PasswordStdin, "password-stdin", false, "read the SMTP password from the first line of the input")
	fl.StringVar(&s.PasswordEnv, "password-env", "", "take the password from this environment variable when sending")
	fl.StringVar(&s.PasswordFile, "password-file", "", "take the password from this file (mode 600) when sending")
	fl.StringVar(&s.CAFile, "ca-file", "", "a certificate to trust for a server with a private one")
	fl.BoolVar(&s.Force, "force", false, "replace a config that has mail settings (the old one is kept as .bak)")
	fl.BoolVar(&o.NoInput, "no-input", false, "ask nothing: use the flags and the defaults")
	fl.BoolVar(&o.SkipTest, "skip-mail-test", false, "do not send the test mail")
	cmdutil.CompleteValues(cmd, "provider", "gmail", "icloud", "yahoo-jp", "outlook", "custom")
	cmdutil.CompleteValues(cmd, "tls", "starttls", "implicit", "none")
	cmdutil.CompleteDirs(cmd, "statements", "downloads")
	return cmd
}

// Run asks what the flags did not give, writes the config, tests the mail
// and prints the schedule.
func Run(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	l, err := f.Lang("")
	if err != nil {
		return err
	}
	s := o.Setup
	s.ConfigPath, _ = f.ConfigPath()
	s.Lang = l
	s.Now = f.Now()
	downloads := o.Downloads
	given := o.Given
	if given == nil {
		given = func(string) bool { return false }
	}
	p := setup.NewPrompter(io.In, io.Out, l)
	if o.PasswordStdin {
		pw, err := p.Secret(message.Message{})
		if err != nil {
			return cmdutil.Say(message.New("init.password-stdin", nil))
		}
		s.Password = pw
	}
	if !o.NoInput {
		p.ReadSecret = secretReader(io.In)
		if err := setup.Interview(p, &s, &downloads, given); err != nil {
			if errors.Is(err, setup.ErrNoAnswer) {
				return cmdutil.Say(message.New("init.no-answer", message.Args{"flags": message.Text("--provider, --from, --password-stdin…")}))
			}
			return err
		}
		l = p.Lang
	}
	s.Statements = tilde(s.Statements, f.Getenv("HOME"))
	res, err := setup.Write(s)
	var serr *setup.Error
	if errors.As(err, &serr) {
		fmt.Fprintln(io.ErrOut, serr.In(l))
		return cmdutil.ErrSilent
	}
	if err != nil {
		return err
	}
	say := func(key string, args message.Args) { fmt.Fprintln(io.Out, message.Render(l, message.New(key, args))) }
	text := message.Text
	switch {
	case res.Backup != "":
		say("init.replaced", message.Args{"path": text(res.ConfigPath), "backup": text(res.Backup)})
	case res.Appended:
		say("init.appended", message.Args{"path": text(res.ConfigPath)})
	default:
		say("init.wrote", message.Args{"path": text(res.ConfigPath)})
	}
	if res.PasswordPath != "" {
		say("init.password", message.Args{"path": text(res.PasswordPath)})
	}
	failed := false
	if !o.SkipTest {
		m := res.Config.Mail
		to := strings.Join(m.To, ", ")
		say("init.testing", message.Args{"to": text(to), "addr": text(m.Addr())})
		err := mailcheck.Send(context.Background(), mailcheck.Options{Config: res.Config, Lang: l, Getenv: f.Getenv, Now: f.Now()})
		var prob *mailcheck.Problem
		switch {
		case errors.As(err, &prob):
			fmt.Fprintln(io.ErrOut, prob.In(l))
			fmt.Fprintln(io.ErrOut, message.Render(l, message.New("init.test-fail", nil)))
			failed = true
		case err != nil:
			return err
		default:
			say("mail.sent", message.Args{"to": text(to), "addr": text(m.Addr())})
		}
	}
	home := f.Getenv("HOME")
	sched := setup.Schedule{Binary: o.binary(), Downloads: expand(downloads, home), Home: home}
	if path, explicit := f.ConfigPath(); explicit {
		sched.Config, _ = filepath.Abs(path)
	}
	fmt.Fprintln(io.Out)
	say("init.next", nil)
	say("init.next.import", message.Args{"downloads": text(downloads)})
	say("init.next.scan", nil)
	say("init.next.cron", nil)
	fmt.Fprintln(io.Out)
	fmt.Fprint(io.Out, sched.Crontab(l))
	fmt.Fprintln(io.Out)
	say("init.next.systemd", nil)
	for _, u := range sched.Units(l) {
		fmt.Fprintf(io.Out, "\n~/.config/systemd/user/%s:\n%s", u.Name, u.Text)
	}
	if failed {
		return cmdutil.ErrSilent
	}
	return nil
}

// binary is the cardcheck the schedule runs: this executable, with links
// resolved (go run's temporary build is no use to cron, but is all there is).
func (o *Options) binary() string {
	if o.Binary != "" {
		return o.Binary
	}
	exe, err := os.Executable()
	if err != nil {
		return "cardcheck"
	}
	if p, err := filepath.EvalSymlinks(exe); err == nil {
		exe = p
	}
	return exe
}

// tilde writes a path under home as "~/…", the way the config reads best
// (the config expands it).
func tilde(p, home string) string {
	if home == "" || !filepath.IsAbs(p) {
		return p
	}
	if rel, err := filepath.Rel(home, p); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") {
		return "~/" + filepath.ToSlash(rel)
	}
	return p
}

// expand makes "~/…" absolute, for the schedule.
func expand(p, home string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok && home != "" {
		return filepath.Join(home, rest)
	}
	if p == "~" && home != "" {
		return home
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// secretReader reads a password without echo when in is a terminal.
func secretReader(in io.Reader) func() (string, error) {
	return func() (string, error) {
		f, ok := in.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) {
			return "", errors.ErrUnsupported
		}
		b, err := term.ReadPassword(int(f.Fd()))
		return strings.TrimRight(string(b), "\r\n"), err
	}
}
