package importer

import (
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Fold turns full-width digits, signs and separators into ASCII and trims
// white space (full-width included), for numeric fields.
func Fold(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + r - '０'
		case r == '，', r == '、':
			return ','
		case r == '．':
			return '.'
		case r == '－', r == '−', r == '‐', r == '▲', r == '△':
			return '-'
		case r == '＋':
			return '+'
		case r == '／':
			return '/'
		case r == '　':
			return ' '
		}
		return r
	}, s)
}

// MaxAmountDigits is the most digits an amount may have before its point:
// no card charge reaches a trillion yen, and a longer number in an amount
// column is more likely a card number than money.
const MaxAmountDigits = 12

// maxFractionDigits is the most digits after the point (exchange rates).
const maxFractionDigits = 6

// ParseAmount parses a money amount as statements print it: "3480", "3,480",
// "-361,429", "０００００１２３４５", "¥1,200", "1200円", "5.000". It never uses
// floats. Every amount of every format, the user-defined ones included, is
// read here, under one limit: at most [MaxAmountDigits] digits before the
// point (leading zeros aside, as 今回ご請求額 pads to ten digits) and six after.
func ParseAmount(s string) (decimal.Decimal, error) {
	if n, ok := plainInteger(s); ok {
		// Nearly every amount is plain ASCII digits: read it before the
		// folding and trimming that the other forms need.
		return decimal.New(n, 0), nil
	}
	orig := s
	s = Fold(s)
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimPrefix(s, "￥")
	s = strings.TrimPrefix(s, "\\")
	s = strings.TrimSuffix(s, "円")
	s = strings.TrimSpace(s)
	if s == "" {
		return decimal.Decimal{}, message.NewError("input.bad-amount-empty", nil, ErrBadAmount)
	}
	if n, ok := plainInteger(s); ok {
		return decimal.New(n, 0), nil
	}
	clean := make([]byte, 0, len(s))
	digits, dots, fraction, leading := 0, 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if c == '0' && digits == leading && dots == 0 {
				leading++
			}
			digits++
			if dots > 0 {
				fraction++
			}
		case c == ',' && digits > 0 && dots == 0:
			continue
		case c == '.':
			dots++
		case (c == '-' || c == '+') && i == 0:
		default:
			return decimal.Decimal{}, badAmount(orig)
		}
		clean = append(clean, c)
	}
	if digits == 0 || dots > 1 || digits-fraction-leading > MaxAmountDigits || fraction > maxFractionDigits {
		return decimal.Decimal{}, badAmount(orig)
	}
	d, err := decimal.NewFromString(string(clean))
	if err != nil {
		return decimal.Decimal{}, badAmount(orig)
	}
	return d, nil
}

// plainInteger reads s when it is an optional minus sign and ASCII digits,
// at most [MaxAmountDigits] of them after any leading zeros.
func plainInteger(s string) (int64, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) == 0 {
		return 0, false
	}
	var n int64
	significant := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > 0 || c != '0' {
			if significant++; significant > MaxAmountDigits {
				return 0, false
			}
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// ParseDate parses a use date in the forms Japanese statements print:
// 2025/01/05, 2025/1/5, 2025-01-05, 2025年1月5日, 2025年 1月 6日, 250105
// (YYMMDD, read as 20YY), 20250105. Leading and trailing spaces are ignored.
func ParseDate(s string) (statement.Date, error) {
	if y, m, d, ok := isoSlashDate(s); ok {
		// Fast path for 2025/01/05, nearly every row of most layouts.
		if y < 1990 || y > 2100 || !statement.ValidDate(y, m, d) {
			return 0, badDate(s)
		}
		return statement.NewDate(y, time.Month(m), d), nil
	}
	orig := s
	s = Fold(s)
	var parts []int
	n, inNum, width := 0, false, 0
	var widths []int
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
			inNum = true
			width++
			if width > 8 {
				return 0, badDate(orig)
			}
			continue
		}
		if r == ' ' {
			// 2025年 1月 6日 pads single digits with a space.
		} else if !inNum || !strings.ContainsRune("/-年月日.", r) {
			return 0, badDate(orig)
		}
		if inNum {
			parts = append(parts, n)
			widths = append(widths, width)
		}
		n, inNum, width = 0, false, 0
	}
	if inNum {
		parts = append(parts, n)
		widths = append(widths, width)
	}
	var y, m, d int
	switch {
	case len(parts) == 3 && widths[0] == 4:
		y, m, d = parts[0], parts[1], parts[2]
	case len(parts) == 1 && widths[0] == 8:
		y, m, d = parts[0]/10000, parts[0]/100%100, parts[0]%100
	case len(parts) == 1 && widths[0] == 6:
		y, m, d = 2000+parts[0]/10000, parts[0]/100%100, parts[0]%100
	default:
		return 0, badDate(orig)
	}
	if y < 1990 || y > 2100 || !statement.ValidDate(y, m, d) {
		return 0, badDate(orig)
	}
	return statement.NewDate(y, time.Month(m), d), nil
}

// isoSlashDate reads exactly "YYYY/MM/DD" in ASCII digits.
func isoSlashDate(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '/' || s[7] != '/' {
		return 0, 0, 0, false
	}
	n := 0
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0, 0, 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n / 10000, n / 100 % 100, n % 100, true
}

// CheckTotal compares a statement's own total with the sum of the charges it
// covers, which what describes ("the お支払い金額 of the rows", see [Sum]),
// records the check, and records a mismatch as an error on the total's line.
func (in *Input) CheckTotal(t statement.ControlTotal, sum decimal.Decimal, what message.Message) bool {
	c := TotalCheck{Label: t.Label, Source: t.Source, Stated: t.Amount, Sum: sum, Outcome: Matched, Why: what}
	ok := t.Amount.Equal(sum)
	if !ok {
		c.Outcome = Mismatched
		in.Error(t.Source.Line, TotalError(message.Text(t.Label), t.Amount, sum))
	}
	in.checks = append(in.checks, c)
	return ok
}

// Checked records the outcome of a check a format made itself; a mismatch
// is reported by the format as an error too.
func (in *Input) Checked(c TotalCheck) {
	in.checks = append(in.checks, c)
}

// TotalMissing records that the file lacks the total its layout ends or
// starts with, as an error at line: nothing then checks that no row is
// missing, and the file may have been cut short. why says so (an
// input.missing.* message).
func (in *Input) TotalMissing(line int, label string, why message.Message) {
	in.Error(line, message.NewError("input.caused", message.Args{"cause": message.Term("input.cause.total"), "detail": message.Nested(why)}, ErrTotal))
	in.checks = append(in.checks, TotalCheck{Label: label, Source: in.Source(0), Outcome: Missing, Why: why})
}

// TotalUnchecked records a total that cannot be checked against the rows,
// and why; t is nil for a layout that prints none. It is not an error.
func (in *Input) TotalUnchecked(t *statement.ControlTotal, label string, why message.Message) {
	c := TotalCheck{Label: label, Source: in.Source(0), Outcome: Unchecked, Why: why}
	if t != nil {
		c.Label, c.Source, c.Stated = t.Label, t.Source, t.Amount
	}
	in.checks = append(in.checks, c)
}

// KindOf classifies a statement line that its layout does not mark, from its
// payee key (see package payee) and its amount in cardcheck's sign convention
// (purchases positive): autopay and deposit lines are payments, interest is
// interest, negative amounts are refunds, annual fees and commissions are
// fees, and everything else is a purchase. Payments and interest come before
// the sign because issuers print them with either sign. Issuers that print
// merchants in half-width katakana spell the words that way too (ﾈﾝｶｲﾋ), and
// the key has them in full-width katakana.
func KindOf(key string, amount decimal.Decimal) statement.Kind {
	switch {
	case containsAny(key, "口座振替", "コウザフリカエ", "ご入金"):
		return statement.Payment
	case strings.Contains(key, "利息"):
		return statement.Interest
	case amount.IsNegative():
		return statement.Refund
	case containsAny(key, "年会費", "ネンカイヒ", "手数料", "テスウリヨウ", "テスウリョウ"):
		return statement.Fee
	}
	return statement.Purchase
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ParseInstallments reads the number of payments from a 支払区分 or 支払回数
// field: "1", "１回", "３回払い", "分割(3回)". It returns 0 when the field
// holds no count (通常払い, リボ, ボーナス一括, empty) or an absurd one.
func ParseInstallments(s string) int {
	n, digits := 0, false
	for _, r := range s {
		// Full-width digits are read in place: Fold would allocate for the
		// "１" on nearly every row.
		if r >= '０' && r <= '９' {
			r = '0' + r - '０'
		}
		if r >= '0' && r <= '9' {
			n, digits = n*10+int(r-'0'), true
			if n > 999 {
				return 0
			}
		} else if digits {
			break
		}
	}
	return n
}

// ParseForeign reads a foreign-currency amount and its ISO 4217 code from
// the fields that carry them, in either width ("20.00", "ＵＳＤ"). ok is false
// when either is not what it should be.
func ParseForeign(amount, currency string) (d decimal.Decimal, code string, ok bool) {
	code = strings.ToUpper(width.Fold.String(strings.TrimFunc(currency, unicode.IsSpace)))
	if len(code) != 3 || strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return decimal.Decimal{}, "", false
	}
	d, err := ParseAmount(amount)
	if err != nil {
		return decimal.Decimal{}, "", false
	}
	return d, code, true
}
