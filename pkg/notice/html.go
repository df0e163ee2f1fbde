package notice

import (
	"strings"

	"golang.org/x/net/html"
)

// FlattenHTML turns an HTML body into lines of text, as a reader sees them:
// each block element and table cell on its own line, entities decoded,
// scripts, styles and comments dropped, runs of blank lines folded to one.
// Notices sent as HTML only (and the HTML part of mails whose text part is
// missing) are read from these lines with the same labels as plain text.
func FlattenHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0 // inside <script> or <style>
	newline := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return foldBlankLines(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(string(z.Text())), " "))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" {
				if t := z.Token(); t.Type == html.StartTagToken {
					skip++
				} else if t.Type == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] {
				newline()
			}
		}
	}
}

var blockTags = map[string]bool{
	"br": true, "p": true, "div": true, "tr": true, "td": true, "th": true, "li": true,
	"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"hr": true, "section": true, "article": true, "header": true, "footer": true, "title": true,
	"body": true, "ul": true, "ol": true, "dt": true, "dd": true, "blockquote": true, "pre": true,
}

func foldBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
