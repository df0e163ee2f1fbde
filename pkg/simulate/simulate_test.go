package simulate

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func testOptions(seed uint64) Options {
	return Options{Seed: seed, From: statement.NewDate(2020, 4, 1), Months: 27, InjectFrom: 15, CleanPercent: 30}
}

// TestFilesImport reads every generated file with the real registry: each
// must be read as Vpass with no error, its control totals checked, and every
// charge line must come back with the card, date, amount and foreign amount
// written.
func TestFilesImport(t *testing.T) {
	h := Generate(testOptions(1))
	reg := all.Registry(nil)
	perProfile := map[Profile]int{}
	files := 0
	for m := range h.Months {
		for _, injected := range []bool{false, true} {
			if injected && m < h.InjectFrom {
				continue
			}
			for _, f := range h.Files(m, injected) {
				files++
				res := reg.Import(f.Name, bytes.NewReader(f.Data))
				if len(res.Errors) > 0 || res.Statement == nil {
					t.Fatalf("%s: %v", f.Name, res.Errors)
				}
				if res.Format.Name != "vpass" {
					t.Fatalf("%s: read as %s", f.Name, res.Format.Name)
				}
				st := res.Statement
				if len(st.Charges) != len(f.Lines) {
					t.Fatalf("%s: %d charges, %d lines written", f.Name, len(st.Charges), len(f.Lines))
				}
				for i := range st.Charges {
					got := &st.Charges[i]
					want := f.Lines[got.Source.Line]
					if want == nil {
						t.Fatalf("%s:%d: no charge written there", f.Name, got.Source.Line)
					}
					if got.Date != want.Date || !got.Amount.Equal(want.Amount) || got.Card.Label() != want.Card.Label() {
						t.Errorf("%s:%d: read %s %s %s, wrote %s %s %s", f.Name, got.Source.Line, got.Date, got.Amount, got.Card.Label(), want.Date, want.Amount, want.Card.Label())
					}
					if want.Foreign != nil && (got.ForeignCurrency != want.Foreign.Currency || !got.ForeignAmount.Equal(want.Foreign.Amount)) {
						t.Errorf("%s:%d: foreign %s %s, wrote %s %s", f.Name, got.Source.Line, got.ForeignAmount, got.ForeignCurrency, want.Foreign.Amount, want.Foreign.Currency)
					}
					if !injected {
						perProfile[want.Card.Profile]++
					}
				}
			}
		}
	}
	if files == 0 {
		t.Fatal("no files")
	}
	for p, want := range map[Profile][2]int{Corporate: {5, 9}, Personal: {40, 70}, Family: {15, 35}} {
		perMonth := perProfile[p] / h.Months
		t.Logf("%s: %d charges a month", p, perMonth)
		if perMonth < want[0] || perMonth > want[1] {
			t.Errorf("%s: %d charges a month, want %d to %d", p, perMonth, want[0], want[1])
		}
	}
}

// TestDeterministic checks that a seed always gives the same files, and
// that injecting anomalies leaves the legitimate history alone.
func TestDeterministic(t *testing.T) {
	a, b := Generate(testOptions(7)), Generate(testOptions(7))
	for m := range a.Months {
		fa, fb := a.Files(m, true), b.Files(m, true)
		if len(fa) != len(fb) {
			t.Fatalf("month %d: %d and %d files", m, len(fa), len(fb))
		}
		for i := range fa {
			if !bytes.Equal(fa[i].Data, fb[i].Data) {
				t.Fatalf("month %d: %s differs between runs", m, fa[i].Name)
			}
		}
	}
	clean := testOptions(7)
	clean.InjectFrom = clean.Months
	c := Generate(clean)
	for m := range a.Months {
		fa, fc := a.Files(m, false), c.Files(m, false)
		for i := range fa {
			if !bytes.Equal(fa[i].Data, fc[i].Data) {
				t.Fatalf("month %d: clean %s depends on the injection", m, fa[i].Name)
			}
		}
	}
}

// TestInjected checks that every kind of anomaly is injected on the cards it
// applies to, inside the months from InjectFrom on.
func TestInjected(t *testing.T) {
	seen := map[string]int{}
	for seed := range uint64(4) {
		h := Generate(testOptions(seed))
		for _, c := range h.Cards {
			for _, ch := range c.Injected() {
				if ch.Date < h.Month(h.InjectFrom) {
					t.Errorf("seed %d: %s injected on %s, before month %d", seed, ch.Kind, ch.Date, h.InjectFrom)
				}
				seen[fmt.Sprintf("%s/%s", c.Profile, ch.Kind)]++
			}
		}
	}
	for _, p := range DefaultCards {
		for _, k := range FraudKinds {
			if k == ForeignUse && p == Personal {
				continue
			}
			if seen[fmt.Sprintf("%s/%s", p, k)] == 0 {
				t.Errorf("no %s injected on a %s card", k, p)
			}
		}
	}
	if seen["personal/breach-exposure"] == 0 {
		t.Error("no breach exposure injected")
	}
	t.Log(seen)
}
