package message

import (
	"errors"
	"io/fs"

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

// ErrorIn says err in l: the first error in its chain that can say itself
// in a language (this package's Error, a config file's positioned error,
// a failed test mail) says it; any other is said as it is, in English.
func ErrorIn(l lang.Lang, err error) string {
	var s interface{ In(lang.Lang) string }
	if errors.As(err, &s) {
		return s.In(l)
	}
	return err.Error()
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
