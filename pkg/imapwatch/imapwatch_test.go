package imapwatch_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/cardcheck/cardcheck/pkg/imapwatch"
	"github.com/cardcheck/cardcheck/pkg/imapwatch/imaptest"
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/all"
	"github.com/cardcheck/cardcheck/pkg/notice/noticetest"
)

func watchConfig(t testing.TB, s imaptest.Servers, addr, tlsMode, mailbox string) imapwatch.Config {
	return imapwatch.Config{
		Addr: addr, TLS: tlsMode, RootCAs: s.CAs, User: s.User, Password: s.Password,
		Mailbox: mailbox, StatePath: filepath.Join(t.TempDir(), "imap.json"),
	}
}

// collect is a handler that keeps what it is given.
type collect struct {
	mu    sync.Mutex
	mails []imapwatch.Mail
	calls int
	ch    chan imapwatch.Mail
}

func (c *collect) handle(_ context.Context, mails []imapwatch.Mail) error {
	c.mu.Lock()
	c.mails = append(c.mails, mails...)
	c.calls++
	c.mu.Unlock()
	for _, m := range mails {
		if c.ch != nil {
			c.ch <- m
		}
	}
	return nil
}

func TestPass(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	first := imaptest.Mail("one", "body one")
	u1 := s.Append(t, box, first)
	s.Append(t, box, imaptest.Mail("two", "body two"))
	for _, mode := range []struct{ addr, tls string }{{s.StartTLS, imapwatch.StartTLS}, {s.Implicit, imapwatch.Implicit}} {
		cfg := watchConfig(t, s, mode.addr, mode.tls, box)
		var c collect
		if err := imapwatch.Pass(context.Background(), cfg, c.handle); err != nil {
			t.Fatalf("%s: %v", mode.tls, err)
		}
		if len(c.mails) != 2 || !bytes.Equal(c.mails[0].Raw, first) || c.mails[0].UID != u1 || !strings.Contains(string(c.mails[1].Raw), "body two") {
			t.Fatalf("%s: got %d mails: %+v", mode.tls, len(c.mails), c.mails)
		}
		// The position is saved, 0600: the next pass has nothing, then
		// only what came since.
		info, err := os.Stat(cfg.StatePath)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("state file: %v, %v", info, err)
		}
		var again collect
		if err := imapwatch.Pass(context.Background(), cfg, again.handle); err != nil || len(again.mails) != 0 {
			t.Fatalf("second pass: %v, %d mails", err, len(again.mails))
		}
	}
	cfg := watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box)
	cfg.MaxPerPass = 1
	u3 := s.Append(t, box, imaptest.Mail("three", "body three"))
	var c collect
	if err := imapwatch.Pass(context.Background(), cfg, c.handle); err != nil || len(c.mails) != 3 || c.calls != 3 || c.mails[2].UID != u3 {
		t.Fatalf("one per pass: %v, %d mails in %d calls", err, len(c.mails), c.calls)
	}
	// Read-only: no flag was set, not even \Seen. (\Recent is the
	// server's own, set for the first session to see a message.)
	for uid, flags := range s.Flags(t, box) {
		if len(flags) > 1 || len(flags) == 1 && flags[0] != imap.Flag(`\Recent`) {
			t.Errorf("UID %d has flags %v after reading", uid, flags)
		}
	}
}

// TestLimits: a message over the size limit is reported, not fetched, and
// the others still come; a handler error keeps the position.
func TestLimits(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	s.Append(t, box, imaptest.Mail("big", strings.Repeat("x", 5000)))
	s.Append(t, box, imaptest.Mail("small", "ok"))
	cfg := watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box)
	cfg.MaxMessage = 1000
	fail := errors.New("handler failed")
	err := imapwatch.Pass(context.Background(), cfg, func(context.Context, []imapwatch.Mail) error { return fail })
	if !errors.Is(err, fail) {
		t.Fatalf("handler error: %v", err)
	}
	var c collect
	if err := imapwatch.Pass(context.Background(), cfg, c.handle); err != nil || len(c.mails) != 2 {
		t.Fatalf("%v, %d mails", err, len(c.mails))
	}
	if !errors.Is(c.mails[0].Err, imapwatch.ErrTooLarge) || c.mails[0].Raw != nil || c.mails[1].Err != nil ||
		!strings.Contains(c.mails[0].Err.Error(), box+";UID=") {
		t.Errorf("big: %v; small: %v", c.mails[0].Err, c.mails[1].Err)
	}
}

// TestUIDValidity: a mailbox renumbered by the server (deleted and made
// again) is read from its start, not from the old UID.
func TestUIDValidity(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	for i := 0; i < 3; i++ {
		s.Append(t, box, imaptest.Mail("old", "old"))
	}
	cfg := watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box)
	var c collect
	if err := imapwatch.Pass(context.Background(), cfg, c.handle); err != nil || len(c.mails) != 3 {
		t.Fatalf("%v, %d", err, len(c.mails))
	}
	cl := s.Client(t)
	if err := cl.Delete(box).Wait(); err != nil {
		t.Fatal(err)
	}
	if err := cl.Create(box, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	imaptest.Append(t, cl, box, imaptest.Mail("new", "new"))
	var again collect
	if err := imapwatch.Pass(context.Background(), cfg, again.handle); err != nil || len(again.mails) != 1 || !strings.Contains(string(again.mails[0].Raw), "new") {
		t.Fatalf("after renumbering: %v, %d mails", err, len(again.mails))
	}
}

func TestFaults(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	ctx := context.Background()
	h := func(context.Context, []imapwatch.Mail) error { return nil }

	cfg := watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box)
	cfg.Password = "wrong-" + s.Password
	err := imapwatch.Pass(ctx, cfg, h)
	if !errors.Is(err, imapwatch.ErrLogin) || strings.Contains(err.Error(), cfg.Password) || !strings.Contains(err.Error(), "as "+s.User) {
		t.Errorf("wrong password: %v", err)
	}
	cfg = watchConfig(t, s, s.Plain, imapwatch.StartTLS, box)
	if err := imapwatch.Pass(ctx, cfg, h); !errors.Is(err, imapwatch.ErrNoTLS) {
		t.Errorf("server without TLS, STARTTLS: %v", err)
	}
	cfg = watchConfig(t, s, s.Plain, imapwatch.Implicit, box)
	if err := imapwatch.Pass(ctx, cfg, h); err == nil || !strings.Contains(err.Error(), "TLS handshake failed") {
		t.Errorf("server without TLS, implicit: %v", err)
	}
	cfg = watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box)
	cfg.RootCAs = nil // the system's roots do not know the test CA
	if err := imapwatch.Pass(ctx, cfg, h); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("unknown certificate: %v", err)
	}
	cfg = watchConfig(t, s, s.StartTLS, "none", box)
	if err := imapwatch.Pass(ctx, cfg, h); !errors.Is(err, imapwatch.ErrBadConfig) {
		t.Errorf("tls none: %v", err)
	}
	cfg = watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box+"-missing")
	if err := imapwatch.Pass(ctx, cfg, h); !errors.Is(err, imapwatch.ErrMailbox) {
		t.Errorf("missing mailbox: %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg = watchConfig(t, s, addr, imapwatch.Implicit, box)
	if err := imapwatch.Pass(ctx, cfg, h); err == nil || !strings.Contains(err.Error(), "connect to "+addr) {
		t.Errorf("server down: %v", err)
	}
}

// watch runs Watch until the test ends and returns the mails it hands over
// and the errors it logs.
func watch(t *testing.T, cfg imapwatch.Config) (<-chan imapwatch.Mail, <-chan error) {
	ctx, cancel := context.WithCancel(context.Background())
	c := &collect{ch: make(chan imapwatch.Mail, 100)}
	errs := make(chan error, 100)
	done := make(chan struct{})
	go func() {
		defer close(done)
		imapwatch.Watch(ctx, cfg, c.handle, func(err error) { errs <- err })
	}()
	t.Cleanup(func() { cancel(); <-done })
	return c.ch, errs
}

func receive(t *testing.T, ch <-chan imapwatch.Mail, want string) {
	t.Helper()
	select {
	case m := <-ch:
		if !strings.Contains(string(m.Raw), want) {
			t.Fatalf("got %q, want %q", m.Raw, want)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("no mail %q within 30 s", want)
	}
}

func TestWatchIdle(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	s.Append(t, box, imaptest.Mail("before", "before"))
	cfg := watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box)
	cfg.PollInterval = time.Hour // would never come: IDLE must
	mails, _ := watch(t, cfg)
	receive(t, mails, "before")
	s.Append(t, box, imaptest.Mail("after", "after"))
	receive(t, mails, "after")
}

func TestWatchPolls(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	cfg := watchConfig(t, s, s.NoIdle, imapwatch.StartTLS, box)
	cfg.PollInterval = 200 * time.Millisecond
	mails, _ := watch(t, cfg)
	s.Append(t, box, imaptest.Mail("polled", "polled"))
	receive(t, mails, "polled")
}

// TestWatchReconnects: the connection drops (a proxy in between cuts it);
// Watch says so, connects again and hands over the mail that came meanwhile.
func TestWatchReconnects(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	p := newProxy(t, s.Implicit)
	cfg := watchConfig(t, s, p.addr(), imapwatch.Implicit, box)
	mails, errs := watch(t, cfg)
	s.Append(t, box, imaptest.Mail("first", "first"))
	receive(t, mails, "first")
	p.cut()
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), "connection lost") || !strings.Contains(err.Error(), "connecting again in 1s") {
			t.Errorf("logged %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the dropped connection was not noticed")
	}
	s.Append(t, box, imaptest.Mail("second", "second"))
	receive(t, mails, "second")
}

// TestForgedNotices: notices delivered to the mailbox are read through the
// notice registry: the genuine one gives its charge; the forged ones (wrong
// domain, altered after signing, look-alike subject from another sender)
// are imitations; a malformed one is an error naming its UID.
func TestForgedNotices(t *testing.T) {
	s := imaptest.Get(t)
	box := s.NewMailbox(t)
	keys := &noticetest.Keys{}
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "notices", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	e1 := fixture("smbc/e1-notice.eml")
	genuine := keys.Sign(t, e1, "vpass.ne.jp")
	wrongDomain := keys.Sign(t, bytes.Replace(e1, []byte("statement@vpass.ne.jp"), []byte("statement@vpass-ne.jp"), 1), "vpass-ne.jp")
	altered := bytes.Replace(genuine, []byte("Message-ID: <e1-notice"), []byte("Message-ID: <e1-altered"), 1)
	lookalike := keys.Sign(t, fixture("imitations/e17-smbc-lookalike.eml"), "example-mailer.test")
	malformed := keys.Sign(t, []byte("From: statement@vpass.ne.jp\r\nSubject: =?UTF-8?B?44GU5Yip55So44Gu44GK55+l44KJ44Gb44CQ5LiJ5LqV5L2P5Y+L44Kr44O844OJ44CR?=\r\n"+
		"Content-Type: text/plain; charset=UTF-8\r\n\r\n◇利用日：2026/03/14 19:42\r\n◇利用先：X\r\n◇利用金額：千円\r\n"), "vpass.ne.jp")
	for _, raw := range [][]byte{genuine, wrongDomain, altered, lookalike, malformed} {
		s.Append(t, box, raw)
	}
	reg := all.Registry()
	var results []notice.Result
	h := func(_ context.Context, mails []imapwatch.Mail) error {
		for _, m := range mails {
			results = append(results, reg.Read(m.Name, m.Raw, keys.Verifier()))
		}
		return nil
	}
	if err := imapwatch.Pass(context.Background(), watchConfig(t, s, s.StartTLS, imapwatch.StartTLS, box), h); err != nil {
		t.Fatal(err)
	}
	if len(results) != 5 {
		t.Fatalf("%d results", len(results))
	}
	if r := results[0]; len(r.Charges) != 1 || r.Charges[0].Amount.String() != "2480" || r.Err != nil {
		t.Errorf("genuine: %+v", r)
	}
	for i, want := range []string{"sent from statement@vpass-ne.jp", "does not verify", "sent from no-reply@example-mailer.test"} {
		if r := results[i+1]; len(r.Charges) != 0 || !strings.Contains(r.Imitation, want) || r.Layout == nil || r.Layout.Issuer != "三井住友カード" {
			t.Errorf("forged %d: imitation %q, %d charges, err %v", i+1, r.Imitation, len(r.Charges), r.Err)
		}
	}
	if r := results[4]; r.Err == nil || len(r.Charges) != 0 || !strings.Contains(r.Err.Error(), ";UID=5: body line 3: invalid amount") {
		t.Errorf("malformed: %v", r.Err)
	}
}

// proxy forwards TCP to a server and can cut every connection at once.
type proxy struct {
	l     net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { io.Copy(u, c); u.Close() }()
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
	t.Cleanup(func() { l.Close(); p.cut() })
	return p
}

func (p *proxy) addr() string { return p.l.Addr().String() }

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}
