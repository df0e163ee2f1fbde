package rules

import (
	"slices"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

func TestKindOf(t *testing.T) {
	for _, tt := range []struct {
		merchant string
		want     Kind
	}{
		{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", OnlineRetailer},
		{"ＡＭＡＺＯＮ　ＰＲＩＭＥ", Service},
		{"ＡＭＡＺＯＮ　ギフトカード", OtherKind},
		{"ふるなび", Donation},
		{"楽天ふるさと納税", Donation},
		{"モバイルＳｕｉｃａ", TopUp},
		{"ヨドバシ．ｃｏｍ", OnlineRetailer},
		{"ヨドバシカメラ　梅田店", BigTicket},
		{"ＡＮＡ　ＳＫＹ　ＷＥＢ", BigTicket},
		{"BANANA REPUBLIC", OtherKind}, // ANA only as a word
		{"PREMIER INN LONDON", BigTicket},
		{"ＮＥＴＦＬＩＸ．ＣＯＭ", Service},
		{"東京電力エナジーパートナー", Service},
		{"セブン－イレブン　梅田店", OtherKind},
	} {
		if got := KindOf(buy("2022-01-01", tt.merchant, 1000)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.merchant, got, tt.want)
		}
	}
}

func TestPoissonTail(t *testing.T) {
	for _, tt := range []struct {
		lambda float64
		n      int
		lo, hi float64
	}{
		{0, 3, 0, 0},
		{2, 3, 0.32, 0.33}, // a konbini visited daily: three in two days is common
		{0.1, 3, 0.00015, 0.00016},
		{1, 0, 1, 1},
	} {
		if p := poissonTail(tt.lambda, tt.n); p < tt.lo || p > tt.hi {
			t.Errorf("poissonTail(%v, %d) = %v, want %v–%v", tt.lambda, tt.n, p, tt.lo, tt.hi)
		}
	}
}

// The shapes of everyday life that look like bursts are judged against the
// card's habits and the kind of merchant; fraud's shapes are not excused by
// them.
func TestBurstHabits(t *testing.T) {
	base := everyday(21, 365)
	for _, tt := range []struct {
		name    string
		charges []*statement.Charge
		burst   bool
	}{
		{"three visits in a day to the konbini the card visits most days",
			one(buy("2021-12-06", "セブン－イレブン　品川駅前店", 420), buy("2021-12-06", "セブン－イレブン　品川駅前店", 980), buy("2021-12-06", "セブン－イレブン　品川駅前店", 260)), false},
		{"six donations on one day, the first ever",
			one(buy("2021-12-20", "さとふる", 10000), buy("2021-12-20", "さとふる", 20000), buy("2021-12-20", "さとふる", 15000),
				buy("2021-12-20", "さとふる", 30000), buy("2021-12-20", "さとふる", 10000), buy("2021-12-20", "さとふる", 12000)), false},
		{"one order billed as four charges over two days",
			one(buy("2021-12-08", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", 2480), buy("2021-12-08", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", 980), buy("2021-12-09", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", 5400), buy("2021-12-09", "ＡＭＡＺＯＮ．ＣＯ．ＪＰ", 1200)), false},
		{"three ¥30,000 charges at the konbini: far above its amounts",
			one(buy("2021-12-06", "セブン－イレブン　品川駅前店", 30000), buy("2021-12-06", "セブン－イレブン　品川駅前店", 30000), buy("2021-12-06", "セブン－イレブン　品川駅前店", 30000)), true},
		{"five at a new app store", appBurst("2021-12-10", 5, 3000), true},
		{"three visits in a day to the konbini, each dearer than any before",
			one(buy("2021-12-06", "セブン－イレブン　品川駅前店", 2400), buy("2021-12-06", "セブン－イレブン　品川駅前店", 3100), buy("2021-12-07", "セブン－イレブン　品川駅前店", 2800)), false},
		{"one order of six items at a shop never used, ¥42,000 in all",
			one(buy("2021-12-08", "ＬＯＨＡＣＯ", 12400), buy("2021-12-08", "ＬＯＨＡＣＯ", 8800), buy("2021-12-09", "ＬＯＨＡＣＯ", 9900),
				buy("2021-12-09", "ＬＯＨＡＣＯ", 3300), buy("2021-12-10", "ＬＯＨＡＣＯ", 4200), buy("2021-12-10", "ＬＯＨＡＣＯ", 3400)), false},
		{"three electronics orders at a shop never used, ¥60,000 in all",
			one(buy("2021-12-08", "ＬＯＨＡＣＯ", 14800), buy("2021-12-08", "ＬＯＨＡＣＯ", 14900), buy("2021-12-09", "ＬＯＨＡＣＯ", 30300)), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := rule("burst").Check(cardOf("2021-12-01", "2021-12-31", join(base, tt.charges), nil))
			found := false
			for _, f := range fs {
				found = found || f.Charges[0].Payee == tt.charges[0].Payee
			}
			if found != tt.burst {
				t.Errorf("burst %v, want %v: %v", found, tt.burst, flagged(fs))
			}
		})
	}
}

// A trip abroad explains small foreign charges and the hotel, and its
// first day is explained by the days after it in the same statement (the
// first shop abroad is no foreign warning, three visits to it no burst); a
// lone large foreign online charge stays a warning.
func TestTripContext(t *testing.T) {
	base := everyday(22, 365)
	hawaii := one(
		foreign("2021-12-03", "ABC STORES #38", 2400, "16.00", "USD"),
		foreign("2021-12-03", "DUKES WAIKIKI", 9800, "65.50", "USD"),
		foreign("2021-12-04", "ABC STORES #38", 1500, "10.00", "USD"),
		foreign("2021-12-04", "ABC STORES #38", 3100, "20.70", "USD"),
		foreign("2021-12-05", "ABC STORES #38", 900, "6.00", "USD"),
		foreign("2021-12-06", "HILTON HAWAIIAN VILLAGE", 180000, "1200.00", "USD"))
	taipei := one(foreign("2021-12-03", "FAMILYMART TAIPEI", 2500, "560", "TWD"), foreign("2021-12-03", "FAMILYMART TAIPEI", 6800, "1520", "TWD"),
		foreign("2021-12-04", "FAMILYMART TAIPEI", 9100, "2030", "TWD"), foreign("2021-12-04", "EASYCARD TOPUP", 1300, "290", "TWD"),
		foreign("2021-12-05", "UBER *TRIP", 2200, "490", "TWD"), foreign("2021-12-06", "TAIPEI 101 OBSERVATORY", 1700, "380", "TWD"))
	for _, trip := range [][]*statement.Charge{hawaii, taipei} {
		fs := run(cardOf("2021-12-01", "2021-12-31", join(base, trip), nil))
		if got := atLeast(fs, severity.Warning); len(got) > 0 {
			t.Errorf("a trip reported: %v", flagged(got))
		}
	}
	// Seen on its first day alone (the statement closed that day), the
	// trip's first charges are what they look like.
	if fs := run(cardOf("2021-11-04", "2021-12-03", join(base, taipei[:2]), nil)); len(atLeast(fs, severity.Warning)) == 0 {
		t.Errorf("the first day alone: nothing reported")
	}
	lone := one(foreign("2021-12-14", "LUXEDEALS.COM", 98000, "650.00", "USD"))
	fs := run(cardOf("2021-12-01", "2021-12-31", join(base, lone), nil))
	if got := atLeast(fs, severity.Warning); len(got) != 1 || got[0].Charges[0].Payee != "LUXEDEALS.COM" {
		t.Errorf("a lone large foreign charge: %v", flagged(fs))
	}
}

// A large first purchase where large purchases are the trade is noted, not
// warned of; elsewhere it is a warning.
func TestBigTicketContext(t *testing.T) {
	base := everyday(23, 365)
	fs := rule("new-merchant").Check(cardOf("2021-12-01", "2021-12-31", join(base, one(buy("2021-12-11", "ニトリ　梅田店", 128000), buy("2021-12-12", "ＬＵＸＥ　ＳＴＯＲＥ", 128000))), nil))
	if got := flagged(fs); len(got) != 2 || got[0] != "alert 2021-12-12 LUXE STORE 128000" || got[1] != "info 2021-12-11 ニトリ 梅田店 128000" {
		t.Errorf("got %q", got)
	}
	mustContain(t, fs, "it sells big-ticket items (electronics, furniture, travel), where a large first purchase is usual")
}

// A charge far above what the card pays a payee it uses is a warning with
// the range; a big-ticket seller's large sale is not.
func TestAboveRange(t *testing.T) {
	var topUps []*statement.Charge
	for i, day := range []string{"2021-01-05", "2021-02-19", "2021-03-02", "2021-04-27", "2021-06-11", "2021-06-30", "2021-08-14", "2021-09-03", "2021-10-22", "2021-11-08", "2021-11-29"} {
		topUps = append(topUps, buy(day, "ＰａｙＰａｙ　チャージ", []int64{3000, 2000}[i%2]))
	}
	base := join(everyday(24, 365), topUps)
	cs := join(base, one(buy("2021-12-07", "ＰａｙＰａｙ　チャージ", 50000), buy("2021-12-08", "ＰａｙＰａｙ　チャージ", 45000), buy("2021-12-09", "ヨドバシカメラ", 98000)))
	fs := rule("above-range").Check(cardOf("2021-12-01", "2021-12-31", cs, nil))
	// The second top-up is judged against the range before the statement,
	// not against the first.
	if got := flagged(fs); len(got) != 2 || got[0] != "warning 2021-12-07 PAYPAY チャージ 50000" || got[1] != "warning 2021-12-08 PAYPAY チャージ 45000" {
		t.Fatalf("got %q", got)
	}
	mustContain(t, fs, "PAYPAY チャージ charged ¥50,000 on 2021-12-07, 16.7× the most this card paid it in the last year (¥3,000, over 11 purchases); the limit is 4×")
}

// A phone bill that moves with calls is a bill on a recurring-only card
// whatever streams its amounts make: its dates are monthly.
func TestVolatileBillOnRecurringOnlyCard(t *testing.T) {
	phone := []int64{6200, 9800, 7100, 11800, 6900, 8400, 12500, 7600, 9900, 6400, 13200, 8800, 10400, 7300, 11900}
	var cs []*statement.Charge
	for i, y := range phone {
		cs = append(cs, buy(d("2021-01-20").AddMonths(i).String(), "ソフトバンク　携帯電話料金", y))
	}
	card := cardOf("2022-03-01", "2022-03-31", join(corporate(15), cs), nil)
	for _, f := range atLeast(run(card), severity.Warning) {
		if !f.CardLevel {
			t.Errorf("%v: %s", flagged([]Finding{f}), summary(f))
		}
	}
}

// At an app store the card uses, a few purchases at the prices it pays
// there are a game's items; the same store charging one price again and
// again, or far above those prices, is a burst.
func TestAppStoreHabit(t *testing.T) {
	var apps []*statement.Charge
	for i, day := range []string{"2021-06-03", "2021-07-19", "2021-08-02", "2021-09-27", "2021-10-11", "2021-11-20"} {
		apps = append(apps, buy(day, "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", []int64{610, 3060, 250, 1220, 480, 980}[i]))
	}
	base := join(everyday(25, 365), apps)
	for _, tt := range []struct {
		name    string
		charges []*statement.Charge
		burst   bool
	}{
		{"four items of a game at its prices", one(buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 610), buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 250),
			buy("2021-12-05", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 3060), buy("2021-12-05", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 480)), false},
		{"one price three times", one(buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 1500), buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 1500),
			buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 1500)), true},
		{"far above its prices", one(buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 9800), buy("2021-12-04", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 12000),
			buy("2021-12-05", "ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", 7400)), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := rule("burst").Check(cardOf("2021-12-01", "2021-12-31", join(base, tt.charges), nil))
			if found := len(fs) > 0; found != tt.burst {
				t.Errorf("burst %v, want %v: %v", found, tt.burst, flagged(fs))
			}
		})
	}
}

// A thief's smaller orders around a large one at a shop new to the card
// are one finding with it; two large ones that each stay under the limit
// add up to a large first purchase.
func TestNewMerchantTakesTheVisit(t *testing.T) {
	base := everyday(27, 365)
	for _, tt := range []struct {
		charges []*statement.Charge
		want    []string
		says    string
	}{
		{one(buy("2021-12-08", "ビックカメラ．ｃｏｍ", 15630), buy("2021-12-09", "ビックカメラ．ｃｏｍ", 146530), buy("2021-12-20", "ビックカメラ．ｃｏｍ", 2980)),
			[]string{"alert 2021-12-08 ビックカメラ.COM 15630", "alert 2021-12-09 ビックカメラ.COM 146530"}, "charged ¥146,530 and is new to this card"},
		{one(buy("2021-12-08", "ＡＰＰＬＥ　ＳＴＯＲＥ　オンライン", 21230), buy("2021-12-08", "ＡＰＰＬＥ　ＳＴＯＲＥ　オンライン", 28970)),
			[]string{"warning 2021-12-08 APPLE STORE オンライン 21230", "warning 2021-12-08 APPLE STORE オンライン 28970"}, "charged ¥50,200 in 2 charges over a day or two and is new to this card"},
	} {
		var fs []Finding
		for _, f := range run(cardOf("2021-12-01", "2021-12-31", join(base, tt.charges), nil)) {
			if f.Charges[0].Payee == tt.charges[0].Payee {
				fs = append(fs, f)
			}
		}
		if got := flagged(fs); !slices.Equal(got, tt.want) {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		mustContain(t, fs, tt.says)
	}
}
