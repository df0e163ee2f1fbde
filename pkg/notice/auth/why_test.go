package auth

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Why an imitation is one is facts, said in Japanese without English words
// and in English as before.
func TestWhyInBothLanguages(t *testing.T) {
	v := &Verifier{LookupTXT: func(string) ([]string, error) { return nil, nil }}
	domains := []string{"vpass.ne.jp", "smbc-card.com"}
	for _, tc := range []struct{ mail, en, ja string }{
		{"From: info@vpass-card.example\r\n", "it was sent from info@vpass-card.example, not from vpass.ne.jp or smbc-card.com",
			"送信元が info@vpass-card.example で、vpass.ne.jp または smbc-card.com ではありません"},
		{"From: a@vpass.ne.jp\r\nFrom: b@evil.example\r\n", "it has 2 From headers; a mail has exactly one", "From ヘッダーが2個あります"},
		{"From: statement@vpass.ne.jp\r\n", "it claims to be from statement@vpass.ne.jp but carries no DKIM signature of vpass.ne.jp",
			"statement@vpass.ne.jp からのメールを名乗っていますが、vpass.ne.jp の DKIM 署名がありません"},
		{"From: statement@vpass.ne.jp\r\nDKIM-Signature: v=1; a=rsa-sha256; d=vpass.ne.jp; s=s; l=10; h=from; bh=x; b=y\r\n",
			"its DKIM signature of vpass.ne.jp covers only the start of the body (l=)", "vpass.ne.jp の DKIM 署名が本文の先頭部分だけに"},
	} {
		got := v.Check([]byte(tc.mail+"\r\nbody\r\n"), domains)
		if got.Authentic || message.Check(got.Why) != nil {
			t.Fatalf("%q: %+v (%v)", tc.mail, got, message.Check(got.Why))
		}
		en, ja := message.Render(lang.EN, got.Why), message.Render(lang.JA, got.Why)
		if !strings.Contains(en, tc.en) || got.Reason() != en {
			t.Errorf("English %q, want %q", en, tc.en)
		}
		if !strings.Contains(ja, tc.ja) || strings.Contains(ja, " or ") || strings.Contains(ja, "sent from") {
			t.Errorf("Japanese %q, want %q", ja, tc.ja)
		}
	}
	two := message.Each(message.New("notice.why.no-key", message.Args{"domain": message.Text("a.jp")}),
		message.New("notice.why.no-key", message.Args{"domain": message.Text("b.jp")}))
	if s := message.Render(lang.EN, two); !strings.HasPrefix(s, "a.jp publishes") || !strings.Contains(s, "; b.jp publishes") {
		t.Errorf("Each: %q", s)
	}
}
