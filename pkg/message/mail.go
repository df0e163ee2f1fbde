package message

// The alert mail (pkg/notify) and the text report's own lines (pkg/report):
// everything but the findings' reasons, which the rules say. charges and
// notices count the new suspect charges and the notices about a card;
// things is what they are (mail.things or mail.things.subject); on the card
// (card, or cards counted when several); when the months of the charges
// (mail.months, or nothing); n a count; from and to dates; to the
// recipients.

func init() { add(mailEntries) }

var mailEntries = map[string]Entry{
	// The columns of the mail's table, and the report's.
	"mail.head.severity":   {EN: "Severity", JA: "重要度"},
	"mail.head.date":       {EN: "Date", JA: "利用日"},
	"mail.head.amount":     {EN: "Amount", JA: "金額"},
	"mail.head.merchant":   {EN: "Merchant", JA: "利用先"},
	"mail.head.card":       {EN: "Card", JA: "カード"},
	"report.head.severity": {EN: "SEVERITY", JA: "重要度"},
	"report.head.date":     {EN: "DATE", JA: "利用日"},
	"report.head.amount":   {EN: "AMOUNT", JA: "金額"},
	"report.head.merchant": {EN: "MERCHANT", JA: "利用先"},
	"report.head.source":   {EN: "SOURCE", JA: "ファイル"},

	"mail.signature": {
		EN: "Sent by cardcheck, which mails each finding once.",
		JA: "このメールは cardcheck が送りました。同じ検出は一度だけ送ります。",
	},
	// "5 suspicious charges and 1 notice"; the subject's Japanese puts the
	// card first and says "不審な利用が5件、お知らせが1件".
	"mail.things": {
		EN: `{{if or .charges (not .notices)}}{{plural .charges "suspicious charge"}}{{if .notices}} and {{end}}{{end}}{{if .notices}}{{plural .notices "notice"}}{{end}}`,
		JA: `{{if or .charges (not .notices)}}不審な利用{{.charges}}件{{if .notices}}と{{end}}{{end}}{{if .notices}}お知らせ{{.notices}}件{{end}}`,
	},
	"mail.things.subject": {
		EN: `{{if or .charges (not .notices)}}{{plural .charges "suspicious charge"}}{{if .notices}} and {{end}}{{end}}{{if .notices}}{{plural .notices "notice"}}{{end}}`,
		JA: `{{if or .charges (not .notices)}}不審な利用が{{.charges}}件{{if .notices}}、{{end}}{{end}}{{if .notices}}お知らせが{{.notices}}件{{end}}`,
	},
	"mail.intro.new": {
		EN: "cardcheck found {{.things}} not reported before:",
		JA: "{{if .notices}}cardcheck から、まだ報告していない{{.things}}があります。{{else}}cardcheck が、まだ報告していない不審な利用を{{.charges}}件見つけました。{{end}}",
	},
	"mail.intro.no-new": {
		EN: "cardcheck found no new suspicious charges.",
		JA: "cardcheck は新たな不審な利用を見つけませんでした。",
	},
	"mail.intro.all-clear": {
		EN: "All clear: cardcheck found no new suspicious charges.",
		JA: "異常なし: cardcheck は新たな不審な利用を見つけませんでした。",
	},
	"mail.ack-hint": {
		EN: "Charges you recognise: acknowledge them with the cardcheck ack command shown, and they will no longer fail the run.",
		JA: "ご自身の利用であれば、表示の cardcheck ack コマンドで確認済みにすると、以後は検出として扱いません。",
	},
	"mail.withdrawn.intro": {
		EN: "Withdrawn: these charges of an earlier report are no longer on the statement (the card company reversed them):",
		JA: "取り消し: 以前に報告した次の利用は明細から消えました（カード会社が取り消したものです）。",
	},
	"mail.withdrawn":     {EN: "withdrawn", JA: "取り消し"},
	"mail.withdrawn.was": {EN: "was: {{.reasons}}", JA: "検出時: {{.reasons}}"},
	"mail.still-open": {
		EN: `Still open from earlier mails: {{plural .n "finding"}} (cardcheck scan shows {{if eq .n 1}}it{{else}}them{{end}}, cardcheck ack ID closes one).`,
		JA: "以前にお知らせした検出のうち、未確認のものが{{.n}}件あります（cardcheck scan で表示、cardcheck ack ID で確認済みにできます）。",
	},
	"mail.errors.intro": {
		EN: `{{plural .n "input error"}}: some of the statements could not be read, and they may hide more:`,
		JA: "読み込めなかった入力が{{.n}}件あります。読めなかった部分に不審な利用があるかもしれません。",
	},
	"mail.errors.more": {
		EN: "… and {{.n}} more; cardcheck scan prints them all.",
		JA: "…ほか{{.n}}件。cardcheck scan ですべて表示されます。",
	},
	"mail.checked.none": {
		EN: `Checked no charges on {{plural .cards "card"}}.`,
		JA: "確認した利用はありません（カード{{.cards}}枚）。",
	},
	"mail.checked": {
		EN: `Checked {{plural .charges "charge"}} from {{.from}} to {{.to}} on {{plural .cards "card"}}.`,
		JA: "{{.from}}から{{.to}}までの利用{{.charges}}件（カード{{.cards}}枚）を確認しました。",
	},

	// The subject, after "[cardcheck] ".
	"mail.on":     {EN: "{{if .card}}{{.card}}{{else}}{{.cards}} cards{{end}}", JA: "{{if .card}}{{.card}}{{else}}カード{{.cards}}枚{{end}}"},
	"mail.months": {EN: "{{.from}}{{if ne .from .to}} – {{.to}}{{end}}", JA: "{{.from}}{{if ne .from .to}}〜{{.to}}{{end}}"},
	"mail.subject.new": {
		EN: "{{.things}} on {{.on}}{{with .when}} ({{.}}){{end}}{{if .gone}}, {{.gone}} withdrawn{{end}}",
		JA: "{{.on}}で{{.things}}{{with .when}} ({{.}}){{end}}{{if .gone}}、取り消し{{.gone}}件{{end}}",
	},
	"mail.subject.withdrawn": {
		EN: `{{plural .gone "charge"}} withdrawn on {{.on}}{{with .when}} ({{.}}){{end}}`,
		JA: "{{.on}}の利用{{.gone}}件が取り消されました{{with .when}} ({{.}}){{end}}",
	},
	"mail.subject.no-new": {
		EN: "No new suspicious charges{{with .when}} ({{.}}){{end}}",
		JA: "新たな不審な利用はありません{{with .when}} ({{.}}){{end}}",
	},
	"mail.subject.errors": {EN: `; {{plural .n "input error"}}`, JA: "、読み込みエラー{{.n}}件"},

	// What a cron run says it mailed (pkg/session).
	"mail.outcome.nothing":   {EN: "Nothing new to mail.", JA: "新たにメールで送るものはありません。"},
	"mail.outcome.all-clear": {EN: "Mailed an all-clear to {{.to}}.", JA: "異常なしのメールを {{.to}} に送りました。"},
	"mail.outcome.sent": {
		EN: `Mailed {{.things}}{{if .withdrawn}}{{if .things}} and {{end}}the withdrawal of {{plural .withdrawn "finding"}}{{end}} to {{.to}}.`,
		JA: "{{.things}}{{if .withdrawn}}{{if .things}}と{{end}}検出{{.withdrawn}}件の取り消し{{end}}を {{.to}} にメールで送りました。",
	},

	// The text report (pkg/report): card is the card as the report shows it.
	"report.card": {EN: "card: {{.card}}", JA: "カード: {{.card}}"},
	"report.acknowledged": {
		EN: `{{plural .n "acknowledged finding"}} not shown (cardcheck ack).`,
		JA: "確認済みの検出{{.n}}件は表示していません（cardcheck ack）。",
	},
	"report.withdrawn": {
		EN: "Withdrawn, no longer on the statement (the card company reversed them):",
		JA: "取り消し: 以前に報告した次の利用は明細から消えました（カード会社が取り消したものです）。",
	},
	// The verdict: checked is summary.checked; counts the findings by
	// severity (summary.count: n and severity, a term); errors the input
	// errors.
	"summary.checked": {
		EN: "checked {{.charges}} charges{{if .charges}} from {{.from}} to {{.to}}{{end}} on {{.cards}} card(s)",
		JA: "{{if .charges}}{{.from}}から{{.to}}までの{{end}}利用{{.charges}}件（カード{{.cards}}枚）を確認しました",
	},
	"summary.clean": {
		EN: "No suspicious charges: {{.checked}}{{if .errors}}; {{.errors}} input error(s), see above{{end}}.",
		JA: "不審な利用はありません: {{.checked}}。{{if .errors}}読み込めなかった入力が{{.errors}}件あります（上記）。{{end}}",
	},
	"summary.findings": {
		EN: "{{.n}} finding(s) ({{.counts}}): {{.checked}}{{if .errors}}; {{.errors}} input error(s), see above{{end}}.",
		JA: "検出{{.n}}件（{{.counts}}）: {{.checked}}。{{if .errors}}読み込めなかった入力が{{.errors}}件あります（上記）。{{end}}",
	},
	"summary.count": {EN: "{{.n}} {{.severity}}", JA: "{{.severity}}{{.n}}件"},
}

func init() { add(rulesListEntries) }

// `cardcheck rules` (pkg/report.RulesIn): its headings and lines; from and
// to are a breach's exposure window, match a card pattern of the config.
var rulesListEntries = map[string]Entry{
	"rules.head.rule":      {EN: "RULE", JA: "ルール"},
	"rules.head.severity":  {EN: "SEVERITY", JA: "重要度"},
	"rules.head.parameter": {EN: "PARAMETER", JA: "パラメーター"},
	"rules.head.default":   {EN: "DEFAULT", JA: "既定値"},
	"rules.head.config":    {EN: "CONFIG", JA: "設定"},
	"rules.head.meaning":   {EN: "MEANING", JA: "意味"},
	"rules.off":            {EN: "off", JA: "オフ"},
	"rules.on":             {EN: "on", JA: "オン"},
	"rules.user-rule":      {EN: "user rule", JA: "ユーザー定義ルール"},
	"rules.breaches": {
		EN: "breaches watched by breach-exposure (cards used at these payees in these days were exposed):",
		JA: "breach-exposure(情報漏えいの影響)が見る漏えい事件(この期間にこの支払先で使ったカードの情報が漏れました):",
	},
	"rules.breach-span": {EN: "{{.from}} to {{.to}}", JA: "{{.from}}〜{{.to}}"},
	"rules.cards":       {EN: "cards matching {{printf \"%q\" .match}}:", JA: "{{printf \"%q\" .match}} に当てはまるカード:"},
}
