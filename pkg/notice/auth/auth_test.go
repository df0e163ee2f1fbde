package auth

import (
	"strings"
	"testing"
)

func TestDomain(t *testing.T) {
	for in, want := range map[string]string{
		"statement@vpass.ne.jp":                     "vpass.ne.jp",
		"info@mail.rakuten-card.co.jp":              "rakuten-card.co.jp",
		"info@MAIL.Rakuten-Card.co.jp":              "rakuten-card.co.jp",
		"info@mail.rakuten-card.co.jp.evil.example": "evil.example",
		"info@vpassard.co.jp":                       "vpassard.co.jp",
		"a@co.jp":                                   "",
		"a@":                                        "",
		"paypaycard-info@mail.paypay-card.co.jp":    "paypay-card.co.jp",
		"x@rakuten-card.co.jp.":                     "rakuten-card.co.jp",
		"announce@pinf.pocketcard.co.jp":            "pocketcard.co.jp",
		"\"a@vpass.ne.jp\"@evil.example":            "evil.example",
		"no-reply@smbc-card.com.phish.example.com":  "example.com",
	} {
		if got := Domain(in); got != want {
			t.Errorf("Domain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckFrom(t *testing.T) {
	v := &Verifier{LookupTXT: func(string) ([]string, error) { return nil, nil }}
	for _, tc := range []struct{ from, reason string }{
		{"From: =?UTF-8?B?5LiJ5LqV5L2P5Y+L?= <statement@vpass.ne.jp.example.com>", "sent from statement@vpass.ne.jp.example.com"},
		{"From: statement@vpass.ne.jp, other@evil.example", "is not one address"},
		{"From: statement@vpass.ne.jp\r\nFrom: other@evil.example", "2 From headers"},
		{"Subject: no from", "0 From headers"},
	} {
		got := v.Check([]byte(tc.from+"\r\n\r\nbody\r\n"), []string{"vpass.ne.jp"})
		if got.Authentic || !strings.Contains(got.Reason(), tc.reason) {
			t.Errorf("%q: %+v, want %q", tc.from, got, tc.reason)
		}
	}
}

// FuzzCheck: no header, however broken, panics the check or passes it
// without a signature.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("From: statement@vpass.ne.jp\r\nAuthentication-Results: mx.example.jp; dkim=pass header.d=vpass.ne.jp\r\n\r\nx"))
	f.Add([]byte("DKIM-Signature: v=1; a=ed25519-sha256; d=vpass.ne.jp; s=x; h=from; bh=; b=\r\nFrom: a@vpass.ne.jp\r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		v := &Verifier{LookupTXT: func(string) ([]string, error) { return nil, nil }}
		if got := v.Check(raw, []string{"vpass.ne.jp"}); got.Authentic {
			t.Fatalf("authentic without a key or a trusted server: %+v", got)
		}
	})
}

func TestParseKeys(t *testing.T) {
	got, err := ParseKeys([]byte("; the demo key\n\ncardcheck-demo._domainkey.vpass.ne.jp. IN TXT \"v=DKIM1; k=ed25519; \" \"p=abc=\"\nS2._domainkey.Example.JP IN TXT \"v=DKIM1; p=x\"\n"))
	if err != nil || len(got) != 2 || got["cardcheck-demo._domainkey.vpass.ne.jp"] != "v=DKIM1; k=ed25519; p=abc=" || got["s2._domainkey.example.jp"] != "v=DKIM1; p=x" {
		t.Errorf("%q, %v", got, err)
	}
	for _, bad := range []string{"vpass.ne.jp. IN TXT \"v=DKIM1; p=x\"", "s._domainkey.a.jp IN A 1.2.3.4", "s._domainkey.a.jp IN TXT \"v=DKIM1; p=x", "s._domainkey.a.jp IN TXT \"spf\""} {
		if _, err := ParseKeys([]byte(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
