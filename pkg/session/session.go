// Package session is one cron run of cardcheck seen through its state: read
// (and, to mail, lock) the state, classify the scan's findings as new,
// reported or acknowledged, mail what is new, and record what was mailed.
// The commands that mail findings (scan --mail, and the watch of usage-notice
// mails) share it; the mail itself is package notify's.
package session

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/rules"
)

// Options configure a [Session].
type Options struct {
	// StateDir is the state folder ("" for none: nothing is remembered).
	StateDir string
	// Mail sends the new findings and advances the state.
	Mail bool
	// MailAlways sends a short all-clear when there is nothing new.
	MailAlways bool
	Lang       lang.Lang
	// FailOn is the lowest severity mailed.
	FailOn severity.Severity
	// MailConfig is where mail goes (the config's mail: section).
	MailConfig *config.Mail
	// Sender delivers the mail; nil means SMTP as MailConfig says.
	Sender notify.Sender
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// ErrNoMailConfig is returned by [Start] when mail is asked for and the
// config says nowhere to send it.
var ErrNoMailConfig = errors.New("the config has no mail: section, so there is nowhere to send to")

// Session is one scan seen through the state: [Start] reads the state and
// classifies the findings, [Session.Finish] mails what is new and records
// it, [Session.Close] releases the state's lock.
type Session struct {
	opt   Options
	res   *scan.Result
	store *state.Store
	st    *state.State
	// View is the scan's findings through the state: Active decides the
	// report and the exit code.
	View state.View
}

// Start reads the state for the scan res. With Mail, the state folder is
// created if need be and locked until Close, so that overlapping runs take
// turns; without, the state is only read (a missing one is empty).
func Start(res *scan.Result, opt Options) (*Session, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Session{opt: opt, res: res}
	if opt.Mail {
		if opt.MailConfig == nil {
			return nil, ErrNoMailConfig
		}
		if opt.Sender == nil {
			s.opt.Sender = &notify.SMTP{Config: opt.MailConfig}
		}
		store, err := state.Open(opt.StateDir)
		if err != nil {
			return nil, err
		}
		st, err := store.Load()
		if err != nil {
			store.Close()
			return nil, err
		}
		s.store, s.st = store, st
	} else {
		s.st = state.New()
		if opt.StateDir != "" {
			st, err := state.Read(opt.StateDir)
			if err != nil {
				return nil, err
			}
			s.st = st
		}
	}
	s.View = s.st.Classify(Input(res))
	return s, nil
}

// Input is what the state needs of a scan.
func Input(res *scan.Result) state.Scan {
	in := state.Scan{Findings: res.Findings, Charges: res.Charges, Complete: len(res.Errors) == 0}
	for _, f := range res.Files {
		in.Statements = append(in.Statements, f.Stmt)
	}
	return in
}

// Close releases the state's lock.
func (s *Session) Close() error {
	if s == nil {
		return nil
	}
	return s.store.Close()
}

// Digest returns what a mail would say now.
func (s *Session) Digest() notify.Digest {
	d := notify.Digest{Lang: s.opt.Lang, Withdrawn: s.View.Withdrawn, Checked: s.res.Checked, Cards: len(s.res.Cards), Errors: s.res.Errors}
	for _, im := range s.res.Notices.Imitations {
		if im.Fresh { // just come from the mailbox: said once, now
			d.Imitations = append(d.Imitations, im)
		}
	}
	isNew := map[string]bool{}
	for _, f := range s.View.New {
		isNew[f.ID] = true
		if f.Severity >= s.opt.FailOn {
			d.New = append(d.New, f)
		}
	}
	for _, f := range s.View.Active {
		if !isNew[f.ID] && f.Severity >= s.opt.FailOn {
			d.Open++
		}
	}
	return d
}

// Outcome is what [Session.Finish] did.
type Outcome struct {
	// Mailed is true when a mail was sent, to To.
	Mailed bool
	To     []string
	// New and Withdrawn are what the mail reported (none: an all-clear).
	New       []rules.Finding
	Withdrawn int
}

// Line says the outcome in l: "Mailed 5 suspicious charges to a@b.c.",
// "Nothing new to mail."
func (o Outcome) Line(l lang.Lang) string {
	return notify.Outcome(l, o.Mailed, o.New, o.Withdrawn, o.To)
}

// Finish sends the mail, when there is something new (or always, with
// MailAlways), and then records in the state what was mailed. When the mail
// cannot be sent the state is left as it was, so the next run tries again.
// Without Mail it does nothing.
func (s *Session) Finish(ctx context.Context) (Outcome, error) {
	var o Outcome
	if !s.opt.Mail {
		return o, nil
	}
	d := s.Digest()
	if !d.Empty() || s.opt.MailAlways {
		m, err := notify.Compose(d)
		if err != nil {
			return o, err
		}
		if err := s.opt.Sender.Send(ctx, m); err != nil {
			return o, err
		}
		o = Outcome{Mailed: true, To: s.opt.MailConfig.To, New: d.New, Withdrawn: len(d.Withdrawn)}
	}
	now := s.opt.Now()
	s.st.Record(s.View, now)
	s.st.MarkReported(d.New, now)
	s.st.MarkWithdrawn(d.Withdrawn, now)
	if err := s.store.Save(s.st); err != nil {
		return o, fmt.Errorf("%w (the mail was sent; the next run may send it again)", err)
	}
	return o, nil
}
