package notify

import (
	"errors"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// The subject over several cards and months, with input errors, and what a
// run says it mailed: one sentence per language, none mixing them.
func TestSubjectAndOutcomeInBothLanguages(t *testing.T) {
	res, fs := apple()
	other := fs[0]
	other.ID = "00aa11bb22cc"
	moved := *other.Charges[0]
	moved.Date = statement.NewDate(2022, 3, 2)
	moved.Card.Issuer = "楽天カード"
	other.Charges = []*statement.Charge{&moved}
	d := Digest{New: []rules.Finding{fs[0], other}, Checked: res.Checked, Cards: 2, Errors: []error{errors.New("a.csv:3: bad")}}
	to := []string{"a@example.com"}
	for _, tc := range []struct {
		l                  lang.Lang
		subject            string
		sent, clear, quiet string
	}{
		{lang.EN, "[cardcheck] 6 suspicious charges on 2 cards (2022-01 – 2022-03); 1 input error",
			"Mailed 6 suspicious charges and the withdrawal of 2 findings to a@example.com.", "Mailed an all-clear to a@example.com.", "Nothing new to mail."},
		{lang.JA, "[cardcheck] カード2枚で不審な利用が6件 (2022年1月〜2022年3月)、読み込みエラー1件",
			"不審な利用6件と検出2件の取り消しを a@example.com にメールで送りました。", "異常なしのメールを a@example.com に送りました。", "新たにメールで送るものはありません。"},
	} {
		d.Lang = tc.l
		m, err := Compose(d)
		if err != nil {
			t.Fatal(err)
		}
		if m.Subject != tc.subject {
			t.Errorf("%s: subject %q, want %q", tc.l, m.Subject, tc.subject)
		}
		if s := Outcome(tc.l, true, d.New, 2, to); s != tc.sent {
			t.Errorf("%s: outcome %q, want %q", tc.l, s, tc.sent)
		}
		if s := Outcome(tc.l, true, nil, 0, to); s != tc.clear {
			t.Errorf("%s: all-clear %q, want %q", tc.l, s, tc.clear)
		}
		if s := Outcome(tc.l, false, d.New, 0, to); s != tc.quiet {
			t.Errorf("%s: nothing %q, want %q", tc.l, s, tc.quiet)
		}
	}
	if s := Outcome(lang.EN, true, nil, 1, to); s != "Mailed the withdrawal of 1 finding to a@example.com." {
		t.Errorf("withdrawal only: %q", s)
	}
}
