package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
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
	// FailOn is the lowest severity mailed (the scan's --fail-on).
	FailOn severity.Severity
	Config *config.Config
	// Sender delivers the mail; nil means SMTP as Config.Mail says.
	Sender Sender
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

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
		switch {
		case opt.Config == nil:
			return nil, errors.New("--mail: the config could not be read, so there is nowhere to send to")
		case opt.Config.Mail == nil:
			return nil, errors.New("--mail: the config has no mail: section")
		}
		if opt.Sender == nil {
			opt.Sender = &SMTP{Config: opt.Config.Mail}
			s.opt.Sender = opt.Sender
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
	s.View = s.st.Classify(res)
	return s, nil
}

// Close releases the state's lock.
func (s *Session) Close() error {
	if s == nil {
		return nil
	}
	return s.store.Close()
}

// Digest returns what a mail would say now.
func (s *Session) Digest() Digest {
	d := Digest{Lang: s.opt.Lang, Withdrawn: s.View.Withdrawn, Checked: s.res.Checked, Cards: len(s.res.Cards), Errors: s.res.Errors}
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

// Finish sends the mail, when there is something new (or always, with
// MailAlways), and then records in the state what was mailed. When the mail
// cannot be sent the state is left as it was, so the next run tries again.
// It returns a line saying what was done.
func (s *Session) Finish(ctx context.Context) (string, error) {
	if !s.opt.Mail {
		return "", nil
	}
	l := s.opt.Lang
	d := s.Digest()
	sent := ""
	if !d.Empty() || s.opt.MailAlways {
		m, err := Compose(d)
		if err != nil {
			return "", err
		}
		if err := s.opt.Sender.Send(ctx, m); err != nil {
			return "", err
		}
		to := strings.Join(s.opt.Config.Mail.To, ", ")
		var en, ja []string
		if len(d.New) > 0 {
			en = append(en, newThings(l, d.New, false))
			ja = append(ja, newThings(l, d.New, false))
		}
		if len(d.Withdrawn) > 0 {
			en = append(en, "the withdrawal of "+l.Count(len(d.Withdrawn), "finding", ""))
			ja = append(ja, fmt.Sprintf("検出%d件の取り消し", len(d.Withdrawn)))
		}
		switch {
		case len(en) > 0:
			sent = l.Pick(fmt.Sprintf("Mailed %s to %s.", strings.Join(en, " and "), to),
				fmt.Sprintf("%sを %s にメールで送りました。", strings.Join(ja, "と"), to))
		default:
			sent = l.Pick("Mailed an all-clear to "+to+".", "異常なしのメールを "+to+" に送りました。")
		}
	} else {
		sent = l.Pick("Nothing new to mail.", "新たにメールで送るものはありません。")
	}
	now := s.opt.Now()
	s.st.Record(s.View, now)
	s.st.MarkReported(d.New, now)
	s.st.MarkWithdrawn(d.Withdrawn, now)
	if err := s.store.Save(s.st); err != nil {
		return sent, fmt.Errorf("%w (the mail was sent; the next run may send it again)", err)
	}
	return sent, nil
}
