package message

// cardcheck init's answers that cannot be used, and its refusals (pkg/setup).
// Flags are named as the command takes them; host, port, tls, from, to,
// user, answer, provider, known, path and base are the answers and files.

func init() { add(setupEntries) }

var setupEntries = map[string]Entry{
	"setup.utf8": {
		EN: "an answer is not valid text (UTF-8): {{.answer}}",
		JA: "回答に文字として読めないバイトがあります(UTF-8 ではありません): {{.answer}}",
	},
	"setup.provider.unknown": {
		EN: "unknown mail provider {{.provider}}: want one of {{.known}}",
		JA: "メールのプロバイダー {{.provider}} は知りません。{{.known}} のどれかを指定してください",
	},
	"setup.host.missing": {
		EN: "a custom server needs --host (the SMTP server's name)",
		JA: "custom のサーバーには --host(SMTP サーバーの名前)が必要です",
	},
	"setup.host.bad": {
		EN: "--host {{.host}}: want a server name such as smtp.example.com, without a scheme or a path",
		JA: "--host {{.host}}: smtp.example.com のようなサーバー名を、https:// やパスを付けずに指定してください",
	},
	"setup.port.bad": {
		EN: "--port {{.port}}: want 1 to 65535",
		JA: "--port {{.port}}: 1 から 65535 の番号を指定してください",
	},
	"setup.tls.none-remote": {
		EN: "--tls none sends card data in plain text and is allowed only to this machine (localhost, 127.0.0.1, ::1), not {{.host}}: use starttls or implicit",
		JA: "--tls none はカード情報を暗号化せずに送るため、このマシン(localhost、127.0.0.1、::1)にだけ使えます。{{.host}} には starttls か implicit を使ってください",
	},
	"setup.tls.bad": {
		EN: "--tls {{.tls}}: want starttls, implicit or none (plain SMTP to this machine only)",
		JA: "--tls {{.tls}}: starttls、implicit、none(このマシンへの暗号化なしの SMTP だけ)のどれかを指定してください",
	},
	"setup.from.bad": {
		EN: "--from {{.from}}: want an address such as you@example.com",
		JA: "--from {{.from}}: you@example.com のようなメールアドレスを指定してください",
	},
	"setup.to.bad": {
		EN: "--to {{.to}}: want an address such as you@example.com",
		JA: "--to {{.to}}: you@example.com のようなメールアドレスを指定してください",
	},
	"setup.password.twice": {
		EN: "give the password one way: typed (written to {{.file}}), --password-env or --password-file",
		JA: "パスワードは一つの方法で指定してください: 入力({{.file}} に保存)、--password-env、--password-file のどれか",
	},
	"setup.password.missing": {
		EN: "the login {{.user}} needs a password: typed, --password-env VARIABLE or --password-file FILE",
		JA: "ログイン {{.user}} にはパスワードが必要です: 入力するか、--password-env 変数名 か --password-file ファイル で指定してください",
	},
	"setup.password.linebreak": {
		EN: "the password has a line break in it",
		JA: "パスワードに改行が含まれています",
	},
	"setup.exists": {
		EN: "{{.path}} already has a mail: section; edit it by hand, or run init with --force to replace its mail: section " +
			"(and statements: and lang: when you give them; the rest stays as it is, and the old file is kept as {{.base}}.bak)",
		JA: "{{.path}} にはすでに mail: の設定があります。手で編集するか、init に --force を付けて mail: の設定を置き換えてください" +
			"(statements: と lang: も指定すれば置き換えます。ほかはそのまま残り、元のファイルは {{.base}}.bak に保存されます)",
	},
	"setup.unreadable": {
		EN: "{{.path}} exists and cannot be read as a config, so init leaves it alone; fix it first (cardcheck rules check --config {{.path}})",
		JA: "{{.path}} は設定ファイルとして読めないため、init は変更しません。先に直してください(cardcheck rules check --config {{.path}})",
	},
}

func init() { add(setupRoutineEntries) }

var setupRoutineEntries = map[string]Entry{
	"setup.statements.bad": {
		EN: "--statements {{.dir}}: want a folder name on one line",
		JA: "--statements {{.dir}}: フォルダー名を1行で指定してください",
	},
}

func init() { add(setupFileEntries) }

// init's files (pkg/setup): path a file or folder, detail why it could not
// be read or written (file.* or the system's words), max a byte count.
var setupFileEntries = map[string]Entry{
	"setup.no-config-path": {
		EN: "no config path: set --config, or HOME or XDG_CONFIG_HOME",
		JA: "設定ファイルの場所が決まりません。--config を指定するか、HOME か XDG_CONFIG_HOME を設定してください",
	},
	"setup.read":           {EN: "reading {{.path}}: {{.detail}}", JA: "{{.path}} を読めません: {{.detail}}"},
	"setup.write":          {EN: "writing {{.path}}: {{.detail}}", JA: "{{.path}} に書き込めません: {{.detail}}"},
	"setup.password.write": {EN: "writing the password file {{.path}}: {{.detail}}", JA: "パスワードファイル {{.path}} に書き込めません: {{.detail}}"},
	"setup.appeared": {
		EN: "{{.path}} appeared while init ran; nothing was written over it",
		JA: "init の実行中に {{.path}} ができました。上書きはしていません",
	},
	"setup.not-mapping": {
		EN: "{{.path}}: want a mapping of sections; edit the mail: section by hand",
		JA: "{{.path}}: セクションの対応になっていません。mail: の設定は手で編集してください",
	},
	"setup.keys-one-line": {
		EN: "{{.path}}: the top-level keys are not one per line; edit the mail: section by hand",
		JA: "{{.path}}: 最上位のキーが1行に1つずつになっていません。mail: の設定は手で編集してください",
	},
	"setup.invalid": {
		EN: "the config init would write is not valid (a bug in cardcheck init; nothing was written): {{.detail}}",
		JA: "init が書こうとした設定ファイルが正しくありません(cardcheck init の不具合です。何も書き込んでいません): {{.detail}}",
	},
	"setup.answer.long": {EN: "an answer longer than {{.max}} bytes", JA: "回答が {{.max}} バイトを超えています"},
}
