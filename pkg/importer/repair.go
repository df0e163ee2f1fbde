package importer

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/message"
)

// maxJoins bounds the extra fields a repair tries to join back: a merchant
// with a comma or two is a quirk, a row with many more fields than its layout
// is no row of it.
const maxJoins = 4

// Repair reads a row that has more fields than its layout because free-text
// fields (a merchant, a memo) held unquoted commas, as in the Vpass row
// "2023/07/03,GITHUB, INC. (GITHUB.COM ),1479,…". Every way of joining the
// extra fields back into the free columns (indexes of the layout's width
// columns) is tried, and valid says which joins give a row of the layout
// (a date, amounts and counts in their places). When the extra fields are
// empty and at the end, the row may also be padded: that reading is one more
// way. Exactly one valid way is a repair: fixed is the row and joined the
// texts put back together (none for padding). None, or more than one (nothing
// says which), is no repair, and ways says how many there were.
func Repair(fields []string, width int, free []int, valid func([]string) bool) (fixed, joined []string, ways int) {
	extra := len(fields) - width
	if extra <= 0 || extra > maxJoins || len(free) == 0 {
		return nil, nil, 0
	}
	padded := true
	for _, f := range fields[width:] {
		padded = padded && strings.TrimSpace(f) == ""
	}
	if padded && valid(fields[:width]) {
		ways++
		fixed = fields[:width]
	}
	spans := make([]int, len(free)) // extra fields joined into each free column
	var try func(k, left int)
	try = func(k, left int) {
		if k == len(free)-1 {
			spans[k] = left
			row, text := join(fields, width, free, spans)
			if valid(row) {
				ways++
				fixed, joined = row, text
			}
			return
		}
		for n := 0; n <= left; n++ {
			spans[k] = n
			try(k+1, left-n)
		}
	}
	try(0, extra)
	if ways != 1 {
		return nil, nil, ways
	}
	return fixed, joined, 1
}

// join builds a row of width columns from fields, free[k] taking spans[k]
// more fields than its own, joined with commas; joined are the fields that
// were.
func join(fields []string, width int, free, spans []int) (row, joined []string) {
	row = make([]string, 0, width)
	src := 0
	for col := 0; col < width; col++ {
		n := 1
		for k, f := range free {
			if f == col {
				n += spans[k]
			}
		}
		v := fields[src]
		if n > 1 {
			v = strings.Join(fields[src:src+n], ",")
			joined = append(joined, v)
		}
		row = append(row, v)
		src += n
	}
	return row, joined
}

// Repair replaces the current record, when it has more fields than width,
// by its one valid repair (see [Repair]) and notes it; ok is true when the
// record now has at most width fields. A record that cannot be repaired is
// reported as an error wrapping [ErrFieldCount], naming what the layout's
// columns are (columns).
func (rs *Rows) Repair(width int, columns string, free []int, valid func([]string) bool) (ok bool) {
	n := len(rs.Fields)
	if n <= width {
		return true
	}
	fixed, joined, ways := Repair(rs.Fields, width, free, valid)
	switch ways {
	case 1:
		rs.Fields = fixed
		if len(joined) == 0 {
			return true // empty fields at the end: padding
		}
		quoted := make([]string, len(joined))
		for i, j := range joined {
			quoted[i] = Quote(j)
		}
		rs.in.Note(rs.Line, Repaired, message.New("input.note.repaired", message.Args{"n": message.Count(n), "want": message.Count(width),
			"fields": message.Text(strings.Join(quoted, " and ")), "fieldsJA": message.Text(strings.Join(quoted, "と"))}), 0)
		return true
	case 0:
		rs.in.Error(rs.Line, FieldCountError(n, width, columns, 0))
	default:
		rs.in.Error(rs.Line, FieldCountError(n, width, columns, ways))
	}
	return false
}
