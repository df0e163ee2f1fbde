package learn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/cardcheck/cardcheck/pkg/config"
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
			return nil, fmt.Errorf("the config has errors; fix them before learn --write: %w", err)
		}
		before = len(cfg.Payees)
	}
	if len(add) == 0 {
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
	var entries []string
	if at < 0 {
		// No payees key: add the list at the end.
		if len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) != "" {
			entries = append(entries, nl)
		}
		entries = append(entries, "payees:"+nl)
		at, indent = len(lines), "  "
	}
	names := map[string]int{}
	for _, s := range add {
		names[s.Card+"\x00"+s.Payee]++
	}
	for _, s := range add {
		name := s.Name()
		if names[s.Card+"\x00"+s.Payee] > 1 {
			// Two plans under one payee on one card: tell them apart.
			name += " " + statement.FormatYen(s.Typical)
		}
		entries = append(entries,
			fmt.Sprintf("%s# learned by cardcheck learn on %s: %s, %d charges from %s to %s%s", indent, today, s.Cadence, s.Occurrences, s.First, s.Last, nl),
			fmt.Sprintf("%s- name: %s%s", indent, quote(name), nl),
			fmt.Sprintf("%s  patterns: [%s]%s", indent, quote(s.Payee), nl),
			fmt.Sprintf("%s  amount: %s%s", indent, quote(s.AmountConfig()), nl),
			fmt.Sprintf("%s  cadence: %s%s", indent, s.Cadence, nl),
			fmt.Sprintf("%s  cards: [%s]%s", indent, quote(s.Card), nl),
		)
	}
	out := strings.Join(lines[:at], "") + strings.Join(entries, "") + strings.Join(lines[at:], "")

	cfg, err := config.Parse(path, []byte(out))
	if err != nil {
		return nil, fmt.Errorf("learn: merging would break the config (a bug; nothing written): %w", err)
	}
	if len(cfg.Payees) != before+len(add) {
		return nil, fmt.Errorf("learn: merging would leave %d payees, want %d (a bug; nothing written)", len(cfg.Payees), before+len(add))
	}
	for _, s := range add {
		p := cfg.PayeeFor(s.Card, &statement.Charge{Payee: s.Payee})
		if p == nil {
			return nil, fmt.Errorf("learn: the entry for %q would not match its payee (a bug; nothing written)", s.Payee)
		}
	}
	return []byte(out), nil
}

// insertionPoint finds where new payees go: the index of the line after the
// payees list's last line, and the indentation of its items. at is -1 when
// the config has no payees key.
func insertionPoint(data []byte, lines []string) (at int, indent string, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return -1, "", nil
	}
	file, err := config.ParseYAML(data, parser.ParseComments)
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
			return 0, "", errors.New("learn: the config's payees list is written in flow style ([...]); write it as a block list (one \"- \" entry a line) to add to it")
		}
		// "payees: []": drop the brackets and add a block list below.
		start := seq.Start.Position
		if start.Line-1 != keyLine {
			return 0, "", errors.New("learn: the config's empty payees list is not on the payees line; write it as a block list")
		}
		l := lines[keyLine]
		end := strings.Index(l[start.Column-1:], "]")
		if end < 0 {
			return 0, "", errors.New("learn: cannot find the end of the empty payees list")
		}
		lines[keyLine] = strings.TrimRight(l[:start.Column-1], " ") + l[start.Column+end:]
	} else if _, isNull := kv.Value.(*ast.NullNode); !ok && !isNull && kv.Value != nil {
		return 0, "", fmt.Errorf("learn: the config's payees is a %s, not a list", kv.Value.Type())
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

// WriteFile replaces the file at path with data: written to a temporary
// file beside it and renamed over it, so a crash leaves the old config or
// the new one, never half of each. The file keeps its permissions; a new
// one is private to the user (the config may hold mail settings).
func WriteFile(path string, data []byte) error {
	mode := os.FileMode(0o600)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	} else if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cardcheck-config-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
