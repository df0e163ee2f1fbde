package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	// 25: beside burst, the same signal told by the clock.
	register(25, func() Rule {
		return minutesRule{Min: 3, Within: 20, Severity: severity.Warning, NewSeverity: severity.Alert}
	})
}

// minutesRule flags Min or more purchases on the card within Within
// minutes, at any payees, none of them known: stolen card numbers are spent
// in minutes, before the owner can react. It is stronger (NewSeverity)
// when every payee of the run is new to the card, or unnamed (a notice's
// placeholder): a shopping trip is mostly at shops paid before. Only usage
// notices give the time of day (statement rows carry dates), so the rule
// sees the charges a notice told of, on its own or found on its statement
// row.
type minutesRule struct {
	Min         int               `yaml:"min" doc:"purchases at payees not known that make a run"`
	Within      minuteCount       `yaml:"within" doc:"…within this many minutes (notices give the time of day)"`
	Severity    severity.Severity `yaml:"severity" doc:"severity of such a run"`
	NewSeverity severity.Severity `yaml:"new-severity" doc:"severity when every payee of the run is new to the card"`
}

// ID implements [Rule].
func (minutesRule) ID() string { return "minutes" }

// Doc says what the rule flags.
func (minutesRule) Doc() string {
	return "several purchases within minutes (the time of day from usage notices), none at a known payee"
}

// Check implements [Rule].
func (r minutesRule) Check(card *Card) []Finding {
	if r.Min < 2 || r.Within <= 0 {
		return nil
	}
	var timed []*statement.Charge
	card.windowPurchases(func(_ int, ch *statement.Charge) {
		if !ch.At().IsZero() && !card.isKnown(ch) {
			timed = append(timed, ch)
		}
	})
	if len(timed) < r.Min {
		return nil
	}
	sort.SliceStable(timed, func(i, j int) bool { return timed[i].At().Before(timed[j].At()) })
	window := time.Duration(r.Within) * time.Minute
	in := make([]bool, len(timed))
	lo := 0
	for hi := range timed {
		for timed[hi].At().Sub(timed[lo].At()) > window {
			lo++
		}
		if hi-lo+1 >= r.Min {
			for i := lo; i <= hi; i++ {
				in[i] = true
			}
		}
	}
	var out []Finding
	var run []*statement.Charge
	flush := func() {
		if len(run) > 0 {
			sev, allNew := r.Severity, true
			for _, ch := range run {
				allNew = allNew && (ch.PlaceholderMerchant() || card.isNewPayee(ch))
			}
			if allNew {
				sev = r.NewSeverity
			}
			out = append(out, Finding{Severity: sev, Message: r.message(run, allNew), Charges: run})
			run = nil
		}
	}
	for i, ch := range timed {
		if !in[i] {
			continue
		}
		if len(run) > 0 && ch.At().Sub(run[len(run)-1].At()) > window {
			flush()
		}
		run = append(run, ch)
	}
	flush()
	return out
}

func (r minutesRule) message(run []*statement.Charge, allNew bool) message.Message {
	var sum int64
	payees := map[string]bool{}
	for _, c := range run {
		sum += statement.WholeYen(c.Amount)
		payees[c.Payee] = true
	}
	first, last := run[0].At(), run[len(run)-1].At()
	return message.New("minutes", message.Args{
		"charges": message.Count(len(run)), "payees": message.Count(len(payees)), "payee": message.Text(run[0].Payee), "new": message.Bool(allNew),
		"sum": message.Yen(sum), "first": message.Clock(first), "span": message.Span(last.Sub(first)),
		"limit": message.Count(r.Min), "within": message.Span(time.Duration(r.Within) * time.Minute)})
}

// minuteCount is a span of minutes. In the config it is written "20m" or a
// plain number of minutes.
type minuteCount int

// UnmarshalText reads "20m" or "20".
func (m *minuteCount) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	n, err := strconv.Atoi(strings.TrimSuffix(s, "m"))
	if err != nil || n < 0 || n > 24*60 {
		return fmt.Errorf("%q: want a number of minutes like 20m (at most a day)", s)
	}
	*m = minuteCount(n)
	return nil
}

// String writes m as "20m".
func (m minuteCount) String() string { return fmt.Sprintf("%dm", int(m)) }
