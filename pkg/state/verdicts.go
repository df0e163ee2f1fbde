package state

import "github.com/cardcheck/cardcheck/rules"

// Verdicts returns what the user said of the findings the state remembers,
// for the rules (see rules.Verdicts): the charges of acknowledged findings
// are theirs, those of findings reported with ack --fraud are not, and the
// payees of those are watched. Card-level notices cite charges as evidence
// and say nothing of them. A finding acknowledged before any mail run
// recorded its charges has none to teach.
func (s *State) Verdicts() *rules.Verdicts {
	v := &rules.Verdicts{Mine: map[rules.ChargeRef]bool{}, NotMine: map[rules.ChargeRef]bool{}, Watched: map[string]rules.Report{}}
	for _, id := range sortedIDs(s.Findings) {
		e := s.Findings[id]
		if e.Acknowledged == nil || e.CardLevel {
			continue
		}
		for _, c := range e.Charges {
			ref := rules.ChargeRef{Date: c.Date, Payee: c.Payee, Amount: c.Amount.String()}
			if !e.Acknowledged.NotMine {
				v.Mine[ref] = true
				continue
			}
			v.NotMine[ref] = true
			r, ok := v.Watched[c.Payee]
			if !ok || e.Acknowledged.At.Before(r.At) {
				since := c.Date
				if ok {
					since = min(since, r.Since)
				}
				r = rules.Report{ID: id, At: e.Acknowledged.At, Since: since}
			}
			r.Since = min(r.Since, c.Date)
			v.Watched[c.Payee] = r
		}
	}
	return v
}
