package notify

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// Use go test ./pkg/notify -update to rewrite the golden files.
var update = flag.Bool("update", false, "rewrite the golden files")

// demo scans the demo statements with the demo config: the five Apple
// charges (the card's breach notice, a finding of its own, is left out:
// these tests are about the alert).
func demo(t *testing.T) *scan.Result {
	t.Helper()
	cfg, err := config.Load("../../testdata/demo/config.yaml", true)
	if err != nil {
		t.Fatal(err)
	}
	res := scan.Run([]string{"../../testdata/demo"}, scan.Options{Config: cfg})
	res.Findings = slices.DeleteFunc(res.Findings, func(f rules.Finding) bool { return f.CardLevel })
	if len(res.Errors) > 0 || len(res.Findings) != 1 {
		t.Fatalf("demo: %v, %d findings", res.Errors, len(res.Findings))
	}
	return res
}

func digest(res *scan.Result, l lang.Lang) Digest {
	return Digest{Lang: l, New: res.Findings, Checked: res.Checked, Cards: len(res.Cards)}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

// apple is the demo's finding written out by hand, so that the golden
// files do not change with the rules' wording.
func apple() (*scan.Result, []rules.Finding) {
	card := &rules.Card{Label: "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****"}
	var charges []*statement.Charge
	for i, amt := range []int64{10000, 10000, 5000, 10000, 3000} {
		charges = append(charges, &statement.Charge{Date: statement.NewDate(2022, 1, 24), Merchant: "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ",
			Payee: "APPLE COM BILL", Amount: decimal.NewFromInt(amt), Kind: statement.Purchase,
			Card:   statement.Card{Issuer: "三井住友カード", Name: "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ", Number: "4980-00**-****-****"},
			Source: statement.Source{File: "testdata/demo/202202.csv", Line: 6 + i}})
	}
	f := rules.Finding{ID: "6a3412695cfa", Rule: "burst", Severity: severity.Alert, Card: card, Charges: charges,
		Reasons: []rules.Reason{
			{Rule: "burst", Severity: severity.Alert, Message: message.Said("5 charges from APPLE COM BILL on 2022-01-24", "APPLE COM BILL 2022-01-24 に 5 件")},
			{Rule: "unknown-payee", Severity: severity.Alert, Message: message.Said("APPLE COM BILL is not a known payee", "APPLE COM BILL は既知の支払先ではありません")},
		}}
	res := &scan.Result{Checked: scan.Checked{From: statement.NewDate(2021, 12, 21), To: statement.NewDate(2022, 1, 24), Charges: 9},
		Cards: []*rules.Card{card}, Findings: []rules.Finding{f}}
	return res, res.Findings
}

func TestComposeGolden(t *testing.T) {
	res, _ := apple()
	withdrawn := state.Withdrawn{ID: "0123456789ab", Entry: &state.Entry{
		Card: "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****", Issuer: "三井住友カード",
		Reasons: []state.Reason{{Rule: "burst", Severity: severity.Alert, Message: message.Said("3 charges from SHOP on 2022-01-10", "SHOP 2022-01-10 に 3 件")}}},
		Gone: []state.Charge{{Date: statement.NewDate(2022, 1, 10), Merchant: "ＳＨＯＰ", Payee: "SHOP", Amount: decimal.NewFromInt(1200)}}}
	for _, l := range []lang.Lang{lang.EN, lang.JA} {
		for name, d := range map[string]Digest{
			"new": digest(res, l),
			"withdrawn": {Lang: l, Withdrawn: []state.Withdrawn{withdrawn}, Open: 1, Checked: res.Checked, Cards: 1,
				Errors: []error{errors.New("202203.csv:4: amount \"1O00\": not a number")}},
			"allclear": {Lang: l, Open: 2, Checked: res.Checked, Cards: 1},
		} {
			m, err := Compose(d)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, name+"_"+string(l)+".txt", "Subject: "+m.Subject+"\n\n"+m.Text)
			golden(t, name+"_"+string(l)+".html", m.HTML)
		}
	}
}

func TestSubject(t *testing.T) {
	res := demo(t)
	for l, want := range map[lang.Lang]string{
		lang.EN: "[cardcheck] 5 suspicious charges on 三井住友カード (2022-01)",
		lang.JA: "[cardcheck] 三井住友カードで不審な利用が5件 (2022年1月)",
	} {
		m, err := Compose(digest(res, l))
		if err != nil {
			t.Fatal(err)
		}
		if m.Subject != want {
			t.Errorf("%s: subject %q, want %q", l, m.Subject, want)
		}
	}

	// A notice about the card (a breach, a missing payment) is no
	// suspicious charge, and its evidence, maybe old, sets no month.
	fixed, fs := apple()
	notice := fs[0]
	notice.ID, notice.CardLevel, notice.Charges = "fedcba987654", true, notice.Charges[:1:1]
	old := *notice.Charges[0]
	old.Date = old.Date.AddMonths(-5)
	notice.Charges = []*statement.Charge{&old}
	for _, tc := range []struct {
		new      []rules.Finding
		l        lang.Lang
		subject  string
		intro    string
		newCount int
	}{
		{[]rules.Finding{notice}, lang.EN, "[cardcheck] 1 notice on 三井住友カード (2022-01)", "cardcheck found 1 notice not reported before:", 1},
		{[]rules.Finding{fs[0], notice}, lang.EN, "[cardcheck] 5 suspicious charges and 1 notice on 三井住友カード (2022-01)", "cardcheck found 5 suspicious charges and 1 notice not reported before:", 2},
		{[]rules.Finding{fs[0], notice}, lang.JA, "[cardcheck] 三井住友カードで不審な利用が5件、お知らせが1件 (2022年1月)", "cardcheck から、まだ報告していない不審な利用5件とお知らせ1件があります。", 2},
	} {
		m, err := Compose(Digest{Lang: tc.l, New: tc.new, Checked: fixed.Checked, Cards: 1})
		if err != nil {
			t.Fatal(err)
		}
		if m.Subject != tc.subject || !strings.HasPrefix(m.Text, tc.intro+"\n") {
			t.Errorf("subject %q, want %q\n%s", m.Subject, tc.subject, m.Text)
		}
	}
}

// pan finds a full card number: 13 or more digits, maybe in groups.
var pan = regexp.MustCompile(`[0-9０-９](?:[ \-]?[0-9０-９]){12,}`)

// hostile is a finding whose merchant and card came from a fraudster: a
// full card number, line breaks that would end a header, and HTML.
func hostile() rules.Finding {
	card := "VISA 4111-1111-1111-1111\r\nBcc: victim@example.com"
	charge := &statement.Charge{
		Date: statement.NewDate(2022, 1, 24), Amount: decimal.NewFromInt(3000), Kind: statement.Purchase,
		Merchant: "<script>alert(1)</script>\r\nBcc: evil@example.com\r\n\r\n<b>4111 1111 1111 1111</b>",
		Payee:    "SCRIPT", Card: statement.Card{Issuer: "EVIL\r\nBcc: evil@example.com <i>", Number: "4111-1111-1111-1111"},
		Source: statement.Source{File: "202202.csv", Line: 3},
	}
	return rules.Finding{ID: "0123456789ab", Rule: "unknown-payee", Severity: severity.Alert,
		Message: message.Said("<script>alert(1)</script>\nBcc: evil@example.com is new", "<script> 新しい支払先"),
		Reasons: []rules.Reason{{Rule: "unknown-payee", Severity: severity.Alert, Message: message.Said("<script>alert(1)</script>\r\nBcc: evil@example.com is new 4111111111111111", "")}},
		Card:    &rules.Card{Label: card}, Charges: []*statement.Charge{charge}}
}

// TestHostileText: a merchant name with CR, LF, HTML and a card number
// injects nothing into the headers or the HTML, and the number is masked
// everywhere, in both languages.
func TestHostileText(t *testing.T) {
	for _, l := range []lang.Lang{lang.EN, lang.JA} {
		m, err := Compose(Digest{Lang: l, New: []rules.Finding{hostile()}, Cards: 1})
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(m.Subject, "\r\n") {
			t.Errorf("subject %q has a line break", m.Subject)
		}
		if strings.Contains(m.HTML, "<script") || strings.Contains(m.HTML, "<b>") || strings.Contains(m.HTML, "<i>") {
			t.Errorf("HTML lets markup through:\n%s", m.HTML)
		}
		if !strings.Contains(m.HTML, "&lt;script&gt;") {
			t.Errorf("HTML lost the merchant's text:\n%s", m.HTML)
		}
		for part, s := range map[string]string{"subject": m.Subject, "text": m.Text, "html": m.HTML} {
			if p := pan.FindString(s); p != "" {
				t.Errorf("%s %s shows a card number %q", l, part, p)
			}
		}
		if !strings.Contains(m.Text, "****-****-****-1111") {
			t.Errorf("text: the masked number is missing:\n%s", m.Text)
		}
		for _, line := range strings.Split(m.Text, "\n") {
			if strings.HasPrefix(line, "Bcc:") {
				t.Errorf("text: a merchant started a line of its own: %q", line)
			}
		}

		// The message as sent: one Bcc-free header block, both parts UTF-8.
		raw := render(t, m, &config.Mail{From: "cardcheck <cardcheck@example.test>", To: []string{"owner@example.test"}})
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		for k := range msg.Header {
			switch k {
			case "Bcc", "Cc":
				t.Errorf("header %s injected", k)
			}
		}
		if to := msg.Header.Get("To"); to != "<owner@example.test>" {
			t.Errorf("To: %q", to)
		}
		subj, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil || subj != m.Subject {
			t.Errorf("Subject decodes to %q (%v), want %q", subj, err, m.Subject)
		}
		// What a mail client shows: the decoded headers and parts (the raw
		// bytes hold random boundaries and base64, which may look like
		// digits).
		shown := []string{}
		for k, v := range msg.Header {
			if k != "Content-Type" && k != "Message-Id" {
				shown = append(shown, v...)
			}
		}
		subject, _, bodies := parts(t, raw)
		for _, s := range append(append(shown, subject), bodies...) {
			if p := pan.FindString(s); p != "" {
				t.Errorf("the message as sent shows a card number %q", p)
			}
		}
	}
}

// render writes m as go-mail would send it.
func render(t *testing.T, m *Message, cfg *config.Mail) []byte {
	t.Helper()
	msg, err := (&SMTP{Config: cfg}).Build(m)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := msg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parts returns the content type and decoded body of each part of a raw
// multipart/alternative message, and its decoded subject.
func parts(t *testing.T, raw []byte) (subject string, types []string, bodies []string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header.Get("Subject")
	for _, r := range h {
		if r > 0x7e || r < 0x20 && r != '\t' {
			t.Errorf("Subject header is not MIME-encoded ASCII: %q", h)
			break
		}
	}
	subject, err = new(mime.WordDecoder).DecodeHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(p) // multipart decodes quoted-printable itself
		if err != nil {
			t.Fatal(err)
		}
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			body = decodeBase64(t, body)
		}
		types = append(types, p.Header.Get("Content-Type"))
		bodies = append(bodies, string(body))
	}
	return subject, types, bodies
}

func TestRenderedParts(t *testing.T) {
	res := demo(t)
	for _, l := range []lang.Lang{lang.EN, lang.JA} {
		m, err := Compose(digest(res, l))
		if err != nil {
			t.Fatal(err)
		}
		raw := render(t, m, &config.Mail{From: "cardcheck <cardcheck@example.test>", To: []string{"a@example.test", "経理 <b@example.test>"}})
		subject, types, bodies := parts(t, raw)
		if subject != m.Subject {
			t.Errorf("%s: subject %q, want %q", l, subject, m.Subject)
		}
		if len(types) != 2 || types[0] != "text/plain; charset=UTF-8" || types[1] != "text/html; charset=UTF-8" {
			t.Fatalf("%s: parts %v", l, types)
		}
		if bodies[0] != strings.ReplaceAll(m.Text, "\n", "\r\n") && bodies[0] != m.Text {
			t.Errorf("%s: the text part does not decode to the text:\n%q", l, bodies[0])
		}
		if !strings.Contains(bodies[1], "<table") {
			t.Errorf("%s: the HTML part has no table", l)
		}
	}
}
