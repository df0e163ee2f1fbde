package notify

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
)

// These tests send through the mailpit servers .ci/run starts and read the
// messages back through mailpit's API.

func smtpConfig(t *testing.T, mp mailpittest.Servers, srv mailpittest.Server, tls string, login bool, to ...string) *config.Mail {
	t.Helper()
	yaml := mp.Config(srv, tls, map[bool]string{true: "CARDCHECK_TEST_SMTP_PASSWORD"}[login], to...)
	cfg, err := config.Parse(t.TempDir()+"/config.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Mail
}

func send(t *testing.T, cfg *config.Mail, m *Message, getenv func(string) string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return (&SMTP{Config: cfg, Getenv: getenv, Timeout: 10 * time.Second}).Send(ctx, m)
}

// TestSendThroughMailpit sends the demo's finding in both languages over
// STARTTLS and implicit TLS (with a login), and over plain SMTP to
// loopback, and checks what arrived: the decoded subject, the recipients,
// both parts in UTF-8 with the same content, and no full card number.
func TestSendThroughMailpit(t *testing.T) {
	mp := mailpittest.Get(t)
	res, _ := apple()
	h := hostile()
	for _, tc := range []struct {
		name  string
		srv   mailpittest.Server
		tls   string
		login bool
		lang  lang.Lang
	}{
		{"starttls en", mp.StartTLS, config.TLSStartTLS, true, lang.EN},
		{"starttls ja", mp.StartTLS, config.TLSStartTLS, true, lang.JA},
		{"implicit ja", mp.TLS, config.TLSImplicit, true, lang.JA},
		{"plain loopback en", mp.Plain, config.TLSNone, false, lang.EN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			to1, to2 := mailpittest.Recipient(t), mailpittest.Recipient(t)
			cfg := smtpConfig(t, mp, tc.srv, tc.tls, tc.login, to1, "経理 <"+to2+">")
			d := digest(res, tc.lang)
			d.New = append(d.New, h)
			m, err := Compose(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := send(t, cfg, m, nil); err != nil {
				t.Fatal(err)
			}
			got := mailpittest.To(t, tc.srv, to1)
			if len(got) != 1 {
				t.Fatalf("%d messages for %s, want 1", len(got), to1)
			}
			msg := tc.srv.Get(t, got[0].ID)
			if msg.Subject != m.Subject {
				t.Errorf("subject %q, want %q", msg.Subject, m.Subject)
			}
			if len(msg.To) != 2 || msg.To[0].Address != to1 || msg.To[1].Address != to2 || msg.To[1].Name != "経理" {
				t.Errorf("to %+v", msg.To)
			}
			if msg.From.Address != "cardcheck@example.test" {
				t.Errorf("from %+v", msg.From)
			}
			if strings.TrimSpace(strings.ReplaceAll(msg.Text, "\r\n", "\n")) != strings.TrimSpace(m.Text) {
				t.Errorf("text part:\n%s\nwant:\n%s", msg.Text, m.Text)
			}
			for _, want := range []string{"6a3412695cfa", "0123456789ab", "cardcheck ack 6a3412695cfa", "****-****-****-1111"} {
				if !strings.Contains(msg.Text, want) || !strings.Contains(msg.HTML, want) {
					t.Errorf("%q missing from a part", want)
				}
			}
			if strings.Contains(msg.HTML, "<script") || !strings.Contains(msg.HTML, "<table") {
				t.Errorf("HTML part:\n%s", msg.HTML)
			}
			raw := tc.srv.Raw(t, got[0].ID)
			subject, types, bodies := parts(t, raw)
			if subject != m.Subject || len(types) != 2 || types[0] != "text/plain; charset=UTF-8" || types[1] != "text/html; charset=UTF-8" {
				t.Errorf("as received: subject %q, parts %v", subject, types)
			}
			for _, s := range append(bodies, msg.Subject, msg.Text, msg.HTML) {
				if p := pan.FindString(s); p != "" {
					t.Errorf("a full card number arrived: %q", p)
				}
			}
			if strings.Contains(string(raw), "\nBcc:") || strings.Contains(string(raw), mp.Password) {
				t.Error("the raw message has a Bcc header or the password")
			}
		})
	}
}

// TestSendErrors: what goes wrong says what to fix, never shows the
// password, and sends nothing.
func TestSendErrors(t *testing.T) {
	mp := mailpittest.Get(t)
	res, _ := apple()
	m, _ := Compose(digest(res, lang.EN))
	const wrong = "hunter2-wrong-password"
	for _, tc := range []struct {
		name   string
		srv    mailpittest.Server
		tls    string
		login  bool
		getenv func(string) string
		noCA   bool
		want   string
		reason Reason // "" for an error that is not a *Failure
	}{
		{"STARTTLS required, server has none", mp.Plain, config.TLSStartTLS, false, nil, false, "does not offer STARTTLS", NoSTARTTLS},
		{"implicit TLS, server speaks plain", mp.Plain, config.TLSImplicit, false, nil, false, "did not answer in TLS", NotTLS},
		{"wrong password", mp.StartTLS, config.TLSStartTLS, true, func(string) string { return wrong }, false, "refused the login of user \"cardcheck\"", LoginRefused},
		{"wrong password, implicit TLS", mp.TLS, config.TLSImplicit, true, func(string) string { return wrong }, false, "refused the login", LoginRefused},
		{"password variable not set", mp.StartTLS, config.TLSStartTLS, true, func(string) string { return "" }, false, "password_env names is not set", ""},
		{"untrusted certificate", mp.StartTLS, config.TLSStartTLS, true, nil, true, "set mail.ca_file", Untrusted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			to := mailpittest.Recipient(t)
			cfg := smtpConfig(t, mp, tc.srv, tc.tls, tc.login, to)
			if tc.noCA {
				cfg.CAFile = ""
			}
			err := send(t, cfg, m, tc.getenv)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			var f *Failure
			if got := errors.As(err, &f); got != (tc.reason != "") || got && f.Reason != tc.reason {
				t.Errorf("error %#v: want a *Failure with reason %q", err, tc.reason)
			}
			if strings.Contains(err.Error(), wrong) || strings.Contains(err.Error(), mp.Password) {
				t.Errorf("the error shows the password: %v", err)
			}
			for _, srv := range []mailpittest.Server{mp.StartTLS, mp.TLS, mp.Plain} {
				if n := len(mailpittest.To(t, srv, to)); n != 0 {
					t.Errorf("%d messages arrived", n)
				}
			}
		})
	}
}
