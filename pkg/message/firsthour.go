package message

// The first hour: `cardcheck init`'s questions and what it says after, the
// schedule it prints, `mail test`'s success, `import`'s summary. path, dir,
// downloads and backup are files and folders; to the recipients; addr the
// server as host:port; hint and page a provider's password advice.

func init() { add(firstHourEntries) }

var firstHourEntries = map[string]Entry{
	// init's questions (pkg/setup.Interview).
	"init.q.lang":       {EN: "Language for reports and mail", JA: "レポートとメールの言語"},
	"init.q.statements": {EN: "Folder to keep your statements in (import files them there, scan reads it)", JA: "明細を保管するフォルダー(import がここに整理し、scan が読みます)"},
	"init.q.downloads":  {EN: "Folder you download statements to (the schedule imports from it)", JA: "明細をダウンロードするフォルダー(定期実行でここから取り込みます)"},
	"init.q.provider":   {EN: "Send the mail through", JA: "メールの送信に使うサービス"},
	"init.custom":       {EN: "another SMTP server (custom)", JA: "その他の SMTP サーバー(custom)"},
	"init.q.host":       {EN: "SMTP server (such as smtp.example.com)", JA: "SMTP サーバー(smtp.example.com など)"},
	"init.q.tls":        {EN: "Encryption", JA: "暗号化"},
	"init.tls.starttls": {EN: "STARTTLS (usually port 587)", JA: "STARTTLS(通常はポート 587)"},
	"init.tls.implicit": {EN: "TLS from the start (usually port 465)", JA: "最初から TLS(通常はポート 465)"},
	"init.tls.none":     {EN: "none (only to a relay on this machine)", JA: "なし(このマシン上の中継サーバーだけ)"},
	"init.q.port":       {EN: "Port", JA: "ポート"},
	"init.q.from":       {EN: "Your mail address (the alerts are sent from it)", JA: "送信元のメールアドレス"},
	"init.q.to":         {EN: "Send the alerts to (several: separate them with commas)", JA: "通知の送り先(複数ならカンマ区切り)"},
	"init.password-hint": {
		EN: "The password is {{.hint}}. Make it at {{.page}}",
		JA: "パスワードは{{.hint}}。作成はこちら: {{.page}}",
	},
	"init.q.password":     {EN: "Password (not shown as you type)", JA: "パスワード(入力は表示されません)"},
	"init.choose-again":   {EN: "Please answer with a number from 1 to {{.last}}.", JA: "1 から {{.last}} の番号で答えてください。"},
	"init.not-an-address": {EN: "{{.answer}} is not a mail address (name@example.com).", JA: "{{.answer}} はメールアドレスではありません(name@example.com の形です)。"},
	"init.no-answer": {
		EN: "init needs an answer the input did not give: give it as a flag ({{.flags}}), or run init in a terminal",
		JA: "init に必要な回答が入力にありません。フラグ({{.flags}})で指定するか、端末で init を実行してください",
	},
	"init.password-stdin": {
		EN: "--password-stdin: the first line of the input must be the password",
		JA: "--password-stdin: 入力の1行目にパスワードを書いてください",
	},

	// What init did.
	"init.wrote":    {EN: "Wrote {{.path}} (only you can read it).", JA: "{{.path}} を書き込みました(あなただけが読めます)。"},
	"init.appended": {EN: "Added the settings to {{.path}}; the rest of it is as it was.", JA: "{{.path}} に設定を追加しました。ほかの部分はそのままです。"},
	"init.replaced": {
		EN: "Replaced the mail settings (and statements and lang, when given) in {{.path}}; your cards, payees, rules and comments are as they were. The old file is {{.backup}}.",
		JA: "{{.path}} のメール設定(指定があれば statements と lang も)を置き換えました。カード、支払先、ルール、コメントはそのままです。元のファイルは {{.backup}} です。",
	},
	"init.password":  {EN: "Wrote the password to {{.path}} (only you can read it).", JA: "パスワードを {{.path}} に書き込みました(あなただけが読めます)。"},
	"init.testing":   {EN: "Sending a test mail to {{.to}} through {{.addr}}…", JA: "{{.addr}} 経由で {{.to}} にテストメールを送ります…"},
	"init.test-fail": {EN: "Fix this, then run `cardcheck mail test` again (the config is written).", JA: "これを直してから、もう一度 `cardcheck mail test` を実行してください(設定ファイルは書き込み済みです)。"},
	"init.next":      {EN: "Next:", JA: "次に:"},
	"init.next.import": {
		EN: "1. Download your card statements (CSV) to {{.downloads}} and file them: cardcheck import {{.downloads}}",
		JA: "1. カードの明細(CSV)を {{.downloads}} にダウンロードして、取り込みます: cardcheck import {{.downloads}}",
	},
	"init.next.scan": {EN: "2. Check them: cardcheck scan", JA: "2. 確認します: cardcheck scan"},
	"init.next.cron": {
		EN: "3. Let it run by itself: crontab -e, and add these lines (cardcheck installs nothing by itself):",
		JA: "3. 自動で実行するには crontab -e で次の行を追加します(cardcheck が自分で登録することはありません):",
	},
	"init.next.systemd": {
		EN: "Or, with a systemd user timer, save these two files and run: systemctl --user enable --now cardcheck.timer",
		JA: "systemd のユーザータイマーを使うなら、次の2つのファイルを保存して systemctl --user enable --now cardcheck.timer を実行します",
	},

	// The schedule (pkg/setup.Schedule).
	"schedule.cron.head":    {EN: "cardcheck: file new statements, then mail new suspicious charges once; errors go to cron's mail.", JA: "cardcheck: 新しい明細を取り込み、新たな不審な利用を一度だけメールします。エラーは cron のメールに届きます。"},
	"schedule.cron.weekly":  {EN: "Every Monday at 08:30.", JA: "毎週月曜 8時30分。"},
	"schedule.cron.monthly": {EN: "The 12th of every month at 08:00, with an all-clear when nothing is new.", JA: "毎月12日 8時。新しいものがなければ「異常なし」を送ります。"},
	"schedule.unit.service": {EN: "cardcheck: file new statements and mail new suspicious charges", JA: "cardcheck: 新しい明細を取り込み、新たな不審な利用をメールする"},
	"schedule.unit.exit":    {EN: "1 means findings are open, not that the job failed; 2 stays a failure.", JA: "1 は未確認の検出があるという意味で、失敗ではありません。2 は失敗です。"},
	"schedule.unit.timer":   {EN: "cardcheck every Monday morning", JA: "cardcheck を毎週月曜の朝に実行"},

	// `cardcheck mail test`.
	"mail.sent": {
		EN: "Sent a test mail to {{.to}} through {{.addr}}. Look for \"[cardcheck] test mail\" in the inbox, or the spam folder.",
		JA: "{{.addr}} 経由で {{.to}} にテストメールを送りました。受信トレイ(または迷惑メールフォルダー)で「[cardcheck] テストメール」を確認してください。",
	},

	// `cardcheck import`'s last line.
	"import.summary": {
		EN: "{{.dir}}: {{.added}} added, {{.replaced}} replaced, {{.unchanged}} unchanged{{if .kept}}, {{.kept}} older download(s) left out{{end}}; " +
			"{{plural .ignored \"other file\"}} ignored{{if .failed}}, {{.failed}} failed{{end}}.",
		JA: "{{.dir}}: 追加 {{.added}}件、置き換え {{.replaced}}件、変更なし {{.unchanged}}件{{if .kept}}、古いダウンロード {{.kept}}件は除外{{end}}。" +
			"ほかのファイル {{.ignored}}件は対象外{{if .failed}}、失敗 {{.failed}}件{{end}}。",
	},
	"import.verbose-hint": {
		EN: "(--verbose lists every file, the ignored ones too)",
		JA: "(--verbose で対象外のファイルも含めてすべて表示します)",
	},
}

func init() { add(summaryEntries) }

// The verdict of a scan that checked nothing (pkg/report): errors counts the
// input errors (the nothing-read error among them), read the charges read,
// cards the cards.
var summaryEntries = map[string]Entry{
	"summary.nothing-read": {
		EN: "Read no charges, so nothing was checked{{if gt .errors 1}}; {{.errors}} input errors, see above{{end}}.",
		JA: "利用を1件も読み込めなかったため、何も確認していません{{if gt .errors 1}}。読み込めなかった入力が{{.errors}}件あります（上記）{{end}}。",
	},
	"summary.none-in-window": {
		EN: "Checked no charges: {{plural .read \"charge\"}} read on {{plural .cards \"card\"}}, none of them in the checked window (--since).",
		JA: "確認した利用はありません: カード{{.cards}}枚の利用{{.read}}件を読み込みましたが、確認の対象期間（--since）に入るものはありません。",
	},
}

func init() { add(mailNothingEntries) }

// The mail of a run that checked no charge (--mail-always): never an
// all-clear.
var mailNothingEntries = map[string]Entry{
	"mail.nothing-checked": {
		EN: "cardcheck checked no charges this time, so this is not an all-clear: it read no statement, or none with charges in the checked window. The errors below say why; download the statements and run cardcheck import.",
		JA: "今回 cardcheck は利用を1件も確認できませんでした。「異常なし」ではありません。明細を読み込めなかったか、確認期間の利用がありません。理由は下のエラーのとおりです。明細をダウンロードして cardcheck import を実行してください。",
	},
	"mail.nothing-checked.subject": {
		EN: "Nothing checked: no charges read",
		JA: "確認できた利用がありません",
	},
}

func init() { add(scanEntries) }

// scan's own problems: dir is the statements folder.
var scanEntries = map[string]Entry{
	"scan.no-statements": {
		EN: "no PATH given, and there is no statements folder at {{.dir}}: file your downloads there with cardcheck import, set statements: in the config (cardcheck init), or give a PATH",
		JA: "PATH が指定されておらず、明細のフォルダー {{.dir}} もありません。cardcheck import でダウンロードした明細を取り込むか、設定ファイルに statements: を書く(cardcheck init)か、PATH を指定してください",
	},
}

func init() { add(cliEntries) }

// Usage mistakes (internal/cli): flag is a flag as typed, near the one
// meant ("" for none), cmd the command's path, value and detail a bad
// value and why, name and args a command and the number of arguments.
var cliEntries = map[string]Entry{
	"cli.unknown-flag": {
		EN: "unknown flag: {{.flag}}{{if .near}}; did you mean {{.near}}?{{else}}\nRun '{{.cmd}} --help' for usage.{{end}}",
		JA: "{{.flag}} というフラグはありません{{if .near}}。{{.near}} のことですか?{{else}}\n使い方は '{{.cmd}} --help' で表示されます。{{end}}",
	},
	"cli.flag-needs-value": {
		EN: "flag needs an argument: {{.flag}}\nRun '{{.cmd}} --help' for usage.",
		JA: "{{.flag}} には値が必要です\n使い方は '{{.cmd}} --help' で表示されます。",
	},
	"cli.flag-invalid": {
		EN: "invalid argument {{printf \"%q\" .value}} for {{.flag}}{{with .detail}}: {{.}}{{end}}",
		JA: "{{.flag}} の値 {{printf \"%q\" .value}} は使えません{{with .detail}}: {{.}}{{end}}",
	},
	"cli.usage": {
		EN: "{{.err}}\nRun '{{.cmd}} --help' for usage.",
		JA: "{{.err}}\n使い方は '{{.cmd}} --help' で表示されます。",
	},
	"cli.unknown-command": {
		EN: "unknown command {{printf \"%q\" .name}} for {{printf \"%q\" .cmd}}{{with .near}}; did you mean {{.}}?{{end}}",
		JA: "{{.cmd}} に {{printf \"%q\" .name}} というコマンドはありません{{with .near}}。{{.}} のことですか?{{end}}",
	},
	"cli.args.at-least": {
		EN: "{{.cmd}} needs at least {{plural .want \"argument\"}}, and got {{.got}}\nRun '{{.cmd}} --help' for usage.",
		JA: "{{.cmd}} には引数が{{.want}}個以上必要です(指定は{{.got}}個)\n使い方は '{{.cmd}} --help' で表示されます。",
	},
	"cli.args.none": {
		EN: "{{.cmd}} takes no arguments, and got {{.got}}\nRun '{{.cmd}} --help' for usage.",
		JA: "{{.cmd}} は引数を取りません(指定は{{.got}}個)\n使い方は '{{.cmd}} --help' で表示されます。",
	},
}

func init() {
	add(map[string]Entry{
		"cli.args.exact": {
			EN: "{{.cmd}} takes {{plural .want \"argument\"}}, and got {{.got}}\nRun '{{.cmd}} --help' for usage.",
			JA: "{{.cmd}} の引数は{{.want}}個です(指定は{{.got}}個)\n使い方は '{{.cmd}} --help' で表示されます。",
		},
		"cli.args.at-most": {
			EN: "{{.cmd}} takes at most {{plural .want \"argument\"}}, and got {{.got}}\nRun '{{.cmd}} --help' for usage.",
			JA: "{{.cmd}} の引数は{{.want}}個までです(指定は{{.got}}個)\n使い方は '{{.cmd}} --help' で表示されます。",
		},
	})
}
