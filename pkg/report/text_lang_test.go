package report

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

func langFixture() (*scan.Result, []rules.Finding) {
	card := &rules.Card{Label: "VISA 4111-1111-1111-1111"}
	c := &statement.Charge{Date: statement.NewDate(2022, 1, 24), Merchant: "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", Amount: decimal.NewFromInt(38000),
		Source: statement.Source{File: "202202.csv", Line: 6}, Card: statement.Card{Issuer: "三井住友カード"}}
	f := rules.Finding{ID: "6a3412695cfa", Rule: "burst", Severity: severity.Alert, Card: card, Charges: []*statement.Charge{c},
		Reasons: []rules.Reason{{Rule: "burst", Severity: severity.Alert, Message: message.Said("5 charges", "5件")}}}
	res := &scan.Result{Checked: scan.Checked{From: statement.NewDate(2021, 12, 21), To: statement.NewDate(2022, 1, 24), Charges: 9},
		Cards: []*rules.Card{card}}
	return res, []rules.Finding{f}
}

func TestTextLanguages(t *testing.T) {
	res, fs := langFixture()
	gone := []state.Withdrawn{{ID: "0123456789ab", Entry: &state.Entry{Card: "VISA ****-****-****-1111"},
		Gone: []state.Charge{{Date: statement.NewDate(2022, 1, 10), Merchant: "ＳＨＯＰ", Amount: decimal.NewFromInt(1200)}}}}
	want := map[lang.Lang]string{
		lang.EN: `SEVERITY  ID            DATE         AMOUNT  MERCHANT                      SOURCE
alert     6a3412695cfa  2022-01-24  ¥38,000  ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ  202202.csv:6
    card: VISA ****-****-****-1111
    ↳ burst: 5 charges
    If you did not make these charges:
      call 三井住友カード, lost and stolen cards, 24 hours: 0120-919-456
      tell them you did not make these charges (the date, shop and amount of each) and which card it is (its name and last four digits); ask them to stop the card, send a new one with a new number, and treat the charges as fraud (不正利用): card companies usually cover fraud reported within 60 days
    If you made these charges: cardcheck ack 6a3412695cfa
Withdrawn, no longer on the statement (the card company reversed them):
  0123456789ab  2022-01-10  ¥1,200  ＳＨＯＰ  VISA ****-****-****-1111
1 finding(s) (1 alert): checked 9 charges from 2021-12-21 to 2022-01-24 on 1 card(s).
2 acknowledged findings not shown (cardcheck ack).
`,
		lang.JA: `重要度  ID            利用日             金額  利用先                        ファイル
警告    6a3412695cfa  2022年1月24日  38,000円  ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ  202202.csv:6
    カード: VISA ****-****-****-1111
    ↳ 急な連続利用: 5件
    身に覚えのない利用なら:
      三井住友カード 紛失・盗難受付(24時間・年中無休)に電話: 0120-919-456
      身に覚えのない利用であること(それぞれの日付・利用先・金額)と、どのカードか(カード名と番号の下4桁)を伝え、カードの利用停止、番号を変えた再発行、不正利用としての調査を依頼してください。多くのカード会社は届け出から60日前までの不正利用を補償します
    ご自身の利用なら: cardcheck ack 6a3412695cfa
取り消し: 以前に報告した次の利用は明細から消えました（カード会社が取り消したものです）。
  0123456789ab  2022年1月10日  1,200円  ＳＨＯＰ  VISA ****-****-****-1111
検出1件（警告1件）: 2021年12月21日から2022年1月24日までの利用9件（カード1枚）を確認しました。
確認済みの検出2件は表示していません（cardcheck ack）。
`,
	}
	for l, w := range want {
		var b strings.Builder
		if err := TextWith(&b, res, fs, TextOptions{Lang: l, Acknowledged: 2, Withdrawn: gone}); err != nil {
			t.Fatal(err)
		}
		if b.String() != w {
			t.Errorf("%s:\n%s\nwant:\n%s", l, b.String(), w)
		}
	}
	// Text is TextWith in English with nothing from the state.
	var a, b strings.Builder
	Text(&a, res, fs)
	TextWith(&b, res, fs, TextOptions{Lang: lang.EN})
	if a.String() != b.String() || strings.Contains(a.String(), "acknowledged") {
		t.Errorf("Text:\n%s", a.String())
	}
	res.Errors = []error{nil}
	if s := SummaryIn(lang.JA, res, nil); s != "不審な利用はありません: 2021年12月21日から2022年1月24日までの利用9件（カード1枚）を確認しました。読み込めなかった入力が1件あります（上記）。" {
		t.Errorf("JA summary %q", s)
	}
}
