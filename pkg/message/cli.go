package message

// What the commands themselves say (internal/cli): the lines of rules
// check, the headings of formats and detect, and the command line's own
// problems. path, file, n and the counts are as the keys name them.

func init() { add(commandEntries) }

var commandEntries = map[string]Entry{
	"cli.rules.no-config": {
		EN: "no config at {{.path}}: the built-in rules run with their defaults",
		JA: "設定ファイル {{.path}} はありません: 組み込みのルールが既定の設定で動きます",
	},
	"cli.rules.ok": {
		EN: "{{.path}}: ok: {{.builtin}} built-in rules on, {{.user}} user rule(s), {{.cards}} card setting(s), {{.breaches}} extra breach(es)",
		JA: "{{.path}}: 問題ありません: 組み込みのルール {{.builtin}} 件が有効、ユーザールール {{.user}} 件、カードごとの設定 {{.cards}} 件、追加の情報漏えい {{.breaches}} 件",
	},

	// The headings of formats' and detect's tables.
	"cli.head.format":      {EN: "FORMAT", JA: "形式"},
	"cli.head.issuer":      {EN: "ISSUER", JA: "発行会社"},
	"cli.head.encodings":   {EN: "ENCODINGS", JA: "文字コード"},
	"cli.head.description": {EN: "DESCRIPTION", JA: "説明"},
	"cli.head.sample":      {EN: "SAMPLE", JA: "見本"},

	"cli.head.file":     {EN: "FILE", JA: "ファイル"},
	"cli.head.encoding": {EN: "ENCODING", JA: "文字コード"},
	"cli.head.period":   {EN: "PERIOD", JA: "期間"},
	"cli.head.charges":  {EN: "CHARGES", JA: "利用件数"},
	"cli.head.totals":   {EN: "TOTALS", JA: "合計の照合"},
	"cli.head.cards":    {EN: "CARDS", JA: "カード"},
	// A mail among the files: read by the notice layouts (scan), not a
	// statement format; kind is its container (eml, maildir, mbox).
	"cli.detect.mail":    {EN: "mail ({{.kind}})", JA: "メール({{.kind}})"},
	"cli.detect.unknown": {EN: "(unknown)", JA: "(不明)"},
	// A note on stderr: an input that held nothing to read, a line that is
	// no charge (note is said already in the user's language).
	"cli.note": {EN: "note: {{.note}}", JA: "注記: {{.note}}"},
	// The TOTALS column: how the file's control totals compare with its
	// charges (agree and unchecked count them).
	"cli.detect.totals.mismatch":  {EN: "MISMATCH", JA: "不一致"},
	"cli.detect.totals.missing":   {EN: "MISSING", JA: "合計行なし"},
	"cli.detect.totals.some":      {EN: "agree ({{.agree}}), unchecked ({{.unchecked}})", JA: "一致 ({{.agree}})、未照合 ({{.unchecked}})"},
	"cli.detect.totals.agree":     {EN: "agree ({{.agree}})", JA: "一致 ({{.agree}})"},
	"cli.detect.totals.unchecked": {EN: "unchecked", JA: "未照合"},
	"cli.detect.totals.none":      {EN: "none", JA: "なし"},

	"cli.imap.none": {
		EN: "the config has no imap: section, so there is no mailbox to read (see docs/notices.md)",
		JA: "設定ファイルに imap: の項目がないため、読むメールボックスがありません(docs/notices.md を参照)",
	},
	"cli.imap.ca-file": {
		EN: "imap: ca_file {{.path}}: {{.why}}",
		JA: "imap: ca_file {{.path}} を読めません: {{.why}}",
	},
	"cli.imap.ca-file.no-pem": {
		EN: "imap: ca_file {{.path}} holds no PEM certificate",
		JA: "imap: ca_file {{.path}} に PEM 形式の証明書がありません",
	},
	"cli.mail.no-config": {
		EN: "--mail: the config could not be read, so there is nowhere to send to",
		JA: "--mail: 設定ファイルを読めなかったため、メールの送り先がありません",
	},
	"cli.mail.no-section": {
		EN: "{{.flag}}: the config has no mail: section, so there is nowhere to send to",
		JA: "{{.flag}}: 設定ファイルに mail: の項目がないため、メールの送り先がありません",
	},
	"cli.config.no-path": {
		EN: "no config path (no home directory); name one with --config",
		JA: "設定ファイルの場所がありません(ホームディレクトリがありません)。--config で指定してください",
	},
	"cli.import.no-home": {
		EN: "no statements folder: no home folder to put ~/statements in",
		JA: "明細のフォルダーがありません(~/statements を作るホームディレクトリがありません)",
	},
	"cli.learn.nothing": {EN: "{{.path}}: nothing to add", JA: "{{.path}}: 追加する支払先はありません"},
	"cli.learn.added":   {EN: "{{.path}}: added {{.n}} payee(s)", JA: "{{.path}}: 支払先を {{.n}} 件追加しました"},
	"cli.allow.added": {
		EN: "{{.payee}} is now a known payee on every card ({{.path}}).",
		JA: "{{.payee}} をすべてのカードの既知の支払先にしました({{.path}})。",
	},
	"cli.allow.added-card": {
		EN: "{{.payee}} is now a known payee on cards matching {{.card}} ({{.path}}).",
		JA: "{{.payee}} を {{.card}} に当てはまるカードの既知の支払先にしました({{.path}})。",
	},
	"cli.state.no-home": {
		EN: "no state folder: no home directory; name one with --state",
		JA: "状態フォルダーがありません(ホームディレクトリがありません)。--state で指定してください",
	},

	// cardcheck ack (pkg/state's Verdict): what was recorded for each id,
	// and an id that is no finding with the open findings one a line. ids
	// is a list, several whether it has more than one, lookup why the
	// statements could not be checked ("" when they were), open how many
	// findings are open; rule is the rule's name, card the card's label.
	"ack.bad-id": {
		EN: "{{.id}} is not a finding id (12 hex digits, as scan prints them)",
		JA: "{{.id}} は検出の ID ではありません(scan が表示する 16 進数 12 桁です)",
	},
	"ack.mine": {
		EN: "acknowledged {{.id}}: {{.rule}}, {{.charges}} charge(s) from {{.date}} at {{.payee}} on {{.card}}",
		JA: "{{.id}} をご自身の利用として確認済みにしました: {{.rule}}、{{.date}} からの {{.payee}} の利用 {{.charges}} 件(カード: {{.card}})",
	},
	"ack.mine.unseen": {
		EN: "acknowledged {{.id}} (not seen by a mail run yet; it will be left out when a scan finds it)",
		JA: "{{.id}} をご自身の利用として確認済みにしました(メール送信の実行でまだ記録されていない検出です。スキャンで見つかったときに除外されます)",
	},
	"ack.fraud": {
		EN: "reported as not yours {{.id}}: {{.rule}}, {{.charges}} charge(s) from {{.date}} at {{.payee}} on {{.card}}",
		JA: "{{.id}} を身に覚えのない利用として記録しました: {{.rule}}、{{.date}} からの {{.payee}} の利用 {{.charges}} 件(カード: {{.card}})",
	},
	"ack.fraud.unseen": {
		EN: "reported as not yours {{.id}} (not seen by a mail run yet; it will be left out when a scan finds it)",
		JA: "{{.id}} を身に覚えのない利用として記録しました(メール送信の実行でまだ記録されていない検出です。スキャンで見つかったときに除外されます)",
	},
	"ack.unknown": {
		EN: "no finding has the {{if .several}}ids{{else}}id{{end}} {{.ids}}; nothing was acknowledged" +
			"{{with .lookup}} (the statements could not be checked: {{.}}){{end}}" +
			"{{if .open}}. The open findings are:{{else}}. There are no open findings: run cardcheck scan to see what it finds now{{end}}",
		JA: "ID {{.ids}} の検出はありません。何も記録していません{{with .lookup}}(明細を確認できませんでした: {{.}}){{end}}。" +
			"{{if .open}}未確認の検出は次のとおりです:{{else}}未確認の検出はありません。cardcheck scan で今の検出を確認してください{{end}}",
	},
	"ack.open": {
		EN: "{{.id}}  {{.date}}  {{.payee}}  {{.amount}}{{if gt .charges 1}} in {{.charges}} charges{{end}}  ({{.rule}})",
		JA: "{{.id}}  {{.date}}  {{.payee}}  {{.amount}}{{if gt .charges 1}}({{.charges}} 件){{end}}  ({{.rule}})",
	},
}
