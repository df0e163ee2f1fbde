package rules

import (
	"slices"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func init() {
	register(100, func() Rule {
		return monthlyTotalRule{Severity: severity.Info, Times: 2000, Excess: 30000, MinMonths: 3}
	})
}

// MonthlyTotal flags a calendar month whose purchases add up to far more
// than the card's usual month — what a cardholder otherwise notices only
// when the bank debit is unexpectedly large. Far means at least Times the
// median month of the year before (at least MinMonths months of history)
// and at least Excess yen above it; totals are net of refunds. It names the
// largest charges of the month that are not known payments, as many as it
// takes to bring the rest under the limit (at most five): the ones to look
// at.
//
// Its default severity is info: everyday cards have months with a new
// television and a trip, and the charges behind a fraudulent month are
// flagged by the rules that know their shape. Set it to warning to be told
// of every large month.
//
// It is an adjuster: when other rules already flagged every one of those
// charges, it adds its reason to their findings (the month is why the
// bank debit will be large); otherwise it adds a card-level finding listing
// them, since a large month is a fact about the card, not proof against any
// one charge.
type monthlyTotalRule struct {
	Severity  severity.Severity `yaml:"severity" doc:"severity of a month far above the usual"`
	Times     ratio             `yaml:"times" doc:"times the median month that is far above"`
	Excess    yenAmount         `yaml:"excess" doc:"…and at least this much above it"`
	MinMonths int               `yaml:"min-months" doc:"judge only cards with this many earlier months"`
}

// ID implements [Rule].
func (monthlyTotalRule) ID() string { return "monthly-total" }

// Doc says what the rule flags.
func (monthlyTotalRule) Doc() string {
	return "a month whose purchases add up to far more than the card's usual month"
}

// maxListed is the most charges a monthly-total finding lists.
const maxListed = 5

// Check implements [Rule]; MonthlyTotal only adjusts.
func (monthlyTotalRule) Check(*Card) []Finding { return nil }

// quietInHistory: below warning, what it adds raises no finding to one.
func (m monthlyTotalRule) quietInHistory() bool { return m.Severity < severity.Warning }

// Adjust implements [adjuster].
func (m monthlyTotalRule) Adjust(card *Card, fs []Finding) []Finding {
	for _, f := range m.months(card) {
		fs = attach(card, fs, f)
	}
	return fs
}

// attach adds f's reason to the findings holding its charges when they hold
// them all, else adds f as a card-level finding.
func attach(card *Card, fs []Finding, f Finding) []Finding {
	holder := map[*statement.Charge]int{}
	for i := range fs {
		if !fs[i].CardLevel {
			for _, c := range fs[i].Charges {
				holder[c] = i
			}
		}
	}
	touched := map[int]bool{}
	for _, c := range f.Charges {
		i, ok := holder[c]
		if !ok {
			f.CardLevel = true
			f.ID = card.findingID(f.Charges, f.Rule+"/"+f.topic)
			f.Card = card
			f.Reasons = []Reason{{Rule: f.Rule, Severity: f.Severity, Message: f.Message}}
			return append(fs, f)
		}
		touched[i] = true
	}
	for i := range fs {
		if touched[i] {
			fs[i].Reasons = append(fs[i].Reasons, Reason{Rule: f.Rule, Severity: f.Severity, Message: f.Message})
			fs[i].Severity = max(fs[i].Severity, f.Severity)
		}
	}
	return fs
}

// months returns a finding for each month of the window far above the usual.
func (m monthlyTotalRule) months(card *Card) []Finding {
	if card.start >= len(card.Charges) {
		return nil
	}
	var out []Finding
	for month := card.From.MonthStart(); month <= card.To; month = month.AddMonths(1) {
		months := card.monthTotalsBefore(month)
		if len(months) < max(m.MinMonths, 1) {
			continue
		}
		usual := median(months)
		limit := max(m.Times.Of(usual), usual+int64(m.Excess))
		total := card.monthTotal(month)
		if total <= limit {
			continue
		}
		f, ok := m.finding(card, month, total, usual, limit, len(months))
		if ok {
			out = append(out, f)
		}
	}
	return out
}

func (m monthlyTotalRule) finding(card *Card, month statement.Date, total, usual, limit int64, n int) (Finding, bool) {
	next := month.AddMonths(1)
	var idx []int
	for i := card.search(month); i < len(card.Charges) && card.Charges[i].Date < next; i++ {
		if ch := card.Charges[i]; isPurchase(ch) {
			if !card.isKnown(ch) {
				idx = append(idx, i)
			}
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case card.yen[a] > card.yen[b]:
			return -1
		case card.yen[a] < card.yen[b]:
			return 1
		}
		return 0
	})
	rest := total
	var charges []*statement.Charge
	inWindow := false
	for _, i := range idx {
		if rest <= limit || len(charges) == maxListed {
			break
		}
		rest -= card.yen[i]
		charges = append(charges, card.Charges[i])
		inWindow = inWindow || card.Charges[i].Date >= card.From
	}
	if !inWindow {
		return Finding{}, false
	}
	slices.SortStableFunc(charges, func(a, b *statement.Charge) int { return int(a.Date - b.Date) })
	ym := month.Month()
	var unknown int64
	for _, i := range idx {
		unknown += card.yen[i]
	}
	// Refunds make the month's total smaller than its unknown purchases.
	unknown = min(unknown, total)
	msg := message.New("monthly-total", message.Args{
		"month": message.Month(month), "total": message.Yen(total), "times": timesOf(total, usual).short(),
		"usual": message.Yen(usual), "months": message.Count(n), "limit": message.Yen(limit),
		"unknown-charges": message.Count(len(idx)), "unknown": message.Yen(unknown)})
	return Finding{Rule: m.ID(), Severity: m.Severity, Message: msg, Charges: charges, topic: ym}, true
}
