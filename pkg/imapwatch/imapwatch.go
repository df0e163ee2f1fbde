// Package imapwatch reads new mail from an IMAP mailbox, read-only, for the
// usage notices in it: a single pass for cron ([Pass]), or a watch that waits
// with IDLE where the server has it, polls where it does not, and reconnects
// with backoff after failures ([Watch]).
//
// It never changes the user's mail: the mailbox is opened with EXAMINE and
// messages fetched with BODY.PEEK, so not even the \Seen flag moves. TLS is
// required (implicit or STARTTLS); a password is never sent in the clear.
// What was read is remembered as UIDVALIDITY and the last UID, in a state
// file of its own, written atomically with mode 0600.
package imapwatch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"sort"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/mailbox"
)

// TLS modes.
const (
	// StartTLS connects in plain text and upgrades before anything else
	// is said; a server that refuses is an error. Usually port 143.
	StartTLS = "starttls"
	// Implicit speaks TLS from the first byte. Usually port 993.
	Implicit = "implicit"
)

// Defaults of [Config].
const (
	DefaultMaxPerPass   = 200
	DefaultPollInterval = time.Minute
	// idleRestart ends and restarts IDLE before servers' 30-minute
	// inactivity timeout (RFC 2177 advises at most 29 minutes).
	idleRestart  = 25 * time.Minute
	minBackoff   = time.Second
	maxBackoff   = 5 * time.Minute
	dialTimeout  = 30 * time.Second
	stateVersion = 1
)

// Config says where the mail is and how to reach it.
type Config struct {
	// Addr is host:port of the IMAP server.
	Addr string
	// TLS is StartTLS or Implicit; "" means Implicit.
	TLS string
	// RootCAs, when not nil, are the certificates trusted for the server
	// instead of the system's (a private CA). Certificates are always
	// verified.
	RootCAs *x509.CertPool
	// User and Password log in. The caller reads the password from an
	// environment variable or a 0600 file; it is never logged.
	User, Password string
	// Mailbox is the folder read; "" means INBOX.
	Mailbox string
	// StatePath is the file that remembers what was read.
	StatePath string
	// MaxMessage is the largest message fetched (mailbox.MaxMessage when
	// 0); larger ones are reported, not fetched.
	MaxMessage int64
	// MaxPerPass is the most messages fetched in one pass
	// (DefaultMaxPerPass when 0); the next pass goes on from there.
	MaxPerPass int
	// PollInterval is how often a server without IDLE is asked for new
	// mail (DefaultPollInterval when 0).
	PollInterval time.Duration
}

func (c *Config) mailboxName() string {
	if c.Mailbox == "" {
		return "INBOX"
	}
	return c.Mailbox
}

func (c *Config) maxMessage() int64 {
	if c.MaxMessage <= 0 {
		return mailbox.MaxMessage
	}
	return c.MaxMessage
}

func (c *Config) maxPerPass() int {
	if c.MaxPerPass <= 0 {
		return DefaultMaxPerPass
	}
	return c.MaxPerPass
}

func (c *Config) pollInterval() time.Duration {
	if c.PollInterval <= 0 {
		return DefaultPollInterval
	}
	return c.PollInterval
}

// Mail is one message fetched: its Name says where it is
// ("imap://user@host/INBOX;UID=42"), Raw is the message as the server
// stores it, and Err is set, and Raw empty, for a message that was not
// fetched (larger than the limit).
type Mail struct {
	UID imap.UID
	mailbox.Message
}

// Handler receives each pass's new mail, oldest first. When it returns an
// error, the position is not saved and the same mail comes again.
type Handler func(ctx context.Context, mails []Mail) error

// Errors of a session, for errors.Is.
var (
	ErrNoTLS     = errors.New("the server does not offer TLS; cardcheck never sends a password without it")
	ErrLogin     = errors.New("login refused")
	ErrMailbox   = errors.New("cannot open the mailbox")
	ErrTooLarge  = errors.New("message larger than the limit, not fetched")
	ErrBadConfig = errors.New("bad IMAP settings")
)

// session is one logged-in connection with the mailbox open read-only.
type session struct {
	cfg    *Config
	client *imapclient.Client
	sel    *imap.SelectData
	news   chan struct{} // a new EXISTS count arrived
}

// dial connects, logs in and examines the mailbox.
func dial(ctx context.Context, cfg *Config) (*session, error) {
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("%w: address %q: %v", ErrBadConfig, cfg.Addr, err)
	}
	if cfg.TLS != "" && cfg.TLS != StartTLS && cfg.TLS != Implicit {
		return nil, fmt.Errorf("%w: tls %q: want %s or %s (plain IMAP is not supported)", ErrBadConfig, cfg.TLS, Implicit, StartTLS)
	}
	s := &session{cfg: cfg, news: make(chan struct{}, 1)}
	opts := &imapclient.Options{
		TLSConfig: &tls.Config{ServerName: host, RootCAs: cfg.RootCAs, MinVersion: tls.VersionTLS12},
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					select {
					case s.news <- struct{}{}:
					default:
					}
				}
			},
		},
	}
	d := net.Dialer{Timeout: dialTimeout}
	conn, err := d.DialContext(ctx, "tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("imap: connect to %s: %w", cfg.Addr, err)
	}
	// A server that stops answering must not hang a pass: every step up
	// to the open mailbox has a deadline.
	conn.SetDeadline(time.Now().Add(dialTimeout))
	if cfg.TLS == StartTLS {
		s.client, err = imapclient.NewStartTLS(conn, opts)
		if err != nil {
			conn.Close()
			var tlsErr *tls.CertificateVerificationError
			if errors.As(err, &tlsErr) {
				return nil, fmt.Errorf("imap: %s: %w", cfg.Addr, err)
			}
			return nil, fmt.Errorf("imap: %s: STARTTLS failed: %w (%v)", cfg.Addr, ErrNoTLS, err)
		}
	} else {
		tc := tls.Client(conn, opts.TLSConfig)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			var certErr *tls.CertificateVerificationError
			if errors.As(err, &certErr) {
				return nil, fmt.Errorf("imap: %s: %w", cfg.Addr, err)
			}
			return nil, fmt.Errorf("imap: %s: TLS handshake failed (is it an implicit-TLS port, usually 993?): %w", cfg.Addr, err)
		}
		s.client = imapclient.New(tc, opts)
	}
	if err := s.client.Login(cfg.User, cfg.Password).Wait(); err != nil {
		s.client.Close()
		return nil, fmt.Errorf("imap: %s as %s: %w: %v", cfg.Addr, cfg.User, ErrLogin, err)
	}
	sel, err := s.client.Select(cfg.mailboxName(), &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		s.client.Close()
		return nil, fmt.Errorf("imap: %s: %w %q: %v", cfg.Addr, ErrMailbox, cfg.mailboxName(), err)
	}
	conn.SetDeadline(time.Time{})
	s.sel = sel
	return s, nil
}

func (s *session) close() {
	s.client.Logout().Wait()
	s.client.Close()
}

// position is what was read, kept in the state file.
type position struct {
	Version     int    `json:"version"`
	Server      string `json:"server"`
	User        string `json:"user"`
	Mailbox     string `json:"mailbox"`
	UIDValidity uint32 `json:"uidvalidity"`
	LastUID     uint32 `json:"last_uid"`
}

// load returns the saved position for this server, user and mailbox, or
// the start when there is none (or it is for another mailbox).
func load(cfg *Config) (position, error) {
	p := position{Version: stateVersion, Server: cfg.Addr, User: cfg.User, Mailbox: cfg.mailboxName()}
	if cfg.StatePath == "" {
		return p, nil
	}
	data, err := os.ReadFile(cfg.StatePath)
	if errors.Is(err, os.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("imap state: %w", err)
	}
	var saved position
	if err := json.Unmarshal(data, &saved); err != nil || saved.Version != stateVersion {
		return p, fmt.Errorf("imap state %s is not cardcheck's (remove it to read the mailbox from the start): %v", cfg.StatePath, err)
	}
	if saved.Server != p.Server || saved.User != p.User || saved.Mailbox != p.Mailbox {
		return p, nil
	}
	return saved, nil
}

func save(cfg *Config, p position) error {
	if cfg.StatePath == "" {
		return nil
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(cfg.StatePath, append(data, '\n'), 0o600, nil); err != nil {
		return fmt.Errorf("imap state: %w", err)
	}
	return nil
}

// pass fetches the mail that came after the saved position, at most
// MaxPerPass messages, hands it to h and saves the new position. It
// reports whether more mail is waiting.
func (s *session) pass(ctx context.Context, h Handler) (more bool, err error) {
	pos, err := load(s.cfg)
	if err != nil {
		return false, err
	}
	if pos.UIDValidity != s.sel.UIDValidity {
		// The server renumbered the mailbox: old UIDs mean nothing now.
		// Everything is read again; findings already reported are not
		// reported twice (the state's once-only rule).
		pos.UIDValidity, pos.LastUID = s.sel.UIDValidity, 0
	}
	var uids imap.UIDSet
	uids.AddRange(imap.UID(pos.LastUID+1), 0)
	list, err := s.client.Fetch(uids, &imap.FetchOptions{UID: true, RFC822Size: true}).Collect()
	if err != nil {
		return false, fmt.Errorf("imap: list new messages: %w", err)
	}
	// "n:*" always includes the last message, even when it is older.
	type item struct {
		uid  imap.UID
		size int64
	}
	var items []item
	for _, m := range list {
		if uint32(m.UID) > pos.LastUID {
			items = append(items, item{m.UID, m.RFC822Size})
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].uid < items[j].uid })
	if len(items) > s.cfg.maxPerPass() {
		items, more = items[:s.cfg.maxPerPass()], true
	}
	if len(items) == 0 {
		return false, save(s.cfg, pos)
	}
	mails := make([]Mail, len(items))
	var fetch imap.UIDSet
	for i, it := range items {
		mails[i] = Mail{UID: it.uid, Message: mailbox.Message{Name: fmt.Sprintf("imap://%s@%s/%s;UID=%d", s.cfg.User, s.cfg.Addr, s.cfg.mailboxName(), it.uid)}}
		if it.size > s.cfg.maxMessage() {
			mails[i].Err = fmt.Errorf("%s: %w (%d bytes, limit %d)", mails[i].Name, ErrTooLarge, it.size, s.cfg.maxMessage())
			continue
		}
		fetch.AddNum(it.uid)
	}
	if len(fetch) > 0 {
		whole := &imap.FetchItemBodySection{Peek: true}
		bodies, err := s.client.Fetch(fetch, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{whole}}).Collect()
		if err != nil {
			return false, fmt.Errorf("imap: fetch messages: %w", err)
		}
		byUID := map[imap.UID][]byte{}
		for _, b := range bodies {
			byUID[b.UID] = b.FindBodySection(whole)
		}
		for i := range mails {
			if mails[i].Err == nil {
				mails[i].Raw = byUID[mails[i].UID]
				if mails[i].Raw == nil {
					mails[i].Err = fmt.Errorf("%s: the server sent no body (deleted meanwhile?)", mails[i].Name)
				}
			}
		}
	}
	if err := h(ctx, mails); err != nil {
		return false, err
	}
	pos.LastUID = uint32(items[len(items)-1].uid)
	return more, save(s.cfg, pos)
}

// Pass connects once, hands the new mail to h (all of it, in batches of
// MaxPerPass) and disconnects: `cardcheck scan --imap`, for cron.
func Pass(ctx context.Context, cfg Config, h Handler) error {
	s, err := dial(ctx, &cfg)
	if err != nil {
		return err
	}
	defer s.close()
	for {
		more, err := s.pass(ctx, h)
		if err != nil || !more {
			return err
		}
	}
}

// Watch hands new mail to h as it arrives until ctx is done. It waits with
// IDLE when the server offers it and polls every PollInterval otherwise.
// After a failure (a dropped connection, a server down, a refused login)
// it reports the error to logf and connects again after a backoff that
// doubles from one second to five minutes, and starts over from one second
// once a session has worked.
func Watch(ctx context.Context, cfg Config, h Handler, logf func(error)) error {
	backoff := minBackoff
	for {
		err := watchSession(ctx, &cfg, h, func() { backoff = minBackoff })
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if logf != nil && err != nil {
			logf(fmt.Errorf("%w; connecting again in %s", err, backoff))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, maxBackoff)
	}
}

func watchSession(ctx context.Context, cfg *Config, h Handler, healthy func()) error {
	s, err := dial(ctx, cfg)
	if err != nil {
		return err
	}
	// Cancelling ctx closes the connection, which ends any command.
	stop := context.AfterFunc(ctx, func() { s.client.Close() })
	defer stop()
	defer s.close()
	idle := s.client.Caps().Has(imap.CapIdle)
	for {
		more, err := s.pass(ctx, h)
		if err != nil {
			return err
		}
		healthy()
		if more {
			continue
		}
		if idle {
			err = s.idle(ctx)
		} else {
			err = s.poll(ctx)
		}
		if err != nil {
			return err
		}
	}
}

// idle waits in IDLE until the mailbox grows, ctx ends, or it is time to
// restart IDLE.
func (s *session) idle(ctx context.Context) error {
	cmd, err := s.client.Idle()
	if err != nil {
		return fmt.Errorf("imap: connection lost when waiting for mail (IDLE): %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(idleRestart)
	defer timer.Stop()
	select {
	case <-s.news:
	case <-timer.C:
	case <-ctx.Done():
		return ctx.Err()
	case err := <-done:
		return fmt.Errorf("imap: connection lost while waiting for mail: %w", orEOF(err))
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("imap: end IDLE: %w", err)
	}
	return nil
}

// poll waits PollInterval, then asks the server for news with NOOP.
func (s *session) poll(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(s.cfg.pollInterval()):
	}
	if err := s.client.Noop().Wait(); err != nil {
		return fmt.Errorf("imap: connection lost while polling: %w", err)
	}
	return nil
}

func orEOF(err error) error {
	if err == nil {
		return errors.New("the server ended the session")
	}
	return err
}
