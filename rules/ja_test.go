package rules

import "testing"

func TestJaStyle(t *testing.T) {
	for in, want := range map[string]string{
		"APPLE COM BILL 2022-01-24 に 5 件（合計 ¥38,000）": "APPLE COM BILL 2022年1月24日 に 5 件（合計 38,000円）",
		"（2021-10-14〜2022-01-25 の利用）":                 "（2021年10月14日〜2022年1月25日 の利用）",
		"差額 -¥1,200":   "差額 -1,200円",
		"変化なし 2022-13": "変化なし 2022-13",
	} {
		if got := jaStyle(in); got != want {
			t.Errorf("jaStyle(%q) = %q, want %q", in, got, want)
		}
	}
}
