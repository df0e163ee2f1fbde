// Package cmdutil is what every cardcheck command shares: the streams it
// prints to, the [Factory] that gives it the config, the rules and the
// formats when it asks for them, and the one mapping from errors to exit
// codes. A command is a package of its own under internal/cli (gh's
// shape): NewCmd(f, runF) builds its cobra command over an options struct,
// and its run function does the work.
package cmdutil

import (
	"fmt"
	"io"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/safetext"
)

// IOStreams are a command's input and outputs.
type IOStreams struct {
	In io.Reader
	// Out is for text people read: every line goes through a
	// safetext.TerminalWriter, so that text from statements (chosen by
	// strangers) can never move the cursor or hide itself.
	Out io.Writer
	// Raw is the same stdout for machine formats, JSON and CSV, whose
	// encoders escape on their own (and whose line ends must stay).
	Raw io.Writer
	// ErrOut is stderr, made safe like Out.
	ErrOut io.Writer
	// Lang is the language errors are said in: the [Factory] sets it to
	// its Language, asked only when there is an error to say (nil is
	// English).
	Lang func() lang.Lang
}

// NewIOStreams returns the streams over stdin, stdout and stderr.
func NewIOStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	return &IOStreams{In: in, Out: safetext.NewTerminalWriter(out), Raw: out, ErrOut: safetext.NewTerminalWriter(errOut)}
}

// PrintNotes writes each note (an input that held nothing to read, a line
// that is no charge) on a line of its own to ErrOut.
func (s *IOStreams) PrintNotes(notes ...importer.Note) {
	for _, n := range notes {
		l := s.language()
		fmt.Fprintln(s.ErrOut, message.Render(l, message.New("cli.note", message.Args{"note": message.Text(n.In(l))})))
	}
}

// PrintErrors writes each error on a line of its own to ErrOut, in the
// user's language ([message.ErrorIn]).
func (s *IOStreams) PrintErrors(errs ...error) {
	for _, e := range errs {
		if e != nil {
			fmt.Fprintln(s.ErrOut, message.ErrorIn(s.language(), e))
		}
	}
}

func (s *IOStreams) language() lang.Lang {
	if s.Lang == nil {
		return lang.EN
	}
	return s.Lang()
}
