package importer

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestHeader(t *testing.T) {
	h := NewHeader([]string{" 利用日 ", "利用店名・商品名", "決済方法", "利用金額　"})
	if got := h.Index("利用金額"); got != 3 {
		t.Errorf("Index(利用金額) = %d, want 3 (names are trimmed, full-width spaces too)", got)
	}
	if got := h.Index("通貨略称", "決済方法"); got != 2 {
		t.Errorf("Index(通貨略称, 決済方法) = %d, want 2 (the first name present wins)", got)
	}
	if got := h.Index("利用店名"); got != -1 {
		t.Errorf("Index(利用店名) = %d, want -1 (names match whole)", got)
	}
	if !h.Has("利用日", "決済方法") || h.Has("利用日", "手数料") {
		t.Error("Has is wrong")
	}
	lines := []string{"ご利用カード,イオンカード,,", "今回ご請求金額,4580,,", `ご利用日,利用者区分,ご利用先,"支払方法"`, "250105,本人,ご利用先,１回"}
	if got := FindHeader(lines, "ご利用日", "ご利用先", "支払方法"); got != 2 {
		t.Errorf("FindHeader = %d, want 2", got)
	}
	if got := FindHeader(lines, "ご利用日", "データ処理日"); got != -1 {
		t.Errorf("FindHeader of a missing header = %d, want -1", got)
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		key    string
		amount int64
		want   statement.Kind
	}{
		{"AMAZON.CO.JP", 3480, statement.Purchase},
		{"AMAZON.CO.JP", -3480, statement.Refund},
		{"前回分口座振替金額", -25000, statement.Payment},
		{"ご入金ありがとうございます", -1000, statement.Payment},
		{"リボ利息", 120, statement.Interest},
		{"年会費", 1375, statement.Fee},
		{"ネンカイヒ", 1375, statement.Fee},
		{"カイガイジムシヨリテスウリヨウ", 64, statement.Fee},
		{"年会費", -1375, statement.Refund},
	}
	for _, tt := range tests {
		if got := KindOf(tt.key, decimal.NewFromInt(tt.amount)); got != tt.want {
			t.Errorf("KindOf(%q, %d) = %s, want %s", tt.key, tt.amount, got, tt.want)
		}
	}
}

func TestParseInstallments(t *testing.T) {
	tests := map[string]int{
		"1": 1, "１回": 1, "３回払い": 3, "分割(12回)": 12, "通常払い": 0, "リボ": 0, "": 0, "9999回": 0,
	}
	for in, want := range tests {
		if got := ParseInstallments(in); got != want {
			t.Errorf("ParseInstallments(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestHeaderFits(t *testing.T) {
	h := NewHeader([]string{"ご利用日", "ご利用内容", "金額", ""})
	for _, ok := range [][]string{{"a", "b", "c", ""}, {"a", "b", "c"}, {"a", "b", "c", "memo"}} {
		if err := h.Fits(ok); err != nil {
			t.Errorf("Fits(%q) = %v", ok, err)
		}
	}
	for _, bad := range [][]string{{"a", "b"}, {"a", "b", "c", "", "x"}, {"a", "b", "c", "", ""}} {
		if err := h.Fits(bad); !errors.Is(err, ErrFieldCount) {
			t.Errorf("Fits(%q) = %v, want ErrFieldCount", bad, err)
		}
	}
}

func TestCardsOf(t *testing.T) {
	a, b := statement.Card{Issuer: "X", Number: "-1"}, statement.Card{Issuer: "X", Number: "-2"}
	got := CardsOf([]statement.Charge{{Card: a}, {Card: b}, {Card: a}})
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("CardsOf = %v, want [%v %v]", got, a, b)
	}
}

func TestParseForeign(t *testing.T) {
	for _, in := range [][2]string{{"20.00", "USD"}, {"２０．００", "ｕｓｄ"}, {" 20 ", " USD "}} {
		if amt, code, ok := ParseForeign(in[0], in[1]); !ok || amt.String() != "20" || code != "USD" {
			t.Errorf("ParseForeign(%q, %q) = %s %q %v, want 20 USD", in[0], in[1], amt, code, ok)
		}
	}
	for _, in := range [][2]string{{"20.00", "ﾄﾞﾙ"}, {"20.00", "US"}, {"20.00", "US$"}, {"ten", "USD"}, {"", "USD"}} {
		if _, _, ok := ParseForeign(in[0], in[1]); ok {
			t.Errorf("ParseForeign(%q, %q) read", in[0], in[1])
		}
	}
}
