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
	"cli.state.no-home": {
		EN: "no state folder: no home directory; name one with --state",
		JA: "状態フォルダーがありません(ホームディレクトリがありません)。--state で指定してください",
	},
}
