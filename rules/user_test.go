package rules

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules/spec"
)

func TestUserRules(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  user:
    - id: apple-over-2000
      when: 'payee contains "APPLE" && amount > 2000'
      severity: alert
      message: "{{merchant}} charged {{Yen(amount)}}, {{CountPayee(7)}} in 7 days"
      message-ja: "{{merchant}} が {{Yen(amount)}}"
    - id: busy-week
      when: CountPayee(7) >= 3 && SumPayee(7) >= 20000 && !PaidBefore()
    - id: other-card
      when: amount > 0
      cards: ["9999"]
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	cs := join(corporate(13), apple("2022-01-24"))
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	var got []string
	var msgs []string
	for _, r := range eng.Rules {
		if u, ok := r.(*userRule); ok {
			for _, f := range u.Check(card) {
				got = append(got, u.ID()+" "+f.Severity.String()+" "+yenText(statement.WholeYen(f.Charges[0].Amount)))
				msgs = append(msgs, message.Render(lang.EN, f.Message)+" / "+message.Render(lang.JA, f.Message))
			}
		}
	}
	want := []string{
		"apple-over-2000 alert ¥10,000", "apple-over-2000 alert ¥10,000", "apple-over-2000 alert ¥5,000", "apple-over-2000 alert ¥10,000", "apple-over-2000 alert ¥3,000",
		"busy-week warning ¥5,000", "busy-week warning ¥10,000", "busy-week warning ¥3,000",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if msgs[2] != "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ charged ¥5,000, 3 in 7 days / ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ が ¥5,000" {
		t.Errorf("message: %q", msgs[2])
	}
	if !strings.Contains(msgs[5], "matches user rule busy-week: CountPayee(7) >= 3") {
		t.Errorf("default message: %q", msgs[5])
	}
}

func TestUserRuleEnv(t *testing.T) {
	cs := join(corporate(13), one(foreign("2022-01-24", "ＷＡＬＭＡＲＴ．ＣＯＭ", 5800, "39.99", "USD")))
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	e := envFor(card, len(card.Charges)-1)
	if e.Amount != 5800 || e.Payee != "WALMART.COM" || !e.Foreign || e.Currency != "USD" || e.ForeignAmount != "39.99" ||
		e.Date != "2022-01-24" || e.Weekday != "Mon" || e.Known || !e.NewPayee || !e.RecurringOnly || e.DaysSinceFirst() != 0 || e.HighRisk() {
		t.Errorf("env: %+v", e)
	}
	if n, s := e.CountCard(31), e.SumCard(31); n != 5 || s != 4900+5280+1650+3000+5800 {
		t.Errorf("CountCard %d SumCard %d", n, s)
	}
}

func TestUserRuleErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"an unknown name, single-quoted", `
rules:
  user:
    - id: typo
      when: 'paye contains "APPLE"'
`, `config.yaml:5:14: user rule "typo": when: unknown name paye (line 1, column 1 of the expression)`},
		{"a type error, plain", `
rules:
  user:
    - id: types
      when: amount > "2000"
`, `config.yaml:5:20: user rule "types": when: invalid operation: > (mismatched types int64 and string) (line 1, column 8 of the expression)`},
		{"not a bool", `
rules:
  user:
    - id: notbool
      when: amount + 1
`, `config.yaml:5:13: user rule "notbool": when: expected bool, but got int`},
		{"a block scalar, second line", `
rules:
  user:
    - id: block
      when: |
        amount > 100 &&
          CountPayee("7") > 2
`, `config.yaml:7:22: user rule "block": when: cannot use string as argument (type int) to call CountPayee (line 2, column 14 of the expression)`},
		{"a message placeholder", `
rules:
  user:
    - id: msg
      when: amount > 1
      message: "charged {{ amout }}"
`, `config.yaml:6:28: user rule "msg": message: {{ amout }}: unknown name amout`},
		{"an unclosed placeholder", `
rules:
  user:
    - id: open
      when: amount > 1
      message: "charged {{ amount"
`, `config.yaml:6:25: user rule "open": message: {{ is not closed with }}`},
		{"a bad severity", `
rules:
  user:
    - id: sev
      when: amount > 1
      severity: loud
`, `config.yaml:4:7: user rule "sev": severity "loud": want info, warning or alert`},
		{"the clock is not allowed", `
rules:
  user:
    - id: clock
      when: now().Year() > 2000
`, `config.yaml:5:13: user rule "clock"`},
		{"a built-in id", `
rules:
  user:
    - id: burst
      when: amount > 1
`, `config.yaml:4:7: user rule id "burst" is a built-in rule's; choose another`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := parseConfig(t, tt.yaml)
			_, err := New(cfg.Spec())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v\nwant %s", err, tt.want)
			}
			var ce *config.Error
			if !errors.As(err, &ce) || ce.File != "config.yaml" || ce.Line == 0 || ce.Column == 0 {
				t.Errorf("not a positioned config error: %#v", err)
			}
		})
	}
}

// TestUserRuleRuntimeError: a rule that fails at run time is one error of
// the run, named with the charge it failed on, not a warning per charge.
func TestUserRuleRuntimeError(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  user:
    - id: bad-int
      when: int("x" + payee) > 0
    - id: fine
      when: amount == 3000
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	card := cardOf("2022-01-01", "2022-01-31", corporate(13), nil)
	fs := eng.Run([]*Card{card})
	var ids []string
	for _, f := range fs {
		if f.Rule != "breach-exposure" {
			ids = append(ids, f.Rule)
		}
	}
	if !slices.Equal(ids, []string{"fine"}) {
		t.Errorf("findings of %q, want only fine's", ids)
	}
	ps := card.Problems()
	if len(ps) != 1 || ps[0].Rule != "bad-int" {
		t.Fatalf("problems %v, want bad-int's alone", ps)
	}
	want := `card テストカード 4980-00**-****-****: user rule "bad-int" failed on 2021-04-01 東西新聞 購読料 ¥4,900: invalid operation: int(x東西新聞 購読料) (1:1); it did not check the charges from there on`
	if ps[0].Error() != want {
		t.Errorf("error\n%s\nwant\n%s", ps[0].Error(), want)
	}
}

// TestUserRuleBudget: user rules that take too long are stopped at the
// run's budget with one error, and one evaluation cannot take long either:
// what an expression may build is bounded.
func TestUserRuleBudget(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  user:
    - id: slow
      when: any(1..300, {any(1..300, {amount < 0})})
      cards: ["4980"]
    - id: huge
      when: any(1..1000, {any(1..1000, {amount < 0})})
      cards: ["0000"]
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	eng.UserBudget = time.Millisecond
	card := cardOf("2022-01-01", "2022-01-31", corporate(13), nil)
	fs := eng.Run([]*Card{card})
	for _, f := range fs {
		if f.Rule == "slow" {
			t.Errorf("a finding of slow: %v", f.Charges)
		}
	}
	ps := card.Problems()
	if len(ps) != 1 || !strings.Contains(ps[0].Error(), `user rule "slow" stopped: the user rules' time for a run (1ms) ran out at 2021-`) {
		t.Fatalf("problems %v, want slow stopped", ps)
	}

	// huge (on another card) takes its card's whole budget in one
	// evaluation unless what it builds is bounded.
	card = NewCard("テストカード 0000", corporate(13), d("2022-01-01"), d("2022-01-31"), cfg.Spec())
	eng.UserBudget = 0
	eng.Run([]*Card{card})
	ps = card.Problems()
	if len(ps) != 1 || !strings.Contains(ps[0].Error(), `user rule "huge" failed on 2021-04-01 東西新聞 購読料 ¥4,900: memory budget exceeded`) {
		t.Errorf("problems %v, want huge failed", ps)
	}
}

// TestUserRuleSumsSaturate: sums over absurd amounts hold at the largest
// value instead of wrapping around to a negative total.
func TestUserRuleSumsSaturate(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  user:
    - id: big-month
      when: SumCard(31) > 100000 && SumPayee(31) > 100000
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	cs := join(corporate(13), one(buy("2022-01-20", "ＡＢＳＵＲＤ", 5_000_000_000_000_000_000), buy("2022-01-21", "ＡＢＳＵＲＤ", 5_000_000_000_000_000_000)))
	card := cardOf("2022-01-01", "2022-01-31", cs, nil)
	n := 0
	for _, f := range eng.Run([]*Card{card}) {
		for _, r := range f.Reasons {
			if r.Rule == "big-month" {
				n += len(f.Charges)
				break
			}
		}
	}
	if n != 2 {
		t.Errorf("big-month found %d charges, want both absurd ones", n)
	}
}

// FuzzCompile: any text as a condition or message compiles or fails with a
// positioned error; it never panics.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{`payee contains "APPLE" && amount > 2000`, `CountPayee(7) >= 3`, `amount > "x"`, `{{`, `}}{{amount}}`,
		"amount >\n 1", `Yen(amount) == "¥1"`, `[1,2][5] > 0`, `"\u3042" + payee`, "let x = 1; x > 0", `foo(`, `{{ merchant }} {{ Yen(amount`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := spec.UserRule{ID: "fuzz", When: s, Message: s, WhenAt: spec.ScalarPos{Line: 3, Column: 13}, MessageAt: spec.ScalarPos{Line: 4, Column: 16}}
		u, err := compileUserRule("f.yaml", r)
		if err != nil {
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else {
				errs = []error{err}
			}
			for _, e := range errs {
				var ce *config.Error
				if !errors.As(e, &ce) || ce.Line < 3 || ce.File != "f.yaml" {
					t.Fatalf("error without a position: %#v", e)
				}
			}
			return
		}
		card := cardOf("2022-01-01", "2022-01-31", corporate(13), nil)
		u.Check(card) // runs without panicking
	})
}
