package report

import (
	"reflect"
	"testing"
)

// TestCSVEveryTextCellSafe: every cell of the CSV export that can hold a
// stranger's text is made safe for a spreadsheet, the ones added later
// included; only the cells cardcheck writes itself (dates, amounts, the
// currency code) are left as they are (issue 10: foreign_currency was not).
func TestCSVEveryTextCellSafe(t *testing.T) {
	ours := map[string]bool{"Date": true, "Amount": true, "Currency": true, "ForeignAmount": true}
	var row csvCharge
	v := reflect.ValueOf(&row).Elem()
	for i := range v.NumField() {
		v.Field(i).SetString("=HYPERLINK(\"http://evil.example/\")")
	}
	safe := reflect.ValueOf(row.safe())
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		if got := safe.Field(i).String(); !ours[name] && got[0] == '=' {
			t.Errorf("%s: %q stays a formula", name, got)
		}
	}
}
