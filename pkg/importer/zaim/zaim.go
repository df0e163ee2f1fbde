// Package zaim reads the 記録データ export of Zaim, a household-account app:
// every record the user keeps, whichever account it was paid from.
//
// The user picks CP932 or UTF-8 at download. The header has 16 columns,
// 日付,方法,カテゴリ,カテゴリの内訳,支払元,入金先,品目,メモ,お店,通貨,収入,支出,振替,
// 残高調整,通貨変換前の金額,集計の設定, or 14 in older exports, which end at 残高調整.
// Dates are ISO (2025-01-05) and "-" stands for an empty account or category.
//
// 方法 says which amount column holds the record and what it is:
//   - payment: 支出, paid from 支払元: a purchase (positive);
//   - income: 収入, received into 入金先: a refund or other income (negative,
//     kind refund), as cardcheck signs money coming back;
//   - transfer: 振替, from 支払元 to 入金先: a transfer;
//   - balance: 残高調整, a correction of an account's balance to what the
//     bank says: a transfer too, since nothing was bought, signed like
//     income (an increase is negative).
//
// Records whose 集計の設定 is 集計に含めない are left out of Zaim's totals; as
// with マネーフォワード's 計算対象=0 they are kept, as transfers, never dropped.
//
// The account (支払元 or 入金先) is both the card's issuer and its name, as
// the user named it in Zaim. お店 names the merchant, or else 品目, or else
// the category.
package zaim

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

// Format is the Zaim 記録データ export format.
var Format = importer.Format{
	Name:       "zaim",
	Issuer:     "Zaim",
	Title:      "記録データ export (16 or 14 columns; household-account export)",
	Encodings:  []textenc.Encoding{textenc.CP932, textenc.UTF8},
	Sample:     "日付,方法,カテゴリ,カテゴリの内訳,支払元,入金先,品目,メモ,お店,通貨,収入,支出,振替,残高調整,通貨変換前の金額,集計の設定",
	Keywords:   []string{"日付", "方法", "カテゴリ", "カテゴリの内訳", "支払元", "入金先", "お店", "残高調整"},
	Aggregator: true,
	Sniff:      sniff,
	Parse:      parse,
}

// required are the columns of both headers; 支払元 and 入金先 are Zaim's own.
var required = []string{"日付", "方法", "カテゴリ", "カテゴリの内訳", "支払元", "入金先", "品目", "お店", "収入", "支出", "振替", "残高調整"}

// unassigned names the "card" of records without an account.
const unassigned = "Zaim"

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, 3), required...) >= 0
}

type columns struct {
	date, method, category, subcategory, from, to, item, shop, currency int
	income, expense, transfer, balance, original, setting               int
}

func parse(in *importer.Input) (*statement.Statement, error) {
	rows, h, err := in.HeaderRows(nil, required...)
	if err != nil {
		return nil, err
	}
	cols := columns{
		date: h.Index("日付"), method: h.Index("方法"),
		category: h.Index("カテゴリ"), subcategory: h.Index("カテゴリの内訳"),
		from: h.Index("支払元"), to: h.Index("入金先"),
		item: h.Index("品目"), shop: h.Index("お店"), currency: h.Index("通貨"),
		income: h.Index("収入"), expense: h.Index("支出"), transfer: h.Index("振替"), balance: h.Index("残高調整"),
		original: h.Index("通貨変換前の金額"), setting: h.Index("集計の設定"),
	}
	st := &statement.Statement{}
	for rows.NextRow(h) {
		if c, ok := row(in, rows, h, cols); ok {
			st.Charges = append(st.Charges, c)
		}
	}
	st.Cards = importer.CardsOf(st.Charges)
	in.TotalUnchecked(nil, "total", message.New("input.why.household", nil))
	return st, rows.Err()
}

// field returns field i, empty for Zaim's "-" placeholder.
func field(rows *importer.Rows, i int) string {
	if f := rows.Field(i); f != "-" {
		return f
	}
	return ""
}

// firstRaw returns the first of columns that is not empty, as printed.
func firstRaw(rows *importer.Rows, columns ...int) string {
	for _, i := range columns {
		if field(rows, i) != "" {
			return rows.Raw(i)
		}
	}
	return ""
}

func row(in *importer.Input, rows *importer.Rows, h importer.Header, cols columns) (statement.Charge, bool) {
	date, err := importer.ParseDate(rows.Field(cols.date))
	if err != nil {
		in.Errorf(rows.Line, nil, "日付: %w", err)
		return statement.Charge{}, false
	}
	// Which column holds the amount, whose account it is, how it is signed.
	var (
		column, account int
		sign            = decimal.NewFromInt(1)
		kind            statement.Kind // "" when the merchant and sign decide
		merchant        = firstRaw(rows, cols.shop, cols.item, cols.subcategory, cols.category)
	)
	switch method := rows.Field(cols.method); method {
	case "payment":
		column, account = cols.expense, cols.from
	case "income":
		column, account, sign = cols.income, cols.to, sign.Neg()
	case "transfer":
		column, account, kind = cols.transfer, cols.from, statement.Transfer
		merchant = firstRaw(rows, cols.shop, cols.item, cols.to)
	case "balance":
		column, sign, kind = cols.balance, sign.Neg(), statement.Transfer
		if account = cols.from; field(rows, account) == "" {
			account = cols.to
		}
		if merchant = firstRaw(rows, cols.shop, cols.item); merchant == "" {
			merchant = "残高調整" // nothing names a correction but its column
		}
	default:
		in.Error(rows.Line, message.NewError("input.zaim.method", message.Args{"method": message.Text(method)}, nil))
		return statement.Charge{}, false
	}
	if strings.TrimSpace(merchant) == "" {
		in.Error(rows.Line, message.NewError("input.zaim.unnamed", nil, nil))
		return statement.Charge{}, false
	}
	amount, err := importer.ParseAmount(rows.Field(column))
	if err != nil {
		in.Errorf(rows.Line, nil, "%s: %w", h[column], err)
		return statement.Charge{}, false
	}
	amount = amount.Mul(sign)
	if kind == "" {
		kind = importer.KindOf(payee.Key(merchant), amount)
	}
	if rows.Field(cols.setting) == "集計に含めない" {
		kind = statement.Transfer // see the package doc
	}
	name := field(rows, account)
	if name == "" {
		name = unassigned
	}
	c := statement.Charge{
		Date:     date,
		Merchant: merchant,
		Amount:   amount,
		Kind:     kind,
		Card:     statement.Card{Issuer: name, Name: name},
		Source:   in.Source(rows.Line),
	}
	foreign(in, rows, cols, &c)
	return c, true
}

// foreign reads the currency of a record in another currency than yen, and
// its amount in that currency from 通貨変換前の金額.
func foreign(in *importer.Input, rows *importer.Rows, cols columns, c *statement.Charge) {
	cur := field(rows, cols.currency)
	if cur == "" || strings.EqualFold(cur, "JPY") {
		return
	}
	original := field(rows, cols.original)
	amt, code, ok := importer.ParseForeign(original, cur)
	if !ok {
		// The yen amount is what counts; losing the record over its
		// currency columns would hide it from every rule.
		in.Error(rows.Line, message.NewError("input.zaim.foreign", message.Args{"code": message.Text(cur), "text": message.Text(original)}, nil))
		return
	}
	c.ForeignAmount, c.ForeignCurrency = amt.Abs(), code
}
