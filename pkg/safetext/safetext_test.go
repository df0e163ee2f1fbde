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

func TestTerminalWriter(t *testing.T) {
	var b strings.Builder
	w := NewTerminalWriter(&b)
	// A line end is kept; an escape sequence, a CR and a bidi override are
	// not; a Japanese character cut between two writes arrives whole.
	msg := []byte("ＡＰＰＬＥ\x1b[2J\r\u202e\n東西新聞\n")
	for _, part := range [][]byte{msg[:4], msg[4:17], msg[17:]} {
		if n, err := w.Write(part); err != nil || n != len(part) {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if got, want := b.String(), `ＡＰＰＬＥ\x1b[2J\x0d\u202e`+"\n東西新聞\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
