package rakuten_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/rakuten"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

const bom = "\xef\xbb\xbf"

const header11 = `"利用日","利用店名・商品名","利用者","支払方法","利用金額","手数料/利息","支払総額","2月支払金額","当月請求額","3月繰越残高","新規サイン"` + "\r\n"

func row(date, merchant, holder, plan, amount string) string {
	return fmt.Sprintf(`"%s","%s","%s","%s","%s","0","%s","%s","%s","0","*"`+"\r\n", date, merchant, holder, plan, amount, amount, amount, amount)
}

// TestSemantics checks the cancellation section, the link from a
// cancellation to the charge it repeats, 現地利用額 lines and installments.
func TestSemantics(t *testing.T) {
	res := importertest.Parse(t, &rakuten.Format, []byte(bom+header11+
		row("2025/01/05", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "本人", "1回払い", "3480")+ // 2
		row("2025/01/08", "ANTHROPIC利用国USA", "家族", "1回払い", "805")+ // 3
		`"","現地利用額　　　　５．０００変換レート　１６１．０００円","","","","","","","","",""`+"\r\n"+ // 4
		row("2025/01/11", "ビックカメラ　有楽町", "本人", "3回払い", "60000")+ // 5
		"\r\n"+
		`"■ご利用キャンセルなど","","","","","","","","","",""`+"\r\n"+ // 7
		row("2025/01/05", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "本人", "1回払い", "3480")+ // 8
		row("2025/01/08", "ANTHROPIC利用国USA", "家族", "1回払い", "805")+ // 9
		`"","現地利用額　　　　５．０００変換レート　１６１．０００円","","","","","","","","",""`+"\r\n")) // 10
	importertest.WantErrors(t, res, nil)
	cs := res.Statement.Charges
	if len(cs) != 5 {
		t.Fatalf("%d charges: %+v", len(cs), cs)
	}
	for i, want := range []struct {
		amount, foreign, currency string
		kind                      statement.Kind
		holder                    string
		installments, reverses    int
	}{
		{"3480", "0", "", statement.Purchase, "本人", 0, 0},
		{"805", "5", "USD", statement.Purchase, "家族", 0, 0},
		{"60000", "0", "", statement.Purchase, "本人", 3, 0},
		{"-3480", "0", "", statement.Refund, "本人", 0, 2},
		{"-805", "-5", "USD", statement.Refund, "家族", 0, 3},
	} {
		c := cs[i]
		if c.Amount.String() != want.amount || c.ForeignAmount.String() != want.foreign || c.ForeignCurrency != want.currency ||
			c.Kind != want.kind || c.Holder != want.holder || c.Installments != want.installments || c.Reverses.Line != want.reverses {
			t.Errorf("charge %d: %+v, want %+v", i, c, want)
		}
	}
}

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &rakuten.Format, []byte(bom+header11+
		`"","現地利用額　５．０００変換レート　１６１．０００円","","","","","","","","",""`+"\r\n"+ // 2 nothing before
		row("2025/02/30", "ＢＡＤ　ＤＡＴＥ", "本人", "1回払い", "100")+ // 3
		row("2025/01/06", "ＢＡＤ　ＡＭＯＵＮＴ", "本人", "1回払い", "1OO")+ // 4
		`"2025/01/07","ＳＨＯＲＴ","本人","1回払い","100"`+"\r\n"+ // 5
		row("2025/01/08", "ＯＫ", "本人", "1回払い", "100")+ // 6
		`"","現地利用額　不明","","","","","","","","",""`+"\r\n"+ // 7 unreadable
		row("", "ＬＯＳＴ　ＤＡＴＥ", "本人", "1回払い", "100")+ // 8
		row("2025/01/09", "ＯＫ", "本人", "1回払い", "200")+ // 9
		`"2025/01/10","ＢＲＯＫＥＮ,"1"`+"\r\n")) // 10
	if n := len(res.Statement.Charges); n != 2 {
		t.Errorf("%d charges, want the 2 good rows", n)
	}
	importertest.WantErrors(t, res, map[int]error{2: nil, 3: importer.ErrBadDate, 4: importer.ErrBadAmount, 5: importer.ErrFieldCount,
		7: importer.ErrBadAmount, 8: importer.ErrBadDate, 10: nil})
}

// TestColumnsByName reads the 12-column variant, whose 支払月 column moves
// the monthly amounts one place right, and a 10-column one whose month is in
// full-width digits.
func TestColumnsByName(t *testing.T) {
	for _, header := range []string{
		`"利用日","利用店名・商品名","利用者","支払方法","利用金額","手数料/利息","支払総額","支払月","10月支払金額","当月請求額","11月繰越残高","11月以降請求額"`,
		`"利用日","利用店名・商品名","利用者","支払方法","利用金額","支払手数料","支払総額","５月支払金額","６月繰越残高","新規サイン"`,
	} {
		fields := bytes.Count([]byte(header), []byte(",")) + 1
		line := `"2025/09/03","ＡＭＡＺＯＮ．ＣＯ．ＪＰ","本人","1回払い","3480"` + string(bytes.Repeat([]byte(`,"0"`), fields-5))
		res := importertest.Parse(t, &rakuten.Format, []byte(bom+header+"\n"+line+"\n"))
		importertest.WantErrors(t, res, nil)
		if cs := res.Statement.Charges; len(cs) != 1 || cs[0].Amount.String() != "3480" {
			t.Errorf("%d columns: charges %+v", fields, cs)
		}
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &rakuten.Format, "../../../testdata/statements/rakuten/*.csv")
}

// rakutenFile generates a 楽天 file of n charges, UTF-8 with a BOM, every
// field quoted, a 現地利用額 line after every foreign charge.
func rakutenFile(n int) []byte {
	merchants := []string{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "楽天ＳＰ　すき家　アプリ", "ｲｵﾝﾓ-ﾙﾜｶﾔﾏ", "STEAMGAMES.COM 42595利用国USA", "ＮＨＫ受信料", "楽天モバイル"}
	var b bytes.Buffer
	b.WriteString(bom + header11)
	for i := range n {
		m := merchants[i%len(merchants)]
		amt := 100 + i%9000
		fmt.Fprintf(&b, `"2025/%02d/%02d","%s","本人","1回払い","%d","0","%d","%d","%d","0","*"`+"\r\n", 1+i%12, 1+i%28, m, amt, amt, amt, amt)
		if i%len(merchants) == 3 {
			b.WriteString(`"","現地利用額　　　　９．９９０変換レート　１５８．１５８円","","","","","","","","",""` + "\r\n")
		}
	}
	return b.Bytes()
}

// BenchmarkParse reads a generated 100,000-row 楽天 file in UTF-8 with a
// BOM. rows/s counts charges; the 現地利用額 lines are read but are none.
func BenchmarkParse(b *testing.B) {
	const rows = 100_000
	importertest.Bench(b, &rakuten.Format, rakutenFile(rows), rows)
}
