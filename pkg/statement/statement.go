// Package statement is cardcheck's data model: the charges read from a card
// statement, the card they belong to, and the statement's own control totals.
//
// The types are plain data. Importers fill them; rules and reports read them.
// Money is always a [decimal.Decimal] in yen (or in the foreign currency for
// ForeignAmount), never a float.
package statement

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Kind says what a statement line is. Only purchases and refunds are spending;
// payments, transfers, fees and interest are kept so that totals reconcile, but
// rules never treat them as purchases.
type Kind string

// The kinds of statement lines.
const (
	Purchase Kind = "purchase"
	Refund   Kind = "refund"
	Payment  Kind = "payment"
	Transfer Kind = "transfer"
	Fee      Kind = "fee"
	Interest Kind = "interest"
)

// IsSpending reports whether k is a purchase or a refund.
func (k Kind) IsSpending() bool { return k == Purchase || k == Refund || k == "" }

// Card identifies the card a charge was made with, as far as the statement says.
type Card struct {
	Issuer string // card company, e.g. "三井住友カード"
	Name   string // card name as printed, e.g. "三井住友カードＶＩＳＡ（ＮＬ）"
	Number string // masked number exactly as printed, e.g. "4980-00**-****-****"
}

// Label is the human name of the card used in reports, JSON and the config:
// the card name and, when the statement prints one, the masked number.
func (c Card) Label() string {
	name := c.Name
	if name == "" {
		name = c.Issuer
	}
	if c.Number == "" {
		return name
	}
	if name == "" {
		return c.Number
	}
	return name + " " + c.Number
}

// Source points at the line of a file a charge or an error came from.
type Source struct {
	File string
	Line int // 1-based
}

func (s Source) String() string {
	if s.Line == 0 {
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// Charge is one line of a statement.
type Charge struct {
	Date     Date   // use date (ご利用日)
	Merchant string // merchant exactly as printed, decoded to UTF-8
	Payee    string // normalised key for matching, see package payee
	// Via names the processor or wallet the statement prints around the
	// payee ("PAYPAL" for "PAYPAL *SAMPLESOFT"), or "".
	Via    string
	Amount decimal.Decimal
	Kind   Kind

	// ForeignAmount and ForeignCurrency are set for charges made in another
	// currency, when the statement says so. Currency is an ISO 4217 code.
	ForeignAmount   decimal.Decimal
	ForeignCurrency string

	Card   Card
	Holder string // the cardholder line the charge came under (name, 本人/家族)
	Format string // the importer that read it
	Source Source

	// Installments is the number of payments for 分割/リボ purchases (0 or 1
	// for a single payment). The charge is the whole purchase, counted once.
	Installments int

	// Reverses points at the charge a refund or cancellation reverses, when
	// the statement shows which one it is (zero otherwise).
	Reverses Source

	// Ref is the statement's own id for the line, when it has one (マネーフォワード's
	// ID column). Deduplication prefers it.
	Ref string

	// Notice is what the card company's usage-notice mail said of the
	// charge (see package notice), or nil: a statement row no notice
	// matched. A row a notice matched keeps its own merchant and amount.
	Notice *Notified
}

// Notified is what a usage-notice mail adds to a charge: when it happened to
// the minute, when the card company mailed it, and where it stands. A notice
// is an authorisation, not a statement row: see [NoticeStatus].
type Notified struct {
	// Time is the moment of use in Japan time when the notice prints the
	// time of day, and zero when it prints the date only.
	Time time.Time
	// Mailed is when the card company sent the notice (its Date header):
	// the earliest moment a check of the charge could run.
	Mailed time.Time
	Status NoticeStatus
	// Placeholder is true when the charge's merchant is not the shop's
	// name but a stand-in the issuer prints for any shop (Visa加盟店,
	// 国内加盟店ショッピング), or missing (楽天's 速報). A placeholder is never
	// learned as a payee or a recurring payment and never makes a charge
	// known; a statement row a notice matched has its real merchant and
	// is no placeholder.
	Placeholder bool
	// Unnamed is true on a statement row, or a posted notice, matched to a
	// notice that did not name the shop (a placeholder): the charge was
	// checked, and its findings named, before the shop was, so they keep
	// that notice's MessageID and Block as its name (rules: a finding's id).
	Unnamed bool
	// MessageID and Block identify the charge across re-sent mails: the
	// mail's Message-ID and the charge's 1-based position in it.
	MessageID string
	Block     int
	// Layout is the notice layout that read it ("smbc", "rakuten-preliminary").
	Layout string
}

// NoticeStatus says where in its life a notified charge is.
type NoticeStatus string

// The statuses of notified charges.
const (
	// Authorised: the card company approved the use; the notice says it
	// does not fix the amount or the billing (速報, real-time notices).
	Authorised NoticeStatus = "authorised"
	// Posted: the merchant's sales data arrived (確定, 売上到着分, 詳細,
	// 確報, ご利用明細): what the statement will show.
	Posted NoticeStatus = "posted"
	// Declined: the card was refused; the charge never posts.
	Declined NoticeStatus = "declined"
	// Cancelled: an authorisation reversed by a later notice before it
	// posted; it never posts.
	Cancelled NoticeStatus = "cancelled"
	// TestAuthorisation: a small authorisation reversed at once, the check
	// shops and wallets make when a card is registered; it never posts.
	TestAuthorisation NoticeStatus = "test-authorisation"
)

// NeverPosts reports whether a charge of this status will never be on a
// statement: declined, cancelled, a test authorisation.
func (s NoticeStatus) NeverPosts() bool {
	return s == Declined || s == Cancelled || s == TestAuthorisation
}

// PlaceholderMerchant reports whether the charge's merchant is a notice's
// stand-in for any shop (see [Notified]): such a charge says nothing about
// its payee.
func (c *Charge) PlaceholderMerchant() bool { return c.Notice != nil && c.Notice.Placeholder }

// At returns the moment of use when a notice gave the time of day, and the
// zero time otherwise.
func (c *Charge) At() time.Time {
	if c.Notice == nil {
		return time.Time{}
	}
	return c.Notice.Time
}

// Foreign reports whether the charge was made in a foreign currency.
func (c *Charge) Foreign() bool {
	return c.ForeignCurrency != "" && !strings.EqualFold(c.ForeignCurrency, "JPY")
}

// ControlTotal is a total printed by the statement itself. It is metadata, not
// a charge: importers check that the charges it covers add up to it.
type ControlTotal struct {
	Label  string // what the statement calls it: "合計", "小計", "今回ご請求額"…
	Amount decimal.Decimal
	Source Source
}

// Statement is what one file holds.
type Statement struct {
	File    string
	Format  string // importer name
	Cards   []Card // cards in order of appearance
	Charges []Charge
	Totals  []ControlTotal
	// Aggregated is true for household-account exports (マネーフォワード ME,
	// Zaim) that repeat charges the issuers' own statements may also hold.
	Aggregated bool
}
