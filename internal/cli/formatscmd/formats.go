// Package formatscmd is `cardcheck formats` and `cardcheck detect`: the
// statement formats cardcheck reads, and which one a file is in.
package formatscmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

// Options are the commands' flags and arguments.
type Options struct {
	Factory *cmdutil.Factory
	Files   []string
}

// NewCmd returns the formats command; runF replaces [Run] in tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	return &cobra.Command{
		Use:   "formats",
		Short: "List the statement formats cardcheck reads",
		Long: `List every statement format: its name, the card company, the encodings it
comes in, and a sample of what it recognises. Formats declared in the config
(formats:) are listed as user:NAME.

Exit status: 0, or 2 when the config has errors (the built-in formats are
listed).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
}

// Run lists the formats.
func Run(o *Options) error {
	f := o.Factory
	_, problems := f.ScanConfig()
	f.IO.PrintErrors(problems...)
	t := &report.Table{}
	t.Row(heads(f, "format", "issuer", "encodings", "description", "sample")...)
	for _, ft := range f.Registry().Formats() {
		encs := make([]string, len(ft.Encodings))
		for i, e := range ft.Encodings {
			encs[i] = string(e)
		}
		t.Row(ft.Name, ft.Issuer, strings.Join(encs, ", "), ft.Title, ft.Sample)
	}
	if err := t.Write(f.IO.Out); err != nil {
		return err
	}
	return cmdutil.Verdict(len(problems) > 0, false)
}

// NewCmdDetect returns the detect command; runF replaces [RunDetect] in
// tests.
func NewCmdDetect(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{Factory: f}
	return &cobra.Command{
		Use:   "detect FILE...",
		Short: "Say which format each file is in, and what it holds",
		Long: `For each file: the format that recognises it, its encoding, its cards, the
period of its charges, how many there are, and whether the statement's own
control totals agree with them.

Exit status: 0, or 2 when a file is not recognised or does not add up, or
the config has errors.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Files = args
			if runF != nil {
				return runF(o)
			}
			return RunDetect(o)
		},
	}
}

// RunDetect describes the files.
func RunDetect(o *Options) error {
	f, io := o.Factory, o.Factory.IO
	_, problems := f.ScanConfig()
	io.PrintErrors(problems...)
	reg, l := f.Registry(), f.Language()
	in, notes, errs := scan.Collect(o.Files)
	io.PrintErrors(errs...)
	io.PrintNotes(notes...)
	failed := len(problems) > 0 || len(errs) > 0
	t := &report.Table{Right: map[int]bool{4: true}}
	t.Row(heads(f, "file", "format", "encoding", "period", "charges", "totals", "cards")...)
	// Under the table, for each file: what became of each of its control
	// totals, and its lines that are no charge and no error.
	var details []string
	for _, path := range in.Statements {
		d := scan.Detect(reg, path)
		io.PrintErrors(d.Errors...)
		failed = failed || len(d.Errors) > 0
		format, period := d.Format, ""
		if format == "" {
			format = message.Render(l, message.New("cli.detect.unknown", nil))
		}
		if d.Charges > 0 {
			period = l.Date(d.From) + " – " + l.Date(d.To)
		}
		t.Row(d.Path, format, d.Encoding, period, fmt.Sprint(d.Charges), totals(l, d.Checks), strings.Join(d.Cards, "; "))
		for _, c := range d.Checks {
			details = append(details, d.Path+": "+c.In(l))
		}
		for _, n := range d.Notes {
			details = append(details, n.In(l))
		}
	}
	// Mail is read by the notice layouts (cardcheck scan), not by formats.
	for _, m := range in.Mail {
		t.Row(m.Path, message.Render(l, message.New("cli.detect.mail", message.Args{"kind": message.Text(string(m.Kind))})),
			"", "", "", "", "")
	}
	if err := t.Write(io.Out); err != nil {
		return err
	}
	if len(details) > 0 {
		fmt.Fprintln(io.Out)
		for _, l := range details {
			fmt.Fprintln(io.Out, l)
		}
	}
	return cmdutil.Verdict(failed, false)
}

// heads are a table's headings in the user's language: the catalogue's
// cli.head.name for each name.
func heads(f *cmdutil.Factory, names ...string) []string {
	l := f.Language()
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = message.Render(l, message.New("cli.head."+n, nil))
	}
	return out
}

// totals sums up a file's total checks for the table, in l: MISMATCH or
// MISSING when one is, else how many agree and how many could not be
// checked.
func totals(l lang.Lang, checks []importer.TotalCheck) string {
	n := map[importer.Outcome]int{}
	for _, c := range checks {
		n[c.Outcome]++
	}
	key := "cli.detect.totals.none"
	switch {
	case n[importer.Mismatched] > 0:
		key = "cli.detect.totals.mismatch"
	case n[importer.Missing] > 0:
		key = "cli.detect.totals.missing"
	case n[importer.Matched] > 0 && n[importer.Unchecked] > 0:
		key = "cli.detect.totals.some"
	case n[importer.Matched] > 0:
		key = "cli.detect.totals.agree"
	case n[importer.Unchecked] > 0:
		key = "cli.detect.totals.unchecked"
	}
	return message.Render(l, message.New(key, message.Args{
		"agree": message.Count(n[importer.Matched]), "unchecked": message.Count(n[importer.Unchecked])}))
}
