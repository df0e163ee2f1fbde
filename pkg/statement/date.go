package statement

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Tokyo is the time zone every statement date belongs to. Card companies print
// calendar dates in Japan time, so a [Date] converts to a [time.Time] in this zone.
var Tokyo = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		// Japan has had no daylight saving since 1951; a fixed zone is exact for
		// every date a card statement can carry.
		return time.FixedZone("JST", 9*60*60)
	}
	return loc
}()

// Date is a calendar date, counted in days since 1970-01-01. It has no time of
// day and no zone: a statement's 2022/01/24 is the same day wherever cardcheck
// runs. The zero value is 1970-01-01; [Date.IsZero] reports it, and importers
// never produce it for a real charge.
//
// Dates are small integers so that rules can compare and subtract them cheaply
// over tens of thousands of charges.
type Date int32

// NewDate returns the date y-m-d. Out-of-range months and days normalise the
// way [time.Date] does (month 13 is January of the next year, day 0 the last
// day of the month before); use [ParseDate] or [ValidDate] to reject them.
func NewDate(y int, m time.Month, d int) Date {
	mo := int(m) - 1
	y += floorDiv(mo, 12)
	mo -= floorDiv(mo, 12) * 12
	return Date(daysFromCivil(y, mo+1, 1) + d - 1)
}

// ValidDate reports whether y-m-d names a real calendar day.
func ValidDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 {
		return false
	}
	return d <= DaysIn(y, time.Month(m))
}

// DaysIn returns the number of days of month m (1-12) of year y.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// The calendar arithmetic is done in integers, by the proleptic Gregorian
// calendar in 400-year eras (Howard Hinnant's days_from_civil and
// civil_from_days): learning and the rules step dates by months hundreds of
// thousands of times, and going through time.Date for each step cost
// several times as much. Every other package calls these methods rather
// than counting days itself.

// daysFromCivil returns the days from 1970-01-01 to y-m-d (m 1-12; d may
// run past the month's end, which counts on into the next).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                     // year of era, [0, 399]
	doy := (153*((m+9)%12)+2)/5 + d - 1    // day of the year from March 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of era, [0, 146096]
	return era*146097 + doe - 719468       // 719468: days from 0000-03-01 to 1970-01-01
}

// civil returns the year, month (1-12) and day of d.
func (d Date) civil() (y, m, day int) {
	z := int(d) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11], from March
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

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// ParseDate parses an ISO date, YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, e1 := strconv.Atoi(s[:4])
		m, e2 := strconv.Atoi(s[5:7])
		d, e3 := strconv.Atoi(s[8:])
		if e1 == nil && e2 == nil && e3 == nil && ValidDate(y, m, d) {
			return NewDate(y, time.Month(m), d), nil
		}
	}
	return 0, fmt.Errorf("invalid date %q (want YYYY-MM-DD)", s)
}

// DateOf returns the calendar date of t in Japan time.
func DateOf(t time.Time) Date {
	t = t.In(Tokyo)
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Time returns midnight of d in Japan time.
func (d Date) Time() time.Time {
	y, m, day := d.YMD()
	return time.Date(y, m, day, 0, 0, 0, 0, Tokyo)
}

// YMD returns the year, month and day of d.
func (d Date) YMD() (int, time.Month, int) {
	y, m, day := d.civil()
	return y, time.Month(m), day
}

// Day returns the day of the month of d, 1-31.
func (d Date) Day() int {
	if _, day, ok := monthOf(d); ok {
		return day
	}
	_, _, day := d.civil()
	return day
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == 0 }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns the same day n months later, clamped to the month's end
// (Jan 31 + 1 month is Feb 28 or 29), which is how card companies bill.
func (d Date) AddMonths(n int) Date {
	if mi, day, ok := monthOf(d); ok && mi+n >= 0 && mi+n < tableMonths {
		return onMonth(mi+n, day)
	}
	y, m, day := d.civil()
	mo := m - 1 + n
	y += floorDiv(mo, 12)
	m = mo - floorDiv(mo, 12)*12 + 1
	return Date(daysFromCivil(y, m, min(day, DaysIn(y, time.Month(m)))))
}

// WithDay returns day of d's month, clamped to the month's end: WithDay(31)
// is the month's last day, as a bill due on the 31st falls on February 28.
func (d Date) WithDay(day int) Date {
	day = max(1, day)
	if mi, _, ok := monthOf(d); ok {
		return onMonth(mi, day)
	}
	y, m, _ := d.civil()
	return Date(daysFromCivil(y, m, min(day, DaysIn(y, time.Month(m)))))
}

// MonthStart returns the first day of d's month.
func (d Date) MonthStart() Date { return d - Date(d.Day()) + 1 }

// IsMonthEnd reports whether d is the last day of its month.
func (d Date) IsMonthEnd() bool { return (d + 1).Day() == 1 }

// Learning steps dates by months for every charge it tries against every
// open chain. For the months from 1900 to 2299 the first days are in a
// table, so that a step is two lookups and no division; dates outside it
// are counted with civil.
const (
	tableYear   = 1900
	tableMonths = 400 * 12
)

var monthStarts = func() (t [tableMonths + 1]Date) {
	for i := range t {
		t[i] = Date(daysFromCivil(tableYear+i/12, i%12+1, 1))
	}
	return t
}()

// monthOf returns d's month as an index into the table and its day of the
// month; ok is false for a date outside the table.
func monthOf(d Date) (mi, day int, ok bool) {
	if d < monthStarts[0] || d >= monthStarts[tableMonths] {
		return 0, 0, false
	}
	// 4,800 months are 146,097 days: a first guess within one month.
	mi = int(int64(d-monthStarts[0]) * tableMonths / 146097)
	for monthStarts[mi] > d {
		mi--
	}
	for monthStarts[mi+1] <= d {
		mi++
	}
	return mi, int(d-monthStarts[mi]) + 1, true
}

// onMonth returns day (clamped to the month's end) of month index mi,
// which must be inside the table.
func onMonth(mi, day int) Date {
	return monthStarts[mi] + Date(min(day, int(monthStarts[mi+1]-monthStarts[mi]))) - 1
}

// Month returns the month as YYYY-MM, the key monthly totals use.
func (d Date) Month() string { return d.String()[:7] }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return time.Weekday((int64(d)%7 + 7 + 4) % 7) }

// String formats d as YYYY-MM-DD.
func (d Date) String() string {
	y, m, day := d.YMD()
	var b [10]byte
	b[0] = byte('0' + y/1000%10)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + int(m)/10)
	b[6] = byte('0' + int(m)%10)
	b[7] = '-'
	b[8] = byte('0' + day/10)
	b[9] = byte('0' + day%10)
	return string(b[:])
}

// MarshalText renders d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MaxDays is the longest span of days ParseDays accepts: a hundred years.
const MaxDays = 100 * 365

// ParseDays reads a span of calendar days as people write it in the
// config: "3d", "2w", "1y" (365 days), "48h" (whole days only) or a plain
// number of days.
func ParseDays(s string) (int, error) {
	s = strings.TrimSpace(s)
	mult := 1
	num := s
	switch {
	case strings.HasSuffix(s, "d"):
		num = s[:len(s)-1]
	case strings.HasSuffix(s, "w"):
		num, mult = s[:len(s)-1], 7
	case strings.HasSuffix(s, "y"):
		num, mult = s[:len(s)-1], 365
	case strings.HasSuffix(s, "h"):
		h, err := strconv.Atoi(s[:len(s)-1])
		if err != nil || h < 0 || h%24 != 0 || h/24 > MaxDays {
			return 0, fmt.Errorf("%q: statements have dates, not times: write whole days (24h, 48h, 1d, 7d)", s)
		}
		return h / 24, nil
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > MaxDays || n*mult > MaxDays {
		return 0, fmt.Errorf("%q: want a number of days like 1d, 7d, 2w or 1y", s)
	}
	return n * mult, nil
}
