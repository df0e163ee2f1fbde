package cmdutil

import (
	"errors"
	"fmt"
	"io"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// The exit codes, for scripts and cron. Each command's help says which it
// uses and when.
const (
	ExitOK       = 0 // done; nothing open at or above the severity asked for
	ExitFindings = 1 // findings at or above it that are not acknowledged
	ExitError    = 2 // usage, config, input, state or mail problems
)

var (
	// ErrFindings makes the exit code 1: the command found what it looks
	// for (and printed it).
	ErrFindings = errors.New("findings")
	// ErrSilent makes the exit code 2 without a message: the command has
	// printed its problems already.
	ErrSilent = errors.New("problems printed above")
)

// ExitCode is the one place that turns what a command returned into the
// process's exit code: nil is 0, ErrFindings 1, ErrSilent 2, and any other
// error is printed to errOut ("cardcheck: …") and is 2. A problem wins over
// findings: a command returns ErrSilent when it found both, since input
// that could not be read may hide more.
func ExitCode(err error, errOut io.Writer) int { return exitCode(err, errOut, lang.EN) }

// Exit is [ExitCode] speaking the user's language ([Factory.Language]):
// an error that can say itself in a language ([message.ErrorIn]) is said in it.
func (f *Factory) Exit(err error) int { return exitCode(err, f.IO.ErrOut, f.Language()) }

func exitCode(err error, errOut io.Writer, l lang.Lang) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrFindings):
		return ExitFindings
	case errors.Is(err, ErrSilent):
		return ExitError
	}
	fmt.Fprintln(errOut, "cardcheck:", message.ErrorIn(l, err))
	return ExitError
}

// Verdict is the error a command returns when it is done: ErrSilent when
// there were problems (printed), ErrFindings when it found something, nil
// otherwise.
func Verdict(problems bool, findings bool) error {
	switch {
	case problems:
		return ErrSilent
	case findings:
		return ErrFindings
	}
	return nil
}
