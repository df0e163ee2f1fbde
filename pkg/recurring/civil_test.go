package recurring

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// TestCivil checks the integer calendar against package statement's (which
// goes through package time) on every day from 1900 to 2100.
func TestCivil(t *testing.T) {
	for d := statement.NewDate(1900, 1, 1); d <= statement.NewDate(2100, 12, 31); d++ {
		y, m, day := civil(d)
		wy, wm, wd := d.YMD()
		if y != wy || m != int(wm) || day != wd || fromCivil(y, m, day) != d {
			t.Fatalf("%s: civil %d-%d-%d", d, y, m, day)
		}
		if d%7 != 0 {
			continue // every month offset on a seventh of the days is plenty
		}
		for _, n := range []int{-13, -1, 1, 2, 3, 6, 12, 25} {
			if got, want := addMonths(d, n), d.AddMonths(n); got != want {
				t.Fatalf("addMonths(%s, %d) = %s, want %s", d, n, got, want)
			}
		}
	}
}

func TestMonthTable(t *testing.T) {
	for d := monthStart[0]; d < monthStart[tableMonths]; d += 13 {
		mi, day, ok := monthOf(d)
		y, m, dd := civil(d)
		if !ok || mi != (y-tableYear)*12+m-1 || day != dd {
			t.Fatalf("monthOf(%s) = %d, %d", d, mi, day)
		}
		if mi+25 < tableMonths {
			if got, want := onMonth(mi+25, day), addMonths(d, 25); got != want {
				t.Fatalf("onMonth(%s + 25 months) = %s, want %s", d, got, want)
			}
		}
	}
	if _, _, ok := monthOf(statement.NewDate(1899, 12, 31)); ok {
		t.Error("1899 is outside the table")
	}
}

// TestLearnOutOfRange checks that charges dated far outside card history
// (a hostile or broken file) are ignored, not a crash.
func TestLearnOutOfRange(t *testing.T) {
	var cs []*statement.Charge
	for _, y := range []int{1, 1899, 2200, 9999} {
		for m := 1; m <= 4; m++ {
			cs = append(cs, &statement.Charge{Date: statement.NewDate(y, time.Month(m), 28), Payee: "P", Amount: decimal.NewFromInt(100), Kind: statement.Purchase})
		}
	}
	if s := Learn(cs); len(s) != 0 {
		t.Errorf("learned %d streams from dates outside 1900-2199", len(s))
	}
}
