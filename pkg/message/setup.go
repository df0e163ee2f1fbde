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
		EN: "{{.path}} already has a mail: section; edit it by hand, or run init with --force to replace the file (the old one is kept as {{.base}}.bak)",
		JA: "{{.path}} にはすでに mail: の設定があります。手で編集するか、init に --force を付けてファイルを置き換えてください(元のファイルは {{.base}}.bak に残ります)",
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
