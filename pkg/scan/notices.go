package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/mailbox"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice"
	noticeall "github.com/cardcheck/cardcheck/pkg/notice/all"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
	"github.com/cardcheck/cardcheck/pkg/notice/store"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Inputs are what a run's paths hold: statement files, and mail (usage
// notices) kept as .eml files, maildir folders or mbox files.
type Inputs struct {
	Statements []string
	Mail       []mailbox.Source
}

// Collect expands paths into the run's inputs, within one budget of bytes
// ([importer.DefaultBudget]) for statements and mail together. A file is
// mail when its content says so ([mailbox.Detect]: a header or an mbox
// "From " line first) and its name does not end in .csv; a folder with
// cur/ or new/ is a maildir; any other folder is searched for statements
// (*.csv, see [importer.Collect]) and for mail ([mailbox.Find]). Notes say
// which folders held neither.
func Collect(paths []string) (Inputs, []importer.Note, []error) {
	var in Inputs
	var stmtPaths []string
	var errs []error
	var spent int64
	withMail := map[string]bool{} // folders where mail was found
	seen := map[string]bool{}
	addMail := func(src mailbox.Source) {
		if seen[src.Path] {
			return
		}
		seen[src.Path] = true
		if spent+src.Size > importer.DefaultBudget {
			errs = append(errs, importer.BudgetError(src.Path, importer.DefaultBudget))
			return
		}
		spent += src.Size
		in.Mail = append(in.Mail, src)
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if p != importer.Stdin && err == nil && (info.IsDir() || info.Mode().IsRegular() && !strings.EqualFold(filepath.Ext(p), ".csv")) {
			if src, err := mailbox.Stat(p); err == nil {
				addMail(src)
				continue
			}
			if info.IsDir() {
				srcs, e := mailbox.Find(p)
				errs = append(errs, e...)
				withMail[p] = len(srcs) > 0
				for _, src := range srcs {
					addMail(src)
				}
			}
		}
		// The importer reads stdin, walks folders for statements and
		// reports what cannot be read.
		stmtPaths = append(stmtPaths, p)
	}
	files, notes, stmtErrs := importer.Collect(stmtPaths, importer.DefaultBudget-spent)
	in.Statements = files
	errs = append(errs, stmtErrs...)
	kept := notes[:0]
	for _, n := range notes {
		if !withMail[n.File] { // a folder of mail holds no statement, and that is no news
			kept = append(kept, n)
		}
	}
	return in, kept, errs
}

// Reader reads a run's inputs: statements with Formats, usage-notice mails
// with Layouts, checked by Verifier, their cards bound with Cards.
type Reader struct {
	Formats *importer.Registry
	// Layouts are the notice layouts; nil means every built-in one.
	Layouts *notice.Registry
	// Verifier checks that a notice comes from its card company; nil
	// means DKIM with keys from DNS.
	Verifier *auth.Verifier
	// Cards binds notice cards to statement cards where the names do not
	// tell (the config's notices: cards:); see [notice.BindCard].
	Cards []notice.Binding
	// Kept, when not nil, holds the notices read from the mailbox before
	// (cardcheck watch, scan --imap): they are read with the paths.
	Kept *store.Store
}

// Load collects and reads the statements and mail at paths and merges
// their charges: see [Reader.LoadWith].
func Load(reg *importer.Registry, paths []string) *Result {
	return (&Reader{Formats: reg}).LoadWith(paths, nil)
}

// Load is [Reader.LoadWith] with no notices read before.
func (r *Reader) Load(paths []string) *Result { return r.LoadWith(paths, nil) }

// LoadWith reads the statements and mail at paths, merges the statements'
// charges (see [Merge]), and adds the usage notices, those of the mail and
// those read before (more): see [AddNotices]. Problems with the paths,
// files and mails are in Errors.
//
// Files are read in parallel, by one goroutine per core (decoding and
// parsing are most of a large run's reading), each with its own memo of the
// merchant names it has read ([importer.Names]); the results keep the order
// of files.
func (r *Reader) LoadWith(paths []string, more []notice.Result) *Result {
	in, notes, errs := Collect(paths)
	res := &Result{Errors: errs, Notes: notes}
	results := make([]importer.Result, len(in.Statements))
	mails := make([][]notice.Result, len(in.Mail))
	mailErrs := make([]error, len(in.Mail))
	// Statements first, then mail: i numbers them in that order.
	eachOnCores(len(results)+len(mails), func() func(int) {
		var names importer.Names
		return func(i int) {
			if i < len(results) {
				results[i] = r.Formats.ImportFileWith(in.Statements[i], &names)
				return
			}
			i -= len(results)
			mails[i], mailErrs[i] = r.layouts().ReadMailbox(in.Mail[i].Path, r.Verifier)
		}
	})
	var stmts []*statement.Statement
	for i, path := range in.Statements {
		r := results[i]
		res.Errors = append(res.Errors, r.Errors...)
		if r.Statement == nil {
			continue
		}
		res.Files = append(res.Files, File{Path: path, Format: r.Format.Name, Encoding: string(r.Encoding), Stmt: r.Statement})
		stmts = append(stmts, r.Statement)
	}
	res.Charges = Merge(stmts)
	var all []notice.Result
	if r.Kept != nil {
		kept, err := r.Kept.Read(r.layouts())
		if err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("the notices kept from the mailbox (%s): %w", r.Kept.Dir, err))
		}
		all = append(all, kept...)
	}
	for i := range in.Mail {
		if mailErrs[i] != nil {
			res.Errors = append(res.Errors, mailErrs[i])
		}
		all = append(all, mails[i]...)
	}
	AddNotices(res, append(all, more...), r.Cards)
	fresh := map[string]bool{}
	for _, m := range more {
		fresh[m.Name] = true
	}
	for i := range res.Notices.Imitations {
		res.Notices.Imitations[i].Fresh = fresh[res.Notices.Imitations[i].Name]
	}
	return res
}

func (r *Reader) layouts() *notice.Registry {
	if r.Layouts == nil {
		return noticeall.Registry()
	}
	return r.Layouts
}

// Notices is what a scan's usage-notice mails gave.
type Notices struct {
	// Mails counts the mails read; Read the charges their authentic
	// notices gave, each use once.
	Mails, Read int
	// Matched counts the notices found on a statement: the row is checked,
	// with the notice's time of day. Added counts those not on any
	// statement yet: checked as charges of their own.
	Matched, Added int
	// NeverPosted are notices that will not be on a statement: declined,
	// cancelled, test authorisations, and authorisations the card's
	// statements should show by now and do not. They are not checked as
	// charges.
	NeverPosted []*statement.Charge
	// Imitations are mails that look like a card company's notice and were
	// not sent by it: phishing.
	Imitations []Imitation
	// Unstated are the labels of notice cards no statement shows: their
	// charges are checked with what their notices tell alone.
	Unstated []string
}

// Imitation is a mail that presents itself as a card company's usage notice
// and was not sent by that company.
type Imitation struct {
	// Name says where the mail is; MessageID and Subject are its own.
	Name, MessageID, Subject string
	// Issuer is the card company imitated, Layout the notice's layout.
	Issuer, Layout string
	// Reason says why it is not the company's: "it was sent from
	// no-reply@example.test, not from vpass.ne.jp or smbc-card.com". It is
	// Why in English; Why is the same as facts, said in the user's language.
	Reason string
	Why    message.Message
	// Fresh is true for a mail that has just come from the mailbox (the
	// notices read before, passed to [Reader.LoadWith]): it is mailed about
	// at once, and only then. A mail given as a path is reported, not mailed.
	Fresh bool
}

// AddNotices adds the usage notices of results to res: each use once
// ([notice.Consolidate]), on the statement card it was made with
// ([notice.BindCard], with the config's bindings), then each matched to its
// statement row ([notice.Match]), which keeps the row's merchant and amount
// and gains the notice's time of day. A notice no row shows is a charge of
// its own while its statement may still come; one that will never post is
// listed in res.Notices.NeverPosted instead. A notice dated before the
// first statement row of its card is a charge too: its statement was not
// given. Imitations are listed; unreadable and unverified mails are errors.
// The charges stay in date order, by time of day within a day where known.
func AddNotices(res *Result, results []notice.Result, bind []notice.Binding) {
	n := &res.Notices
	n.Mails += len(results)
	for _, r := range results {
		switch {
		case r.Err != nil:
			res.Errors = append(res.Errors, r.Err)
		case r.Imitation != "":
			n.Imitations = append(n.Imitations, Imitation{Name: r.Name, MessageID: r.MessageID, Subject: r.Subject,
				Issuer: r.Layout.Issuer, Layout: r.Layout.Name, Reason: r.Imitation, Why: r.Why})
		}
	}
	notices := notice.Consolidate(results)
	if len(notices) == 0 {
		return
	}
	n.Read += len(notices)
	// What the statements show of each card: the card, and the span of its
	// rows' dates.
	type span struct{ first, last statement.Date }
	spans := map[statement.Card]*span{}
	var cards []statement.Card
	for _, c := range res.Charges {
		if c.Notice != nil {
			continue // a notice added earlier
		}
		s := spans[c.Card]
		if s == nil {
			s = &span{c.Date, c.Date}
			spans[c.Card] = s
			cards = append(cards, c.Card)
		}
		s.first, s.last = min(s.first, c.Date), max(s.last, c.Date)
	}
	unstated := map[string]bool{}
	for i := range notices {
		c := &notices[i]
		if card, ok := notice.BindCard(c.Card, cards, bind); ok {
			c.Card = card
		} else if !unstated[c.Card.Label()] {
			unstated[c.Card.Label()] = true
			n.Unstated = append(n.Unstated, c.Card.Label())
		}
	}
	sort.Strings(n.Unstated)
	rows := res.Charges
	match := notice.Match(notices, rows)
	names := statementNames(notices, match, rows)
	for i := range notices {
		c := &notices[i]
		if j := match[i]; j >= 0 {
			said := c.Notified
			said.Unnamed = said.Unnamed || said.Placeholder
			said.Placeholder = false // the row names the shop
			rows[j].Notice = &said
			n.Matched++
			continue
		}
		if k, ok := names[payeeOn{c.Card, c.Payee}]; ok && !c.Placeholder {
			c.Payee, c.Via = k.payee, k.via
		}
		row := c.Row()
		s := spans[c.Card]
		if c.Status.NeverPosts() || s != nil && c.Date >= s.first && notice.NeverPosted(c, s.last) {
			n.NeverPosted = append(n.NeverPosted, &row)
			continue
		}
		res.Charges = append(res.Charges, &row)
		n.Added++
	}
	// Within a day, charges without a time of day (statement rows) come
	// first, in their order.
	sort.SliceStable(res.Charges, func(i, j int) bool {
		a, b := res.Charges[i], res.Charges[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.At().Before(b.At())
	})
}

// payeeOn is a payee key on a card.
type payeeOn struct {
	card  statement.Card
	payee string
}

// statementKey is a payee as a statement row names it.
type statementKey struct{ payee, via string }

// statementNames learns, from the notices found on statement rows, how the
// statements name the payees the notices name differently: SMBC's notice
// says "東西新聞" where the statement says "東西新聞 購読料". A notice's
// payee takes the statement's name only when the card's notices matched
// rows of that name and no other, and one name starts the other (a word of
// it), so that a shop never takes the name of another payee that happened
// to charge the same amount the same week.
func statementNames(notices []notice.Charge, match []int, rows []*statement.Charge) map[payeeOn]statementKey {
	seen := map[payeeOn]map[statementKey]bool{}
	for i, j := range match {
		c := &notices[i]
		if j < 0 || c.Placeholder || c.Payee == "" {
			continue
		}
		k := payeeOn{c.Card, c.Payee}
		if seen[k] == nil {
			seen[k] = map[statementKey]bool{}
		}
		seen[k][statementKey{rows[j].Payee, rows[j].Via}] = true
	}
	out := map[payeeOn]statementKey{}
	for k, names := range seen {
		if len(names) != 1 {
			continue
		}
		for name := range names {
			if name.payee != k.payee && startsWithWords(name.payee, k.payee) {
				out[k] = name
			}
		}
	}
	return out
}

// startsWithWords reports whether one of a and b is the other's first
// words: "東西新聞 購読料" and "東西新聞", not "東西新聞社".
func startsWithWords(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	rest, ok := strings.CutPrefix(a, b)
	return ok && b != "" && strings.HasPrefix(rest, " ")
}
