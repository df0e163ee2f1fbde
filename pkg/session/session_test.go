package session

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify"
	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/rules"
)

// fakeSender records what it is asked to send, or fails.
type fakeSender struct {
	mu    sync.Mutex
	sent  []*notify.Message
	err   error
	delay time.Duration
}

func (f *fakeSender) Send(ctx context.Context, m *notify.Message) error {
	time.Sleep(f.delay)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.sent = append(f.sent, m)
	return nil
}

func (f *fakeSender) count() int { f.mu.Lock(); defer f.mu.Unlock(); return len(f.sent) }

var mailCfg = &config.Mail{Host: "127.0.0.1", From: "a@example.test", To: []string{"b@example.test"}}

// apple is the demo scanned with the demo config: one finding, the five
// Apple charges.
func apple() (*scan.Result, []rules.Finding) {
	cfg, err := config.Load("../../testdata/demo/config.yaml", true)
	if err != nil {
		panic(err)
	}
	eng, err := rules.New(cfg.Spec())
	if err != nil {
		panic(err)
	}
	res := scan.Run([]string{"../../testdata/demo"}, scan.Options{Config: cfg, Engine: eng})
	// The card's breach notice is a finding of its own; these tests are
	// about the Apple alert.
	res.Findings = slices.DeleteFunc(res.Findings, func(f rules.Finding) bool { return f.CardLevel })
	return res, res.Findings
}

// cron runs what `cardcheck scan --mail` does with the state in dir.
func cron(t *testing.T, dir string, s notify.Sender, always bool) (string, state.View, error) {
	t.Helper()
	res, _ := apple()
	sess, err := Start(res, Options{StateDir: dir, Mail: true, MailAlways: always, Lang: lang.EN, FailOn: severity.Warning, MailConfig: mailCfg, Sender: s})
	if err != nil {
		return "", state.View{}, err
	}
	defer sess.Close()
	o, err := sess.Finish(context.Background())
	return o.Line(lang.EN), sess.View, err
}

func TestSessionMailsOnce(t *testing.T) {
	dir := t.TempDir()
	s := &fakeSender{}
	done, v, err := cron(t, dir, s, false)
	if err != nil || s.count() != 1 || len(v.New) != 1 || !strings.HasPrefix(done, "Mailed 5 suspicious charges") {
		t.Fatalf("first run: %q %v, %d sent", done, err, s.count())
	}
	done, v, err = cron(t, dir, s, false)
	if err != nil || s.count() != 1 || len(v.New) != 0 || len(v.Active) != 1 || done != "Nothing new to mail." {
		t.Fatalf("second run: %q %v, %d sent", done, err, s.count())
	}
	// --mail-always: an all-clear that still counts the open finding.
	if _, _, err := cron(t, dir, s, true); err != nil || s.count() != 2 {
		t.Fatalf("mail-always: %v, %d sent", err, s.count())
	}
	if m := s.sent[1]; !strings.Contains(m.Subject, "No new suspicious charges") || !strings.Contains(m.Text, "Still open from earlier mails: 1 finding") {
		t.Errorf("all-clear:\n%s\n%s", m.Subject, m.Text)
	}
}

// TestSessionSendFails: a mail that cannot be sent leaves the state as it
// was, so the next run sends the same findings.
func TestSessionSendFails(t *testing.T) {
	dir := t.TempDir()
	down := &fakeSender{err: errors.New("connection refused")}
	if _, _, err := cron(t, dir, down, false); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(filepath.Join(dir, state.FileName)); !os.IsNotExist(err) {
		t.Errorf("the state was written: %v", err)
	}
	up := &fakeSender{}
	if _, v, err := cron(t, dir, up, false); err != nil || up.count() != 1 || len(v.New) != 1 {
		t.Errorf("next run: %v, %d sent", err, up.count())
	}
	before, _ := os.ReadFile(filepath.Join(dir, state.FileName))
	if _, _, err := cron(t, dir, down, true); err == nil {
		t.Fatal("no error")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, state.FileName)); string(after) != string(before) {
		t.Error("a failed all-clear changed the state")
	}
}

// TestSessionOverlap: two runs at once mail once; the second waits for the
// first's lock and then finds nothing new.
func TestSessionOverlap(t *testing.T) {
	dir := t.TempDir()
	s := &fakeSender{delay: 100 * time.Millisecond}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := cron(t, dir, s, false); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if s.count() != 1 {
		t.Errorf("%d mails, want 1", s.count())
	}
}

func TestSessionAcknowledged(t *testing.T) {
	dir := t.TempDir()
	if _, err := state.Acknowledge(dir, []string{"6a3412695cfa"}, "mine", time.Now()); err != nil {
		t.Fatal(err)
	}
	s := &fakeSender{}
	_, v, err := cron(t, dir, s, false)
	if err != nil || s.count() != 0 || len(v.Active) != 0 || len(v.Acked) != 1 {
		t.Errorf("%v, %d sent, view %+v", err, s.count(), v)
	}
	// A scan without --mail reads the acknowledgement too, and writes nothing.
	res, _ := apple()
	sess, err := Start(res, Options{StateDir: dir})
	if err != nil || len(sess.View.Active) != 0 {
		t.Fatalf("%v %+v", err, sess.View)
	}
	if o, err := sess.Finish(context.Background()); o.Mailed || err != nil {
		t.Errorf("Finish without mail: %+v %v", o, err)
	}
	sess.Close()
}

func TestSessionNeedsMailConfig(t *testing.T) {
	res, _ := apple()
	if _, err := Start(res, Options{StateDir: t.TempDir(), Mail: true}); !errors.Is(err, ErrNoMailConfig) {
		t.Errorf("no mail section: %v", err)
	}
	// No state folder yet and no mail: nothing is created.
	dir := filepath.Join(t.TempDir(), "none")
	sess, err := Start(res, Options{StateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	sess.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a scan without --mail created %s", dir)
	}
}

// TestSessionThroughMailpit: the cron flow with the real server: a second
// run sends nothing.
func TestSessionThroughMailpit(t *testing.T) {
	mp := mailpittest.Get(t)
	to := mailpittest.Recipient(t)
	yaml := mp.Config(mp.StartTLS, config.TLSStartTLS, "CARDCHECK_TEST_SMTP_PASSWORD", to)
	cfg, err := config.Parse(t.TempDir()+"/config.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for run := 1; run <= 2; run++ {
		res, _ := apple()
		sess, err := Start(res, Options{StateDir: dir, Mail: true, Lang: lang.JA, FailOn: severity.Warning, MailConfig: cfg.Mail})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Finish(context.Background()); err != nil {
			t.Fatal(err)
		}
		sess.Close()
		if n := len(mailpittest.To(t, mp.StartTLS, to)); n != 1 {
			t.Fatalf("after run %d: %d messages, want 1", run, n)
		}
	}
}
