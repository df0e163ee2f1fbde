package message

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Entry is one sentence of the catalogue in both languages, as templates.
type Entry struct {
	EN, JA string
}

// entries is the whole catalogue; the files of this package add to it in
// their init functions, one table each (rules.go: the rules' reasons).
var entries = map[string]Entry{}

// add puts the table's entries in the catalogue; a key defined twice is a
// programmer error.
func add(table map[string]Entry) {
	for k, e := range table {
		if _, dup := entries[k]; dup {
			panic("message: key " + k + " defined twice")
		}
		entries[k] = e
	}
}

// Keys returns every key of the catalogue.
func Keys() []string {
	out := make([]string, 0, len(entries))
	for k := range entries {
		out = append(out, k)
	}
	return out
}

// Has reports whether the catalogue has key.
func Has(key string) bool {
	_, ok := entries[key]
	return ok
}

// funcs are what templates may call.
var funcs = template.FuncMap{
	// plural writes "1 charge", "2 charges"; for English templates.
	"plural": func(n int64, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	},
	// group writes a count with thousands separators: 460,395.
	"group": group,
}

// compiled holds the parsed templates, en and ja, by key.
var compiled = sync.OnceValue(func() map[string][2]*template.Template {
	out := make(map[string][2]*template.Template, len(entries))
	for k, e := range entries {
		var pair [2]*template.Template
		for i, src := range []string{e.EN, e.JA} {
			t, err := template.New(k).Funcs(funcs).Option("missingkey=error").Parse(src)
			if err != nil {
				panic(fmt.Sprintf("message %s: %v", k, err))
			}
			pair[i] = t
		}
		out[k] = pair
	}
	return out
})

// Render says m in l. A message the catalogue cannot say (an unknown key, a
// missing argument) renders as its key and arguments rather than failing:
// a finding is never lost for want of a sentence; [Check] finds such
// messages in tests.
func Render(l lang.Lang, m Message) string {
	s, err := render(l, m)
	if err != nil {
		return fmt.Sprintf("%s %v", m.Key, m.Args)
	}
	return s
}

// Check renders m in both languages and reports what the catalogue cannot
// say: an unknown key, an argument a template needs that m lacks.
func Check(m Message) error {
	for _, l := range []lang.Lang{lang.EN, lang.JA} {
		if _, err := render(l, m); err != nil {
			return err
		}
	}
	return nil
}

func render(l lang.Lang, m Message) (string, error) {
	pair, ok := compiled()[m.Key]
	if !ok {
		return "", fmt.Errorf("message %q: not in the catalogue", m.Key)
	}
	t := pair[0]
	if l == lang.JA {
		t = pair[1]
	}
	data := make(map[string]any, len(m.Args))
	for name, v := range m.Args {
		x, err := v.data(l)
		if err != nil {
			return "", fmt.Errorf("message %q: %s: %w", m.Key, name, err)
		}
		data[name] = x
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("message %q (%s): %w", m.Key, l, err)
	}
	return b.String(), nil
}

// data is the value as templates see it in l.
func (v Value) data(l lang.Lang) (any, error) {
	switch v.kind {
	case kindText:
		return v.s, nil
	case kindCount, kindDays:
		return v.n, nil
	case kindYen:
		return l.Yen(decimal.New(v.n, 0)), nil
	case kindDate:
		return l.LongDate(statement.Date(v.n)), nil
	case kindMonth:
		return l.Month(statement.Date(v.n)), nil
	case kindClock:
		t := time.Unix(v.n, 0).In(statement.Tokyo)
		return l.LongDate(statement.DateOf(t)) + " " + t.Format("15:04"), nil
	case kindSpan:
		return spanText(l, v.n), nil
	case kindRatio:
		return ratioText(v.n), nil
	case kindBool:
		return v.n != 0, nil
	case kindTerm:
		return render(l, Message{Key: v.s})
	case kindList:
		parts := make([]string, len(v.list))
		for i, m := range v.list {
			s, err := render(l, m)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		sep := ", "
		if l == lang.JA {
			sep = "、"
		}
		return strings.Join(parts, sep), nil
	}
	return nil, fmt.Errorf("unknown kind %q", v.kind)
}

// spanText says a span of seconds in its largest unit and, when not
// whole, the next one: 40 seconds, 3 minutes, 2 hours 5 minutes, 3 days 4
// hours.
func spanText(l lang.Lang, secs int64) string {
	units := []struct {
		n      int64
		en, ja string
	}{{86400, "day", "日"}, {3600, "hour", "時間"}, {60, "minute", "分"}, {1, "second", "秒"}}
	say := func(q int64, i int) string {
		u := units[i]
		if l == lang.JA {
			return strconv.FormatInt(q, 10) + u.ja
		}
		if q != 1 {
			return fmt.Sprintf("%d %ss", q, u.en)
		}
		return "1 " + u.en
	}
	secs = max(secs, 0)
	i := 0
	for i < len(units)-1 && secs < units[i].n {
		i++
	}
	q, rest := secs/units[i].n, secs%units[i].n
	out := say(q, i)
	if i+1 < len(units) && rest/units[i+1].n > 0 {
		sep := " "
		if l == lang.JA {
			sep = ""
		}
		out += sep + say(rest/units[i+1].n, i+1)
	}
	return out
}

// group writes n with thousands separators: 460,395.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Sentences says ms one after the other as one line: "a; b" in English,
// "a。b" in Japanese (a finding's reasons in a report row or a mail).
func Sentences(l lang.Lang, ms []Message) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = Render(l, m)
	}
	if l == lang.JA {
		return strings.Join(parts, "。")
	}
	return strings.Join(parts, "; ")
}

// String is m in English, for logs and test failures; what people read is
// rendered with [Render] in their language.
func (m Message) String() string { return Render(lang.EN, m) }
