package message

// Usage-notice mails (pkg/notice, pkg/scan, pkg/report): what a scan says of
// the notices it read. issuer is the card company, at the moment of use
// (clock), mailed when the notice was sent (clock), after the span between
// them; status a term notice.status.*; card a card's label; reason why a
// mail is not the company's; name where a mail is; subject its subject.

func init() { add(noticeEntries) }

var noticeEntries = map[string]Entry{
	"notice.found": {
		EN: "known from {{.issuer}}'s usage notice {{.after}} after the charge (charge {{.at}}, notice mailed {{.mailed}}), not at the next statement",
		JA: "{{.issuer}}の利用通知により利用から{{.after}}後に判明（利用 {{.at}}、通知の送信 {{.mailed}}）。次の明細を待たずに検出できます",
	},
	"notice.heading.imitations": {
		EN: "Phishing: these mails imitate a card company's usage notice and were not sent by it; they are no charge. Do not open their links:",
		JA: "フィッシング: 次のメールはカード会社の利用通知を装っていますが、カード会社から送られたものではありません。利用として扱いません。リンクを開かないでください:",
	},
	"notice.imitation": {
		EN: "{{.name}}: phishing imitation of {{.issuer}}'s notice (subject “{{.subject}}”): {{.reason}}",
		JA: "{{.name}}: {{.issuer}}の利用通知を装ったフィッシング（件名「{{.subject}}」）: {{.reason}}",
	},
	"notice.mail.intro": {
		EN: "A mail that imitates a card company's usage notice came; it is phishing, and no charge:",
		JA: "カード会社の利用通知を装ったメールが届きました。フィッシングです。利用ではありません:",
	},
	"notice.mail.subject": {
		EN: "Phishing: a mail imitating {{.issuer}}'s usage notice",
		JA: "フィッシング: {{.issuer}}の利用通知を装ったメール",
	},
	"notice.heading.never-posted": {
		EN: "Notified, never on a statement (not checked as charges):",
		JA: "通知のみで明細に載らない利用（利用としては確認していません）:",
	},
	"notice.heading.unstated": {
		EN: "Cards known only from their usage notices (no statement given yet): checked with what the notices tell:",
		JA: "利用通知だけで分かるカード（明細はまだありません）。通知の内容だけで確認しました:",
	},
	"notice.summary": {
		EN: "{{plural .notices \"usage notice\"}} read: {{.matched}} found on a statement, {{.added}} not on one yet and checked as charges{{if .never}}, {{.never}} never posted{{end}}{{if .imitations}}; {{plural .imitations \"phishing imitation\"}}{{end}}.",
		JA: "利用通知{{.notices}}件を読みました: 明細にあるもの{{.matched}}件、まだ明細にないため利用として確認したもの{{.added}}件{{if .never}}、明細に載らないもの{{.never}}件{{end}}{{if .imitations}}。フィッシング{{.imitations}}件{{end}}。",
	},

	// The minutes rule (rules/minutes.go) needs the notices' time of day:
	// charges, payees (counts), payee (the first's), sum, first (clock),
	// span, limit, within (span), new.
	"minutes": {
		EN: "{{.charges}} charges within {{.span}} from {{.first}}{{if eq .payees 1}}, all from {{.payee}}{{else}} at {{.payees}} payees{{end}} ({{.sum}} in all), none at a known payee{{if .new}} and every payee new to this card{{end}}: stolen cards are spent in minutes, before the owner can react; the limit is {{.limit}} within {{.within}}",
		JA: "{{.first}}から{{.span}}の間に{{.charges}}件{{if eq .payees 1}}、すべて{{.payee}}{{else}}、支払先{{.payees}}か所{{end}}（計{{.sum}}）。既知の支払先はなく{{if .new}}、どの支払先もこのカードでは初めてです{{end}}。盗まれたカードは持ち主が気づく前の数分で使われます。基準は{{.within}}以内に{{.limit}}件",
	},

	// cardcheck watch: mailbox its imap:// URL; id a finding, at the
	// charge's time (clock), after the span from it to the mail.
	"watch.start": {EN: "watching {{.mailbox}} for usage notices", JA: "{{.mailbox}} の利用通知を待っています"},
	"watch.stop":  {EN: "stopped", JA: "終了しました"},
	"watch.after": {EN: "({{.id}}: mailed {{.after}} after the charge at {{.at}})", JA: "（{{.id}}: 利用 {{.at}} から{{.after}}後に送信）"},

	"notice.status.authorised":         {EN: "authorised, not posted after two weeks", JA: "承認後2週間たっても明細に載っていません"},
	"notice.status.declined":           {EN: "declined", JA: "利用をお断り（決済されていません）"},
	"notice.status.cancelled":          {EN: "cancelled before it posted", JA: "確定前に取り消し"},
	"notice.status.test-authorisation": {EN: "a test authorisation, reversed at once (a shop checking the card)", JA: "すぐに取り消された確認用の承認（カードの有効性確認）"},
	"notice.status.posted":             {EN: "posted", JA: "確定"},
}
