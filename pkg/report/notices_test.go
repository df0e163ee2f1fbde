package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

func noticeFixture() (*scan.Result, []rules.Finding) {
	card := statement.Card{Issuer: "三井住友カード", Name: "ビジネスカード", Number: "4980-00**-****-****"}
	at := time.Date(2022, 1, 24, 2, 13, 0, 0, statement.Tokyo)
	c := &statement.Charge{Date: statement.NewDate(2022, 1, 24), Merchant: "APPLE COM BILL", Amount: decimal.NewFromInt(10000), Card: card,
		Source: statement.Source{File: "n/2022-01-24T0213-15.eml", Line: 11},
		Notice: &statement.Notified{Time: at, Mailed: at.Add(40 * time.Second), Status: statement.Authorised, MessageID: "demo-15@vpass.ne.jp", Layout: "smbc"}}
	rc := &rules.Card{Label: card.Label()}
	f := rules.Finding{ID: "3dd5a9d91e01", Rule: "unknown-payee", Severity: severity.Alert, Card: rc, Charges: []*statement.Charge{c},
		Reasons: []rules.Reason{{Rule: "unknown-payee", Severity: severity.Alert, Message: message.Said("not a known payee", "既知の支払先ではありません")}}}
	declined := &statement.Charge{Date: statement.NewDate(2022, 1, 25), Merchant: "GIFT\x1b[2J MALL", Amount: decimal.NewFromInt(50000), Card: card,
		Source: statement.Source{File: "n/declined.eml", Line: 9}, Notice: &statement.Notified{Time: at.Add(24 * time.Hour), Status: statement.Declined, Layout: "smbc"}}
	res := &scan.Result{Checked: scan.Checked{From: statement.NewDate(2021, 12, 21), To: statement.NewDate(2022, 1, 24), Charges: 5},
		Cards: []*rules.Card{rc}, Notices: scan.Notices{Mails: 17, Read: 16, Matched: 10, Added: 5,
			NeverPosted: []*statement.Charge{declined},
			Imitations: []scan.Imitation{{Name: "n/phish.eml", Subject: "【重要】ご利用確認\x07", Issuer: "三井住友カード", Layout: "smbc",
				Reason: "it was sent from info@vpass-card.example, not from vpass.ne.jp or smbc-card.com"}},
			Unstated: []string{"楽天カード"}}}
	return res, []rules.Finding{f}
}

func TestTextNotices(t *testing.T) {
	res, fs := noticeFixture()
	want := map[lang.Lang]string{
		lang.EN: `SEVERITY  ID            DATE               AMOUNT  MERCHANT        SOURCE
alert     3dd5a9d91e01  2022-01-24 02:13  ¥10,000  APPLE COM BILL  n/2022-01-24T0213-15.eml:11
    card: ビジネスカード 4980-00**-****-****
    ↳ unknown-payee: not a known payee
    ⏱ known from 三井住友カード's usage notice 40 seconds after the charge (charge 2022-01-24 02:13, notice mailed 2022-01-24 02:13), not at the next statement
    If you did not make these charges:
      call 三井住友カード, lost and stolen cards, 24 hours: 0120-919-456
      tell them you did not make these charges (the date, shop and amount of each) and which card it is (its name and last four digits); ask them to stop the card, send a new one with a new number, and treat the charges as fraud (不正利用): card companies usually cover fraud reported within 60 days
    If you made these charges: cardcheck ack 3dd5a9d91e01
Phishing: these mails imitate a card company's usage notice and were not sent by it; they are no charge. Do not open their links:
  n/phish.eml: phishing imitation of 三井住友カード's notice (subject “【重要】ご利用確認\x07”): it was sent from info@vpass-card.example, not from vpass.ne.jp or smbc-card.com
Notified, never on a statement (not checked as charges):
  2022-01-25 02:13  ¥50,000  GIFT\x1b[2J MALL  declined  ビジネスカード 4980-00**-****-****  n/declined.eml:9
Cards known only from their usage notices (no statement given yet): checked with what the notices tell:
  楽天カード
16 usage notices read: 10 found on a statement, 5 not on one yet and checked as charges, 1 never posted; 1 phishing imitation.
1 finding(s) (1 alert): checked 5 charges from 2021-12-21 to 2022-01-24 on 1 card(s).
`,
	}
	for l, w := range want {
		var b strings.Builder
		if err := TextWith(&b, res, fs, TextOptions{Lang: l}); err != nil {
			t.Fatal(err)
		}
		if b.String() != w {
			t.Errorf("%s:\n%s\nwant:\n%s", l, b.String(), w)
		}
	}
	var ja strings.Builder
	TextWith(&ja, res, fs, TextOptions{Lang: lang.JA})
	for _, w := range []string{"2022年1月24日 02:13  10,000円", "三井住友カードの利用通知により利用から40秒後に判明", "フィッシング: ", "利用をお断り",
		"利用通知16件を読みました: 明細にあるもの10件、まだ明細にないため利用として確認したもの5件、明細に載らないもの1件。フィッシング1件。"} {
		if !strings.Contains(ja.String(), w) {
			t.Errorf("JA: no %q in\n%s", w, ja.String())
		}
	}
}

func TestJSONNotices(t *testing.T) {
	res, fs := noticeFixture()
	var b bytes.Buffer
	if err := WriteJSON(&b, ScanJSON(res, fs)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Notified string
			Charges  []struct{ Notice *Notice }
		}
		Notices *Notices
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	f := doc.Findings[0]
	if !strings.HasPrefix(f.Notified, "known from 三井住友カード's usage notice 40 seconds") || f.Charges[0].Notice == nil ||
		f.Charges[0].Notice.Time != "2022-01-24T02:13:00+09:00" || f.Charges[0].Notice.Mailed != "2022-01-24T02:13:40+09:00" {
		t.Errorf("finding %+v", f)
	}
	n := doc.Notices
	if n == nil || n.Read != 16 || len(n.NeverPosted) != 1 || n.NeverPosted[0].Notice.Status != "declined" || len(n.Imitations) != 1 ||
		n.Imitations[0].Source != "n/phish.eml" || len(n.Unstated) != 1 {
		t.Errorf("notices %+v", n)
	}
	res.Notices = scan.Notices{}
	if j := ScanJSON(res, fs); j.Notices != nil {
		t.Error("no mail read: want no notices object")
	}
}
