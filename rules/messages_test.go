package rules_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/simulate"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// TestMessagesRender runs every rule over simulated histories with frauds
// injected and checks that the catalogue says every reason they give, in
// both languages, with every argument its templates use; and that a reason
// survives the state's JSON as the same facts.
func TestMessagesRender(t *testing.T) {
	reg := all.Registry(nil)
	rulesSeen := map[string]bool{}
	for seed := uint64(1); seed <= 6; seed++ {
		h := simulate.Generate(simulate.Options{Seed: seed, From: statement.NewDate(2020, 1, 1), Months: 30, InjectFrom: 12,
			Cards: []simulate.Profile{simulate.Corporate, simulate.Personal, simulate.Family}})
		res := &scan.Result{}
		var stmts []*statement.Statement
		for m := range h.Months {
			for _, f := range h.Files(m, m == h.Months-1) {
				if r := reg.Import(f.Name, bytes.NewReader(f.Data)); r.Statement != nil {
					stmts = append(stmts, r.Statement)
				}
			}
		}
		res.Charges = scan.Merge(stmts)
		scan.Check(res, scan.Options{All: true})
		st := state.New()
		st.Record(state.View{Active: res.Findings}, statement.NewDate(2022, 7, 1).Time())
		data, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		st = &state.State{}
		if err := json.Unmarshal(data, st); err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			for i, r := range f.Reasons {
				rulesSeen[r.Rule] = true
				if err := message.Check(r.Message); err != nil {
					t.Errorf("%s: %v", r.Rule, err)
				}
				stored := st.Findings[f.ID].Reasons[i].Message
				if !stored.Equal(r.Message) {
					t.Errorf("%s: stored as %v, was %v", r.Rule, stored, r.Message)
				}
			}
		}
	}
	if len(rulesSeen) < 10 {
		t.Errorf("only %d rules fired: %v", len(rulesSeen), rulesSeen)
	}
}
