package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

const exitStatus = `
Exit status:
  0  checked; nothing open at or above --fail-on (default warning)
  1  findings at or above --fail-on that are not acknowledged
  2  usage, config or input errors, an unreadable or locked state, or a
     mail that could not be sent; the findings from the readable input are
     still printed`

// exitError carries an exit code through cobra; its message, if any, has
// already been printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// globals are the flags every command shares.
type globals struct {
	configPath string
	stdout     io.Writer
	stderr     io.Writer
}

// loadConfig reads the config named by --config, or the default one if it
// exists.
func (g *globals) loadConfig() (*config.Config, error) {
	if g.configPath != "" {
		return config.Load(g.configPath, true)
	}
	return config.Load(config.DefaultPath(), false)
}

func newRoot(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "cardcheck",
		Short: "Find the charges on your card statements that look like fraud",
		Long: `cardcheck reads the CSV statements Japanese card companies let you download,
learns each card's recurring payees, and reports the charges that fall outside
them or look like fraud (bursts, card tests, duplicates, sudden jumps).
` + exitStatus,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.PersistentFlags().StringVar(&g.configPath, "config", "", "config file (default $XDG_CONFIG_HOME/cardcheck/config.yaml, if it exists)")
	root.AddCommand(newScanCmd(g), newChargesCmd(g))
	root.AddCommand(newLearnCmd(g), newPayeesCmd(g))
	root.AddCommand(newRulesCmd(g))
	root.AddCommand(newFormatsCmd(g), newDetectCmd(g))
	root.AddCommand(newAckCmd(g), newAllowCmd(g))
	return root
}

func run(args []string, stdout, stderr io.Writer) int {
	g := &globals{stdout: stdout, stderr: stderr}
	root := newRoot(g)
	root.SetArgs(args)
	err := root.Execute()
	var ee exitError
	switch {
	case err == nil:
		return scan.ExitOK
	case errors.As(err, &ee):
		return ee.code
	}
	fmt.Fprintln(stderr, "cardcheck:", err)
	return scan.ExitError
}
