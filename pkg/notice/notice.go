// Package notice reads card companies' usage-notice mails (利用通知): the
// mail an issuer sends minutes after each authorisation, or a digest of
// uses that have posted. A notice gives charges as statements do, and
// sooner, but it is an authorisation, not a statement row: its amount and
// merchant can change before they post, declines never post, and some
// issuers print a placeholder instead of the shop's name.
//
// Each issuer's layout is a [Layout] in a [Registry], like the statement
// formats of package importer: the layout recognises its mails by content
// (subject and body), never by the sender, so that a mail that only looks
// like an issuer's notice is recognised too, and then reported as an
// imitation when package auth finds it was not sent by that issuer. Only
// authentic notices give charges.
package notice

import (
	"bytes"
	"errors"
	"fmt"
	"net/mail"
	"sort"
	"strings"
	"sync"

	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Charge is one charge a notice gives: what a statement row would hold
// (date, merchant and payee key, amount, negative for cancellations and
// returns with Kind Refund, foreign amount, card, holder, and the source:
// message name and body line) and what only the notice says (time of day,
// status, placeholder, Message-ID and block). [Charge.Row] is the charge as
// the rest of cardcheck sees it.
type Charge struct {
	statement.Charge
	statement.Notified
}

// Row returns the charge as a statement charge whose Notice holds what the
// notice said.
func (c *Charge) Row() statement.Charge {
	row := c.Charge
	n := c.Notified
	row.Notice = &n
	return row
}

// Layout is one issuer's notice layout.
type Layout struct {
	// Name identifies the layout, e.g. "smbc" or "rakuten-preliminary".
	Name string
	// Issuer is the card company, e.g. "三井住友カード"; Title describes the
	// mail, e.g. "ご利用のお知らせ".
	Issuer, Title string
	// Domains are the registrable domains the issuer sends the notice
	// from ("vpass.ne.jp"); a mail from anywhere else is an imitation.
	Domains []string
	// Claims reports whether m presents itself as this layout's notice, by
	// its subject and body. It must claim imitations too (a look-alike
	// subject, the issuer's field labels) and must not claim the issuer's
	// other mails (billing, marketing) nor another layout's notices.
	Claims func(m *Message) bool
	// Parse reads the charges of an authentic notice. Every charge it
	// returns has a date and an amount; a notice it cannot read whole is an
	// error, never a partial guess. Card, Holder, Status and Time are the
	// layout's to fill; the rest of each charge's bookkeeping is done by
	// [Registry.Read].
	Parse func(m *Message) ([]Charge, error)
}

// Registry holds layouts. The zero value is empty and ready to use; it is
// safe for concurrent use.
type Registry struct {
	mu      sync.RWMutex
	layouts []*Layout
}

// Register adds l. It panics on an incomplete layout or a duplicate name:
// those are programming errors.
func (r *Registry) Register(l Layout) {
	if l.Name == "" || l.Issuer == "" || len(l.Domains) == 0 || l.Claims == nil || l.Parse == nil {
		panic("notice: Register of incomplete layout " + l.Name)
	}
	for _, d := range l.Domains {
		if auth.Domain(d) != d {
			panic("notice: layout " + l.Name + ": " + d + " is not a registrable domain")
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, g := range r.layouts {
		if g.Name == l.Name {
			panic("notice: Register called twice for layout " + l.Name)
		}
	}
	r.layouts = append(r.layouts, &l)
}

// Layouts returns the registered layouts sorted by name.
func (r *Registry) Layouts() []*Layout {
	r.mu.RLock()
	out := append([]*Layout(nil), r.layouts...)
	r.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Claim returns the layout that claims m, or nil when m is not a usage
// notice. Several claiming layouts are an error: the registry's layouts
// must be told apart by content, and a test checks every fixture against
// every layout.
func (r *Registry) Claim(m *Message) (*Layout, error) {
	var found []*Layout
	for _, l := range r.Layouts() {
		if l.Claims(m) {
			found = append(found, l)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, l := range found {
		names[i] = l.Name
	}
	return nil, fmt.Errorf("more than one notice layout recognises it: %s", strings.Join(names, ", "))
}

// Result is what reading one mail gives.
type Result struct {
	// Name says where the mail came from (a file, "mbox[3]", an IMAP UID).
	Name      string
	MessageID string
	Subject   string
	// Sender is the From address.
	Sender string
	// Layout is the notice layout the mail presents itself as, nil for a
	// mail that is not a usage notice (most of a mailbox).
	Layout *Layout
	// Charges are the authentic notice's charges.
	Charges []Charge
	// Imitation, when not empty, says why the mail, which looks like
	// Layout's notice, was not sent by its issuer: a phishing imitation.
	// It is Why in English (JSON's reason, logs); Why is the same as facts,
	// which reports and mails say in the user's language.
	Imitation string
	Why       message.Message
	// Err is set when the mail could not be read or checked; it is an
	// [*Error] naming the message.
	Err error
}

// Error is a mail that could not be read or checked.
type Error struct {
	Name      string // where the mail came from
	MessageID string
	Line      int // 1-based line of the decoded body, or 0
	Err       error
}

func (e *Error) Error() string { return e.In(lang.EN) }

// In says the error in l: the mail, its Message-ID and body line, and what
// is wrong, in l when the error underneath can say itself (a sender that
// could not be verified), as it is otherwise.
func (e *Error) In(l lang.Lang) string {
	return message.Render(l, message.New("notice.error", message.Args{
		"name": message.Text(e.Name), "id": message.Text(e.MessageID), "line": message.Count(e.Line),
		"detail": message.Text(cardnum.Mask(message.ErrorIn(l, e.Err))),
	}))
}

func (e *Error) Unwrap() error { return e.Err }

// LineError is returned by a layout's Parse for a problem at a body line.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Errorf returns a [*LineError] at line.
func Errorf(line int, format string, args ...any) error {
	return &LineError{Line: line, Err: fmt.Errorf(format, args...)}
}

// ErrUnverified is wrapped by the error of a notice whose sender could not
// be checked (its DKIM key could not be fetched): not a charge yet, and not
// an imitation; reading it again later may succeed.
var ErrUnverified = errors.New("the sender could not be verified")

// ErrTryLater is wrapped, with ErrUnverified, by the error of a notice
// whose sender's key DNS could not give now: a check later may pass.
var ErrTryLater = errors.New("for now")

// unverified is the error of a notice whose sender could not be checked:
// it is ErrUnverified (and ErrTryLater when later), and says why in the
// user's language.
type unverified struct {
	why   message.Message
	later bool
}

func (e *unverified) Error() string { return e.In(lang.EN) }

func (e *unverified) In(l lang.Lang) string {
	return message.Render(l, message.New("notice.unverified", message.Args{"why": message.Nested(e.why), "later": message.Bool(e.later)}))
}

func (e *unverified) Is(target error) bool {
	return target == ErrUnverified || e.later && target == ErrTryLater
}

// Read reads one mail: name says where it came from, raw is the message as
// received, v checks its sender.
func (r *Registry) Read(name string, raw []byte, v *auth.Verifier) Result {
	res := Result{Name: name}
	fail := func(line int, err error) Result {
		res.Err = &Error{Name: name, MessageID: res.MessageID, Line: line, Err: err}
		return res
	}
	m, err := ParseMessage(raw)
	if err != nil {
		// Name the message by its Message-ID too, when its header reads.
		if h, herr := mail.ReadMessage(bytes.NewReader(raw)); herr == nil {
			res.MessageID = strings.Trim(strings.TrimSpace(h.Header.Get("Message-ID")), "<>")
		}
		return fail(0, err)
	}
	res.MessageID, res.Subject, res.Sender = m.MessageID, m.Subject, m.From
	l, err := r.Claim(m)
	if err != nil {
		return fail(0, err)
	}
	if l == nil {
		return res
	}
	res.Layout = l
	if v == nil {
		v = &auth.Verifier{}
	}
	verdict := v.Check(raw, l.Domains)
	switch {
	case verdict.Unverified:
		return fail(0, &unverified{why: verdict.Why, later: verdict.Temporary})
	case !verdict.Authentic:
		res.Imitation, res.Why = verdict.Reason(), verdict.Why
		return res
	}
	charges, err := l.Parse(m)
	if err != nil {
		var le *LineError
		if errors.As(err, &le) {
			return fail(le.Line, le.Err)
		}
		return fail(0, err)
	}
	if len(charges) == 0 {
		return fail(0, fmt.Errorf("%w: a %s notice with no charge", ErrUnreadable, l.Name))
	}
	for i := range charges {
		c := &charges[i]
		c.Merchant = cardnum.Mask(c.Merchant)
		c.Payee, c.Via = payee.Split(c.Merchant)
		c.Placeholder = c.Placeholder || IsPlaceholder(c.Merchant)
		c.Card = statement.Card{Issuer: l.Issuer, Name: cardnum.Mask(c.Card.Name), Number: cardnum.Mask(c.Card.Number)}
		c.Holder = cardnum.Mask(c.Holder)
		c.Format, c.Layout = l.Name, l.Name
		c.Source.File = name
		c.MessageID, c.Block = m.MessageID, i+1
		c.Mailed = m.Date
		if m.MessageID != "" {
			c.Ref = fmt.Sprintf("%s#%d", m.MessageID, i+1)
		}
		if c.Kind == "" {
			c.Kind = statement.Purchase
			if c.Amount.IsNegative() {
				c.Kind = statement.Refund
			}
		}
		if c.Status == "" {
			c.Status = statement.Authorised
		}
	}
	res.Charges = charges
	return res
}
