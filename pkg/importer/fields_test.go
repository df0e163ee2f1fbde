package importer

import (
	"errors"
	"testing"
)

func TestParseDate(t *testing.T) {
	good := map[string]string{
		"2025/01/05":  "2025-01-05",
		"2020/7/3":    "2020-07-03",
		" 2022/12/01": "2022-12-01",
		"2025-01-05":  "2025-01-05",
		"2025年1月5日":   "2025-01-05",
		"2025年 1月 6日": "2025-01-06",
		"250105":      "2025-01-05",
		"20250105":    "2025-01-05",
		"２０２５／０１／０５":  "2025-01-05",
		"2024/02/29":  "2024-02-29",
	}
	for in, want := range good {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "2025/13/01", "2023/02/29", "2025/06", "abc", "2025/01/05x", "12345", "2025//", "1/2/2025", "999999999999"} {
		if d, err := ParseDate(in); !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q) = %v, %v; want ErrBadDate", in, d, err)
		}
	}
}

func TestParseAmount(t *testing.T) {
	good := map[string]string{
		"3480": "3480", "3,480": "3480", "-361,429": "-361429", "0000012345": "12345",
		"１，２３４": "1234", "¥1,200": "1200", "1200円": "1200", "５．０００": "5", "20.00": "20",
		" 42 ": "42", "－500": "-500",
		"999999999999": "999999999999", "-999,999,999,999": "-999999999999", "0000000000001234": "1234",
		"999999999999.123456": "999999999999.123456",
	}
	for in, want := range good {
		d, err := ParseAmount(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	// Issue 10: a card number in an amount column is no amount, on the
	// fast path (plain digits) as on the others.
	for _, in := range []string{"", "abc", "1.2.3", "12a", ",", "-", "1e5", "NaN",
		"4111111111111111", "-4111111111111111", "1234567890123", "4,111,111,111,111,111", "¥4111111111111111",
		"４１１１１１１１１１１１１１１１", "411111111111111111", "1.1234567"} {
		if d, err := ParseAmount(in); !errors.Is(err, ErrBadAmount) {
			t.Errorf("ParseAmount(%q) = %v, %v; want ErrBadAmount", in, d, err)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"3480", "-361,429", "０００１２", "¥1,200", "1200円", "５．０００", "1e5", "--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseAmount(s)
		if err != nil {
			if !errors.Is(err, ErrBadAmount) {
				t.Fatalf("ParseAmount(%q): error %v is not ErrBadAmount", s, err)
			}
			return
		}
		// What it accepts is a plain decimal that reads back the same.
		back, err := ParseAmount(d.String())
		if err != nil || !back.Equal(d) {
			t.Fatalf("ParseAmount(%q) = %s, which reads back as %v, %v", s, d, back, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025/01/05", " 2022/12/01", "2025年 1月 6日", "250105", "20250105", "2025-02-29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrBadDate) {
				t.Fatalf("ParseDate(%q): error %v is not ErrBadDate", s, err)
			}
			return
		}
		// An accepted date is a real day, and its ISO form reads back to it.
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %s, which reads back as %v, %v", s, d, back, err)
		}
	})
}
