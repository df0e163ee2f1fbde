// Package importer reads card statements into [statement.Statement] values.
//
// Each statement layout is a [Format]: a name, a sniff function that
// recognises the layout from the file's content (never its name), and a parse
// function. Formats are held in a [Registry], modelled on the standard
// library's image.RegisterFormat: formats register values, recognition is data
// driven, and the caller learns which format read a file.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Format is one statement layout.
type Format struct {
	// Name identifies the format in output and config, e.g. "vpass".
	Name string
	// Issuer and Title describe it for people: "三井住友カード", "Vpass 確定明細".
	Issuer, Title string
	// Encodings lists the encodings the issuer ships the layout in.
	Encodings []textenc.Encoding
	// Sample is a line typical of the layout, shown by `cardcheck formats`.
	Sample string
	// Keywords are words the layout's files carry; when no format recognises
	// a file, the formats sharing most keywords with it are named as nearest.
	Keywords []string
	// Aggregator marks household-account exports (マネーフォワード ME, Zaim)
	// that repeat charges an issuer's own statement may also hold; merging
	// matches their charges to issuer charges without a card number.
	Aggregator bool
	// Sniff reports whether the decoded head of a file is in this layout.
	Sniff func(head string) bool
	// Parse reads a whole file. Problems with single rows are reported with
	// [Input.Errorf] and parsing goes on; the returned error is for a file that
	// cannot be read at all.
	Parse func(in *Input) (*statement.Statement, error)
}

// Registry holds formats. The zero value is empty and ready to use; it is
// safe for concurrent use.
type Registry struct {
	mu      sync.RWMutex
	formats []*Format
}

// Register adds f. It panics on an empty or duplicate name or a missing
// function: those are programming errors, caught when the registry is built.
func (r *Registry) Register(f Format) {
	if f.Name == "" || f.Sniff == nil || f.Parse == nil {
		panic("importer: Register of incomplete format " + f.Name)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, g := range r.formats {
		if g.Name == f.Name {
			panic("importer: Register called twice for format " + f.Name)
		}
	}
	// Kept sorted by name: every file read asks for them in that order.
	i, _ := slices.BinarySearchFunc(r.formats, f.Name, func(g *Format, name string) int { return strings.Compare(g.Name, name) })
	r.formats = slices.Insert(r.formats, i, &f)
}

// Formats returns the registered formats sorted by name.
func (r *Registry) Formats() []*Format {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return slices.Clone(r.formats)
}

// Lookup returns the format called name.
func (r *Registry) Lookup(name string) (*Format, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, f := range r.formats {
		if f.Name == name {
			return f, true
		}
	}
	return nil, false
}

// ErrUnknownFormat is wrapped by errors for files no format recognises.
var ErrUnknownFormat = errors.New("no format recognises this file")

// ErrAmbiguousFormat is wrapped by errors for files several formats recognise.
var ErrAmbiguousFormat = errors.New("more than one format recognises this file")

// Sniff returns the one format that recognises head. Formats whose name starts
// with "user:" are the user's own and are tried first: when one recognises the
// file, it wins over the built-in formats.
func (r *Registry) Sniff(head string) (*Format, error) {
	var user, builtin []*Format
	for _, f := range r.Formats() {
		if !f.Sniff(head) {
			continue
		}
		if strings.HasPrefix(f.Name, "user:") {
			user = append(user, f)
		} else {
			builtin = append(builtin, f)
		}
	}
	matches := builtin
	if len(user) > 0 {
		matches = user
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		near := strings.Join(r.nearest(head), ", ")
		return nil, message.NewError("input.unknown-format", message.Args{"near": message.Text(near)}, ErrUnknownFormat)
	}
	names := make([]string, len(matches))
	for i, f := range matches {
		names[i] = f.Name
	}
	return nil, message.NewError("input.ambiguous", message.Args{"names": message.Text(strings.Join(names, ", "))}, ErrAmbiguousFormat)
}

// nearest names up to three formats that share most keywords with head.
func (r *Registry) nearest(head string) []string {
	type scored struct {
		name  string
		score int
	}
	var s []scored
	for _, f := range r.Formats() {
		n := 0
		for _, k := range f.Keywords {
			if strings.Contains(head, k) {
				n++
			}
		}
		if n > 0 {
			s = append(s, scored{f.Name, n})
		}
	}
	sort.SliceStable(s, func(i, j int) bool { return s[i].score > s[j].score })
	var out []string
	for i := 0; i < len(s) && i < 3; i++ {
		out = append(out, s[i].name)
	}
	return out
}

// Result is what importing one file gives.
type Result struct {
	Statement *statement.Statement // nil when the file could not be read at all
	Format    *Format
	Encoding  textenc.Encoding
	Errors    []error // row errors (*ParseError) and the file error, if any
	// Notes are the lines that are neither a charge nor an error: lines the
	// format knows to carry no charge (a route, a note, a payment summary),
	// skipped or attached to a charge, and rows read after a repair.
	Notes []Note
	// Checks say, for each control total the layout has, whether it was
	// checked and how that came out, or why it could not be.
	Checks []TotalCheck
}

// Stdin is the path that names the standard input, and StdinName the name
// its charges and messages give as their file.
const (
	Stdin     = "-"
	StdinName = "<stdin>"
)

// ImportFile reads the file at path, which must be a regular file (see
// [OpenFile]); [Stdin] reads the standard input.
func (r *Registry) ImportFile(path string) Result { return r.ImportFileWith(path, nil) }

// ImportFileWith is [Registry.ImportFile] with names, the memo of merchant
// texts shared with the other files the caller's goroutine reads (see
// [Names]); nil gives the file a memo of its own.
func (r *Registry) ImportFileWith(path string, names *Names) Result {
	if path == Stdin {
		return r.importStdin(os.Stdin, names)
	}
	f, size, err := openRegular(path)
	if err != nil {
		return Result{Errors: []error{newParseError(path, 0, err)}}
	}
	defer f.Close()
	return r.importNamed(path, f, size, names)
}

// importStdin reads src, the standard input, whole (it cannot be read twice
// as a file is), up to the size limit of a file.
func (r *Registry) importStdin(src io.Reader, names *Names) Result {
	data, err := io.ReadAll(io.LimitReader(src, textenc.MaxSize+1))
	if err == nil && len(data) > textenc.MaxSize {
		err = textenc.ErrTooLarge
	}
	if err != nil {
		return Result{Errors: []error{newParseError(StdinName, 0, err)}}
	}
	return r.importNamed(StdinName, bytes.NewReader(data), int64(len(data)), names)
}

// ErrNotRegular is wrapped by errors for paths that are no regular file: a
// named pipe, a device or a socket could block a run forever or never end.
var ErrNotRegular = errors.New("not a regular file")

// OpenFile opens path for reading when it is a regular file. It opens it
// without blocking (a named pipe with no writer would block a plain open
// forever) and asks the open file what it is, so that what is read is what
// was checked.
func OpenFile(path string) (*os.File, error) {
	f, _, err := openRegular(path)
	return f, err
}

// openRegular is [OpenFile], which also returns the size of the file.
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, pathError("input.open", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, pathError("input.open", err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, notRegular(info.Mode())
	}
	return f, info.Size(), nil
}

// Import reads one statement from src; name is the file name used in
// messages and in each charge's source.
func (r *Registry) Import(name string, src io.ReadSeeker) Result {
	return r.importNamed(name, src, -1, nil)
}

// importNamed reads src, of size bytes (negative: not known, and measured)
// from its start.
func (r *Registry) importNamed(name string, src io.ReadSeeker, size int64, names *Names) Result {
	fail := func(err error) Result {
		return Result{Errors: []error{newParseError(name, 0, err)}}
	}
	var text *textenc.Text
	var err error
	if size >= 0 {
		text, err = textenc.OpenSized(src, size)
	} else {
		text, err = textenc.Open(src)
	}
	if err != nil {
		return fail(err)
	}
	f, err := r.Sniff(text.Head)
	if err != nil {
		return fail(err)
	}
	return parse(f, name, text, names)
}

// ParseWith reads text with format f.
func ParseWith(f *Format, name string, text *textenc.Text) Result {
	return parse(f, name, text, nil)
}

func parse(f *Format, name string, text *textenc.Text, names *Names) Result {
	res := Result{Format: f, Encoding: text.Encoding}
	if names == nil {
		names = &Names{}
	}
	in := &Input{Name: name, Text: text, format: f.Name, names: names}
	st, err := f.Parse(in)
	res.Errors, res.Notes, res.Checks = in.errs, in.notes, in.checks
	if in.unnoted > 0 {
		res.Notes = append(res.Notes, Note{File: name, Line: in.lastUnnoted, Action: Skipped,
			What: message.New("input.note.unlisted", message.Args{"n": message.Count(in.unnoted), "max": message.Count(maxNotes)})})
	}
	if in.unlisted > 0 {
		res.Errors = append(res.Errors, newParseError(name, 0, message.NewError("input.limit.unlisted",
			message.Args{"n": message.Count(in.unlisted), "max": message.Count(maxErrors)}, ErrLimit)))
	}
	if err != nil {
		res.Errors = append(res.Errors, newParseError(name, 0, err))
	}
	if st != nil {
		st.File = name
		st.Format = f.Name
		st.Aggregated = f.Aggregator
		maskStatement(st, f.Name, name, names)
		res.Statement = st
	}
	return res
}

// maskStatement makes the payee keys of st's charges and masks every card
// number in their text, for every format alike: what is not in the model
// cannot be printed, mailed or stored by anything downstream. The key is made
// from the masked merchant (see [Names]). Each distinct text is masked once:
// a large file names a few hundred merchants and a handful of cards and
// holders over and over.
func maskStatement(st *statement.Statement, format, name string, names *Names) {
	cards := map[statement.Card]statement.Card{}
	texts := map[string]string{}
	mask := func(s string) string {
		if s == "" {
			return s
		}
		m, ok := texts[s]
		if !ok {
			m = cardnum.Mask(s)
			texts[s] = m
		}
		return m
	}
	for i := range st.Cards {
		st.Cards[i] = maskCard(st.Cards[i], cards)
	}
	for i := range st.Totals {
		st.Totals[i].Label = mask(st.Totals[i].Label)
	}
	var lastIn, lastOut statement.Card // charges of one card come in runs
	var holderIn, holderOut string     // and so do a holder's
	for i := range st.Charges {
		c := &st.Charges[i]
		if i == 0 || c.Card != lastIn {
			lastIn, lastOut = c.Card, maskCard(c.Card, cards)
		}
		n := names.of(c.Merchant)
		c.Merchant, c.Payee, c.Via = n.masked, n.payee, n.via
		c.Card = lastOut
		if c.Holder != holderIn {
			holderIn, holderOut = c.Holder, mask(c.Holder)
		}
		c.Holder = holderOut
		c.ForeignCurrency = mask(c.ForeignCurrency)
		c.Ref = mask(c.Ref)
		c.Format = format
		c.Source.File = name
		if c.Kind == "" {
			c.Kind = statement.Purchase
		}
	}
}

// maskCard masks full card numbers in a card's fields, once per card.
func maskCard(c statement.Card, seen map[statement.Card]statement.Card) statement.Card {
	m, ok := seen[c]
	if !ok {
		m = statement.Card{Issuer: cardnum.Mask(c.Issuer), Name: cardnum.Mask(c.Name), Number: cardnum.Mask(c.Number)}
		seen[c] = m
	}
	return m
}

// Note is a line of a file that is neither a charge nor an error.
type Note struct {
	File   string
	Line   int
	Action Action
	// What says what the line is: "ETC route" (an input.note.* message).
	What message.Message
	// For is the line of the charge the line belongs to, or 0.
	For int
}

// Action is what became of a noted line.
type Action string

// The actions of notes.
const (
	// Skipped: the line carries no charge (a note, a route, a payment
	// summary, a slice of a purchase counted in an earlier month).
	Skipped Action = "skipped"
	// Attached: the line completes a charge (its foreign amount, the money
	// side of a cancellation).
	Attached Action = "attached"
	// Repaired: the line is a charge read after a repair the note names.
	Repaired Action = "repaired"
)

// String formats n in English as "path:line: skipped: ETC route for line
// 168".
func (n Note) String() string { return n.In(lang.EN) }

// In says n in l, after "path:line: ".
func (n Note) In(l lang.Lang) string {
	return statement.Source{File: n.File, Line: n.Line}.String() + ": " + message.Render(l, message.New("input.note",
		message.Args{"action": message.Term("input.action." + string(n.Action)), "what": message.Nested(n.What), "for": message.Count(n.For)}))
}

// TotalCheck is what became of one control total of a file.
type TotalCheck struct {
	// Label is the total's name in the statement ("total line",
	// "今回のお支払金額合計").
	Label string
	// Source is the total's line; its Line is 0 when the file has none.
	Source  statement.Source
	Outcome Outcome
	// Stated is the statement's total and Sum what its rows add up to,
	// when the check ran.
	Stated, Sum decimal.Decimal
	// Why says what was compared, or why nothing could be.
	Why message.Message
}

// Outcome is how a total check came out.
type Outcome string

// The outcomes of a total check.
const (
	Matched    Outcome = "matched"
	Mismatched Outcome = "mismatched" // an error too ([ErrTotal])
	// Missing: the layout has the total and the file lacks it, so nothing
	// checks that no row is missing (an error too, [ErrTotal]).
	Missing Outcome = "missing"
	// Unchecked: the total cannot be checked against the rows (the layout
	// prints none, or it covers money the file does not itemise); Why says
	// which. It is not an error.
	Unchecked Outcome = "could not be checked"
)

// String formats c for people in English: "total line (line 9): matched,
// 14924: the お支払い金額 of every row above it".
func (c TotalCheck) String() string { return c.In(lang.EN) }

// In says c in l.
func (c TotalCheck) In(l lang.Lang) string {
	why := message.Text("")
	if !c.Why.IsZero() {
		why = message.Nested(c.Why)
	}
	label := message.Text(c.Label)
	if term, ok := labelTerms[c.Label]; ok {
		label = message.Term(term)
	}
	return message.Render(l, message.New("input.check", message.Args{
		"label": label, "line": message.Count(c.Source.Line),
		"outcome": message.Term(outcomeTerms[c.Outcome]), "matched": message.Bool(c.Outcome == Matched),
		"mismatched": message.Bool(c.Outcome == Mismatched),
		"stated":     message.Text(c.Stated.String()), "sum": message.Text(c.Sum.String()), "why": why}))
}

// labelTerms are the catalogue's words for the labels formats give the
// totals their statements print without a name (Vpass's last line), or do
// not print.
var labelTerms = map[string]string{"total": "input.label.total", "total line": "input.total-line", "subtotal line": "input.label.subtotal-line"}

// outcomeTerms are the catalogue's words for the outcomes.
var outcomeTerms = map[Outcome]string{
	Matched: "input.outcome.matched", Mismatched: "input.outcome.mismatched",
	Missing: "input.outcome.missing", Unchecked: "input.outcome.unchecked",
}

// ParseError is a problem at a place in a file. Line and Column are 1-based;
// zero means the problem is with the whole file.
type ParseError struct {
	File   string
	Line   int
	Column int
	Err    error
}

func (e *ParseError) Error() string {
	// Messages quote what the file says; a card number among it is masked
	// (again, for errors made outside this package).
	return e.frame() + cardnum.Mask(e.Err.Error())
}

// frame is where the problem is, "path:line:col: ", the same in every
// language.
func (e *ParseError) frame() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	return b.String()
}

// newParseError returns err at line of file, its message masked once and
// for all: a caller that prints e.Err rather than e (the JSON report's
// message) prints it masked too.
func newParseError(file string, line int, err error) *ParseError {
	return &ParseError{File: file, Line: line, Err: maskedError{cardnum.Mask(err.Error()), err}}
}

// maskedError is an error whose message was masked; errors.Is and As still
// see the error it was made from.
type maskedError struct {
	msg string
	err error
}

func (e maskedError) Error() string { return e.msg }
func (e maskedError) Unwrap() error { return e.err }

func (e *ParseError) Unwrap() error { return e.Err }

// Causes of row errors, for errors.Is.
var (
	ErrBadDate    = errors.New("invalid date")
	ErrBadAmount  = errors.New("invalid amount")
	ErrFieldCount = errors.New("wrong number of fields")
	ErrEncoding   = errors.New("invalid bytes")
	ErrTotal      = errors.New("control total mismatch")
)
