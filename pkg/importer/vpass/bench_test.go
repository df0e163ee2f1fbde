package vpass_test

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/vpass"
)

// benchMerchants mix the shapes real files carry: full-width, half-width
// katakana, ASCII, and a foreign memo.
var benchMerchants = []struct{ name, memo string }{
	{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", ""},
	{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", ""},
	{"ﾌｧﾐﾘｰﾏｰﾄ　横浜西口店", "ﾌｱﾐﾘ-ﾏ-ﾄ/ID"},
	{"EXAMPLE SAAS SUBSCRIPTION", "20.00　USD　157.500　01 13"},
	{"セブン－イレブン／ｉＤ", ""},
	{"ＮＨＫ受信料", ""},
	{"東京電力エナジーパートナー", ""},
	{"会費ペイ", ""},
}

// confirmedFile generates a Vpass 確定 file of n charges in CP932, CRLF.
func confirmedFile(tb testing.TB, n int) []byte {
	tb.Helper()
	var b bytes.Buffer
	b.WriteString("ヤマダ　タロウ　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n")
	total := 0
	for i := range n {
		m := benchMerchants[i%len(benchMerchants)]
		amt := 100 + i%9000
		total += amt
		fmt.Fprintf(&b, "2025/%02d/%02d,%s,%d,１,１,%d,%s\r\n", 1+i%12, 1+i%28, m.name, amt, amt, m.memo)
	}
	fmt.Fprintf(&b, ",,,,,%d,\r\n", total)
	out, err := japanese.ShiftJIS.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkConfirmed reads a generated 100,000-row Vpass 確定 file in
// CP932, decoding included. The target is 1,000,000 rows/s on one core
// (-cpu 1).
func BenchmarkConfirmed(b *testing.B) {
	const rows = 100_000
	importertest.Bench(b, &vpass.Confirmed, confirmedFile(b, rows), rows)
}
