// Package vpass reads the CSV statements of 三井住友カード's Vpass and of the
// cards it processes (Olive, Amazon Mastercard, ゴールドポイントカード・プラス,
// dカード in its Vpass-like form).
//
// The 確定 (closed month) layout has no header row: a card line
// "氏名　様,masked number,card name" starts each card's block, data rows have
// 7 fields (ご利用日, ご利用店名, ご利用金額, 支払区分, 今回回数, お支払い金額, 備考),
// and lines ",,,,,N," carry subtotals and the total of お支払い金額. dカード
// files have the same layout with an eighth column, and are told apart by the
// card name on the card line: [DCard] reads them, [Confirmed] refuses them.
//
// The 未確定 (before closing) layout is another file altogether; see
// [Preliminary].
package vpass

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/textenc"
)

const issuer = "三井住友カード"

// Confirmed is the Vpass 確定 format.
var Confirmed = importer.Format{
	Name:      "vpass",
	Issuer:    issuer,
	Title:     "Vpass 確定明細 (also Olive, Amazon Mastercard, ゴールドポイントカード・プラス; マイ・ペイすリボ)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "山田　太郎　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,",
	Keywords:  []string{"様,", "-****", "１,１,", "マイ・ペイすリボ"},
	Sniff:     func(head string) bool { return sniffConfirmed(head, false) },
	Parse:     confirmed{issuer: issuer, width: 7}.parse,
}

// DCard is dカード's statement in the Vpass 確定 layout: the same card lines,
// rows and totals, with an eighth column whose memo names the store
// ("ｄ払いＢ／ケーズデンキ相馬店"). It is told from a Vpass file by its card name.
var DCard = importer.Format{
	Name:      "dcard",
	Issuer:    "NTTドコモ",
	Title:     "dカード ご利用明細 (Vpass-like, 8 columns)",
	Encodings: []textenc.Encoding{textenc.CP932},
	Sample:    "山田　太郎　様,5302-42**-****-0000,ｄカードＧＯＬＤ",
	Keywords:  []string{"様,", "-****", "ｄカード", "ｄ払い"},
	Sniff:     func(head string) bool { return sniffConfirmed(head, true) },
	Parse:     confirmed{issuer: "NTTドコモ", width: 8}.parse,
}

// dcardName reports whether a card line's card name is a dカード's:
// "ｄカード", "ｄカードＧＯＬＤ", or the older DCMX, in either width.
func dcardName(name string) bool {
	name = strings.TrimSpace(name)
	for _, p := range []string{"ｄカード", "dカード", "Ｄカード", "Dカード", "ＤＣＭＸ", "DCMX"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// maskedNumber matches a card number as Vpass prints it: groups of digits and
// mask characters, 4980-00**-****-**** or 0000-0000-0000-0***, and as people
// anonymise it before sharing a file, XXXX-XXXX-XXXX-X***. The layout is
// recognised by the shape of the line, not by one mask.
var maskedNumber = regexp.MustCompile(`^[0-9*XxＸ＊#•●]{4}(-[0-9*XxＸ＊#•●]{1,6}){2,3}$`)

// cardLine reports whether fields are a card header line: a holder ("山田
// 太郎　様", or a name without 様 in an anonymised copy), a masked number and
// a card name, then nothing.
func cardLine(f []string) bool {
	if len(f) < 3 || len(f) > 8 {
		return false
	}
	for _, x := range f[3:] {
		if strings.TrimSpace(x) != "" {
			return false // a row: its amounts come here
		}
	}
	holder := strings.TrimSpace(f[0])
	if holder == "" || !maskedNumber.MatchString(strings.TrimSpace(f[1])) || strings.TrimSpace(f[2]) == "" {
		return false
	}
	_, err := importer.ParseDate(holder)
	return err != nil
}

// sniffConfirmed recognises the 確定 layout by its first line, a card line;
// dcard says whether the card named there must be a dカード or must not.
func sniffConfirmed(head string, dcard bool) bool {
	for _, l := range importer.HeadLines(head, 5) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		f := importer.SplitCSVLine(l)
		return cardLine(f) && dcardName(f[2]) == dcard
	}
	return false
}

// Columns of the 確定 layout.
const (
	colDate = iota
	colMerchant
	colAmount // ご利用金額
	colPlan   // 支払区分
	colCount  // 今回回数
	colPay    // お支払い金額
	colMemo   // 備考
)

const columnNames = "ご利用日,ご利用店名,ご利用金額,支払区分,今回回数,お支払い金額,備考"

// totalLine reports whether fields are a total or subtotal line: empty
// except for column 6.
func totalLine(f []string) bool {
	if len(f) < 6 {
		return false
	}
	for i, x := range f {
		if (i == colPay) == (strings.TrimSpace(x) == "") {
			return false
		}
	}
	return true
}

// confirmed reads the 確定 layout for the card company issuer, whose rows
// have width fields.
type confirmed struct {
	issuer string
	width  int
}

// parser holds the state of one 確定 file.
type parser struct {
	confirmed
	in      *importer.Input
	rows    *importer.Rows
	st      *statement.Statement
	charges []statement.Charge
	card    statement.Card
	holder  string
	inCard  bool

	// Totals are of お支払い金額 (column 6). A total line closes the block
	// since the previous one (a card's subtotal) or, if it does not match
	// that, must match everything so far (the grand total).
	blockPay, allPay statement.Sum
	allPrinted       statement.Sum // the お支払い金額 printed, no ご利用金額 for it
	blockHasCharge   bool
	// revolving adds up the ※マイ・ペイすリボ最低支払額（弁済金）※ lines: a
	// revolving card's total is its month's payment, not its purchases.
	revolving     statement.Sum
	revolvingLine int
	lastTotal     int // charges covered by a total line so far
	lastLine      int
	checks        []importer.TotalCheck
}

func (p confirmed) parse(in *importer.Input) (*statement.Statement, error) {
	rows, err := in.Rows(importer.LazyQuotes)
	if err != nil {
		return nil, err
	}
	ps := &parser{confirmed: p, in: in, rows: rows, st: &statement.Statement{}}
	ps.charges = in.NewCharges()
	for rows.Next() {
		ps.line()
	}
	st := ps.st
	st.Charges = importer.Trimmed(ps.charges)
	for i := range st.Totals {
		st.Totals[i].Label, ps.checks[i].Label = "subtotal line", "subtotal line"
		if i == len(st.Totals)-1 {
			st.Totals[i].Label, ps.checks[i].Label = "total line", "total line"
		}
		in.Checked(ps.checks[i])
	}
	// Every Vpass 確定 file ends with its total: without it the file may have
	// been cut short, and nothing checks that no row is missing.
	if n := len(st.Charges) - ps.lastTotal; n > 0 || len(st.Totals) == 0 {
		in.TotalMissing(max(ps.lastLine, 1), "total line", message.New("input.missing.vpass", message.Args{"n": message.Count(n)}))
	}
	return st, rows.Err()
}

// line reads the current record.
func (p *parser) line() {
	rows, f := p.rows, p.rows.Fields
	if d := f[0]; len(d) > 0 && d[0] >= '0' && d[0] <= '9' {
		// A use date: a row, which is nearly every line (a holder's
		// name on a card line never starts with a digit).
		p.row()
		return
	}
	switch {
	case rows.Empty():
	case cardLine(f):
		p.card = statement.Card{Issuer: p.issuer, Number: strings.TrimSpace(f[1]), Name: strings.TrimSpace(f[2])}
		p.holder = importer.TrimHonorific(f[0])
		p.st.Cards = append(p.st.Cards, p.card)
		p.inCard = true
	case totalLine(f):
		p.total()
	case strings.TrimSpace(f[0]) == "" && len(f) > colMerchant && strings.TrimSpace(f[colMerchant]) != "":
		p.undated()
	default:
		p.row()
	}
}

// total reads a total line.
func (p *parser) total() {
	in, rows := p.in, p.rows
	amt, err := importer.ParseAmount(rows.Fields[colPay])
	if err != nil {
		in.Error(rows.Line, importer.AroundError("input.vpass.total-line", nil, err))
		return
	}
	t := statement.ControlTotal{Amount: amt, Source: in.Source(rows.Line)}
	c := importer.TotalCheck{Source: t.Source, Stated: amt, Outcome: importer.Matched}
	switch {
	case p.revolvingLine > 0:
		// A revolving card's total is the month's payment: its 弁済金 and
		// whatever is billed outside revolving. Which one-time charges a
		// card revolves is its holder's setting, which the file does not
		// say: a total that is not the 弁済金 plus the printed お支払い金額
		// cannot be checked, and is no mismatch.
		c.Sum = p.revolving.Decimal().Add(p.allPrinted.Decimal())
		c.Why = message.New("input.sum.revolving", message.Args{"line": message.Count(p.revolvingLine)})
		if !amt.Equal(c.Sum) {
			c.Outcome = importer.Unchecked
			c.Why = message.New("input.why.revolving", message.Args{"payment": message.Text(p.revolving.Decimal().String()),
				"line": message.Count(p.revolvingLine), "printed": message.Text(p.allPrinted.Decimal().String())})
		}
	case p.blockHasCharge && amt.Equal(p.blockPay.Decimal()):
		c.Sum, c.Why = amt, message.New("input.sum.card-above", message.Args{"column": message.Text("お支払い金額")})
	default:
		// Not its block's subtotal: it must be the total so far.
		c.Sum, c.Why = p.allPay.Decimal(), message.New("input.sum.every-above", message.Args{"column": message.Text("お支払い金額")})
		if !amt.Equal(c.Sum) {
			c.Outcome = importer.Mismatched
			in.Error(rows.Line, importer.TotalError(message.Term("input.total-line"), amt, c.Sum))
		}
	}
	p.st.Totals = append(p.st.Totals, t)
	p.checks = append(p.checks, c)
	p.blockPay, p.blockHasCharge = statement.Sum{}, false
	p.lastTotal = len(p.charges)
}

// undated reads a line with no date and text in the merchant column. Vpass
// writes such lines for a revolving card's payment (※マイ・ペイすリボ最低支払額
// （弁済金）※ with the amount), notes ("本明細書作成までのご返済情報を反映した
// 金額となります。"), and credits that have no date (ＷＥＢ明細書年会費割引 with a
// negative お支払い金額). A credit with no date can be no charge, as nothing
// dates it; its money still counts toward the total. Any other line with an
// amount may be a charge whose date was lost, and is an error.
func (p *parser) undated() {
	in, rows := p.in, p.rows
	text := strings.TrimSpace(rows.Fields[colMerchant])
	amountText, payText := rows.Field(colAmount), rows.Field(colPay)
	var pay decimal.Decimal
	if payText != "" {
		var err error
		if pay, err = importer.ParseAmount(payText); err != nil {
			in.Error(rows.Line, importer.AroundError("input.vpass.pay", message.Args{"text": message.Text(text)}, err))
			return
		}
	}
	switch {
	case strings.HasPrefix(text, "※") && payText != "" && amountText == "" && strings.Contains(text, "リボ"):
		p.revolving.Add(pay)
		p.revolvingLine = rows.Line
		in.Note(rows.Line, importer.Skipped, message.New("input.note.revolving", message.Args{"pay": message.Text(pay.String()), "text": message.Text(text)}), 0)
	case amountText == "" && payText == "":
		in.Note(rows.Line, importer.Skipped, message.New("input.note.note", message.Args{"text": message.Text(importer.Quote(text))}), 0)
	case amountText == "" && pay.IsNegative():
		p.blockPay.Add(pay)
		p.allPay.Add(pay)
		p.allPrinted.Add(pay)
		in.Note(rows.Line, importer.Skipped, message.New("input.note.undated-credit", message.Args{"text": message.Text(importer.Quote(text)), "pay": message.Text(pay.String())}), 0)
	default:
		in.Error(rows.Line, importer.NoDateError("ご利用日", text))
	}
}

// row reads a data row.
func (p *parser) row() {
	in, rows := p.in, p.rows
	// A row wider than the layout may be padded with empty fields, or have
	// a comma in its merchant or memo.
	if !rows.Repair(p.width, columnNames, []int{colMerchant, colMemo}, validRow) {
		return
	}
	if len(rows.Fields) < colPay+1 {
		in.Error(rows.Line, importer.FieldCountError(len(rows.Fields), p.width, columnNames, 0))
		return
	}
	if !p.inCard {
		in.Errorf(rows.Line, nil, "charge before the first card line (\"氏名　様,番号,カード名\")")
		return
	}
	c, pay, printed, ok := parseRow(in, rows)
	if !ok {
		return
	}
	c.Card, c.Holder = p.card, p.holder
	p.charges = append(p.charges, c)
	p.lastLine = rows.Line
	p.blockPay.Add(pay)
	p.allPay.Add(pay)
	if printed {
		p.allPrinted.Add(pay)
	}
	p.blockHasCharge = true
}

// validRow reports whether f, a row of fields joined back by a repair, reads
// as a row of the layout: a date, an amount or two, and counts where the
// layout has them, a one-time payment paying what it costs and an
// installment no more.
func validRow(f []string) bool {
	if _, err := importer.ParseDate(f[colDate]); err != nil || strings.TrimSpace(f[colMerchant]) == "" {
		return false
	}
	amount, err1 := importer.ParseAmount(f[colAmount])
	pay, err2 := importer.ParseAmount(f[colPay])
	plan, count := strings.TrimSpace(f[colPlan]), strings.TrimSpace(f[colCount])
	switch {
	case err1 != nil && strings.TrimSpace(f[colAmount]) != "",
		err2 != nil && strings.TrimSpace(f[colPay]) != "",
		err1 != nil && err2 != nil,
		plan != "" && importer.ParseInstallments(plan) == 0 && !strings.ContainsAny(plan, "リボ分割ボーナス"),
		count != "" && importer.ParseInstallments(count) == 0:
		return false
	case err1 == nil && err2 == nil && pay.Abs().GreaterThan(amount.Abs()):
		return false
	}
	return true
}

// parseRow reads a data row; pay is the お支払い金額 that totals add up (the
// ご利用金額 when none is printed, which printed says).
func parseRow(in *importer.Input, rows *importer.Rows) (c statement.Charge, pay decimal.Decimal, printed, ok bool) {
	date, err := importer.ParseDate(rows.Field(colDate))
	if err != nil {
		in.Error(rows.Line, err)
		return c, pay, false, false
	}
	merchant := rows.Fields[colMerchant]
	if strings.TrimSpace(merchant) == "" {
		in.Error(rows.Line, message.NewError("input.empty-merchant", nil, nil))
		return c, pay, false, false
	}
	useField, payField := rows.Field(colAmount), rows.Field(colPay)
	printed = payField != ""
	if !printed {
		// A revolving card's purchases leave お支払い金額 empty.
		payField = useField
	}
	if useField == "" {
		// Cashback and discount rows, and a card's annual fee, leave
		// ご利用金額 empty.
		useField = payField
	}
	amount, err := importer.ParseAmount(useField)
	if err != nil {
		in.Errorf(rows.Line, nil, "ご利用金額: %w", err)
		return c, pay, false, false
	}
	// A one-time payment's two amounts are the same text: read it once.
	pay = amount
	if payField != useField {
		if pay, err = importer.ParseAmount(payField); err != nil {
			in.Errorf(rows.Line, nil, "お支払い金額: %w", err)
			return c, pay, false, false
		}
	}
	key, kind := in.Kind(merchant, amount)
	c = statement.Charge{
		Date:     date,
		Merchant: merchant,
		Payee:    key,
		Amount:   amount,
		Kind:     kind,
		Source:   in.Source(rows.Line),
	}
	if n := importer.ParseInstallments(rows.Raw(colPlan)); n > 1 {
		c.Installments = n
	}
	if memo := rows.Field(colMemo); memo != "" {
		// dカード's 8-column rows keep the store's full name here; it stays a
		// memo and never joins the merchant.
		if amt, cur, ok := ForeignMemo(memo); ok {
			c.ForeignAmount, c.ForeignCurrency = amt, cur
		}
	}
	return c, pay, printed, true
}

// ForeignMemo reads the foreign-use memo in 備考, "20.00　USD　157.500　01 13"
// (amount, currency, rate, conversion date; full-width spaces between).
// It is read by hand rather than by a regular expression: in a large file it
// runs on every foreign row.
func ForeignMemo(memo string) (decimal.Decimal, string, bool) {
	if r, _ := utf8.DecodeRuneInString(memo); !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
		return decimal.Decimal{}, "", false // most memos are empty or a name
	}
	amount, rest := nextWord(memo)
	currency, rest := nextWord(rest)
	rate, _ := nextWord(rest)
	// Folding the words rather than the memo spares an allocation on the
	// usual ASCII digits.
	amount, rate = importer.Fold(amount), importer.Fold(rate)
	if !foreignAmount(amount) || !currencyCode(currency) || rate == "" || strings.Trim(rate, "0123456789.") != "" {
		return decimal.Decimal{}, "", false
	}
	amt, err := importer.ParseAmount(amount)
	if err != nil {
		return decimal.Decimal{}, "", false
	}
	return amt, currency, true
}

// nextWord splits s at its first run of spaces, half-width or full-width.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " 　")
	if i := strings.IndexAny(s, " 　"); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// foreignAmount reports whether s is "20", "1,234" or "20.00".
func foreignAmount(s string) bool {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || whole[0] < '0' || whole[0] > '9' || strings.Trim(whole, "0123456789,") != "" {
		return false
	}
	return !dot || frac != "" && strings.Trim(frac, "0123456789") == ""
}

// currencyCode reports whether s is three capital letters, an ISO 4217 code.
func currencyCode(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}
