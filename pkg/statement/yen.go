package statement

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Yen have no smaller unit on a card bill, so every amount a yen statement
// prints is whole. Rules, learning and control totals compare and add
// amounts by the hundred thousand; doing that in int64 whole yen keeps them
// exact and free of the allocations decimal arithmetic costs. These helpers
// are the one place that converts.

// WholeYen returns d in whole yen, exactly for every amount a yen statement
// prints; a fraction (which only a user-defined format could produce) is
// truncated toward zero. Any amount a statement can hold fits: importers
// accept at most 15 digits before the point.
func WholeYen(d decimal.Decimal) int64 {
	e := d.Exponent()
	if e == 0 || (e > 0 && e <= 6 && d.NumDigits() <= 12) {
		v := d.CoefficientInt64()
		for ; e > 0; e-- {
			v *= 10
		}
		if d.NumDigits() <= 18 {
			return v
		}
	}
	return d.IntPart()
}

// Sum is a running total of amounts, exact whatever they are: whole yen
// are added as int64, anything else (a fraction, or a total near the int64
// range) as a decimal, so a large file's control totals cost no more than
// reading its rows. The zero value is an empty sum.
type Sum struct {
	yen  int64
	rest decimal.Decimal
}

// maxFast bounds the amounts and the running sum added as int64, far inside
// its range: no sum of such amounts can overflow before it is handed over.
const maxFast = 1 << 60

// Add adds d.
func (s *Sum) Add(d decimal.Decimal) {
	if d.Exponent() == 0 && d.NumDigits() <= 15 && s.yen < maxFast && s.yen > -maxFast {
		s.yen += d.CoefficientInt64()
		return
	}
	s.rest = s.rest.Add(d)
}

// Decimal returns the sum.
func (s Sum) Decimal() decimal.Decimal {
	return s.rest.Add(decimal.New(s.yen, 0))
}

// FormatYen writes a yen amount for people: "¥15,000", "-¥1,200".
func FormatYen(d decimal.Decimal) string {
	s := d.StringFixed(0)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString("¥")
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
