package message

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestCatalogueParses(t *testing.T) {
	if got := len(compiled()); got != len(entries) || got < 40 {
		t.Fatalf("%d templates for %d entries", got, len(entries))
	}
	for k, e := range entries {
		if strings.TrimSpace(e.EN) == "" || strings.TrimSpace(e.JA) == "" {
			t.Errorf("%s: a language is empty", k)
		}
	}
}

func TestValuesRoundTrip(t *testing.T) {
	d := statement.NewDate(2022, 1, 24)
	m := New("burst", Args{
		"payee": Text("APPLE COM BILL"), "charges": Count(5), "sum": Yen(38000), "first": Date(d), "month": Month(d),
		"within": Days(7), "k": Ratio(1850), "neg": Ratio(-500), "new": Bool(true), "old": Bool(false),
		"mode": Term("mode.everyday"), "parts": List(Said("a", ""), New("reversed.part", Args{"amount": Yen(-1)})),
	})
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"sum":{"yen":38000}`) || !strings.Contains(string(data), `"first":{"date":"2022-01-24"}`) ||
		!strings.Contains(string(data), `"k":{"ratio":"1.85"}`) {
		t.Errorf("JSON: %s", data)
	}
	var back Message
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, m) || !back.Equal(m) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, m)
	}
	for _, bad := range []string{`{"args":{"x":{}}}`, `{"args":{"x":{"yen":1,"text":"a"}}}`, `{"args":{"x":{"colour":"red"}}}`, `{"args":{"x":{"ratio":"1.2345"}}}`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func TestRender(t *testing.T) {
	d := statement.NewDate(2022, 1, 24)
	m := New("burst", Args{"charges": Count(5), "payee": Text("APPLE COM BILL"), "sum": Yen(38000), "first": Date(d), "last": Date(d),
		"new": Bool(true), "limit": Count(3), "within": Days(1)})
	for l, want := range map[lang.Lang]string{
		lang.EN: "5 charges from APPLE COM BILL on 2022-01-24 (¥38,000 in all); this card never paid this payee before; the limit is 3 in 24 h",
		lang.JA: "APPLE COM BILL 2022年1月24日 に 5 件（合計 38,000円）。このカードでは初めての支払先。上限は 24 時間 に 3 件",
	} {
		if got := Render(l, m); got != want {
			t.Errorf("%s:\n got %q\nwant %q", l, got, want)
		}
	}
	// A missing argument or key is found by Check and still says something.
	delete(m.Args, "limit")
	if err := Check(m); err == nil || !strings.Contains(Render(lang.EN, m), "burst") {
		t.Errorf("missing argument: %v, %q", err, Render(lang.EN, m))
	}
	if err := Check(New("no-such-key", nil)); err == nil {
		t.Error("unknown key passed Check")
	}
	two := []Message{Said("a", "あ"), Said("b", "")}
	if got := Sentences(lang.EN, two) + "|" + Sentences(lang.JA, two); got != "a; b|あ。b" {
		t.Errorf("Sentences: %q", got)
	}
	masked := New("x", Args{"p": Text("4111"), "l": List(Said("4111", ""))}).MapText(func(s string) string { return "*" })
	if masked.Args["p"].s != "*" || masked.Args["l"].list[0].Args["en"].s != "*" {
		t.Errorf("MapText: %+v", masked)
	}
}

func TestClockAndSpan(t *testing.T) {
	at := time.Date(2022, 1, 24, 2, 13, 0, 0, statement.Tokyo)
	for _, tc := range []struct {
		v      Value
		en, ja string
	}{
		{Clock(at), "2022-01-24 02:13", "2022年1月24日 02:13"},
		{Clock(at.UTC()), "2022-01-24 02:13", "2022年1月24日 02:13"},
		{Span(40 * time.Second), "40 seconds", "40秒"},
		{Span(time.Minute), "1 minute", "1分"},
		{Span(18*time.Minute + 5*time.Second), "18 minutes 5 seconds", "18分5秒"},
		{Span(2*time.Hour + 5*time.Second), "2 hours", "2時間"},
		{Span(50 * time.Hour), "2 days 2 hours", "2日2時間"},
	} {
		for l, want := range map[lang.Lang]string{lang.EN: tc.en, lang.JA: tc.ja} {
			if got, _ := tc.v.data(l); got != want {
				t.Errorf("%s: %q, want %q", l, got, want)
			}
		}
		b, err := json.Marshal(tc.v)
		var back Value
		if err == nil {
			err = json.Unmarshal(b, &back)
		}
		if err != nil || !reflect.DeepEqual(back, tc.v) {
			t.Errorf("%s: round trip %v, %v", b, back, err)
		}
	}
}

func TestNumbers(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 1800: "1.8", 10000: "10", 1850: "1.85", -500: "-0.5", -1500: "-1.5", 1: "0.001"} {
		if got := ratioText(n); got != want {
			t.Errorf("ratioText(%d) = %q, want %q", n, got, want)
		}
		if back, err := parseRatio(want); err != nil || back != n {
			t.Errorf("parseRatio(%q) = %d, %v", want, back, err)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 460395: "460,395", -1234567: "-1,234,567"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
}
