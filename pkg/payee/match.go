package payee

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// A pattern names payees the way the config, the breach list and the
// high-risk list do, in one of three forms:
//
//   - "SAMPLESOFT" matches the payee whose whole key is SAMPLESOFT, however
//     it was paid; "PAYPAL *SAMPLESOFT" matches it only via PayPal. The
//     pattern is normalised as a merchant name is ([Split]), so
//     "ｓａｍｐｌｅｓｏｆｔ" is the same pattern.
//   - "prefix:AMAZON" matches every key that starts with AMAZON, alone or
//     with its processor in front ("prefix:PAYPAL *" is every PayPal
//     payee).
//   - "re:^APPLE\b" is a regular expression (RE2) over the key, alone or
//     with its processor in front.
//
// A plain pattern never matches part of a key: descriptors are chosen by
// sellers, and a known payee "東西新聞" must not make "東西新聞ギフトカード"
// known. Wider matching is written out, where a reader of the config sees it.
// Keys are upper case, so a key copied from a statement never reads as a
// "prefix:" or "re:" pattern.

// Matcher is a compiled list of patterns.
type Matcher struct {
	exact    []exact
	prefixes []string
	res      []*regexp.Regexp
}

type exact struct{ key, via string }

// PatternError is a pattern that does not compile, with its index in the
// list.
type PatternError struct {
	Index int
	Err   error
}

func (e *PatternError) Error() string { return e.Err.Error() }

func (e *PatternError) Unwrap() error { return e.Err }

// ErrEmptyPattern is a pattern with nothing left to match once normalised.
var ErrEmptyPattern = errors.New("empty pattern")

// Compile compiles patterns; an error is a *PatternError.
func Compile(patterns []string) (*Matcher, error) {
	m := &Matcher{}
	for i, p := range patterns {
		switch {
		case strings.HasPrefix(p, "re:"):
			re, err := regexp.Compile(p[len("re:"):])
			if err != nil {
				return nil, &PatternError{i, fmt.Errorf("pattern %q: %v", p, err)}
			}
			m.res = append(m.res, re)
		case strings.HasPrefix(p, "prefix:"):
			f := Fold(p[len("prefix:"):])
			if f == "" {
				return nil, &PatternError{i, fmt.Errorf("pattern %q: %w", p, ErrEmptyPattern)}
			}
			m.prefixes = append(m.prefixes, f)
		default:
			k, via := Split(p)
			if k == "" {
				return nil, &PatternError{i, fmt.Errorf("pattern %q: %w", p, ErrEmptyPattern)}
			}
			m.exact = append(m.exact, exact{k, via})
		}
	}
	return m, nil
}

// MustCompile is Compile for patterns written in the program.
func MustCompile(patterns ...string) *Matcher {
	m, err := Compile(patterns)
	if err != nil {
		panic("payee: " + err.Error())
	}
	return m
}

// Match reports whether the payee with key (paid via via, "" for none)
// matches.
func (m *Matcher) Match(key, via string) bool {
	if m == nil {
		return false
	}
	for _, e := range m.exact {
		if e.key == key && (e.via == "" || e.via == via) {
			return true
		}
	}
	if len(m.prefixes) == 0 && len(m.res) == 0 {
		return false
	}
	q := Qualified(key, via)
	for _, p := range m.prefixes {
		if strings.HasPrefix(key, p) || via != "" && strings.HasPrefix(q, p) {
			return true
		}
	}
	for _, re := range m.res {
		if re.MatchString(key) || via != "" && re.MatchString(q) {
			return true
		}
	}
	return false
}

// Partly reports whether a plain pattern of m is part of key without
// matching it whole: how such patterns matched before they matched whole
// keys, for a warning that names the fix.
func (m *Matcher) Partly(key string) (pattern string, ok bool) {
	if m == nil {
		return "", false
	}
	for _, e := range m.exact {
		if e.key != key && strings.Contains(key, e.key) {
			return e.key, true
		}
	}
	return "", false
}

// ExactPattern returns the pattern that matches the payee a merchant name
// as printed is, and nothing else: its key, with its processor in front
// when the statement names one ("PAYPAL *SAMPLESOFT"). `cardcheck allow`
// and `learn --write` write it, so text copied from a statement is never
// read as "prefix:" or "re:", nor matches more than that payee.
func ExactPattern(merchant string) string {
	k, via := Split(merchant)
	if q := Qualified(k, via); via != "" {
		if qk, qv := Split(q); qk == k && qv == via {
			return q
		}
	}
	return k
}
