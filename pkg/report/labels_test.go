package report

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/rules"
)

// Every built-in rule, and the stale-statement warning, has a Japanese
// label that Japanese output shows instead of its id; English keeps the id.
// A new rule without one fails here (DEVELOPERS.md, "Adding a rule").
func TestEveryRuleHasAJapaneseLabel(t *testing.T) {
	ids := []string{scan.StaleRule}
	for _, r := range rules.Catalogue() {
		ids = append(ids, r.ID())
	}
	seen := map[string]string{}
	for _, id := range ids {
		ja := message.RuleLabel(lang.JA, id)
		if ja == id || ja == "" {
			t.Errorf("rule %s has no Japanese label (pkg/message/labels.go, rule.%s)", id, id)
		}
		if other, dup := seen[ja]; dup {
			t.Errorf("rules %s and %s share the label %s", id, other, ja)
		}
		seen[ja] = id
		if en := message.RuleLabel(lang.EN, id); en != id {
			t.Errorf("English shows %s as %q, want its id", id, en)
		}
	}
	if got := message.RuleLabel(lang.JA, "my-user-rule"); got != "my-user-rule" {
		t.Errorf("a user rule is shown as %q", got)
	}
}
