package cmdutil

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

// Problem is an error a command says from the catalogue: printed in the
// user's language by [Factory.Exit], in English by Error.
type Problem struct {
	Message message.Message
}

// Say returns m as an error.
func Say(m message.Message) error { return &Problem{Message: m} }

func (p *Problem) Error() string { return message.Render(lang.EN, p.Message) }

// In says the problem in l.
func (p *Problem) In(l lang.Lang) string { return message.Render(l, p.Message) }

// Say writes m to w on a line of its own, in the user's language
// ([Factory.Language]).
func (f *Factory) Say(w io.Writer, m message.Message) {
	fmt.Fprintln(w, message.Render(f.Language(), m))
}

// CompleteValues makes the shell complete flag's value from values.
func CompleteValues(cmd *cobra.Command, flag string, values ...string) {
	cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// CompleteDirs makes the shell complete the flags' values with folders.
func CompleteDirs(cmd *cobra.Command, flags ...string) {
	for _, f := range flags {
		cmd.MarkFlagDirname(f)
	}
}

// CompleteCards makes the shell complete the flags' values (--card) with the
// labels of the cards in the statements the command line names so far, or
// in the statements folder when it names none.
func CompleteCards(f *Factory, cmd *cobra.Command, flags ...string) {
	complete := func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		paths := args
		if len(paths) == 0 {
			dir, _ := f.StatementsDir()
			paths = []string{dir}
		}
		seen := map[string]bool{}
		var labels []string
		for _, c := range scan.Load(f.Registry(), paths).Charges {
			if l := c.Card.Label(); !seen[l] {
				seen[l] = true
				labels = append(labels, l)
			}
		}
		return labels, cobra.ShellCompDirectiveNoFileComp
	}
	for _, fl := range flags {
		cmd.RegisterFlagCompletionFunc(fl, complete)
	}
}
