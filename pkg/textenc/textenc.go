// Package textenc detects and decodes the text encodings card statements come
// in: UTF-8 with a byte order mark (楽天), plain UTF-8 (PayPay), and CP932, the
// Windows form of Shift_JIS that most issuers use.
//
// The rule is fixed and documented so that nothing is guessed: a UTF-8 BOM
// means UTF-8; otherwise bytes that are valid UTF-8 are UTF-8; otherwise the
// file is CP932. Bytes that are invalid in the chosen encoding are never
// replaced silently: they decode to U+FFFD and [Invalid] reports the line, so
// that the importer can reject that line with its number.
package textenc

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"

	"github.com/cardcheck/cardcheck/pkg/message"
)

// Encoding names a detected encoding.
type Encoding string

// The encodings cardcheck reads.
const (
	UTF8BOM Encoding = "UTF-8 (BOM)"
	UTF8    Encoding = "UTF-8"
	CP932   Encoding = "CP932"
)

// MaxSize is the largest input cardcheck reads. A monthly statement is a few
// kilobytes and ten years of an aggregator export a few megabytes; anything
// larger is almost certainly the wrong file.
const MaxSize = 64 << 20

// ErrBinary is returned for input that holds NUL bytes: no statement does.
var ErrBinary error = message.NewError("input.binary", nil, nil)

// ErrTooLarge is returned for input over [MaxSize].
var ErrTooLarge error = message.NewError("input.too-large", message.Args{"mib": message.Count(MaxSize >> 20)}, nil)

var bom, lf = []byte{0xEF, 0xBB, 0xBF}, []byte{'\n'}

// headSize is how much of a file sniffing looks at.
const headSize = 16 << 10

// Text is a file opened for decoding.
type Text struct {
	Encoding Encoding
	// Head is the decoded beginning of the file (up to 16 KiB, cut at a line
	// end), for format recognition.
	Head string
	// whole is true when Head is the whole file: [Text.Reader] reads it
	// from there, as a run over many small files reads most of them.
	whole bool
	lines int // line feeds in the file
	r     io.ReadSeeker
	size  int64
}

// Open detects the encoding of r. It reads r once to check UTF-8 validity
// (unless a BOM settles it) and seeks back; memory use does not depend on the
// size of the input.
func Open(r io.ReadSeeker) (*Text, error) {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, err
	}
	if size > MaxSize {
		return nil, ErrTooLarge
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return OpenSized(r, size)
}

// OpenSized is [Open] for r at its start, whose size the caller knows (a
// file it has just opened and asked what it is): it spares the two seeks
// that measure it, a third of the system calls of reading a small file.
func OpenSized(r io.ReadSeeker, size int64) (*Text, error) {
	if size > MaxSize {
		return nil, ErrTooLarge
	}
	head := make([]byte, min(size, headSize))
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, err
	}
	t := &Text{r: r, size: size, whole: int64(len(head)) == size}
	// One pass over the whole file: no NUL anywhere, and whether it is
	// valid UTF-8 (which a BOM settles beforehand). A file that fits in
	// the head is not read again.
	bomed := bytes.HasPrefix(head, bom)
	valid, err := !bomed && utf8.Valid(head), error(nil)
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, ErrBinary
	}
	t.lines = bytes.Count(head, lf)
	if !t.whole {
		valid, t.lines, err = scan(r, size, !bomed)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case bomed:
		t.Encoding = UTF8BOM
	case valid:
		t.Encoding = UTF8
	default:
		t.Encoding = CP932
	}
	if !t.whole {
		if i := bytes.LastIndexByte(head, '\n'); i >= 0 {
			head = head[:i+1]
		}
	}
	t.Head = t.decodeString(head)
	return t, nil
}

// OpenBytes is [Open] for data already in memory.
func OpenBytes(b []byte) (*Text, error) { return Open(bytes.NewReader(b)) }

// bufSize is the size of a buffer for reading a file of size bytes: 64 KiB,
// or less for a smaller file, so that a run over many small files does not
// allocate 64 KiB for each.
func bufSize(size int64) int {
	return int(max(min(size+utf8.UTFMax, 64<<10), 16))
}

// scan streams r from the start. It returns [ErrBinary] if r holds a NUL
// byte anywhere, reports whether r is valid UTF-8 when checkUTF8 is set,
// and counts its line feeds (a line feed is that byte in CP932 and UTF-8
// alike: no multi-byte character holds it).
func scan(r io.ReadSeeker, size int64, checkUTF8 bool) (valid bool, lines int, err error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return false, 0, err
	}
	buf := make([]byte, bufSize(size))
	valid = checkUTF8
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		n += carry
		chunk := buf[:n]
		carry = 0
		if bytes.IndexByte(chunk[:n], 0) >= 0 {
			return false, 0, ErrBinary
		}
		// What is carried to the next read is the start of a multi-byte
		// character, which holds no line feed: no line is counted twice.
		lines += bytes.Count(chunk, lf)
		if valid && err == nil {
			// Keep an incomplete sequence at the end for the next read.
			for i := 1; i <= utf8.UTFMax-1 && i <= n; i++ {
				if utf8.RuneStart(chunk[n-i]) {
					if !utf8.FullRune(chunk[n-i:]) {
						carry = i
					}
					break
				}
			}
		}
		if valid && !utf8.Valid(chunk[:n-carry]) {
			valid = false
			carry = 0
		}
		copy(buf, chunk[n-carry:n])
		if err == io.EOF {
			return valid && carry == 0, lines, nil
		}
		if err != nil {
			return false, 0, err
		}
	}
}

func (t *Text) decodeString(b []byte) string {
	switch t.Encoding {
	case CP932:
		// Room for what a statement decodes to (a two-byte character is
		// three in UTF-8, ASCII stays one): not grown on the way.
		out, _, _ := transform.Append(japanese.ShiftJIS.NewDecoder(), make([]byte, 0, len(b)*3/2+utf8.UTFMax), b)
		return string(out)
	case UTF8BOM:
		return string(bytes.TrimPrefix(b, bom))
	}
	return string(b)
}

// Reader returns the decoded text from the start of the file (after any BOM).
// Invalid bytes come out as U+FFFD; see [Invalid].
func (t *Text) Reader() (io.Reader, error) {
	if t.whole {
		return strings.NewReader(t.Head), nil
	}
	if _, err := t.r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(t.r, bufSize(t.size))
	switch t.Encoding {
	case UTF8BOM:
		if _, err := br.Discard(len(bom)); err != nil {
			return nil, err
		}
	case CP932:
		if t.size <= smallFile {
			// Decoded in one go: a decoding reader's own buffers are
			// several times the size of a small file, and a run may read
			// thousands of them.
			b, err := io.ReadAll(br)
			if err != nil {
				return nil, err
			}
			return bytes.NewReader([]byte(t.decodeString(b))), nil
		}
		return transform.NewReader(br, japanese.ShiftJIS.NewDecoder()), nil
	}
	return br, nil
}

// smallFile is the size up to which a CP932 file is decoded whole.
const smallFile = 8 << 10

// Whole reports whether [Text.Head] is the whole decoded file.
func (t *Text) Whole() bool { return t.whole }

// Lines returns the number of line feeds in the file: importers size their
// charges with it.
func (t *Text) Lines() int { return t.lines }

// Size returns the size of the file in bytes, as encoded. Importers use it
// with [Text.Head] to size their charges up front.
func (t *Text) Size() int64 { return t.size }

// Invalid reports whether decoded text s carries the mark of bytes that were
// invalid in the file's encoding.
func (t *Text) Invalid(s string) bool {
	switch t.Encoding {
	case CP932:
		// The decoder writes U+FFFD for bytes that are no CP932 character, and
		// passes 0x80 through as U+0080; CP932 maps neither. The decoded text
		// is valid UTF-8, so a byte search finds them without decoding runes.
		return strings.Contains(s, "\uFFFD") || strings.Contains(s, "\u0080")
	case UTF8BOM:
		return !utf8.ValidString(s)
	}
	return false // the whole file was checked valid before
}

// InvalidBytes is [Text.Invalid] for decoded text in a byte slice, which
// it reads without copying.
func (t *Text) InvalidBytes(b []byte) bool {
	switch t.Encoding {
	case CP932:
		return bytes.Contains(b, replacement) || bytes.Contains(b, c1)
	case UTF8BOM:
		return !utf8.Valid(b)
	}
	return false
}

var replacement, c1 = []byte("\uFFFD"), []byte("\u0080")

// EncodingName names the text's encoding for error messages: UTF-8 with
// or without its byte order mark is UTF-8.
func (t *Text) EncodingName() string {
	return strings.TrimSuffix(string(t.Encoding), " (BOM)")
}

// DecodeString decodes b in the given encoding; for tests and the user-defined
// format's explicit encoding setting.
func DecodeString(enc Encoding, b []byte) string {
	return (&Text{Encoding: enc}).decodeString(b)
}

// As returns t read in encoding enc instead of the detected one, for a format
// whose encoding the user declared.
func (t *Text) As(enc Encoding) *Text {
	u := *t
	u.Encoding = enc
	u.whole = false // until the head is decoded again, below
	if _, err := t.r.Seek(0, io.SeekStart); err == nil {
		head := make([]byte, min(t.size, headSize))
		if n, _ := io.ReadFull(t.r, head); n > 0 {
			u.Head = u.decodeString(head[:n])
			u.whole = t.whole && n == len(head)
		}
	}
	return &u
}
