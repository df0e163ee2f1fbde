package report

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/rules"
)

// `cardcheck rules` in Japanese: headings, severities and the breach lines
// in Japanese, and what each rule and parameter means; ids and parameter
// names as the config writes them; English as it was, from the rules' own
// doc strings.
func TestRulesInJapanese(t *testing.T) {
	var en, ja strings.Builder
	if err := RulesIn(&en, lang.EN, rules.Default()); err != nil {
		t.Fatal(err)
	}
	if err := RulesIn(&ja, lang.JA, rules.Default()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"RULE  ", "breaches watched by breach-exposure (cards used at these payees in these days were exposed):",
		"2021-10-14 to 2022-01-25", "breach-exposure     warning"} {
		if !strings.Contains(en.String(), want) {
			t.Errorf("English lacks %q:\n%s", want, en.String())
		}
	}
	for _, want := range []string{"ルール  ", "重要度", "この期間にこの支払先で使ったカードの情報が漏れました", "2021年10月14日〜2022年1月25日",
		"breach-exposure     注意"} {
		if !strings.Contains(ja.String(), want) {
			t.Errorf("Japanese lacks %q:\n%s", want, ja.String())
		}
	}
	for _, english := range []string{"RULE", "SEVERITY", "were exposed", " to 2022", "breach-exposure     warning"} {
		if strings.Contains(ja.String(), english) {
			t.Errorf("Japanese has %q:\n%s", english, ja.String())
		}
	}
	// Every built-in rule and parameter has its meaning in Japanese, and
	// English is the rule's own doc string.
	for _, d := range rules.Describe(rules.Catalogue()) {
		docs := map[string]string{d.ID: d.Doc}
		for _, p := range d.Params {
			docs[d.ID+"."+p.Name] = p.Doc
		}
		for key, doc := range docs {
			if !strings.Contains(en.String(), doc) {
				t.Errorf("English lacks %s's doc %q", key, doc)
			}
			if said := ruleDoc(lang.JA, key, doc); said == doc || !strings.Contains(ja.String(), said) || strings.Contains(ja.String(), doc) {
				t.Errorf("%s: no Japanese meaning (rule.doc.%s in pkg/message/ruledocs.go)", key, key)
			}
		}
	}
	for _, want := range []string{"1つの支払先からの短時間の多数の利用", "連続利用とみなす、1つの支払先からの利用の件数"} {
		if !strings.Contains(ja.String(), want) {
			t.Errorf("Japanese lacks %q", want)
		}
	}
}
