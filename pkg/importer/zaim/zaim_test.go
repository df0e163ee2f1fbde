package zaim_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/zaim"
)

const header16 = "日付,方法,カテゴリ,カテゴリの内訳,支払元,入金先,品目,メモ,お店,通貨,収入,支出,振替,残高調整,通貨変換前の金額,集計の設定\n"

func TestBadRows(t *testing.T) {
	res := importertest.Parse(t, &zaim.Format, []byte(header16+
		"2025-01-05,payment,日用雑貨,消耗品,楽天カード,-,,,ＡＭＡＺＯＮ,JPY,0,3480,0,0,3480,常に集計に含める\n"+ // 2 ok
		"2025-02-29,payment,日用雑貨,消耗品,楽天カード,-,,,ＡＭＡＺＯＮ,JPY,0,3480,0,0,3480,常に集計に含める\n"+ // 3 bad date
		"2025-01-06,refund,日用雑貨,消耗品,楽天カード,-,,,ＡＭＡＺＯＮ,JPY,0,3480,0,0,3480,常に集計に含める\n"+ // 4 unknown 方法
		"2025-01-07,payment,日用雑貨,消耗品,楽天カード,-,,,ＡＭＡＺＯＮ,JPY,0,3480円也,0,0,3480,常に集計に含める\n"+ // 5 bad amount
		"2025-01-08,payment,-,-,楽天カード,-,,,,JPY,0,100,0,0,100,常に集計に含める\n"+ // 6 nothing names it
		"2025-01-09,payment,日用雑貨,消耗品,楽天カード,-,,,ＡＭＡＺＯＮ,JPY,0,3480,0,0,3480\n"+ // 7 15 fields
		"2025-01-10,payment,教育,書籍,楽天カード,-,,,EXAMPLE,USD,0,3150,0,0,,常に集計に含める\n")) // 8 kept without its foreign amount
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrBadDate, 4: nil, 5: importer.ErrBadAmount, 6: nil, 7: importer.ErrFieldCount, 8: nil})
	cs := res.Statement.Charges
	if len(cs) != 2 || cs[1].Amount.String() != "3150" || cs[1].ForeignCurrency != "" {
		t.Errorf("charges %+v, want lines 2 and 8, the second in yen only", cs)
	}
}

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &zaim.Format, "../../../testdata/statements/zaim/*.csv")
}
