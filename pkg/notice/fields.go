package notice

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// maxLineLen is the longest body line read; a longer line is not a notice's.
const maxLineLen = 4096

// Line is one line of a body, numbered from 1.
type Line struct {
	N    int
	Text string
}

// Lines splits a body into lines, trailing white space removed.
func Lines(body string) []Line {
	raw := strings.Split(body, "\n")
	out := make([]Line, len(raw))
	for i, l := range raw {
		if len(l) > maxLineLen {
			l = l[:maxLineLen]
		}
		out[i] = Line{N: i + 1, Text: strings.TrimRightFunc(l, unicode.IsSpace)}
	}
	return out
}

// isSpace is white space as notices pad with it: ASCII, U+3000, tabs.
func isSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' }

// Cut matches a labelled line (full-width and ASCII punctuation alike). label is the issuer's field label with its
// marker ("◇利用日", "【ご利用金額】", "・利用金額", "▼ご利用日時"); white
// space inside and around the label is ignored, since issuers pad labels
// with a mix of U+0020 and U+3000 to line up their colons. After the label
// comes a separator (full- or half-width colon) or white space, and then the
// value, returned trimmed; a line holding only the label gives "" and true
// (the layouts whose value is on the next line).
//
// A label must not run on into a longer word: "◇利用日" does not match
// "◇利用日時：…".
func Cut(line, label string) (value string, ok bool) {
	s := strings.TrimLeftFunc(line, isSpace)
	for _, want := range label {
		if isSpace(want) {
			continue
		}
		s = strings.TrimLeftFunc(s, isSpace)
		r, size := utf8.DecodeRuneInString(s)
		if narrow(r) != narrow(want) {
			return "", false
		}
		s = s[size:]
	}
	rest := strings.TrimLeftFunc(s, isSpace)
	switch {
	case strings.HasPrefix(rest, "："):
		rest = rest[len("："):]
	case strings.HasPrefix(rest, ":"):
		rest = rest[1:]
	case rest == "", len(rest) < len(s), strings.HasSuffix(label, "】"):
	default:
		return "", false
	}
	return strings.TrimFunc(rest, isSpace), true
}

// narrow folds full-width ASCII to ASCII, so that a label written
// "【日時(日本時間)】" matches the issuer's "【日時（日本時間）】".
func narrow(r rune) rune {
	if r >= '！' && r <= '～' {
		return r - '！' + '!'
	}
	return r
}

// Field is a labelled value found in a body and the line it is on.
type Field struct {
	Value string
	Line  int
}

// Block is one charge's fields, by label.
type Block map[string]Field

// Blocks reads labelled fields into blocks, one per charge. A block starts
// at a line for which start reports true, or when a label comes again that
// the current block already has (digests repeat their labels without any
// other separator). Values on the line after their label are taken when the
// label's line has none. Lines that carry no label are ignored, which is
// what keeps footer amounts ("例）年会費　1,100円") out of the charges.
func Blocks(lines []Line, labels []string, start func(string) bool) []Block {
	var out []Block
	var cur Block
	for i := 0; i < len(lines); i++ {
		text := lines[i].Text
		if start != nil && start(text) {
			if cur != nil {
				out = append(out, cur)
			}
			cur = Block{}
			continue
		}
		for _, label := range labels {
			v, ok := Cut(text, label)
			if !ok {
				continue
			}
			line := lines[i].N
			if v == "" {
				// The value is on the next line that is not blank.
				for j := i + 1; j < len(lines) && j <= i+2; j++ {
					if t := strings.TrimFunc(lines[j].Text, isSpace); t != "" {
						if !isLabel(t, labels) {
							v, line, i = t, lines[j].N, j
						}
						break
					}
				}
			}
			if cur == nil {
				cur = Block{}
			} else if _, seen := cur[label]; seen {
				out = append(out, cur)
				cur = Block{}
			}
			cur[label] = Field{Value: v, Line: line}
			break
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	// Blocks a start line opened but no label filled are not charges.
	kept := out[:0]
	for _, b := range out {
		if len(b) > 0 {
			kept = append(kept, b)
		}
	}
	return kept
}

func isLabel(s string, labels []string) bool {
	for _, l := range labels {
		if _, ok := Cut(s, l); ok {
			return true
		}
	}
	return false
}

// Value returns the first line's value for label anywhere in lines, for
// fields a notice prints once (the card name).
func Value(lines []Line, label string) (Field, bool) {
	if b := Blocks(lines, []string{label}, nil); len(b) > 0 {
		return b[0][label], true
	}
	return Field{}, false
}

// Amount is a notice's amount field read: the amount, its currency (JPY for
// 円) and the note in brackets after it ("取消", "返品"), if any.
type Amount struct {
	Value    decimal.Decimal
	Currency string
	Note     string
}

var noteRE = regexp.MustCompile(`[（(]([^）)]*)[）)]$`)

// ParseAmount reads an amount as notices print it: "2,480円", "2,480 円",
// "　 420円", "-1,200円", "- 650円（取消）", "-300円 (返品)", "20.00USD",
// "62,586.00JPY", "-990.00 JPY". The digits are read by
// [importer.ParseAmount], so notices and statements agree on what a number is.
func ParseAmount(s string) (Amount, error) {
	var a Amount
	s = strings.TrimFunc(s, isSpace)
	if m := noteRE.FindStringSubmatch(s); m != nil {
		a.Note = strings.TrimFunc(m[1], isSpace)
		s = strings.TrimFunc(s[:len(s)-len(m[0])], isSpace)
	}
	s = importer.Fold(s)
	s = strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
	switch {
	case strings.HasSuffix(s, "円"):
		a.Currency, s = "JPY", strings.TrimSuffix(s, "円")
	case len(s) > 3 && isUpper(s[len(s)-3:]):
		a.Currency, s = s[len(s)-3:], s[:len(s)-3]
	default:
		return a, fmt.Errorf("%w: amount %q has no currency (円 or a code such as USD)", importer.ErrBadAmount, s)
	}
	v, err := importer.ParseAmount(s)
	if err != nil {
		return a, err
	}
	a.Value = v
	return a, nil
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

var dateTimeRE = regexp.MustCompile(`^(\d{4})\s*[/年-]\s*(\d{1,2})\s*[/月-]\s*(\d{1,2})\s*日?\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?$`)

// ParseDateTime reads a notice's date and optional time of day (Japan time):
// "2026/03/14 19:42", "2026/03/14", "2026/03/14 19:42:05",
// "2026/03/14　19:42", "2026年3月14日", "2026年03月14日19:42",
// "2026年02月02日 17:14". at is zero when the notice gives no time.
func ParseDateTime(s string) (d statement.Date, at time.Time, err error) {
	f := strings.Map(func(r rune) rune {
		if isSpace(r) {
			return ' '
		}
		return r
	}, importer.Fold(s))
	f = strings.ReplaceAll(f, "：", ":")
	m := dateTimeRE.FindStringSubmatch(strings.TrimSpace(f))
	if m == nil {
		return 0, time.Time{}, fmt.Errorf("%w %q", importer.ErrBadDate, s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if !statement.ValidDate(y, mo, day) {
		return 0, time.Time{}, fmt.Errorf("%w %q", importer.ErrBadDate, s)
	}
	d = statement.NewDate(y, time.Month(mo), day)
	if m[4] != "" {
		h, _ := strconv.Atoi(m[4])
		mi, _ := strconv.Atoi(m[5])
		sec := 0
		if m[6] != "" {
			sec, _ = strconv.Atoi(m[6])
		}
		if h > 23 || mi > 59 || sec > 59 {
			return 0, time.Time{}, fmt.Errorf("%w: time of day in %q", importer.ErrBadDate, s)
		}
		at = time.Date(y, time.Month(mo), day, h, mi, sec, 0, statement.Tokyo)
	}
	return d, at, nil
}

// placeholders are the merchant names issuers print instead of the shop's
// (notifications.md §2.8); compared as payee keys, by prefix, since some
// add an explanation ("国内加盟店ショッピング(通販・…)").
var placeholders = func() []string {
	names := []string{"Visa加盟店", "Mastercard加盟店", "国内加盟店ショッピング", "海外加盟店ショッピング",
		"カードショッピング利用", "JCBクレジットご利用分"}
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = payee.Fold(n)
	}
	return keys
}()

// IsPlaceholder reports whether merchant is not a shop's name but one the
// issuer prints for any shop (Visa加盟店, 国内加盟店ショッピング, …), or empty.
// Such a name must never be learned as a payee.
func IsPlaceholder(merchant string) bool {
	k := payee.Fold(merchant)
	if k == "" {
		return true
	}
	for _, p := range placeholders {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// Holder returns the addressee of a notice, its first line ending in 様
// ("ハナコ 様", "山田　花子 様"), without the honorific. Only the first
// lines are looked at: the addressee comes first, and a footer's "お客様"
// is nobody's name.
func Holder(lines []Line) string {
	seen := 0
	for _, l := range lines {
		t := strings.TrimFunc(l.Text, isSpace)
		if t == "" {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		if name, ok := strings.CutSuffix(t, "様"); ok && utf8.RuneCountInString(name) <= 40 {
			return strings.TrimFunc(name, isSpace)
		}
	}
	return ""
}
