package importer

import (
	"errors"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/message"
)

// IndexPrefix returns the position of the first column whose name starts
// with prefix, or -1. It binds columns whose names carry a changing part after
// a fixed one ("利用店名・商品名" as "利用店名") or a note in brackets
// ("ご利用金額（キャッシングでは元金になります）" as "ご利用金額").
func (h Header) IndexPrefix(prefix string) int {
	for i, col := range h {
		if strings.HasPrefix(col, prefix) {
			return i
		}
	}
	return -1
}

// IndexSuffix returns the position of the first column whose name ends with
// suffix and is longer than it, or -1. It binds columns whose names start
// with a month number that changes from file to file: 楽天's "10月支払金額" and
// "１１月繰越残高" as "月支払金額" and "月繰越残高". The name itself is not a
// match, so that "支払月" is not taken for "N支払月".
func (h Header) IndexSuffix(suffix string) int {
	for i, col := range h {
		if len(col) > len(suffix) && strings.HasSuffix(col, suffix) {
			return i
		}
	}
	return -1
}

// TrimHonorific returns a cardholder name as statements print it, "山田　太郎　様"
// or "ヤマダ タロウ         様", without the 様 and the padding around it.
func TrimHonorific(name string) string {
	name = strings.TrimRight(name, " 　")
	name = strings.TrimSuffix(name, "様")
	return strings.Trim(name, " 　")
}

// HeaderRows returns the rows of the file positioned after its header row,
// the first record that holds every one of names (see [Header.Has]), and that
// header. preamble, when not nil, is called on each record before the header,
// for layouts whose preamble carries a payment date or a total. Fields are
// quoted as RFC 4180 has it ([StrictQuotes]). A file without such a header
// is an error naming the columns looked for.
func (in *Input) HeaderRows(preamble func(*Rows), names ...string) (*Rows, Header, error) {
	rows, err := in.Rows(StrictQuotes)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		if h := NewHeader(rows.Fields); h.Has(names...) {
			return rows, h, nil
		}
		if preamble != nil {
			preamble(rows)
		}
	}
	return nil, nil, errors.Join(rows.Err(), message.NewError("input.no-header", message.Args{"columns": message.Text(strings.Join(names, ", "))}, nil))
}
