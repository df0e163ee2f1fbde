// Command cardcheck reads the card statements people download from Japanese
// card companies and reports the charges that look like fraud. The command
// line is package internal/cli.
package main

import (
	"os"

	"github.com/cardcheck/cardcheck/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
