package recurring

import (
	"bytes"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/simulate"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// BenchmarkLearn learns the streams of ten years of an everyday card
// (about 6,000 charges, dozens of payees, a few hundred charges each at
// the busiest shops).
func BenchmarkLearn(b *testing.B) {
	h := simulate.Generate(simulate.Options{Seed: 42, From: statement.NewDate(2012, 7, 1), Months: 120, InjectFrom: 120, Cards: []simulate.Profile{simulate.Personal}})
	reg := all.Registry(nil)
	var cs []*statement.Charge
	for m := range h.Months {
		for _, f := range h.Files(m, false) {
			r := reg.Import(f.Name, bytes.NewReader(f.Data))
			for i := range r.Statement.Charges {
				cs = append(cs, &r.Statement.Charges[i])
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Learn(cs)
	}
	b.ReportMetric(float64(len(cs)), "charges")
}
