package notify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
)

// Sender delivers a composed message.
type Sender interface {
	Send(ctx context.Context, m *Message) error
}

// SMTP sends through the server the config's mail: section names, with TLS
// (STARTTLS or implicit) unless the config opts out for a loopback relay.
type SMTP struct {
	Config *config.Mail
	// Getenv reads the password variable; nil means os.Getenv.
	Getenv func(string) string
	// Timeout bounds each network step; zero means 30 seconds.
	Timeout time.Duration
}

// Build returns the go-mail message for m: From and To from the config, the
// subject MIME-encoded, a text/plain part and a text/html alternative, both
// UTF-8.
func (s *SMTP) Build(m *Message) (*gomail.Msg, error) {
	enc := gomail.EncodingQP
	if m.Lang == lang.JA {
		enc = gomail.EncodingB64
	}
	msg := gomail.NewMsg(gomail.WithEncoding(enc), gomail.WithCharset(gomail.CharsetUTF8))
	if err := msg.From(s.Config.From); err != nil {
		return nil, fmt.Errorf("mail: from: %w", err)
	}
	if err := msg.To(s.Config.To...); err != nil {
		return nil, fmt.Errorf("mail: to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	msg.SetGenHeader(gomail.HeaderXMailer, "cardcheck")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	return msg, nil
}

// Send sends m. Errors say what to fix (TLS, certificate, login) and never
// contain the password.
func (s *SMTP) Send(ctx context.Context, m *Message) error {
	cfg := s.Config
	if cfg == nil {
		return errors.New("mail: the config has no mail: section")
	}
	pw, err := cfg.ReadPassword(s.Getenv)
	if err != nil {
		return err
	}
	msg, err := s.Build(m)
	if err != nil {
		return err
	}
	client, err := s.client(pw)
	if err != nil {
		return redact(fmt.Errorf("mail: %w", err), cfg.User, pw)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return redact(s.explain(err), cfg.User, pw)
	}
	return nil
}

func (s *SMTP) client(pw string) (*gomail.Client, error) {
	cfg := s.Config
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	tc := &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12}
	if cfg.CAFile != "" {
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		path := cfg.ResolvePath(cfg.CAFile)
		pem, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("ca_file: %w", err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ca_file %s: no PEM certificate in it", path)
		}
		tc.RootCAs = pool
	}
	opts := []gomail.Option{
		gomail.WithPort(cfg.ServerPort()),
		gomail.WithTimeout(timeout),
		gomail.WithTLSConfig(tc),
	}
	switch cfg.TLSMode() {
	case config.TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case config.TLSNone:
		if !config.IsLoopback(cfg.Host) {
			return nil, fmt.Errorf("tls: none is allowed only to a loopback address, not %q", cfg.Host)
		}
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS), gomail.WithDialContextFunc(loopbackOnly))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if cfg.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(cfg.User), gomail.WithPassword(pw))
	}
	return gomail.NewClient(cfg.Host, opts...)
}

// loopbackOnly dials like net.Dialer but refuses an address that is not
// loopback, so that "localhost" pointing elsewhere cannot carry plain SMTP
// off the machine.
func loopbackOnly(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if ta, ok := c.RemoteAddr().(*net.TCPAddr); !ok || !ta.IP.IsLoopback() {
		c.Close()
		return nil, fmt.Errorf("tls: none: %s is not a loopback address", c.RemoteAddr())
	}
	return c, nil
}

// Reason is why a send failed, when it is something the user can fix in
// the config or at the server; [Failure] carries it.
type Reason string

// The reasons [SMTP.Send] tells apart.
const (
	// NoSTARTTLS: tls: starttls, and the server does not offer STARTTLS.
	NoSTARTTLS Reason = "no-starttls"
	// NotTLS: tls: implicit, and the server does not speak TLS (or the
	// reverse mix-up of ports).
	NotTLS Reason = "not-tls"
	// Untrusted: the server's certificate is not signed by a trusted CA.
	Untrusted Reason = "untrusted"
	// WrongHost: the certificate is valid but not for the configured host.
	WrongHost Reason = "wrong-host"
	// Expired: the certificate has expired, or is not valid yet.
	Expired Reason = "expired"
	// LoginRefused: the server refused the user and password, or offers
	// no login cardcheck can do.
	LoginRefused Reason = "login-refused"
)

// Failure is a send that failed for a [Reason]: its message says what to
// fix, in English (mailcheck says it in the user's language from Reason).
// It never holds the password.
type Failure struct {
	Reason Reason
	// Addr is the server, host:port.
	Addr string
	// Cert is the server's certificate, for the certificate reasons (the
	// names it is for, its validity).
	Cert *x509.Certificate
	msg  string
	err  error
}

func (f *Failure) Error() string { return f.msg }

// Unwrap returns go-mail's error underneath.
func (f *Failure) Unwrap() error { return f.err }

// CertNames lists the names a certificate is for: its DNS names and IP
// addresses, or its subject's common name when it has neither.
func CertNames(c *x509.Certificate) string {
	if c == nil {
		return "no name"
	}
	names := slices.Clone(c.DNSNames)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 && c.Subject.CommonName != "" {
		names = append(names, c.Subject.CommonName)
	}
	if len(names) == 0 {
		return "no name"
	}
	return strings.Join(names, ", ")
}

// explain turns go-mail's errors into what the user has to fix: a
// *Failure for the reasons it knows, the error wrapped otherwise.
func (s *SMTP) explain(err error) error {
	cfg := s.Config
	addr := cfg.Addr()
	msg := err.Error()
	var (
		unknownCA  x509.UnknownAuthorityError
		hostErr    x509.HostnameError
		invalid    x509.CertificateInvalidError
		verifyErr  *tls.CertificateVerificationError
		recordErr  tls.RecordHeaderError
		recordErrP *tls.RecordHeaderError
	)
	fail := func(r Reason, format string, args ...any) *Failure {
		return &Failure{Reason: r, Addr: addr, msg: fmt.Sprintf(format, args...), err: err}
	}
	certFail := func(r Reason, cert *x509.Certificate, format string, args ...any) *Failure {
		f := fail(r, format, args...)
		f.Cert = cert
		return f
	}
	switch {
	case strings.Contains(msg, "does not support STARTTLS"):
		return fail(NoSTARTTLS, "mail: %s does not offer STARTTLS, and tls: %s requires it; cardcheck does not send card data in plain text "+
			"(tls: implicit is for servers that speak TLS from the start, usually on port 465)", addr, cfg.TLSMode())
	// Go checks a certificate's dates first, then who signed it, then the
	// name: the first that fails is the one said.
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return certFail(Expired, invalid.Cert, "mail: the certificate of %s is valid from %s to %s, not now; the server's certificate must be renewed (%v)",
			addr, invalid.Cert.NotBefore.UTC().Format(time.DateOnly), invalid.Cert.NotAfter.UTC().Format(time.DateOnly), err)
	case errors.As(err, &hostErr):
		return certFail(WrongHost, hostErr.Certificate, "mail: the certificate of %s is for %s, not for %q (%v); set mail.host to the name the certificate is for",
			addr, CertNames(hostErr.Certificate), cfg.Host, err)
	case errors.As(err, &unknownCA):
		return certFail(Untrusted, unknownCA.Cert, "mail: the certificate of %s is not signed by an authority this machine trusts (%v); for a private or self-signed certificate set mail.ca_file", addr, err)
	case errors.As(err, &verifyErr):
		return fail(Untrusted, "mail: the certificate of %s is not trusted (%v); for a private or self-signed certificate set mail.ca_file", addr, err)
	case errors.As(err, &recordErr), errors.As(err, &recordErrP):
		return fail(NotTLS, "mail: %s did not answer in TLS; tls: implicit needs a server that speaks TLS from the start (usually port 465), "+
			"tls: starttls one that upgrades (usually port 587): %v", addr, err)
	case strings.Contains(msg, "SMTP AUTH failed"), strings.Contains(msg, "no supported authentication"), strings.Contains(msg, "not support SMTP AUTH"):
		return fail(LoginRefused, "mail: %s refused the login of user %q; check mail.user and the password (%s): %v", addr, cfg.User, passwordSource(cfg), err)
	}
	return fmt.Errorf("mail: sending through %s: %w", addr, err)
}

func passwordSource(cfg *config.Mail) string {
	if cfg.PasswordEnv != "" {
		return "environment variable " + cfg.PasswordEnv
	}
	return "file " + cfg.ResolvePath(cfg.PasswordFile)
}

// redact removes the password (and the forms SMTP AUTH sends it in) from an
// error's text, should a server or library ever echo it. A *Failure keeps
// its reason; any other error becomes plain text.
func redact(err error, user, pw string) error {
	if err == nil || pw == "" {
		return err
	}
	msg := err.Error()
	secrets := []string{pw, base64.StdEncoding.EncodeToString([]byte(pw)),
		base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + pw))}
	out := msg
	for _, s := range secrets {
		out = strings.ReplaceAll(out, s, "[password]")
	}
	if out == msg {
		return err
	}
	var f *Failure
	if errors.As(err, &f) {
		// The cause is dropped: its text held the secret.
		return &Failure{Reason: f.Reason, Addr: f.Addr, Cert: f.Cert, msg: out}
	}
	return errors.New(out)
}
