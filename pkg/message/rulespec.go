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

	"spec.rules.mapping": {
		EN: "rules: want a mapping of rule ids to settings, and cards, user, breaches",
		JA: "rules: ルール ID と設定、cards、user、breaches のマッピングを書いてください",
	},
	"spec.user.id": {EN: "user rule needs an id", JA: "ユーザールールには id が必要です"},
	"spec.user.bad-id": {
		EN: `user rule id {{printf "%q" .id}}: use lower-case letters, digits and dashes`,
		JA: `ユーザールールの id {{printf "%q" .id}}: 英小文字、数字、ダッシュだけを使ってください`,
	},
	"spec.user.twice": {
		EN: `user rule id {{printf "%q" .id}} used twice`,
		JA: `ユーザールールの id {{printf "%q" .id}} が 2 回使われています`,
	},
	"spec.user.when": {
		EN: `user rule {{printf "%q" .id}} needs when: a condition such as amount > 10000`,
		JA: `ユーザールール {{printf "%q" .id}} には when: (amount > 10000 のような条件)が必要です`,
	},
	"spec.rules-card.entry": {
		EN: `rules.cards: want entries like - match: "4980-00**"`,
		JA: `rules.cards: - match: "4980-00**" のような項目を書いてください`,
	},
	"spec.rules-card.match": {
		EN: "rules.cards: entry needs match: a part of the card's name or masked number",
		JA: "rules.cards: 項目には match: (カード名かマスクされた番号の一部)が必要です",
	},
	"spec.breach.name": {EN: "breach needs a name", JA: "情報漏えいには name が必要です"},
	"spec.breach.patterns": {
		EN: `breach {{printf "%q" .name}} needs patterns: the payees whose customers were exposed`,
		JA: `情報漏えい {{printf "%q" .name}} には patterns: (利用者の情報が漏えいした支払先)が必要です`,
	},
	"spec.breach.dates": {
		EN: `breach {{printf "%q" .name}} needs from and to: the days a card used there was exposed`,
		JA: `情報漏えい {{printf "%q" .name}} には from と to (そこで使ったカードの情報が漏えいした期間)が必要です`,
	},
	// to and from as written: 2006-01-02.
	"spec.breach.order": {
		EN: `breach {{printf "%q" .name}}: to {{.to}} is before from {{.from}}`,
		JA: `情報漏えい {{printf "%q" .name}}: to {{.to}} が from {{.from}} より前です`,
	},
	"spec.payee.amount": {
		EN: `amount {{printf "%q" .amount}}: want a number or a range like 1000-1500`,
		JA: `amount {{printf "%q" .amount}} は読めません。数値か 1000-1500 のような範囲を書いてください`,
	},
	// A payee written for part of a payee key, as patterns matched before:
	// pattern is part of payee; prefix is "prefix:" and the pattern.
	"spec.payee.partly": {
		EN: `warning: payee {{printf "%q" .name}} matches no charge: its pattern {{printf "%q" .pattern}} is part of the payee {{printf "%q" .payee}}, but patterns match whole payees; ` +
			`write {{printf "%q" .payee}} in its patterns (or {{printf "%q" .prefix}} to match every payee starting so)`,
		JA: `注意: 支払先 {{printf "%q" .name}} はどの利用にも当てはまりません。パターン {{printf "%q" .pattern}} は支払先 {{printf "%q" .payee}} の一部ですが、パターンは支払先全体に当てはまります。` +
			`patterns に {{printf "%q" .payee}} と書いてください({{printf "%q" .prefix}} なら、そう始まるすべての支払先に当てはまります)`,
	},
	// reason: why the value cannot be read (spec.param.*).
	"spec.rule.value": {EN: "rule {{.id}}: {{.key}}: {{.reason}}", JA: "ルール {{.id}}: {{.key}}: {{.reason}}"},
	"spec.param.yen": {
		EN: `{{printf "%q" .value}}: want a whole yen amount like 1000 or ¥1,000`,
		JA: `{{printf "%q" .value}} は読めません。1000 や ¥1,000 のような円単位の金額を書いてください`,
	},
	"spec.param.ratio": {
		EN: `{{printf "%q" .value}}: want a positive multiplier like 1.8 or 180%`,
		JA: `{{printf "%q" .value}} は読めません。1.8 や 180% のような正の倍率を書いてください`,
	},
}
