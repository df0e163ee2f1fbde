// Package state remembers, between cron runs, what cardcheck has reported
// and what the user has acknowledged, by stable finding id.
//
// The state lives in a folder (default $XDG_STATE_HOME/cardcheck, that is
// ~/.local/state/cardcheck) as one JSON file, state.json, mode 0600, beside
// a lock file, state.lock. A run that changes the state holds an exclusive
// flock on the lock file from reading to writing, so overlapping runs take
// turns. The file is replaced atomically (a temporary file in the same
// folder, fsync, rename, fsync of the folder): a run killed at any moment
// leaves the old state or the new one. A state file that cannot be read is
// an error naming the file; it is never silently reset, since that would
// mail every old finding again and forget every acknowledgement.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Version is the state file format this package writes. Version 1 stored
// each finding's reasons as English and Japanese sentences (summary,
// summary_ja); version 2 stores them as facts (reasons), which any later
// cardcheck can say in either language. A version 1 file is read and
// migrated: its sentences become reasons said as they were written.
const Version = 2

// The files in the state folder.
const (
	FileName = "state.json"
	LockName = "state.lock"
)

// State is the content of state.json.
type State struct {
	Version int `json:"version"`
	// Findings are keyed by finding id.
	Findings map[string]*Entry `json:"findings"`
}

// Entry is what is remembered of one finding. Card numbers are stored masked
// as the statements print them (see package cardnum).
type Entry struct {
	Card     string `json:"card,omitempty"`
	Issuer   string `json:"issuer,omitempty"`
	Rule     string `json:"rule,omitempty"`
	Severity string `json:"severity,omitempty"`
	// Reasons are why the finding was made, as facts (see package message).
	Reasons []Reason `json:"reasons,omitempty"`
	// Summary and SummaryJA are version 1's sentences; load migrates them
	// to Reasons, and they are never written.
	Summary   string   `json:"summary,omitempty"`
	SummaryJA string   `json:"summary_ja,omitempty"`
	Charges   []Charge `json:"charges,omitempty"`
	// CardLevel marks a notice about the card (a breach, a missing
	// payment): its charges are evidence, so it is never withdrawn.
	CardLevel bool `json:"card_level,omitempty"`

	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	// ReportedAt is when the finding was mailed; zero if it never was.
	ReportedAt time.Time `json:"reported_at,omitzero"`
	// Acknowledged is set by `cardcheck ack`.
	Acknowledged *Ack `json:"acknowledged,omitempty"`
	// WithdrawnAt is when the finding was mailed as withdrawn (its charges
	// disappeared from a later download of the statement).
	WithdrawnAt time.Time `json:"withdrawn_at,omitzero"`
	// CarriedFrom names the finding this one continues: its charges are
	// some of that finding's (the card company reversed the others), so it
	// took over that finding's reported and acknowledged state.
	CarriedFrom string `json:"carried_from,omitempty"`
}

// Reason is one reason of a finding, as facts.
type Reason struct {
	Rule     string            `json:"rule"`
	Severity severity.Severity `json:"severity"`
	Message  message.Message   `json:"message"`
}

// Messages returns the entry's reasons' messages.
func (e *Entry) Messages() []message.Message {
	ms := make([]message.Message, len(e.Reasons))
	for i, r := range e.Reasons {
		ms[i] = r.Message
	}
	return ms
}

// Ack is an acknowledgement: the user's verdict on a finding. By default
// its charges are the user's own; NotMine (cardcheck ack --fraud) says they
// are not. Both teach the rules (see Verdicts).
type Ack struct {
	At      time.Time `json:"at"`
	Note    string    `json:"note,omitempty"`
	NotMine bool      `json:"not_mine,omitempty"`
}

// Charge is what is remembered of one charge of a finding: enough to tell
// whether it is still on the statement and to describe it in a mail.
type Charge struct {
	Date     statement.Date  `json:"date"`
	Merchant string          `json:"merchant"`
	Payee    string          `json:"payee"`
	Amount   decimal.Decimal `json:"amount"`
	// File is the base name of the statement file it was read from.
	File string `json:"file,omitempty"`
}

func (c Charge) key() string { return c.Date.String() + "\x00" + c.Payee + "\x00" + c.Amount.String() }

// New returns an empty state.
func New() *State { return &State{Version: Version, Findings: map[string]*Entry{}} }

var idPattern = regexp.MustCompile(`^[0-9a-f]{12}$`)

// ValidID reports whether id looks like a finding id (12 hex digits).
func ValidID(id string) bool { return idPattern.MatchString(id) }

// DefaultDir returns $XDG_STATE_HOME/cardcheck, or ~/.local/state/cardcheck.
func DefaultDir() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "cardcheck")
}

// MaxSize bounds state.json: a thousand findings a year for decades take
// far less; a larger file is not cardcheck's and is refused, not read.
const MaxSize = 64 << 20

// Read returns the state in dir without locking or creating anything: an
// empty state when there is none yet. Runs that only read (a scan without
// --mail) use it; the atomic rename means they never see half a file. A
// folder another user owns or can write is refused (see
// atomicfile.CheckFolder), as by Open.
func Read(dir string) (*State, error) {
	if err := atomicfile.CheckFolder(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return New(), nil
		}
		return nil, fmt.Errorf("state: %w", err)
	}
	return load(filepath.Join(dir, FileName))
}

func load(path string) (*State, error) {
	data, err := atomicfile.ReadFile(path, MaxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, corrupt(path, err)
	}
	if st.Version == 0 || st.Findings == nil {
		return nil, corrupt(path, errors.New("no version or findings"))
	}
	if st.Version > Version {
		return nil, fmt.Errorf("%s: state file version %d was written by a newer cardcheck (this one reads version %d)", path, st.Version, Version)
	}
	for id, e := range st.Findings {
		if !ValidID(id) || e == nil {
			return nil, corrupt(path, fmt.Errorf("bad finding entry %q", id))
		}
		e.migrate()
	}
	st.Version = Version
	return &st, nil
}

// migrate turns version 1's sentences into a reason that says them as they
// were written.
func (e *Entry) migrate() {
	if e.Summary == "" && e.SummaryJA == "" {
		return
	}
	sev, _ := severity.Parse(e.Severity)
	e.Reasons = []Reason{{Rule: e.Rule, Severity: sev, Message: message.Said(e.Summary, e.SummaryJA)}}
	e.Summary, e.SummaryJA = "", ""
}

func corrupt(path string, err error) error {
	return fmt.Errorf("%s: the state file is corrupt (%v); cardcheck will not reset it on its own: "+
		"move it away to start over, which forgets what was reported and acknowledged", path, err)
}

// Entry returns the entry for id, creating it.
func (s *State) Entry(id string) *Entry {
	e := s.Findings[id]
	if e == nil {
		e = &Entry{}
		s.Findings[id] = e
	}
	return e
}

// Ack marks the findings ids as acknowledged at now with note; it returns
// the ids that were not in the state before (acknowledged all the same, so
// that a finding seen in a scan can be acknowledged before any mail run).
func (s *State) Ack(ids []string, note string, now time.Time) (unknown []string, err error) {
	return s.verdict(ids, note, false, now)
}

// Report marks the findings ids as not the user's (reported as fraud) at
// now with note, as Ack does.
func (s *State) Report(ids []string, note string, now time.Time) (unknown []string, err error) {
	return s.verdict(ids, note, true, now)
}

func (s *State) verdict(ids []string, note string, notMine bool, now time.Time) (unknown []string, err error) {
	for _, id := range ids {
		if !ValidID(id) {
			return nil, fmt.Errorf("%q is not a finding id (12 hex digits, as scan prints them)", id)
		}
	}
	for _, id := range ids {
		if _, ok := s.Findings[id]; !ok {
			unknown = append(unknown, id)
		}
		s.Entry(id).Acknowledged = &Ack{At: now.UTC().Truncate(time.Second), Note: note, NotMine: notMine}
	}
	return unknown, nil
}

func sortedIDs(m map[string]*Entry) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Acknowledge marks the findings ids in the state folder dir as reviewed,
// with note, under the state's lock, and saves. It returns a line per id
// saying what was acknowledged.
func Acknowledge(dir string, ids []string, note string, now time.Time) ([]string, error) {
	return record(dir, ids, note, false, now)
}

// ReportFraud is Acknowledge for findings whose charges are not the
// user's: they are never trusted again and their payees are watched.
func ReportFraud(dir string, ids []string, note string, now time.Time) ([]string, error) {
	return record(dir, ids, note, true, now)
}

func record(dir string, ids []string, note string, notMine bool, now time.Time) ([]string, error) {
	store, err := Open(dir)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	st, err := store.Load()
	if err != nil {
		return nil, err
	}
	known := map[string]*Entry{}
	for _, id := range ids {
		known[id] = st.Findings[id]
	}
	if _, err := st.verdict(ids, note, notMine, now); err != nil {
		return nil, err
	}
	done := "acknowledged"
	if notMine {
		done = "reported as not yours"
	}
	if err := store.Save(st); err != nil {
		return nil, err
	}
	var out []string
	for _, id := range ids {
		e := known[id]
		if e == nil || len(e.Charges) == 0 {
			out = append(out, fmt.Sprintf("%s %s (not seen by a mail run yet; it will be left out when a scan finds it)", done, id))
			continue
		}
		c := e.Charges[0]
		out = append(out, fmt.Sprintf("%s %s: %s, %d charge(s) from %s at %s on %s", done, id, e.Rule, len(e.Charges), c.Date, c.Merchant, e.Card))
	}
	return out, nil
}
