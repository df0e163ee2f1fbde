package message

// `cardcheck mail test` (pkg/mailcheck): the test mail, and what each
// failure means and what to do. addr is host:port, host the server's name,
// user the login, source where the password comes from, where the config
// file, detail the system's or the server's own words.

func init() { add(mailTestEntries) }

var mailTestEntries = map[string]Entry{
	"mailtest.subject": {EN: "[cardcheck] test mail", JA: "[cardcheck] テストメール"},
	"mailtest.body": {
		EN: "This is cardcheck's test mail ({{.time}}).\n\n" +
			"It arrived, so cardcheck can send with these settings: alerts about suspicious charges will come the same way, to this address.\n" +
			"If it landed in a spam folder, add the sender to your contacts.",
		JA: "cardcheck のテストメールです({{.time}})。\n\n" +
			"このメールが届いたので、cardcheck は設定どおりに送信できます。不審な利用の通知も、このアドレスに同じ経路で届きます。\n" +
			"迷惑メールに振り分けられていたら、差出人を連絡先に登録してください。",
	},
	"mailtest.no-config": {
		EN: "{{.where}} has no mail: section: run `cardcheck init` to write one, or see docs/mail-and-cron.md.",
		JA: "{{.where}} に mail: の設定がありません。`cardcheck init` で作るか、docs/mail-and-cron.md を見てください。",
	},
	"mailtest.password": {
		EN: "The SMTP password could not be read: {{.detail}}.",
		JA: "SMTP のパスワードを読めません: {{.detail}}。",
	},
	"mailtest.dns": {
		EN: "The mail server {{.host}} was not found (DNS: {{.detail}}). Check mail.host for a typing mistake, and that this machine is online.",
		JA: "メールサーバー {{.host}} が見つかりません(DNS: {{.detail}})。mail.host の綴りと、このマシンがネットワークにつながっているかを確認してください。",
	},
	"mailtest.refused": {
		EN: "Nothing answers at {{.addr}}: the connection was refused. Check mail.port (usually 587 for starttls, 465 for implicit) and that the server is running.",
		JA: "{{.addr}} に接続できません(接続拒否)。mail.port(通常 starttls は 587、implicit は 465)と、サーバーが動いているかを確認してください。",
	},
	"mailtest.timeout": {
		EN: "{{.addr}} did not answer in time. Check mail.host and mail.port; some networks block outgoing mail ports (587, 465): try the other one, or another network.",
		JA: "{{.addr}} から時間内に応答がありません。mail.host と mail.port を確認してください。送信ポート(587、465)を遮断するネットワークもあります。もう一方のポートか、別のネットワークを試してください。",
	},
	"mailtest.no-starttls": {
		EN: "{{.addr}} does not offer STARTTLS, so cardcheck did not send (it never sends card data in plain text). If the server speaks TLS from the start, set tls: implicit (usually port 465).",
		JA: "{{.addr}} は STARTTLS に対応していないため、送信しませんでした(カード情報を暗号化なしでは送りません)。最初から TLS で話すサーバーなら tls: implicit(通常ポート 465)にしてください。",
	},
	"mailtest.tls-mode": {
		EN: "{{.addr}} did not answer in TLS. tls: implicit needs a server that speaks TLS from the start (usually port 465); for port 587 use tls: starttls.",
		JA: "{{.addr}} が TLS で応答しません。tls: implicit は最初から TLS で話すサーバー(通常ポート 465)用です。ポート 587 なら tls: starttls にしてください。",
	},
	"mailtest.certificate.authority": {
		EN: "The certificate of {{.addr}} is not signed by an authority this machine trusts: the server has a private or self-signed certificate, or something between you and it answers in its place. If the server is yours, set mail.ca_file to its CA certificate.",
		JA: "{{.addr}} の証明書は、このマシンが信頼する認証局の署名がありません。独自の証明書や自己署名の証明書のサーバーか、途中で別の何かが応答しています。自分のサーバーなら mail.ca_file にその CA 証明書を指定してください。",
	},
	"mailtest.certificate.host": {
		EN: "The certificate of {{.addr}} is valid, but for {{.names}}, not for {{.host}}: set mail.host to the name the certificate is for (the provider's documented server name).",
		JA: "{{.addr}} の証明書は有効ですが、{{.host}} ではなく {{.names}} のものです。mail.host を証明書の名前(プロバイダーが案内するサーバー名)にしてください。",
	},
	"mailtest.certificate.expired": {
		EN: "The certificate of {{.addr}} is valid from {{.from}} to {{.to}}, {{if .early}}not yet{{else}}and has expired{{end}}: the server's administrator must renew it{{if .early}} (or this machine's clock is wrong){{end}}. cardcheck does not send over a connection it cannot verify.",
		JA: "{{.addr}} の証明書の有効期間は {{.from}} から {{.to}} まで{{if .early}}で、まだ有効になっていません{{else}}で、期限が切れています{{end}}。サーバーの管理者が証明書を更新する必要があります{{if .early}}(またはこのマシンの時計がずれています){{end}}。cardcheck は検証できない接続では送信しません。",
	},
	"mailtest.auth": {
		EN: "{{.addr}} refused the login of {{.user}}. Check mail.user and the password ({{.source}}); Gmail, iCloud and most providers need an app password made for cardcheck, not your usual password.",
		JA: "{{.addr}} が {{.user}} のログインを拒否しました。mail.user とパスワード({{.source}})を確認してください。Gmail や iCloud などでは、普段のパスワードではなく cardcheck 用に作ったアプリ パスワードが必要です。",
	},
	"mailtest.relay.to": {
		EN: "{{.addr}} refused a recipient (mail.to): {{.detail}}. Many servers send only from your own address, and only after a login: set mail.from to the account's address and mail.user to its login.",
		JA: "{{.addr}} が宛先(mail.to)を拒否しました: {{.detail}}。多くのサーバーは、ログインしたうえで自分のアドレスからしか送れません。mail.from をアカウントのアドレスに、mail.user をそのログイン名にしてください。",
	},
	"mailtest.relay.from": {
		EN: "{{.addr}} refused the sender (mail.from): {{.detail}}. Many servers send only from your own address, and only after a login: set mail.from to the account's address and mail.user to its login.",
		JA: "{{.addr}} が差出人(mail.from)を拒否しました: {{.detail}}。多くのサーバーは、ログインしたうえで自分のアドレスからしか送れません。mail.from をアカウントのアドレスに、mail.user をそのログイン名にしてください。",
	},
	"mailtest.other": {
		EN: "The test mail could not be sent through {{.addr}}: {{.detail}}",
		JA: "{{.addr}} 経由でテストメールを送れませんでした: {{.detail}}",
	},
}
