package message

// What to do about a charge the cardholder did not make: the lines that end
// every alert in the report and the mail (pkg/issuer builds them). company
// is the card company (with the brand, when it has one line per brand),
// phone and alt its numbers, service a household-account service.

func init() { add(nextStepEntries) }

var nextStepEntries = map[string]Entry{
	"next.heading": {
		EN: "If you did not make these charges:",
		JA: "身に覚えのない利用なら:",
	},
	"next.desk": {
		EN: "call {{.company}}, lost and stolen cards, 24 hours: {{.phone}}{{with .alt}} ({{.}} where free-dial numbers cannot be called){{end}}",
		JA: "{{.company}} 紛失・盗難受付(24時間・年中無休)に電話: {{.phone}}{{with .alt}}(フリーダイヤルが使えない場合は {{.}}){{end}}",
	},
	"next.back-of-card": {
		EN: "call {{.company}}'s line for lost and stolen cards: the number is on the back of the card",
		JA: "{{.company}}の紛失・盗難受付に電話: 番号はカードの裏面にあります",
	},
	"next.back-of-card.unknown": {
		EN: "call the card company's line for lost and stolen cards: the number is on the back of the card",
		JA: "カード会社の紛失・盗難受付に電話: 番号はカードの裏面にあります",
	},
	"next.aggregator": {
		EN: "call the company of this card (not {{.service}}, which only collects the statements): its line for lost and stolen cards is on the back of the card",
		JA: "このカードのカード会社(明細を集めるだけの{{.service}}ではありません)の紛失・盗難受付に電話: 番号はカードの裏面にあります",
	},
	"next.tell": {
		EN: "tell them you did not make these charges (the date, shop and amount of each) and which card it is (its name and last four digits); " +
			"ask them to stop the card, send a new one with a new number, and treat the charges as fraud (不正利用): " +
			"card companies usually cover fraud reported within 60 days",
		JA: "身に覚えのない利用であること(それぞれの日付・利用先・金額)と、どのカードか(カード名と番号の下4桁)を伝え、" +
			"カードの利用停止、番号を変えた再発行、不正利用としての調査を依頼してください。多くのカード会社は届け出から60日前までの不正利用を補償します",
	},
}

func init() { add(ackEntries) }

var ackEntries = map[string]Entry{
	"next.ack": {
		EN: "If you made these charges: cardcheck ack {{.id}}",
		JA: "ご自身の利用なら: cardcheck ack {{.id}}",
	},
}
