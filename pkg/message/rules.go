package message

// The rules' reasons, by rule: one entry per sentence, English and
// Japanese. Keys start with the rule id. Arguments are documented where the
// rule makes the message.

func init() { add(ruleEntries) }

var ruleEntries = map[string]Entry{
	// Terms used inside reasons.
	"mode.recurring-only":   {EN: "recurring-only", JA: "定期払い専用"},
	"mode.everyday":         {EN: "everyday", JA: "日常利用"},
	"cadence.weekly":        {EN: "weekly", JA: "毎週"},
	"cadence.monthly":       {EN: "monthly", JA: "毎月"},
	"cadence.bimonthly":     {EN: "bimonthly", JA: "隔月"},
	"cadence.quarterly":     {EN: "quarterly", JA: "3 か月ごと"},
	"cadence.half-yearly":   {EN: "half-yearly", JA: "半年ごと"},
	"cadence.yearly":        {EN: "yearly", JA: "毎年"},
	"cadence.irregular":     {EN: "irregular", JA: "不定期"},
	"cadence.about-monthly": {EN: "about monthly", JA: "ほぼ毎月"},
	"severity.info":         {EN: "info", JA: "情報"},
	"severity.warning":      {EN: "warning", JA: "注意"},
	"severity.alert":        {EN: "alert", JA: "警告"},

	// Why a card is or is not recurring-only (said inside unknown-payee).
	"card.mode.config":  {EN: "{{.mode}} in the config", JA: "設定で{{.mode}}"},
	"card.mode.learned": {EN: "{{.mode}}: {{.recurring}} of {{.total}} earlier purchases are recurring payments", JA: "{{.mode}}: それ以前の利用 {{.total}} 件中 {{.recurring}} 件が定期的な支払い"},
}

func init() { add(unknownPayee) }

// unknown-payee: payee, mode (the card's mode reason); for a learned payee
// off its rhythm also amount, date, typical, cadence, last, next; for an
// unknown one, known (the card's known payees).
var unknownPayee = map[string]Entry{
	"unknown-payee.usual-day": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}, its usual day, but it charges {{.typical}} {{.cadence}} on this card ({{.mode}})",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求。いつもの請求日ですが、通常は {{.cadence}} の {{.typical}} です（{{.mode}}）",
	},
	"unknown-payee.off-rhythm": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}, off its usual {{.cadence}} rhythm ({{.typical}}, last on {{.last}}, next expected {{.next}}) on this card ({{.mode}})",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求。いつもの周期（{{.cadence}}、{{.typical}}、前回 {{.last}}、次回予定 {{.next}}）から外れています（{{.mode}}）",
	},
	"unknown-payee.not-known": {
		EN: "{{.payee}} is not one of the {{.known}} payees this card pays ({{.mode}})",
		JA: "{{.payee}} はこのカードの既知の支払先 {{.known}} 件のどれでもありません（{{.mode}}）",
	},
}

func init() { add(amountChange) }

// amount-change: payee, amount, date, times (the amount over the usual),
// usual (one of the usual.* messages); for a double charge also
// about-double (within 10% of twice the usual) and limit.
var amountChange = map[string]Entry{
	"amount-change.double": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}, {{if (index . \"about-double\")}}about double: a double charge?{{else}}{{.times}}× the usual: charged more than once?{{end}}; {{.usual}}; the limit is {{.limit}}×",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求、{{if (index . \"about-double\")}}約 2 倍：二重請求の可能性{{else}}通常の {{.times}} 倍：重複請求の可能性{{end}}。{{.usual}}。上限は {{.limit}} 倍",
	},
	"amount-change.increase": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}, a price increase ({{.times}}× the usual); {{.usual}}",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求、値上げ（通常の {{.times}} 倍）。{{.usual}}",
	},
	// name, lo, hi: the config's expected amount or range.
	"amount-change.seats": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}, {{.units}} × {{.unit}} where it charged {{.was}} × {{.unit}}: a change in seats or licences, not a new price; {{.usual}}",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求、{{.unit}} × {{.units}}（これまでは {{.unit}} × {{.was}}）。値上げではなく席数・ライセンス数の変更です。{{.usual}}",
	},
	"amount-change.usual.config": {
		EN: "{{.name}}'s expected amount is {{.lo}}{{if ne .lo .hi}}–{{.hi}}{{end}} (config)",
		JA: "{{.name}} の想定金額は {{.lo}}{{if ne .lo .hi}}–{{.hi}}{{end}}（設定）",
	},
	// payee, typical, cadence, lo, hi (the range seen), since.
	"amount-change.usual.stream": {
		EN: "{{.payee}} usually charges {{.typical}} {{.cadence}} ({{.lo}}{{if ne .lo .hi}}–{{.hi}}{{end}} seen since {{.since}})",
		JA: "{{.payee}} の通常の請求は {{.cadence}}（{{.typical}}、{{.since}} 以降 {{.lo}}{{if ne .lo .hi}}–{{.hi}}{{end}}）",
	},
}

func init() { add(monthlyTotal) }

// monthly-total: month, total, times (total over usual), usual (the median
// month), months (how many the median is over), limit, unknown-charges and
// unknown (the purchases outside known payments and their sum).
var monthlyTotal = map[string]Entry{
	"monthly-total": {
		EN: `purchases in {{.month}} add up to {{.total}}, {{if eq .usual "¥0"}}while this card usually has no purchases in a month (median ¥0 over {{.months}} months){{else}}{{.times}}× this card's usual month (median {{.usual}} over {{.months}} months){{end}}; the limit is {{.limit}}; {{index . "unknown-charges"}} charge(s) outside its known payments make {{.unknown}} of it`,
		JA: `{{.month}} の利用合計は {{.total}} で、{{if eq .usual "0円"}}このカードは通常は利用のない月が多い（{{.months}} か月の中央値 0円）{{else}}通常の月（{{.months}} か月の中央値 {{.usual}}）の {{.times}} 倍{{end}}。上限は {{.limit}}。既知の支払い以外の {{index . "unknown-charges"}} 件で {{.unknown}}`,
	},
}

func init() { add(breachExposure) }

// breach-exposure: payee and date (the card's use inside the breach),
// breach, processor ("" when the name says it), from and to (the exposure),
// exposed (what leaked, may be ""), cards (how many, 0 unknown), raise and
// until (the card's findings until then are raised), raised, raised-from
// and raised-to (this finding was raised).
var breachExposure = map[string]Entry{
	"breach-exposure.notice": {
		EN: "this card was used at {{.payee}} on {{.date}}, inside the {{.breach}}{{if .processor}} ({{.processor}}){{end}} breach (cards used there from {{.from}} to {{.to}} were exposed" +
			"{{if .exposed}}; exposed: {{.exposed}}{{end}}{{if .cards}}, up to {{group .cards}} cards{{end}}); watch this card closely or ask the card company for a new card" +
			"{{if .raise}}; its findings until {{.until}} are raised one level{{end}}{{if .raised}}: raised from {{index . \"raised-from\"}} to {{index . \"raised-to\"}}{{end}}",
		JA: "このカードは {{.date}} に {{.payee}} で利用されました。{{.breach}}{{if .processor}} ({{.processor}}){{end}} の情報漏えいの対象期間（{{.from}}〜{{.to}} の利用）内です" +
			"{{if .exposed}}。漏えいした情報：{{.exposed}}{{end}}{{if .cards}}（最大 {{group .cards}} 件）{{end}}。カードの利用をよく確認するか、カード会社に再発行を依頼してください" +
			"{{if .raise}}。{{.until}} までの検出は 1 段階引き上げます{{end}}{{if .raised}}：{{index . \"raised-from\"}} から {{index . \"raised-to\"}} に引き上げ{{end}}",
	},
	"breach-exposure.also": {
		EN: "this card was exposed in the {{.breach}} breach (used at {{.payee}} on {{.date}}){{if .raised}}: raised from {{index . \"raised-from\"}} to {{index . \"raised-to\"}}{{end}}",
		JA: "このカードは {{.breach}} の情報漏えいの対象（{{.date}} に {{.payee}} で利用）{{if .raised}}：{{index . \"raised-from\"}} から {{index . \"raised-to\"}} に引き上げ{{end}}",
	},
}

func init() { add(cardTesting) }

// card-testing: payee, date, charges and sum (the tiny charges), max (the
// rule's limit), follow (larger charges after them); when follow > 0 also
// within (days), follow-sum, largest and largest-payee.
var cardTesting = map[string]Entry{
	"card-testing": {
		EN: "{{if gt .charges 1}}{{.charges}} charges of {{.max}} or less at {{.payee}} on {{.date}} ({{.sum}} in all){{else}}{{.sum}} at {{.payee}} on {{.date}}{{end}}" +
			", a payee new to this card: tiny charges ({{.max}} or less) at unknown payees are how stolen card numbers are tested" +
			"{{if .follow}}; then {{.follow}} larger charge(s) at other payees new to it or far above their usual within {{.within}} days ({{index . \"follow-sum\"}} in all, the largest {{.largest}} at {{index . \"largest-payee\"}}){{end}}",
		JA: "{{if gt .charges 1}}{{.date}} に {{.payee}} で {{.max}} 以下の利用 {{.charges}} 件（合計 {{.sum}}）{{else}}{{.date}} に {{.payee}} で {{.sum}}{{end}}" +
			"、このカードでは初めての支払先：未知の支払先での少額（{{.max}} 以下）の利用は、盗まれたカード番号を試す手口です" +
			"{{if .follow}}。その後 {{.within}} 日以内に別の新しい支払先で高額の利用が {{.follow}} 件（合計 {{index . \"follow-sum\"}}、最大は {{index . \"largest-payee\"}} の {{.largest}}）{{end}}",
	},
}

func init() { add(burst) }

// burst: charges, payee, sum, first and last (dates), new (the card never
// paid the payee before), limit and within (the rule's limit in days).
// burst.same-amount: charges, amount (each), payee, first, last, limit,
// within.
var burst = map[string]Entry{
	"burst": {
		EN: "{{.charges}} charges from {{.payee}} {{if eq .first .last}}on {{.first}}{{else}}from {{.first}} to {{.last}}{{end}} ({{.sum}} in all)" +
			"{{if .new}}; this card never paid this payee before{{end}}; the limit is {{.limit}} in {{if eq .within 1}}24 h{{else}}{{.within}} days{{end}}",
		JA: "{{.payee}} {{if eq .first .last}}{{.first}} に{{else}}{{.first}} から {{.last}} に{{end}} {{.charges}} 件（合計 {{.sum}}）" +
			"{{if .new}}。このカードでは初めての支払先{{end}}。上限は {{if eq .within 1}}24 時間{{else}}{{.within}} 日{{end}} に {{.limit}} 件",
	},
	"burst.same-amount": {
		EN: "{{.charges}} charges of {{.amount}} each from {{.payee}} {{if eq .first .last}}on {{.first}}{{else}}from {{.first}} to {{.last}}{{end}}" +
			"; a payee repeating one new price {{.limit}} times within {{.within}} days is how stolen cards are spent",
		JA: "{{.payee}} から {{if eq .first .last}}{{.first}} に{{else}}{{.first}} から {{.last}} に{{end}} {{.amount}} ちょうどの利用が {{.charges}} 件。" +
			"初めての金額を {{.within}} 日 以内に {{.limit}} 回以上請求するのは、盗まれたカードの使われ方です",
	},
}

func init() { add(others) }

var others = map[string]Entry{
	"cadence.once-per-cycle": {EN: "once per cycle", JA: "1 周期に 1 回"},
	"scope.last year":        {EN: "last year", JA: "過去 1 年"},
	"scope.history":          {EN: "history", JA: "これまで"},
	"scope.all":              {EN: "all", JA: "全期間"},

	// duplicate: payee, amount, first, second (the dates), apart (days),
	// cadence (how often it charges).
	"duplicate": {
		EN: "{{.payee}} charged {{.amount}} twice, on {{.first}} and {{.second}} ({{.apart}} days apart, the same month); it charges {{.cadence}}: a double charge?",
		JA: "{{.payee}} が {{.first}} と {{.second}} に {{.amount}} を 2 回請求（{{.apart}} 日差、同じ月）。通常は {{.cadence}} の請求：二重請求の可能性",
	},
	// foreign: payee, foreign-amount, currency, amount (in yen), days (the
	// history without foreign charges), first (the first foreign charge).
	"foreign": {
		EN: "{{.payee}} charged {{index . \"foreign-amount\"}} {{.currency}} ({{.amount}}) in a foreign currency; this card has no foreign charges in the {{.days}} days before {{.first}}",
		JA: "{{.payee}} が外貨 {{index . \"foreign-amount\"}} {{.currency}}（{{.amount}}）を請求。このカードには {{.first}} までの {{.days}} 日間、外貨の利用がありません",
	},
	// amount-outlier: amount, payee, median, spread, purchases, scope,
	// limit, k (the spreads above the median), largest (earlier purchase).
	"amount-outlier": {
		EN: "{{.amount}} from {{.payee}} is far above this card's usual: median {{.median}}, spread (MAD) {{.spread}} over {{.purchases}} purchases ({{.scope}}); the limit is {{.limit}} (median + {{.k}} × spread), and the largest purchase was {{.largest}}",
		JA: "{{.payee}} の {{.amount}} はこのカードの通常を大きく上回ります：中央値 {{.median}}、ばらつき（MAD）{{.spread}}（{{.purchases}} 件）。上限は {{.limit}}（中央値 + {{.k}} × ばらつき）、これまでの最大は {{.largest}}",
	},
	// new-merchant: payee, amount, first-paid and earlier (first paid before
	// this charge), p90, purchases, scope, limit; alert, largest and
	// alert-from when it is an alert.
	"new-merchant": {
		EN: "{{.payee}} charged {{.amount}}{{if gt .charges 1}} in {{.charges}} charges over a day or two{{end}} and is new to this card ({{if .earlier}}first paid on {{index . \"first-paid\"}}{{else}}the first charge from it{{end}}); this card's purchases are usually up to {{.p90}} (9 in 10 of {{.purchases}}, {{.scope}}), so new payees are flagged from {{.limit}}" +
			"{{if .alert}}; it is above every earlier purchase (largest {{.largest}}) and at least {{index . \"alert-from\"}}{{end}}{{with index . \"context\"}}; {{.}}{{end}}",
		JA: "{{.payee}}（{{if .earlier}}{{index . \"first-paid\"}} に初めて利用した支払先{{else}}初めての支払先{{end}}）が {{.amount}}{{if gt .charges 1}}（1〜2日に {{.charges}} 件）{{end}} を請求。このカードの利用は通常 {{.p90}} 以下（{{.purchases}} 件中 9 割）なので、新しい支払先は {{.limit}} 以上で警告します" +
			"{{if .alert}}。これまでの最大（{{.largest}}）を上回り、{{index . \"alert-from\"}} 以上です{{end}}{{with index . \"context\"}}。{{.}}{{end}}",
	},
}

func init() { add(highRisk) }

var highRisk = map[string]Entry{
	"high-risk.app-store":      {EN: "an app store", JA: "アプリストア"},
	"high-risk.game-store":     {EN: "a game store", JA: "ゲームストア"},
	"high-risk.gift-card":      {EN: "a gift-card seller", JA: "ギフトカード"},
	"high-risk.prepaid":        {EN: "a prepaid top-up", JA: "プリペイドのチャージ"},
	"high-risk.crypto":         {EN: "a crypto exchange", JA: "暗号資産"},
	"high-risk.money-transfer": {EN: "a money-transfer or cash-like service", JA: "送金・換金性サービス"},
	"high-risk.config":         {EN: "high-risk (config)", JA: "設定で追加"},

	// high-risk-merchant: payee, charges, sum, kind, earlier and first-paid
	// (the card paid it before), date (of the first flagged charge).
	"high-risk-merchant": {
		EN: "{{.payee}} ({{if gt .charges 1}}{{.charges}} charges, {{.sum}} in all{{else}}{{.sum}}{{end}}) is {{.kind}}, where stolen cards are spent, and not a known payee of this card ({{if .earlier}}first paid on {{index . \"first-paid\"}}{{else}}never paid before {{.date}}{{end}})",
		JA: "{{.payee}}（{{if gt .charges 1}}{{.charges}} 件、合計 {{.sum}}{{else}}{{.sum}}{{end}}）は換金性の高い加盟店（{{.kind}}）で、このカードの既知の支払先ではありません（{{if .earlier}}{{index . \"first-paid\"}} に初めて利用{{else}}初めての支払先{{end}}）",
	},
	// high-risk-merchant.run: charges, payee, kind, sum, first, last, before
	// (the most the card paid there before).
	"high-risk-merchant.run": {
		EN: "{{.charges}} charges at {{.payee}} ({{.kind}}, {{.sum}} in all) from {{.first}} to {{.last}}, each above the most this card paid there before ({{.before}})",
		JA: "{{.payee}}（{{.kind}}）で {{.first}}〜{{.last}} に {{.charges}} 件、合計 {{.sum}}。どれもこのカードのこれまでの最高額（{{.before}}）を上回ります",
	},

	// missing-recurring: payee (its name), last (its last charge), amount
	// (0 when unknown), cadence, due.
	"missing-recurring": {
		EN: "no charge from {{.payee}} since {{.last}}: it charges {{if ne .amount \"¥0\"}}{{.amount}} {{end}}{{.cadence}} and was due by {{.due}}; if this card was reissued, give {{.payee}} the new card, otherwise check that it ended as it should",
		JA: "{{.payee}} からの請求が {{.last}} 以降ありません（{{if ne .amount \"0円\"}}{{.amount}} {{end}}{{.cadence}}、{{.due}} までに予定）。カードを再発行した場合は新しいカードへの変更を、そうでなければ解約済みか確認してください",
	},

	// reversed: parts (reversed.part, one per refunded charge), payee.
	// reversed.some: parts, refunded, charges.
	"reversed": {
		EN: "reversed: {{.parts}} by {{.payee}}; no longer an open suspect, the reasons below are why it was one",
		JA: "取り消し済み：{{.parts}}。未解決の不審な利用ではありません（以下は検出理由）",
	},
	"reversed.some": {
		EN: "{{.refunded}} of {{.charges}} charges were refunded: {{.parts}}",
		JA: "{{.charges}} 件中 {{.refunded}} 件は返金済み：{{.parts}}",
	},
	// amount, date (of the charge), refunded (the refund's date).
	"reversed.part": {
		EN: "{{.amount}} of {{.date}} refunded on {{.refunded}}",
		JA: "{{.date}} の {{.amount}} は {{.refunded}} に返金",
	},
}

func init() { add(user) }

var user = map[string]Entry{
	// said: en and ja, text written in both languages (ja may be "": the
	// English is said then); see Said.
	"said": {EN: "{{.en}}", JA: "{{if .ja}}{{.ja}}{{else}}{{.en}}{{end}}"},
}

func init() { add(detection) }

// The context that lowers a large first purchase to information
// (new-merchant's context argument), new-subscription and the second
// charge in one cycle (duplicate.cycle).
var detection = map[string]Entry{
	"new-merchant.donation": {
		EN: "it is a donation site (ふるさと納税), where large payments are usual",
		JA: "寄付（ふるさと納税など）の支払先で、高額の支払いはよくあることです",
	},
	"new-merchant.big-ticket": {
		EN: "it sells big-ticket items (electronics, furniture, travel), where a large first purchase is usual",
		JA: "高額品（家電・家具・旅行など）の販売先で、初回の高額利用はよくあることです",
	},
	// currency
	"new-merchant.trip": {
		EN: "the card is abroad (other charges in {{.currency}} in the days around it)",
		JA: "海外滞在中の利用です（前後の数日に {{.currency}} の利用が他にもあります）",
	},
	// payee, amount, date, cadence, first, charges, usual, service (a
	// well-known service or biller)
	"new-subscription": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}: a new recurring payment, {{.cadence}} since {{.first}} ({{.charges}} charges, usually {{.usual}})" +
			"{{if .service}}; a well-known subscription service or biller{{else}}; not a service this card is known to use: confirm it is yours (cardcheck ack), or report it to the card company{{end}}",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求：新しい定期的な支払い（{{.first}} 以降 {{.cadence}}、{{.charges}} 件、通常 {{.usual}}）" +
			"{{if .service}}。よく知られた定額サービスまたは公共料金など{{else}}。このカードで知られたサービスではありません：ご自身の契約か確認してください（cardcheck ack）。心当たりがなければカード会社へ{{end}}",
	},
	// payee, amount, date, times (the amount over max), max (the most the
	// card paid the payee in the last year), purchases (how many), limit
	"above-range": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}, {{.times}}× the most this card paid it in the last year ({{.max}}, over {{.purchases}} purchases); the limit is {{.limit}}×",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求。このカードの過去 1 年の最高額（{{.max}}、{{.purchases}} 件）の {{.times}} 倍です。上限は {{.limit}} 倍",
	},
	// payee, amount, date, reported (the date of the report), id (the
	// reported finding)
	"reported-payee": {
		EN: "{{.payee}} charged {{.amount}} on {{.date}}; you reported this payee's charges as fraud on {{.reported}} (finding {{.id}}), so every charge from it is an alert: if this one is not yours either, call the card company's loss and theft desk",
		JA: "{{.payee}} が {{.date}} に {{.amount}} を請求。この支払先の利用は {{.reported}} に不正利用として報告済み（検出 {{.id}}）のため、すべて警告します。これもご自身の利用でなければ、カード会社の紛失・盗難窓口へ連絡してください",
	},
	// payee, first-amount, first, amount, second, apart, cadence
	"duplicate.cycle": {
		EN: "{{.payee}} charged {{index . \"first-amount\"}} on {{.first}} and {{.amount}} on {{.second}}, {{.apart}} days apart; it charges {{.cadence}}: two charges in one cycle, a double charge?",
		JA: "{{.payee}} が {{.first}} に {{index . \"first-amount\"}}、{{.second}} に {{.amount}} を請求（{{.apart}} 日差）。通常は {{.cadence}} の請求：1 周期に 2 回、二重請求の可能性",
	},
}
