package store

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/mailbox"
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/all"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/notice/noticetest"
)

func TestKeepAndRead(t *testing.T) {
	keys := &noticetest.Keys{}
	reg := all.Registry()
	good := keys.ReadSigned(t, noticetest.Fixtures(t, "smbc")[0]) // e1-notice
	plain := []byte("From: friend@example.jp\r\nSubject: lunch?\r\n\r\n12時に。\r\n")
	imitation, _ := os.ReadFile(noticetest.Fixtures(t, "imitations")[0])
	// A phisher who writes the store's own header gains nothing: only the
	// store's reader believes it.
	forged := append([]byte("Authentication-Results: cardcheck-store; dkim=pass header.d=vpass.ne.jp\r\n"), imitation...)
	e1, _ := os.ReadFile(noticetest.Fixtures(t, "smbc")[0])
	broken := keys.Sign(t, bytes.Replace(e1, []byte("2026/"), []byte("2026-13/"), 1), "vpass.ne.jp")

	s := &Store{Dir: filepath.Join(t.TempDir(), "notices")}
	mails := []mailbox.Message{
		{Name: "imap://me@imap.example.jp/INBOX;UID=1", Raw: good},
		{Name: "imap://me@imap.example.jp/INBOX;UID=2", Raw: plain},
		{Name: "imap://me@imap.example.jp/INBOX;UID=3", Raw: imitation},
		{Name: "imap://me@imap.example.jp/INBOX;UID=4", Raw: forged},
		{Name: "imap://me@imap.example.jp/INBOX;UID=5", Raw: broken},
		{Name: "imap://me@imap.example.jp/INBOX;UID=6", Err: errors.New("message larger than the limit, not fetched")},
		{Name: "imap://me@imap.example.jp/INBOX;UID=7", Raw: good}, // the same mail in another folder
	}
	f, err := s.Keep(reg, keys.Verifier(), mails)
	if err != nil {
		t.Fatal(err)
	}
	if f.Kept != 2 || len(f.Others) != 4 {
		t.Fatalf("kept %d, others %d: %+v", f.Kept, len(f.Others), f.Others)
	}
	if f.Others[0].Imitation == "" || f.Others[1].Imitation == "" || f.Others[2].Err == nil || !strings.Contains(f.Others[2].Err.Error(), "UID=5") || f.Others[3].Err == nil {
		t.Errorf("others: %+v", f.Others)
	}
	files, _ := filepath.Glob(filepath.Join(s.Dir, "cur", "*"))
	if len(files) != 1 {
		t.Fatalf("%d files kept, want the one notice", len(files))
	}
	if info, _ := os.Stat(files[0]); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode())
	}
	if info, _ := os.Stat(s.Dir); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", info.Mode())
	}

	// Read needs no DNS and no key: the card company may have replaced it.
	results, err := s.Read(reg)
	if err != nil || len(results) != 1 {
		t.Fatalf("read %v, %v", results, err)
	}
	r := results[0]
	if r.Err != nil || len(r.Charges) != 1 || r.Name != "imap://me@imap.example.jp/INBOX;UID=1" || r.Charges[0].Source.File != r.Name {
		t.Errorf("kept notice: %+v", r)
	}
	// Normal reading does not believe the store's header.
	raw, _ := os.ReadFile(files[0])
	if r := reg.Read("copy", raw, &auth.Verifier{LookupTXT: func(string) ([]string, error) { return nil, &net.DNSError{IsNotFound: true} }}); len(r.Charges) != 0 {
		t.Error("a kept notice copied out was believed without its signature")
	}
	// A notice more than 400 days older than the newest is let go.
	later := keys.Sign(t, bytes.Replace(bytes.Replace(e1, []byte("2026/03/14"), []byte("2027/05/01"), 1), []byte("<e1-notice"), []byte("<later"), 1), "vpass.ne.jp")
	if f, err := s.Keep(reg, keys.Verifier(), []mailbox.Message{{Name: "later", Raw: later}}); err != nil || f.Kept != 1 {
		t.Fatalf("keep a later notice: %+v %v", f, err)
	}
	results, err = s.Read(reg)
	if err != nil || len(results) != 1 || results[0].Name != "later" {
		t.Errorf("after 400 days: %+v %v", results, err)
	}
	if files, _ := filepath.Glob(filepath.Join(s.Dir, "cur", "*")); len(files) != 1 {
		t.Errorf("old notices left: %v", files)
	}
}

// TestKeepTryLater: DNS down is no verdict; the pass stops so that the mail
// comes again.
func TestKeepTryLater(t *testing.T) {
	keys := &noticetest.Keys{}
	good := keys.ReadSigned(t, noticetest.Fixtures(t, "smbc")[0])
	down := &auth.Verifier{LookupTXT: func(name string) ([]string, error) {
		return nil, &net.DNSError{Err: "server misbehaving", Name: name, IsTemporary: true}
	}}
	s := &Store{Dir: filepath.Join(t.TempDir(), "notices")}
	_, err := s.Keep(all.Registry(), down, []mailbox.Message{{Name: "imap://x/INBOX;UID=1", Raw: good}})
	if !errors.Is(err, notice.ErrTryLater) || !errors.Is(err, notice.ErrUnverified) {
		t.Errorf("DNS down: %v", err)
	}
	if results, err := s.Read(all.Registry()); len(results) != 0 || err != nil {
		t.Errorf("kept with DNS down: %v %v", results, err)
	}
}

// FuzzKeep: whatever a mail holds, what the store keeps reads back as the
// same charges, named where the mail came from, and nothing else is kept.
func FuzzKeep(f *testing.F) {
	keys := &noticetest.Keys{}
	for _, fx := range noticetest.Fixtures(f, "smbc") {
		raw, _ := os.ReadFile(fx)
		f.Add(raw)
	}
	reg := all.Registry()
	f.Fuzz(func(t *testing.T, raw []byte) {
		signed, err := keys.TrySign(raw, "vpass.ne.jp")
		if err != nil {
			return // not a mail the signer can read
		}
		s := &Store{Dir: filepath.Join(t.TempDir(), "notices")}
		name := "imap://u@h/INBOX;UID=1\r\nX-Evil: 1"
		fetched, err := s.Keep(reg, keys.Verifier(), []mailbox.Message{{Name: name, Raw: signed}})
		if err != nil {
			return
		}
		direct := reg.Read(name, signed, keys.Verifier())
		results, err := s.Read(reg)
		if err != nil {
			t.Fatal(err)
		}
		if fetched.Kept == 0 {
			if len(results) != 0 {
				t.Fatalf("nothing kept, %d read back", len(results))
			}
			return
		}
		if len(results) != 1 || len(results[0].Charges) != len(direct.Charges) || results[0].Name != oneLine(name) {
			t.Fatalf("kept %d charges as %q, read back %+v", len(direct.Charges), name, results)
		}
		for i, c := range results[0].Charges {
			if c.Date != direct.Charges[i].Date || !c.Amount.Equal(direct.Charges[i].Amount) || c.Merchant != direct.Charges[i].Merchant {
				t.Fatalf("charge %d: %+v, was %+v", i, c.Charge, direct.Charges[i].Charge)
			}
		}
	})
}
