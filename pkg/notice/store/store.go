// Package store keeps the usage notices cardcheck has read from the user's
// mailbox (cardcheck watch, scan --imap), so that every later check sees
// them again: five charges within minutes come in five mails, and each pass
// reads only the new one.
//
// Only authentic notices are kept, each in the state folder as it came
// with one header added on top: an Authentication-Results header of the
// store's own authserv-id saying how it was verified when it arrived. The
// store is read with a verifier that believes that header and nothing
// else, so a notice kept today still counts when the card company has
// replaced the DKIM key it was signed with, and no DNS is asked again.
// Other mail (a mailbox holds mostly mail that is no notice), imitations
// and unreadable notices are never kept: they are reported when they come.
package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/mailbox"
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// authservID names the store in the header it adds; only the store's
// reader believes it.
const authservID = "cardcheck-store"

// KeepDays is how long a notice is kept: while its charges are at most
// this many days older than the newest kept notice's (the rules look back a
// year at most). The newest notice, not the clock, sets the limit, so that a
// mailbox read again after a long pause keeps its history.
const KeepDays = 400

// Store is a folder of kept notices: a maildir (cur/), one file per mail,
// named by its content's hash, mode 0600 in a 0700 folder.
type Store struct {
	Dir string
}

// Dir returns the store's folder in the state folder stateDir.
func Dir(stateDir string) string { return filepath.Join(stateDir, "notices") }

// Fetched is what keeping a pass's mail found.
type Fetched struct {
	// Kept counts the authentic notices kept (already kept ones too).
	Kept int
	// Others are the results to report once, now: imitations and notices
	// that could not be read. Mail that is no notice is not among them.
	Others []notice.Result
}

// Keep reads each mail with reg and v and keeps the authentic notices. A notice whose sender's key DNS
// cannot give now is an error wrapping [notice.ErrTryLater]: nothing of the
// pass should be taken as read, so that the mail comes again. Every other
// result is in the Fetched.
func (s *Store) Keep(reg *notice.Registry, v *auth.Verifier, mails []mailbox.Message) (Fetched, error) {
	var f Fetched
	for _, m := range mails {
		if m.Err != nil {
			f.Others = append(f.Others, notice.Result{Name: m.Name, Err: &notice.Error{Name: m.Name, Err: m.Err}})
			continue
		}
		r := reg.Read(m.Name, m.Raw, v)
		switch {
		case r.Layout == nil && r.Err == nil:
			continue // not a usage notice
		case errors.Is(r.Err, notice.ErrTryLater):
			return f, r.Err
		case r.Err != nil || r.Imitation != "":
			f.Others = append(f.Others, r)
			continue
		}
		if err := s.put(m.Name, m.Raw, auth.Domain(r.Sender)); err != nil {
			return f, err
		}
		f.Kept++
	}
	return f, nil
}

// put writes raw with the store's verdict and where it came from (name) on
// top, once.
func (s *Store) put(name string, raw []byte, domain string) error {
	dir := filepath.Join(s.Dir, "cur")
	for _, d := range []string{dir, filepath.Join(s.Dir, "new"), filepath.Join(s.Dir, "tmp")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	sum := sha256.Sum256(raw)
	path := filepath.Join(dir, hex.EncodeToString(sum[:16])+".eml")
	if _, err := os.Lstat(path); err == nil {
		return nil
	}
	head := fmt.Sprintf("Authentication-Results: %s; dkim=pass header.d=%s\r\n%s: %s\r\n", authservID, domain, sourceHeader, oneLine(name))
	return atomicfile.Write(path, append([]byte(head), raw...), 0o600, nil)
}

// Read reads the kept notices with reg, each named where it came from (its
// IMAP URL). A notice whose charges are all more than [KeepDays] older than
// the newest kept charge is removed instead. A missing store is an empty
// one.
func (s *Store) Read(reg *notice.Registry) ([]notice.Result, error) {
	if _, err := os.Stat(filepath.Join(s.Dir, "cur")); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	v := Verifier()
	var all []notice.Result
	var paths []string
	err := mailbox.Read(s.Dir, func(m mailbox.Message) bool {
		if m.Err != nil {
			all = append(all, notice.Result{Name: m.Name, Err: &notice.Error{Name: m.Name, Err: m.Err}})
			paths = append(paths, m.Name)
			return true
		}
		name := m.Name
		if src := header(m.Raw, sourceHeader); src != "" {
			name = src
		}
		all = append(all, reg.Read(name, m.Raw, v))
		paths = append(paths, m.Name)
		return true
	})
	if err != nil {
		return nil, err
	}
	var newest statement.Date
	for _, r := range all {
		for _, c := range r.Charges {
			newest = max(newest, c.Date)
		}
	}
	cutoff := newest.AddDays(-KeepDays)
	out := all[:0]
	for i, r := range all {
		old := len(r.Charges) > 0
		for _, c := range r.Charges {
			old = old && c.Date < cutoff
		}
		if !old {
			out = append(out, r)
		} else if err := os.Remove(paths[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sourceHeader says where a kept notice came from.
const sourceHeader = "X-Cardcheck-Source"

// header returns the value of the first field key in raw's header, or "".
func header(raw []byte, key string) string {
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			break
		}
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// oneLine keeps a name on one header line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// Verifier believes the store's own verdicts and asks no DNS: what the
// store holds was verified when it was kept.
func Verifier() *auth.Verifier {
	return &auth.Verifier{AuthservIDs: []string{authservID}, LookupTXT: func(name string) ([]string, error) {
		return nil, fmt.Errorf("the notice store asks no DNS (%s)", name)
	}}
}
