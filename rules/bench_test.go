package rules

import (
	"fmt"
	"testing"
)

// BenchmarkRules times the engine alone (every default rule, combining and
// the adjusters) on ten everyday cards of ten years, about 55,000 charges,
// with each card's view built beforehand: the part of scan.Check this
// package adds to learning the streams. Checking the last 35 days is what
// cron does; "all" checks every charge. pkg/simulate's BenchmarkCheck times
// the whole of scan.Check.
//
//	go test -run '^$' -bench Rules -cpu 1 ./rules
func BenchmarkRules(b *testing.B) {
	for _, mode := range []string{"window", "all"} {
		b.Run(mode, func(b *testing.B) {
			var cards []*Card
			n := 0
			for seed := range uint64(10) {
				cs := everyday(seed, 3650)
				from := d("2021-01-01")
				if mode == "window" {
					from = d("2021-01-01").AddDays(3650 - 35)
				}
				cards = append(cards, NewCard(fmt.Sprint("card ", seed), cs, from, d("2021-01-01").AddDays(3650), nil))
				n += len(cs)
			}
			eng := Default()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				for _, c := range cards {
					c.stats, c.months, c.refunds, c.inWindow = nil, nil, nil, nil
				}
				eng.Run(cards)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/charge")
			b.ReportMetric(float64(n), "charges")
		})
	}
}
