package simulate

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestHoliday(t *testing.T) {
	// Substitute holidays, 国民の休日, equinoxes, the Olympic moves of 2021,
	// happy Mondays and the 2019 enthronement holidays.
	for _, s := range []string{"2024-02-12", "2025-05-06", "2026-09-22", "2021-07-22", "2021-07-23", "2025-03-20", "2024-09-23", "2024-09-22", "2020-05-06", "2022-03-21", "2023-09-23", "2019-05-01", "2025-01-13", "2025-11-24", "2025-02-24"} {
		d, _ := statement.ParseDate(s)
		if !Holiday(d) {
			t.Errorf("%s is a holiday", s)
		}
	}
	for _, s := range []string{"2024-02-13", "2025-05-07", "2021-10-11", "2024-12-23", "2025-03-21"} {
		d, _ := statement.ParseDate(s)
		if Holiday(d) {
			t.Errorf("%s is not a holiday", s)
		}
	}
}

func TestNextBusinessDay(t *testing.T) {
	for in, want := range map[string]string{
		"2025-01-01": "2025-01-06", // New Year bank holidays, then a weekend
		"2025-05-03": "2025-05-07", // Golden Week
		"2024-04-27": "2024-04-30", // Saturday, Sunday, then 昭和の日 on the Monday
		"2025-06-05": "2025-06-05",
	} {
		d, _ := statement.ParseDate(in)
		if got := NextBusinessDay(d).String(); got != want {
			t.Errorf("NextBusinessDay(%s) = %s, want %s", in, got, want)
		}
	}
}
