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
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
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
		return nil, refused(err)
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
		return nil, corrupt(path, message.Said(err.Error(), err.Error()))
	}
	if st.Version == 0 || st.Findings == nil {
		return nil, corrupt(path, message.New("state.corrupt.empty", nil))
	}
	if st.Version > Version {
		return nil, message.NewError("state.newer", message.Args{"path": message.Text(path),
			"version": message.Text(strconv.Itoa(st.Version)), "reads": message.Text(strconv.Itoa(Version))}, nil)
	}
	for id, e := range st.Findings {
		if !ValidID(id) || e == nil {
			return nil, corrupt(path, message.New("state.corrupt.entry", message.Args{"id": message.Text(strconv.Quote(id))}))
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

// corrupt is the error for a state file that cannot be read as one: why
// (the JSON reader's words stay as it said them) and what to do, named
// with the file. The user moves it away: cardcheck never resets it.
func corrupt(path string, why message.Message) error {
	return message.NewError("state.corrupt", message.Args{"path": message.Text(path), "detail": message.Nested(why)}, nil)
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
			return nil, badID(id)
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

// badID says that id is not the shape of a finding id.
func badID(id string) error {
	return message.NewError("ack.bad-id", message.Args{"id": message.Text(strconv.Quote(id))}, nil)
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
// with note, under the state's lock, and saves, whether the state knows the
// ids or not: for a caller that made the ids itself. cardcheck ack records
// a [Verdict], which refuses an id that is no finding. It returns a line per
// id saying what was acknowledged.
func Acknowledge(dir string, ids []string, note string, now time.Time) ([]message.Message, error) {
	return Verdict{IDs: ids, Note: note, At: now, trusted: true}.Record(dir)
}

// Verdict is the user's verdict on findings (cardcheck ack): theirs, or with
// NotMine not theirs (reported as fraud).
type Verdict struct {
	IDs     []string
	Note    string
	NotMine bool
	At      time.Time
	// Current returns the findings a scan finds now (cardcheck ack: what
	// scan with no PATH finds). It is asked only for an id the state does
	// not know, which is accepted when it is one of them: a finding printed
	// by a scan that mailed nothing can be acknowledged before any mail run
	// recorded it. Nil: only the ids the state knows are accepted.
	Current func() ([]rules.Finding, error)

	trusted bool // Acknowledge: any well-formed id is taken
}

// UnknownError is a verdict on ids that are neither in the state nor among
// the current findings. Nothing was recorded: acknowledging an id that is
// no finding would leave the finding meant failing every scan.
type UnknownError struct {
	IDs []string
	// Open are the findings that could be meant: the current findings not
	// acknowledged, then those reported before and not acknowledged nor
	// withdrawn, each once.
	Open []OpenFinding
	// Lookup is why the current findings could not be looked at (no
	// statements folder, a config that cannot be read), or nil.
	Lookup error
}

// OpenFinding names a finding for the user to choose from, by its first
// charge's date and payee (card numbers masked) and its charges' total.
type OpenFinding struct {
	ID      string
	Date    statement.Date
	Payee   string
	Amount  decimal.Decimal
	Charges int
	Rule    string
}

func openFinding(id, rule string, cs []Charge) OpenFinding {
	o := OpenFinding{ID: id, Date: cs[0].Date, Payee: cs[0].Payee, Charges: len(cs), Rule: rule}
	for _, c := range cs {
		o.Amount = o.Amount.Add(c.Amount)
	}
	return o
}

func (e *UnknownError) Error() string { return e.In(lang.EN) }

// In says the error in l: the ids, why the statements could not be
// checked, and the open findings one a line.
func (e *UnknownError) In(l lang.Lang) string {
	ids := make([]message.Message, len(e.IDs))
	for i, id := range e.IDs {
		ids[i] = message.Said(id, id)
	}
	args := message.Args{"ids": message.List(ids...), "several": message.Bool(len(e.IDs) > 1),
		"lookup": message.Text(""), "open": message.Count(len(e.Open))}
	if e.Lookup != nil {
		args["lookup"] = message.Text(message.ErrorIn(l, e.Lookup))
	}
	var b strings.Builder
	b.WriteString(message.Render(l, message.New("ack.unknown", args)))
	for _, o := range e.Open {
		// The payee is a stranger's text: one line, visible escapes.
		b.WriteString("\n  " + message.Render(l, message.New("ack.open", message.Args{"id": message.Text(o.ID),
			"date": message.Date(o.Date), "payee": message.Text(safetext.Terminal(cardnum.Mask(o.Payee))),
			"amount": message.Yen(o.Amount.Round(0).IntPart()), "charges": message.Count(o.Charges), "rule": ruleName(o.Rule)})))
	}
	return b.String()
}

// ruleName is a rule's name for a sentence: the catalogue's for a built-in
// rule (its id in English), a user rule's id as the config writes it.
func ruleName(id string) message.Value {
	if message.Has("rule." + id) {
		return message.Term("rule." + id)
	}
	return message.Text(id)
}

// Record records the verdict in the state folder dir under the state's
// lock, and saves. Every id must be well formed and, unless the verdict
// was made by [Acknowledge], a finding the state knows or
// one of [Verdict.Current]; else nothing is recorded and the error is an
// [*UnknownError] naming the open findings. It returns a line per id saying
// what was recorded.
func (v Verdict) Record(dir string) ([]message.Message, error) {
	for _, id := range v.IDs {
		if !ValidID(id) {
			return nil, badID(id)
		}
	}
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
	var unknown []string
	for _, id := range v.IDs {
		known[id] = st.Findings[id]
		if known[id] == nil {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 && !v.trusted {
		if err := v.resolve(st, unknown, known); err != nil {
			return nil, err
		}
	}
	if _, err := st.verdict(v.IDs, v.Note, v.NotMine, v.At); err != nil {
		return nil, err
	}
	if err := store.Save(st); err != nil {
		return nil, err
	}
	key := "ack.mine"
	if v.NotMine {
		key = "ack.fraud"
	}
	var out []message.Message
	for _, id := range v.IDs {
		e := known[id]
		if e == nil || len(e.Charges) == 0 {
			out = append(out, message.New(key+".unseen", message.Args{"id": message.Text(id)}))
			continue
		}
		c := e.Charges[0]
		out = append(out, message.New(key, message.Args{"id": message.Text(id), "rule": ruleName(e.Rule),
			"charges": message.Count(len(e.Charges)), "date": message.Date(c.Date), "payee": message.Text(c.Merchant),
			"card": message.Text(e.Card)}))
	}
	return out, nil
}

// resolve looks the ids the state does not know up among the current
// findings and records those found in st (as a mail run would, without
// marking them reported), filling known. Any id still unknown is an
// [*UnknownError].
func (v Verdict) resolve(st *State, unknown []string, known map[string]*Entry) error {
	var current []rules.Finding
	var lookup error
	if v.Current != nil {
		current, lookup = v.Current()
	}
	byID := map[string]rules.Finding{}
	for _, f := range current {
		byID[f.ID] = f
	}
	var found []rules.Finding
	var missing []string
	for _, id := range unknown {
		f, ok := byID[id]
		if !ok {
			missing = append(missing, id)
			continue
		}
		found = append(found, f)
	}
	if len(missing) > 0 {
		return &UnknownError{IDs: missing, Open: st.open(current), Lookup: lookup}
	}
	st.Record(View{Active: found}, v.At)
	for _, f := range found {
		known[f.ID] = st.Findings[f.ID]
	}
	return nil
}

// open lists the findings a user may mean: the current ones the state does
// not hold acknowledged, then the entries reported and neither acknowledged
// nor withdrawn.
func (s *State) open(current []rules.Finding) []OpenFinding {
	var out []OpenFinding
	seen := map[string]bool{}
	for _, f := range current {
		if e := s.Findings[f.ID]; e != nil && e.Acknowledged != nil || seen[f.ID] || len(f.Charges) == 0 {
			continue
		}
		seen[f.ID] = true
		out = append(out, openFinding(f.ID, f.Rule, Charges(f.Charges)))
	}
	for _, id := range sortedIDs(s.Findings) {
		e := s.Findings[id]
		if seen[id] || e.Acknowledged != nil || e.ReportedAt.IsZero() || !e.WithdrawnAt.IsZero() || len(e.Charges) == 0 {
			continue
		}
		out = append(out, openFinding(id, e.Rule, e.Charges))
	}
	return out
}
