// Package mailpittest gives cardcheck's mail tests the mailpit servers that
// .ci/run starts (see .ci/mailpit.sh): their SMTP addresses, the login and
// CA certificate, and reading messages back through mailpit's HTTP API.
//
// Under CI=true the servers must be there: a test that asks for them fails
// when they are not. Elsewhere a test skips when the variables are not set
// (run `bash -c '. .ci/mailpit.sh && go test ./...'` to have them).
package mailpittest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"
)

// Server is one mailpit instance.
type Server struct {
	// SMTP is host:port of its SMTP listener.
	SMTP string
	// API is its HTTP API's base URL.
	API string
}

// Host returns the SMTP host.
func (s Server) Host() string { h, _, _ := net.SplitHostPort(s.SMTP); return h }

// Port returns the SMTP port.
func (s Server) Port() int {
	_, p, _ := net.SplitHostPort(s.SMTP)
	n, _ := strconv.Atoi(p)
	return n
}

// Servers are the three instances .ci/mailpit.sh starts.
type Servers struct {
	// StartTLS requires STARTTLS and a login.
	StartTLS Server
	// TLS speaks implicit TLS and requires a login.
	TLS Server
	// Plain has no TLS and no login.
	Plain Server
	// User and Password are the login; CAFile the servers' certificate.
	User, Password, CAFile string
}

// Get returns the servers, or skips the test (fails it under CI=true) when
// they are not configured or not answering.
func Get(t testing.TB) Servers {
	t.Helper()
	s := Servers{
		StartTLS: Server{os.Getenv("CARDCHECK_TEST_SMTP"), os.Getenv("CARDCHECK_TEST_MAILPIT_API")},
		TLS:      Server{os.Getenv("CARDCHECK_TEST_SMTP_TLS"), os.Getenv("CARDCHECK_TEST_MAILPIT_TLS_API")},
		Plain:    Server{os.Getenv("CARDCHECK_TEST_SMTP_PLAIN"), os.Getenv("CARDCHECK_TEST_MAILPIT_PLAIN_API")},
		User:     os.Getenv("CARDCHECK_TEST_SMTP_USER"),
		Password: os.Getenv("CARDCHECK_TEST_SMTP_PASSWORD"),
		CAFile:   os.Getenv("CARDCHECK_TEST_SMTP_CA"),
	}
	if s.StartTLS.SMTP == "" || s.StartTLS.API == "" || s.TLS.SMTP == "" || s.Plain.SMTP == "" || s.CAFile == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but the mailpit servers are not configured (CARDCHECK_TEST_SMTP...): .ci/run starts them with .ci/mailpit.sh")
		}
		t.Skip("no mailpit: run with `bash -c '. .ci/mailpit.sh && go test ./...'` to include the mail tests")
	}
	for _, srv := range []Server{s.StartTLS, s.TLS, s.Plain} {
		resp, err := http.Get(srv.API + "/readyz")
		if err == nil {
			resp.Body.Close()
		}
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("mailpit at %s is configured but not answering: %v", srv.API, err)
		}
	}
	return s
}

// Recipient returns an address no other test uses, so that tests running
// at the same time (several packages share the servers) find their own
// messages.
func Recipient(t testing.TB) string {
	b := make([]byte, 6)
	rand.Read(b)
	return "t-" + hex.EncodeToString(b) + "@example.test"
}

// Address is an address in mailpit's API.
type Address struct {
	Name    string `json:"Name"`
	Address string `json:"Address"`
}

// Summary is a message in mailpit's list.
type Summary struct {
	ID      string    `json:"ID"`
	Subject string    `json:"Subject"`
	To      []Address `json:"To"`
	From    Address   `json:"From"`
}

// Message is a whole message as mailpit decodes it.
type Message struct {
	ID      string    `json:"ID"`
	Subject string    `json:"Subject"`
	From    Address   `json:"From"`
	To      []Address `json:"To"`
	Text    string    `json:"Text"`
	HTML    string    `json:"HTML"`
}

// To returns the messages mailpit at srv received for the address to.
func To(t testing.TB, srv Server, to string) []Summary {
	t.Helper()
	var list struct {
		Messages []Summary `json:"messages"`
	}
	getJSON(t, srv.API+"/api/v1/messages?limit=5000", &list)
	var out []Summary
	for _, m := range list.Messages {
		for _, a := range m.To {
			if a.Address == to {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// Get returns message id, decoded.
func (s Server) Get(t testing.TB, id string) Message {
	t.Helper()
	var m Message
	getJSON(t, s.API+"/api/v1/message/"+id, &m)
	return m
}

// Raw returns message id as received.
func (s Server) Raw(t testing.TB, id string) []byte {
	t.Helper()
	return get(t, s.API+"/api/v1/message/"+id+"/raw")
}

func getJSON(t testing.TB, url string, v any) {
	t.Helper()
	if err := json.Unmarshal(get(t, url), v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

func get(t testing.TB, url string) []byte {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s %v\n%s", url, resp.Status, err, b)
	}
	return b
}

// Config returns the YAML of a mail: section for srv with tls mode, sending
// to the recipients to, with the login (password in the environment
// variable pwEnv) when pwEnv is not empty.
func (s Servers) Config(srv Server, tls, pwEnv string, to ...string) string {
	y := fmt.Sprintf("mail:\n  host: %s\n  port: %d\n  tls: %s\n  from: cardcheck <cardcheck@example.test>\n  ca_file: %s\n  to:\n",
		srv.Host(), srv.Port(), tls, s.CAFile)
	for _, a := range to {
		y += fmt.Sprintf("    - %q\n", a)
	}
	if pwEnv != "" {
		y += fmt.Sprintf("  user: %s\n  password_env: %s\n", s.User, pwEnv)
	}
	return y
}
