// Package configedit changes the user's config file the way a person would:
// it appends to the text, keeping every comment, blank line and the order
// of what is there, and checks that the result still reads as a config
// before replacing the file atomically.
package configedit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/payee"
)

// ErrKnown is returned by [AllowPayee] when the payee is already known on
// the card.
var ErrKnown = errors.New("already a known payee")

var (
	blockKey = regexp.MustCompile(`^payees:\s*(#.*)?$`)
	nullKey  = regexp.MustCompile(`^payees:\s*(null|~)?\s*(#.*)?$`)
	otherKey = regexp.MustCompile(`^payees:`)
)

// AllowPayee adds a known payee to the config file at path: its name and
// pattern are pattern (a merchant as the statement prints it, matched after
// the usual normalisation), limited to the cards matching card when card is
// not empty. A missing file is created (mode 0600). The entry is appended
// to the payees: list, which is added at the end of the file when there is
// none.
func AllowPayee(path, pattern, card string, now time.Time) error {
	pattern = strings.TrimSpace(pattern)
	card = strings.TrimSpace(card)
	if payee.Key(pattern) == "" {
		return fmt.Errorf("payee %q: nothing to match", pattern)
	}
	for _, s := range []string{pattern, card} {
		if strings.ContainsFunc(s, unicode.IsControl) {
			return fmt.Errorf("%q: control characters are not allowed", s)
		}
	}
	data, err := os.ReadFile(path)
	mode := os.FileMode(0o600)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		if info, err := os.Stat(path); err == nil {
			mode = info.Mode().Perm()
		}
	}
	old, err := config.Parse(path, data)
	if err != nil {
		return fmt.Errorf("the config has errors; fix them first:\n%w", err)
	}
	k := payee.Key(pattern)
	for i := range old.Payees {
		p := &old.Payees[i]
		if p.Matches(k) && (len(p.Cards) == 0 || card != "" && p.AppliesTo(card)) {
			return fmt.Errorf("%q: %w (%s)", pattern, ErrKnown, p.Name)
		}
	}
	out, err := appendPayee(data, pattern, card, now)
	if err != nil {
		return err
	}
	cfg, err := config.Parse(path, out)
	if err != nil || len(cfg.Payees) != len(old.Payees)+1 {
		return fmt.Errorf("%s: could not add the payee without breaking the file (%v); add it by hand:\n%s", path, err, entry("  ", pattern, card, now))
	}
	return atomicfile.Write(path, out, mode, nil)
}

// appendPayee returns data with the payee entry appended to its payees:
// list.
func appendPayee(data []byte, pattern, card string, now time.Time) ([]byte, error) {
	text := string(data)
	// A file with CRLF line ends gets CRLF in the new lines too.
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", nl) }
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += nl
	}
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	key := -1
	for i, l := range lines {
		if otherKey.MatchString(l) {
			key = i
			break
		}
	}
	if key < 0 {
		sep := ""
		if text != "" {
			sep = nl
		}
		return []byte(text + sep + crlf("payees:\n"+entry("  ", pattern, card, now))), nil
	}
	head := strings.TrimRight(lines[key], "\r\n")
	if !blockKey.MatchString(head) && !nullKey.MatchString(head) {
		return nil, fmt.Errorf("payees: is written on one line (%s); add the payee by hand:\n%s", strings.TrimSpace(head), entry("  ", pattern, card, now))
	}
	// The list runs until the next line of content at column 0 that is not
	// an item ("- " at column 0 is allowed for a list under a top-level key).
	last, indent, found := key, "  ", false
	for i := key + 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		trimmed := strings.TrimLeft(l, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if l == trimmed && !strings.HasPrefix(l, "- ") && l != "-" {
			break
		}
		if !found && strings.HasPrefix(trimmed, "-") {
			indent, found = l[:len(l)-len(trimmed)], true
		}
		last = i
	}
	var b strings.Builder
	for _, l := range lines[:last+1] {
		b.WriteString(l)
	}
	if !strings.HasSuffix(b.String(), "\n") {
		b.WriteString(nl)
	}
	b.WriteString(crlf(entry(indent, pattern, card, now)))
	for _, l := range lines[last+1:] {
		b.WriteString(l)
	}
	return []byte(b.String()), nil
}

// entry is the YAML text of the new payee, items indented by indent.
func entry(indent, pattern, card string, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s# added by cardcheck allow on %s\n", indent, now.Format("2006-01-02"))
	fmt.Fprintf(&b, "%s- name: %s\n", indent, quote(pattern))
	fmt.Fprintf(&b, "%s  patterns: [%s]\n", indent, quote(pattern))
	if card != "" {
		fmt.Fprintf(&b, "%s  cards: [%s]\n", indent, quote(card))
	}
	return b.String()
}

// quote writes s as a YAML double-quoted scalar (JSON's string syntax is
// a subset of it).
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
