package mailcheck

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/internal/tlstest"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify"
)

// tlsGreeter is an SMTP server as far as the TLS handshake and the
// greeting: enough for a client to judge its certificate. It serves until
// the test ends.
func tlsGreeter(t *testing.T, cert tls.Certificate) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				s := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{cert}})
				if s.Handshake() != nil {
					return
				}
				fmt.Fprint(s, "220 greeter ESMTP\r\n")
				buf := make([]byte, 512)
				for {
					n, err := s.Read(buf)
					if err != nil {
						return
					}
					if strings.HasPrefix(strings.ToUpper(string(buf[:n])), "QUIT") {
						return
					}
					fmt.Fprint(s, "502 not here\r\n")
				}
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// A certificate for another name, one no trusted authority signed, and
// one out of date are each said as what they are, at send time and by
// mail test, against a real TLS server.
func TestCertificateProblems(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	ca := tlstest.Cert(t, "cardcheck test CA", nil, now.Add(-time.Hour), now.Add(24*time.Hour), true, nil)
	caFile := tlstest.CAFile(t, ca)
	otherCA := tlstest.Cert(t, "someone else's CA", nil, now.Add(-time.Hour), now.Add(24*time.Hour), true, nil)
	for _, tc := range []struct {
		name       string
		cert       tls.Certificate
		reason     notify.Reason
		key        string
		send, en   string
		ja         string
		notWrongly string
	}{
		{"wrong host", tlstest.Cert(t, "mail", []string{"mail.other.example"}, now.Add(-time.Hour), now.Add(time.Hour), false, &ca),
			notify.WrongHost, "mailtest.certificate.host", `is for mail.other.example, not for "127.0.0.1"`,
			`but for mail.other.example, not for "127.0.0.1": set mail.host`, `"127.0.0.1" ではなく mail.other.example のものです`, "not trusted"},
		{"unknown authority", tlstest.Cert(t, "mail", []string{"127.0.0.1"}, now.Add(-time.Hour), now.Add(time.Hour), false, &otherCA),
			notify.Untrusted, "mailtest.certificate.authority", "is not signed by an authority this machine trusts",
			"not signed by an authority this machine trusts", "信頼する認証局の署名がありません", "not for"},
		{"expired", tlstest.Cert(t, "mail", []string{"127.0.0.1"}, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), false, &ca),
			notify.Expired, "mailtest.certificate.expired", "is valid from 2020-01-01 to 2021-01-01, not now",
			"valid from 2020-01-01 to 2021-01-01, and has expired", "2020年1月1日 から 2021年1月1日 までで、期限が切れています", "not trusted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			port := tlsGreeter(t, tc.cert)
			yaml := fmt.Sprintf("mail:\n  host: 127.0.0.1\n  port: %d\n  tls: implicit\n  from: a@example.com\n  to: [b@example.com]\n  ca_file: %q\n", port, caFile)
			cfg, err := config.Parse(filepath.Join(dir, "config.yaml"), []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()

			// At send time (cron's mail).
			err = (&notify.SMTP{Config: cfg.Mail, Timeout: 5 * time.Second}).Send(ctx, &notify.Message{Subject: "s", Text: "t", HTML: "<p>t</p>"})
			var f *notify.Failure
			if !errors.As(err, &f) || f.Reason != tc.reason || !strings.Contains(err.Error(), tc.send) || strings.Contains(err.Error(), tc.notWrongly) {
				t.Fatalf("send: %v (reason %v), want %s saying %q", err, f, tc.reason, tc.send)
			}

			// mail test, in both languages.
			err = Send(ctx, Options{Config: cfg, Timeout: 5 * time.Second})
			var p *Problem
			if !errors.As(err, &p) || p.Kind != Certificate || p.Message.Key != tc.key {
				t.Fatalf("mail test: %#v", err)
			}
			if en := p.In(lang.EN); !strings.Contains(en, tc.en) || strings.Contains(en, tc.notWrongly) {
				t.Errorf("English %q, want %q", en, tc.en)
			}
			if ja := p.In(lang.JA); !strings.Contains(ja, tc.ja) {
				t.Errorf("Japanese %q, want %q", ja, tc.ja)
			}
		})
	}
}
