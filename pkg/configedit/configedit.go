// Package configedit changes the user's config file the way a person would:
// it adds to the text, keeping every comment, blank line, quoting choice and
// the order of what is there, and checks that the result still reads as a
// config before the file is replaced atomically. `cardcheck allow` and
// `cardcheck learn --write` both add payees through it.
package configedit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/goccy/go-yaml/ast"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
)

// Entry is a payee to add to the config's payees list.
type Entry struct {
	Comment  string // a line written above the entry ("added by …")
	Name     string
	Patterns []string
	Amount   string // "" for none
	Cadence  string // "" for none
	Cards    []string
}

// Text is the entry as YAML lines, items indented by indent, lines ended by
// nl.
func (e Entry) Text(indent, nl string) string {
	var b strings.Builder
	if e.Comment != "" {
		fmt.Fprintf(&b, "%s# %s%s", indent, e.Comment, nl)
	}
	fmt.Fprintf(&b, "%s- name: %s%s", indent, quote(e.Name), nl)
	fmt.Fprintf(&b, "%s  patterns: [%s]%s", indent, quoteAll(e.Patterns), nl)
	if e.Amount != "" {
		fmt.Fprintf(&b, "%s  amount: %s%s", indent, quote(e.Amount), nl)
	}
	if e.Cadence != "" {
		fmt.Fprintf(&b, "%s  cadence: %s%s", indent, e.Cadence, nl)
	}
	if len(e.Cards) > 0 {
		fmt.Fprintf(&b, "%s  cards: [%s]%s", indent, quoteAll(e.Cards), nl)
	}
	return b.String()
}

// AppendPayees returns the config text data (empty for a file that does not
// exist yet) with entries added at the end of its payees list, at the list's
// indentation, or with a payees list added at the end. What the user wrote
// stays byte for byte; a file with CRLF line ends gets CRLF lines.
func AppendPayees(data []byte, entries []Entry) ([]byte, error) {
	if len(entries) == 0 {
		return data, nil
	}
	nl := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		nl = "\r\n"
	}
	lines := strings.SplitAfter(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines[n-1] += nl
	}
	at, indent, err := insertionPoint(data, lines)
	if err != nil {
		return nil, err
	}
	var add []string
	if at < 0 {
		// No payees key: add the list at the end.
		if len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) != "" {
			add = append(add, nl)
		}
		add = append(add, "payees:"+nl)
		at, indent = len(lines), "  "
	}
	for _, e := range entries {
		add = append(add, e.Text(indent, nl))
	}
	return []byte(strings.Join(lines[:at], "") + strings.Join(add, "") + strings.Join(lines[at:], "")), nil
}

// insertionPoint finds where new payees go: the index of the line after the
// payees list's last line, and the indentation of its items. at is -1 when
// the config has no payees key. An empty flow list ("payees: []") is turned
// into a block list in lines.
func insertionPoint(data []byte, lines []string) (at int, indent string, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return -1, "", nil
	}
	file, err := yamlfile.Parse("config", data)
	if err != nil {
		return 0, "", err
	}
	var kv *ast.MappingValueNode
	for _, doc := range file.Docs {
		var values []*ast.MappingValueNode
		switch b := doc.Body.(type) {
		case *ast.MappingNode:
			values = b.Values
		case *ast.MappingValueNode:
			values = []*ast.MappingValueNode{b}
		}
		for _, v := range values {
			if v.Key != nil && v.Key.String() == "payees" {
				kv = v
			}
		}
	}
	if kv == nil {
		return -1, "", nil
	}
	pos := kv.Key.GetToken().Position
	keyLine, keyCol := pos.Line-1, pos.Column-1 // 0-based
	if seq, ok := kv.Value.(*ast.SequenceNode); ok && seq.IsFlowStyle {
		if len(seq.Values) > 0 {
			return 0, "", errors.New("the payees list is written on one line, in flow style ([...]); write it as a block list (one \"- \" entry a line) so that entries can be added")
		}
		// "payees: []": drop the brackets and add a block list below.
		start := seq.Start.Position
		if start.Line-1 != keyLine {
			return 0, "", errors.New("the empty payees list is not on the payees line; write it as a block list")
		}
		l := lines[keyLine]
		end := strings.Index(l[start.Column-1:], "]")
		if end < 0 {
			return 0, "", errors.New("cannot find the end of the empty payees list")
		}
		lines[keyLine] = strings.TrimRight(l[:start.Column-1], " ") + l[start.Column+end:]
	} else if _, isNull := kv.Value.(*ast.NullNode); !ok && !isNull && kv.Value != nil {
		return 0, "", fmt.Errorf("payees is a %s, not a list", kv.Value.Type())
	}
	// The list goes on while lines are blank, comments, indented deeper than
	// the key, or items ("- ") at the key's own indentation (YAML allows
	// both). Comments after the last item belong to what follows.
	at, item := keyLine+1, -1
	for i := keyLine + 1; i < len(lines); i++ {
		t := strings.TrimLeft(lines[i], " ")
		ind := len(lines[i]) - len(t)
		t = strings.TrimRight(t, "\r\n")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		isItem := t == "-" || strings.HasPrefix(t, "- ")
		if ind > keyCol || ind == keyCol && isItem {
			if isItem && item < 0 {
				item = ind
			}
			at = i + 1
			continue
		}
		break
	}
	if item < 0 {
		item = keyCol + 2
	}
	return at, strings.Repeat(" ", item), nil
}

// quote writes s as a YAML double-quoted scalar: JSON's string syntax is
// YAML's, and it escapes every control character, so text from a statement
// cannot break out of its value.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

// Mode is the permission a rewritten config keeps: its own, or 0600 for a
// new file (a config may hold mail settings).
func Mode(path string) os.FileMode {
	if info, err := os.Stat(path); err == nil {
		return info.Mode().Perm()
	}
	return 0o600
}

// LockTimeout is how long [Edit] waits for another cardcheck editing the
// same config.
var LockTimeout = time.Minute

// Edit changes the config file at path the way every command that writes
// it does: under an exclusive lock (the file .NAME.lock beside it, taken as
// the state's lock is, so that two runs of allow at once both land),
// reading the file as it is then (nil when there is none), and replacing it
// atomically with what change returns, keeping its permissions. A symbolic
// link is followed to its target, which is replaced, so the link stays; a
// file without write permission for its owner is left alone with an error
// (cardcheck does not change files you protected); the temporary files of
// editors killed while writing are removed. A new file is 0600, in a folder
// made 0700.
func Edit(path string, change func(data []byte) ([]byte, error)) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	if info, err := os.Stat(target); err == nil && info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s is read-only (mode %04o); cardcheck does not change files you protected: make it writable (chmod u+w %s) or make the change by hand",
			target, info.Mode().Perm(), target)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return err
	}
	lock, err := atomicfile.TakeLock(filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".lock"), LockTimeout)
	if err != nil {
		return err
	}
	defer lock.Release()
	atomicfile.RemoveTemps(target)
	data, err := yamlfile.ReadFile(target)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	out, err := change(data)
	if err != nil || bytes.Equal(out, data) {
		return err
	}
	return atomicfile.Write(target, out, Mode(target), nil)
}

// resolve follows path's symbolic links to the file they name.
func resolve(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		link, _ := os.Readlink(path)
		return "", fmt.Errorf("%s is a link to %s, which does not exist; point it at your config or remove it", path, link)
	}
	return target, nil
}

// ErrKnown is returned by [AllowPayee] when the payee is already known on
// the card.
var ErrKnown = errors.New("already a known payee")

// AllowPayee adds a known payee to the config file at path: its name is
// merchant (as the statement prints it) and its pattern the exact payee it
// is (payee.ExactPattern: text copied from a statement never becomes a
// "prefix:" or "re:" pattern, nor matches more than that payee), limited to
// the cards matching card when card is not empty. A missing file is
// created (mode 0600). A full card number in merchant or card is masked
// first, as reading a statement masks it ([cardnum.Mask]): the config
// never holds one, and the pattern is the key scan gives that merchant.
func AllowPayee(path, merchant, card string, now time.Time) error {
	pattern := cardnum.Mask(strings.TrimSpace(merchant))
	card = cardnum.Mask(strings.TrimSpace(card))
	if payee.Key(pattern) == "" {
		return fmt.Errorf("payee %q: nothing to match", pattern)
	}
	for _, s := range []string{pattern, card} {
		if strings.ContainsFunc(s, unicode.IsControl) {
			return fmt.Errorf("%q: control characters are not allowed", s)
		}
	}
	return Edit(path, func(data []byte) ([]byte, error) {
		old, err := config.Parse(path, data)
		if err != nil {
			return nil, fmt.Errorf("the config has errors; fix them first:\n%w", err)
		}
		k, via := payee.Split(pattern)
		for i := range old.Payees {
			p := &old.Payees[i]
			if p.Matches(k, via) && (len(p.Cards) == 0 || card != "" && p.AppliesTo(card)) {
				return nil, fmt.Errorf("%q: %w (%s)", pattern, ErrKnown, p.Name)
			}
		}
		e := Entry{Comment: "added by cardcheck allow on " + now.Format("2006-01-02"), Name: pattern, Patterns: []string{payee.ExactPattern(pattern)}}
		if card != "" {
			e.Cards = []string{card}
		}
		out, err := AppendPayees(data, []Entry{e})
		if err == nil {
			var cfg *config.Config
			if cfg, err = config.Parse(path, out); err == nil && len(cfg.Payees) != len(old.Payees)+1 {
				err = fmt.Errorf("%d payees after adding one to %d", len(cfg.Payees), len(old.Payees))
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: could not add the payee (%v); add it by hand:\n%s", path, err, e.Text("  ", "\n"))
		}
		return out, nil
	})
}
