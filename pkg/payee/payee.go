// Package payee turns a merchant name as printed on a statement into the key
// cardcheck matches on. The printed name is kept for display; the key is only
// for comparison, so two spellings of one payee (full-width and half-width,
// upper and lower case, ｶﾀｶﾅ and カタカナ) compare equal.
package payee

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold is the text normalisation under every payee key, also used for card
// labels:
//   - Unicode NFKC, which folds full-width ASCII to half-width, half-width
//     katakana to full-width (joining voiced marks), and compatibility forms
//     such as ㈱ to (株);
//   - a dash between katakana, or after one at the end of a word, becomes the
//     long-vowel mark ー, because statements print スーパー as ス－パ－ or ｽ-ﾊﾟ-;
//   - ASCII letters upper-cased;
//   - control characters dropped, runs of white space folded to one space and
//     trimmed.
func Fold(merchant string) string {
	if isPlainUpperASCII(merchant) {
		return merchant
	}
	// Invisible and control characters go before NFKC: dropping them after
	// could bring combining marks together that NFKC would have reordered.
	s := norm.NFKC.String(strings.Map(func(r rune) rune {
		if r == utf8.RuneError || isInvisible(r) || unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, merchant))
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space := false
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case isDash(r) && isKatakana(prev) && !space:
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if next == utf8.RuneError || isKatakana(next) || isDash(next) || unicode.IsSpace(next) || unicode.IsPunct(next) {
				r = 'ー'
			}
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isPlainUpperASCII is the fast path: printable ASCII without lower case
// letters or doubled spaces is its own key.
func isPlainUpperASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 && !(c == ' ' && s[i-1] != ' ') || c > 0x7e || (c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '−', '–', '—', '―', '－', 'ｰ', '~', '～', '〜':
		return true
	}
	return false
}

func isKatakana(r rune) bool {
	return r >= 'ァ' && r <= 'ヺ' || r == 'ー' || r >= 'ㇰ' && r <= 'ㇿ'
}

// isInvisible reports format characters (zero-width spaces and joiners, bidi
// controls, BOM) that change how a name looks without changing what it is.
func isInvisible(r rune) bool { return unicode.Is(unicode.Cf, r) }

// Key returns the payee key of a merchant name: [Fold], then the parts that
// name how the charge was paid rather than whom are taken off (see [Split]).
func Key(merchant string) string {
	k, _ := Split(merchant)
	return k
}

// Split returns the payee key of a merchant name and, when the statement
// names a payment processor or wallet in front of or behind the payee, that
// processor (PAYPAL, GOOGLE, SQ, APPLE PAY, ID, QUICPAY, D払い…). The key keeps
// the part that names the service: "PAYPAL *SAMPLESOFT" is SAMPLESOFT via
// PAYPAL, "セブン－イレブン／ｉＤ" is セブンーイレブン via ID. Suffixes that vary
// between charges of one payee go too: 楽天's "利用国USA", date stamps such as
// "2025年01月分" and trailing reference numbers.
func Split(merchant string) (key, via string) {
	s := Fold(merchant)
	if isPlainKey(s) {
		return s, ""
	}
	// Each pattern needs a character or word the name may lack; a name
	// without it is not tried (most shop names end in 店 and have no
	// slash, star or digit).
	for {
		before := s
		if strings.IndexByte(s, '*') >= 0 {
			if m := processor.FindStringSubmatch(s); m != nil && m[2] != "" {
				via, s = canonicalVia(m[1], via), strings.TrimSpace(m[2])
			}
		}
		if strings.IndexByte(s, '/') >= 0 {
			if m := walletPrefix.FindStringSubmatch(s); m != nil && m[2] != "" {
				via, s = canonicalVia(m[1], via), strings.TrimSpace(m[2])
			}
		}
		if strings.ContainsAny(s, "/(") {
			if m := walletSuffix.FindStringSubmatch(s); m != nil && m[1] != "" {
				via, s = canonicalVia(m[2], via), strings.TrimSpace(m[1])
			}
		}
		if strings.Contains(s, "利用 ") || strings.Contains(s, "返済方法変更WEB ") {
			if m := issuerPrefix.FindStringSubmatch(s); m != nil && m[1] != "" {
				s = strings.TrimSpace(m[1])
			}
		}
		if mayHaveSuffix(s) {
			for _, re := range suffixes {
				if loc := re.FindStringIndex(s); loc != nil && loc[0] > 0 {
					s = strings.TrimSpace(s[:loc[0]])
				}
			}
		}
		if s == before {
			return s, via
		}
	}
}

// mayHaveSuffix reports whether s ends in what a suffix taken off a key
// ends in: a capital letter (利用国USA), a digit, 月, 分 or 度, or a marker.
func mayHaveSuffix(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("月分度●○◎★☆※", r)
}

// Qualified is the key with its processor in front, "PAYPAL *SAMPLESOFT":
// config patterns match against both forms, so "PAYPAL" finds every PayPal
// payee and "SAMPLESOFT" finds it however it was paid.
func Qualified(key, via string) string {
	if via == "" {
		return key
	}
	return via + " *" + key
}

var (
	// processor matches "PAYPAL *X", "PAYPAL*X", "GOOGLE *X", "SQ *X" and
	// their kin: payment processors that print the merchant after a star.
	processor = regexp.MustCompile(`^(PAYPAL|GOOGLE|SQ|SP|TST|PADDLE\.NET|FS|2CO\.COM|DRI|IZ|PY|WPY|ZTL|SMP|STRIPE|AMZN PAY|AMAZON PAY) ?\* ?(.*)$`)
	// walletPrefix matches wallet and code-payment prefixes in front of the
	// shop, "APPLEPAY/ローソン", "D払いB/ケーズデンキ". The slash is required:
	// "PAYPAY チャージ" is a charge of PayPay itself.
	walletPrefix = regexp.MustCompile(`^(APPLE ?PAY|GOOGLE ?PAY|D払い[A-Z]?|楽天ペイ|AU PAY|PAYPAY) ?/ ?(.*)$`)
	// walletSuffix matches "セブンーイレブン/ID", "ローソン/QUICPAY", "（APPLEV）".
	walletSuffix = regexp.MustCompile(`^(.*?) ?(?:/|\()(ID|QUICPAY|IDPAY|APPLE ?PAY|APPLEV|GOOGLE ?PAY|新経路|タッチ決済)\)?$`)
	// issuerPrefix matches 楽天's routing prefixes: "マスター国内利用 MZZ X",
	// "海外利用 1 X", "返済方法変更WEB 123 X".
	issuerPrefix = regexp.MustCompile(`^(?:(?:マスター|ビザ|VISA|JCB|アメックス)?(?:国内|海外)利用 (?:[A-Z]{3} |[0-9]+ )?|返済方法変更WEB [0-9]+ )(.*)$`)
	suffixes     = []*regexp.Regexp{
		regexp.MustCompile(`利用国[A-Z]{2,3}$`),                               // 楽天: "STEAMGAMES.COM 42595利用国USA"
		regexp.MustCompile(` ?[0-9]{4}(?:年|/|-|\.)[0-9]{1,2}(?:月分?|月度)?$`), // "2025年01月分", "2025/01"
		regexp.MustCompile(` ?[0-9]{1,2}月分$`),                              // "1月分"
		regexp.MustCompile(`(?: |#|\*)[0-9]{3,}$`),                         // trailing reference numbers
		regexp.MustCompile(` ?[●○◎★☆※]+$`),                                 // Vpass markers
	}
)

// canonicalVia names a processor the same however it was spelled.
func canonicalVia(v, prev string) string {
	v = strings.ReplaceAll(v, " ", "")
	if strings.HasPrefix(v, "D払い") {
		v = "D払い"
	}
	switch v {
	case "APPLEPAY", "APPLEV":
		v = "APPLE PAY"
	case "GOOGLEPAY":
		v = "GOOGLE PAY"
	case "新経路", "タッチ決済":
		return prev
	}
	if prev != "" {
		return prev
	}
	return v
}

// isPlainKey is the fast path: a key with no star, slash, parenthesis,
// digit run or Japanese suffix marker needs no processor handling.
func isPlainKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '*' || c == '/' || c == '(' || c >= 0x80 || c >= '0' && c <= '9' || c == ' ' {
			return false
		}
	}
	return true
}
