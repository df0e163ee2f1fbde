package vpass

import (
	"strconv"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Preliminary is the Vpass 未確定 format: ご利用明細照会 before the month
// closes. It has no header, no card line and no total. Its rows have 13
// fields, of which the last five are empty: 利用日, 利用店名, 利用者 (ご本人 or
// ご家族), 支払方法, an empty field, 支払予定月 ('25/02, or 18/8 in 2018 files),
// 利用金額, this month's amount.
var Preliminary = importer.Format{
	Name:      "vpass-preliminary",
	Issuer:    issuer,
	Title:     "Vpass 未確定 ご利用明細照会 (13 columns, no card line)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "2025/1/20,ＮＨＫ受信料,ご本人,1回払い,,'25/02,1100,1100,,,,,",
	Keywords:  []string{"ご本人", "ご家族", "1回払い", ",'2"},
	Sniff:     sniffPreliminary,
	Parse:     parsePreliminary,
}

// Columns of the 未確定 layout.
const (
	preDate = iota
	preMerchant
	preHolder
	prePlan
	_
	prePayMonth
	preAmount
	prePay
	preFields = 13
)

// payMonth reports whether s is a 支払予定月: 'YY/MM, or YY/M without the
// apostrophe as the 2018 files print it.
func payMonth(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "'")
	yy, mm, ok := strings.Cut(s, "/")
	if !ok || len(yy) != 2 || len(mm) < 1 || len(mm) > 2 || strings.Trim(yy+mm, "0123456789") != "" {
		return false
	}
	m, err := strconv.Atoi(mm)
	return err == nil && m >= 1 && m <= 12
}

// sniffPreliminary recognises the layout by its first line: a row of 8 to
// 13 fields (a re-saved file may drop the empty ones) with a use date and a
// 支払予定月 in their places.
func sniffPreliminary(head string) bool {
	for _, l := range importer.HeadLines(head, 5) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		f := importer.SplitCSVLine(l)
		if len(f) < prePay+1 || len(f) > preFields || !payMonth(f[prePayMonth]) {
			return false
		}
		_, err := importer.ParseDate(f[preDate])
		return err == nil
	}
	return false
}

func parsePreliminary(in *importer.Input) (*statement.Statement, error) {
	rows, err := in.Rows(importer.LazyQuotes)
	if err != nil {
		return nil, err
	}
	// The file names no card: its charges are the Vpass account's.
	card := statement.Card{Issuer: issuer}
	st := &statement.Statement{Cards: []statement.Card{card}}
	charges := in.NewCharges()
	for rows.Next() {
		if rows.Empty() {
			continue
		}
		// Every column read must be there; the five empty ones at the end
		// may be missing from a re-saved file, but nothing may follow them.
		if n := len(rows.Fields); n < prePay+1 || n > preFields {
			in.Error(rows.Line, importer.FieldCountError(n, preFields, "利用日,利用店名,利用者,支払方法,,支払予定月,利用金額,今回支払金額,,,,,", 0))
			continue
		}
		date, err := importer.ParseDate(rows.Field(preDate))
		if err != nil {
			in.Error(rows.Line, err)
			continue
		}
		merchant := rows.Raw(preMerchant)
		if strings.TrimSpace(merchant) == "" {
			in.Error(rows.Line, importer.EmptyError("利用店名"))
			continue
		}
		if !payMonth(rows.Field(prePayMonth)) {
			// A misplaced 支払予定月 means the columns have moved: the
			// amount would be read from the wrong one.
			in.Error(rows.Line, message.NewError("input.pay-month", message.Args{"text": message.Text(rows.Field(prePayMonth))}, nil))
			continue
		}
		amountField := rows.Field(preAmount)
		if amountField == "" {
			// As in the 確定 layout, a discount row may print only the
			// amount of this month.
			amountField = rows.Field(prePay)
		}
		amount, err := importer.ParseAmount(amountField)
		if err != nil {
			in.Errorf(rows.Line, nil, "利用金額: %w", err)
			continue
		}
		key, kind := in.Kind(merchant, amount)
		c := statement.Charge{
			Date:     date,
			Merchant: merchant,
			Payee:    key,
			Amount:   amount,
			Kind:     kind,
			Card:     card,
			Holder:   rows.Field(preHolder),
			Source:   in.Source(rows.Line),
		}
		// 利用金額 is the whole purchase; a 分割 purchase counts once.
		if n := importer.ParseInstallments(rows.Field(prePlan)); n > 1 {
			c.Installments = n
		}
		charges = append(charges, c)
	}
	st.Charges = importer.Trimmed(charges)
	in.TotalUnchecked(nil, "total", message.New("input.why.preliminary", nil))
	return st, rows.Err()
}
