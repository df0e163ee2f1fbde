package notice

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Fields names the labels of a layout's charge fields, for the layouts
// (nearly all) that print each charge as labelled lines.
type Fields struct {
	// Date labels the use date (with or without the time of day); Amount
	// the amount. Both are required in every block.
	Date, Amount string
	// Merchant labels the merchant; "" when the layout has none (楽天's
	// 速報), and then every charge is a placeholder.
	Merchant string
	// Kind labels the transaction type (SMBC's ◇利用取引: 買物, 取消, 返品),
	// or "".
	Kind string
	// Holder labels the card user (楽天's ■利用者: 本人, 家族), or "".
	Holder string
	// Start, when not nil, reports lines that open a charge's block
	// (JCB's "◆ご利用１", au PAY's "No.001--------").
	Start func(line string) bool
}

// Charges reads every block of lines as one charge. A block without its
// date or amount, or with one that cannot be read, is an error at its line:
// a notice is read whole or not at all.
func (f Fields) Charges(lines []Line) ([]Charge, error) {
	labels := []string{f.Date, f.Amount}
	for _, l := range []string{f.Merchant, f.Kind, f.Holder} {
		if l != "" {
			labels = append(labels, l)
		}
	}
	var out []Charge
	for _, b := range Blocks(lines, labels, f.Start) {
		c, err := f.charge(b)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (f Fields) charge(b Block) (Charge, error) {
	var c Charge
	first := 0
	for _, fl := range b {
		if first == 0 || fl.Line < first {
			first = fl.Line
		}
	}
	date, ok := b[f.Date]
	if !ok {
		return c, Errorf(first, "the charge has no %s line", strings.TrimSpace(f.Date))
	}
	amount, ok := b[f.Amount]
	if !ok {
		return c, Errorf(first, "the charge has no %s line", strings.TrimSpace(f.Amount))
	}
	d, at, err := ParseDateTime(date.Value)
	if err != nil {
		return c, &LineError{Line: date.Line, Err: err}
	}
	c.Date, c.Time = d, at
	a, err := ParseAmount(amount.Value)
	if err != nil {
		return c, &LineError{Line: amount.Line, Err: err}
	}
	if err := setAmount(&c, a); err != nil {
		return c, &LineError{Line: amount.Line, Err: err}
	}
	c.Source.Line = amount.Line
	if f.Merchant != "" {
		m, ok := b[f.Merchant]
		if !ok || m.Value == "" {
			return c, Errorf(first, "the charge has no %s", strings.TrimSpace(f.Merchant))
		}
		c.Merchant = m.Value
	} else {
		c.Placeholder = true
	}
	if h, ok := b[f.Holder]; ok && f.Holder != "" {
		c.Holder = h.Value
	}
	if f.Kind != "" {
		if k, ok := b[f.Kind]; ok {
			if err := setKind(&c, k.Value); err != nil {
				return c, &LineError{Line: k.Line, Err: err}
			}
		}
	}
	if a.Note != "" {
		if err := setKind(&c, a.Note); err != nil {
			return c, &LineError{Line: amount.Line, Err: err}
		}
	}
	return c, nil
}

// setAmount puts a into c: yen into Amount, a foreign amount into
// ForeignAmount (the yen amount is not known until the charge posts).
func setAmount(c *Charge, a Amount) error {
	if a.Value.IsZero() {
		return fmt.Errorf("%w: a zero amount is not a charge", importer.ErrBadAmount)
	}
	if a.Currency == "JPY" {
		c.Amount = a.Value
		return nil
	}
	c.ForeignAmount, c.ForeignCurrency = a.Value, a.Currency
	return nil
}

// errKind is the cause of a transaction type no layout knows.
var errKind = errors.New("unknown transaction type")

// setKind reads a transaction type: 買物 is a purchase; 取消 and 返品 (and
// the notes "（取消）", "(返品)") reverse one, whatever the amount's sign
// says (one issuer printed a 取消 with a positive amount).
func setKind(c *Charge, kind string) error {
	switch strings.TrimSpace(kind) {
	case "買物", "ショッピング", "":
		c.Kind = statement.Purchase
	case "取消", "返品", "返金", "取消・返品":
		c.Kind = statement.Refund
		c.Amount = c.Amount.Abs().Neg()
		c.ForeignAmount = c.ForeignAmount.Abs().Neg()
	default:
		return fmt.Errorf("%w %q", errKind, kind)
	}
	return nil
}
