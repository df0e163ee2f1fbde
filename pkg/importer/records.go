package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/cardcheck/cardcheck/pkg/message"
)

// Limits on one record of a file. A statement row is a few hundred bytes of
// a dozen fields, so these are far above any real one; past them a record is
// refused whole, with its line, before it costs more than its own size (a
// line of 60 MiB of commas would otherwise be 60 million fields).
const (
	// MaxRecordBytes bounds a record: one line, or the lines a quoted field
	// joins (a memo with line breaks).
	MaxRecordBytes = 64 << 10
	// MaxFieldBytes bounds one field: the longest text of a stranger that
	// an error may quote.
	MaxFieldBytes = 4 << 10
	// MaxFields bounds the fields of a record.
	MaxFields = 256
)

// ErrLimit is wrapped by errors for records over [MaxRecordBytes],
// [MaxFieldBytes] or [MaxFields], and for input over a size limit.
var ErrLimit = errors.New("over a limit")

// Quotes says how a layout quotes its fields.
type Quotes int

const (
	// StrictQuotes is RFC 4180: a field may be quoted, and a quote in an
	// unquoted field, or one not doubled in a quoted field, is an error.
	StrictQuotes Quotes = iota
	// LazyQuotes is for layouts whose fields are never quoted (Vpass): a
	// quote in a field is part of its text, as encoding/csv's LazyQuotes.
	LazyQuotes
)

var (
	errQuote     = message.NewError("input.quote", nil, nil)
	errBareQuote = message.NewError("input.bare-quote", nil, nil)
)

// recordError is a record that could not be read: from line to end (the
// same line for a one-line record).
type recordError struct {
	line, end int
	err       error
}

func (e *recordError) Error() string {
	if e.end > e.line {
		return fmt.Sprintf("lines %d-%d: %v", e.line, e.end, e.err)
	}
	return e.err.Error()
}

func (e *recordError) Unwrap() error { return e.err }

// unreadable is the error of a record that could not be read, as a row
// error: "unreadable CSV: lines 3-9: …".
func (e *recordError) unreadable() error {
	end := 0
	if e.end > e.line {
		end = e.end
	}
	var m *message.Error
	detail := message.Said(e.err.Error(), "")
	if errors.As(e.err, &m) && m.Error() == e.err.Error() {
		detail = m.Message
	}
	return message.NewError("input.csv", message.Args{"line": message.Count(e.line), "end": message.Count(end), "detail": message.Nested(detail)}, e)
}

// limit is the error of a record over the limit max, n its size (0: not
// said).
func limit(key string, n, max int) error {
	return message.NewError(key, message.Args{"n": message.Count(n), "max": message.Count(max)}, ErrLimit)
}

// records splits decoded text into CSV records the way encoding/csv does
// (comma-separated, double quotes, CRLF or LF, blank lines skipped), under
// the limits above. encoding/csv has none: it keeps a record however long,
// and a field however many. A record that cannot be read is reported with
// its lines and reading goes on at the line after, where encoding/csv gives
// up on the rest of the file after a broken quote.
type records struct {
	br   *bufio.Reader
	lazy bool
	line int      // physical lines read
	nl   bool     // the last line read ended with a line break
	buf  []byte   // the current record's text, fields one after another
	ends []int    // where each field ends in buf
	out  []string // the last record's fields, reused
	long []byte   // a line longer than the buffer, gathered
}

func newRecords(r io.Reader, q Quotes, size int64) *records {
	// The buffer holds a whole line, so that a line is one slice; a line
	// it cannot hold is over MaxRecordBytes anyway. A small file gets a
	// small one: a run over many files allocates one per file.
	bufSize := MaxRecordBytes + 16
	if size >= 0 && size+16 < int64(bufSize) {
		bufSize = max(int(size)+16, 16)
	}
	return &records{br: bufio.NewReaderSize(r, bufSize), lazy: q == LazyQuotes}
}

// read returns the next record and the line it starts on; io.EOF at the
// end. A record that cannot be read is a *recordError.
func (r *records) read() (fields []string, line int, err error) {
	for {
		s, err := r.readLine()
		if err != nil {
			return nil, r.line, err
		}
		if s == nil {
			return nil, 0, io.EOF
		}
		if len(s) == 0 {
			continue // a blank line
		}
		line = r.line
		if err := r.parse(s); err != nil {
			var re *recordError
			if errors.As(err, &re) {
				err = re.err // a line too long inside the record
			}
			return nil, line, &recordError{line: line, end: r.line, err: err}
		}
		return r.out, line, nil
	}
}

// readLine returns the next line without its line break (a CRLF, an LF, or
// a CR before the end of the input), nil at the end of the input, and a
// *recordError for a line over MaxRecordBytes, which is skipped.
func (r *records) readLine() ([]byte, error) {
	s, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull || len(s) > MaxRecordBytes+2 {
		// A line the buffer cannot hold. A small file's buffer is its size
		// as encoded, and a line of it can decode longer (a byte of CP932
		// half-width kana is three of UTF-8): a line within the limit is
		// gathered whole; a longer one is counted and skipped.
		r.long = append(r.long[:0], s...)
		n := len(s)
		for err == bufio.ErrBufferFull {
			s, err = r.br.ReadSlice('\n')
			if n += len(s); n <= MaxRecordBytes+2 {
				r.long = append(r.long, s...)
			}
		}
		if err != nil && err != io.EOF {
			r.line++
			return nil, err
		}
		if n > MaxRecordBytes+2 {
			r.line++
			return nil, &recordError{line: r.line, end: r.line, err: limit("input.limit.line", n, MaxRecordBytes)}
		}
		s = r.long
	}
	switch {
	case err == io.EOF && len(s) == 0:
		return nil, nil
	case err != nil && err != io.EOF:
		return nil, err
	}
	r.line++
	r.nl = len(s) > 0 && s[len(s)-1] == '\n'
	if r.nl {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && s[len(s)-1] == '\r' {
		s = s[:len(s)-1]
	}
	if s == nil {
		s = []byte{}
	}
	return s, nil
}

// parse reads the record that starts with line s into r.out.
func (r *records) parse(s []byte) error {
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	size := len(s)
	pos := 0
fields:
	for {
		if len(r.ends) == MaxFields {
			return limit("input.limit.fields", 0, MaxFields)
		}
		start := len(r.buf)
		if pos < len(s) && s[pos] == '"' {
			// A quoted field, which may go on over several lines.
			pos++
			for {
				i := bytes.IndexByte(s[pos:], '"')
				if i < 0 {
					r.buf = append(r.buf, s[pos:]...)
					if r.nl {
						r.buf = append(r.buf, '\n') // CRLF too, as encoding/csv
					}
					if len(r.buf)-start > MaxFieldBytes {
						return limit("input.limit.quoted", 0, MaxFieldBytes)
					}
					next, err := r.readLine()
					if err != nil {
						return err
					}
					if next == nil {
						if r.lazy {
							r.ends = append(r.ends, len(r.buf))
							return r.finish()
						}
						return message.NewError("input.unclosed", nil, errQuote)
					}
					if size += len(next) + 1; size > MaxRecordBytes {
						return limit("input.limit.record", 0, MaxRecordBytes)
					}
					s, pos = next, 0
					continue
				}
				r.buf = append(r.buf, s[pos:pos+i]...)
				pos += i + 1
				if len(r.buf)-start > MaxFieldBytes {
					// A quoted field that ends on its line is bounded too.
					return limit("input.limit.quoted", 0, MaxFieldBytes)
				}
				switch {
				case pos < len(s) && s[pos] == '"':
					r.buf = append(r.buf, '"')
					pos++
				case pos < len(s) && s[pos] == ',':
					pos++
					r.ends = append(r.ends, len(r.buf))
					continue fields
				case pos == len(s):
					r.ends = append(r.ends, len(r.buf))
					return r.finish()
				case r.lazy:
					r.buf = append(r.buf, '"')
				default:
					return errQuote
				}
				if len(r.buf)-start > MaxFieldBytes {
					return limit("input.limit.quoted", 0, MaxFieldBytes)
				}
			}
		}
		f := s[pos:]
		i := bytes.IndexByte(f, ',')
		if i >= 0 {
			f = f[:i]
		}
		if !r.lazy && bytes.IndexByte(f, '"') >= 0 {
			return errBareQuote
		}
		if len(f) > MaxFieldBytes {
			return limit("input.limit.field", len(f), MaxFieldBytes)
		}
		r.buf = append(r.buf, f...)
		r.ends = append(r.ends, len(r.buf))
		if i < 0 {
			return r.finish()
		}
		pos += i + 1
	}
}

// finish makes r.out the fields of r.buf: one string for the record, the
// fields slices of it (one allocation per record, as encoding/csv's).
func (r *records) finish() error {
	s := string(r.buf)
	r.out = r.out[:0]
	prev := 0
	for _, end := range r.ends {
		r.out = append(r.out, s[prev:end])
		prev = end
	}
	return nil
}
