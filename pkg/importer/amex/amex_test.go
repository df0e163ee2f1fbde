package amex_test

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/amex"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
)

const header8 = "ご利用日,データ処理日,ご利用内容,カード会員様名,会員番号 #,金額,海外通貨利用金額,換算レート\r\n"

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &amex.Format, importertest.CP932(t, header8+
		"2025/01/05,2025/01/06,ＡＭＡＺＯＮ,TARO YAMADA,-12345,\"3,480\",,\r\n"+ // 2 ok
		"2025/01/32,2025/01/06,ＢＡＤ,TARO YAMADA,-12345,100,,\r\n"+ // 3 bad date
		"2025/01/05,2025/01/06,ＢＡＤ,TARO YAMADA,-12345,3,480,,\r\n"+ // 4 unquoted comma: 9 fields
		"2025/01/05,2025/01/06,ＢＡＤ,TARO YAMADA,-12345,ａｂｃ,,\r\n"+ // 5 bad amount
		"2025/01/07,2025/01/07,ＧＩＴＨＵＢ,TARO YAMADA,-12345,\"1,512\",ten dollars,\r\n"+ // 6 kept, foreign unreadable
		"2025/01/08,2025/01/08,　　　,TARO YAMADA,-12345,100,,\r\n")) // 7 no merchant
	var merchants []string
	for _, c := range res.Statement.Charges {
		merchants = append(merchants, c.Merchant)
	}
	if strings.Join(merchants, ",") != "ＡＭＡＺＯＮ,ＧＩＴＨＵＢ" {
		t.Errorf("charges %q, want ＡＭＡＺＯＮ and ＧＩＴＨＵＢ", merchants)
	}
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: importer.ErrFieldCount, 5: importer.ErrBadAmount, 6: nil, 7: nil})
}

func TestForeignAmount(t *testing.T) {
	for in, want := range map[string]string{"20.00 USD": "20 USD", "1,234.56 EUR": "1234.56 EUR", "USD 9.99": "9.99 USD", "２０．００　ＵＳＤ": "20 USD"} {
		amt, cur, ok := amex.ForeignAmount(in)
		if got := amt.String() + " " + cur; !ok || got != want {
			t.Errorf("ForeignAmount(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"20.00", "USD", "20.00 US DOLLAR", "1.2.3 USD"} {
		if _, _, ok := amex.ForeignAmount(in); ok {
			t.Errorf("ForeignAmount(%q) read", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &amex.Format, "../../../testdata/statements/amex/*.csv")
}
