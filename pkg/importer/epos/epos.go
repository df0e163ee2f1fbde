// Package epos reads エポスカード's エポスNet 月別ご利用明細 CSV.
//
// The file is CP932, unquoted except where a field holds a comma. A title
// line, "月別ご利用明細　山田　太郎　様　ご利用期間：…　株式会社エポスカード,,,,,,,",
// names the cardholder; an 8-column header follows. Dates are in kanji,
// "2025年1月5日". The footer "ショッピング合計,,,,N,,," is the control total of
// the ショッピング rows, and note lines starting with ※ follow it. 備考 holds
// the foreign amount of a foreign charge, "USD11　(1USD=163.454545円
// 換算日2025年1月13日)", or an installment's monthly amounts.
//
// キャッシング rows stay purchases: money drawn on the card is spending the
// cardholder did not expect if they did not draw it, which is what cardcheck
// looks for.
package epos

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "エポスカード"

// Format is the エポスカード 月別ご利用明細 format.
var Format = importer.Format{
	Name:      "epos",
	Issuer:    issuer,
	Title:     "エポスNet 月別ご利用明細 (title line, kanji dates, ショッピング合計 footer)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "種別（ショッピング、キャッシング、その他）,ご利用年月日,ご利用場所,ご利用内容,ご利用金額（キャッシングでは元金になります）,…",
	Keywords:  []string{"月別ご利用明細", "エポスカード", "ご利用年月日", "ご利用場所", "ショッピング合計", "お支払開始月"},
	Sniff:     sniff,
	Parse:     parse,
}

// required are header names only エポス's layout has together.
var required = []string{"ご利用年月日", "ご利用場所", "ご利用内容", "お支払開始月"}

func sniff(head string) bool {
	return importer.FindHeader(importer.HeadLines(head, 5), required...) >= 0
}

// title matches the cardholder's name in the title line.
var title = regexp.MustCompile(`^月別ご利用明細[ 　]*(.+?)[ 　]*様`)

// foreignMemo matches the foreign-use memo once folded: currency, then
// amount, then the rate in brackets.
var foreignMemo = regexp.MustCompile(`^([A-Z]{3}) ?([0-9][0-9,]*(?:\.[0-9]+)?)`)

func parse(in *importer.Input) (*statement.Statement, error) {
	var holder string
	rows, h, err := in.HeaderRows(func(rows *importer.Rows) {
		if m := title.FindStringSubmatch(rows.Field(0)); m != nil {
			holder = m[1]
		}
	}, required...)
	if err != nil {
		return nil, err
	}
	var (
		kind     = h.IndexPrefix("種別") // 種別（ショッピング、キャッシング、その他）
		date     = h.Index("ご利用年月日")
		merchant = h.Index("ご利用場所")
		amount   = h.IndexPrefix("ご利用金額") // ご利用金額（キャッシングでは元金になります）
		plan     = h.Index("支払区分")
		memo     = h.Index("備考")
	)
	if kind < 0 || amount < 0 {
		return nil, importer.NoColumnError("種別", "ご利用金額")
	}
	// Fields are quoted only where they hold a comma, which some exports
	// forget: a comma in ご利用場所 or 備考 then splits it.
	rows.RepairColumns([]int{merchant, memo}, importer.DateAndAmount(date, amount))
	card := statement.Card{Issuer: issuer}
	st := &statement.Statement{Cards: []statement.Card{card}}
	var (
		charges  = in.NewCharges()
		sums     = map[string]*statement.Sum{} // by 種別, for its 合計
		unsummed = map[string]int{}            // charges of each 種別 since its last 合計
		lastLine int
	)
	for rows.Next() {
		first := rows.Field(0)
		switch {
		case rows.Empty():
			continue
		case strings.HasPrefix(first, "※"):
			in.Note(rows.Line, importer.Skipped, message.New("input.note.note", message.Args{"text": message.Text(importer.Quote(first))}), 0) // after the footer
			continue
		case strings.HasSuffix(first, "合計"):
			group := strings.TrimSuffix(first, "合計")
			amt, err := importer.ParseAmount(rows.Field(amount))
			if err != nil {
				in.Errorf(rows.Line, nil, "%s: %w", first, err)
				continue
			}
			t := statement.ControlTotal{Label: first, Amount: amt, Source: in.Source(rows.Line)}
			st.Totals = append(st.Totals, t)
			what := message.New("input.sum.group", message.Args{"column": message.Text("ご利用金額"), "group": message.Text(group)})
			if group == "" {
				what = message.New("input.sum.every-row", message.Args{"column": message.Text("ご利用金額")})
			}
			in.CheckTotal(t, total(sums, group), what)
			delete(unsummed, group)
			if group == "" {
				clear(unsummed)
			}
			continue
		}
		if !rows.Fit(h) {
			continue
		}
		c, ok := rows.Charge(h, date, merchant, amount)
		if !ok {
			continue
		}
		c.Card, c.Holder = card, holder
		// ご利用金額 is the purchase; a 分割 purchase ("036回払い　*2")
		// counts once, whatever 備考 says of its monthly amounts.
		if n := importer.ParseInstallments(rows.Field(plan)); n > 1 {
			c.Installments = n
		}
		if m := foreignMemo.FindStringSubmatch(importer.Fold(rows.Field(memo))); m != nil {
			if fa, err := importer.ParseAmount(m[2]); err == nil {
				c.ForeignAmount, c.ForeignCurrency = fa, m[1]
			}
		}
		charges = append(charges, c)
		group := rows.Field(kind)
		if sums[group] == nil {
			sums[group] = &statement.Sum{}
		}
		sums[group].Add(c.Amount)
		unsummed[group]++
		lastLine = rows.Line
	}
	st.Charges = importer.Trimmed(charges)
	if n := unsummed["ショッピング"]; n > 0 {
		// The file ends with ショッピング合計: without it the file may have
		// been cut short, and nothing checks that no row is missing.
		in.TotalMissing(lastLine, "ショッピング合計", message.New("input.missing.epos", message.Args{"n": message.Count(n)}))
	}
	return st, rows.Err()
}

// total returns the sum of the rows of 種別 group, or of every row for "".
func total(sums map[string]*statement.Sum, group string) decimal.Decimal {
	if group != "" {
		if s := sums[group]; s != nil {
			return s.Decimal()
		}
		return decimal.Decimal{}
	}
	var all decimal.Decimal
	for _, s := range sums {
		all = all.Add(s.Decimal())
	}
	return all
}
