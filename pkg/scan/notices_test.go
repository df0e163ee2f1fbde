package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice"
	noticeall "github.com/cardcheck/cardcheck/pkg/notice/all"
	"github.com/cardcheck/cardcheck/pkg/notice/noticetest"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/shopspring/decimal"
)

const (
	demo        = "../../testdata/demo"
	demoNotices = "../../testdata/demo-notices"
)

// demoReader reads as `cardcheck scan --config testdata/demo/config.yaml`
// does: the demo key pinned, no DNS asked for it.
func demoReader(t *testing.T) *Reader {
	t.Helper()
	cfg, err := config.Load(filepath.Join(demo, "config.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	return &Reader{Formats: all.Registry(nil), Verifier: cfg.Notices.Verifier()}
}

func copyFiles(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func apple(cs []*statement.Charge) []*statement.Charge {
	var out []*statement.Charge
	for _, c := range cs {
		if c.Payee == "APPLE COM BILL" {
			out = append(out, c)
		}
	}
	return out
}

// TestDemoWithNotices: each of the demo's 19 notices is found on its
// statement row, which counts once and gains the time of day.
func TestDemoWithNotices(t *testing.T) {
	res := demoReader(t).Load([]string{demo, demoNotices})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	n := res.Notices
	if n.Mails != 19 || n.Read != 19 || n.Matched != 19 || n.Added != 0 || len(n.NeverPosted) != 0 || len(n.Unstated) != 0 || len(res.Notes) != 0 {
		t.Fatalf("notices %+v, notes %v", n, res.Notes)
	}
	if len(res.Charges) != 19 {
		t.Errorf("%d charges, want the statements' 19", len(res.Charges))
	}
	a := apple(res.Charges)
	if len(a) != 5 {
		t.Fatalf("%d Apple charges", len(a))
	}
	for i, want := range []string{"02:13", "02:16", "02:21", "02:24", "02:31"} {
		c := a[i]
		if c.Notice == nil || c.At().Format("15:04") != want || c.Source.File != filepath.Join(demo, "202202.csv") ||
			c.Notice.Mailed.Sub(c.Notice.Time) != 40*time.Second || c.Merchant != "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ" {
			t.Errorf("Apple charge %d: %s %+v from %s", i, c.At(), c.Notice, c.Source)
		}
	}
}

// TestNoticesBeforeTheStatement: the statement of January is not there yet
// (the story's night): the notices of January are checked as charges of
// the statement's card, and the earlier ones are found on their rows.
func TestNoticesBeforeTheStatement(t *testing.T) {
	dir := t.TempDir()
	copyFiles(t, dir, filepath.Join(demo, "202111.csv"), filepath.Join(demo, "202112.csv"), filepath.Join(demo, "202201.csv"))
	res := demoReader(t).Load([]string{dir, demoNotices})
	n := res.Notices
	if len(res.Errors) > 0 || n.Matched != 10 || n.Added != 9 || len(n.Unstated) != 0 {
		t.Fatalf("errors %v, notices %+v", res.Errors, n)
	}
	a := apple(res.Charges)
	if len(a) != 5 || a[0].Card.Number != "4980-00**-****-****" || a[0].Merchant != "APPLE COM BILL" ||
		!strings.HasSuffix(a[0].Source.File, "2022-01-24T0213-15.eml") || a[0].At().Format("15:04") != "02:13" {
		t.Fatalf("Apple notices as charges: %+v", a)
	}
	// The January notices before the Apple charges take the statements'
	// names of their payees, learned from the notices found on rows.
	for _, c := range res.Charges {
		if c.Notice != nil && c.Date == statement.NewDate(2022, 1, 4) && (c.Merchant != "東西新聞" || c.Payee != "東西新聞 購読料") {
			t.Errorf("the newspaper's notice: merchant %q, payee %q", c.Merchant, c.Payee)
		}
	}
	// The charges are in order of time within the day.
	for i := 1; i < len(res.Charges); i++ {
		p, c := res.Charges[i-1], res.Charges[i]
		if c.Date < p.Date || c.Date == p.Date && c.At().Before(p.At()) {
			t.Errorf("charge %d (%s %s) before %d (%s %s)", i, c.Date, c.At(), i-1, p.Date, p.At())
		}
	}
}

// TestTheFirstAppleCharge: the story as it would have happened with a
// watch of the mailbox: the statements up to January, the notices up to the
// first Apple charge, and that charge alone is an alert, known 40 seconds
// after it was made.
func TestTheFirstAppleCharge(t *testing.T) {
	dir, mail := t.TempDir(), t.TempDir()
	copyFiles(t, dir, filepath.Join(demo, "202111.csv"), filepath.Join(demo, "202112.csv"), filepath.Join(demo, "202201.csv"))
	files, _ := filepath.Glob(filepath.Join(demoNotices, "*.eml"))
	copyFiles(t, mail, files[:15]...)
	cfg, err := config.Load(filepath.Join(demo, "config.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	res := demoReader(t).Load([]string{dir, mail})
	Check(res, Options{Config: cfg})
	// The Apple charge, and the card's breach notice (a finding of its own).
	if len(res.Errors) > 0 || len(res.Findings) != 2 || !res.Findings[1].CardLevel {
		t.Fatalf("errors %v, %d findings: %v", res.Errors, len(res.Findings), res.Findings)
	}
	f := res.Findings[0]
	if f.Severity != severity.Alert || len(f.Charges) != 1 || f.Charges[0].Payee != "APPLE COM BILL" || f.Charges[0].At().Format("15:04") != "02:13" {
		t.Errorf("finding %s %v", f.Severity, f.Charges)
	}
}

// TestStatementNamesNeedAPrefix: a notice whose statement row has another
// payee's name is not renamed after it, however often it matched.
func TestStatementNamesNeedAPrefix(t *testing.T) {
	card := statement.Card{Issuer: "三井住友カード", Name: "カード"}
	row := &statement.Charge{Payee: "東西新聞 購読料", Card: card}
	var a, b notice.Charge
	a.Payee, a.Card = "APPLE COM BILL", card
	b.Payee, b.Card = "東西新聞", card
	names := statementNames([]notice.Charge{a, b}, []int{0, 0}, []*statement.Charge{row})
	if _, ok := names[payeeOn{card, "APPLE COM BILL"}]; ok || names[payeeOn{card, "東西新聞"}].payee != "東西新聞 購読料" {
		t.Errorf("names %v", names)
	}
	if startsWithWords("東西新聞社", "東西新聞") || !startsWithWords("東西新聞", "東西新聞 購読料") {
		t.Error("startsWithWords")
	}
}

// TestNoticesWithoutStatement: notices alone are a card of their own, said
// to have no statement.
func TestNoticesWithoutStatement(t *testing.T) {
	res := demoReader(t).Load([]string{demoNotices})
	n := res.Notices
	if n.Added != 19 || len(n.Unstated) != 1 || n.Unstated[0] != "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ" || len(res.Charges) != 19 {
		t.Fatalf("notices %+v, %d charges", n, len(res.Charges))
	}
	Check(res, Options{})
	if len(res.Cards) != 1 || len(res.Findings) == 0 || len(apple(res.Findings[0].Charges)) == 0 {
		t.Errorf("cards %d, findings %v", len(res.Cards), res.Findings)
	}
}

// TestNoticesNeverPosted: a declined notice and an authorisation the
// statements should show by now and do not are listed, not checked; an
// authorisation after the statements is a charge; an imitation is listed
// with its reason.
func TestNoticesNeverPosted(t *testing.T) {
	card := statement.Card{Issuer: "三井住友カード", Name: "三井住友カードＶＩＳＡ（ＮＬ）", Number: "4980-11**-****-****"}
	row := func(d statement.Date) *statement.Charge {
		return &statement.Charge{Date: d, Merchant: "NHK", Payee: "NHK", Amount: yen(1100), Kind: statement.Purchase, Card: card}
	}
	res := &Result{Charges: []*statement.Charge{row(statement.NewDate(2025, 1, 5)), row(statement.NewDate(2025, 2, 5)), row(statement.NewDate(2025, 3, 5))}}
	nc := func(d statement.Date, amount int64, status statement.NoticeStatus) notice.Charge {
		var c notice.Charge
		c.Date, c.Merchant, c.Payee, c.Amount, c.Kind = d, "SHOP", "SHOP", yen(amount), statement.Purchase
		c.Card = statement.Card{Issuer: card.Issuer, Name: "三井住友カードＶＩＳＡ（ＮＬ）"}
		c.Status = status
		return c
	}
	smbc := &notice.Layout{Name: "smbc", Issuer: "三井住友カード"}
	results := []notice.Result{
		{Name: "declined.eml", Layout: smbc, Charges: []notice.Charge{nc(statement.NewDate(2025, 2, 10), 30000, statement.Declined)}},
		{Name: "lost.eml", Layout: smbc, Charges: []notice.Charge{nc(statement.NewDate(2025, 2, 11), 4000, statement.Authorised)}},
		{Name: "late.eml", Layout: smbc, Charges: []notice.Charge{nc(statement.NewDate(2025, 3, 1), 5000, statement.Authorised)}},
		{Name: "new.eml", Layout: smbc, Charges: []notice.Charge{nc(statement.NewDate(2025, 3, 20), 6000, statement.Authorised)}},
		{Name: "old.eml", Layout: smbc, Charges: []notice.Charge{nc(statement.NewDate(2024, 12, 20), 7000, statement.Authorised)}},
		{Name: "phish.eml", Layout: smbc, Subject: "ご利用のお知らせ", Imitation: "it was sent from a@example.test, not from vpass.ne.jp"},
	}
	AddNotices(res, results, nil)
	n := res.Notices
	if len(n.NeverPosted) != 2 || n.NeverPosted[0].Notice.Status != statement.Declined || n.NeverPosted[1].Amount.IntPart() != 4000 {
		t.Errorf("never posted: %v", n.NeverPosted)
	}
	var added []int64
	for _, c := range res.Charges {
		if c.Notice != nil {
			added = append(added, c.Amount.IntPart())
		}
	}
	// 5,000 on 3/1: within two weeks of the last row, it may still post;
	// 7,000 on 12/20: before the statements given.
	if len(added) != 3 || added[0] != 7000 || added[1] != 5000 || added[2] != 6000 || n.Added != 3 {
		t.Errorf("added %v (%d)", added, n.Added)
	}
	if len(n.Imitations) != 1 || n.Imitations[0].Issuer != "三井住友カード" || !strings.Contains(n.Imitations[0].Reason, "example.test") {
		t.Errorf("imitations %+v", n.Imitations)
	}
}

// TestImitationsAndErrors: real fixtures, signed where they should be: the
// look-alikes are imitations, and so is a card company's notice that
// carries no signature; neither is a charge.
func TestImitationsAndErrors(t *testing.T) {
	keys := &noticetest.Keys{}
	dir := t.TempDir()
	for _, f := range noticetest.Fixtures(t, "imitations") {
		copyFiles(t, dir, f)
	}
	good := keys.ReadSigned(t, noticetest.Fixtures(t, "smbc")[0])
	os.WriteFile(filepath.Join(dir, "good.eml"), good, 0o600)
	unsigned, _ := os.ReadFile(noticetest.Fixtures(t, "jcb")[1])
	os.WriteFile(filepath.Join(dir, "unsigned.eml"), unsigned, 0o600)
	res := (&Reader{Formats: all.Registry(nil), Verifier: keys.Verifier()}).Load([]string{dir})
	n := res.Notices
	if n.Mails != 5 || n.Read != 1 || len(n.Imitations) != 4 || len(res.Errors) != 0 {
		t.Fatalf("notices %+v, errors %v", n, res.Errors)
	}
	for _, im := range n.Imitations {
		if im.Reason == "" || im.Issuer == "" || !strings.HasPrefix(im.Name, dir) || im.Fresh {
			t.Errorf("imitation %+v (a mail given as a path is not fresh from the mailbox)", im)
		}
		// Why is the reason as facts, for reports in the user's language.
		if en, ja := message.Render(lang.EN, im.Why), message.Render(lang.JA, im.Why); en != im.Reason || ja == en {
			t.Errorf("imitation's Why says %q and %q, its Reason %q", en, ja, im.Reason)
		}
	}
	// An imitation just come from the mailbox is fresh: mailed about now.
	phish, _ := os.ReadFile(noticetest.Fixtures(t, "imitations")[0])
	r := (&Reader{Formats: all.Registry(nil), Verifier: keys.Verifier()}).LoadWith([]string{dir},
		[]notice.Result{noticeall.Registry().Read("imap://u@h/INBOX;UID=9", phish, keys.Verifier())})
	fresh := 0
	for _, im := range r.Notices.Imitations {
		if im.Fresh {
			fresh++
			if im.Name != "imap://u@h/INBOX;UID=9" {
				t.Errorf("fresh: %+v", im)
			}
		}
	}
	if fresh != 1 || len(r.Notices.Imitations) != 5 {
		t.Errorf("%d fresh of %d imitations", fresh, len(r.Notices.Imitations))
	}
}

// TestCollectMail: mail is told from statements by content, in folders,
// maildirs and mbox files; a folder of mail is no empty folder.
func TestCollectMail(t *testing.T) {
	dir := t.TempDir()
	copyFiles(t, dir, filepath.Join(demo, "202201.csv"), filepath.Join(demoNotices, "2022-01-24T0213-15.eml"))
	md := filepath.Join(dir, "Maildir")
	for _, sub := range []string{"cur", "new", "tmp"} {
		os.MkdirAll(filepath.Join(md, sub), 0o700)
	}
	copyFiles(t, filepath.Join(md, "new"), filepath.Join(demoNotices, "2022-01-24T0216-16.eml"))
	mbox := filepath.Join(t.TempDir(), "INBOX")
	raw, _ := os.ReadFile(filepath.Join(demoNotices, "2022-01-24T0221-17.eml"))
	os.WriteFile(mbox, append([]byte("From statement@vpass.ne.jp Mon Jan 24 02:21:40 2022\n"), raw...), 0o600)
	onlyMail := t.TempDir()
	copyFiles(t, onlyMail, filepath.Join(demoNotices, "2022-01-24T0224-18.eml"))
	empty := t.TempDir()

	in, notes, errs := Collect([]string{dir, md, mbox, onlyMail, empty})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(in.Statements) != 1 || len(in.Mail) != 4 {
		t.Fatalf("inputs %+v", in)
	}
	if len(notes) != 1 || notes[0].File != empty {
		t.Errorf("notes %v, want the empty folder's only", notes)
	}
	res := demoReader(t).Load([]string{dir, md, mbox, onlyMail})
	if len(res.Errors) > 0 || res.Notices.Read != 4 || res.Notices.Added != 4 {
		t.Errorf("errors %v, notices %+v", res.Errors, res.Notices)
	}
}

func yen(n int64) decimal.Decimal { return decimal.NewFromInt(n) }
