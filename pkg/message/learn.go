package message

// learn and payees (pkg/learn): their tables' headings and cells, and the
// summary lines under them. Table cells stay short (learn's table must fit
// 120 columns) and dates in them stay 2006-01-02 so that columns line up.

func init() { add(learnEntries) }

var learnEntries = map[string]Entry{
	"learn.head.payee":   {EN: "PAYEE", JA: "支払先"},
	"learn.head.cadence": {EN: "CADENCE", JA: "周期"},
	"learn.head.amount":  {EN: "AMOUNT", JA: "金額"},
	"learn.head.times":   {EN: "TIMES", JA: "回数"},
	"learn.head.last":    {EN: "LAST", JA: "前回"},
	"learn.head.next":    {EN: "NEXT", JA: "次回予定"},
	"learn.head.status":  {EN: "STATUS", JA: "状態"},
	"learn.head.source":  {EN: "SOURCE", JA: "出所"},
	"learn.head.moved":   {EN: "ON NEW CARD", JA: "新しいカード"},

	// established: 3 regular charges (2 yearly) or more; config: the
	// config already has the payee.
	"learn.status": {
		EN: "{{if .established}}established{{else}}early{{end}}{{if .config}}, in config{{end}}",
		JA: "{{if .established}}定着{{else}}回数不足{{end}}{{if .config}}・設定済み{{end}}",
	},
	// source: learned from the statements, or only in the config.
	"learn.source": {
		EN: "{{if .config}}config{{else}}learned{{end}}{{if not .established}}, early{{end}}",
		JA: "{{if .config}}設定{{else}}明細{{end}}{{if not .established}}・回数不足{{end}}",
	},
	// moved: the date (as text, 2006-01-02) the payee first charged the new
	// card, or empty when it has not yet.
	"learn.moved": {
		EN: `{{if .date}}since {{.date}}{{else}}not yet{{end}}`,
		JA: `{{if .date}}{{.date}} から{{else}}まだ{{end}}`,
	},
	"learn.summary": {
		EN: "{{.n}} recurring payee(s): {{.established}} established, {{.early}} early, {{.config}} already in the config.",
		JA: "定期的な支払先 {{.n}} 件: 定着 {{.established}} 件、回数不足 {{.early}} 件、設定に登録済み {{.config}} 件。",
	},

	"payees.heading": {
		EN: "Recurring payees of {{.card}} (last charge {{.date}}):",
		JA: "{{.card}} の定期的な支払先（最終利用 {{.date}}）:",
	},
	"payees.none": {EN: "none found", JA: "見つかりませんでした"},
	"payees.to-update": {
		EN: "{{.n}} recurring payee(s) to update when this card is replaced.",
		JA: "このカードを切り替えるときに更新が必要な定期的な支払先: {{.n}} 件。",
	},
	"payees.all-moved": {
		EN: "All {{.n}} recurring payee(s) already charge {{.card}}.",
		JA: "定期的な支払先 {{.n}} 件のすべてが、すでに {{.card}} に請求しています。",
	},
	// left: the payees not yet on the new card, joined with ", " (or "、").
	"payees.some-moved": {
		EN: "{{.moved}} of {{.n}} recurring payee(s) already charge {{.card}}; still to update: {{.left}}.",
		JA: "定期的な支払先 {{.n}} 件のうち {{.moved}} 件は、すでに {{.card}} に請求しています。まだ更新が必要: {{.left}}。",
	},

	// payees' problems with --card and --new-card; cards: the cards' labels,
	// quoted and joined with ", ".
	"payees.no-charges": {EN: "no charges read", JA: "利用を1件も読み込めませんでした"},
	"payees.new-card.none": {
		EN: `the new card {{printf "%q" .card}} matches no card; the cards are {{.cards}}`,
		JA: `新しいカード {{printf "%q" .card}} に当てはまるカードがありません。カードは {{.cards}} です`,
	},
	"payees.new-card.many": {
		EN: `the new card {{printf "%q" .card}} matches {{.n}} cards ({{.cards}}); give more of the label`,
		JA: `新しいカード {{printf "%q" .card}} に当てはまるカードが {{.n}} 枚あります({{.cards}})。ラベルをもっと長く指定してください`,
	},
	"payees.card.none": {
		EN: `the card {{printf "%q" .card}} matches no card other than the new one; the cards are {{.cards}}`,
		JA: `カード {{printf "%q" .card}} に当てはまるカードが、新しいカードのほかにありません。カードは {{.cards}} です`,
	},
}
