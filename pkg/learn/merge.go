package learn

import (
	"bytes"
	"fmt"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/configedit"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// ToWrite returns the streams `learn --write` adds: the established ones the
// config does not cover yet. Early streams are left out: they are learned
// again on every scan, and three charges are what tells a subscription from
// chance.
func ToWrite(streams []Stream) []Stream {
	var out []Stream
	for _, s := range streams {
		if s.Established && s.Config == "" {
			out = append(out, s)
		}
	}
	return out
}

// Merge returns the config text data (the file's bytes; empty for a file
// that does not exist yet) with an entry under payees for each of add.
//
// What the user wrote stays byte for byte: comments, order, quoting and
// their own entries. The new entries are inserted as text after the last
// line of the payees list, at its indentation (or a payees list is added at
// the end), and the result is parsed again: it must be a valid config that
// keeps every earlier payee and covers every added stream, or nothing is
// returned. today dates the comment above each new entry.
func Merge(path string, data []byte, add []Stream, today statement.Date) ([]byte, error) {
	before := 0
	if len(bytes.TrimSpace(data)) > 0 {
		cfg, err := config.Parse(path, data)
		if err != nil {
			return nil, fmt.Errorf("the config has errors; fix them before adding to it: %w", err)
		}
		before = len(cfg.Payees)
	}
	if len(add) == 0 {
		return data, nil
	}
	names := map[string]int{}
	for _, s := range add {
		names[s.Card+"\x00"+s.Payee]++
	}
	entries := make([]configedit.Entry, 0, len(add))
	for _, s := range add {
		name := s.Name()
		if names[s.Card+"\x00"+s.Payee] > 1 {
			// Two plans under one payee on one card: tell them apart.
			name += " " + statement.FormatYen(s.Typical)
		}
		entries = append(entries, configedit.Entry{
			Comment:  fmt.Sprintf("learned by cardcheck learn on %s: %s, %d charges from %s to %s", today, s.Cadence, s.Occurrences, s.First, s.Last),
			Name:     name,
			Patterns: []string{payee.ExactPattern(payee.Qualified(s.Payee, s.Via))},
			Amount:   s.AmountConfig(),
			Cadence:  s.Cadence,
			Cards:    []string{s.Card},
		})
	}
	outb, err := configedit.AppendPayees(data, entries)
	if err != nil {
		return nil, fmt.Errorf("learn: %w", err)
	}
	out := string(outb)

	cfg, err := config.Parse(path, []byte(out))
	if err != nil {
		return nil, fmt.Errorf("learn: merging would break the config (a bug; nothing written): %w", err)
	}
	if len(cfg.Payees) != before+len(add) {
		return nil, fmt.Errorf("learn: merging would leave %d payees, want %d (a bug; nothing written)", len(cfg.Payees), before+len(add))
	}
	for _, s := range add {
		p := cfg.Spec().PayeeFor(s.Card, &statement.Charge{Payee: s.Payee, Via: s.Via})
		if p == nil {
			return nil, fmt.Errorf("learn: the entry for %q would not match its payee (a bug; nothing written)", s.Payee)
		}
	}
	return []byte(out), nil
}
