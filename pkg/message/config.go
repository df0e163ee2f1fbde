package message

// What is wrong in a config file (pkg/yamlfile, pkg/config); the file, line
// and column come before it. key is a key as written, near the key meant
// ("" for none), keys the keys allowed there, kind a term config.kind.*,
// detail the YAML parser's own words, size and max byte or value counts.

func init() { add(configEntries) }

var configEntries = map[string]Entry{
	"config.too-large": {
		EN: "the file is {{.size}} bytes, more than the {{.max}} a config may be; is it the right file?",
		JA: "ファイルが {{.size}} バイトあり、設定ファイルの上限 {{.max}} バイトを超えています。正しいファイルですか?",
	},
	"config.aliases": {
		EN: "its aliases (*name) expand to more than {{.max}} values; a config needs far fewer, so the file is refused",
		JA: "エイリアス(*name)を展開すると {{.max}} 個を超える値になります。設定ファイルにはずっと少なくて足りるので、このファイルは読みません",
	},
	"config.tab": {EN: "indent with spaces, not tabs", JA: "字下げにはタブではなくスペースを使ってください"},
	"config.misaligned": {
		EN: "this line does not line up with the ones above it: indent it like the other keys at its level " +
			`(and put a value that holds ": " in quotes)`,
		JA: `この行の字下げが上の行とそろっていません。同じ階層のほかのキーと同じだけ字下げしてください(": " を含む値は引用符で囲みます)`,
	},
	"config.want-key-value": {
		EN: `want "key: value" here (is the colon, or the space after it, missing?)`,
		JA: `ここには "キー: 値" を書きます(コロンか、その後のスペースが抜けていませんか?)`,
	},
	"config.unclosed": {
		EN: "{{.detail}} (a bracket or quote is not closed)",
		JA: "括弧か引用符が閉じていません(YAML: {{.detail}})",
	},
	"config.syntax": {EN: "{{.detail}}", JA: "YAML として読めません: {{.detail}}"},
	"config.unknown-key": {
		EN: `unknown key {{printf "%q" .key}}{{with .near}}; did you mean {{printf "%q" .}}?{{end}}{{with .keys}} (the keys here are {{.}}){{end}}`,
		JA: `{{printf "%q" .key}} というキーはありません{{with .near}}。{{printf "%q" .}} のことですか?{{end}}{{with .keys}}(ここで使えるキー: {{.}}){{end}}`,
	},
	"config.want":         {EN: "want {{.kind}}", JA: "ここには{{.kind}}を書きます"},
	"config.kind.number":  {EN: "a whole number", JA: "整数"},
	"config.kind.bool":    {EN: "true or false", JA: "true か false"},
	"config.kind.text":    {EN: "text (put it in quotes)", JA: "文字列(引用符で囲みます)"},
	"config.kind.list":    {EN: `a list, like [a, b] or lines starting with "- "`, JA: `リスト([a, b] や "- " で始まる行)`},
	"config.kind.mapping": {EN: "a mapping of keys to values (key: value, indented)", JA: "キーと値の対応(字下げした key: value)"},

	// pkg/config: sections the config's sections; name a format's name.
	"config.want-sections": {
		EN: "want a mapping of sections ({{.sections}})",
		JA: "セクション({{.sections}})の対応を書きます",
	},
	"config.twice":         {EN: "{{.key}}: written twice; keep one", JA: "{{.key}}: 2回書かれています。1つにしてください"},
	"config.formats.list":  {EN: "formats: want a list of formats (- name: …)", JA: "formats: 形式のリスト(- name: …)を書きます"},
	"config.formats.twice": {EN: `format {{printf "%q" .name}} declared twice`, JA: `形式 {{printf "%q" .name}} が2回定義されています`},
	"config.formats.error": {EN: `format {{printf "%q" .name}}: {{.detail}}`, JA: `形式 {{printf "%q" .name}}: {{.detail}}`},
	"config.one-value":     {EN: "{{.key}}: want one value, not a list or a mapping", JA: "{{.key}}: リストや対応ではなく、値を1つ書きます"},
	"config.statements":    {EN: "statements: want the folder that holds your statements, such as ~/statements", JA: "statements: 明細を置くフォルダー(~/statements など)を書きます"},
}

func init() { add(configMailEntries) }

// The routine's keys and the mail: and imap: sections (pkg/config): value a
// value as written, port a port number, host the server, tls the tls:
// value, key and address a mail address and where, what SMTP or IMAP, user
// a login.
var configMailEntries = map[string]Entry{
	"config.lang": {EN: `lang: language {{printf "%q" .value}}: want ja or en`, JA: `lang: {{printf "%q" .value}} という言語はありません。ja か en を書きます`},
	"config.port": {EN: "port {{.port}}: want 1 to 65535", JA: "port {{.port}}: 1 から 65535 を書きます"},
	"config.mail.host": {
		EN: "mail needs host: the SMTP server's name or address",
		JA: "mail には host: (SMTP サーバーの名前かアドレス)が必要です",
	},
	"config.mail.tls-none-host": {
		EN: `tls: none sends in plain text and is allowed only to a loopback address (localhost, 127.0.0.1, ::1), not {{printf "%q" .host}}; use starttls or implicit`,
		JA: `tls: none は暗号化せずに送るため、このマシン自身のアドレス(localhost、127.0.0.1、::1)にだけ使えます。{{printf "%q" .host}} には starttls か implicit を使ってください`,
	},
	"config.mail.tls-none-user": {
		EN: "tls: none sends no login (a relay on this machine takes mail without one): remove user and the password setting, or use starttls or implicit with a login",
		JA: "tls: none ではログインしません(このマシン上の中継サーバーはログインなしで受け付けます)。user とパスワードの設定を消すか、starttls か implicit でログインしてください",
	},
	"config.mail.tls": {
		EN: `tls {{printf "%q" .tls}}: want starttls (the default), implicit, or none (plain SMTP to a loopback address only)`,
		JA: `tls {{printf "%q" .tls}}: starttls(既定)、implicit、none(このマシン自身への暗号化なしの SMTP だけ)のどれかを書きます`,
	},
	"config.mail.from": {EN: "mail needs from: the sender's address", JA: "mail には from: (送信元のアドレス)が必要です"},
	"config.mail.to":   {EN: "mail needs to: one or more recipients", JA: "mail には to: (1つ以上の送り先)が必要です"},
	"config.mail.address": {
		EN: `{{.key}} {{printf "%q" .address}}: {{.detail}}`,
		JA: `{{.key}} {{printf "%q" .address}} はメールアドレスとして読めません({{.detail}})`,
	},
	"config.password-written": {
		EN: "the {{.what}} password must not be written in the config: put it in an environment variable named by password_env, or in a file (mode 600) named by password_file",
		JA: "{{.what}} のパスワードは設定ファイルに書かないでください。password_env で名前を指定する環境変数か、password_file で指定するファイル(モード 600)に置いてください",
	},
	"config.password-env": {
		EN: "password_env takes the name of an environment variable (letters, digits and _, such as CARDCHECK_SMTP_PASSWORD), and this is none; " +
			"its value is not shown, in case it is the password: put the password in a variable or a file (password_file)",
		JA: "password_env には環境変数の名前(英字・数字・_ 、たとえば CARDCHECK_SMTP_PASSWORD)を書きますが、これは名前ではありません。" +
			"パスワードかもしれないので値は表示しません。パスワードは環境変数かファイル(password_file)に置いてください",
	},
	"config.password-both": {EN: "set password_env or password_file, not both", JA: "password_env と password_file はどちらか一方だけにしてください"},
	"config.password-missing": {
		EN: `user {{printf "%q" .user}} needs a password: set password_env (an environment variable's name) or password_file`,
		JA: `user {{printf "%q" .user}} にはパスワードが必要です。password_env(環境変数の名前)か password_file を設定してください`,
	},
	"config.password-no-user": {EN: "a password is set but no user", JA: "パスワードが設定されていますが、user がありません"},
}

func init() { add(configNoticeEntries) }

// The notices: and imap: sections and the passwords (pkg/config): id an
// authserv-id as written, path a file, detail why it could not be read
// (file.* or the system's words), section mail or imap, mode a file's
// permissions (0644); the password's errors come after "mail: " or
// "imap: " (section).
var configNoticeEntries = map[string]Entry{
	"config.read": {EN: "reading the config {{.path}}: {{.detail}}", JA: "設定ファイル {{.path}} を読めません: {{.detail}}"},
	"config.stale-after": {
		EN: `stale_after: {{printf "%q" .value}}: want a number of days like 1d, 7d, 2w or 1y, or off`,
		JA: `stale_after: {{printf "%q" .value}} は読めません。45d、6w、1y のような日数か、off を書きます`,
	},
	"config.notices.authserv-id": {
		EN: `authserv_ids: {{printf "%q" .id}} is not a server's authserv-id (a name such as mx.google.com)`,
		JA: `authserv_ids: {{printf "%q" .id}} はサーバーの authserv-id(mx.google.com のような名前)ではありません`,
	},
	"config.notices.keys-file": {
		EN: "dkim_keys_file {{.path}}: {{.detail}}",
		JA: "dkim_keys_file {{.path}} を読めません: {{.detail}}",
	},
	"dkim.record": {
		EN: `line {{.line}}: want NAME._domainkey.DOMAIN. IN TXT "v=DKIM1; …"`,
		JA: `{{.line}}行目: NAME._domainkey.DOMAIN. IN TXT "v=DKIM1; …" の形で書きます`,
	},
	"config.notices.key": {
		EN: `dkim_keys: want one record, NAME._domainkey.DOMAIN. IN TXT "v=DKIM1; …"`,
		JA: `dkim_keys: レコードを1つずつ、NAME._domainkey.DOMAIN. IN TXT "v=DKIM1; …" の形で書きます`,
	},
	"config.notices.card": {
		EN: "a card binding needs notice: (a part of the card's name in the notices) and statement: (a part of the statement card's label)",
		JA: "カードの対応づけには notice:(利用通知に書かれたカード名の一部)と statement:(明細のカード表示の一部)の両方が必要です",
	},
	"config.imap.host": {
		EN: "imap needs host: the IMAP server's name or address",
		JA: "imap には host: (IMAP サーバーの名前かアドレス)が必要です",
	},
	"config.imap.tls": {
		EN: `tls {{printf "%q" .tls}}: want implicit (the default, port 993) or starttls (port 143); cardcheck never reads mail without TLS`,
		JA: `tls {{printf "%q" .tls}}: implicit(既定、ポート 993)か starttls(ポート 143)を書きます。cardcheck は TLS なしではメールを読みません`,
	},
	"config.imap.user": {EN: "imap needs user: the mailbox's login", JA: "imap には user: (メールボックスのログイン名)が必要です"},
	"config.imap.mailbox": {
		EN: `mailbox {{printf "%q" .mailbox}}: a folder's name is one line`,
		JA: `mailbox {{printf "%q" .mailbox}}: フォルダー名は1行で書きます`,
	},

	"config.password.env-unset": {
		EN: "the environment variable that {{.section}}.password_env names is not set (cron and systemd start programs with few variables; " +
			"password_env holds a variable's name, such as CARDCHECK_SMTP_PASSWORD, never the password)",
		JA: "{{.section}}.password_env で指定した環境変数が設定されていません(cron や systemd は少しの環境変数だけでプログラムを動かします。" +
			"password_env には CARDCHECK_SMTP_PASSWORD のような変数の名前を書き、パスワードそのものは書きません)",
	},
	"config.password.file": {
		EN: "password file {{.path}}: {{.detail}}",
		JA: "パスワードファイル {{.path}} を読めません: {{.detail}}",
	},
	"config.password.file-open": {
		EN: "password file {{.path}} can be read by others (mode {{.mode}}); chmod 600 it",
		JA: "パスワードファイル {{.path}} はほかの人も読めます(モード {{.mode}})。chmod 600 してください",
	},
	"config.password.file-empty": {
		EN: "password file {{.path}} is empty",
		JA: "パスワードファイル {{.path}} が空です",
	},
	"config.password.file-lines": {
		EN: "password file {{.path}} has more than one line",
		JA: "パスワードファイル {{.path}} に2行以上あります。パスワードだけを1行で書いてください",
	},
	"config.password.none": {
		EN: "user is set but neither password_env nor password_file is",
		JA: "user が設定されていますが、password_env も password_file もありません",
	},
}
