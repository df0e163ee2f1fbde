package statement

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestDate(t *testing.T) {
	d := NewDate(2022, time.January, 24)
	if d.String() != "2022-01-24" {
		t.Errorf("String = %s", d)
	}
	if d.Weekday() != time.Monday {
		t.Errorf("Weekday = %s, want Monday", d.Weekday())
	}
	if got := d.Time(); got.Format(time.RFC3339) != "2022-01-24T00:00:00+09:00" {
		t.Errorf("Time = %s", got.Format(time.RFC3339))
	}
	if got := NewDate(2025, time.January, 31).AddMonths(1); got.String() != "2025-02-28" {
		t.Errorf("Jan 31 + 1 month = %s", got)
	}
	if got := NewDate(2024, time.January, 31).AddMonths(1); got.String() != "2024-02-29" {
		t.Errorf("Jan 31 2024 + 1 month = %s", got)
	}
	if got := NewDate(1969, time.December, 31); got.String() != "1969-12-31" || got.Weekday() != time.Wednesday {
		t.Errorf("before the epoch: %s %s", got, got.Weekday())
	}
	// A moment late on the 23rd in UTC is already the 24th in Tokyo.
	if got := DateOf(time.Date(2022, 1, 23, 16, 30, 0, 0, time.UTC)); got != d {
		t.Errorf("DateOf = %s, want %s", got, d)
	}
	for _, bad := range []string{"2022-02-30", "2022/01/24", "22-01-24", ""} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	var u Date
	if err := u.UnmarshalText([]byte("2022-01-24")); err != nil || u != d {
		t.Errorf("UnmarshalText = %s, %v", u, err)
	}
}

func TestFormatYen(t *testing.T) {
	for in, want := range map[string]string{"0": "¥0", "999": "¥999", "1000": "¥1,000", "38000": "¥38,000", "-1200": "-¥1,200", "1234567": "¥1,234,567"} {
		if got := FormatYen(decimal.RequireFromString(in)); got != want {
			t.Errorf("FormatYen(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestCardLabel(t *testing.T) {
	for _, tt := range []struct {
		c    Card
		want string
	}{
		{Card{Issuer: "三井住友カード", Name: "ゴールド", Number: "4980-00**-****-****"}, "ゴールド 4980-00**-****-****"},
		{Card{Issuer: "楽天カード"}, "楽天カード"},
		{Card{Number: "****-1234"}, "****-1234"},
	} {
		if got := tt.c.Label(); got != tt.want {
			t.Errorf("Label = %q, want %q", got, tt.want)
		}
	}
}

// TestCalendar checks the integer calendar against the time package over
// every day from 1600 to 2400 (leap centuries included) and before the epoch.
func TestCalendar(t *testing.T) {
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 800*366; i += 1 {
		tm := start.AddDate(0, 0, i)
		y, m, day := tm.Date()
		d := NewDate(y, m, day)
		if want := Date(tm.Unix() / 86400); d != want {
			t.Fatalf("NewDate(%d, %d, %d) = %d, want %d", y, m, day, d, want)
		}
		if gy, gm, gd := d.YMD(); gy != y || gm != m || gd != day {
			t.Fatalf("%d.YMD() = %d-%d-%d, want %d-%d-%d", d, gy, gm, gd, y, m, day)
		}
		if d.IsMonthEnd() != (tm.AddDate(0, 0, 1).Day() == 1) {
			t.Fatalf("%s: IsMonthEnd = %v", d, d.IsMonthEnd())
		}
		if got, want := d.MonthStart(), NewDate(y, m, 1); got != want {
			t.Fatalf("%s: MonthStart = %s", d, got)
		}
		if i%7 == 0 {
			for _, n := range []int{-25, -13, -1, 1, 2, 11, 12, 37} {
				// time.AddDate does not clamp; the month's end does.
				first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
				want := NewDate(first.Year(), first.Month(), min(day, DaysIn(first.Year(), first.Month())))
				if got := d.AddMonths(n); got != want {
					t.Fatalf("%s.AddMonths(%d) = %s, want %s", d, n, got, want)
				}
			}
			if got, want := d.WithDay(31), NewDate(y, m+1, 0); got != want {
				t.Fatalf("%s.WithDay(31) = %s, want %s", d, got, want)
			}
		}
	}
	// Out-of-range parts normalise as time.Date does.
	for _, c := range [][3]int{{2024, 13, 1}, {2024, 0, 1}, {2024, -14, 3}, {2024, 3, 0}, {2023, 2, 29}, {2024, 1, 400}} {
		want := time.Date(c[0], time.Month(c[1]), c[2], 0, 0, 0, 0, time.UTC)
		if got := NewDate(c[0], time.Month(c[1]), c[2]); got != Date(want.Unix()/86400) {
			t.Errorf("NewDate(%v) = %s, want %s", c, got, want.Format(time.DateOnly))
		}
	}
	if DaysIn(1900, time.February) != 28 || DaysIn(2000, time.February) != 29 || DaysIn(2024, time.April) != 30 {
		t.Error("DaysIn: wrong leap years or month lengths")
	}
}

func TestSum(t *testing.T) {
	var s Sum
	// Sum must stay exact beyond int64, whatever an importer accepts.
	for _, a := range []string{"3480", "-1200", "20.50", "999999999999999999999", "1"} {
		s.Add(decimal.RequireFromString(a))
	}
	if got := s.Decimal().String(); got != "1000000000000000002300.5" {
		t.Errorf("sum = %s", got)
	}
	var big Sum
	for range 5000 {
		big.Add(decimal.New(999_999_999_999_999, 0)) // crosses maxFast
	}
	if want := decimal.New(999_999_999_999_999, 0).Mul(decimal.New(5000, 0)); !big.Decimal().Equal(want) {
		t.Errorf("sum = %s, want %s", big.Decimal(), want)
	}
}

func TestWholeYen(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "38000": 38000, "-1200": -1200, "1.2E+3": 1200, "20.50": 20, "-20.50": -20,
		"999999999999999": 999999999999999, "1E+14": 100000000000000, "1e3": 1000, "12.5": 12, "-12.5": -12, "9223372036854775807": 9223372036854775807,
	} {
		if got := WholeYen(decimal.RequireFromString(in)); got != want {
			t.Errorf("WholeYen(%s) = %d, want %d", in, got, want)
		}
	}
}

func TestParseDays(t *testing.T) {
	for s, want := range map[string]int{"3": 3, "3d": 3, "2w": 14, "1y": 365, "48h": 2, " 45d ": 45} {
		if n, err := ParseDays(s); err != nil || n != want {
			t.Errorf("ParseDays(%q) = %d, %v; want %d", s, n, err, want)
		}
	}
	// Nothing negative, fractional, in hours that are not whole days, or
	// past a hundred years (nor wrapping round to a small number).
	for _, s := range []string{"-1", "1.5d", "25h", "x", "", "36501", "101y", "9223372036854775807w", "2562047788015216y"} {
		if n, err := ParseDays(s); err == nil {
			t.Errorf("ParseDays(%q) = %d, want an error", s, n)
		}
	}
}
