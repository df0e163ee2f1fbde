package notice

import (
	"testing"
)

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		line, label, value string
		ok                 bool
	}{
		{"◇利用日：2026/03/14 19:42", "◇利用日", "2026/03/14 19:42", true},
		{"◇利用日時：2026/03/14", "◇利用日", "", false},
		{"■利用日: 2026/03/14", "■利用日", "2026/03/14", true},
		{"　　【ご利用金額】　 420円", "【ご利用金額】", "420円", true},
		{"【日時（日本時間）】　2026/03/16 03:20", "【日時(日本時間)】", "2026/03/16 03:20", true},
		{"【金額】- 650円（取消）", "【金額】", "- 650円（取消）", true},
		{"・ 利用日　 　：2026/03/14", "・利用日", "2026/03/14", true},
		{"・ 利用日時 　：2026/03/14 19:42:05", "・利用日", "", false},
		{"▼ご利用日時", "▼ご利用日時", "", true},
		{"カード名称　：　ＪＣＢカードＳ", "カード名称", "ＪＣＢカードＳ", true},
		{"ご利用金額の合計", "ご利用金額", "", false},
	} {
		v, ok := Cut(tc.line, tc.label)
		if v != tc.value || ok != tc.ok {
			t.Errorf("Cut(%q, %q) = %q, %v; want %q, %v", tc.line, tc.label, v, ok, tc.value, tc.ok)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct{ in, value, currency, note string }{
		{"2,480円", "2480", "JPY", ""},
		{"2,480 円", "2480", "JPY", ""},
		{"　 420円", "420", "JPY", ""},
		{"　5,000円　", "5000", "JPY", ""},
		{"-1,080円", "-1080", "JPY", ""},
		{"- 430円（取消）", "-430", "JPY", "取消"},
		{"-300円 (返品)", "-300", "JPY", "返品"},
		{"62,586.00JPY", "62586", "JPY", ""},
		{"-990.00 JPY", "-990", "JPY", ""},
		{"12.50USD", "12.5", "USD", ""},
		{"10,950.00KRW", "10950", "KRW", ""},
		{"１，２００円", "1200", "JPY", ""},
	} {
		a, err := ParseAmount(tc.in)
		if err != nil || a.Value.String() != tc.value || a.Currency != tc.currency || a.Note != tc.note {
			t.Errorf("ParseAmount(%q) = %s %s %q, %v", tc.in, a.Value, a.Currency, a.Note, err)
		}
	}
	for _, bad := range []string{"", "円", "2,480", "二千円", "1,100円　→　サンプル", "2.4.8円", "12.50usd"} {
		if a, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) = %s, want an error", bad, a.Value)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	for _, tc := range []struct{ in, date, time string }{
		{"2026/03/14 19:42", "2026-03-14", "19:42:00"},
		{"2026/03/14", "2026-03-14", ""},
		{"2026/03/14 19:42:05", "2026-03-14", "19:42:05"},
		{"2026/03/14　19:42", "2026-03-14", "19:42:00"},
		{"2026年3月14日", "2026-03-14", ""},
		{"2026年03月14日19:42", "2026-03-14", "19:42:00"},
		{"2026年5月7日14:23", "2026-05-07", "14:23:00"},
		{"2026年02月02日 17:14", "2026-02-02", "17:14:00"},
		{"2024/6/11", "2024-06-11", ""},
	} {
		d, at, err := ParseDateTime(tc.in)
		got := ""
		if !at.IsZero() {
			got = at.Format("15:04:05")
			if at.Location().String() != "Asia/Tokyo" && at.Location().String() != "JST" {
				t.Errorf("%q: zone %v", tc.in, at.Location())
			}
		}
		if err != nil || d.String() != tc.date || got != tc.time {
			t.Errorf("ParseDateTime(%q) = %s %q, %v", tc.in, d, got, err)
		}
	}
	for _, bad := range []string{"", "2026/02/30", "2026/03/14 24:00", "14/03/2026", "2026/03/14 19:42 JST"} {
		if _, _, err := ParseDateTime(bad); err == nil {
			t.Errorf("ParseDateTime(%q): no error", bad)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	for m, want := range map[string]bool{
		"Visa加盟店": true, "Ｍａｓｔｅｒｃａｒｄ加盟店": true, "国内加盟店ショッピング(通販・ネットショッピングなどでのご利用)": true,
		"カードショッピング利用": true, "JCBクレジットご利用分（海外利用分）": true, "": true,
		"サンプルマート": false, "VISA GIFT SHOP": false,
	} {
		if got := IsPlaceholder(m); got != want {
			t.Errorf("IsPlaceholder(%q) = %v", m, got)
		}
	}
}

func TestFlattenHTML(t *testing.T) {
	got := FlattenHTML(`<html><head><style>td{x:1}</style><script>var a="2,480円"</script></head><body>
<p>ハナコ&nbsp;様</p><table><tr><td>ご利用日時：2026/03/14 19:42</td></tr><tr><td>店&amp;名（買物）</td><td>2,480円</td></tr></table><!-- 9,999円 --></body></html>`)
	want := "ハナコ 様\nご利用日時：2026/03/14 19:42\n店&名（買物）\n2,480円"
	if got != want {
		t.Errorf("FlattenHTML:\n%q\nwant\n%q", got, want)
	}
}

// FuzzParseMessage: no input panics, and a message that parses has a body.
func FuzzParseMessage(f *testing.F) {
	f.Add([]byte("From: a@b.jp\r\nSubject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: base64\r\n\r\nGyRCJDMbKEk2GyhC\r\n--x--\r\n"))
	f.Add([]byte("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E3=81=82</p>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := ParseMessage(raw)
		if err == nil && m.Text == "" && m.HTML == "" && len(raw) > 0 && m.Body() != "" {
			t.Fatal("body from nowhere")
		}
	})
}
