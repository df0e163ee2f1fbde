package importer

import (
	"github.com/shopspring/decimal"
	"strconv"

	"errors"
	"io/fs"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// The problems people meet most are said from the catalogue
// (pkg/message/input.go): such an error is a [message.Error] whose
// English is the text the error has always had and whose Japanese is the
// same facts in Japanese. A format's own words about a row, with no entry,
// are said as they are inside the Japanese frame (see [ParseError.In]).

// causeTerms are the catalogue's words for the causes of row errors that
// formats give with their own words ([Input.Errorf]); the other causes come
// with their whole sentence from the catalogue.
var causeTerms = map[error]string{
	ErrBadDate:   "input.cause.date",
	ErrBadAmount: "input.cause.amount",
	ErrTotal:     "input.cause.total",
}

// caused returns detail, a format's own words, after its cause: "invalid
// date: row without 利用日", the cause said in any language.
func caused(cause error, detail string) error {
	key, ok := causeTerms[cause]
	if !ok {
		return causedPlain{cause, detail}
	}
	return message.NewError("input.caused", message.Args{"cause": message.Term(key), "detail": message.Text(detail)}, cause)
}

// causedPlain is a cause the catalogue has no word for, with its detail.
type causedPlain struct {
	cause  error
	detail string
}

func (e causedPlain) Error() string { return e.cause.Error() + ": " + e.detail }
func (e causedPlain) Unwrap() error { return e.cause }

// In says e in l: "path:line:col: " and then the reason in l. A reason
// wrapped in a format's own words ("ご利用金額: invalid amount …") keeps
// those words before it and says the rest in l; a reason that cannot say
// itself is said in English. Card numbers are masked as in [ParseError.Error].
func (e *ParseError) In(l lang.Lang) string {
	return e.frame() + cardnum.Mask(reasonIn(l, e.Err))
}

// reasonIn says err in l ([message.ErrorIn]), a masked reason by what it
// masks.
func reasonIn(l lang.Lang, err error) string {
	var m maskedError
	if errors.As(err, &m) {
		err = m.err
	}
	return message.ErrorIn(l, err)
}

// kindTerm names what a file that is not regular is, for a message.
func kindTerm(m fs.FileMode) message.Value {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return message.Term("input.kind.pipe")
	case m&fs.ModeSocket != 0:
		return message.Term("input.kind.socket")
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return message.Term("input.kind.device")
	case m.IsDir():
		return message.Term("input.kind.folder")
	}
	return message.Text("mode " + m.String())
}

// notRegular is the error for a path of mode m, which is not a regular file.
func notRegular(m fs.FileMode) error {
	return message.NewError("input.not-regular", message.Args{"kind": kindTerm(m)}, ErrNotRegular)
}

// pathError says a path that could not be opened or looked at, err the
// system's error, which stays underneath (errors.Is(err, fs.ErrNotExist));
// key is input.open for an error after the path, input.path for one alone.
func pathError(key string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	return message.NewError(key, message.Args{"op": message.Text(pe.Op), "path": message.Text(pe.Path),
		"detail": message.Text(pe.Err.Error()), "why": message.FileTrouble(err)}, err)
}

func badDate(text string) error {
	return message.NewError("input.bad-date", message.Args{"text": message.Text(text)}, ErrBadDate)
}

func badAmount(text string) error {
	return message.NewError("input.bad-amount", message.Args{"text": message.Text(text)}, ErrBadAmount)
}

// FieldCountError is the error of a row of n fields where the layout has
// want (its columns, for people); ways, when not 0, is how many ways of
// joining its text fields would give a row (an unquoted comma in a
// merchant name, and nothing to say where).
func FieldCountError(n, want int, columns string, ways int) error {
	return message.NewError("input.fields", message.Args{"n": message.Count(n), "want": message.Count(want),
		"columns": message.Text(columns), "ways": message.Count(ways)}, ErrFieldCount)
}

// EmptyError is the error of a row whose column (its name as the statement
// prints it) is empty.
func EmptyError(column string) error {
	return message.NewError("input.empty", message.Args{"column": message.Text(column)}, nil)
}

// TotalError is the error of a statement whose total, label (text, or the
// term input.total-line), is stated while its charges add up to sum.
func TotalError(label message.Value, stated, sum decimal.Decimal) error {
	return message.NewError("input.total", message.Args{"label": label, "stated": message.Text(stated.String()), "sum": message.Text(sum.String())}, ErrTotal)
}

// NoDateError is the error of a row that has no date in column, text what
// the row says.
func NoDateError(column, text string) error {
	return message.NewError("input.no-date", message.Args{"column": message.Text(column), "text": message.Text(text)}, ErrBadDate)
}

// NoColumnError is the error of a file whose header lacks column, or one of
// column and other ("" for none).
func NoColumnError(column, other string) error {
	return message.NewError("input.no-column", message.Args{"column": message.Text(column), "other": message.Text(other)}, nil)
}

// ForeignError is the error of a row whose foreign amount (text, in column)
// and currency (code, in currencyColumn) cannot be read; the charge is kept
// in yen without them.
func ForeignError(column, text, currencyColumn, code string) error {
	return message.NewError("input.foreign", message.Args{"column": message.Text(column), "text": message.Text(text),
		"currencyColumn": message.Text(currencyColumn), "code": message.Text(code)}, nil)
}

// ReasonError is the catalogue's message key (args) as a row's reason,
// after cause (nil for none): "invalid amount: neither ご利用金額 nor
// お支払い金額", each part said in the user's language.
func ReasonError(cause error, key string, args message.Args) error {
	if cause == nil {
		return message.NewError(key, args, nil)
	}
	// The reason is also underneath, so errors.As finds it (and
	// errors.Is the cause, under it).
	reason := message.NewError(key, args, cause)
	return message.NewError("input.caused", message.Args{"cause": message.Term(causeTerms[cause]), "detail": message.Nested(reason.Message)}, reason)
}

// AtLineError is the catalogue's message key (args) as the reason a file
// could not be read, after the line it was met at: "line 3: the header has
// no 金額（円） column", each part said in the user's language.
func AtLineError(line int, key string, args message.Args) error {
	reason := message.NewError(key, args, nil)
	return message.NewError("input.at-line", message.Args{"line": message.Text(strconv.Itoa(line)), "detail": message.Nested(reason.Message)}, reason)
}

// AroundError is the catalogue's message key (args) said around err, a
// reason ParseAmount gave, as its reason: "total line: invalid amount …",
// all of it in the user's language.
func AroundError(key string, args message.Args, err error) error {
	a := message.Args{"reason": message.Text(err.Error())}
	if said, ok := err.(*message.Error); ok {
		a["reason"] = message.Nested(said.Message)
	}
	for k, v := range args {
		a[k] = v
	}
	return message.NewError(key, a, err)
}

// BudgetError is the error of the file or mail at path, not read because
// with it a run would read more than budget bytes.
func BudgetError(path string, budget int64) error {
	return newParseError(path, 0, message.NewError("input.limit.budget", message.Args{"mib": message.Count(int(budget >> 20))}, ErrLimit))
}
