// Package mailcheck is `cardcheck mail test` as a library: it sends one test
// mail through the config's mail: section, the same way `scan --mail` sends
// (pkg/notify), and turns a failure into what happened and what to do, in
// plain words, in English and Japanese.
package mailcheck

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"html"
	"net"
	"os"
	"strings"
	"syscall"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify"
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
	Certificate Kind = "certificate" // the server's certificate is not trusted or not for this host
	Auth        Kind = "auth"        // the login was refused
	Relay       Kind = "relay"       // the server refused the sender or a recipient
	Other       Kind = "other"
)

// Problem is a failed test mail, explained.
type Problem struct {
	Kind Kind
	// English and Japanese say what happened and what to do, in one or two
	// sentences each; they never contain the password.
	English, Japanese string
	// Err is the underlying error, for --verbose and logs.
	Err error
}

func (p *Problem) Error() string { return p.English }

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }

// In returns the explanation in language l.
func (p *Problem) In(l lang.Lang) string {
	if l == lang.JA {
		return p.Japanese
	}
	return p.English
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
		return &Problem{Kind: NoConfig,
			English:  fmt.Sprintf("%s has no mail: section: run `cardcheck init` to write one, or see docs/mail-and-cron.md.", where),
			Japanese: fmt.Sprintf("%s に mail: の設定がありません。`cardcheck init` で作るか、docs/mail-and-cron.md を見てください。", where),
			Err:      errors.New("no mail section")}
	}
	m := o.Config.Mail
	if _, err := m.ReadPassword(o.Getenv); err != nil {
		return &Problem{Kind: Password,
			English:  fmt.Sprintf("The SMTP password could not be read: %s.", strings.TrimPrefix(err.Error(), "mail: ")),
			Japanese: fmt.Sprintf("SMTP のパスワードを読めません: %s。", strings.TrimPrefix(err.Error(), "mail: ")),
			Err:      err}
	}
	smtp := &notify.SMTP{Config: m, Getenv: o.Getenv, Timeout: o.Timeout}
	if err := smtp.Send(ctx, message(o)); err != nil {
		return Explain(m, err)
	}
	return nil
}

// message is the test mail: what it proves, and what comes next.
func message(o Options) *notify.Message {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	stamp := now.In(tokyo).Format("2006-01-02 15:04 MST")
	var subject, text string
	if o.Lang == lang.JA {
		subject = "[cardcheck] テストメール"
		text = "cardcheck のテストメールです(" + stamp + ")。\n\n" +
			"このメールが届いたので、cardcheck は設定どおりに送信できます。不審な利用の通知も、このアドレスに同じ経路で届きます。\n" +
			"迷惑メールに振り分けられていたら、差出人を連絡先に登録してください。\n"
	} else {
		subject = "[cardcheck] test mail"
		text = "This is cardcheck's test mail (" + stamp + ").\n\n" +
			"It arrived, so cardcheck can send with these settings: alerts about suspicious charges will come the same way, to this address.\n" +
			"If it landed in a spam folder, add the sender to your contacts.\n"
	}
	return &notify.Message{Lang: o.Lang, Subject: subject, Text: text,
		HTML: "<!DOCTYPE html><html><body><p>" + strings.ReplaceAll(html.EscapeString(strings.TrimSpace(text)), "\n", "<br>\n") + "</p></body></html>\n"}
}

var tokyo = func() *time.Location {
	if l, err := time.LoadLocation("Asia/Tokyo"); err == nil {
		return l
	}
	return time.FixedZone("JST", 9*3600)
}()

// Explain turns an error from sending through m into a Problem.
func Explain(m *config.Mail, err error) *Problem {
	addr := m.Addr()
	p := &Problem{Kind: Other, Err: err}
	var (
		dnsErr  *net.DNSError
		sendErr *gomail.SendError
		netErr  net.Error
		unknown x509.UnknownAuthorityError
		verify  *x509.CertificateInvalidError
	)
	msg := err.Error()
	switch {
	case errors.As(err, &dnsErr):
		p.Kind = DNS
		p.English = fmt.Sprintf("The mail server %q was not found (DNS: %s). Check mail.host for a typing mistake, and that this machine is online.", m.Host, dnsErr.Err)
		p.Japanese = fmt.Sprintf("メールサーバー %q が見つかりません(DNS: %s)。mail.host の綴りと、このマシンがネットワークにつながっているかを確認してください。", m.Host, dnsErr.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		p.Kind = Refused
		p.English = fmt.Sprintf("Nothing answers at %s: the connection was refused. Check mail.port (usually 587 for starttls, 465 for implicit) and that the server is running.", addr)
		p.Japanese = fmt.Sprintf("%s に接続できません(接続拒否)。mail.port(通常 starttls は 587、implicit は 465)と、サーバーが動いているかを確認してください。", addr)
	case strings.Contains(msg, "does not offer STARTTLS"):
		p.Kind = NoSTARTTLS
		p.English = fmt.Sprintf("%s does not offer STARTTLS, so cardcheck did not send (it never sends card data in plain text). If the server speaks TLS from the start, set tls: implicit (usually port 465).", addr)
		p.Japanese = fmt.Sprintf("%s は STARTTLS に対応していないため、送信しませんでした(カード情報を暗号化なしでは送りません)。最初から TLS で話すサーバーなら tls: implicit(通常ポート 465)にしてください。", addr)
	case strings.Contains(msg, "did not answer in TLS"):
		p.Kind = TLSMismatch
		p.English = fmt.Sprintf("%s did not answer in TLS. tls: implicit needs a server that speaks TLS from the start (usually port 465); for port 587 use tls: starttls.", addr)
		p.Japanese = fmt.Sprintf("%s が TLS で応答しません。tls: implicit は最初から TLS で話すサーバー(通常ポート 465)用です。ポート 587 なら tls: starttls にしてください。", addr)
	case errors.As(err, &unknown), errors.As(err, &verify), strings.Contains(msg, "certificate of"):
		p.Kind = Certificate
		p.English = fmt.Sprintf("The certificate of %s is not trusted, or not for %q. For a server with a private or self-signed certificate, set mail.ca_file to its CA certificate; check mail.host is the name the certificate is for.", addr, m.Host)
		p.Japanese = fmt.Sprintf("%s の証明書が信頼できないか、%q のものではありません。独自の証明書のサーバーなら mail.ca_file にその CA 証明書を指定し、mail.host が証明書の名前と同じか確認してください。", addr, m.Host)
	case strings.Contains(msg, "refused the login"):
		p.Kind = Auth
		p.English = fmt.Sprintf("%s refused the login of %q. Check mail.user and the password (%s); Gmail, iCloud and most providers need an app password made for cardcheck, not your usual password.", addr, m.User, passwordSource(m))
		p.Japanese = fmt.Sprintf("%s が %q のログインを拒否しました。mail.user とパスワード(%s)を確認してください。Gmail や iCloud などでは、普段のパスワードではなく cardcheck 用に作ったアプリ パスワードが必要です。", addr, m.User, passwordSource(m))
	case errors.As(err, &sendErr) && (sendErr.Reason == gomail.ErrSMTPRcptTo || sendErr.Reason == gomail.ErrSMTPMailFrom):
		p.Kind = Relay
		who, whoJA := "a recipient (mail.to)", "宛先(mail.to)"
		if sendErr.Reason == gomail.ErrSMTPMailFrom {
			who, whoJA = "the sender (mail.from)", "差出人(mail.from)"
		}
		p.English = fmt.Sprintf("%s refused %s: %s. Many servers send only from your own address, and only after a login: set mail.from to the account's address and mail.user to its login.", addr, who, firstLine(sendErr.Error()))
		p.Japanese = fmt.Sprintf("%s が%sを拒否しました: %s。多くのサーバーは、ログインしたうえで自分のアドレスからしか送れません。mail.from をアカウントのアドレスに、mail.user をそのログイン名にしてください。", addr, whoJA, firstLine(sendErr.Error()))
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout(), errors.Is(err, os.ErrDeadlineExceeded):
		p.Kind = Timeout
		p.English = fmt.Sprintf("%s did not answer in time. Check mail.host and mail.port; some networks block outgoing mail ports (587, 465): try the other one, or another network.", addr)
		p.Japanese = fmt.Sprintf("%s から時間内に応答がありません。mail.host と mail.port を確認してください。送信ポート(587、465)を遮断するネットワークもあります。もう一方のポートか、別のネットワークを試してください。", addr)
	default:
		p.English = fmt.Sprintf("The test mail could not be sent through %s: %s", addr, strings.TrimPrefix(msg, "mail: "))
		p.Japanese = fmt.Sprintf("%s 経由でテストメールを送れませんでした: %s", addr, strings.TrimPrefix(msg, "mail: "))
	}
	return p
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
