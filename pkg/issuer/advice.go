package issuer

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// NextStep is what someone who did not make a charge should do now: whom to
// call and what to tell them, as catalogue messages (pkg/message, "next.*")
// that the report and the mail render in the reader's language.
type NextStep struct {
	// Call are the lines to call, one per desk; for a company with no
	// sourced number, the advice to call the number on the back of the card.
	Call []message.Message
	// Online is how to stop the card without calling; zero when the
	// company's page says nothing of it.
	Online message.Message
	// Tell is what to say on the call.
	Tell message.Message
}

// Messages returns the step in order: the heading, the calls, the online
// way, what to tell them.
func (n NextStep) Messages() []message.Message {
	out := append([]message.Message{message.New("next.heading", nil)}, n.Call...)
	if !n.Online.IsZero() {
		out = append(out, n.Online)
	}
	return append(out, n.Tell)
}

// Lines renders the step in l, one line per message.
func (n NextStep) Lines(l lang.Lang) []string {
	ms := n.Messages()
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = message.Render(l, m)
	}
	return out
}

// Next returns the next step for a card of the company named name (as the
// statement names it).
func Next(name string) NextStep {
	var n NextStep
	is, ok := Lookup(name)
	switch {
	case ok && is.Known():
		for _, d := range is.Desks {
			company := is.Name
			if d.Brand != "" {
				company += " (" + d.Brand + ")"
			}
			// alt is always given ("" for none): the catalogue's templates
			// refuse a missing argument.
			n.Call = append(n.Call, message.New("next.desk", message.Args{
				"company": message.Text(company), "phone": message.Text(d.Phone), "alt": message.Text(d.Alt)}))
		}
	case ok && is.Aggregator:
		n.Call = []message.Message{message.New("next.aggregator", message.Args{"service": message.Text(is.Name)})}
	case ok:
		n.Call = []message.Message{message.New("next.back-of-card", message.Args{"company": message.Text(is.Name)})}
	case strings.TrimSpace(name) != "":
		n.Call = []message.Message{message.New("next.back-of-card", message.Args{"company": message.Text(strings.TrimSpace(name))})}
	default:
		n.Call = []message.Message{message.New("next.back-of-card.unknown", nil)}
	}
	if ok && is.OnlineEN != "" {
		n.Online = message.Said(is.OnlineEN, is.Online)
	}
	n.Tell = message.New("next.tell", nil)
	return n
}
