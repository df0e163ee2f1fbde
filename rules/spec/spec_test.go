package spec

import (
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
)

func decode(t *testing.T, text string) *Spec {
	t.Helper()
	f, err := yamlfile.Parse("c.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := yamlfile.Mapping(yamlfile.Body(f))
	s := &Spec{File: "c.yaml"}
	var errs []error
	for _, mv := range m.Values {
		switch yamlfile.KeyName(mv) {
		case "payees":
			s.Payees, errs = DecodePayees("c.yaml", mv.Value)
		case "cards":
			s.Cards, errs = DecodeCards("c.yaml", mv.Value)
		case "rules":
			s.Rules, errs = DecodeRules("c.yaml", mv.Value)
		}
		if len(errs) > 0 {
			t.Fatal(errs)
		}
	}
	return s
}

func charge(merchant string) *statement.Charge {
	k, via := payee.Split(merchant)
	return &statement.Charge{Merchant: merchant, Payee: k, Via: via}
}

// TestStalePatterns: a payee written for part of a key (as patterns
// matched before) is named with the key to write, once; one that matches,
// or that is part of nothing, is not.
func TestStalePatterns(t *testing.T) {
	s := decode(t, `
payees:
  - name: Newspaper
    patterns: ["東西新聞"]
  - name: Internet
    patterns: ["サンプルネット光 インターネット"]
  - name: Old club
    patterns: ["会費ペイ"]
`)
	cs := []*statement.Charge{charge("東西新聞　購読料"), charge("東西新聞　購読料"), charge("サンプルネット光　インターネット"), charge("ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ")}
	ws := s.StalePatterns(cs)
	if len(ws) != 1 {
		t.Fatalf("%d warnings: %v", len(ws), ws)
	}
	for _, want := range []string{"c.yaml:3:5:", `"Newspaper"`, `write "東西新聞 購読料"`, `"prefix:東西新聞"`} {
		if !strings.Contains(ws[0].Error(), want) {
			t.Errorf("warning %q lacks %q", ws[0], want)
		}
	}
	ja := ws[0].(*yamlfile.Error).In(lang.JA)
	for _, want := range []string{"c.yaml:3:5: 注意: 支払先 \"Newspaper\" はどの利用にも当てはまりません", `patterns に "東西新聞 購読料" と書いてください`, `"prefix:東西新聞" なら`} {
		if !strings.Contains(ja, want) {
			t.Errorf("warning %q lacks %q", ja, want)
		}
	}
}

func TestRulesSection(t *testing.T) {
	s := decode(t, `
rules:
  burst: {min: 2}   # a comment beside the key
  cards:
    - match: "4980"
      burst: {min: 4}
  user:
    - id: big
      when: amount > 10000
  breaches:
    - name: Shop
      patterns: ["prefix:EXAMPLE"]
      from: 2024-01-01
      to: 2024-03-31
`)
	r := s.Rules
	if len(r.Settings) != 1 || r.Settings[0].ID != "burst" || len(r.Cards) != 1 || r.Cards[0].Match != "4980" || len(r.User) != 1 || len(r.Breaches) != 1 {
		t.Fatalf("%+v", r)
	}
	if !r.Breaches[0].MatchesCharge(charge("EXAMPLE SHOP TOKYO")) || r.Breaches[0].MatchesCharge(charge("AN EXAMPLE")) {
		t.Error("breach patterns")
	}
	if r.User[0].WhenAt.Line != 9 {
		t.Errorf("when at %+v", r.User[0].WhenAt)
	}
}

// TestEntryErrorsInBothLanguages: a bad card, payee or rules entry is said in
// English as it always was, and in Japanese (issue 11 §5), at its place.
func TestEntryErrorsInBothLanguages(t *testing.T) {
	cases := []struct {
		section, text, en, ja string
	}{
		{"cards", "cards: {match: x}", `c.yaml:1:8: cards: want a list of cards (- match: …)`, `c.yaml:1:8: cards: カードのリストを書いてください`},
		{"cards", "cards:\n  - mode: everyday", `c.yaml:2:5: card needs match: a part of its name or masked number`, `c.yaml:2:5: カードには match:`},
		{"cards", "cards:\n  - match: x\n    mode: sometimes", `c.yaml:3:11: mode "sometimes": want "recurring-only" or "everyday"`,
			`c.yaml:3:11: mode "sometimes" は使えません。"recurring-only" か "everyday" を指定してください`},
		{"payees", "payees: 3", `c.yaml:1:9: payees: want a list of payees (- name: …, patterns: […])`, `c.yaml:1:9: payees: 支払先のリストを書いてください`},
		{"payees", "payees:\n  - amount: 100", `c.yaml:2:5: payee needs a name or patterns`, `c.yaml:2:5: 支払先には name か patterns が必要です`},
		{"payees", "payees:\n  - name: X\n    amount: lots", `c.yaml:3:13: amount "lots": want a number or a range like 1000-1500`, `c.yaml:3:13: amount "lots" は読めません。`},
		{"rules", "rules: 3", `c.yaml:1:8: rules: want a mapping of rule ids to settings, and cards, user, breaches`, `c.yaml:1:8: rules: ルール ID と設定`},
		{"rules", "rules:\n  user:\n    - id: Big\n      when: amount > 1", `c.yaml:3:11: user rule id "Big": use lower-case letters, digits and dashes`, `c.yaml:3:11: ユーザールールの id "Big": 英小文字`},
		{"rules", "rules:\n  breaches:\n    - name: B\n      patterns: [B]\n      from: 2024-02-01\n      to: 2024-01-01",
			`c.yaml:6:11: breach "B": to 2024-01-01 is before from 2024-02-01`, `c.yaml:6:11: 情報漏えい "B": to 2024-01-01 が from 2024-02-01 より前です`},
		{"payees", "payees:\n  - name: X\n    cadence: daily", `c.yaml:3:14: cadence "daily": want weekly, monthly,`, `c.yaml:3:14: cadence "daily" は使えません。weekly、monthly、`},
	}
	for _, tc := range cases {
		f, err := yamlfile.Parse("c.yaml", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		m, _ := yamlfile.Mapping(yamlfile.Body(f))
		var errs []error
		switch v := m.Values[0].Value; tc.section {
		case "cards":
			_, errs = DecodeCards("c.yaml", v)
		case "payees":
			_, errs = DecodePayees("c.yaml", v)
		default:
			_, errs = DecodeRules("c.yaml", v)
		}
		if len(errs) != 1 {
			t.Errorf("%q: %d errors: %v", tc.text, len(errs), errs)
			continue
		}
		var ye *yamlfile.Error
		if !errors.As(errs[0], &ye) {
			t.Fatalf("%q: not a yamlfile.Error: %v", tc.text, errs[0])
		}
		if en, ja := ye.Error(), ye.In(lang.JA); !strings.HasPrefix(en, tc.en) || !strings.HasPrefix(ja, tc.ja) {
			t.Errorf("%q:\n got %s\n     %s\nwant %s\n     %s", tc.text, en, ja, tc.en, tc.ja)
		}
	}
}
