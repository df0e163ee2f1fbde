// Package cli is the cardcheck command line. [Main] runs it; each command
// is a package of its own (internal/cli/*cmd), registered in
// internal/cli/root/commands.go.
package cli

import (
	"io"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/cli/root"
)

// Main runs cardcheck with args (without the program name) over the given
// streams and returns the exit code (see cmdutil.ExitCode).
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	io := cmdutil.NewIOStreams(stdin, stdout, stderr)
	f := cmdutil.NewFactory(io)
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(args)
	return f.Exit(cmd.Execute())
}
