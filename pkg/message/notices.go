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

func init() { add(imitationEntries) }

// Why a mail that looks like a card company's usage notice is not the
// company's (pkg/notice/auth): from is its From address, domain and
// domains the company's sending domains, n a count, detail the mail
// library's own words.
var imitationEntries = map[string]Entry{
	"notice.why.header":       {EN: "its header cannot be read: {{.detail}}", JA: "ヘッダーを読めません: {{.detail}}"},
	"notice.why.from-count":   {EN: "it has {{.n}} From headers; a mail has exactly one", JA: "From ヘッダーが{{.n}}個あります(メールには1つだけです)"},
	"notice.why.from-address": {EN: `its From header {{printf "%q" .from}} is not one address`, JA: `From ヘッダー {{printf "%q" .from}} は1つのアドレスではありません`},
	"notice.why.domain": {
		EN: "it was sent from {{.from}}, not from {{.domains}}",
		JA: "送信元が {{.from}} で、{{.domains}} ではありません",
	},
	"notice.why.partial-dkim": {
		EN: "its DKIM signature of {{.domain}} covers only the start of the body (l=), so text may have been added after it",
		JA: "{{.domain}} の DKIM 署名が本文の先頭部分だけにかかっています(l=)。後ろに文章が書き足されているかもしれません",
	},
	"notice.why.dkim-unreadable": {EN: "its DKIM signatures cannot be read: {{.detail}}", JA: "DKIM 署名を読めません: {{.detail}}"},
	"notice.why.dkim-fails": {
		EN: "the DKIM signature of {{.domain}} does not verify ({{.detail}})",
		JA: "{{.domain}} の DKIM 署名を検証できません({{.detail}})",
	},
	"notice.why.no-dkim": {
		EN: "it claims to be from {{.from}} but carries no DKIM signature of {{.domain}}",
		JA: "{{.from}} からのメールを名乗っていますが、{{.domain}} の DKIM 署名がありません",
	},
	"notice.why.key-unavailable": {
		EN: "the DKIM key of {{.domain}} could not be fetched ({{.detail}}); try again later",
		JA: "{{.domain}} の DKIM 鍵を取得できません({{.detail}})。あとでもう一度試してください",
	},
	"notice.why.no-key": {
		EN: "{{.domain}} publishes no DKIM key for this mail's signature (the key may have been replaced since it was sent)",
		JA: "{{.domain}} はこのメールの署名に対応する DKIM 鍵を公開していません(送信後に鍵が替えられたのかもしれません)",
	},
}

func init() { add(chainEntries) }

// Chains: first, then rest (the chain's remainder, or nothing), so that a
// list of any length is said with a word between the items.
var chainEntries = map[string]Entry{
	"chain.or":   {EN: "{{.first}}{{with .rest}} or {{.}}{{end}}", JA: "{{.first}}{{with .rest}} または {{.}}{{end}}"},
	"chain.semi": {EN: "{{.first}}{{with .rest}}; {{.}}{{end}}", JA: "{{.first}}{{with .rest}}。{{.}}{{end}}"},
}

// Or says texts as alternatives: "a or b or c", "a または b または c".
func Or(texts ...string) Value {
	ms := make([]Message, len(texts))
	for i, s := range texts {
		ms[i] = Said(s, s)
	}
	return chain("chain.or", ms)
}

// Each says ms one after the other as one message: "a; b" in English,
// "a。b" in Japanese. One message is itself, none the zero Message.
func Each(ms ...Message) Message {
	switch len(ms) {
	case 0:
		return Message{}
	case 1:
		return ms[0]
	}
	return chain("chain.semi", ms).list[0]
}

func chain(key string, ms []Message) Value {
	if len(ms) == 0 {
		return List()
	}
	return Nested(New(key, Args{"first": Nested(ms[0]), "rest": chain(key, ms[1:])}))
}

func init() { add(noticeErrorEntries) }

// A mail that could not be read or checked (pkg/notice): name where it came
// from, id its Message-ID ("" for none), line the body line (0 for none),
// detail what is wrong; why a notice.why.* message, later whether a check
// later may pass.
var noticeErrorEntries = map[string]Entry{
	"notice.error": {
		EN: `{{.name}}{{with .id}} (Message-ID <{{.}}>){{end}}{{if .line}}: body line {{.line}}{{end}}: {{.detail}}`,
		JA: `{{.name}}{{with .id}}(Message-ID <{{.}}>){{end}}{{if .line}}: 本文 {{.line}} 行目{{end}}: {{.detail}}`,
	},
	"notice.unverified": {
		EN: `the sender could not be verified: {{if .later}}for now: {{end}}{{.why}}`,
		JA: `送信元を確認できません{{if .later}}(今のところ){{end}}: {{.why}}`,
	},
}
