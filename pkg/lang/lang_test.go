package lang

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, EN},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, JA},
		{map[string]string{"LANG": "ja_JP.eucJP"}, JA},
		{map[string]string{"LANG": "C.UTF-8"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, JA},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, EN},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": ""}, JA},
		{map[string]string{"LANG": "japanese"}, EN},
	}
	for _, tt := range tests {
		if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("FromEnv(%v) = %s, want %s", tt.env, got, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	d := statement.NewDate(2022, 1, 24)
	yen := decimal.NewFromInt(38000)
	for _, tt := range []struct{ got, want string }{
		{EN.Date(d), "2022-01-24"}, {JA.Date(d), "2022年1月24日"},
		{EN.LongDate(d), "2022-01-24"}, {JA.LongDate(d), "2022年1月24日"},
		{EN.Month(d), "2022-01"}, {JA.Month(d), "2022年1月"},
		{EN.Yen(yen), "¥38,000"}, {JA.Yen(yen), "38,000円"}, {JA.Yen(decimal.NewFromInt(-1200)), "-1,200円"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if l, err := Parse("JA"); l != JA || err != nil {
		t.Errorf("Parse(JA) = %s %v", l, err)
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse(fr) accepted")
	}
}
