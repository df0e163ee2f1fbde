package simulate

import (
	"time"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Holiday reports whether d is a Japanese national holiday (国民の祝日),
// including substitute holidays (振替休日), days between two holidays
// (国民の休日) and the one-off moves of 2019 to 2021. Equinox days use the
// usual approximation, exact from 1980 to 2099.
func Holiday(d statement.Date) bool {
	y, m, day := d.YMD()
	if fixedHoliday(y, m, day) {
		return true
	}
	// 振替休日: a holiday on a Sunday moves to the next day that is not one.
	for back := statement.Date(1); back <= 7; back++ {
		prev := d - back
		py, pm, pd := prev.YMD()
		if !fixedHoliday(py, pm, pd) {
			break
		}
		if prev.Weekday() == time.Sunday {
			return y >= 1973
		}
	}
	// 国民の休日: a day between two holidays.
	if d.Weekday() != time.Sunday {
		py, pm, pd := (d - 1).YMD()
		ny, nm, nd := (d + 1).YMD()
		if fixedHoliday(py, pm, pd) && fixedHoliday(ny, nm, nd) {
			return true
		}
	}
	return false
}

// fixedHoliday reports the holidays the law names by date or rule.
func fixedHoliday(y int, m time.Month, d int) bool {
	wd := statement.NewDate(y, m, d).Weekday()
	nthMonday := func(n int) bool { return wd == time.Monday && (d-1)/7 == n-1 }
	switch m {
	case time.January:
		return d == 1 || nthMonday(2)
	case time.February:
		return d == 11 || d == 23 && y >= 2020
	case time.March:
		return d == equinox(y, 20843100)
	case time.April:
		return d == 29 || y == 2019 && d == 30
	case time.May:
		return d >= 3 && d <= 5 || y == 2019 && (d == 1 || d == 2)
	case time.July:
		switch y {
		case 2020:
			return d == 23 || d == 24
		case 2021:
			return d == 22 || d == 23
		}
		return nthMonday(3)
	case time.August:
		switch y {
		case 2020:
			return d == 10
		case 2021:
			return d == 8
		}
		return d == 11 && y >= 2016
	case time.September:
		return nthMonday(3) || d == equinox(y, 23248800)
	case time.October:
		if y == 2020 || y == 2021 {
			return false // スポーツの日 moved to July for the Olympics
		}
		return nthMonday(2) || y == 2019 && d == 22
	case time.November:
		return d == 3 || d == 23
	case time.December:
		return d == 23 && y >= 1989 && y <= 2018
	}
	return false
}

// equinox returns the day of the equinox in year y, from the constant of
// the usual formula in millionths of a day (20.8431 for spring, 23.2488 for
// autumn): int(c + 0.242194 (y-1980) - int((y-1980)/4)).
func equinox(y int, c int64) int {
	n := int64(y - 1980)
	return int((c+242194*n)/1000000 - n/4)
}

// BusinessDay reports whether banks and billing agents work on d: not a
// weekend, a national holiday or the New Year bank holidays (12/31 to 1/3).
func BusinessDay(d statement.Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || Holiday(d) {
		return false
	}
	_, m, day := d.YMD()
	return !(m == time.December && day == 31 || m == time.January && day <= 3)
}

// NextBusinessDay returns d, or the first business day after it: when a
// bill due on a weekend or holiday is charged.
func NextBusinessDay(d statement.Date) statement.Date {
	for !BusinessDay(d) {
		d++
	}
	return d
}
