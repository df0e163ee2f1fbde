package all

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"
	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

var updateDemo = flag.Bool("update-demo", false, "write testdata/demo-notices anew, signed with a new demo key")

const demoDir = "../../../testdata/demo-notices"

// demoUse is one use of the demo card that SMBC notified.
type demoUse struct {
	at       string // Japan time, "2006-01-02 15:04"
	merchant string
	amount   int
}

// demoUses are the demo card's uses as its statements (testdata/demo) show
// them, at the times of day the notices give: the four recurring payments
// and the five Apple charges of 2022-01-24, minutes apart in the night.
var demoUses = []demoUse{
	{"2021-10-01 04:12", "東西新聞", 4900}, {"2021-10-05 03:40", "サンプルネット光", 5280}, {"2021-10-15 09:02", "PAYPAL *SAMPLESOFT", 1650},
	{"2021-11-01 04:10", "東西新聞", 4900}, {"2021-11-05 03:41", "サンプルネット光", 5280}, {"2021-11-15 09:05", "PAYPAL *SAMPLESOFT", 1650},
	{"2021-12-01 04:15", "東西新聞", 4900}, {"2021-12-06 03:38", "サンプルネット光", 5280}, {"2021-12-15 09:01", "PAYPAL *SAMPLESOFT", 1650},
	{"2021-12-20 10:30", "会費ペイ", 3000},
	{"2022-01-04 04:11", "東西新聞", 4900}, {"2022-01-05 03:44", "サンプルネット光", 5280}, {"2022-01-17 09:03", "PAYPAL *SAMPLESOFT", 1650},
	{"2022-01-20 10:31", "会費ペイ", 3000},
	{"2022-01-24 02:13", "APPLE COM BILL", 10000}, {"2022-01-24 02:16", "APPLE COM BILL", 10000},
	{"2022-01-24 02:21", "APPLE COM BILL", 5000}, {"2022-01-24 02:24", "APPLE COM BILL", 10000},
	{"2022-01-24 02:31", "APPLE COM BILL", 3000},
}

const demoSelector = "cardcheck-demo"

func demoBody(u demoUse) string {
	at, _ := time.ParseInLocation("2006-01-02 15:04", u.at, statement.Tokyo)
	return fmt.Sprintf(`ヤマダ　タロウ 様

いつも三井住友カードをご利用いただきありがとうございます。
お客様のカードご利用内容をお知らせいたします。

ご利用カード：三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ

◇利用日：%s
◇利用先：%s
◇利用取引：買物
◇利用金額：%s円

本メールはカード会社への承認照会に基づくもので、ご利用や請求を確定するものではありません。
`, at.Format("2006/01/02 15:04"), u.merchant, commas(u.amount))
}

func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// writeDemo writes the demo notices in SMBC's encoding (ISO-2022-JP, CRLF),
// each DKIM-signed for vpass.ne.jp with a key made now, whose private half
// is thrown away: only these files carry its signature. The public half
// goes to dkim.txt, which the demo config pins.
func writeDemo(t *testing.T) {
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	enc := japanese.ISO2022JP.NewEncoder()
	old, _ := filepath.Glob(filepath.Join(demoDir, "*.eml"))
	for _, f := range old {
		os.Remove(f)
	}
	for i, u := range demoUses {
		at, _ := time.ParseInLocation("2006-01-02 15:04", u.at, statement.Tokyo)
		subject, err := enc.String("ご利用のお知らせ【三井住友カード】")
		if err != nil {
			t.Fatal(err)
		}
		body, err := enc.String(demoBody(u))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "From: statement@vpass.ne.jp\nTo: owner@example.jp\n")
		fmt.Fprintf(&b, "Subject: =?ISO-2022-JP?B?%s?=\n", base64.StdEncoding.EncodeToString([]byte(subject)))
		fmt.Fprintf(&b, "Date: %s\n", at.Add(40*time.Second).Format(time.RFC1123Z))
		fmt.Fprintf(&b, "Message-ID: <demo-%02d.%s@vpass.ne.jp>\n", i+1, at.Format("20060102150405"))
		b.WriteString("MIME-Version: 1.0\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\nContent-Transfer-Encoding: 7bit\n\n")
		b.WriteString(body)
		raw := strings.ReplaceAll(b.String(), "\n", "\r\n")
		var signed bytes.Buffer
		err = dkim.Sign(&signed, strings.NewReader(raw), &dkim.SignOptions{
			Domain: "vpass.ne.jp", Selector: demoSelector, Signer: key,
			HeaderCanonicalization: dkim.CanonicalizationRelaxed, BodyCanonicalization: dkim.CanonicalizationRelaxed,
			HeaderKeys: []string{"From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"},
		})
		if err != nil {
			t.Fatal(err)
		}
		// No run of digits in the name that a card number could be.
		name := fmt.Sprintf("%s-%02d.eml", at.Format("2006-01-02T1504"), i+1)
		if err := os.WriteFile(filepath.Join(demoDir, name), signed.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	record := fmt.Sprintf("%s._domainkey.vpass.ne.jp. IN TXT \"v=DKIM1; k=ed25519; p=%s\"\n", demoSelector, base64.StdEncoding.EncodeToString(pub))
	if err := os.WriteFile(filepath.Join(demoDir, "dkim.txt"), []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
}

// demoKeys reads the pinned record of dkim.txt, which the demo's config
// pins too.
func demoKeys(t *testing.T) map[string]string {
	data, err := os.ReadFile(filepath.Join(demoDir, "dkim.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(demoDir, "..", "demo", "config.yaml"))
	if err != nil || !strings.Contains(string(cfg), "- '"+strings.TrimSpace(string(data))+"'") {
		t.Errorf("testdata/demo/config.yaml does not pin the key of dkim.txt (%v): paste its line under notices: dkim_keys:", err)
	}
	keys, err := auth.ParseKeys(data)
	if err != nil || len(keys) != 1 {
		t.Fatalf("dkim.txt: %v", err)
	}
	return keys
}

// TestDemoNotices: the demo notices read offline, with the demo key pinned
// and no DNS, as the demo's charges; the same pin does not let a forged
// notice through.
func TestDemoNotices(t *testing.T) {
	if *updateDemo {
		writeDemo(t)
	}
	noDNS := func(name string) ([]string, error) { return nil, fmt.Errorf("no DNS for %s in the demo", name) }
	v := &auth.Verifier{LookupTXT: auth.Pinned(demoKeys(t), noDNS)}
	reg := Registry()
	files, _ := filepath.Glob(filepath.Join(demoDir, "*.eml"))
	if len(files) != len(demoUses) {
		t.Fatalf("%d demo notices, want %d", len(files), len(demoUses))
	}
	var apple []notice.Charge
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := reg.Read(filepath.Base(f), raw, v)
		if res.Err != nil || res.Imitation != "" || len(res.Charges) != 1 {
			t.Fatalf("%s: err %v, imitation %q, %d charges", f, res.Err, res.Imitation, len(res.Charges))
		}
		c := res.Charges[0]
		u := demoUses[i]
		if c.Time.Format("2006-01-02 15:04") != u.at || c.Merchant != u.merchant || c.Amount.IntPart() != int64(u.amount) ||
			c.Card.Name != "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ" {
			t.Errorf("%s: %+v", f, c)
		}
		if c.Mailed.Sub(c.Time) != 40*time.Second || c.Layout != "smbc" || c.Row().Notice.Time != c.Time {
			t.Errorf("%s: mailed %v, layout %q, row %+v", f, c.Mailed, c.Layout, c.Row().Notice)
		}
		if c.Payee == "APPLE COM BILL" {
			apple = append(apple, c)
		}
		if i == 0 {
			forged := bytes.Replace(raw, []byte("4,900"), []byte("9,900"), 1)
			if r := reg.Read("forged", forged, v); len(r.Charges) != 0 || !strings.Contains(r.Imitation, "does not verify") {
				t.Errorf("an altered demo notice: %+v", r)
			}
		}
	}
	if len(apple) != 5 || apple[4].Time.Sub(apple[0].Time) != 18*time.Minute {
		t.Errorf("%d Apple charges", len(apple))
	}
}
