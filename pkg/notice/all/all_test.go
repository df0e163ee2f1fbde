package all

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/notice/noticetest"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/shopspring/decimal"
)

// want is one expected charge, as notifications.md §5 gives it.
type want struct {
	date, time  string // "2026-03-14", "19:42" or ""
	amount      string // yen, or the foreign amount with its code: "20.00USD"
	merchant    string
	kind        statement.Kind
	status      statement.NoticeStatus
	placeholder bool
}

// examples are the §5 examples (and a ライフカード mail with half-width
// katakana) with the charges each must give.
var examples = []struct {
	file, layout, card, holder string
	charges                    []want
}{
	{"smbc/e1-notice.eml", "smbc", "三井住友カードＶＩＳＡ（ＮＬ）", "ハナコ",
		[]want{{"2026-03-14", "19:42", "2480", "サンプルマート新宿店", statement.Purchase, statement.Authorised, false}}},
	{"smbc/e2-html-only.eml", "smbc", "三井住友カードＶＩＳＡ（ＮＬ）", "ハナコ",
		[]want{{"2026-03-14", "19:42", "2480", "サンプルマート新宿店", statement.Purchase, statement.Authorised, false}}},
	{"smbc/e3-cancel.eml", "smbc", "三井住友カードＶＩＳＡ（ＮＬ）", "ハナコ",
		[]want{{"2026-03-15", "09:05", "-1200", "EXAMPLE STREAMING", statement.Refund, statement.Authorised, false}}},
	{"smbc/e3-foreign.eml", "smbc", "三井住友カードＶＩＳＡ（ＮＬ）", "ハナコ",
		[]want{{"2026-03-16", "02:11", "20USD", "EXAMPLE CLOUD SERVICES", statement.Purchase, statement.Authorised, false}}},
	{"smbc/e4-digest.eml", "smbc-digest", "三井住友カードＶＩＳＡ（ＮＬ）", "ハナコ", []want{
		{"2026-03-20", "", "-880", "サンプルストア", statement.Refund, statement.Posted, false},
		{"2026-03-20", "", "880", "サンプルストア", statement.Purchase, statement.Posted, false}}},
	{"smbc/e5-decline.eml", "smbc", "三井住友カードＶＩＳＡ（ＮＬ）", "ハナコ",
		[]want{{"2026-03-21", "12:00", "5000", "サンプル証券積立", statement.Purchase, statement.Declined, false}}},
	{"rakuten/e6-preliminary.eml", "rakuten-preliminary", "楽天カード（Visa）", "本人",
		[]want{{"2026-03-14", "", "2480", "", statement.Purchase, statement.Authorised, true}}},
	{"rakuten/e7-confirmed.eml", "rakuten", "楽天カード（Visa）", "本人", []want{
		{"2026-03-14", "", "2480", "ｻﾝﾌﾟﾙﾏｰﾄ", statement.Purchase, statement.Posted, false},
		{"2026-03-15", "", "650", "EXAMPLE CAFE", statement.Purchase, statement.Posted, false}}},
	{"jcb/e8-realtime.eml", "jcb", "ＪＣＢカードＳ", "山田　花子",
		[]want{{"2026-03-14", "19:42", "2480", "サンプルキツチン", statement.Purchase, statement.Authorised, false}}},
	{"jcb/e9-arrived.eml", "jcb-arrived", "ＪＣＢカードＳ", "山田　花子", []want{
		{"2026-03-12", "", "420", "サンプルガス　ミナトテン", statement.Purchase, statement.Posted, false},
		{"2026-03-12", "", "1980", "サンプルシヨツプ", statement.Purchase, statement.Posted, false}}},
	{"jcb/e10-cancel.eml", "jcb-cancel", "ＪＣＢカードＳ", "山田　花子",
		[]want{{"2026-03-16", "03:20", "-650", "JCBクレジットご利用分（海外利用分）", statement.Refund, statement.Authorised, true}}},
	{"epos/e11-notice.eml", "epos", "エポスカード", "山田　花子",
		[]want{{"2026-03-14", "19:42", "2480", "国内加盟店ショッピング", statement.Purchase, statement.Authorised, true}}},
	{"aupay/e12-preliminary.eml", "aupay-preliminary", "au PAY カード（Visa）", "",
		[]want{{"2026-03-14", "19:42", "2480", "カードショッピング利用", statement.Purchase, statement.Authorised, true}}},
	{"aupay/e13-detail.eml", "aupay", "au PAY カード（Visa）", "本会員|家族会員", []want{
		{"2026-03-14", "", "2480", "SAMPLE MART", statement.Purchase, statement.Posted, false},
		{"2026-03-15", "", "650", "EXAMPLE CAFE", statement.Purchase, statement.Posted, false}}},
	{"view/e14-preliminary.eml", "view-preliminary", "ビューカード　サンプル", "本人",
		[]want{{"2026-03-14", "19:42", "2480", "SAMPLE STATION SHOP", statement.Purchase, statement.Authorised, false}}},
	{"view/e14-confirmed.eml", "view", "ビューカード　サンプル", "本人",
		[]want{{"2026-03-14", "", "2480", "SAMPLE STATION SHOP", statement.Purchase, statement.Posted, false}}},
	{"paypay/e15-flash.eml", "paypay", "PayPayカード（Visa）", "",
		[]want{{"2026-03-14", "19:42", "2480", "サンプルマート", statement.Purchase, statement.Authorised, false}}},
	{"pocket/e16-notice.eml", "pocket", "ＳＡＭＰＬＥカード", "山田",
		[]want{{"2026-03-14", "19:42", "2480", "Mastercard加盟店", statement.Purchase, statement.Authorised, true}}},
	{"life/notice.eml", "life", "ライフカード", "本人",
		[]want{{"2026-03-14", "19:42", "2480", "ｻﾝﾌﾟﾙｼｮｯﾌﾟ(FEP)", statement.Purchase, statement.Authorised, false}}},
}

func TestExamples(t *testing.T) {
	reg := Registry()
	keys := &noticetest.Keys{}
	v := keys.Verifier()
	for _, ex := range examples {
		t.Run(ex.file, func(t *testing.T) {
			path := filepath.Join(fixtureDir(t), ex.file)
			res := reg.Read(ex.file, keys.ReadSigned(t, path), v)
			if res.Err != nil || res.Imitation != "" {
				t.Fatalf("err %v, imitation %q", res.Err, res.Imitation)
			}
			if res.Layout == nil || res.Layout.Name != ex.layout {
				t.Fatalf("layout %v, want %s", res.Layout, ex.layout)
			}
			if len(res.Charges) != len(ex.charges) {
				t.Fatalf("%d charges, want %d: %+v", len(res.Charges), len(ex.charges), res.Charges)
			}
			for i, w := range ex.charges {
				c := res.Charges[i]
				amount := c.Amount.String()
				if c.ForeignCurrency != "" {
					amount = c.ForeignAmount.String() + c.ForeignCurrency
				}
				at := ""
				if !c.Time.IsZero() {
					at = c.Time.Format("15:04")
					if c.Time.Location() != statement.Tokyo || statement.DateOf(c.Time) != c.Date {
						t.Errorf("charge %d: time %v is not on %s in Japan", i, c.Time, c.Date)
					}
				}
				got := want{c.Date.String(), at, amount, c.Merchant, c.Kind, c.Status, c.Placeholder}
				if got != w {
					t.Errorf("charge %d:\n got %+v\nwant %+v", i, got, w)
				}
				holder := ex.holder
				if h := strings.Split(ex.holder, "|"); len(h) > 1 {
					holder = h[i]
				}
				if c.Card.Name != ex.card || c.Card.Issuer != res.Layout.Issuer || c.Holder != holder {
					t.Errorf("charge %d: card %+v holder %q, want %q held by %q", i, c.Card, c.Holder, ex.card, ex.holder)
				}
				if c.MessageID == "" || c.Block != i+1 || c.Source.File != ex.file || c.Format != ex.layout {
					t.Errorf("charge %d: id %q block %d source %v format %q", i, c.MessageID, c.Block, c.Source, c.Format)
				}
				if c.Payee == "" && !c.Placeholder {
					t.Errorf("charge %d: no payee key", i)
				}
			}
		})
	}
}

func fixtureDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../testdata/notices")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestClaims checks every fixture against every layout: exactly its own
// layout recognises it, as the statement formats' sniff matrix does.
func TestClaims(t *testing.T) {
	layouts := Registry().Layouts()
	for _, ex := range examples {
		raw, err := os.ReadFile(filepath.Join(fixtureDir(t), ex.file))
		if err != nil {
			t.Fatal(err)
		}
		m, err := notice.ParseMessage(raw)
		if err != nil {
			t.Fatalf("%s: %v", ex.file, err)
		}
		for _, l := range layouts {
			if got := l.Claims(m); got != (l.Name == ex.layout) {
				t.Errorf("%s: layout %s claims it: %v", ex.file, l.Name, got)
			}
		}
	}
}

// TestImitations: mails that look like a notice but were not sent by the
// issuer give no charge and are reported as imitations of that issuer's
// notice, with the reason. The look-alikes of notifications.md §4 are
// signed for their own domains, as real phishing passes DKIM for its own.
func TestImitations(t *testing.T) {
	reg := Registry()
	keys := &noticetest.Keys{}
	v := keys.Verifier()
	for _, tc := range []struct{ file, issuer, reason string }{
		{"imitations/e17-smbc-lookalike.eml", "三井住友カード", "sent from no-reply@example-mailer.test, not from vpass.ne.jp or smbc-card.com"},
		{"imitations/mastercard-epos-like.eml", "エポスカード", "not from 01epos.jp"},
		{"imitations/rakuten-suffix.eml", "楽天カード", "sent from info@mail.rakuten-card.co.jp.evil.example"},
	} {
		res := reg.Read(tc.file, keys.ReadSigned(t, filepath.Join(fixtureDir(t), tc.file)), v)
		if res.Err != nil || len(res.Charges) != 0 || res.Layout == nil {
			t.Errorf("%s: err %v, %d charges, layout %v", tc.file, res.Err, len(res.Charges), res.Layout)
			continue
		}
		if res.Layout.Issuer != tc.issuer || !strings.Contains(res.Imitation, tc.reason) {
			t.Errorf("%s: imitation of %s: %q; want of %s: %q", tc.file, res.Layout.Issuer, res.Imitation, tc.issuer, tc.reason)
		}
	}
}

// TestForgedSender: a mail with the issuer's exact From address is still
// an imitation when it is not signed by the issuer, signed by someone
// else's domain, or altered after signing; and a signature whose key cannot
// be had is neither a charge nor an imitation.
func TestForgedSender(t *testing.T) {
	reg := Registry()
	keys := &noticetest.Keys{}
	raw, err := os.ReadFile(filepath.Join(fixtureDir(t), "smbc/e1-notice.eml"))
	if err != nil {
		t.Fatal(err)
	}
	signed := keys.Sign(t, raw, "vpass.ne.jp")
	altered := []byte(strings.Replace(string(signed), "2,480", "9,480", 1))
	other := keys.Sign(t, raw, "example-mailer.test")
	for _, tc := range []struct {
		name   string
		raw    []byte
		reason string
	}{
		{"unsigned", raw, "carries no DKIM signature of vpass.ne.jp"},
		{"signed by another domain", other, "carries no DKIM signature of vpass.ne.jp"},
		{"altered after signing", altered, "the DKIM signature of vpass.ne.jp does not verify"},
		{"two From headers", append([]byte("From: statement@vpass.ne.jp\r\n"), signed...), "2 From headers"},
		{"a signature of part of the body", []byte(strings.Replace(string(signed), "s=cardcheck-test;", "s=cardcheck-test; l=10;", 1)), "covers only the start of the body (l=)"},
	} {
		res := reg.Read(tc.name, tc.raw, keys.Verifier())
		if res.Err != nil || len(res.Charges) != 0 || !strings.Contains(res.Imitation, tc.reason) {
			t.Errorf("%s: err %v, charges %d, imitation %q; want %q", tc.name, res.Err, len(res.Charges), res.Imitation, tc.reason)
		}
	}
	// The key withdrawn: not verifiable, so an error and no charge.
	res := reg.Read("rotated", signed, (&noticetest.Keys{}).Verifier())
	if !errors.Is(res.Err, notice.ErrUnverified) || errors.Is(res.Err, notice.ErrTryLater) || len(res.Charges) != 0 || res.Imitation != "" {
		t.Errorf("rotated key: err %v, charges %d, imitation %q", res.Err, len(res.Charges), res.Imitation)
	}
	// Said in both languages, naming the mail.
	wantEN := "rotated (Message-ID <e1-notice.20260314@cardcheck.test>): the sender could not be verified: vpass.ne.jp publishes no DKIM key for this mail's signature"
	wantJA := "rotated(Message-ID <e1-notice.20260314@cardcheck.test>): 送信元を確認できません: vpass.ne.jp はこのメールの署名に対応する DKIM 鍵を公開していません"
	if en, ja := res.Err.Error(), message.ErrorIn(lang.JA, res.Err); !strings.HasPrefix(en, wantEN) || !strings.HasPrefix(ja, wantJA) {
		t.Errorf("rotated key said as\n%s\n%s\nwant\n%s\n%s", en, ja, wantEN, wantJA)
	}
	// DNS that cannot answer now: a check later may pass.
	down := func(name string) ([]string, error) {
		return nil, &net.DNSError{Err: "server misbehaving", Name: name, IsTemporary: true}
	}
	res = reg.Read("dns down", signed, &auth.Verifier{LookupTXT: down})
	if !errors.Is(res.Err, notice.ErrUnverified) || !errors.Is(res.Err, notice.ErrTryLater) || len(res.Charges) != 0 {
		t.Fatalf("DNS down: err %v, charges %d", res.Err, len(res.Charges))
	}
	wantEN = "dns down (Message-ID <e1-notice.20260314@cardcheck.test>): the sender could not be verified: for now: the DKIM key of vpass.ne.jp could not be fetched ("
	wantJA = "dns down(Message-ID <e1-notice.20260314@cardcheck.test>): 送信元を確認できません(今のところ): vpass.ne.jp の DKIM 鍵を取得できません("
	if en, ja := res.Err.Error(), message.ErrorIn(lang.JA, res.Err); !strings.HasPrefix(en, wantEN) || !strings.HasPrefix(ja, wantJA) {
		t.Errorf("DNS down said as\n%s\n%s\nwant\n%s\n%s", en, ja, wantEN, wantJA)
	}
}

// TestAuthenticationResults: the user's own server's verdict counts when it
// is the topmost Authentication-Results header and names the issuer's
// domain; the same header written lower down, by the sender, does not.
// (The topmost header is believed because a server whose authserv-id the
// config names adds one to every mail it receives: README, Notices.)
func TestAuthenticationResults(t *testing.T) {
	reg := Registry()
	raw, err := os.ReadFile(filepath.Join(fixtureDir(t), "smbc/e1-notice.eml"))
	if err != nil {
		t.Fatal(err)
	}
	noDNS := func(string) ([]string, error) { return nil, errors.New("no DNS in this test") }
	mine := "Authentication-Results: mx.example.jp; dkim=pass header.d=vpass.ne.jp; spf=pass smtp.mailfrom=vpass.ne.jp\r\n"
	received := "Received: from mta.vpass.ne.jp by mx.example.jp; Sat, 14 Mar 2026 19:43:11 +0900\r\n"
	forged := "Authentication-Results: mx.example.jp; dkim=pass header.d=vpass.ne.jp\r\n"
	for _, tc := range []struct {
		name      string
		headers   string
		authentic bool
	}{
		{"the server's own header on top", mine + received, true},
		{"trusted id, other domain", strings.Replace(mine, "header.d=vpass.ne.jp", "header.d=example-mailer.test", 1) + received, false},
		{"untrusted id on top", strings.Replace(mine, "mx.example.jp", "mx.evil.example", 1) + received, false},
		{"forged below the server's headers", "Authentication-Results: mx.example.jp; dkim=none\r\n" + received + forged, false},
	} {
		v := noticeVerifier(noDNS)
		res := reg.Read(tc.name, append([]byte(tc.headers), raw...), v)
		got := len(res.Charges) == 1 && res.Err == nil
		if got != tc.authentic {
			t.Errorf("%s: authentic %v, want %v (err %v, imitation %q)", tc.name, got, tc.authentic, res.Err, res.Imitation)
		}
	}
}

func noticeVerifier(lookup func(string) ([]string, error)) *authVerifier {
	return &authVerifier{LookupTXT: lookup, AuthservIDs: []string{"mx.example.jp"}}
}

// TestReversals: a small purchase reversed minutes later is a card check;
// a larger one reversed the next day is a cancellation; others stay.
func TestReversals(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, statement.Tokyo)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	mk := func(when string, amount int64, merchant string) notice.Charge {
		var c notice.Charge
		c.Time = at(when)
		c.Date = statement.DateOf(c.Time)
		c.Amount = decimalOf(amount)
		c.Payee = merchant
		c.Status = statement.Authorised
		return c
	}
	cs := []notice.Charge{
		mk("2026-03-14 10:00", 100, "WALLET"),
		mk("2026-03-14 10:01", -100, "WALLET"),
		mk("2026-03-14 12:00", 5000, "HOTEL"),
		mk("2026-03-15 09:00", -5000, "HOTEL"),
		mk("2026-03-14 13:00", 700, "CAFE"),
		mk("2026-03-14 13:05", -700, "BAKERY"),
	}
	notice.MarkReversals(cs)
	want := []statement.NoticeStatus{statement.TestAuthorisation, statement.TestAuthorisation, statement.Cancelled, statement.Cancelled, statement.Authorised, statement.Authorised}
	for i, c := range cs {
		if c.Status != want[i] {
			t.Errorf("charge %d (%s %s): %s, want %s", i, c.Payee, c.Amount, c.Status, want[i])
		}
	}
}

type authVerifier = auth.Verifier

func decimalOf(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// TestUnreadable: an authentic notice that cannot be read is an error that
// names the message and the line, and gives no charge; a mail that is no
// notice at all is neither.
func TestUnreadable(t *testing.T) {
	reg := Registry()
	keys := &noticetest.Keys{}
	bad := "From: JCB Webmaster <mail@qa.jcb.co.jp>\r\nSubject: JCB\r\nMessage-ID: <e8-broken@cardcheck.test>\r\n" +
		"Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		"山田　花子 様\r\nカード名称　：　ＪＣＢカードＳ\r\n\r\n" +
		"【ご利用日時(日本時間)】　2026/03/14 19:42\r\n【ご利用金額】　2,4・80円\r\n【ご利用先】　サンプルキツチン\r\n"
	res := reg.Read("broken.eml", keys.Sign(t, []byte(bad), "jcb.co.jp"), keys.Verifier())
	var e *notice.Error
	if !errors.As(res.Err, &e) || len(res.Charges) != 0 || e.Line != 5 ||
		!strings.Contains(res.Err.Error(), "broken.eml (Message-ID <e8-broken@cardcheck.test>): body line 5: invalid amount") {
		t.Errorf("err %v, %d charges", res.Err, len(res.Charges))
	}
	other := "From: shop@example.jp\r\nSubject: =?UTF-8?B?44GU5rOo5paH44Gu44GK55+l44KJ44Gb?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nご注文ありがとうございます。合計 2,480円\r\n"
	res = reg.Read("order.eml", []byte(other), keys.Verifier())
	if res.Err != nil || res.Layout != nil || res.Imitation != "" || len(res.Charges) != 0 {
		t.Errorf("an order confirmation: %+v", res)
	}
	vpay := "From: vpoint-pay@vpass.ne.jp\r\nSubject: =?UTF-8?B?44CQVuODneOCpOODs+ODiFBheeOAkeOBlOWIqeeUqOOBruOBiuefpeOCieOBmw==?=\r\n" +
		"Content-Type: text/plain; charset=UTF-8\r\n\r\n三井住友カードのVポイントPayをご利用いただきありがとうございます。\r\n◇利用先　:　サンプル\r\n◇利用金額　:　697円\r\n"
	res = reg.Read("vpay.eml", keys.Sign(t, []byte(vpay), "vpass.ne.jp"), keys.Verifier())
	if res.Err != nil || res.Layout != nil || len(res.Charges) != 0 {
		t.Errorf("a VポイントPay mail: %+v", res)
	}
	res = reg.Read("unknown-charset.eml", []byte("From: a@vpass.ne.jp\r\nContent-Type: text/plain; charset=x-no-such\r\n\r\nx\r\n"), keys.Verifier())
	if !errors.Is(res.Err, notice.ErrCharset) || !strings.HasPrefix(res.Err.Error(), "unknown-charset.eml: ") {
		t.Errorf("unknown charset: %v", res.Err)
	}
}

// FuzzLayouts feeds arbitrary mails to every layout that claims them. No
// input may panic, and every charge a layout returns has a date and a
// non-zero amount: what cannot be read is an error, never a guess.
func FuzzLayouts(f *testing.F) {
	files, _ := filepath.Glob("../../../testdata/notices/*/*.eml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	layouts := Registry().Layouts()
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := notice.ParseMessage(raw)
		if err != nil {
			return
		}
		for _, l := range layouts {
			if !l.Claims(m) {
				continue
			}
			charges, err := l.Parse(m)
			if err != nil {
				continue
			}
			for _, c := range charges {
				if c.Date.IsZero() || c.Amount.IsZero() && c.ForeignAmount.IsZero() {
					t.Fatalf("%s: a charge without date or amount: %+v", l.Name, c)
				}
			}
		}
	})
}

// TestConsolidate: a 速報 and its 確定 count once, with the 確定's merchant
// and the 速報's time; a mail read twice counts once; two uses of the same
// amount on one day stay two.
func TestConsolidate(t *testing.T) {
	reg := Registry()
	keys := &noticetest.Keys{}
	v := keys.Verifier()
	read := func(files ...string) []notice.Result {
		var out []notice.Result
		for _, f := range files {
			out = append(out, reg.Read(f, keys.ReadSigned(t, filepath.Join(fixtureDir(t), f)), v))
		}
		return out
	}
	type row struct {
		date, time, amount, merchant string
		status                       statement.NoticeStatus
	}
	rows := func(cs []notice.Charge) []row {
		var out []row
		for _, c := range cs {
			at := ""
			if !c.Time.IsZero() {
				at = c.Time.Format("15:04")
			}
			out = append(out, row{c.Date.String(), at, c.Amount.String(), c.Merchant, c.Status})
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		files []string
		want  []row
	}{
		{"楽天 速報 then 確定", []string{"rakuten/e6-preliminary.eml", "rakuten/e7-confirmed.eml"}, []row{
			{"2026-03-14", "", "2480", "ｻﾝﾌﾟﾙﾏｰﾄ", statement.Posted}, {"2026-03-15", "", "650", "EXAMPLE CAFE", statement.Posted}}},
		{"au PAY 速報 then 詳細", []string{"aupay/e12-preliminary.eml", "aupay/e13-detail.eml"}, []row{
			{"2026-03-14", "19:42", "2480", "SAMPLE MART", statement.Posted}, {"2026-03-15", "", "650", "EXAMPLE CAFE", statement.Posted}}},
		{"ビュー 速報版 and 確報版", []string{"view/e14-confirmed.eml", "view/e14-preliminary.eml"}, []row{
			{"2026-03-14", "19:42", "2480", "SAMPLE STATION SHOP", statement.Posted}}},
		{"the same mail twice", []string{"smbc/e1-notice.eml", "smbc/e1-notice.eml"}, []row{
			{"2026-03-14", "19:42", "2480", "サンプルマート新宿店", statement.Authorised}}},
		{"two mails of one amount and day (other Message-IDs) stay two", []string{"smbc/e1-notice.eml", "smbc/e2-html-only.eml"}, []row{
			{"2026-03-14", "19:42", "2480", "サンプルマート新宿店", statement.Authorised}, {"2026-03-14", "19:42", "2480", "サンプルマート新宿店", statement.Authorised}}},
		{"JCB real-time and 売上到着分 never overlap", []string{"jcb/e8-realtime.eml", "jcb/e9-arrived.eml"}, []row{
			{"2026-03-12", "", "420", "サンプルガス　ミナトテン", statement.Posted}, {"2026-03-12", "", "1980", "サンプルシヨツプ", statement.Posted},
			{"2026-03-14", "19:42", "2480", "サンプルキツチン", statement.Authorised}}},
	} {
		cs := notice.Consolidate(read(tc.files...))
		got := rows(cs)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", tc.name, got, tc.want)
		}
		if tc.name != "楽天 速報 then 確定" {
			continue
		}
		// 楽天's 速報 names no shop: the posted charge keeps the 速報's
		// name (Message-ID, block), so a finding raised on the 速報 keeps
		// its id when the 確定 comes.
		first := read(tc.files[0])[0].Charges
		for _, c := range cs {
			for _, a := range first {
				if a.Amount.Equal(c.Amount) && (c.MessageID != a.MessageID || c.Block != a.Block || !c.Unnamed) {
					t.Errorf("the 確定 of %s is named %s #%d (unnamed %v), the 速報 %s #%d", c.Amount, c.MessageID, c.Block, c.Unnamed, a.MessageID, a.Block)
				}
			}
		}
	}
}

// TestReadMailbox: the demo notices as one mbox, with a mail that is not a
// notice among them, read through ReadMailbox.
func TestReadMailbox(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(demoDir, "*.eml"))
	var box bytes.Buffer
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		box.WriteString("From statement@vpass.ne.jp Mon Jan 24 02:14:00 2022\n")
		box.Write(raw)
		box.WriteString("\n")
		if i == 3 {
			box.WriteString("From shop@example.jp Mon Jan 24 02:14:00 2022\nFrom: shop@example.jp\nSubject: hello\n\nnot a notice\n\n")
		}
	}
	path := filepath.Join(t.TempDir(), "mbox")
	if err := os.WriteFile(path, box.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	noDNS := func(name string) ([]string, error) { return nil, fmt.Errorf("no DNS for %s", name) }
	results, err := Registry().ReadMailbox(path, &auth.Verifier{LookupTXT: auth.Pinned(demoKeys(t), noDNS)})
	if err != nil || len(results) != len(files)+1 {
		t.Fatalf("%v, %d results", err, len(results))
	}
	charges := notice.Consolidate(results)
	if len(charges) != len(files) || results[4].Layout != nil || results[4].Name != path+"[5]" {
		t.Errorf("%d charges; result 5: %+v", len(charges), results[4])
	}
}

// BenchmarkRead reads a signed SMBC notice (multipart, ISO-2022-JP text and
// quoted-printable HTML): MIME and charset decoding, every layout's claim,
// the DKIM check (Ed25519) and the parse.
func BenchmarkRead(b *testing.B) {
	reg := Registry()
	keys := &noticetest.Keys{}
	raw := keys.ReadSigned(b, "../../../testdata/notices/smbc/e1-notice.eml")
	v := keys.Verifier()
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if res := reg.Read("e1", raw, v); len(res.Charges) != 1 {
			b.Fatal(res.Err, res.Imitation)
		}
	}
}

// TestPartlyUnreadable: in every layout, a notice missing a field or with
// one that does not read is an error at its line, with no charge, even
// when other charges of the mail read well.
func TestPartlyUnreadable(t *testing.T) {
	reg := Registry()
	keys := &noticetest.Keys{}
	mail := func(from, fromName, subject, body string) []byte {
		raw := "From: " + fromName + " <" + from + ">\r\nSubject: " + subject + "\r\nMessage-ID: <broken@cardcheck.test>\r\n" +
			"Content-Type: text/plain; charset=UTF-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n")
		return keys.Sign(t, []byte(raw), auth.Domain(from))
	}
	for _, tc := range []struct {
		name, from, fromName, subject, body string
		line                                int
		err                                 string
	}{
		{"JCB 売上到着分 block without amount", "mail@qa.jcb.co.jp", "JCB", "（売上到着分）JCBカード/ショッピングご利用のお知らせ",
			"（売上到着分）\n◆ご利用１\n【ご利用日】　2026/03/12\n【ご利用金額】　420円\n【ご利用先】　A\n◆ご利用２\n【ご利用日】　2026/03/12\n【ご利用先】　B\n", 7, "has no 【ご利用金額】 line"},
		{"楽天 確定 with a bad date", "info@mail.rakuten-card.co.jp", "楽天カード", "カード利用のお知らせ(本人ご利用分)",
			"楽天カード（Visa）\n■利用日: 2026/03/14\n■利用先: A\n■利用金額: 100 円\n\n■利用日: 2026/13/01\n■利用先: B\n■利用金額: 200 円\n", 6, "invalid date"},
		{"au PAY 速報 whose amount line is missing", "info@kddi-fs.com", "au PAY カード", "【ご利用速報】au PAY カード",
			"▼カード情報\nau PAY カード（Visa）\n▼ご利用日時\n　2026/03/14　19:42\n▼ご利用内容\n　カードショッピング利用\n▼ご利用金額\n", 7, "invalid amount"},
		{"SMBC with an unknown transaction type", "statement@vpass.ne.jp", "三井住友カード", "ご利用のお知らせ【三井住友カード】",
			"ご利用カード：X\n◇利用日：2026/03/14 19:42\n◇利用先：A\n◇利用取引：分割変更\n◇利用金額：100円\n", 4, "unknown transaction type"},
		{"エポス without the merchant", "info@01epos.jp", "エポスカード", "カードご利用のお知らせ",
			"ご利用日時：2026年03月14日19:42\nご利用場所：\nご利用金額：2,480円\n", 1, "has no ご利用場所"},
		{"PayPay in another shape", "paypaycard-info@mail.paypay-card.co.jp", "PayPayカード", "PayPayカード（Visa）利用速報",
			"PayPayカードのご利用がありました。金額はアプリでご確認ください。\n", 0, "no \"利用速報"},
	} {
		res := reg.Read(tc.name, mail(tc.from, tc.fromName, tc.subject, tc.body), keys.Verifier())
		var e *notice.Error
		if !errors.As(res.Err, &e) || e.Line != tc.line || !strings.Contains(res.Err.Error(), tc.err) || len(res.Charges) != 0 || res.Imitation != "" {
			t.Errorf("%s: err %v (line %d), %d charges, imitation %q; want line %d: %s", tc.name, res.Err, lineOf(e), len(res.Charges), res.Imitation, tc.line, tc.err)
		}
	}
}

func lineOf(e *notice.Error) int {
	if e == nil {
		return -1
	}
	return e.Line
}
