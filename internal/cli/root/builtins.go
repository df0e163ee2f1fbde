package root

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
)

// builtins adds cobra's own commands (help, completion) now rather than
// when the command runs, with texts of ours: short, without tabs, and in
// the catalogue so that they are said in Japanese too.
func builtins(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	texts := map[string][2]string{
		"completion": {"Print the shell completion script",
			`Print the script that makes your shell complete cardcheck's commands, their flags
and the flags' values (--lang, --fail-on, --card…). Each shell's help says how
to load it: cardcheck completion bash --help.`},
		"bash": {"Print the completion script for bash",
			`Print the completion script for bash (it needs the bash-completion package).

In this shell:     source <(cardcheck completion bash)
For every shell:   cardcheck completion bash > ~/.local/share/bash-completion/completions/cardcheck`},
		"zsh": {"Print the completion script for zsh",
			`Print the completion script for zsh (compinit must be on: autoload -U compinit;
compinit in ~/.zshrc).

In this shell:     source <(cardcheck completion zsh)
For every shell:   cardcheck completion zsh > "${fpath[1]}/_cardcheck"`},
		"fish": {"Print the completion script for fish",
			`Print the completion script for fish.

In this shell:     cardcheck completion fish | source
For every shell:   cardcheck completion fish > ~/.config/fish/completions/cardcheck.fish`},
		"powershell": {"Print the completion script for PowerShell",
			`Print the completion script for PowerShell.

In this shell:     cardcheck completion powershell | Out-String | Invoke-Expression
For every shell:   add that line to your PowerShell profile`},
	}
	var set func(c *cobra.Command)
	set = func(c *cobra.Command) {
		if t, ok := texts[c.Name()]; ok {
			c.Short, c.Long = t[0], t[1]
			c.Flags().VisitAll(func(fl *pflag.Flag) {
				if fl.Name == "no-descriptions" {
					fl.Usage = "leave out the completions' descriptions"
				}
			})
		}
		for _, sub := range c.Commands() {
			set(sub)
		}
	}
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			set(c)
		}
	}
}

// localHelp says the help in the user's language (--lang, the config's
// lang:, the locale): the texts are put in it just before cobra prints
// them.
func localHelp(root *cobra.Command, f *cmdutil.Factory) {
	print := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		cmdutil.Localize(c.Root(), f.Language())
		print(c, args)
	})
}
