package state

import (
	"fmt"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// BenchmarkClassifyNothingStored classifies the demo's findings against an
// empty state (a first run, or one with nothing reported yet) beside 1,000
// and then 100,000 charges: the state step touches no charge then, so
// allocs/op and B/op are the same at both sizes (issue 12: no per-charge
// allocations in the state step when nothing is stored).
func BenchmarkClassifyNothingStored(b *testing.B) {
	cfg, err := config.Load("../../testdata/demo/config.yaml", true)
	if err != nil {
		b.Fatal(err)
	}
	res := scan.Run([]string{"../../testdata/demo"}, scan.Options{Config: cfg})
	if len(res.Findings) == 0 {
		b.Fatal("no findings in the demo")
	}
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("%dk-charges", n/1000), func(b *testing.B) {
			charges := make([]*statement.Charge, n)
			for i := range charges {
				charges[i] = res.Charges[i%len(res.Charges)]
			}
			in := Scan{Findings: res.Findings, Charges: charges, Complete: true}
			s := New()
			b.ReportAllocs()
			for range b.N {
				s.Classify(in)
			}
		})
	}
}
