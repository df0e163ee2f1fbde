package message

// The config's cards, payees and rules sections (rules/spec, rules/params.go):
// what is wrong with an entry. English is what these errors always said.

func init() { add(ruleSpecEntries) }

var ruleSpecEntries = map[string]Entry{
	"spec.list.cards": {
		EN: "cards: want a list of cards (- match: …)",
		JA: "cards: カードのリストを書いてください(- match: …)",
	},
	"spec.list.payees": {
		EN: "payees: want a list of payees (- name: …, patterns: […])",
		JA: "payees: 支払先のリストを書いてください(- name: …, patterns: […])",
	},
	"spec.list.rules-cards": {
		EN: "rules.cards: want a list (- match: …)",
		JA: "rules.cards: リストを書いてください(- match: …)",
	},
	"spec.list.user": {
		EN: "rules.user: want a list of rules (- id: …, when: …)",
		JA: "rules.user: ルールのリストを書いてください(- id: …, when: …)",
	},
	"spec.list.breaches": {
		EN: "rules.breaches: want a list of breaches (- name: …, patterns: …)",
		JA: "rules.breaches: 情報漏えいのリストを書いてください(- name: …, patterns: …)",
	},
	"spec.card.match": {
		EN: "card needs match: a part of its name or masked number",
		JA: "カードには match: (カード名かマスクされた番号の一部)が必要です",
	},
	// a and b: the two modes there are.
	"spec.card.mode": {
		EN: `mode {{printf "%q" .mode}}: want {{printf "%q" .a}} or {{printf "%q" .b}}`,
		JA: `mode {{printf "%q" .mode}} は使えません。{{printf "%q" .a}} か {{printf "%q" .b}} を指定してください`,
	},
	"spec.payee.name": {
		EN: "payee needs a name or patterns",
		JA: "支払先には name か patterns が必要です",
	},
	"spec.payee.cadence": {
		EN: `cadence {{printf "%q" .cadence}}: want weekly, monthly, bimonthly, quarterly, half-yearly, yearly or irregular`,
		JA: `cadence {{printf "%q" .cadence}} は使えません。weekly、monthly、bimonthly、quarterly、half-yearly、yearly、irregular のいずれかを指定してください`,
	},

	"spec.rule.params": {
		EN: "rule {{.id}}: want a mapping of parameters, like {enabled: false}",
		JA: "ルール {{.id}}: パラメーターは {enabled: false} のようなマッピングで書いてください",
	},
	"spec.rule.enabled": {
		EN: "rule {{.id}}: enabled: want true or false",
		JA: "ルール {{.id}}: enabled には true か false を指定してください",
	},
	// near: the parameter meant, when key is a slip of it; names: the
	// rule's parameters, joined with ", ".
	"spec.rule.no-param": {
		EN: `rule {{.id}} has no parameter {{printf "%q" .key}}{{with .near}} (did you mean {{printf "%q" .}}?){{end}}; it has: {{.names}}`,
		JA: `ルール {{.id}} に {{printf "%q" .key}} というパラメーターはありません{{with .near}}({{printf "%q" .}} のことですか?){{end}}。使えるパラメーター: {{.names}}`,
	},
	// ids: the built-in rules, joined with ", ".
	"spec.rule.unknown": {
		EN: `rules: unknown rule {{printf "%q" .id}}{{with .near}} (did you mean {{printf "%q" .}}?){{end}}; the rules are {{.ids}} (user rules go under rules.user)`,
		JA: `rules: {{printf "%q" .id}} というルールはありません{{with .near}}({{printf "%q" .}} のことですか?){{end}}。ルールは {{.ids}} です(ユーザールールは rules.user に書きます)`,
	},
}
