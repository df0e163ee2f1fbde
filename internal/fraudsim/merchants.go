package fraudsim

import (
	"math/rand/v2"
	"strings"
)

// The merchant catalogue: names as Japanese statements print them (mostly
// full-width; foreign merchants in half-width ASCII). A cardholder picks a
// town and a few places of each kind, so two cardholders rarely share more
// than the big chains and services.

var towns = []string{"梅田", "難波", "天神", "博多駅前", "札幌駅前", "仙台一番町", "栄", "横浜西口", "川崎駅前", "大宮", "船橋", "吉祥寺",
	"立川", "三宮", "四条河原町", "広島本通", "那覇新都心", "金沢駅西", "静岡呉服町", "千葉中央", "新潟万代", "岡山駅前", "熊本下通", "高松瓦町"}

var (
	konbiniChains = []string{"セブン－イレブン", "ファミリーマート", "ローソン", "ミニストップ", "デイリーヤマザキ", "セイコーマート", "ナチュラルローソン"}
	superChains   = []string{"ライフ", "イオン", "マックスバリュ", "西友", "イトーヨーカドー", "サミット", "オーケー", "ヤオコー", "業務スーパー", "成城石井", "ロピア", "マルエツ", "万代", "サニー", "フレスタ", "コープ"}
	drugChains    = []string{"マツモトキヨシ", "ウエルシア薬局", "ツルハドラッグ", "スギ薬局", "サンドラッグ", "ココカラファイン", "ドラッグストアコスモス"}
	cafeChains    = []string{"スターバックスコーヒー", "ドトールコーヒー", "タリーズコーヒー", "コメダ珈琲店", "プロント", "上島珈琲店"}
	diningChains  = []string{"すき家", "松屋", "吉野家", "サイゼリヤ", "ガスト", "丸亀製麺", "大戸屋", "くら寿司", "スシロー", "鳥貴族", "日高屋", "餃子の王将", "ＣｏＣｏ壱番屋", "モスバーガー", "マクドナルド", "一蘭", "天下一品", "やよい軒"}
	diningKinds   = []string{"居酒屋", "ラーメン", "焼肉", "鮨", "ビストロ", "トラットリア", "そば処", "カフェ", "バル", "中華料理", "とんかつ", "食堂"}
	nameParts     = []string{"はな", "こはる", "ソラ", "ひなた", "ツバキ", "あさひ", "まる", "ゆず", "リン", "かえで", "ミナト", "さくら", "ナギ", "こむぎ", "いろは", "たけ", "ヒカリ", "うみ"}
	apparel       = []string{"ユニクロ", "ＧＵ", "ＺＡＲＡ", "無印良品", "ＡＢＣマート", "しまむら", "ワークマン"}
	leisure       = []string{"ＴＯＨＯシネマズ", "紀伊國屋書店", "蔦屋書店", "ダイソー", "ロフト", "ハンズ", "カラオケまねきねこ", "ジュンク堂書店"}
	gasChains     = []string{"ＥＮＥＯＳ", "出光", "コスモ石油", "キグナス石油"}
	salonNames    = []string{"ヘアサロン", "美容室", "ヘアメイク", "理容室"}
	clinicKinds   = []string{"内科クリニック", "歯科医院", "皮膚科", "眼科", "整形外科"}

	// online retailers whose one order may bill as several charges.
	onlineShops = []string{"ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "楽天市場", "ＹＡＨＯＯ！ショッピング", "ＺＯＺＯＴＯＷＮ", "ＬＯＨＡＣＯ", "メルカリ"}
	// transit and wallet top-ups, at round amounts.
	transitTopUps = []string{"モバイルＳｕｉｃａ", "モバイルＰＡＳＭＯ", "ＳＭＡＲＴ　ＩＣＯＣＡ"}
	walletTopUps  = []string{"楽天キャッシュ　チャージ", "ａｕ　ＰＡＹ　チャージ", "ＰａｙＰａｙ　チャージ", "ＷＡＯＮ　チャージ", "ｎａｎａｃｏ　クレジットチャージ"}
	furusato      = []string{"さとふる", "ふるなび", "ふるさとチョイス", "楽天ふるさと納税", "ふるさと本舗"}

	phones       = []string{"ＮＴＴドコモ　ご利用料金", "ＫＤＤＩ　ａｕ通信料", "ソフトバンク　携帯電話料金", "楽天モバイル　通信料", "ワイモバイル　通信料", "ＵＱ　ｍｏｂｉｌｅ"}
	power        = []string{"東京電力エナジーパートナー", "関西電力", "中部電力ミライズ", "九州電力", "北海道電力", "東北電力"}
	gasUtilities = []string{"東京ガス", "大阪ガス", "東邦ガス", "西部ガス"}
	water        = []string{"東京都水道局", "大阪市水道局", "横浜市水道局", "福岡市水道局"}
	internet     = []string{"ＮＵＲＯ光", "ソフトバンク光", "ドコモ光", "ａｕひかり", "ビッグローブ光", "フレッツ光　ＮＴＴ東日本"}
	insurers     = []string{"ソニー生命", "アフラック", "楽天生命", "東京海上日動", "ライフネット生命"}
	gyms         = []string{"エニタイムフィットネス", "ゴールドジム", "カーブス", "ｃｈｏｃｏＺＡＰ", "ティップネス"}

	electronicsStores = []string{"ビックカメラ", "ヨドバシカメラ", "ヤマダデンキ", "ケーズデンキ", "エディオン", "ジョーシン"}
	furnitureStores   = []string{"ニトリ", "ＩＫＥＡ", "島忠", "大塚家具", "カインズ"}
	airlines          = []string{"ＪＡＬ　インターネット", "ＡＮＡ　ＳＫＹ　ＷＥＢ", "ＥＸＰＥＤＩＡ", "ＨＩＳ　オンライン", "ＪＴＢ", "ピーチ・アビエーション", "ＺＩＰＡＩＲ"}
	domesticTravel    = []string{"楽天トラベル", "じゃらんｎｅｔ", "一休．ｃｏｍ", "ＪＲ東海　ＥＸサービス", "えきねっと（ＪＲ東日本）"}
	taxis             = []string{"ＧＯ　タクシー", "日本交通　タクシー", "ＤｉＤｉ　タクシー"}
	delivery          = []string{"出前館", "ＵＢＥＲ　ＥＡＴＳ", "ｗｏｌｔ"}
)

// sub is a subscription: a fixed price (in yen, or in US cents) and a
// cadence in months.
type sub struct {
	name  string
	yen   int64
	cents int64 // set for a dollar subscription
	every int
	// rise, when set, is the new price of a price rise.
	rise int64
}

// knownSubs are well-known subscription services an everyday card takes up.
var knownSubs = []sub{
	{name: "ＮＥＴＦＬＩＸ．ＣＯＭ", yen: 1490, every: 1, rise: 1590},
	{name: "ＳＰＯＴＩＦＹ", yen: 980, every: 1, rise: 1080},
	{name: "ＡＭＡＺＯＮ　ＰＲＩＭＥ", yen: 600, every: 1},
	{name: "ＡＭＡＺＯＮ　ＰＲＩＭＥ", yen: 5900, every: 12},
	{name: "ＧＯＯＧＬＥ　＊ＹｏｕＴｕｂｅ　Ｐｒｅｍｉｕｍ", yen: 1280, every: 1},
	{name: "ＤＩＳＮＥＹ　ＰＬＵＳ", yen: 990, every: 1, rise: 1140},
	{name: "Ｕ－ＮＥＸＴ", yen: 2189, every: 1},
	{name: "ＤＡＺＮ", yen: 3700, every: 1, rise: 4200},
	{name: "ＨＵＬＵ", yen: 1026, every: 1},
	{name: "ＡＢＥＭＡ", yen: 960, every: 1},
	{name: "ＬＩＮＥ　ＭＵＳＩＣ", yen: 980, every: 1},
	{name: "ＡＤＯＢＥ", yen: 2380, every: 1},
	{name: "ＭＩＣＲＯＳＯＦＴ　３６５", yen: 14900, every: 12},
	{name: "ＮＩＮＴＥＮＤＯ", yen: 2400, every: 12},
	{name: "OPENAI *CHATGPT SUBSCR", cents: 2000, every: 1},
	{name: "CLAUDE.AI SUBSCRIPTION", cents: 2000, every: 1},
	{name: "DROPBOX", cents: 1199, every: 1},
	{name: "日経電子版", yen: 4277, every: 1},
}

// cloudBills are usage-billed dollar services that grow with their user.
var cloudBills = []string{"AMAZON WEB SERVICES", "GITHUB, INC.", "GOOGLE *CLOUD", "OPENAI", "VERCEL INC.", "DIGITALOCEAN.COM", "CLOUDFLARE", "NOTION LABS"}

// appStores are where everyday cards buy apps and games, and where stolen
// cards are spent.
var appStores = []string{"ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ", "ＧＯＯＧＬＥ　＊Ｇｏｏｇｌｅ　Ｐｌａｙ", "ＰＬＡＹＳＴＡＴＩＯＮ　ＮＥＴＷＯＲＫ", "ニンテンドーｅショップ", "STEAMGAMES.COM 4259522985"}

// giftSellers sell cash-like goods.
var giftSellers = []string{"ＡＭＡＺＯＮ　ギフトカード", "ＡＰＰＬＥ　ＧＩＦＴ　ＣＡＲＤ", "ＧＯＯＧＬＥ　＊ＰＬＡＹ　ＧＩＦＴ", "ＰＯＳＡ　ギフトカード"}

// webElectronics are electronics web shops.
var webElectronics = []string{"ヨドバシ．ｃｏｍ", "ビックカメラ．ｃｏｍ", "ＡＰＰＬＥ　ＳＴＯＲＥ　オンライン", "ソフマップ．ｃｏｍ", "ジョーシンＷＥＢ"}

// destination is a trip abroad.
type destination struct {
	country, currency string
	// rateMilli is yen per unit in thousandths, around which the day's
	// rate moves; unitCents is how many cents the local prices below are
	// multiplied by (1 for dollars and euros, 100 for won).
	rateMilli int64
	unit      int64
	hotels    []string
	places    []string
}

var destinations = []destination{
	{"USA", "USD", 150000, 1, []string{"HILTON HAWAIIAN VILLAGE", "SHERATON WAIKIKI", "HYATT REGENCY WAIKIKI", "MARRIOTT NYC TIMES SQ"},
		[]string{"ABC STORES #38", "DUKES WAIKIKI", "UBER *TRIP", "TARGET T-2697", "WHOLE FOODS MKT", "STARBUCKS STORE 1207", "ROSS STORES #1124", "CHEESECAKE FACTORY"}},
	{"KOR", "KRW", 110, 100, []string{"LOTTE HOTEL SEOUL", "HOTEL SHILLA", "NINE TREE HOTEL MYEONGDONG"},
		[]string{"OLIVE YOUNG MYEONGDONG", "GS25 MYEONGDONG", "LOTTE DUTY FREE", "KAKAO T TAXI", "MYEONGDONG KYOJA", "EMART SEOUL"}},
	{"TWN", "TWD", 4700, 1, []string{"GRAND HYATT TAIPEI", "PALAIS DE CHINE HOTEL", "MANDARIN ORIENTAL TAIPEI"},
		[]string{"DIN TAI FUNG XINYI", "FAMILYMART TAIPEI", "EASYCARD TOPUP", "SOGO ZHONGXIAO", "TAIPEI 101 OBSERVATORY", "UBER *TRIP"}},
	{"THA", "THB", 4200, 1, []string{"MANDARIN ORIENTAL BKK", "CENTARA GRAND BANGKOK", "AVANI RIVERSIDE"},
		[]string{"SIAM PARAGON", "GRAB *TAXI", "7-ELEVEN BANGKOK", "CENTRAL WORLD", "BOOTS SIAM", "SOMBOON SEAFOOD"}},
	{"FRA", "EUR", 162000, 1, []string{"HOTEL LUTETIA PARIS", "NOVOTEL PARIS LES HALLES", "CITIZENM PARIS GARE"},
		[]string{"GALERIES LAFAYETTE", "MONOPRIX PARIS", "RATP PARIS", "LADUREE CHAMPS ELYSEES", "MUSEE DU LOUVRE", "BRASSERIE LIPP"}},
	{"SGP", "SGD", 112000, 1, []string{"MARINA BAY SANDS", "PAN PACIFIC SINGAPORE", "HOTEL G SINGAPORE"},
		[]string{"GRAB *RIDE", "CHANGI AIRPORT DFS", "TOAST BOX", "MUSTAFA CENTRE", "GARDENS BY THE BAY", "NTUC FAIRPRICE"}},
	{"GBR", "GBP", 188000, 1, []string{"THE SAVOY LONDON", "PREMIER INN LONDON", "HILTON LONDON METROPOLE"},
		[]string{"TFL TRAVEL CHARGE", "PRET A MANGER", "HARRODS", "TESCO STORES", "BRITISH MUSEUM SHOP", "DISHOOM"}},
}

// fraudWords make up the names of merchants fraudsters use: web shops,
// "services" and processors nobody remembers signing up to.
var (
	fraudHeads = []string{"ＳＭＡＲＴ", "ＰＲＥＭＩＵＭ", "ＷＥＢ", "ｍｙ", "ＤＩＧＩ", "ＬＵＸＥ", "ＧＬＯＢＡＬ", "ＮＥＸＴ", "ＦＡＳＴ", "ＣＬＯＵＤ", "ＣＯＮＴＥＮＴＳ", "ＦＩＴ"}
	fraudTails = []string{"ＭＥＭＢＥＲＳ", "ＳＥＲＶＩＣＥ", "ＳＴＯＲＥ", "ＣＬＵＢ", "ＰＬＵＳ", "ＳＨＯＰ", "ＰＡＳＳ", "ＬＩＦＥ", "ＢＯＸ", "ＬＡＢ"}
	asciiHeads = []string{"VPN", "SECURE", "MEDIA", "PIXEL", "NOVA", "ZEN", "ORBIT", "PRIME", "TRUST", "LUMA", "VIVID", "ECHO"}
	asciiTails = []string{"PRO", "HUB", "STORE", "SUB", "PAY", "DEALS", "MART", "BILL", "APP", "NET"}
	asciiTLDs  = []string{".COM", ".NET", ".IO", " LTD", " LLC", ""}
	procs      = []string{"", "", "PAYPAL *", "DLS*", "PADDLE.NET* ", "SP * ", "FS *"}
)

// strangerName returns the name of a merchant nobody on the card knows: a
// full-width Japanese-style web service, or a foreign-looking one with a
// processor in front. ascii forces the foreign form.
func strangerName(r *rand.Rand, ascii bool) string {
	if !ascii && r.IntN(2) == 0 {
		return pick(r, fraudHeads) + "　" + pick(r, fraudTails) + pick(r, []string{"", "", "　オンライン", "　ＪＰ"})
	}
	return pick(r, procs) + pick(r, asciiHeads) + pick(r, asciiTails) + pick(r, asciiTLDs)
}

// store returns a chain's branch in town: "ライフ　梅田店".
func store(chain, town string) string { return chain + "　" + town + "店" }

// placeName invents a small restaurant or shop: "居酒屋　ゆずまる".
func placeName(r *rand.Rand, kinds []string) string {
	return pick(r, kinds) + "　" + pick(r, nameParts) + pick(r, []string{"", "", "屋", "亭", "堂"}) + pick(r, []string{"", pick(r, nameParts)})
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickN returns n distinct elements of xs in random order.
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	out := make([]T, 0, n)
	for _, i := range r.Perm(len(xs))[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}

// zipf picks from xs favouring the first ones: the regular places.
func zipf[T any](r *rand.Rand, xs []T) T {
	i := r.IntN(len(xs))
	return xs[r.IntN(i+1)]
}

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1) }

// chance is true with probability pct percent.
func chance(r *rand.Rand, pct int) bool { return r.IntN(100) < pct }

// receipt returns a shop's total between lo and hi: most are small, a few
// large, ending in a plausible digit.
func receipt(r *rand.Rand, lo, hi int64) int64 {
	span := hi - lo
	v := lo + span*r.Int64N(1001)/1000*r.Int64N(1001)/1000
	return max(lo, v-v%10+pick(r, []int64{0, 0, 8, 0, 6, 0, 4}))
}

// roundTo rounds n to a multiple of unit, at least unit.
func roundTo(n, unit int64) int64 { return max(unit, (n+unit/2)/unit*unit) }

// isASCII reports whether s is printable ASCII: a foreign merchant's name.
func isASCII(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e }) < 0
}
