// Package safetext makes text chosen by strangers (merchant names are printed
// as the merchant wrote them, fraudsters included) safe to show: on a
// terminal, in a CSV cell, in an email header. HTML bodies use html/template,
// which escapes on its own.
package safetext

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terminal returns s with every character that could move the cursor, change
// colours, reorder text or hide itself written as a visible escape: control
// characters (ESC, CR, LF, BEL, DEL, C1), bidirectional overrides and
// isolates, zero-width and other format characters, and line separators.
// Printable text, Japanese included, is unchanged.
func Terminal(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafe(r) {
			b.WriteString(escape(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			return !strings.ContainsFunc(s, unsafe)
		}
	}
	return true
}

func unsafe(r rune) bool {
	return r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029' || !unicode.IsPrint(r) && r != ' ' && r != '\u3000'
}

func escape(r rune) string {
	switch {
	case r < 0x80:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// Header returns s fit for an email header or a single log line: the
// [Terminal] escapes, so CR and LF can never end the header.
func Header(s string) string { return Terminal(s) }

// CSVCell returns s fit for a CSV cell that a spreadsheet will open: the
// [Terminal] escapes, and a leading =, +, -, @ or tab, which spreadsheets run
// as a formula, is preceded by an apostrophe.
func CSVCell(s string) string {
	s = Terminal(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// TerminalWriter writes to a terminal (or a log) with every line made safe
// as by [Terminal]; the line ends themselves are kept. It is the one writer
// a command prints text through, so that no print site can forget; machine
// formats (JSON, CSV) escape on their own and go around it.
type TerminalWriter struct {
	w       io.Writer
	pending []byte // the start of a character cut off by the last Write
}

// NewTerminalWriter returns a TerminalWriter writing to w.
func NewTerminalWriter(w io.Writer) *TerminalWriter { return &TerminalWriter{w: w} }

// Write writes p made safe. A character cut in two between calls is held
// until its end arrives.
func (t *TerminalWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	// Hold back an incomplete character at the end (at most 3 bytes).
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i >= len(data)-3; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	t.pending = append([]byte(nil), data[cut:]...)
	var b strings.Builder
	lines := strings.Split(string(data[:cut]), "\n")
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(Terminal(line))
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
