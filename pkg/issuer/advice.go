package issuer

import (
	"fmt"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
)

// NextStep is what someone who did not make a charge should do now: whom to
// call and what to tell them. Report and mail end every alert with it.
type NextStep struct {
	// Call is the line to call: "三井住友カード 紛失・盗難受付 0120-919-456 (24時間・年中無休)",
	// or, for a company with no sourced number, the advice to call the
	// number on the back of the card.
	Call []string
	// Online is how to stop the card without calling, or "".
	Online string
	// Tell is what to say on the call.
	Tell string
}

// Lines returns the step as lines of text, Call first.
func (n NextStep) Lines() []string {
	out := append([]string(nil), n.Call...)
	if n.Online != "" {
		out = append(out, n.Online)
	}
	return append(out, n.Tell)
}

// Next returns the next step for a card of the company named name (as the
// statement names it), in language l.
func Next(name string, l lang.Lang) NextStep {
	ja := l == lang.JA
	var n NextStep
	is, ok := Lookup(name)
	switch {
	case ok && is.Known():
		for _, d := range is.Desks {
			n.Call = append(n.Call, d.line(is.Name, ja))
		}
	case ok && is.Aggregator:
		n.Call = []string{pick(ja,
			"Call the card company of this card (not "+is.Name+", which only collects the statements): its number for lost and stolen cards is on the back of the card.",
			"このカードのカード会社(明細を集めるだけの"+is.Name+"ではありません)の紛失・盗難受付に電話してください。番号はカードの裏面にあります。")}
	default:
		company := name
		if ok {
			company = is.Name
		}
		if strings.TrimSpace(company) == "" {
			company = pick(ja, "the card company", "カード会社")
		}
		n.Call = []string{pick(ja,
			"Call "+company+"'s line for lost and stolen cards: the number is on the back of the card.",
			company+"の紛失・盗難受付に電話してください。番号はカードの裏面にあります。")}
	}
	if ok {
		n.Online = pick(ja, is.OnlineEN, is.Online)
	}
	n.Tell = pick(ja,
		"Tell them you did not make these charges (the date, shop and amount of each) and which card it is (its name and last four digits); "+
			"ask them to stop the card, send a new one with a new number, and treat the charges as fraud (不正利用): "+
			"card companies usually cover fraud reported within 60 days.",
		"身に覚えのない利用であること(それぞれの日付・利用先・金額)と、どのカードか(カード名と番号の下4桁)を伝え、"+
			"カードの利用停止、番号を変えた再発行、不正利用としての調査を依頼してください。多くのカード会社は届け出から60日前までの不正利用を補償します。")
	return n
}

// line writes a desk for people: company, brand, number, hours, the second
// number and when to use it.
func (d Desk) line(company string, ja bool) string {
	who := company
	if d.Brand != "" {
		who += " (" + d.Brand + ")"
	}
	if ja {
		s := fmt.Sprintf("%s 紛失・盗難受付: %s(%s)", who, d.Phone, d.Hours)
		if d.Alt != "" {
			s += fmt.Sprintf("、%s: %s", d.AltWhen, d.Alt)
		}
		return s
	}
	hours := d.Hours
	if hours == "24時間・年中無休" {
		hours = "24 hours, every day"
	}
	s := fmt.Sprintf("%s, lost and stolen cards: %s (%s)", who, d.Phone, hours)
	if d.Alt != "" {
		s += fmt.Sprintf("; where free-dial numbers do not work: %s", d.Alt)
	}
	return s
}

func pick(ja bool, en, jaText string) string {
	if ja {
		return jaText
	}
	return en
}
