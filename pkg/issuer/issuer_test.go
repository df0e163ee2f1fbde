package issuer

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Every format cardcheck reads names a company that the table has: with a
// sourced desk, or listed without one (then the advice is the back of the
// card), or as a household-account service. A new format with a new
// company fails here until the table says which.
func TestEveryFormatsIssuerIsInTheTable(t *testing.T) {
	for _, f := range all.Formats() {
		is, ok := Lookup(f.Issuer)
		if !ok {
			t.Errorf("format %s: issuer %q is not in pkg/issuer's table; add it, with its desk and source or with none", f.Name, f.Issuer)
			continue
		}
		if is.Aggregator != f.Aggregator {
			t.Errorf("format %s (%s): Aggregator is %v in the format and %v in the table", f.Name, f.Issuer, f.Aggregator, is.Aggregator)
		}
	}
}

var phone = regexp.MustCompile(`^0\d{1,4}-\d{1,4}-\d{3,4}$`)

// A number without a source is never shown: every desk has a well-formed
// number, the page it was read on and the date it was checked.
func TestEveryDeskHasItsSource(t *testing.T) {
	for _, is := range All() {
		if is.Aggregator && is.Known() {
			t.Errorf("%s: a household-account service has no loss desk of its own", is.Name)
		}
		for _, d := range is.Desks {
			where := is.Name + " " + d.Brand + " " + d.Phone
			digits := strings.ReplaceAll(d.Phone, "-", "")
			if !phone.MatchString(d.Phone) || len(digits) != 10 {
				t.Errorf("%s: phone %q is not a 10-digit Japanese number", where, d.Phone)
			}
			if d.Alt != "" && !phone.MatchString(d.Alt) {
				t.Errorf("%s: second number %q is not of the form 0X-XXXX-XXXX", where, d.Alt)
			}
			if u, err := url.Parse(d.Source); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Errorf("%s: source %q is not a web page", where, d.Source)
			}
			if _, err := time.Parse(time.DateOnly, d.Checked); err != nil {
				t.Errorf("%s: the date it was checked, %q: %v", where, d.Checked, err)
			}
			if _, err := time.Parse(time.DateOnly, d.Published); d.Published != "" && err != nil {
				t.Errorf("%s: the page's date %q: %v", where, d.Published, err)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ name, want string }{
		{"三井住友カード", "三井住友カード"},
		{"三井住友カードＶＩＳＡ（ＮＬ）", "三井住友カード"}, // a card name, full width
		{"ｄカード", "NTTドコモ"},
		{"楽天カード (楽天銀行引落)", "楽天カード"}, // a household-account export's account
		{"AMERICAN EXPRESS", "アメリカン・エキスプレス"},
		{"dc", "三菱UFJニコス"}, // a short alias, whole
		{"ADCB BANK", ""},  // but not inside another word
		{"My Bank", ""},    // a user-defined format's own company
		{"", ""},
	}
	for _, tt := range tests {
		is, ok := Lookup(tt.name)
		if got := is.Name; got != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

func TestNext(t *testing.T) {
	t.Run("a known desk: its number, in both languages, and what to say", func(t *testing.T) {
		en := strings.Join(Next("三井住友カード").Lines(lang.EN), "\n")
		ja := strings.Join(Next("三井住友カード").Lines(lang.JA), "\n")
		if !strings.Contains(en, "0120-919-456") || !strings.Contains(en, "24 hours") || !strings.Contains(en, "did not make these charges") {
			t.Errorf("English:\n%s", en)
		}
		if !strings.Contains(ja, "0120-919-456") || !strings.Contains(ja, "紛失・盗難受付") || !strings.Contains(ja, "身に覚えのない利用") {
			t.Errorf("Japanese:\n%s", ja)
		}
	})
	t.Run("one line per brand, with the second number", func(t *testing.T) {
		n := Next("三菱UFJニコス")
		if len(n.Call) != 3 || !strings.Contains(message.Render(lang.JA, n.Call[1]), "DCカード") {
			t.Errorf("Call = %v: want the MUFG, DC and NICOS lines", n.Call)
		}
		if got := message.Render(lang.EN, Next("楽天カード").Call[0]); !strings.Contains(got, "0120-86-6910 (092-474-9256 where free-dial") {
			t.Errorf("楽天カード: %q lacks the number for IP phones", got)
		}
	})
	t.Run("no sourced number: the back of the card, never a number", func(t *testing.T) {
		for _, name := range []string{"au PAY カード", "My Bank", "", "Zaim"} {
			for _, l := range []lang.Lang{lang.EN, lang.JA} {
				got := strings.Join(Next(name).Lines(l), "\n")
				if strings.ContainsAny(got, "0123456789") && !strings.Contains(got, "60") {
					t.Errorf("Next(%q) in %s has digits: %q", name, l, got)
				}
				if !strings.Contains(got, "back of the card") && !strings.Contains(got, "カードの裏面") {
					t.Errorf("Next(%q) in %s = %q: want the back of the card", name, l, got)
				}
			}
			if call := message.Render(lang.EN, Next(name).Call[0]); strings.ContainsAny(call, "0123456789") {
				t.Errorf("Next(%q) gives a number: %q", name, call)
			}
		}
		if got := message.Render(lang.EN, Next("Zaim").Call[0]); !strings.Contains(got, "not Zaim") {
			t.Errorf("an aggregator must not be taken for the card company: %q", got)
		}
	})
	t.Run("stopping the card online, where the company says how", func(t *testing.T) {
		n := Next("PayPayカード")
		if !strings.Contains(message.Render(lang.JA, n.Online), "会員メニュー") || !strings.Contains(message.Render(lang.EN, n.Online), "member menu") {
			t.Errorf("PayPayカード: %+v", n)
		}
	})
	t.Run("every message is in the catalogue, in both languages", func(t *testing.T) {
		for _, is := range append(All(), Issuer{Name: "My Bank"}) {
			for _, m := range Next(is.Name).Messages() {
				if err := message.Check(m); err != nil {
					t.Errorf("%s: %v", is.Name, err)
				}
			}
		}
	})
}
