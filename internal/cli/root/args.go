package root

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/suggest"
)

// cobraArgs are the messages of cobra's argument checks (cobra.NoArgs,
// MinimumNArgs, ExactArgs, MaximumNArgs): cobra gives them no type, so
// sayArgs reads them to say them in the user's language. A cobra whose
// wording changes fails TestUsageInJapanese.
var cobraArgs = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), "cli.unknown-command"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "cli.args.at-least"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "cli.args.exact"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "cli.args.at-most"},
}

// sayArgs makes every command's argument check say its problem from the
// catalogue. A group of commands (the root, mail) checks its arguments
// itself rather than leaving an unknown command to cobra (whose error has
// no type, and which shows the group's help for one of a group that does
// not run): alone, it shows its help.
func sayArgs(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.HasSubCommands() && !c.Runnable() {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return argsProblem(cmd, args, fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath()))
				}
				return nil
			}
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		} else if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return argsProblem(cmd, args, err)
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func argsProblem(cmd *cobra.Command, args []string, err error) error {
	for _, p := range cobraArgs {
		m := p.re.FindStringSubmatch(err.Error())
		if m == nil {
			continue
		}
		a := message.Args{"cmd": message.Text(cmd.CommandPath())}
		key := p.key
		if key == "cli.unknown-command" {
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			near, _ := suggest.Nearest(m[1], names)
			a["name"], a["near"] = message.Text(m[1]), message.Text(near)
			if len(names) == 0 {
				key = "cli.args.none"
				a["got"] = message.Count(len(args))
			}
		} else {
			want, _ := strconv.Atoi(m[1])
			got, _ := strconv.Atoi(m[2])
			a["want"], a["got"] = message.Count(want), message.Count(got)
			if key == "cli.args.exact" && want == 0 {
				key = "cli.args.none"
			}
		}
		return cmdutil.Say(message.New(key, a))
	}
	return err
}
