package notify

import (
	"bufio"
	"crypto/tls"
	"encoding/base64"
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
)

// TestPasswordEchoedByServerIsRedacted: a server that repeats the login it
// refused in its error reply (some do, in the AUTH line or decoded) never
// gets the password into cardcheck's error: a real SMTP exchange over
// implicit TLS with a certificate made for the test, the login PLAIN
// (password in "\0user\0password", base64) and LOGIN (base64 on a line of
// its own).
func TestPasswordEchoedByServerIsRedacted(t *testing.T) {
	const user, pw = "cardcheck", "s3cret-Pässword!"
	res, _ := apple()
	m, _ := Compose(digest(res, lang.EN))
	for _, tc := range []struct {
		name, mech string
		echo       func(authLines []string) string // the 535 reply's text
	}{
		{"PLAIN, the AUTH line", "PLAIN", func(l []string) string { return "authentication failed: " + strings.Join(l, " ") }},
		{"PLAIN, decoded", "PLAIN", func(l []string) string {
			b, _ := base64.StdEncoding.DecodeString(l[len(l)-1])
			return fmt.Sprintf("no user with login %q", b)
		}},
		{"LOGIN, the password line", "LOGIN", func(l []string) string { return "rejected " + l[len(l)-1] }},
		{"LOGIN, decoded", "LOGIN", func(l []string) string {
			b, _ := base64.StdEncoding.DecodeString(l[len(l)-1])
			return "wrong password " + string(b)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr, caFile := echoServer(t, tc.mech, tc.echo)
			host, port, _ := net.SplitHostPort(addr)
			yaml := fmt.Sprintf("mail:\n  host: %s\n  port: %s\n  tls: implicit\n  user: %s\n  password_env: PW\n  ca_file: %s\n"+
				"  from: cardcheck@example.com\n  to: [you@example.com]\n", host, port, user, caFile)
			cfg, err := config.Parse(filepath.Join(t.TempDir(), "config.yaml"), []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			err = send(t, cfg.Mail, m, func(string) string { return pw })
			var f *Failure
			if !errors.As(err, &f) || f.Reason != LoginRefused {
				t.Fatalf("error %v: want a refused login", err)
			}
			text := err.Error()
			for _, secret := range []string{pw, base64.StdEncoding.EncodeToString([]byte(pw)),
				base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + pw))} {
				if strings.Contains(text, secret) {
					t.Errorf("the error shows the password as %q: %s", secret, text)
				}
			}
			if !strings.Contains(text, "[password]") {
				t.Errorf("the server's echo is not in the error as [password]: %s", text)
			}
		})
	}
}

// echoServer serves SMTP over TLS on a loopback port until the test ends:
// it offers the login mech, refuses every login with 535 and the text echo
// makes of the lines the client sent for it. It returns the address and
// the file holding its certificate, which is its own CA.
func echoServer(t *testing.T, mech string, echo func([]string) string) (addr, caFile string) {
	t.Helper()
	cert := tlstest.Cert(t, "127.0.0.1", []string{"127.0.0.1"}, time.Now().Add(-time.Hour), time.Now().Add(time.Hour), true, nil)
	caFile = tlstest.CAFile(t, cert)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
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
			go serveEcho(c, mech, echo)
		}
	}()
	return ln.Addr().String(), caFile
}

func serveEcho(c net.Conn, mech string, echo func([]string) string) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(c)
	say := func(line string) { fmt.Fprintf(c, "%s\r\n", line) }
	read := func() (string, bool) {
		line, err := r.ReadString('\n')
		return strings.TrimRight(line, "\r\n"), err == nil
	}
	say("220 127.0.0.1 ESMTP")
	for {
		line, ok := read()
		if !ok {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			say("250-127.0.0.1")
			say("250 AUTH " + mech)
		case "AUTH":
			lines := []string{line}
			m, initial, _ := strings.Cut(arg, " ")
			switch {
			case strings.EqualFold(m, "LOGIN"):
				say("334 " + base64.StdEncoding.EncodeToString([]byte("Username:")))
				u, _ := read()
				say("334 " + base64.StdEncoding.EncodeToString([]byte("Password:")))
				p, _ := read()
				lines = append(lines, u, p)
			case initial == "":
				say("334 ")
				p, _ := read()
				lines = append(lines, p)
			default:
				lines = append(lines, initial)
			}
			say("535 5.7.8 " + echo(lines))
		case "QUIT":
			say("221 bye")
			return
		default:
			say("502 5.5.2 not here")
		}
	}
}
