// Command cardcheck reads the card statements people download from Japanese
// card companies and reports the charges that look like fraud.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
