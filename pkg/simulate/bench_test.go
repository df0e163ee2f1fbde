package simulate_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/simulate"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// benchCards are ten cards: seven everyday ones, two family cards billed
// with them, and a corporate card; about 400 charges a month in all.
var benchCards = []simulate.Profile{
	simulate.Personal, simulate.Family, simulate.Personal, simulate.Family, simulate.Personal,
	simulate.Personal, simulate.Personal, simulate.Personal, simulate.Personal, simulate.Corporate,
}

var (
	benchMu    sync.Mutex
	benchCache = map[int][]*statement.Charge{}
)

// benchCharges returns the merged charges of months of the ten cards,
// generated in memory and imported through the real registry once.
func benchCharges(b *testing.B, months int) []*statement.Charge {
	benchMu.Lock()
	defer benchMu.Unlock()
	if cs, ok := benchCache[months]; ok {
		return cs
	}
	h := simulate.Generate(simulate.Options{Seed: 42, From: statement.NewDate(2012, 7, 1), Months: months, InjectFrom: months - 12, CleanPercent: 50, Cards: benchCards})
	reg := all.Registry(nil)
	var stmts []*statement.Statement
	for m := range months {
		for _, f := range h.Files(m, true) {
			res := reg.Import(f.Name, bytes.NewReader(f.Data))
			if len(res.Errors) > 0 {
				b.Fatal(res.Errors)
			}
			stmts = append(stmts, res.Statement)
		}
	}
	cs := scan.Merge(stmts)
	benchCache[months] = cs
	return cs
}

// BenchmarkCheck times scan.Check with every default rule over ten cards:
// building each card's view (learning its streams) and running the rules,
// after import. "window" checks each card's last 35 days against all its
// history, as cron does; "all" checks every charge. One, ten and twenty
// years give about 5,000, 50,000 and 100,000 charges, to show how the cost
// grows. Run it on one core:
//
//	go test -run '^$' -bench Check -cpu 1 ./pkg/simulate
func BenchmarkCheck(b *testing.B) {
	for _, years := range []int{1, 10, 20} {
		for _, mode := range []string{"window", "all"} {
			var n int
			b.Run(fmt.Sprintf("%s/%dy", mode, years), func(b *testing.B) {
				charges := benchCharges(b, 12*years)
				n = len(charges)
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					res := &scan.Result{Charges: charges}
					scan.Check(res, scan.Options{All: mode == "all"})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/charge")
				b.ReportMetric(float64(n), "charges")
			})
		}
	}
}
