package all_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/report"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// root is the repository root, from this package's directory.
const root = "../../.."

// fixtures returns the statement fixtures by format: every
// testdata/statements/FORMAT/*.csv, whose directory names the format that
// must read it.
func fixtures(t *testing.T) map[string][]string {
	t.Helper()
	dirs, err := os.ReadDir(filepath.Join(root, "testdata/statements"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(root, "testdata/statements", d.Name(), "*.csv"))
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			out[d.Name()] = append(out[d.Name()], filepath.ToSlash(rel))
		}
	}
	return out
}

type golden struct {
	Format   string           `json:"format"`
	Encoding string           `json:"encoding"`
	Cards    []string         `json:"cards"`
	Charges  []report.Charge  `json:"charges"`
	Totals   []map[string]any `json:"totals"`
	Checks   []string         `json:"checks"`
	Notes    []string         `json:"notes"`
	Errors   []report.Error   `json:"errors"`
}

func importFixture(t *testing.T, reg *importer.Registry, rel string) importer.Result {
	t.Helper()
	f, err := os.Open(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return reg.Import(rel, f)
}

// TestGolden reads every fixture and compares charges, totals and errors
// with the fixture's .golden.json.
func TestGolden(t *testing.T) {
	reg := all.Registry(nil)
	for format, files := range fixtures(t) {
		for _, rel := range files {
			t.Run(rel, func(t *testing.T) {
				res := importFixture(t, reg, rel)
				g := golden{Charges: []report.Charge{}, Totals: []map[string]any{}, Checks: []string{}, Notes: []string{}, Errors: []report.Error{}}
				if res.Format != nil {
					g.Format = res.Format.Name
				}
				g.Encoding = string(res.Encoding)
				if st := res.Statement; st != nil {
					for _, c := range st.Cards {
						g.Cards = append(g.Cards, c.Label())
					}
					for i := range st.Charges {
						g.Charges = append(g.Charges, report.ChargeJSON(&st.Charges[i]))
					}
					for _, tot := range st.Totals {
						g.Totals = append(g.Totals, map[string]any{"label": tot.Label, "amount": tot.Amount.String(), "source": tot.Source.String()})
					}
				}
				for _, c := range res.Checks {
					g.Checks = append(g.Checks, c.String())
				}
				for _, n := range res.Notes {
					g.Notes = append(g.Notes, n.String())
				}
				for _, e := range res.Errors {
					g.Errors = append(g.Errors, report.ErrorJSON(e))
				}
				if g.Format != format {
					t.Errorf("read as format %q, want %q (errors: %v)", g.Format, format, res.Errors)
				}
				if res.Statement != nil && len(res.Checks) == 0 {
					t.Errorf("no total check recorded: every format says what became of its totals, or that it has none")
				}
				got, err := json.MarshalIndent(g, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				path := filepath.Join(root, strings.TrimSuffix(rel, filepath.Ext(rel))+".golden.json")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./pkg/importer/all -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the import; run with -update after checking.\ngot:\n%s", path, got)
				}
			})
		}
	}
}

// TestSniffMatrix checks that every fixture is recognised by its own format
// and by no other.
func TestSniffMatrix(t *testing.T) {
	reg := all.Registry(nil)
	fx := fixtures(t)
	if len(fx) < len(all.Formats()) {
		for _, f := range all.Formats() {
			if len(fx[f.Name]) == 0 {
				t.Errorf("format %s has no fixture in testdata/statements/%s", f.Name, f.Name)
			}
		}
	}
	for format, files := range fx {
		for _, rel := range files {
			data, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			text := sniffHead(t, data)
			for _, f := range reg.Formats() {
				if got := f.Sniff(text); got != (f.Name == format) {
					t.Errorf("%s: format %s recognises it: %v, want %v", rel, f.Name, got, f.Name == format)
				}
			}
		}
	}
}

// TestPeerFixtures reads the statements of another project's test suite,
// byte for byte as that project ships them.
func TestPeerFixtures(t *testing.T) {
	dir := filepath.Join(root, "../shared/peer-fixtures/zaim-csv-converter")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/peer-fixtures is not here (a clone outside the workspace)")
	}
	reg := all.Registry(nil)
	tests := []struct {
		file    string
		format  string
		charges int
		errors  int
	}{
		{"gold_point_card_plus_201912_202007.csv", "vpass", 3, 0},
		// Without its total line the file cannot be checked: the charges
		// still count, and the missing total is an error.
		{"gold_point_card_plus_201912_202008_no_total.csv", "vpass", 3, 1},
		// The 11-column layout before 決済方法, UTF-8 without a BOM, LF.
		{"pay_pay_card_202208.csv", "paypay", 2, 0},
		// Vpass 未確定 of 2018: 支払予定月 "18/8" without the apostrophe, LF.
		{"gold_point_card_plus201807.csv", "vpass-preliminary", 2, 0},
		// ビューカード: meta lines, a card-block line, 通貨略称 of three spaces.
		{"view_card202005.csv", "view", 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := reg.ImportFile(filepath.Join(dir, tt.file))
			importertest.CheckFile(t, filepath.Join(dir, tt.file), res)
			if res.Format == nil || res.Format.Name != tt.format {
				t.Fatalf("format %v, want %s (errors %v)", res.Format, tt.format, res.Errors)
			}
			if n := len(res.Statement.Charges); n != tt.charges {
				t.Errorf("%d charges, want %d", n, tt.charges)
			}
			if len(res.Errors) != tt.errors {
				t.Errorf("errors %v, want %d", res.Errors, tt.errors)
			}
		})
	}
}

// peerExpected is the shape of ../shared/peer-fixtures/expected.json: for
// each file, the charges the peer project's own tests assert (date, amount in
// yen, refunds negative), and rows a reader may keep or skip.
type peerExpected map[string]struct {
	Charges  []peerCharge `json:"charges"`
	Optional []peerCharge `json:"optional"`
	Source   string       `json:"source"`
}

type peerCharge struct {
	Date   string `json:"date"` // "*": any
	Amount string `json:"amount"`
}

// TestPeerExpected reads every file that ../shared/peer-fixtures/expected.json
// lists, byte for byte as the peer projects ship them, and compares its
// charges with what the peer's tests assert: the same charges, in any order,
// the optional ones allowed, and no error (exit status 0). Payments (an
// autopay line) are not charges of the peers' lists.
func TestPeerExpected(t *testing.T) {
	dir := filepath.Join(root, "../shared/peer-fixtures")
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skip("../shared/peer-fixtures is not here (a clone outside the workspace)")
	}
	var want peerExpected
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("expected.json lists no file")
	}
	reg := all.Registry(nil)
	for file, exp := range want {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join(dir, file)
			res := reg.ImportFile(path)
			importertest.CheckFile(t, path, res)
			if len(res.Errors) > 0 || res.Statement == nil {
				t.Fatalf("errors (exit status 2): %v", res.Errors)
			}
			var got []peerCharge
			for _, c := range res.Statement.Charges {
				if c.Kind == statement.Payment || c.Kind == statement.Transfer {
					continue
				}
				got = append(got, peerCharge{c.Date.String(), c.Amount.String()})
			}
			left := append([]peerCharge(nil), exp.Charges...)
		next:
			for _, g := range got {
				for i, w := range left {
					if w == g {
						left = append(left[:i], left[i+1:]...)
						continue next
					}
				}
				for _, o := range exp.Optional {
					if o.Amount == g.Amount && (o.Date == "*" || o.Date == g.Date) {
						continue next
					}
				}
				t.Errorf("charge %v is not in the peer's list", g)
			}
			if len(left) > 0 {
				t.Errorf("charges %v of the peer's list not read; read %v", left, got)
			}
		})
	}
}

// TestNamesShared reads every fixture twice with one memo of merchant names
// shared by all ([importer.Names], as a run's reader shares it), forwards
// and backwards, and checks that each file reads as it does alone: what one
// file worked out from a merchant (its key, kind, masked text) is what any
// other file would, card numbers in the text included.
func TestNamesShared(t *testing.T) {
	reg := all.Registry(nil)
	var paths []string
	for _, files := range fixtures(t) {
		for _, rel := range files {
			paths = append(paths, filepath.Join(root, rel))
		}
	}
	alone := map[string]importer.Result{}
	for _, p := range paths {
		alone[p] = reg.ImportFile(p)
	}
	var names importer.Names
	for range 2 {
		for _, p := range paths {
			got, want := reg.ImportFileWith(p, &names), alone[p]
			if (got.Statement == nil) != (want.Statement == nil) {
				t.Fatalf("%s: statement %v with shared names, %v alone", p, got.Statement != nil, want.Statement != nil)
			}
			if got.Statement != nil && !reflect.DeepEqual(got.Statement, want.Statement) {
				t.Errorf("%s reads differently with names shared with other files", p)
			}
		}
		slices.Reverse(paths)
	}
}
