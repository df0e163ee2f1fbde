package state

import (
	"path/filepath"
	"time"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Scan is what the state needs of a scan to classify its findings.
type Scan struct {
	Findings []rules.Finding
	// Charges are every charge read, merged; Statements the files read.
	// Withdrawals are looked for in them.
	Charges    []*statement.Charge
	Statements []*statement.Statement
	// Complete is true when every input was read without error: a file
	// that could not be read would make its charges look withdrawn, so
	// withdrawals are looked for only then.
	Complete bool
}

// View is a scan's findings seen through the state.
type View struct {
	// Active are the findings not acknowledged: they decide the exit code.
	Active []rules.Finding
	// New are the active findings never reported before (a subset of
	// Active, in the same order).
	New []rules.Finding
	// Acked are the acknowledged findings, left out of reports and mail.
	Acked []rules.Finding
	// Withdrawn are reported findings whose charges are gone from a later
	// download of the same statement, not yet reported as withdrawn.
	Withdrawn []Withdrawn

	carried map[string]string // finding id -> the entry it continues
}

// Withdrawn is a reported finding whose charges disappeared.
type Withdrawn struct {
	ID    string
	Entry *Entry
	// Gone are the finding's charges that are no longer on the statement.
	Gone []Charge
}

// Classify sorts the scan's findings into acknowledged, already reported
// and new, and finds the reported findings that were withdrawn. A finding
// not in the state whose charges are all charges of a reported (or
// acknowledged) finding on the same card continues that finding: the card
// company reversed some of its charges, which changes the id, but nothing
// new happened.
//
// Withdrawals are looked for only in a complete scan (see [Scan]).
func (s *State) Classify(in Scan) View {
	v := View{carried: map[string]string{}}
	for _, f := range in.Findings {
		e, ok := s.Findings[f.ID]
		if !ok {
			if from := s.continues(f); from != "" {
				v.carried[f.ID] = from
				e = s.Findings[from]
			}
		}
		switch {
		case e != nil && e.Acknowledged != nil:
			v.Acked = append(v.Acked, f)
		case e != nil && !e.ReportedAt.IsZero():
			v.Active = append(v.Active, f)
		default:
			v.Active = append(v.Active, f)
			v.New = append(v.New, f)
		}
	}
	if in.Complete && s.mayHaveWithdrawals() {
		v.Withdrawn = s.withdrawn(in)
	}
	return v
}

// mayHaveWithdrawals reports whether an entry could be withdrawn: a
// reported charge finding not withdrawn yet. Without one, the charges are
// not even looked at (a first run, or a state of acknowledgements only).
func (s *State) mayHaveWithdrawals() bool {
	for _, e := range s.Findings {
		if !e.CardLevel && !e.ReportedAt.IsZero() && e.WithdrawnAt.IsZero() && len(e.Charges) > 0 {
			return true
		}
	}
	return false
}

// continues returns the id of a reported or acknowledged entry on f's card
// whose charges include all of f's, or "".
func (s *State) continues(f rules.Finding) string {
	if f.CardLevel {
		return ""
	}
	card := cardnum.Mask(f.Card.Label)
	want := counts(Charges(f.Charges))
	for _, id := range sortedIDs(s.Findings) {
		e := s.Findings[id]
		if e.Card != card || e.CardLevel || len(e.Charges) == 0 || e.ReportedAt.IsZero() && e.Acknowledged == nil {
			continue
		}
		have := counts(e.Charges)
		inside := true
		for k, n := range want {
			if have[k] < n {
				inside = false
				break
			}
		}
		if inside {
			return id
		}
	}
	return ""
}

func (s *State) withdrawn(in Scan) []Withdrawn {
	current := map[string]bool{}
	for _, f := range in.Findings {
		current[f.ID] = true
	}
	onCard := map[string]map[string]int{}
	for _, c := range in.Charges {
		l := cardnum.Mask(c.Card.Label())
		if onCard[l] == nil {
			onCard[l] = map[string]int{}
		}
		onCard[l][chargeOf(c).key()]++
	}
	var out []Withdrawn
	for _, id := range sortedIDs(s.Findings) {
		e := s.Findings[id]
		if current[id] || e.CardLevel || e.ReportedAt.IsZero() || !e.WithdrawnAt.IsZero() || len(e.Charges) == 0 || !covered(e, in.Statements) {
			continue
		}
		left := map[string]int{}
		for k, n := range onCard[e.Card] {
			left[k] = n
		}
		var gone []Charge
		for _, c := range e.Charges {
			if left[c.key()] > 0 {
				left[c.key()]--
				continue
			}
			gone = append(gone, c)
		}
		if len(gone) > 0 {
			out = append(out, Withdrawn{ID: id, Entry: e, Gone: gone})
		}
	}
	return out
}

// covered reports whether the scan read the statement e's charges came
// from again: a file of the same name, or a file with charges on e's card
// from before e's first charge to after its last.
func covered(e *Entry, stmts []*statement.Statement) bool {
	names := map[string]bool{}
	first, last := e.Charges[0].Date, e.Charges[0].Date
	for _, c := range e.Charges {
		names[c.File] = true
		first, last = min(first, c.Date), max(last, c.Date)
	}
	for _, st := range stmts {
		if names[filepath.Base(st.File)] {
			return true
		}
		var lo, hi statement.Date
		for i := range st.Charges {
			c := &st.Charges[i]
			if cardnum.Mask(c.Card.Label()) != e.Card {
				continue
			}
			if lo == 0 || c.Date < lo {
				lo = c.Date
			}
			hi = max(hi, c.Date)
		}
		if lo != 0 && lo <= first && hi >= last {
			return true
		}
	}
	return false
}

// Charges converts a finding's charges for the state, masking any full
// card number.
func Charges(cs []*statement.Charge) []Charge {
	out := make([]Charge, len(cs))
	for i, c := range cs {
		out[i] = chargeOf(c)
	}
	return out
}

func chargeOf(c *statement.Charge) Charge {
	return Charge{
		Date:     c.Date,
		Merchant: cardnum.Mask(c.Merchant),
		Payee:    cardnum.Mask(c.Payee),
		Amount:   c.Amount,
		File:     filepath.Base(c.Source.File),
	}
}

// CardName is the short name of f's card for a mail subject: the card
// company as the statement names it ("三井住友カード"), else the card's name,
// else its label.
func CardName(f rules.Finding) string {
	for _, c := range f.Charges {
		if c.Card.Issuer != "" {
			return c.Card.Issuer
		}
		if c.Card.Name != "" {
			return c.Card.Name
		}
	}
	return f.Card.Label
}

func counts(cs []Charge) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.key()]++
	}
	return m
}

// Record updates the entries of the scan's current findings (card, rule,
// charges, first and last seen), carrying over the state of the findings
// they continue.
func (s *State) Record(v View, now time.Time) {
	now = now.UTC().Truncate(time.Second)
	for _, list := range [][]rules.Finding{v.Active, v.Acked} {
		for _, f := range list {
			e := s.Entry(f.ID)
			if from, ok := v.carried[f.ID]; ok && e.CarriedFrom == "" {
				if old := s.Findings[from]; old != nil {
					e.CarriedFrom = from
					e.ReportedAt = old.ReportedAt
					if e.Acknowledged == nil && old.Acknowledged != nil {
						a := *old.Acknowledged
						e.Acknowledged = &a
					}
				}
			}
			e.Card = cardnum.Mask(f.Card.Label)
			e.Issuer = cardnum.Mask(CardName(f))
			e.Rule = f.Rule
			e.CardLevel = f.CardLevel
			e.Severity = f.Severity.String()
			e.Reasons = e.Reasons[:0]
			for _, r := range f.Reasons {
				e.Reasons = append(e.Reasons, Reason{Rule: r.Rule, Severity: r.Severity, Message: r.Message.MapText(cardnum.Mask)})
			}
			e.Charges = Charges(f.Charges)
			if e.FirstSeen.IsZero() {
				e.FirstSeen = now
			}
			e.LastSeen = now
		}
	}
}

// MarkReported records that the findings were mailed at now.
func (s *State) MarkReported(findings []rules.Finding, now time.Time) {
	for _, f := range findings {
		if e := s.Entry(f.ID); e.ReportedAt.IsZero() {
			e.ReportedAt = now.UTC().Truncate(time.Second)
		}
	}
}

// MarkWithdrawn records that the withdrawals were mailed at now.
func (s *State) MarkWithdrawn(ws []Withdrawn, now time.Time) {
	for _, w := range ws {
		s.Entry(w.ID).WithdrawnAt = now.UTC().Truncate(time.Second)
	}
}
