// Package learn is what `cardcheck learn` and `cardcheck payees` do: list each
// card's recurring payees as learned from its statements, merge them into the
// config file without disturbing what the user wrote, and, after a card is
// replaced, check which payees have moved to the new card.
package learn

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/recurring"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/safetext"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Stream is one learned recurring payee of a card.
type Stream struct {
	Card     string `json:"card"`          // card label
	Payee    string `json:"payee"`         // payee key
	Via      string `json:"via,omitempty"` // payment processor or wallet, when the statement names one
	Merchant string `json:"merchant"`      // as printed on the last charge
	Cadence  string `json:"cadence"`
	// Typical is the current amount; Min and Max the range of the charges
	// at it (a variable bill: of every charge).
	Typical     decimal.Decimal `json:"typical"`
	Min         decimal.Decimal `json:"min"`
	Max         decimal.Decimal `json:"max"`
	Variable    bool            `json:"variable,omitempty"`
	Occurrences int             `json:"occurrences"`
	First       statement.Date  `json:"first"`
	Last        statement.Date  `json:"last"`
	Next        statement.Date  `json:"next"`
	Established bool            `json:"established"`
	// Config names the config payee that already covers the stream, if any.
	Config string `json:"config,omitempty"`
}

// ByCard groups charges by card label; labels come out sorted.
func ByCard(charges []*statement.Charge) (labels []string, by map[string][]*statement.Charge) {
	by = map[string][]*statement.Charge{}
	for _, c := range charges {
		l := c.Card.Label()
		if _, ok := by[l]; !ok {
			labels = append(labels, l)
		}
		by[l] = append(by[l], c)
	}
	sort.Strings(labels)
	return labels, by
}

// Streams learns every card's recurring streams, by card label then payee.
// cfg may be nil; when given, each stream notes the config payee that
// already covers it. The rules (eng; nil for the defaults) judge each
// card's charges as scan does, with the user's verdicts v (may be nil):
// streams made of charges they found suspect when they happened (a
// fraudster's subscription, a slow skim) or that the user reported are not
// learned; a new subscription the user acknowledged is.
func Streams(charges []*statement.Charge, cfg *config.Config, eng *rules.Engine, v *rules.Verdicts) []Stream {
	if eng == nil {
		eng = rules.Default()
	}
	labels, by := ByCard(charges)
	var out []Stream
	for _, l := range labels {
		cs := by[l]
		to := cs[0].Date
		for _, c := range cs {
			to = max(to, c.Date)
		}
		card := rules.NewCard(l, cs, to.AddDays(-(scanWindow - 1)), to, cfg.Spec())
		card.Apply(v)
		eng.Judge(card)
		for _, s := range card.TrustedStreams() {
			out = append(out, streamOf(l, s, cfg))
		}
	}
	return out
}

// scanWindow is scan's default window (scan.WindowDays; learn does not
// import scan).
const scanWindow = 35

func streamOf(label string, s *recurring.Stream, cfg *config.Config) Stream {
	last := s.Charges[len(s.Charges)-1]
	st := Stream{
		Card: label, Payee: s.Payee, Via: last.Via, Merchant: last.Merchant, Cadence: s.Cadence.Name,
		Typical: s.Typical, Min: s.Min, Max: s.Max, Variable: s.Variable,
		Occurrences: len(s.Charges), First: s.First(), Last: s.Last(), Next: s.Next(), Established: s.Established,
	}
	if !s.Variable {
		// The range is that of the current price: after a price rise the
		// old price is history, not part of what to expect.
		st.Min, st.Max = s.Typical, s.Typical
		for _, c := range s.Charges {
			if c.Date >= s.Since {
				st.Min, st.Max = decimal.Min(st.Min, c.Amount), decimal.Max(st.Max, c.Amount)
			}
		}
	}
	if cfg != nil {
		if p := cfg.Spec().PayeeFor(label, last); p != nil {
			st.Config = p.Name
		}
	}
	return st
}

// Name is the payee as reports show it: the key, with the processor in
// front when there is one ("PAYPAL *SAMPLESOFT").
func (s *Stream) Name() string { return payee.Qualified(s.Payee, s.Via) }

// AmountText is the typical amount for people: "¥4,900", "¥1,650
// (¥1,580–¥1,720)" when it moves a little, "¥5,120–¥14,820" for a variable
// bill.
func (s *Stream) AmountText() string {
	switch {
	case s.Variable:
		return statement.FormatYen(s.Min) + "–" + statement.FormatYen(s.Max)
	case s.Min.Equal(s.Max):
		return statement.FormatYen(s.Typical)
	}
	return fmt.Sprintf("%s (%s–%s)", statement.FormatYen(s.Typical), statement.FormatYen(s.Min), statement.FormatYen(s.Max))
}

// AmountConfig is the amount as the config writes it: "4900" or "1580-1720".
func (s *Stream) AmountConfig() string {
	if s.Min.Equal(s.Max) {
		return s.Min.String()
	}
	return s.Min.String() + "-" + s.Max.String()
}

// Status is "established" or "early", with "in config" when the config
// already has the payee, in l.
func (s *Stream) Status(l lang.Lang) string {
	return message.Render(l, message.New("learn.status", message.Args{
		"established": message.Bool(s.Established), "config": message.Bool(s.Config != "")}))
}

// CadenceText is the cadence in l ("monthly", "毎月"); a cadence the
// catalogue lacks as is, "–" when there is none.
func (s *Stream) CadenceText(l lang.Lang) string {
	switch {
	case s.Cadence == "":
		return "–"
	case message.Has("cadence." + s.Cadence):
		return message.Render(l, message.New("cadence."+s.Cadence, nil))
	}
	return s.Cadence
}

// heads are table headings in l, from their catalogue keys learn.head.*.
func heads(l lang.Lang, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = message.Render(l, message.New("learn.head."+k, nil))
	}
	return out
}

// TableWidth is the most terminal columns WriteTable's lines take.
const TableWidth = 120

// WriteTable prints streams as a table per card, each under the card's
// label, so that no line carries the long label and the table fits
// TableWidth columns; every cell that came from a file is made safe for the
// terminal, and a payee name too wide for what the other columns leave is
// cut with "…". Headings, cadences, statuses and the summary are in l.
func WriteTable(w io.Writer, l lang.Lang, streams []Stream) error {
	var cards []string
	byCard := map[string][]Stream{}
	for _, s := range streams {
		if _, ok := byCard[s.Card]; !ok {
			cards = append(cards, s.Card)
		}
		byCard[s.Card] = append(byCard[s.Card], s)
	}
	for _, card := range cards {
		rows := [][]string{heads(l, "payee", "cadence", "amount", "times", "last", "next", "status")}
		for _, s := range byCard[card] {
			rows = append(rows, []string{safetext.Terminal(s.Name()), s.CadenceText(l), s.AmountText(), fmt.Sprint(s.Occurrences), s.Last.String(), s.Next.String(), s.Status(l)})
		}
		// The payee gets what the indent, the other columns and the gaps
		// between them leave.
		room := TableWidth - 2 - 2*(len(rows[0])-1)
		for i := 1; i < len(rows[0]); i++ {
			w := 0
			for _, r := range rows {
				w = max(w, runewidth.StringWidth(r[i]))
			}
			room -= w
		}
		t := &report.Table{Right: map[int]bool{2: true, 3: true}}
		for _, r := range rows {
			r[0] = runewidth.Truncate(r[0], max(room, 12), "…")
			t.Row(r...)
		}
		var text strings.Builder
		if err := t.Write(&text); err != nil {
			return err
		}
		out := safetext.Terminal(card) + "\n"
		for _, line := range strings.SplitAfter(text.String(), "\n") {
			if line != "" {
				out += "  " + line
			}
		}
		if _, err := io.WriteString(w, out); err != nil {
			return err
		}
	}
	est, inConfig := 0, 0
	for _, s := range streams {
		if s.Established {
			est++
		}
		if s.Config != "" {
			inConfig++
		}
	}
	_, err := fmt.Fprintln(w, message.Render(l, message.New("learn.summary", message.Args{
		"n": message.Count(len(streams)), "established": message.Count(est), "early": message.Count(len(streams) - est), "config": message.Count(inConfig)})))
	return err
}

// cardsOf returns the labels in labels that match (as a config card's
// match does); all of them when match is empty.
func cardsOf(labels []string, match string) []string {
	if match == "" {
		return labels
	}
	var out []string
	for _, l := range labels {
		if spec.MatchLabel(match, l) {
			out = append(out, l)
		}
	}
	return out
}

// joinLabels quotes labels for an error message.
func joinLabels(labels []string) message.Value {
	q := make([]string, len(labels))
	for i, l := range labels {
		q[i] = fmt.Sprintf("%q", l)
	}
	return message.Text(strings.Join(q, ", "))
}
