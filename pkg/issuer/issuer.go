// Package issuer knows the card companies cardcheck reads statements of:
// each one's 24-hour line for lost and stolen cards (紛失・盗難受付), which is
// also where a charge the cardholder did not make is reported, and what to
// tell them.
//
// Every number carries the page it was read on and the date it was checked.
// A company whose number could not be found on a page is listed with no
// desk, and the advice is to call the number on the back of the card: a
// number without a source is never shown, since a wrong number in an alert
// is worse than none. The number printed on the card is always the one to
// trust.
package issuer

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Issuer is one card company, named the way statements and the importers
// name it ([statement.Card.Issuer], the formats' Issuer).
type Issuer struct {
	// Name is the company as the importers write it: "三井住友カード".
	Name string
	// Aliases are other names a statement or a household-account export may
	// use for it ("SMBC", "アメックス"); matched like Name.
	Aliases []string
	// Desks are its lines for lost and stolen cards, the main one first;
	// none when no number was found with a source.
	Desks []Desk
	// Online is how to stop the card without calling, when the company's
	// own page says so, in Japanese and English; empty otherwise.
	Online, OnlineEN string
	// Aggregator marks a household-account service (マネーフォワード ME,
	// Zaim) rather than a card company: its exports name the real card
	// company per charge, and that one is to be called.
	Aggregator bool
}

// Desk is one 24-hour telephone line for lost and stolen cards; a line
// open only in office hours is not listed.
type Desk struct {
	// Brand says which of the company's cards the line is for ("DCカード"),
	// when it has separate lines; "" for all of them.
	Brand string
	// Phone is the number to call in Japan; Alt the number for phones that
	// cannot call free-dial numbers (IP phones, some mobiles), or "".
	Phone, Alt string
	// Source is the page the number was read on; Published the date that
	// page gives for itself ("" when it gives none); Checked the date the
	// number was read there (YYYY-MM-DD).
	Source, Published, Checked string
}

// Known reports whether the company's desk is known (has a sourced number).
func (i *Issuer) Known() bool { return len(i.Desks) > 0 }

// Lookup returns the company a statement names. The name is compared after
// NFKC folding, case folding and dropping spaces, first whole against each
// company's name and aliases, then as containing one of them ("三井住友カード
// ＶＩＳＡ（ＮＬ）" is 三井住友カード), the longest match winning. ok is false for
// a company cardcheck does not know.
func Lookup(name string) (Issuer, bool) {
	k := fold(name)
	if k == "" {
		return Issuer{}, false
	}
	best, bestLen := -1, 0
	for i := range issuers {
		for _, n := range names(&issuers[i]) {
			f := fold(n)
			if f == k {
				return issuers[i], true
			}
			// Short aliases ("DC") are taken only whole: inside a longer
			// name they match by accident.
			if l := utf8.RuneCountInString(f); l >= 3 && l > bestLen && strings.Contains(k, f) {
				best, bestLen = i, l
			}
		}
	}
	if best < 0 {
		return Issuer{}, false
	}
	return issuers[best], true
}

// All returns every company in the table.
func All() []Issuer { return append([]Issuer(nil), issuers...) }

func names(i *Issuer) []string { return append([]string{i.Name}, i.Aliases...) }

func fold(s string) string {
	s = strings.ToUpper(norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), "")
}
