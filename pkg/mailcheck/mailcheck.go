// Package mailcheck is `cardcheck mail test` as a library: it sends one test
// mail through the config's mail: section, the same way `scan --mail` sends
// (pkg/notify), and turns a failure into what happened and what to do, in
// plain words, in English and Japanese.
package mailcheck

import (
	"context"
	"errors"
	"html"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notify"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Kind is what went wrong, for scripts and tests; [Problem] says it in words.
type Kind string

// The kinds of failure, in the order a send meets them.
const (
	NoConfig    Kind = "no-config"   // the config has no mail: section
	Password    Kind = "password"    // the password variable or file is missing or unreadable
	DNS         Kind = "dns"         // the server's name does not resolve
	Refused     Kind = "refused"     // nothing listens at host:port
	Timeout     Kind = "timeout"     // the server did not answer in time
	NoSTARTTLS  Kind = "no-starttls" // tls: starttls, and the server does not offer it
	TLSMismatch Kind = "tls-mode"    // tls: implicit against a plain server, or the reverse
	Certificate Kind = "certificate" // the server's certificate is not trusted, not for this host, or out of date
	Auth        Kind = "auth"        // the login was refused
	Relay       Kind = "relay"       // the server refused the sender or a recipient
	Other       Kind = "other"
)

// Problem is a failed test mail, explained: what happened and what to do,
// as a catalogue message (pkg/message, mailtest.*), never with the password.
type Problem struct {
	Kind    Kind
	Message message.Message
	// Err is the underlying error, for --verbose and logs.
	Err error
}

// Error is the explanation in English.
func (p *Problem) Error() string { return p.In(lang.EN) }

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }

// In returns the explanation in language l.
func (p *Problem) In(l lang.Lang) string { return message.Render(l, p.Message) }

func problem(k Kind, key string, err error, args ...string) *Problem {
	a := message.Args{}
	for i := 0; i+1 < len(args); i += 2 {
		a[args[i]] = message.Text(args[i+1])
	}
	return &Problem{Kind: k, Message: message.New(key, a), Err: err}
}

// Options are a test mail's settings.
type Options struct {
	// Config is the loaded config; ConfigPath names it in the messages.
	Config *config.Config
	// Lang is the mail's language.
	Lang lang.Lang
	// Getenv reads the password variable (os.Getenv when nil).
	Getenv func(string) string
	// Timeout bounds each network step (30 s when zero).
	Timeout time.Duration
	// Now dates the mail (time.Now when zero).
	Now time.Time
}

// Send sends the test mail. The error, when not nil, is a *Problem.
func Send(ctx context.Context, o Options) error {
	if o.Config == nil || o.Config.Mail == nil {
		where := "the config"
		if o.Config != nil && o.Config.Path != "" {
			where = o.Config.Path
		}
		return problem(NoConfig, "mailtest.no-config", errors.New("no mail section"), "where", where)
	}
	m := o.Config.Mail
	if _, err := m.ReadPassword(o.Getenv); err != nil {
		why := message.Said(err.Error(), "")
		if pe := (*config.PasswordError)(nil); errors.As(err, &pe) {
			why = pe.Why
		}
		return &Problem{Kind: Password, Message: message.New("mailtest.password", message.Args{"detail": message.Nested(why)}), Err: err}
	}
	smtp := &notify.SMTP{Config: m, Getenv: o.Getenv, Timeout: o.Timeout}
	if err := smtp.Send(ctx, testMail(o)); err != nil {
		return Explain(m, err)
	}
	return nil
}

// testMail is the test mail: what it proves, and what comes next.
func testMail(o Options) *notify.Message {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	stamp := now.In(tokyo).Format("2006-01-02 15:04 MST")
	subject := message.Render(o.Lang, message.New("mailtest.subject", nil))
	text := message.Render(o.Lang, message.New("mailtest.body", message.Args{"time": message.Text(stamp)})) + "\n"
	return &notify.Message{Lang: o.Lang, Subject: subject, Text: text,
		HTML: "<!DOCTYPE html><html><body><p>" + strings.ReplaceAll(html.EscapeString(strings.TrimSpace(text)), "\n", "<br>\n") + "</p></body></html>\n"}
}

var tokyo = func() *time.Location {
	if l, err := time.LoadLocation("Asia/Tokyo"); err == nil {
		return l
	}
	return time.FixedZone("JST", 9*3600)
}()

// Explain turns an error from sending through m into a Problem: pkg/notify's
// *notify.Failure by its reason, network errors by their type.
func Explain(m *config.Mail, err error) *Problem {
	addr := m.Addr()
	var (
		dnsErr  *net.DNSError
		sendErr *gomail.SendError
		netErr  net.Error
		failure *notify.Failure
	)
	if errors.As(err, &failure) {
		switch failure.Reason {
		case notify.NoSTARTTLS:
			return problem(NoSTARTTLS, "mailtest.no-starttls", err, "addr", addr)
		case notify.NotTLS:
			return problem(TLSMismatch, "mailtest.tls-mode", err, "addr", addr)
		case notify.Untrusted:
			return problem(Certificate, "mailtest.certificate.authority", err, "addr", addr)
		case notify.WrongHost:
			return problem(Certificate, "mailtest.certificate.host", err, "addr", addr, "host", strconv.Quote(m.Host), "names", notify.CertNames(failure.Cert))
		case notify.Expired:
			p := problem(Certificate, "mailtest.certificate.expired", err, "addr", addr)
			p.Message.Args["from"] = message.Date(statement.DateOf(failure.Cert.NotBefore))
			p.Message.Args["to"] = message.Date(statement.DateOf(failure.Cert.NotAfter))
			p.Message.Args["early"] = message.Bool(time.Now().Before(failure.Cert.NotBefore))
			return p
		case notify.LoginRefused:
			return problem(Auth, "mailtest.auth", err, "addr", addr, "user", strconv.Quote(m.User), "source", passwordSource(m))
		}
	}
	switch {
	case errors.As(err, &dnsErr):
		return problem(DNS, "mailtest.dns", err, "host", strconv.Quote(m.Host), "detail", dnsErr.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return problem(Refused, "mailtest.refused", err, "addr", addr)
	case errors.As(err, &sendErr) && sendErr.Reason == gomail.ErrSMTPRcptTo:
		return problem(Relay, "mailtest.relay.to", err, "addr", addr, "detail", firstLine(sendErr.Error()))
	case errors.As(err, &sendErr) && sendErr.Reason == gomail.ErrSMTPMailFrom:
		return problem(Relay, "mailtest.relay.from", err, "addr", addr, "detail", firstLine(sendErr.Error()))
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout(), errors.Is(err, os.ErrDeadlineExceeded):
		return problem(Timeout, "mailtest.timeout", err, "addr", addr)
	}
	return problem(Other, "mailtest.other", err, "addr", addr, "detail", strings.TrimPrefix(err.Error(), "mail: "))
}

func passwordSource(m *config.Mail) string {
	if m.PasswordEnv != "" {
		return "$" + m.PasswordEnv
	}
	return m.ResolvePath(m.PasswordFile)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
