package cmdutil

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Localize puts the help of root and every command under it in l: each
// Short and Long text and flag usage from the catalogue (pkg/message,
// help.go), the flags cobra adds itself (--help, --version), and the
// headings of the usage. Text with no translation stays English; missing
// returns it, for the test that keeps the catalogue complete.
func Localize(root *cobra.Command, l lang.Lang) (missing []string) {
	root.InitDefaultVersionFlag()
	tr := func(s string) string {
		if s == "" {
			return s
		}
		t, ok := message.Help(l, s)
		if !ok {
			missing = append(missing, s)
		}
		return t
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.Short, c.Long = tr(c.Short), tr(c.Long)
		each := func(fl *pflag.Flag) {
			switch {
			case fl.Name == "help" && fl.Usage == "help for "+c.Name():
				fl.Usage = message.Render(l, message.New("help.flag.help", message.Args{"name": message.Text(c.Name())}))
			case fl.Name == "version" && fl.Usage == "version for "+c.Name():
				fl.Usage = message.Render(l, message.New("help.flag.version", message.Args{"name": message.Text(c.Name())}))
			default:
				fl.Usage = tr(fl.Usage)
			}
		}
		c.LocalNonPersistentFlags().VisitAll(each)
		c.PersistentFlags().VisitAll(each)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if l == lang.JA {
		root.SetUsageTemplate(usageTemplate(l))
	}
	return missing
}

// usageTemplate is the usage part of the help, with its headings in l; it
// shows what cobra's own shows, through cobra's template functions.
func usageTemplate(l lang.Lang) string {
	h := func(key string) string { return message.Render(l, message.New(key, nil)) }
	return h("help.usage") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasExample}}

` + h("help.examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + h("help.commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + h("help.flags") + `
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + h("help.global-flags") + `
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

` + h("help.more") + `{{end}}
`
}
