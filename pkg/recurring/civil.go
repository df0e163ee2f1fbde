package recurring

import "github.com/cardcheck/cardcheck/pkg/statement"

// Calendar arithmetic in integers: learning steps dates by months hundreds of
// thousands of times over ten years of charges, and going through time.Date
// for each step was most of its cost. The conversions are Howard Hinnant's
// days_from_civil and civil_from_days, exact for the proleptic Gregorian
// calendar.

// civil returns the year, month (1-12) and day of d.
func civil(d statement.Date) (y, m, day int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, day
}

// fromCivil returns the date y-m-day; the day must be valid for the month.
func fromCivil(y, m, day int) statement.Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return statement.Date(era*146097 + doe - 719468)
}

// addMonths is statement.Date.AddMonths: the same day n months later,
// clamped to the month's end.
func addMonths(d statement.Date, n int) statement.Date {
	if mi, day, ok := monthOf(d); ok && mi+n >= 0 && mi+n < tableMonths {
		return onMonth(mi+n, day)
	}
	return d.AddMonths(n)
}

// onDay returns day (clamped to the month's end) of d's month.
func onDay(d statement.Date, day int) statement.Date {
	if mi, _, ok := monthOf(d); ok {
		return onMonth(mi, day)
	}
	y, m, _ := d.YMD()
	_, _, n := statement.NewDate(y, m+1, 0).YMD()
	return statement.NewDate(y, m, min(day, n))
}

// monthEnd reports whether d is the last day of its month.
func monthEnd(d statement.Date) bool { return onDay(d, 31) == d }

// The months from 1900 to 2299 by index (0 is January 1900): their first
// days, so that stepping a date by months is two lookups and no division.
const (
	tableYear   = 1900
	tableMonths = 400 * 12
)

var monthStart = func() (t [tableMonths + 1]statement.Date) {
	for i := range t {
		t[i] = fromCivil(tableYear+i/12, i%12+1, 1)
	}
	return t
}()

// monthOf returns d's month index and day of the month; ok is false for a
// date outside the table.
func monthOf(d statement.Date) (mi, day int, ok bool) {
	if d < monthStart[0] || d >= monthStart[tableMonths] {
		return 0, 0, false
	}
	// 4,800 months are 146,097 days: a first guess within one month.
	mi = int(int64(d-monthStart[0]) * tableMonths / 146097)
	for monthStart[mi] > d {
		mi--
	}
	for monthStart[mi+1] <= d {
		mi++
	}
	return mi, int(d-monthStart[mi]) + 1, true
}

// onMonth returns day (clamped to the month's end) of month index mi, which
// must be inside the table.
func onMonth(mi, day int) statement.Date {
	return monthStart[mi] + statement.Date(min(day, int(monthStart[mi+1]-monthStart[mi]))) - 1
}
