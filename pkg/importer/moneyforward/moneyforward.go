// Package moneyforward reads the 収入・支出詳細 CSV that マネーフォワード ME
// exports: every account the user links (cards, banks, wallets), one line per
// movement.
//
// The file is CP932 (re-saved copies are UTF-8 with a BOM), every field
// quoted, with the header 計算対象,日付,内容,金額（円）,保有金融機関,大項目,中項目,
// メモ,振替,ID (an older form adds 削除). 内容 and メモ may hold line breaks; a
// charge's line is the line its record starts on.
//
// マネーフォワード writes spending as negative and income as positive; cardcheck
// turns the sign round, so a purchase is positive and a refund or any other
// income negative (kind refund). Rows with 振替=1 move money between the
// user's own accounts (a card's bill paid from the bank) and are transfers.
// Rows with 計算対象=0 are ones マネーフォワード leaves out of its totals: the user
// excluded them (a duplicate, a reimbursed expense, a card bill already
// itemised by the card). cardcheck keeps them, since nothing is dropped
// silently, as transfers: money that moved but that the household books do
// not count as spending, which rules never treat as a purchase.
//
// 保有金融機関 names the card company only, so it is both the card's issuer and
// its name; ID is the line's own id and becomes the charge's Ref.
package moneyforward

import (
	"regexp"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Format is the マネーフォワード ME 収入・支出詳細 format.
var Format = importer.Format{
	Name:       "moneyforward",
	Issuer:     "マネーフォワード ME",
	Title:      "収入・支出詳細 (household-account export)",
	Encodings:  []textenc.Encoding{textenc.CP932, textenc.UTF8BOM},
	Sample:     `"計算対象","日付","内容","金額（円）","保有金融機関","大項目","中項目","メモ","振替","ID"`,
	Keywords:   []string{"計算対象", "日付", "内容", "金額（円）", "保有金融機関", "大項目", "中項目", "振替"},
	Aggregator: true,
	Sniff:      sniff,
	Parse:      parse,
}

// The header, with 金額（円） in either width of parentheses.
var (
	required       = []string{"計算対象", "日付", "内容", "金額（円）", "保有金融機関"}
	requiredNarrow = []string{"計算対象", "日付", "内容", "金額(円)", "保有金融機関"}
)

// manual names the "card" of lines the user entered by hand, which have no
// 保有金融機関.
const manual = "マネーフォワード ME"

func sniff(head string) bool {
	lines := importer.HeadLines(head, 3)
	return importer.FindHeader(lines, required...) >= 0 || importer.FindHeader(lines, requiredNarrow...) >= 0
}

type columns struct{ counted, date, merchant, amount, account, major, minor, transfer, id int }

func parse(in *importer.Input) (*statement.Statement, error) {
	// 金額（円） is bound below in either width; the other columns find the
	// header.
	rows, h, err := in.HeaderRows(nil, "計算対象", "日付", "内容", "保有金融機関")
	if err != nil {
		return nil, err
	}
	cols := columns{
		counted:  h.Index("計算対象"),
		date:     h.Index("日付"),
		merchant: h.Index("内容"),
		amount:   h.Index("金額（円）", "金額(円)"),
		account:  h.Index("保有金融機関"),
		major:    h.Index("大項目"),
		minor:    h.Index("中項目"),
		transfer: h.Index("振替"),
		id:       h.Index("ID"),
	}
	if cols.amount < 0 {
		return nil, importer.AtLineError(rows.Line, "input.no-column", message.Args{"column": message.Text("金額（円）"), "other": message.Text("")})
	}
	st := &statement.Statement{}
	for rows.NextRow(h) {
		if c, ok := row(in, rows, cols); ok {
			st.Charges = append(st.Charges, c)
		}
	}
	st.Cards = importer.CardsOf(st.Charges)
	in.TotalUnchecked(nil, "total", message.New("input.why.household", nil))
	return st, rows.Err()
}

// yearless matches the dates of a copy of the web page, "06/10(水)".
var yearless = regexp.MustCompile(`^[0-9]{1,2}/[0-9]{1,2}\(.\)$`)

func row(in *importer.Input, rows *importer.Rows, cols columns) (statement.Charge, bool) {
	counted, ok1 := flag(rows.Field(cols.counted))
	transfer, ok2 := flag(rows.Field(cols.transfer))
	if !ok1 || !ok2 {
		in.Error(rows.Line, message.NewError("input.mf.flags", message.Args{"counted": message.Text(rows.Field(cols.counted)), "transfer": message.Text(rows.Field(cols.transfer))}, nil))
		return statement.Charge{}, false
	}
	date, err := importer.ParseDate(rows.Field(cols.date))
	if err != nil {
		if yearless.MatchString(rows.Field(cols.date)) {
			err = message.NewError("input.yearless", message.Args{"text": message.Text(rows.Field(cols.date))}, err)
		}
		in.Errorf(rows.Line, nil, "日付: %w", err)
		return statement.Charge{}, false
	}
	// A line entered by hand may have no 内容; its category is then what
	// names it, rather than losing the line.
	merchant := rows.Raw(cols.merchant)
	for _, alt := range []int{cols.minor, cols.major} {
		if strings.TrimSpace(merchant) == "" {
			merchant = rows.Raw(alt)
		}
	}
	if strings.TrimSpace(merchant) == "" {
		in.Error(rows.Line, message.NewError("input.mf.unnamed", nil, nil))
		return statement.Charge{}, false
	}
	mfAmount, err := importer.ParseAmount(rows.Field(cols.amount))
	if err != nil {
		in.Errorf(rows.Line, nil, "金額（円）: %w", err)
		return statement.Charge{}, false
	}
	amount := mfAmount.Neg() // spending is negative in the file
	c := statement.Charge{
		Date:     date,
		Merchant: merchant,
		Amount:   amount,
		Kind:     importer.KindOf(payee.Key(merchant), amount),
		Source:   in.Source(rows.Line),
		Ref:      rows.Field(cols.id),
	}
	if transfer || !counted {
		c.Kind = statement.Transfer // see the package doc
	}
	account := rows.Field(cols.account)
	if account == "" {
		account = manual
	}
	c.Card = statement.Card{Issuer: account, Name: account}
	return c, true
}

// flag reads a 0/1 column; empty is 0.
func flag(s string) (set, ok bool) {
	switch s {
	case "1":
		return true, true
	case "0", "":
		return false, true
	}
	return false, false
}
