package scan

import (
	"fmt"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// manyFiles is n statements of one charge each, all of one card on one day
// (issue 10's 100k small files), every third repeating the charge before.
func manyFiles(n int) []*statement.Statement {
	stmts := make([]*statement.Statement, n)
	for i := range stmts {
		p := fmt.Sprintf("SHOP %d", i-i%3)
		stmts[i] = &statement.Statement{Charges: []statement.Charge{charge(24, p, 100, smbc)}}
	}
	return stmts
}

// TestMergeManyFiles: charges of one card and day in many files are each
// counted once, however many files there are.
func TestMergeManyFiles(t *testing.T) {
	for _, n := range []int{1, 2, 3, 10, 3001} {
		if got, want := len(Merge(manyFiles(n))), (n+2)/3; got != want {
			t.Errorf("%d files: %d charges, want %d", n, got, want)
		}
	}
	// Spans that meet on one day only, and one that covers the others.
	a := &statement.Statement{Charges: []statement.Charge{charge(1, "A", 1, smbc), charge(10, "B", 1, smbc)}}
	b := &statement.Statement{Charges: []statement.Charge{charge(10, "B", 1, smbc), charge(20, "C", 1, smbc)}}
	c := &statement.Statement{Charges: []statement.Charge{charge(20, "C", 1, smbc), charge(20, "C", 1, smbc)}}
	wide := &statement.Statement{Charges: []statement.Charge{charge(1, "A", 1, smbc), charge(31, "Z", 1, smbc)}}
	if got := len(Merge([]*statement.Statement{a, b, c, wide})); got != 5 {
		t.Errorf("A, B once, C twice, Z: %d charges, want 5", got)
	}
}

// BenchmarkMergeManyFiles: the merge of 10,000 one-charge files of one
// card and day, the work of issue 10's folder of small files. Finding the
// days files share was a scan of every other file per file and per charge
// (n²: 4,000 files 4.8 s, 100,000 files over 20 minutes end to end).
func BenchmarkMergeManyFiles(b *testing.B) {
	stmts := manyFiles(10000)
	b.ReportAllocs()
	for b.Loop() {
		Merge(stmts)
	}
}
