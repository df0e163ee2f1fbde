package payee

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "APPLE COM BILL"},
		{"Apple.com/bill", "APPLE.COM/BILL"},
		{"ﾌｧﾐﾘｰﾏｰﾄ　横浜西口店", "ファミリーマート 横浜西口店"},
		{"ス－パ－マーケット", "スーパーマーケット"},
		{"ｽ-ﾊﾟ-", "スーパー"},
		// A dash between katakana is read as ー whatever it was meant as; config
		// patterns go through Key too, so "セブン-イレブン" matches either way.
		{"セブン－イレブン／ｉＤ", "セブンーイレブン/ID"},
		{"セブン-イレブン", "セブンーイレブン"},
		{"  AMAZON   WEB  SERVICES ", "AMAZON WEB SERVICES"},
		{"会費ペイ", "会費ペイ"},
		{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "AMAZON.CO.JP"},
		{"ABC\x1b[31mDEF", "ABC[31MDEF"},
		{"A\u202eB", "AB"},
		{"㈱サンプル", "(株)サンプル"},
		{"", ""},
		{"NETFLIX.COM", "NETFLIX.COM"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyIdempotent(t *testing.T) {
	for _, s := range []string{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "ｽ-ﾊﾟ-", "a  b", "ﾍﾟｲﾍﾟｲ ﾋﾞｯｸﾞｴｰ"} {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key(Key(%q)) = %q, want %q", s, Key(k), k)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "ｽ-ﾊﾟ-", "x\x00y", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, k, Key(k))
		}
	})
}
