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
