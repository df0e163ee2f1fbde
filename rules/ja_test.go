package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestJaStyle(t *testing.T) {
	for in, want := range map[string]string{
		"APPLE COM BILL 2022-01-24 に 5 件（合計 ¥38,000）": "APPLE COM BILL 2022年1月24日 に 5 件（合計 38,000円）",
		"（2021-10-14〜2022-01-25 の利用）":                 "（2021年10月14日〜2022年1月25日 の利用）",
		"差額 -¥1,200":                                "差額 -1,200円",
		"¥500, ¥1,000, and ¥0":                      "500円, 1,000円, and 0円",
		"変化なし 2022-13-01, 12022-01-01, 2022-01-011": "変化なし 2022-13-01, 12022-01-01, 2022-01-011",
		"¥ alone, 2022-01":                          "¥ alone, 2022-01",
		"no figures":                                "no figures",
	} {
		if got := jaStyle(in); got != want {
			t.Errorf("jaStyle(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzJaStyle(f *testing.F) {
	f.Add("合計 ¥38,000、2022-01-24")
	f.Fuzz(func(t *testing.T, s string) {
		out := jaStyle(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("jaStyle(%q) = %q is not valid UTF-8", s, out)
		}
		if !strings.Contains(s, "¥") && !strings.Contains(s, "-") && out != s {
			t.Fatalf("jaStyle(%q) = %q changed text without figures", s, out)
		}
	})
}
