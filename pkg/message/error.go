package message

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
)

// Error is an error said from the catalogue: Error is the English, In the
// user's language.
type Error struct {
	Message Message
	// Err is what went wrong underneath, when something did.
	Err error
}

// NewError returns the catalogue's key with args as an error, err underneath
// (nil for none).
func NewError(key string, args Args, err error) *Error {
	return &Error{Message: New(key, args), Err: err}
}

func (e *Error) Error() string { return e.In(lang.EN) }

// In says the error in l.
func (e *Error) In(l lang.Lang) string { return Render(l, e.Message) }

// Unwrap returns the error underneath.
func (e *Error) Unwrap() error { return e.Err }

// ErrorIn says err in l. An error that can say itself in a language (this
// package's Error, a config file's positioned error, a failed test mail)
// says it. A wrapper keeps its own words around what it wraps, each error
// it wraps said in l in place of its English ("--imap: " stays before the
// error of fmt.Errorf("--imap: %w", err); errors.Join's errors are each
// said, a line each): nothing it says is dropped. A wrapper that does not
// quote what it wraps is said by the first error in its chain that can say
// itself; any other error as it is, in English.
func ErrorIn(l lang.Lang, err error) string {
	if err == nil {
		return ""
	}
	if s, ok := err.(interface{ In(lang.Lang) string }); ok {
		return s.In(l)
	}
	var wrapped []error
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		wrapped = []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		wrapped = u.Unwrap()
	}
	if said, ok := sayAround(l, err.Error(), wrapped); ok {
		return said
	}
	var s interface{ In(lang.Lang) string }
	if errors.As(err, &s) {
		return s.In(l)
	}
	return err.Error()
}

// sayAround says msg, a wrapper's English, with the English of each error
// it wrapped, in order, replaced by that error said in l; false when one of
// them is not in msg (the wrapper put it in other words, or not at all).
func sayAround(l lang.Lang, msg string, wrapped []error) (string, bool) {
	var b strings.Builder
	quoted := false
	for _, w := range wrapped {
		if w == nil {
			continue
		}
		english := w.Error()
		i := strings.Index(msg, english)
		if i < 0 {
			return "", false
		}
		b.WriteString(msg[:i])
		b.WriteString(ErrorIn(l, w))
		msg = msg[i+len(english):]
		quoted = true
	}
	b.WriteString(msg)
	return b.String(), quoted
}

// FileTrouble is why a file could not be read or written, for a message's
// argument: that it does not exist, or that it may not be read, said in
// the message's language; anything else as the system says it.
func FileTrouble(err error) Value {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Term("file.missing")
	case errors.Is(err, fs.ErrPermission):
		return Term("file.denied")
	case errors.As(err, &pe):
		return Text(pe.Err.Error())
	case err == nil:
		return Text("")
	}
	return Text(err.Error())
}

func init() { add(fileEntries) }

var fileEntries = map[string]Entry{
	"file.missing": {EN: "there is no such file", JA: "ファイルがありません"},
	"file.denied":  {EN: "permission denied", JA: "アクセスする権限がありません"},
}
