package report

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestTableAlignsByDisplayWidth: full-width text takes two cells, so the
// columns after it line up on a terminal, not by bytes or runes.
func TestTableAlignsByDisplayWidth(t *testing.T) {
	tb := &Table{Right: map[int]bool{1: true}}
	tb.Row("MERCHANT", "AMOUNT", "CARD")
	tb.Row("ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "¥10,000", "x")
	tb.Row("ﾌｧﾐﾘｰﾏｰﾄ", "¥540", "y")
	tb.Row("AMAZON", "¥3,480", "z")
	var b strings.Builder
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		// The last column starts at the same display column on every line.
		i := strings.LastIndex(l, "  ")
		w := runewidth.StringWidth(l[:i+2])
		if col >= 0 && w != col {
			t.Errorf("misaligned:\n%s", b.String())
			break
		}
		col = w
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing space in %q", l)
		}
	}
	// Amounts are right-aligned: their last characters line up.
	end := -1
	for _, l := range lines[1:] {
		i := strings.Index(l, "¥")
		j := i + strings.Index(l[i:], " ")
		w := runewidth.StringWidth(l[:j])
		if end >= 0 && w != end {
			t.Errorf("amounts not right-aligned:\n%s", b.String())
		}
		end = w
	}
}
