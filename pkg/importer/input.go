package importer

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Input is one file being parsed. It collects row errors so that a format's
// Parse can report a bad row and go on with the next.
type Input struct {
	Name   string // file name, for messages
	Text   *textenc.Text
	format string
	// names is the run's memo of merchant texts (see [Names]), or one of
	// this file's own.
	names  *Names
	errs   []error
	notes  []Note
	checks []TotalCheck
	// unlisted counts the errors past maxErrors, unnoted the notes past
	// maxNotes (the last of which was on line lastUnnoted).
	unlisted, unnoted, lastUnnoted int
}

// maxErrors is how many errors of one file are kept: a file of a million
// broken lines says so in a thousand errors and a count, rather than in a
// million messages that would cost many times the file's size.
const maxErrors = 1000

// maxNotes is how many notes of one file are kept, for the same reason.
const maxNotes = 10000

// Errorf records a problem with line of the file. cause, when not nil, is
// wrapped so that callers can test for it with errors.Is.
func (in *Input) Errorf(line int, cause error, format string, args ...any) {
	if len(in.errs) >= maxErrors {
		in.unlisted++
		return
	}
	err := fmt.Errorf(format, args...)
	if cause != nil {
		err = caused(cause, err.Error())
	}
	in.errs = append(in.errs, newParseError(in.Name, line, err))
}

// Error records err at line.
func (in *Input) Error(line int, err error) {
	if len(in.errs) >= maxErrors {
		in.unlisted++
		return
	}
	in.errs = append(in.errs, newParseError(in.Name, line, err))
}

// Note records that line is no charge and no error: what became of it
// (action), what it is (what: an input.note.* message, "ETC route"), and the
// line of the charge it belongs to (forLine), or 0.
func (in *Input) Note(line int, action Action, what message.Message, forLine int) {
	if len(in.notes) >= maxNotes {
		in.unnoted++
		in.lastUnnoted = line
		return
	}
	in.notes = append(in.notes, Note{File: in.Name, Line: line, Action: action, What: what.MapText(cardnum.Mask), For: forLine})
}

// Quote quotes text from a file for a note or an error: in double quotes,
// with Go escapes for what is not printable but spaces of every width kept
// as they are ("※１　ご利用内容の注記", not "※１\u3000…").
func Quote(s string) string { return strconv.QuoteToGraphic(s) }

// Source returns the source of line of this file.
func (in *Input) Source(line int) statement.Source {
	return statement.Source{File: in.Name, Line: line}
}

// Rows returns a CSV row reader over the decoded file, quoted as q says,
// with any number of fields per record up to [MaxFields].
func (in *Input) Rows(q Quotes) (*Rows, error) {
	r, err := in.Text.Reader()
	if err != nil {
		return nil, err
	}
	watch := &markWatch{r: r, text: in.Text}
	if in.Text.Whole() {
		// The decoded text is all in the head: it is looked at once, not
		// read by read.
		watch.seen, watch.whole = in.Text.Invalid(in.Text.Head), true
	}
	return &Rows{in: in, r: newRecords(watch, q, in.Text.Size()), watch: watch}, nil
}

// markWatch passes decoded text through and notes whether any of it so far
// carries the mark of bytes invalid in the file's encoding
// ([textenc.Text.Invalid]). While none has, the record just read is valid as a
// whole, and [Rows.Next] need not test its fields one by one: that test, run
// on every field, was a tenth of the time of reading a large statement.
type markWatch struct {
	r     io.Reader
	text  *textenc.Text
	seen  bool
	whole bool   // seen was settled from the whole text
	carry []byte // an incomplete UTF-8 sequence that ended the last read
	buf   []byte
}

func (w *markWatch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if w.seen || w.whole || n == 0 && err == nil || w.text.Encoding == textenc.UTF8 {
		return n, err // a UTF-8 file was checked whole when it was opened
	}
	// Decoded text is UTF-8. A read can end inside a character; that part
	// waits for the next read, so that a mark is never cut in two and a
	// split character is never taken for an invalid one. At the end of the
	// input it is tested as it is.
	w.buf = append(append(w.buf[:0], w.carry...), p[:n]...)
	cut := len(w.buf)
	if err == nil {
		cut = completeRunes(w.buf)
	}
	w.carry = append(w.carry[:0], w.buf[cut:]...)
	if w.text.InvalidBytes(w.buf[:cut]) {
		w.seen = true
	}
	return n, err
}

// completeRunes returns the length of the part of b that ends with a whole
// UTF-8 sequence.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// Rows reads records one at a time. Records that cannot be read (a broken
// quote, bytes invalid in the file's encoding) are reported to the Input and
// skipped, so Next only stops at the end of the file or on a read error.
type Rows struct {
	in     *Input
	r      *records
	watch  *markWatch
	Line   int      // line the current record starts on
	Fields []string // the current record; valid until the next call to Next
	err    error
	// repairFree and repairValid are what [Rows.RepairColumns] set.
	repairFree  []int
	repairValid func([]string) bool
}

// Next advances to the next readable record.
func (rs *Rows) Next() bool {
	for {
		rec, line, err := rs.r.read()
		if err == io.EOF {
			return false
		}
		if err != nil {
			var re *recordError
			if errors.As(err, &re) {
				rs.in.Error(re.line, re.unreadable())
				continue
			}
			rs.err = err
			return false
		}
		// Text.Invalid of a text holds when it holds for a part of it: until
		// the text read so far, which includes this record, has a mark, no
		// field of the record can have one.
		if rs.watch.seen && rs.invalid(rec) {
			rs.in.Error(line, message.NewError("input.encoding", message.Args{"encoding": message.Text(rs.in.Text.EncodingName())}, ErrEncoding))
			continue
		}
		rs.Line, rs.Fields = line, rec
		return true
	}
}

func (rs *Rows) invalid(rec []string) bool {
	for _, f := range rec {
		if rs.in.Text.Invalid(f) {
			return true
		}
	}
	return false
}

// Err returns the read error that stopped Next, if any.
func (rs *Rows) Err() error { return rs.err }

// Field returns field i of the current record trimmed of white space, or ""
// when the record is shorter.
func (rs *Rows) Field(i int) string {
	if i < 0 || i >= len(rs.Fields) {
		return ""
	}
	return strings.TrimSpace(rs.Fields[i])
}

// Empty reports whether every field of the current record is blank.
func (rs *Rows) Empty() bool {
	for _, f := range rs.Fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// HeadLines splits the decoded head of a file into lines without their ends,
// for Sniff functions.
func HeadLines(head string, n int) []string {
	// Line by line: strings.SplitN would count the lines of the whole head
	// first, for every format that sniffs it.
	lines := make([]string, 0, n)
	for rest, more := head, true; more && len(lines) < n; {
		var l string
		l, rest, more = strings.Cut(rest, "\n")
		lines = append(lines, strings.TrimSuffix(l, "\r"))
	}
	return lines
}

// SplitCSVLine splits one line of a head into fields, for Sniff functions.
// Quotes are honoured; a line that is not valid CSV gives nil.
func SplitCSVLine(line string) []string {
	if line != "" && len(line) <= MaxFieldBytes && !strings.ContainsAny(line, "\"\r\n") && strings.Count(line, ",") < MaxFields {
		// Nothing quoted and under every limit: the fields are what lies
		// between the commas (every file's head is sniffed by every format).
		return strings.Split(line, ",")
	}
	r := newRecords(strings.NewReader(line), LazyQuotes, int64(len(line)))
	rec, _, err := r.read()
	if err != nil {
		return nil
	}
	return rec
}

// Raw returns field i of the current record as printed, untrimmed, or ""
// when the record is shorter: merchants are kept exactly as the statement
// prints them, trailing full-width spaces included.
func (rs *Rows) Raw(i int) string {
	if i < 0 || i >= len(rs.Fields) {
		return ""
	}
	return rs.Fields[i]
}

// Header is a header row's column names, trimmed. Layouts whose columns move
// between versions (PayPay inserted 決済方法 in 2025 and shifted every later
// column) are bound by name through it, never by position.
type Header []string

// NewHeader returns the column names of a header row. It copies fields, since
// a [Rows] record is reused by the next call to Next.
func NewHeader(fields []string) Header {
	h := make(Header, len(fields))
	for i, f := range fields {
		h[i] = strings.TrimFunc(f, unicode.IsSpace)
	}
	return h
}

// Index returns the position of the first column named one of names (tried
// in order, so that a current name can come before an older one), or -1.
func (h Header) Index(names ...string) int {
	for _, name := range names {
		for i, col := range h {
			if col == name {
				return i
			}
		}
	}
	return -1
}

// Has reports whether every one of names is a column.
func (h Header) Has(names ...string) bool {
	for _, name := range names {
		if h.Index(name) < 0 {
			return false
		}
	}
	return true
}

// Fits returns an error wrapping [ErrFieldCount] when fields, a record under
// header h, has more fields than h, or lacks one of h's named columns (a row
// may end before the empty-named columns some exports pad the header with).
// More fields are never tolerated, not even empty ones: an unquoted "3,480"
// splits into "3" and "480" and would shift every later column.
func (h Header) Fits(fields []string) error {
	width := len(h)
	for width > 0 && h[width-1] == "" {
		width--
	}
	if len(fields) < width || len(fields) > len(h) {
		return message.NewError("input.fields-header", message.Args{"n": message.Count(len(fields)), "want": message.Count(len(h))}, ErrFieldCount)
	}
	return nil
}

// FindHeader returns the index of the first of lines whose fields include
// every one of names, or -1. It is for Sniff functions of layouts whose header
// follows a preamble of varying length: search for it, never assume its row.
func FindHeader(lines []string, names ...string) int {
	for i, l := range lines {
		if !containsAll(l, names) {
			continue // cheap test first: most lines are data
		}
		if NewHeader(SplitCSVLine(l)).Has(names...) {
			return i
		}
	}
	return -1
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// NextRow advances to the next record under header h that holds data: empty
// records are skipped, and records that do not fit h are repaired (see
// [Rows.Fit]) or reported and skipped.
func (rs *Rows) NextRow(h Header) bool {
	for rs.Next() {
		if rs.Empty() {
			continue
		}
		if rs.Fit(h) {
			return true
		}
	}
	return false
}

// Fit reports whether the current record fits header h (see [Header.Fits]),
// and reports it when it does not. A record with more fields than h is
// repaired when the layout named its text columns ([Rows.RepairColumns])
// and exactly one way of joining the extra fields back into them gives a
// valid row (see [Rows.Repair]).
func (rs *Rows) Fit(h Header) bool {
	err := h.Fits(rs.Fields)
	switch {
	case err == nil:
		return true
	case len(rs.Fields) > len(h) && rs.repairValid != nil:
		return rs.Repair(len(h), strings.Join(h, ","), rs.repairFree, rs.repairValid)
	}
	rs.in.Error(rs.Line, err)
	return false
}

// RepairColumns names the text columns of a layout (a merchant, a memo),
// where an unquoted comma may split a field, and what a valid row is (see
// [DateAndAmount]): [Rows.Fit] then repairs rows that have more fields than
// the header.
func (rs *Rows) RepairColumns(free []int, valid func([]string) bool) {
	rs.repairFree, rs.repairValid = free, valid
}

// DateAndAmount returns a test for [Rows.RepairColumns]: a row is valid when
// its date and amount columns read.
func DateAndAmount(date, amount int) func([]string) bool {
	return func(f []string) bool {
		if date < 0 || amount < 0 || date >= len(f) || amount >= len(f) {
			return false
		}
		_, err1 := ParseDate(f[date])
		_, err2 := ParseAmount(f[amount])
		return err1 == nil && err2 == nil
	}
}

// Charge reads the use date, the merchant and the amount of the current
// record from columns date, merchant and amount of header h, and returns a
// charge of them with its kind (see [KindOf]) and source. The merchant is
// kept as printed. A field that cannot be read is reported, naming its
// column, and ok is false.
func (rs *Rows) Charge(h Header, date, merchant, amount int) (c statement.Charge, ok bool) {
	d, err := ParseDate(rs.Field(date))
	if err != nil {
		rs.in.Errorf(rs.Line, nil, "%s: %w", h.name(date), err)
		return c, false
	}
	m := rs.Raw(merchant)
	if strings.TrimSpace(m) == "" {
		rs.in.Error(rs.Line, EmptyError(h.name(merchant)))
		return c, false
	}
	a, err := ParseAmount(rs.Field(amount))
	if err != nil {
		rs.in.Errorf(rs.Line, nil, "%s: %w", h.name(amount), err)
		return c, false
	}
	_, kind := rs.in.Kind(m, a)
	return statement.Charge{
		Date:     d,
		Merchant: m,
		Amount:   a,
		Kind:     kind,
		Source:   rs.in.Source(rs.Line),
	}, true
}

// name names column i for messages.
func (h Header) name(i int) string {
	if i >= 0 && i < len(h) && h[i] != "" {
		return h[i]
	}
	return fmt.Sprintf("column %d", i+1)
}

// CardsOf returns the distinct cards of charges in order of appearance, for
// layouts that name the card on each row rather than in a card line.
func CardsOf(charges []statement.Charge) []statement.Card {
	var cards []statement.Card
	seen := map[statement.Card]bool{}
	for i := range charges {
		if c := charges[i].Card; !seen[c] {
			seen[c] = true
			cards = append(cards, c)
		}
	}
	return cards
}
