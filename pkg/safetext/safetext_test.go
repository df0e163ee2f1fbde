package safetext

import (
	"strings"
	"testing"
	"unicode"
)

func TestTerminal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ"},
		{"APPLE\x1b[2J", `APPLE\x1b[2J`},
		{"a\r\nb", `a\x0d\x0ab`},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"zero\u200bwidth", `zero\u200bwidth`},
		{"c1\u009bcsi", `c1\u009bcsi`},
		{"bell\a", `bell\x07`},
		{"ﾌｧﾐﾘｰﾏｰﾄ", "ﾌｧﾐﾘｰﾏｰﾄ"},
	}
	for _, tt := range tests {
		if got := Terminal(tt.in); got != tt.want {
			t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "-1+1": "'-1+1", "@SUM": "'@SUM", "AMAZON": "AMAZON"} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzTerminal(f *testing.F) {
	f.Add("APPLE\x1b[31m\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		out := Terminal(s)
		for _, r := range out {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("Terminal(%q) = %q keeps %U", s, out, r)
			}
		}
		if strings.ContainsAny(Header(s), "\r\n") {
			t.Fatalf("Header keeps a line break")
		}
	})
}
