// Package imaptest gives cardcheck's IMAP tests the Dovecot servers that
// .ci/run starts (see .ci/imap.sh) and helpers to put mail in them.
//
// Under CI=true the servers must be there: a test that asks for them fails
// when they are not. Elsewhere a test skips when the variables are not set
// (run `bash -c '. .ci/mailpit.sh && . .ci/imap.sh && go test ./...'`).
package imaptest

import (
	"bytes"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"net"
	"os"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Servers are the instances .ci/imap.sh starts.
type Servers struct {
	// StartTLS (port 143 style) and Implicit (993 style) are one server
	// with IDLE; NoIdle does STARTTLS without IDLE; Plain has no TLS.
	StartTLS, Implicit, NoIdle, Plain string
	User, Password                    string
	// CAs trusts the servers' certificate.
	CAs *x509.CertPool
}

// Get returns the servers, or skips the test (fails it under CI=true).
func Get(t testing.TB) Servers {
	t.Helper()
	s := Servers{
		StartTLS: os.Getenv("CARDCHECK_TEST_IMAP"),
		Implicit: os.Getenv("CARDCHECK_TEST_IMAPS"),
		NoIdle:   os.Getenv("CARDCHECK_TEST_IMAP_NOIDLE"),
		Plain:    os.Getenv("CARDCHECK_TEST_IMAP_PLAIN"),
		User:     os.Getenv("CARDCHECK_TEST_IMAP_USER"),
		Password: os.Getenv("CARDCHECK_TEST_IMAP_PASSWORD"),
	}
	ca := os.Getenv("CARDCHECK_TEST_IMAP_CA")
	if s.StartTLS == "" || s.Implicit == "" || s.NoIdle == "" || s.Plain == "" || ca == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but the IMAP servers are not configured (CARDCHECK_TEST_IMAP...): .ci/run starts them with .ci/imap.sh")
		}
		t.Skip("no IMAP servers: run with `bash -c '. .ci/mailpit.sh && . .ci/imap.sh && go test ./...'` to include the IMAP tests")
	}
	pem, err := os.ReadFile(ca)
	if err != nil {
		t.Fatal(err)
	}
	s.CAs = x509.NewCertPool()
	if !s.CAs.AppendCertsFromPEM(pem) {
		t.Fatalf("no certificate in %s", ca)
	}
	for _, addr := range []string{s.StartTLS, s.Implicit, s.NoIdle, s.Plain} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("IMAP server %s is configured but not answering: %v", addr, err)
		}
		c.Close()
	}
	return s
}

// Client returns a logged-in client of the STARTTLS server, closed when the
// test ends. Tests use it to create mailboxes and append mail, as a mail
// server delivering would.
func (s Servers) Client(t testing.TB) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialStartTLS(s.StartTLS, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: s.CAs}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Logout().Wait(); c.Close() })
	return c
}

// NewMailbox creates a mailbox no other test uses and returns its name.
func (s Servers) NewMailbox(t testing.TB) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	name := "t-" + hex.EncodeToString(b)
	if err := s.Client(t).Create(name, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	return name
}

// Append delivers raw to mailbox and returns its UID.
func (s Servers) Append(t testing.TB, mailbox string, raw []byte) imap.UID {
	t.Helper()
	return Append(t, s.Client(t), mailbox, raw)
}

// Append delivers raw to mailbox with c and returns its UID.
func Append(t testing.TB, c *imapclient.Client, mailbox string, raw []byte) imap.UID {
	t.Helper()
	cmd := c.Append(mailbox, int64(len(raw)), nil)
	if _, err := cmd.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := cmd.Wait()
	if err != nil {
		t.Fatal(err)
	}
	return data.UID
}

// Flags returns the flags of every message in mailbox, by UID.
func (s Servers) Flags(t testing.TB, mailbox string) map[imap.UID][]imap.Flag {
	t.Helper()
	c := s.Client(t)
	if _, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	var all imap.UIDSet
	all.AddRange(1, 0)
	msgs, err := c.Fetch(all, &imap.FetchOptions{UID: true, Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	out := map[imap.UID][]imap.Flag{}
	for _, m := range msgs {
		out[m.UID] = m.Flags
	}
	return out
}

// Mail returns a small message with subject and body, CRLF line ends.
func Mail(subject, body string) []byte {
	var b bytes.Buffer
	b.WriteString("From: someone@example.jp\r\nTo: cardcheck@example.jp\r\nSubject: " + subject + "\r\n")
	b.WriteString("Message-ID: <" + subject + "@imaptest>\r\n\r\n" + body + "\r\n")
	return b.Bytes()
}
