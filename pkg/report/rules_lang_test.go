package report

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/rules"
)

// `cardcheck rules` in Japanese: headings, severities and the breach lines
// in Japanese; ids, parameters and the rules' own doc strings as they are.
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
}
