// Package message is cardcheck's catalogue of what it says to people, in
// English and Japanese.
//
// Code that finds something — a rule, the mail, a report — does not write
// sentences. It records a [Message]: a key into the catalogue and typed
// arguments (a payee, amounts, dates, counts). Text is made from it at the
// edge, once per language, by [Render]: the report, the JSON's "message"
// (always English), the CSV and the mail all render the same facts, and the
// state stores the facts rather than the sentences.
//
// The catalogue is Go source in this package (rules.go for the rules'
// reasons, one entry per sentence and language): each entry is a
// text/template over the message's arguments. A template sees each argument
// already formatted for its language — ¥38,000 or 38,000円, 2022-01-24 or
// 2022年1月24日 — except counts and day spans, which stay numbers so that
// templates can choose a plural or compare them, and flags, which are bools.
package message

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Message is something cardcheck says, as facts: the catalogue key of the
// sentence and its arguments by name.
type Message struct {
	Key  string `json:"key"`
	Args Args   `json:"args,omitempty"`
}

// New returns the message key with args.
func New(key string, args Args) Message { return Message{Key: key, Args: args} }

// Args are a message's arguments by the names its templates use.
type Args map[string]Value

// IsZero reports whether m is the zero Message (no key).
func (m Message) IsZero() bool { return m.Key == "" }

// Equal reports whether m and o say the same thing: the same key and the
// same arguments.
func (m Message) Equal(o Message) bool { return m.Identity() == o.Identity() }

// Identity is a string that two messages share exactly when they are
// [Message.Equal]: the key and the arguments in name order.
func (m Message) Identity() string {
	var b strings.Builder
	m.identity(&b)
	return b.String()
}

func (m Message) identity(b *strings.Builder) {
	b.WriteString(m.Key)
	names := make([]string, 0, len(m.Args))
	for n := range m.Args {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		v := m.Args[n]
		b.WriteByte(0)
		b.WriteString(n)
		b.WriteByte('=')
		b.WriteString(string(v.kind))
		b.WriteByte(':')
		b.WriteString(v.s)
		b.WriteString(strconv.FormatInt(v.n, 10))
		for _, sub := range v.list {
			b.WriteByte(1)
			sub.identity(b)
		}
		b.WriteByte(2)
	}
}

// kind says what a Value holds; it is also the Value's name in JSON.
type kind string

const (
	kindText  kind = "text"  // text as is: a payee, a name from the config
	kindCount kind = "count" // a number of things
	kindYen   kind = "yen"   // whole yen
	kindDate  kind = "date"  // a calendar date
	kindMonth kind = "month" // the month of a date
	kindDays  kind = "days"  // a span of days
	kindRatio kind = "ratio" // a multiplier, in thousandths
	kindBool  kind = "bool"  // a flag for the templates
	kindTerm  kind = "term"  // a catalogue entry: a word that has a translation
	kindList  kind = "list"  // messages, said one after the other
	kindClock kind = "clock" // a moment, to the minute, in Japan time (Unix seconds)
	kindSpan  kind = "span"  // a span of time in seconds: 40 seconds, 3 minutes
)

// Value is one typed argument of a message.
type Value struct {
	kind kind
	s    string
	n    int64
	list []Message
}

// Text is text said as is: a payee key, a breach or payee name. Text from
// statements is made safe for its output (terminal, CSV, mail) after
// rendering, with the rest of the sentence.
func Text(s string) Value { return Value{kind: kindText, s: s} }

// Count is a number of things: charges, payees, cards.
func Count(n int) Value { return Value{kind: kindCount, n: int64(n)} }

// Yen is an amount in whole yen.
func Yen(y int64) Value { return Value{kind: kindYen, n: y} }

// Date is a calendar date.
func Date(d statement.Date) Value { return Value{kind: kindDate, n: int64(d)} }

// Month is the month of d.
func Month(d statement.Date) Value { return Value{kind: kindMonth, n: int64(d)} }

// Days is a span of days.
func Days(n int) Value { return Value{kind: kindDays, n: int64(n)} }

// Ratio is a multiplier given in thousandths (1800 is 1.8×).
func Ratio(thousandths int64) Value { return Value{kind: kindRatio, n: thousandths} }

// Bool is a flag that templates test with {{if}}.
func Bool(b bool) Value {
	v := Value{kind: kindBool}
	if b {
		v.n = 1
	}
	return v
}

// Clock is a moment, said to the minute in Japan time: the time of day of
// a charge a usage notice told of.
func Clock(t time.Time) Value { return Value{kind: kindClock, n: t.Unix()} }

// Span is a span of time shorter or longer than a day, said in the largest
// units that fit: 40 seconds, 3 minutes, 2 hours 5 minutes, 3 days.
func Span(d time.Duration) Value { return Value{kind: kindSpan, n: int64(d / time.Second)} }

// Term is a word or phrase of the catalogue, said in the message's
// language: a cadence (term "cadence.monthly"), a severity, a card mode.
func Term(key string) Value { return Value{kind: kindTerm, s: key} }

// List is messages said one after the other, separated as the language
// separates the items of a list.
func List(ms ...Message) Value { return Value{kind: kindList, list: ms} }

// Nested is one message said inside another.
func Nested(m Message) Value { return List(m) }

// MarshalJSON writes the value as an object naming its kind:
// {"yen": 38000}, {"date": "2022-01-24"}, {"text": "APPLE COM BILL"}.
func (v Value) MarshalJSON() ([]byte, error) {
	var x any
	switch v.kind {
	case kindText, kindTerm:
		x = v.s
	case kindDate, kindMonth:
		x = statement.Date(v.n).String()
	case kindClock:
		x = time.Unix(v.n, 0).In(statement.Tokyo).Format(time.RFC3339)
	case kindRatio:
		x = ratioText(v.n)
	case kindBool:
		x = v.n != 0
	case kindList:
		x = v.list
	default:
		x = v.n
	}
	return json.Marshal(map[kind]any{v.kind: x})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (v *Value) UnmarshalJSON(b []byte) error {
	var m map[kind]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	if len(m) != 1 {
		return fmt.Errorf("message value: want one kind, got %d", len(m))
	}
	for k, raw := range m {
		*v = Value{kind: k}
		var err error
		switch k {
		case kindText, kindTerm:
			err = json.Unmarshal(raw, &v.s)
		case kindDate, kindMonth:
			var d statement.Date
			err = json.Unmarshal(raw, &d)
			v.n = int64(d)
		case kindRatio:
			var s string
			if err = json.Unmarshal(raw, &s); err == nil {
				v.n, err = parseRatio(s)
			}
		case kindBool:
			var b bool
			err = json.Unmarshal(raw, &b)
			*v = Bool(b)
		case kindList:
			err = json.Unmarshal(raw, &v.list)
		case kindClock:
			var t time.Time
			err = json.Unmarshal(raw, &t)
			v.n = t.Unix()
		case kindCount, kindYen, kindDays, kindSpan:
			err = json.Unmarshal(raw, &v.n)
		default:
			err = fmt.Errorf("unknown kind %q", k)
		}
		if err != nil {
			return fmt.Errorf("message value %s: %w", k, err)
		}
	}
	return nil
}

// ratioText writes thousandths as a decimal: 1800 is "1.8".
func ratioText(n int64) string {
	s := strconv.FormatInt(n/1000, 10)
	if f := n % 1000; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%03d", abs(f)), "0")
	}
	if n < 0 && n > -1000 {
		s = "-" + s
	}
	return s
}

// parseRatio reads what ratioText writes.
func parseRatio(s string) (int64, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 3 {
		return 0, fmt.Errorf("ratio %q: more than three decimals", s)
	}
	n, err := strconv.ParseInt(whole+(frac + "000")[:3], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("ratio %q: %w", s, err)
	}
	return n, nil
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Said is text already written in both languages, said as it is: a user
// rule's own message, a sentence stored by an older cardcheck. ja may be
// "", and English is said then.
func Said(en, ja string) Message {
	return New("said", Args{"en": Text(en), "ja": Text(ja)})
}

// MapText returns m with f applied to every text argument, its nested
// messages' included: a finding's payees are masked with it before they are
// stored.
func (m Message) MapText(f func(string) string) Message {
	if len(m.Args) == 0 {
		return m
	}
	out := Message{Key: m.Key, Args: make(Args, len(m.Args))}
	for n, v := range m.Args {
		switch v.kind {
		case kindText:
			v.s = f(v.s)
		case kindList:
			list := make([]Message, len(v.list))
			for i, sub := range v.list {
				list[i] = sub.MapText(f)
			}
			v.list = list
		}
		out.Args[n] = v
	}
	return out
}
