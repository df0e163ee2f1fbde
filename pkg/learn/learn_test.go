package learn

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

var (
	oldCard = statement.Card{Issuer: "三井住友カード", Name: "三井住友カード（ＮＬ）", Number: "4980-00**-****-****"}
	newCard = statement.Card{Issuer: "三井住友カード", Name: "三井住友カード（ＮＬ）", Number: "4980-11**-****-****"}
	today   = statement.NewDate(2025, 7, 1)
)

// monthly returns n monthly charges of payee on card from y-m-day.
func monthly(card statement.Card, payee string, amount int64, y, m, day, n int) []*statement.Charge {
	var out []*statement.Charge
	for i := range n {
		d := statement.NewDate(y, 1, day).AddMonths(m - 1 + i)
		out = append(out, &statement.Charge{Date: d, Merchant: payee, Payee: payee, Amount: decimal.NewFromInt(amount), Kind: statement.Purchase, Card: card})
	}
	return out
}

func concat(parts ...[]*statement.Charge) []*statement.Charge {
	var out []*statement.Charge
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestStreams(t *testing.T) {
	charges := concat(
		monthly(oldCard, "NETFLIX.COM", 1490, 2025, 1, 8, 6),
		monthly(oldCard, "東西新聞 購読料", 4900, 2025, 4, 1, 2),
		monthly(newCard, "SPOTIFY", 980, 2025, 1, 3, 3),
	)
	cfg, err := config.Parse("c.yaml", []byte("payees:\n  - name: Newspaper\n    patterns: [東西新聞 購読料]\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := Streams(charges, cfg, nil, nil)
	if len(got) != 3 {
		t.Fatalf("got %d streams", len(got))
	}
	want := []struct {
		payee, status, next string
	}{
		{"NETFLIX.COM", "established", "2025-07-08"},
		{"東西新聞 購読料", "early, in config", "2025-06-01"},
		{"SPOTIFY", "established", "2025-04-03"},
	}
	for i, w := range want {
		if got[i].Payee != w.payee || got[i].Status(lang.EN) != w.status || got[i].Next.String() != w.next {
			t.Errorf("stream %d: %s %q next %s, want %s %q %s", i, got[i].Payee, got[i].Status(lang.EN), got[i].Next, w.payee, w.status, w.next)
		}
	}
	saysIn(t, func(b *bytes.Buffer, l lang.Lang) error { return WriteTable(b, l, got) }, map[lang.Lang]string{
		lang.EN: "3 recurring payee(s): 2 established, 1 early, 1 already in the config.",
		lang.JA: "定期的な支払先 3 件: 定着 2 件、回数不足 1 件、設定に登録済み 1 件。",
	})
	if w := ToWrite(got); len(w) != 2 {
		t.Errorf("ToWrite: %d streams, want the 2 established ones not in the config", len(w))
	}
}

func TestAmountText(t *testing.T) {
	d := decimal.NewFromInt
	for _, tc := range []struct {
		s          Stream
		text, conf string
	}{
		{Stream{Typical: d(4900), Min: d(4900), Max: d(4900)}, "¥4,900", "4900"},
		{Stream{Typical: d(1650), Min: d(1580), Max: d(1720)}, "¥1,650 (¥1,580–¥1,720)", "1580-1720"},
		{Stream{Typical: d(8870), Min: d(5120), Max: d(14820), Variable: true}, "¥5,120–¥14,820", "5120-14820"},
	} {
		if got := tc.s.AmountText(); got != tc.text {
			t.Errorf("AmountText = %q, want %q", got, tc.text)
		}
		if got := tc.s.AmountConfig(); got != tc.conf {
			t.Errorf("AmountConfig = %q, want %q", got, tc.conf)
		}
	}
}

// learned returns established streams to write.
func learned() []Stream {
	d := decimal.NewFromInt
	return []Stream{
		{Card: oldCard.Label(), Payee: "NETFLIX.COM", Cadence: "monthly", Typical: d(1490), Min: d(1490), Max: d(1490), Occurrences: 6, First: statement.NewDate(2025, 1, 8), Last: statement.NewDate(2025, 6, 8), Established: true},
		// Text from a hostile statement: a payee key (white space already
		// folded) and a card label with YAML syntax and a line break.
		{Card: "EVIL\ncards: [x] # 4980-99", Payee: payee.Key(`evil "shop" # injected: true`), Cadence: "yearly", Typical: d(5500), Min: d(5000), Max: d(5500), Occurrences: 2, First: statement.NewDate(2024, 6, 8), Last: statement.NewDate(2025, 6, 8), Established: true},
	}
}

func TestMerge(t *testing.T) {
	demo, err := os.ReadFile("../../testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		// want is the text the merge must insert its entries before (""
		// for the end); every line of in must stay, in order.
		before string
	}{
		{name: "demo config", in: string(demo)},
		{name: "no config", in: ""},
		{name: "no payees key", in: "# my cards\ncards:\n  - match: \"4980\"\n    mode: everyday\n"},
		{name: "empty flow list", in: "payees: []  # none yet\ncards:\n  - match: \"4980\"\n"},
		{name: "null payees", in: "payees:\ncards:\n  - match: \"4980\"\n", before: "cards:"},
		{
			name: "items at the key's indentation, then comments and another key",
			in: "payees:\n- name: Gym\n  patterns: [GYM]   # mine\n  cadence: weekly\n\n# --- formats below ---\n" +
				"formats:\n  - name: mybank\n    header: [日付, 内容, 金額]\n    columns: {date: 日付, merchant: 内容, amount: 金額}\n",
			before: "\n# --- formats below ---",
		},
		{name: "CRLF", in: "# config\r\npayees:\r\n  - name: Gym\r\n    patterns: [GYM]\r\n"},
		{name: "no final newline", in: "payees:\n  - name: Gym\n    patterns: [GYM]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Merge("config.yaml", []byte(tc.in), learned(), today)
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			// Every line the user wrote is still there, in order.
			rest := s
			for _, l := range strings.SplitAfter(tc.in, "\n") {
				l = strings.TrimRight(l, "\r\n")
				if tc.name == "empty flow list" && strings.HasPrefix(l, "payees:") {
					l = "payees:"
				}
				i := strings.Index(rest, l)
				if i < 0 {
					t.Fatalf("line %q lost or moved:\n%s", l, s)
				}
				rest = rest[i+len(l):]
			}
			if tc.before != "" && strings.Index(s, "- name: \"NETFLIX.COM\"") > strings.Index(s, tc.before) {
				t.Errorf("entries not before %q:\n%s", tc.before, s)
			}
			if tc.name == "CRLF" && strings.Count(s, "\n") != strings.Count(s, "\r\n") {
				t.Errorf("mixed line ends:\n%q", s)
			}
			cfg, err := config.Parse("config.yaml", out)
			if err != nil {
				t.Fatalf("%v\n%s", err, s)
			}
			for _, st := range learned() {
				p := cfg.Spec().PayeeFor(st.Card, &statement.Charge{Payee: st.Payee, Via: st.Via})
				if p == nil || p.Cadence != st.Cadence || p.Name != st.Payee {
					t.Errorf("%q: not covered by the merged config", st.Payee)
				}
				if p != nil && (!p.AppliesTo(st.Card) || p.AppliesTo(newCard.Label())) {
					t.Errorf("%q: should apply to the learned card only", st.Payee)
				}
			}
			if strings.Contains(s, "\ncards: [x]") || len(cfg.Cards) > strings.Count(tc.in, "match:") {
				t.Errorf("a card label broke out of its value:\n%s", s)
			}
			// Merging again what is now in the config adds nothing.
			again := Streams(nil, cfg, nil, nil)
			if len(again) != 0 {
				t.Errorf("Streams of no charges: %v", again)
			}
		})
	}
}

func TestMergeRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"flow list":       "payees: [{name: Gym, patterns: [GYM]}]\n",
		"not a list":      "payees: GYM\n",
		"invalid config":  "payees:\n  - name: Gym\n    cadence: fortnightly\n",
		"broken yaml":     "payees:\n  - name: [Gym\n",
		"unknown setting": "payee:\n  - name: Gym\n",
	} {
		if _, err := Merge("config.yaml", []byte(in), learned(), today); err == nil {
			t.Errorf("%s: merged", name)
		}
	}
}

func TestPayees(t *testing.T) {
	charges := concat(
		monthly(oldCard, "NETFLIX.COM", 1490, 2025, 1, 8, 6),
		monthly(oldCard, "SPOTIFY", 980, 2025, 1, 20, 6),
		monthly(oldCard, "東西新聞 購読料", 4900, 2025, 1, 1, 6),
		monthly(oldCard, "CANCELLED GYM", 8000, 2024, 1, 5, 4), // stopped long ago
		monthly(newCard, "NETFLIX.COM", 1490, 2025, 7, 8, 1),
		monthly(newCard, "東西新聞 購読料", 4900, 2025, 7, 1, 1),
	)
	charges = append(charges, &statement.Charge{Date: statement.NewDate(2025, 6, 25), Payee: "会費ペイ", Merchant: "会費ペイ", Amount: decimal.NewFromInt(3000), Kind: statement.Purchase, Card: oldCard})
	cfg, err := config.Parse("c.yaml", []byte("payees:\n  - name: Club fee\n    patterns: [会費ペイ]\n    amount: \"3000\"\n    cadence: monthly\n"))
	if err != nil {
		t.Fatal(err)
	}
	lists, err := Payees(charges, cfg, "", "4980-11")
	if err != nil {
		t.Fatal(err)
	}
	if len(lists) != 1 || lists[0].Card != oldCard.Label() || lists[0].NewCard != newCard.Label() {
		t.Fatalf("checklists: %+v", lists)
	}
	var got []string
	for _, it := range lists[0].Items {
		got = append(got, it.Payee+" "+it.Next.String()+" "+it.Source+" "+it.Moved.String())
	}
	want := []string{
		"東西新聞 購読料 2025-07-01 learned 2025-07-01",
		"NETFLIX.COM 2025-07-08 learned 2025-07-08",
		"SPOTIFY 2025-07-20 learned 1970-01-01",
		"会費ペイ 2025-07-25 config 1970-01-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	saysIn(t, func(b *bytes.Buffer, l lang.Lang) error { return WriteChecklists(b, l, lists) }, map[lang.Lang]string{
		lang.EN: "2 of 4 recurring payee(s) already charge 三井住友カード（ＮＬ） 4980-11**-****-****; still to update: SPOTIFY, 会費ペイ.",
		lang.JA: "定期的な支払先 4 件のうち 2 件は、すでに 三井住友カード（ＮＬ） 4980-11**-****-**** に請求しています。まだ更新が必要: SPOTIFY、会費ペイ。",
	})

	for _, tc := range []struct{ card, newCard string }{{"", "4980"}, {"", "nothing"}, {"4980-11", "4980-11"}} {
		if _, err := Payees(charges, cfg, tc.card, tc.newCard); err == nil {
			t.Errorf("--card %q --new-card %q: no error", tc.card, tc.newCard)
		}
	}
	lists, err = Payees(charges, nil, "4980-00", "")
	if err != nil || len(lists) != 1 || len(lists[0].Items) != 3 {
		t.Fatalf("--card alone: %v %+v", err, lists)
	}
}

// A new merchant charging every month that nobody confirmed is suspect each
// month (new-subscription): learn does not teach it, and learn --write
// would not add it. Acknowledged, it is learned.
func TestStreamsLeaveSuspectsOut(t *testing.T) {
	charges := concat(
		monthly(oldCard, "NETFLIX.COM", 1490, 2024, 1, 8, 18),
		monthly(oldCard, "東西新聞 購読料", 4900, 2024, 1, 1, 18),
		monthly(oldCard, "SECURE MEMBERS", 2980, 2024, 12, 3, 7),
	)
	has := func(ss []Stream, p string) bool {
		for _, s := range ss {
			if s.Payee == p {
				return true
			}
		}
		return false
	}
	if ss := Streams(charges, nil, nil, nil); !has(ss, "NETFLIX.COM") || has(ss, "SECURE MEMBERS") {
		t.Errorf("without verdicts: %+v", ss)
	}
	mine := &rules.Verdicts{Mine: map[rules.ChargeRef]bool{}}
	for _, c := range charges {
		if c.Payee == "SECURE MEMBERS" {
			mine.Mine[rules.RefOf(c)] = true
		}
	}
	if ss := Streams(charges, nil, nil, mine); !has(ss, "SECURE MEMBERS") {
		t.Errorf("acknowledged, not learned: %+v", ss)
	}
}

// The table fits 120 terminal columns whatever the card's label and the
// payee's name (issue 11: learn printed 167-column lines).
func TestTableWidth(t *testing.T) {
	long := strings.Repeat("ＬＯＮＧ　ＭＥＲＣＨＡＮＴ　", 6)
	card := "三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ 4980-00**-****-****"
	st := []Stream{{Card: card, Payee: long, Merchant: long, Cadence: "quarterly", Occurrences: 12, Established: true, Config: "x",
		Min: decimal.NewFromInt(1500000), Max: decimal.NewFromInt(1800000), Variable: true}}
	for l, head := range map[lang.Lang]string{lang.EN: "PAYEE", lang.JA: "支払先"} {
		var b bytes.Buffer
		if err := WriteTable(&b, l, st); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if w := runewidth.StringWidth(line); w > 120 {
				t.Errorf("%s: %d columns: %s", l, w, line)
			}
		}
		if !strings.Contains(b.String(), card+"\n  "+head) || !strings.Contains(b.String(), "…") {
			t.Errorf("%s table:\n%s", l, b.String())
		}
	}
}

// saysIn checks that what write prints in each language contains want's
// line for it.
func saysIn(t *testing.T, write func(*bytes.Buffer, lang.Lang) error, want map[lang.Lang]string) {
	t.Helper()
	for l, line := range want {
		var b bytes.Buffer
		if err := write(&b, l); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), line) {
			t.Errorf("%s: no %q in:\n%s", l, line, b.String())
		}
	}
}
