package rules

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/severity"
)

func TestParamTypes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want dayCount
		ok   bool
	}{{"1d", 1, true}, {"7d", 7, true}, {"2w", 14, true}, {"1y", 365, true}, {"48h", 2, true}, {"3", 3, true}, {"25h", 0, false}, {"1m", 0, false}, {"-1d", 0, false}} {
		var got dayCount
		err := got.UnmarshalText([]byte(tt.in))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Days %q: %v %v", tt.in, got, err)
		}
	}
	for _, tt := range []struct {
		in   string
		want yenAmount
		ok   bool
	}{{"1000", 1000, true}, {"¥1,000", 1000, true}, {"1,000円", 1000, true}, {"0", 0, true}, {"10.5", 0, false}, {"-5", 0, false}, {"x", 0, false}} {
		var got yenAmount
		err := got.UnmarshalText([]byte(tt.in))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Yen %q: %v %v", tt.in, got, err)
		}
	}
	for _, tt := range []struct {
		in   string
		want ratio
		ok   bool
	}{{"1.8", 1800, true}, {"180%", 1800, true}, {"2x", 2000, true}, {"0.25", 250, true}, {"0", 0, false}, {"-1", 0, false}} {
		var got ratio
		err := got.UnmarshalText([]byte(tt.in))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Ratio %q: %v %v", tt.in, got, err)
		}
	}
	if !ratio(1800).AtLeast(1800, 1000) || ratio(1800).AtLeast(1799, 1000) || ratio(1800).Of(5280) != 9504 {
		t.Error("Ratio arithmetic")
	}
	if !ratio(1800).AtLeast(1<<62, 1<<40) || timesOf(1<<62, 1<<61) != 2000 {
		t.Error("Ratio arithmetic on large numbers")
	}
}

func TestFromConfig(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  burst: {min: 4, within: 2d, severity: warning}
  new-merchant: {enabled: false}
  cards:
    - match: "4980-00**"
      burst: {min: 2}
      foreign: {enabled: false}
`)
	eng, err := New(cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	ids := func(rs []Rule) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID())
		}
		return out
	}
	if slices.Contains(ids(eng.Rules), "new-merchant") || !slices.Contains(ids(eng.Rules), "foreign") {
		t.Errorf("global rules: %q", ids(eng.Rules))
	}
	b := eng.Rules[slices.Index(ids(eng.Rules), "burst")].(burstRule)
	if b.Min != 4 || b.WithinDays != 2 || b.Severity != severity.Warning || b.SameAmount != 3 {
		t.Errorf("global burst: %+v", b)
	}
	card := cardOf("2022-01-01", "2022-01-31", corporate(13), nil)
	rs := eng.RulesFor(card)
	if slices.Contains(ids(rs), "foreign") || slices.Contains(ids(rs), "new-merchant") {
		t.Errorf("card rules: %q", ids(rs))
	}
	if b := rs[slices.Index(ids(rs), "burst")].(burstRule); b.Min != 2 || b.WithinDays != 2 || b.Severity != severity.Warning {
		t.Errorf("card burst: %+v", b)
	}
	other := NewCard("別のカード 1234-56**", nil, 0, 0, nil)
	if len(eng.RulesFor(other)) != len(eng.Rules) {
		t.Error("another card gets the card entry's rules")
	}
}

func TestFromConfigErrors(t *testing.T) {
	cfg := parseConfig(t, `
rules:
  burst: {min: 3, wthin: 1d, severity: alrt}
  new-merchnt: {enabled: false}
  foreign: yes
  duplicate: {within: 3m}
  high-risk-merchant: {add: ["re:("]}
  cards:
    - match: "4980"
      burst: {min: x}
`)
	_, err := New(cfg.Spec())
	if err == nil {
		t.Fatal("no error")
	}
	var lines, ja []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *config.Error
		if !errors.As(e, &ce) {
			t.Errorf("not a config error: %v", e)
		}
		lines = append(lines, e.Error())
		ja = append(ja, ce.In(lang.JA))
	}
	want := []string{
		`config.yaml:3:19: rule burst has no parameter "wthin" (did you mean "within"?); it has: enabled, min, within, severity, same-amount, same-amount-within, same-amount-from, same-amount-severity`,
		`config.yaml:3:40: rule burst: severity: severity "alrt": want info, warning or alert`,
		`config.yaml:4:3: rules: unknown rule "new-merchnt" (did you mean "new-merchant"?); the rules are reported-payee, unknown-payee, new-subscription, burst, minutes, new-merchant,`,
		`config.yaml:5:12: rule foreign: want a mapping of parameters, like {enabled: false}`,
		`config.yaml:6:23: rule duplicate: within: "3m": want a number of days like 1d, 7d, 2w or 1y`,
		`config.yaml:7:3: rule high-risk-merchant: add: pattern "re:(": error parsing regexp`,
		`config.yaml:10:20: rule burst: min: cannot unmarshal string into Go value of type int`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d errors:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s", i, lines[i], want[i])
		}
	}
	// The same errors in Japanese (issue 11 §5), where the catalogue says
	// them; the YAML decoder's and the parameters' own words stay English.
	wantJA := map[int]string{
		0: `config.yaml:3:19: ルール burst に "wthin" というパラメーターはありません("within" のことですか?)。使えるパラメーター: enabled, min, within,`,
		2: `config.yaml:4:3: rules: "new-merchnt" というルールはありません("new-merchant" のことですか?)。ルールは reported-payee, unknown-payee,`,
		3: `config.yaml:5:12: ルール foreign: パラメーターは {enabled: false} のようなマッピングで書いてください`,
	}
	for i, w := range wantJA {
		if !strings.HasPrefix(ja[i], w) {
			t.Errorf("error %d in Japanese:\n got %s\nwant %s", i, ja[i], w)
		}
	}
}

func TestDescribe(t *testing.T) {
	ds := Describe(Catalogue())
	if len(ds) != len(registered) {
		t.Fatalf("%d rules", len(ds))
	}
	for _, d := range ds {
		if d.Doc == "" || (d.Severity == "" && d.ID != "reversed") {
			t.Errorf("%s: no doc or severity: %+v", d.ID, d)
		}
		for _, p := range d.Params {
			if p.Doc == "" || p.Value == "" {
				t.Errorf("%s.%s: no doc or value", d.ID, p.Name)
			}
		}
	}
	if ds[3].ID != "burst" || ds[3].Severity != "alert" || ds[3].Params[0] != (Param{"min", "3", "charges from one payee that make a burst"}) || ds[3].Params[1].Value != "1d" {
		t.Errorf("burst: %+v", ds[3])
	}
}

// A parameter's value that its type cannot read says why in both languages.
func TestParamValueSaid(t *testing.T) {
	cfg := parseConfig(t, "rules:\n  new-merchant: {min: lots}\n")
	_, err := New(cfg.Spec())
	var ce *config.Error
	if !errors.As(err, &ce) {
		t.Fatalf("not a config error: %v", err)
	}
	if en, want := ce.Error(), `config.yaml:2:23: rule new-merchant: min: "lots": want a whole yen amount like 1000 or ¥1,000`; en != want {
		t.Errorf("English:\n got %s\nwant %s", en, want)
	}
	if ja, want := ce.In(lang.JA), `config.yaml:2:23: ルール new-merchant: min: "lots" は読めません。1000 や ¥1,000 のような円単位の金額を書いてください`; ja != want {
		t.Errorf("Japanese:\n got %s\nwant %s", ja, want)
	}
}
