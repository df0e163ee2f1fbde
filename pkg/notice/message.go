package notice

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/japanese"
)

// Limits on one message. A card company's notice is a few kilobytes of text
// and at most a few tens of kilobytes of HTML; anything far larger is not a
// notice, and reading it whole would let one mail exhaust memory.
const (
	// MaxSize is the largest message read, headers included.
	MaxSize = 2 << 20
	// maxParts is the most MIME parts walked in one message.
	maxParts = 64
	// maxDepth is the deepest nesting of multiparts walked.
	maxDepth = 5
)

// Causes of message errors, for errors.Is.
var (
	ErrTooLarge   = fmt.Errorf("message larger than %d bytes", MaxSize)
	ErrMalformed  = errors.New("malformed message")
	ErrCharset    = errors.New("unreadable charset")
	ErrUnreadable = errors.New("not a notice this layout can read")
)

// Message is one mail, decoded: the headers a layout needs and its bodies as
// UTF-8 text with LF line ends.
type Message struct {
	// Raw is the message as received, for signature checks.
	Raw []byte
	// From is the From header's address, lower-cased domain; FromName its
	// display name, decoded.
	From, FromName string
	// Subject is the decoded subject.
	Subject string
	// MessageID is the Message-ID without its angle brackets, or "".
	MessageID string
	// Date is the Date header (when the sender says it sent the mail), or
	// zero when it has none that reads.
	Date time.Time
	// Text is the first text/plain part; HTML the first text/html part
	// flattened to lines of text (see [FlattenHTML]). Either may be empty.
	Text, HTML string
}

// Body returns the text a layout reads: the plain-text part, or the
// flattened HTML part when the mail has no plain text.
func (m *Message) Body() string {
	if strings.TrimSpace(m.Text) != "" {
		return m.Text
	}
	return m.HTML
}

// ParseMessage decodes raw. It reads RFC 2047 encoded headers, multipart
// bodies, base64 and quoted-printable, and the charsets Japanese mail uses
// (ISO-2022-JP with half-width katakana, Shift_JIS/CP932, EUC-JP, UTF-8).
// A body in an unknown charset, or with bytes invalid in its charset, is an
// error rather than a guess.
func ParseMessage(raw []byte) (*Message, error) {
	if len(raw) > MaxSize {
		return nil, ErrTooLarge
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	m := &Message{Raw: raw}
	dec := &mime.WordDecoder{CharsetReader: charsetReader}
	if s, err := dec.DecodeHeader(msg.Header.Get("Subject")); err == nil {
		m.Subject = s
	} else {
		return nil, fmt.Errorf("%w: subject: %v", ErrCharset, err)
	}
	if from := msg.Header["From"]; len(from) == 1 {
		p := mail.AddressParser{WordDecoder: dec}
		if a, err := p.Parse(from[0]); err == nil {
			m.From, m.FromName = lowerDomain(a.Address), a.Name
		}
	}
	m.MessageID = strings.Trim(strings.TrimSpace(msg.Header.Get("Message-ID")), "<>")
	if d, err := msg.Header.Date(); err == nil {
		m.Date = d
	}
	w := walker{}
	if err := w.part(textproto(msg.Header), msg.Body, 0); err != nil {
		return nil, err
	}
	m.Text = normaliseLines(w.text)
	if w.html != "" {
		m.HTML = FlattenHTML(w.html)
	}
	// A mail with no text at all (an image, an invoice as a PDF) is no
	// notice; the layouts see an empty body and claim nothing.
	return m, nil
}

// lowerDomain lower-cases the domain of an address; the local part keeps
// its case, as RFC 5321 says it may matter.
func lowerDomain(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return addr
	}
	return addr[:at+1] + strings.ToLower(addr[at+1:])
}

// header is the part of a MIME header the walker reads.
type header interface{ Get(string) string }

type textproto mail.Header

func (h textproto) Get(k string) string { return mail.Header(h).Get(k) }

// walker collects the first text/plain and text/html parts of a message.
type walker struct {
	text, html string
	parts      int
}

func (w *walker) part(h header, body io.Reader, depth int) error {
	w.parts++
	if w.parts > maxParts {
		return fmt.Errorf("%w: more than %d MIME parts", ErrMalformed, maxParts)
	}
	ctype := h.Get("Content-Type")
	if ctype == "" {
		ctype = "text/plain; charset=us-ascii"
	}
	mediatype, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return fmt.Errorf("%w: Content-Type %q: %v", ErrMalformed, ctype, err)
	}
	if strings.HasPrefix(mediatype, "multipart/") {
		if depth >= maxDepth {
			return fmt.Errorf("%w: multipart nested more than %d deep", ErrMalformed, maxDepth)
		}
		if params["boundary"] == "" {
			return fmt.Errorf("%w: %s without a boundary", ErrMalformed, mediatype)
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("%w: %v", ErrMalformed, err)
			}
			if err := w.part(p.Header, p, depth+1); err != nil {
				return err
			}
		}
	}
	if mediatype != "text/plain" && mediatype != "text/html" ||
		strings.EqualFold(h.Get("Content-Disposition"), "attachment") ||
		strings.HasPrefix(strings.ToLower(h.Get("Content-Disposition")), "attachment;") {
		return nil
	}
	if mediatype == "text/plain" && w.text != "" || mediatype == "text/html" && w.html != "" {
		return nil
	}
	data, err := transferDecode(h.Get("Content-Transfer-Encoding"), body)
	if err != nil {
		return err
	}
	s, err := decodeCharset(params["charset"], data)
	if err != nil {
		return err
	}
	if mediatype == "text/plain" {
		w.text = s
	} else {
		w.html = s
	}
	return nil
}

func transferDecode(cte string, body io.Reader) ([]byte, error) {
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "", "7bit", "8bit", "binary":
		r = body
	case "quoted-printable":
		r = quotedprintable.NewReader(body)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &skipSpace{r: body})
	default:
		return nil, fmt.Errorf("%w: unknown Content-Transfer-Encoding %q", ErrMalformed, cte)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s body: %v", ErrMalformed, strings.ToLower(cte), err)
	}
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

// skipSpace drops the line breaks and spaces base64 bodies are wrapped with.
type skipSpace struct{ r io.Reader }

func (s *skipSpace) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	j := 0
	for _, c := range p[:n] {
		if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
			p[j] = c
			j++
		}
	}
	return j, err
}

// encodings maps the charset names Japanese mail is sent in to their
// decoders. x/text's ISO-2022-JP decoder reads the JIS X 0201 katakana
// shift (ESC ( I) that some issuers use for half-width merchant names, and
// its Shift_JIS is the Windows form (CP932) that mailers actually write.
var encodings = map[string]encoding.Encoding{
	"iso-2022-jp": japanese.ISO2022JP,
	"csiso2022jp": japanese.ISO2022JP,
	"shift_jis":   japanese.ShiftJIS,
	"shift-jis":   japanese.ShiftJIS,
	"x-sjis":      japanese.ShiftJIS,
	"windows-31j": japanese.ShiftJIS,
	"cp932":       japanese.ShiftJIS,
	"euc-jp":      japanese.EUCJP,
	"iso-8859-1":  charmap.ISO8859_1,
	"latin1":      charmap.ISO8859_1,
}

func decodeCharset(charset string, data []byte) (string, error) {
	cs := strings.ToLower(strings.TrimSpace(charset))
	switch cs {
	case "", "us-ascii", "utf-8", "utf8":
		if !utf8.Valid(data) {
			return "", fmt.Errorf("%w: the body is not valid %s", ErrCharset, nonEmpty(cs, "us-ascii"))
		}
		return string(data), nil
	}
	enc, ok := encodings[cs]
	if !ok {
		// Other mail in the mailbox (newsletters, mail from abroad) comes
		// in other charsets; the WHATWG list names nearly all of them.
		var err error
		if enc, err = htmlindex.Get(cs); err != nil {
			return "", fmt.Errorf("%w: unknown charset %q", ErrCharset, charset)
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", fmt.Errorf("%w: the body has bytes that are not %s", ErrCharset, charset)
	}
	return string(out), nil
}

func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize))
	if err != nil {
		return nil, err
	}
	s, err := decodeCharset(charset, data)
	if err != nil {
		return nil, err
	}
	return strings.NewReader(s), nil
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// normaliseLines turns CRLF and lone CR into LF.
func normaliseLines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// Mentions reports whether the sender's display name, the subject or the
// body contains one of words: how a layout tells that a mail speaks in an
// issuer's name, whoever sent it.
func (m *Message) Mentions(words ...string) bool {
	for _, w := range words {
		if strings.Contains(m.FromName, w) || strings.Contains(m.Subject, w) ||
			strings.Contains(m.Text, w) || strings.Contains(m.HTML, w) {
			return true
		}
	}
	return false
}

// HasLabel reports whether a line of the body carries label (see [Cut]).
func (m *Message) HasLabel(label string) bool {
	for _, l := range strings.Split(m.Body(), "\n") {
		if _, ok := Cut(l, label); ok {
			return true
		}
	}
	return false
}
