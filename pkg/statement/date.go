package statement

import (
	"fmt"
	"strconv"
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

// NewDate returns the date y-m-d. Out-of-range values normalise the way
// [time.Date] does; use [ParseDate] or [ValidDate] to reject them.
func NewDate(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ValidDate reports whether y-m-d names a real calendar day.
func ValidDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 {
		return false
	}
	return d <= daysIn(y, time.Month(m))
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
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
	u := time.Unix(int64(d)*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, Tokyo)
}

// YMD returns the year, month and day of d.
func (d Date) YMD() (int, time.Month, int) {
	return time.Unix(int64(d)*86400, 0).UTC().Date()
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == 0 }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns the same day n months later, clamped to the month's end
// (Jan 31 + 1 month is Feb 28 or 29), which is how card companies bill.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.YMD()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := daysIn(first.Year(), first.Month()); day > last {
		day = last
	}
	return NewDate(first.Year(), first.Month(), day)
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
