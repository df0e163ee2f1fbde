package message

import (
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/severity"
)

// Each rule's name for people: in Japanese output a label replaces the
// rule's id, which English output keeps (scripts and the config use ids;
// JSON and CSV always carry them). A rule without an entry (a user rule) is
// shown by its id in both. The stale-statement warning (pkg/scan) is here
// with the rules, since it is reported like one.

func init() { add(ruleLabels) }

var ruleLabels = map[string]Entry{
	"rule.unknown-payee":      {EN: "unknown-payee", JA: "既知でない支払先"},
	"rule.burst":              {EN: "burst", JA: "急な連続利用"},
	"rule.minutes":            {EN: "minutes", JA: "数分間の連続利用"},
	"rule.new-subscription":   {EN: "new-subscription", JA: "新しい定期払い"},
	"rule.reported-payee":     {EN: "reported-payee", JA: "不正と届けた支払先"},
	"rule.new-merchant":       {EN: "new-merchant", JA: "初めての店で高額"},
	"rule.amount-change":      {EN: "amount-change", JA: "請求額の変化"},
	"rule.duplicate":          {EN: "duplicate", JA: "二重請求の疑い"},
	"rule.card-testing":       {EN: "card-testing", JA: "少額のお試し利用"},
	"rule.high-risk-merchant": {EN: "high-risk-merchant", JA: "換金性の高い加盟店"},
	"rule.foreign":            {EN: "foreign", JA: "海外での利用"},
	"rule.amount-outlier":     {EN: "amount-outlier", JA: "普段より高額"},
	"rule.above-range":        {EN: "above-range", JA: "いつもの店で桁違いの額"},
	"rule.monthly-total":      {EN: "monthly-total", JA: "月の利用額の急増"},
	"rule.missing-recurring":  {EN: "missing-recurring", JA: "定期払いの途絶"},
	"rule.breach-exposure":    {EN: "breach-exposure", JA: "情報漏えいの影響"},
	"rule.reversed":           {EN: "reversed", JA: "取り消し済み"},
	"rule.stale-statement":    {EN: "stale-statement", JA: "明細の更新なし"},

	// stale-statement: date is the newest confirmed charge of the card,
	// days the threshold (stale_after).
	"stale-statement": {
		EN: "no statement of this card since {{.date}}: its newest confirmed statement ends more than {{.days}} days ago, " +
			"so the charges since are not checked; download the newer statements from the card company",
		JA: "{{.date}} 以降、このカードの明細がありません。最新の確定明細は{{.days}}日以上前までのもので、" +
			"それ以降の利用は確認できていません。カード会社のサイトから新しい明細をダウンロードしてください",
	},
}

// RuleLabel is the name of the rule id for people in l: its label in
// Japanese, the id itself in English and for rules without a label.
func RuleLabel(l lang.Lang, id string) string {
	if l != lang.JA || !Has("rule."+id) {
		return id
	}
	return Render(l, New("rule."+id, nil))
}

// Severity names s in l: alert, warning, info; or 警告, 注意, 情報 (the
// terms severity.*).
func Severity(l lang.Lang, s severity.Severity) string {
	return Render(l, New("severity."+s.String(), nil))
}
