package rules

import (
	"strings"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Kind is a kind of merchant whose habits differ from a shop's: several
// charges a day are normal at some, large first purchases at others. The
// kinds are recognised by name from the built-in lists in [MerchantKinds].
type Kind int

// The kinds.
const (
	OtherKind Kind = iota
	// OnlineRetailer: one order bills as several charges over one to three
	// days, one per item or per shop.
	OnlineRetailer
	// Donation: ふるさと納税 portals and charities, where several donations
	// on one day are the way it is done.
	Donation
	// TopUp: transit cards and wallets topped up by card, often several
	// times a day at round amounts.
	TopUp
	// BigTicket: electronics and furniture stores, airlines, travel agents,
	// hotels and railways: large purchases are their trade.
	BigTicket
	// Service: well-known subscription services and billers (streaming,
	// software, news, phone, power, gas, water, insurance, gyms): a new
	// recurring payment there is the user's own more often than not.
	Service
)

var kindNames = [...]string{"other", "online retailer", "donation site", "top-up", "big-ticket seller", "subscription service or biller"}

func (k Kind) String() string { return kindNames[k] }

// MerchantKinds are the built-in lists, in the order they are tried. A
// pattern is matched against the payee key (and against the processor
// followed by the key): Japanese and punctuated patterns anywhere in it,
// plain ASCII words only as whole words ("ANA" is not in "BANANA").
var MerchantKinds = []struct {
	Kind     Kind
	Patterns []string
}{
	{Donation, []string{"ふるさと納税", "さとふる", "ふるなび", "ふるさとチョイス", "ふるさと本舗", "ふるさとプレミアム", "ふるさとパレット", "寄付", "寄附", "DONATION", "ユニセフ", "UNICEF", "赤十字"}},
	{TopUp, []string{"チャージ", "SUICA", "PASMO", "ICOCA", "MANACA", "TOICA", "SUGOCA", "NIMOCA", "KITACA", "EDY", "WAON", "NANACO", "TOP-UP", "TOPUP"}},
	{OnlineRetailer, []string{"AMAZON.CO.JP", "AMAZON CO JP", "AMAZON.JP", "AMAZON MARKETPLACE", "AMZN MKTP", "楽天市場", "楽天ブックス", "YAHOO!ショッピング", "YAHOOショッピング", "PAYPAYモール", "LOHACO", "ZOZOTOWN", "メルカリ", "QOO10", "モノタロウ", "MONOTARO", "アスクル", "ASKUL", "ヨドバシ.COM", "ビックカメラ.COM", "ソフマップ.COM", "ジョーシンWEB", "ユニクロオンライン", "AUPAYマーケット", "AU PAY マーケット"}},
	{BigTicket, []string{"ビックカメラ", "ヨドバシ", "ヤマダデンキ", "ヤマダ電機", "ケーズデンキ", "エディオン", "ジョーシン", "ノジマ", "コジマ", "ソフマップ", "ニトリ", "IKEA", "大塚家具", "島忠", "カインズ", "家具",
		"JAL", "ANA", "日本航空", "全日空", "PEACH", "ピーチ", "ZIPAIR", "JETSTAR", "ジェットスター", "スカイマーク", "SKYMARK", "スターフライヤー", "航空", "AIRLINES", "AIRWAYS",
		"EXPEDIA", "エクスペディア", "BOOKING.COM", "AGODA", "HOTELS.COM", "TRIP.COM", "JTB", "HIS", "近畿日本ツーリスト", "日本旅行", "楽天トラベル", "じゃらん", "一休", "旅行",
		"HOTEL", "ホテル", "INN", "RESORT", "旅館", "HILTON", "MARRIOTT", "HYATT", "SHERATON", "WESTIN", "新幹線", "JR東海", "JR東日本", "JR西日本", "えきねっと", "EXサービス", "EX予約"}},
	{Service, []string{"NETFLIX", "SPOTIFY", "AMAZON PRIME", "PRIME VIDEO", "KINDLE UNLIMITED", "AUDIBLE", "YOUTUBE", "GOOGLE ONE", "GOOGLE STORAGE",
		"DISNEY", "U-NEXT", "DAZN", "HULU", "ABEMA", "LINE MUSIC", "AWA", "ADOBE", "MICROSOFT", "NINTENDO", "PLAYSTATION", "XBOX", "OPENAI", "CHATGPT", "CLAUDE.AI", "ANTHROPIC",
		"DROPBOX", "EVERNOTE", "NOTION", "ZOOM", "CANVA", "GITHUB", "AMAZON WEB SERVICES", "AWS", "GOOGLE CLOUD", "GOOGLE *CLOUD", "CLOUDFLARE", "VERCEL", "DIGITALOCEAN",
		"日経", "日本経済新聞", "朝日新聞", "読売新聞", "毎日新聞", "新聞", "NHK",
		"電力", "電気", "ガス", "水道", "ドコモ", "DOCOMO", "AHAMO", "KDDI", "AU通信", "ソフトバンク", "SOFTBANK", "楽天モバイル", "ワイモバイル", "Y!MOBILE", "UQ", "POVO", "LINEMO", "携帯", "通信料", "フレッツ", "ひかり", "光回線", "ソフトバンク光", "ドコモ光",
		"NURO", "BIGLOBE", "ビッグローブ", "OCN", "SO-NET", "プロバイダ", "生命", "損保", "保険", "共済", "フィットネス", "ジム", "ゴールドジム", "カーブス", "CHOCOZAP", "エニタイム", "ティップネス", "コナミスポーツ"}},
}

// kinds is MerchantKinds folded once.
var kinds = func() []kindPatterns {
	out := make([]kindPatterns, len(MerchantKinds))
	for i, k := range MerchantKinds {
		out[i].kind = k.Kind
		for _, p := range k.Patterns {
			out[i].patterns = append(out[i].patterns, payee.Fold(p))
		}
	}
	return out
}()

type kindPatterns struct {
	kind     Kind
	patterns []string
}

// KindOf returns the kind of merchant ch is paid to.
func KindOf(ch *statement.Charge) Kind {
	key := ch.Payee
	full := key
	if ch.Via != "" {
		full = ch.Via + " *" + key
	}
	for _, k := range kinds {
		for _, p := range k.patterns {
			if contains(key, p) || full != key && contains(full, p) {
				return k.kind
			}
		}
	}
	return OtherKind
}

// contains reports whether pattern p is in key: anywhere, or for a plain
// ASCII word, as a whole word.
func contains(key, p string) bool {
	if !plainWord(p) {
		return strings.Contains(key, p)
	}
	for i := 0; ; {
		j := strings.Index(key[i:], p)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(p)
		if (j == 0 || !alnum(key[j-1])) && (end == len(key) || !alnum(key[end])) {
			return true
		}
		i = j + 1
	}
}

// plainWord reports whether p is ASCII letters and digits only.
func plainWord(p string) bool {
	for i := 0; i < len(p); i++ {
		if !alnum(p[i]) {
			return false
		}
	}
	return true
}

func alnum(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// kindOf returns px's kind, computed once.
func (c *Card) kindOf(px *payeeIndex) Kind {
	if !px.kindSet {
		px.kind, px.kindSet = KindOf(c.Charges[px.purchases[0]]), true
	}
	return px.kind
}
