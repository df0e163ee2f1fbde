package issuer

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/issuers.md's table from the table in desks.go")

const docPath = "../../docs/issuers.md"

// markdown renders the table as docs/issuers.md shows it.
func markdown() string {
	var b strings.Builder
	b.WriteString("| card company | 24-hour line for lost and stolen cards | source (date of the page) | checked |\n|---|---|---|---|\n")
	for _, is := range All() {
		switch {
		case is.Aggregator:
			fmt.Fprintf(&b, "| %s | not a card company: call the card's own company | | |\n", is.Name)
		case !is.Known():
			desk := "no sourced number: the one on the back of the card"
			if is.OnlineEN != "" {
				desk += "; " + is.OnlineEN
			}
			fmt.Fprintf(&b, "| %s | %s | | |\n", is.Name, desk)
		}
		for _, d := range is.Desks {
			who := is.Name
			if d.Brand != "" {
				who += " (" + d.Brand + ")"
			}
			num := d.Phone
			if d.Alt != "" {
				num += "; where free-dial numbers cannot be called: " + d.Alt
			}
			src := d.Source
			if d.Published != "" {
				src += " (" + d.Published + ")"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", who, num, src, d.Checked)
		}
	}
	return b.String()
}

// The table in the docs is the table in the code: it cannot drift.
func TestDocsTable(t *testing.T) {
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- table: go test ./pkg/issuer -update -->\n", "<!-- end of table -->"
	text := string(doc)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s: the markers %q and %q are missing", docPath, begin, end)
	}
	want := markdown()
	if got := text[i+len(begin) : j]; got != want {
		if *update {
			if err := os.WriteFile(docPath, []byte(text[:i+len(begin)]+want+text[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s's table differs from pkg/issuer's; run go test ./pkg/issuer -update. Want:\n%s", docPath, want)
	}
}
