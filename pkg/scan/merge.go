package scan

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// identity is what makes two lines of different files the same charge: the
// card, the use date, the payee key, the amount and the kind. The merchant's
// printed form, the file and the line do not count, so the same charge in a
// preliminary and a confirmed statement, or in a file downloaded twice, is one
// charge.
type identity struct {
	card statement.Card
	line lineKey
}

// lineKey is the identity without the card, for matching an aggregator's
// charge (which names only the card company) to the issuer's own.
type lineKey struct {
	payee  string
	amount amountKey
	date   statement.Date
	kind   statement.Kind
}

// amountKey is an amount as a comparable value: whole yen as an int64 (what
// statements print), and anything finer as its decimal text. 1000 and
// 1000.0 are one amount.
type amountKey struct {
	yen  int64
	rest string
}

func amountKeyOf(d decimal.Decimal) amountKey {
	if d.Exponent() >= 0 && d.NumDigits() <= 15 || d.Exponent() < 0 && d.IsInteger() {
		return amountKey{yen: statement.WholeYen(d)}
	}
	return amountKey{rest: d.String()}
}

func lineKeyOf(c *statement.Charge) lineKey {
	return lineKey{payee: c.Payee, amount: amountKeyOf(c.Amount), date: c.Date, kind: c.Kind}
}

// Merge returns the charges of stmts with the ones seen in several files
// counted once.
//
// Identical charges within one file are distinct charges (five ¥3,000
// charges at one shop on one day are five), so a charge identity that occurs
// k times in one file and m times in another occurs max(k, m) times.
//
// Some files do not print the card number: a preliminary (未確定) statement,
// a household-account export (マネーフォワード ME, Zaim) that names only the
// card company. Their charges are matched one for one to the charges of
// files that know the card, by date, payee key, amount and kind, when both
// name the same card company; the charge that knows its card is kept, and
// only the unmatched ones are added. Files that know less are matched
// against files that know more, in this order: with a card number, then
// issuer statements without one, then household-account exports.
//
// The charges of a preliminary statement that match nothing (the new ones,
// the point of a weekly run) are given the card they belong to, so that
// they are checked against that card's history: the card their matched
// charges were found on, when that is one card, or else the one card of
// that company the other files know. When that is not one card, they keep
// the company's name as their card.
//
// Files are taken in order; the first file that holds a charge supplies its
// source. The result is in date order, stable.
//
// The work is proportional to the overlaps: a charge on a day no other file
// covers is kept without a lookup, and charges are indexed for the files
// that know less only when there are such files.
func Merge(stmts []*statement.Statement) []*statement.Charge {
	var kept []*statement.Charge
	byLine := map[lineKey][]*statement.Charge{}
	ts := tiers(stmts)
	for t, tier := range ts {
		// Within a tier, labels merge by identity; across tiers, a charge
		// that matches one already kept is the same charge. Each card label
		// of the tier matches independently, so a preliminary statement and
		// an export of the same charges both fold into the confirmed one.
		used := map[statement.Card]map[*statement.Charge]bool{}
		matchedOn := map[statement.Card]map[statement.Card]bool{}
		added := mergeSame(tier)
		if len(byLine) > 0 {
			// Only what matches no charge kept before is added: filtered in
			// place, as a charge is written no later than where it was read.
			same := added
			added = same[:0]
			for _, c := range same {
				candidates := byLine[lineKeyOf(c)]
				if len(candidates) == 0 {
					added = append(added, c)
					continue
				}
				if used[c.Card] == nil {
					used[c.Card] = map[*statement.Charge]bool{}
				}
				if k := matchKnown(c, candidates, used[c.Card]); k != nil {
					if matchedOn[c.Card] == nil {
						matchedOn[c.Card] = map[statement.Card]bool{}
					}
					matchedOn[c.Card][k.Card] = true
					continue
				}
				added = append(added, c)
			}
		}
		if t == preliminaryTier {
			adopt(added, matchedOn, kept)
		}
		if laterTiers(ts[t+1:]) {
			for _, c := range added {
				k := lineKeyOf(c)
				byLine[k] = append(byLine[k], c)
			}
		}
		if kept == nil {
			kept = added // the first tier's charges, not copied
		} else {
			kept = append(kept, added...)
		}
	}
	sortByDate(kept)
	return kept
}

// sortByDate sorts cs by date, keeping the order of the charges of one day.
// They come in runs already in date order (a card's statements, one after
// another), so neighbouring runs are merged until one is left: the work is
// n times the logarithm of the number of runs, and none when cs is sorted.
func sortByDate(cs []*statement.Charge) {
	var runs []int // where each run starts
	for i := range cs {
		if i == 0 || cs[i].Date < cs[i-1].Date {
			runs = append(runs, i)
		}
	}
	if len(runs) < 2 {
		return
	}
	src, dst := cs, make([]*statement.Charge, len(cs))
	for len(runs) > 1 {
		merged := runs[:0]
		for k := 0; k < len(runs); k += 2 {
			lo, mid, hi := runs[k], len(cs), len(cs)
			if k+1 < len(runs) {
				mid = runs[k+1]
			}
			if k+2 < len(runs) {
				hi = runs[k+2]
			}
			mergeByDate(dst[lo:hi], src[lo:mid], src[mid:hi])
			merged = append(merged, lo)
		}
		runs = merged
		src, dst = dst, src
	}
	copy(cs, src) // src is cs itself or the other buffer
}

// mergeByDate merges a and b, each in date order, into out, a's charges
// first within a day.
func mergeByDate(out, a, b []*statement.Charge) {
	i, j := 0, 0
	for k := range out {
		if j == len(b) || i < len(a) && a[i].Date <= b[j].Date {
			out[k], i = a[i], i+1
		} else {
			out[k], j = b[j], j+1
		}
	}
}

// laterTiers reports whether any statement of ts has charges.
func laterTiers(ts [][]*statement.Statement) bool {
	for _, tier := range ts {
		for _, st := range tier {
			if len(st.Charges) > 0 {
				return true
			}
		}
	}
	return false
}

// preliminaryTier is the tier of issuer statements that print no card
// number; see [tiers].
const preliminaryTier = 1

// adopt gives each charge of added whose card has no number the one card it
// belongs to, if there is one: the card its file's matched charges were
// found on, or else the one card of its company among known.
func adopt(added []*statement.Charge, matchedOn map[statement.Card]map[statement.Card]bool, known []*statement.Charge) {
	// The numbered cards are listed only when a charge needs them, once per
	// run of charges of one card.
	var numbered map[statement.Card]bool
	numberedCards := func() map[statement.Card]bool {
		if numbered == nil {
			numbered = map[statement.Card]bool{}
			for i, c := range known {
				if c.Card.Number != "" && (i == 0 || c.Card != known[i-1].Card) {
					numbered[c.Card] = true
				}
			}
		}
		return numbered
	}
	target := map[statement.Card]*statement.Card{}
	for _, c := range added {
		if c.Card.Number != "" {
			continue
		}
		t, done := target[c.Card]
		if !done {
			t = oneCard(matchedOn[c.Card])
			if t == nil {
				same := map[statement.Card]bool{}
				for k := range numberedCards() {
					if related(payee.Fold(c.Card.Issuer), payee.Fold(k.Issuer)) {
						same[k] = true
					}
				}
				t = oneCard(same)
			}
			target[c.Card] = t
		}
		if t != nil {
			c.Card = *t
		}
	}
}

// oneCard returns the card when set holds exactly one.
func oneCard(set map[statement.Card]bool) *statement.Card {
	if len(set) != 1 {
		return nil
	}
	for c := range set {
		return &c
	}
	return nil
}

// tiers splits statements by how well they know their cards, best first.
func tiers(stmts []*statement.Statement) [][]*statement.Statement {
	t := make([][]*statement.Statement, 3)
	for _, st := range stmts {
		switch {
		case st.Aggregated:
			t[2] = append(t[2], st)
		case knowsNumbers(st):
			t[0] = append(t[0], st)
		default:
			t[1] = append(t[1], st)
		}
	}
	return t
}

func knowsNumbers(st *statement.Statement) bool {
	for i := range st.Charges {
		if st.Charges[i].Card.Number == "" {
			return false
		}
	}
	return true
}

// mergeSame merges statements of one kind by identity with max
// multiplicity. Only a charge on a day that another statement of its card
// also covers can repeat one; the others are kept as they are, without a
// key. Which days those are comes from one index of the statements' spans
// per card, so the work grows as n log n with the files, not as n² (100k
// one-line files of one card were hours).
func mergeSame(stmts []*statement.Statement) []*statement.Charge {
	n := 0
	for _, st := range stmts {
		n += len(st.Charges)
	}
	out := make([]*statement.Charge, 0, n)
	cover := coverOf(stmts)
	count := map[identity]int{}
	for _, st := range stmts {
		var inFile map[identity]int
		var card *spans // of the charge before, whose card is most often this one's
		for k := range st.Charges {
			c := &st.Charges[k]
			if k == 0 || c.Card != st.Charges[k-1].Card {
				card = cover[c.Card]
			}
			if card.files(c.Date) < 2 {
				// No other statement has this card on this day.
				out = append(out, c)
				continue
			}
			if inFile == nil {
				inFile = map[identity]int{}
			}
			id := identity{card: c.Card, line: lineKeyOf(c)}
			inFile[id]++
			if inFile[id] > count[id] {
				count[id] = inFile[id]
				out = append(out, c)
			}
		}
	}
	return out
}

// cover tells how many statements cover a day with a card: those whose
// charges on that card span the day. Per card, the sorted first and last
// days of those spans.
type cover map[statement.Card]*spans

type spans struct{ from, to []statement.Date }

func coverOf(stmts []*statement.Statement) cover {
	cv := cover{}
	for _, st := range stmts {
		// The span of each card's charges in this statement.
		type span struct{ from, to statement.Date }
		var cards []statement.Card
		var sp []span
		for i := range st.Charges {
			c := &st.Charges[i]
			k := slices.Index(cards, c.Card)
			if k < 0 {
				cards, sp = append(cards, c.Card), append(sp, span{c.Date, c.Date})
				continue
			}
			sp[k].from, sp[k].to = min(sp[k].from, c.Date), max(sp[k].to, c.Date)
		}
		for k, card := range cards {
			s := cv[card]
			if s == nil {
				s = &spans{}
				cv[card] = s
			}
			s.from, s.to = append(s.from, sp[k].from), append(s.to, sp[k].to)
		}
	}
	for _, s := range cv {
		slices.Sort(s.from)
		slices.Sort(s.to)
	}
	return cv
}

// files returns how many statements cover day d with the card of s: those
// that start on or before d, less those that ended before it.
func (s *spans) files(d statement.Date) int {
	if s == nil {
		return 0
	}
	started, _ := slices.BinarySearch(s.from, d+1)
	ended, _ := slices.BinarySearch(s.to, d)
	return started - ended
}

// matchKnown marks and returns the first unused charge among candidates
// (already kept from files that know more) on a card of the company that c's
// card names, or nil.
func matchKnown(c *statement.Charge, candidates []*statement.Charge, used map[*statement.Charge]bool) *statement.Charge {
	names := []string{payee.Fold(c.Card.Issuer), payee.Fold(c.Card.Name)}
	for _, k := range candidates {
		if used[k] || k.Card == c.Card {
			continue
		}
		c := k
		for _, n := range names {
			if n != "" && (related(n, payee.Fold(c.Card.Issuer)) || related(n, payee.Fold(c.Card.Name))) {
				used[k] = true
				return k
			}
		}
	}
	return nil
}

// related reports whether two card-company names name the same company:
// one contains the other ("三井住友カード" and "三井住友カード(VPASS)"), or both
// are names of one company in [companies].
func related(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	ca, cb := company(a), company(b)
	return ca != "" && ca == cb
}

// companies lists the names household-account services and the issuers
// themselves use for each card company (folded as by payee.Fold).
var companies = []struct {
	canon   string
	aliases []string
}{
	{"三井住友カード", []string{"三井住友", "SMBC", "VPASS", "OLIVE"}},
	{"三菱UFJニコス", []string{"三菱UFJニコス", "MUFG", "DCカード", "NICOS", "ニコス"}},
	{"楽天カード", []string{"楽天", "RAKUTEN"}},
	{"JCB", []string{"JCB"}},
	{"クレディセゾン", []string{"セゾン", "SAISON"}},
	{"ビューカード", []string{"ビューカード", "VIEW", "JR東日本"}},
	{"エポスカード", []string{"エポス", "EPOS"}},
	{"イオンカード", []string{"イオン", "AEON"}},
	{"PayPayカード", []string{"PAYPAYカード", "PAYPAY CARD", "YAHOO"}},
	{"アメリカン・エキスプレス", []string{"アメリカン・エキスプレス", "アメリカン エキスプレス", "AMERICAN EXPRESS", "AMEX", "アメックス"}},
	{"au PAY カード", []string{"AU PAY カード", "AU PAYカード", "AUPAY"}},
	{"NTTドコモ", []string{"Dカード", "ドコモ", "DOCOMO"}},
}

// company returns the canonical company a folded name belongs to, or "".
func company(name string) string {
	for _, c := range companies {
		for _, a := range c.aliases {
			if strings.Contains(name, a) {
				return c.canon
			}
		}
	}
	return ""
}
