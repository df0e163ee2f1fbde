// Package mailcmd is `cardcheck mail test`: send one test mail through the
// config's mail: section, the way scan --mail sends, and say in plain words
// what to fix when it fails.
package mailcmd

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/mailcheck"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Options are mail test's flags.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmd returns the mail command and its test subcommand; runF replaces
// [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "mail",
		Short: "Check the mail settings",
		Args:  cobra.NoArgs,
	}
	o := &Options{Factory: f}
	test := &cobra.Command{
		Use:   "test",
		Short: "Send a test mail, and say what to fix if it fails",
		Long: `Send one test mail to the config's mail: recipients through its server,
the way scan --mail sends alerts. When it fails, say what happened and what
to change, in plain words: a wrong server name or port, TLS settings the
server does not speak, an untrusted certificate, a refused login, a refused
sender or recipient.

Exit status:
  0  the server accepted the mail
  2  it did not (the reason is on stderr), or the config cannot be read`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.AddCommand(test)
	return cmd
}

// Run sends the test mail.
func Run(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	l, err := f.Lang("")
	if err != nil {
		return err
	}
	cfg, err := f.Config()
	if err != nil {
		io.PrintErrors(config.SplitErrors(err)...)
		return cmdutil.ErrSilent
	}
	if cfg.Path == "" {
		// No config file at all: name the file init would write.
		path, _ := f.ConfigPath()
		cfg = &config.Config{Path: path}
	}
	err = mailcheck.Send(context.Background(), mailcheck.Options{Config: cfg, Lang: l, Getenv: f.Getenv, Now: f.Now()})
	var p *mailcheck.Problem
	if errors.As(err, &p) {
		fmt.Fprintln(io.ErrOut, p.In(l))
		return cmdutil.ErrSilent
	}
	if err != nil {
		return err
	}
	m := cfg.Mail
	fmt.Fprintln(io.Out, message.Render(l, message.New("mail.sent", message.Args{
		"to": message.Text(strings.Join(m.To, ", ")), "addr": message.Text(m.Addr())})))
	return nil
}
