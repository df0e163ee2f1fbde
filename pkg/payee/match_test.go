package payee

import (
	"errors"
	"testing"
)

func TestMatcher(t *testing.T) {
	m := MustCompile("東西新聞 購読料", "PAYPAL *SAMPLESOFT", "prefix:AMAZON", "prefix:GOOGLE *", `re:^NETFLIX(\.COM)?$`, "ｓｐｏｔｉｆｙ")
	for _, tt := range []struct {
		merchant string
		want     bool
	}{
		{"東西新聞　購読料", true}, {"東西新聞ギフトカード", false}, {"東西新聞", false},
		{"ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", true}, {"PAYPAL *SAMPLESOFTBITCOIN", false}, {"SQ *SAMPLESOFT", false}, {"SAMPLESOFT", false},
		{"AMAZON.CO.JP", true}, {"THE AMAZON", false}, {"GOOGLE *YOUTUBE", true}, {"YOUTUBE", false},
		{"NETFLIX.COM", true}, {"NETFLIX.COM GIFT", false},
		{"SPOTIFY", true}, {"SPOTIFY P0123ABC", false},
	} {
		k, via := Split(tt.merchant)
		if got := m.Match(k, via); got != tt.want {
			t.Errorf("%q (key %q via %q): %v", tt.merchant, k, via, got)
		}
	}
	// A pattern without a processor matches the payee however it was paid.
	if !MustCompile("SAMPLESOFT").Match("SAMPLESOFT", "GOOGLE") {
		t.Error("a plain key does not match its payee via a processor")
	}
	if _, err := Compile([]string{"ok", "re:("}); err == nil || err.(*PatternError).Index != 1 {
		t.Errorf("bad regexp: %v", err)
	}
	if _, err := Compile([]string{"prefix:  "}); !errors.Is(err, ErrEmptyPattern) {
		t.Errorf("empty prefix: %v", err)
	}
	if p, ok := MustCompile("東西新聞").Partly("東西新聞 購読料"); !ok || p != "東西新聞" {
		t.Errorf("Partly = %q, %v", p, ok)
	}
}

// TestExactPattern: what allow and learn --write copy from a statement
// matches that payee and nothing else, and is never read as "re:" or
// "prefix:", whatever the merchant name says.
func TestExactPattern(t *testing.T) {
	others := []string{"APPLE COM BILL", "東西新聞 購読料", "AMAZON.CO.JP", "RE:", "X"}
	for _, merchant := range []string{"re:.*", "prefix:A", "ＰＡＹＰＡＬ　＊ＳＡＭＰＬＥＳＯＦＴ", "セブン－イレブン／ｉＤ", "東西新聞　購読料", "Ｒｅ：．＊", `a"b # c`} {
		p := ExactPattern(merchant)
		m := MustCompile(p)
		k, via := Split(merchant)
		if !m.Match(k, via) {
			t.Errorf("%q: pattern %q does not match its own payee %q via %q", merchant, p, k, via)
		}
		for _, o := range others {
			if o != k && m.Match(o, "") {
				t.Errorf("%q: pattern %q matches %q too", merchant, p, o)
			}
		}
	}
	if got := ExactPattern("re:.*"); got != "RE:.*" {
		t.Errorf("ExactPattern(re:.*) = %q", got)
	}
}
