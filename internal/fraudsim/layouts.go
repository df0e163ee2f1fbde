package fraudsim

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/width"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// File is one statement file as its card company serves it.
type File struct {
	Name string
	Data []byte
	// Lines maps each charge line's number (from 1) to its charge.
	Lines map[int]*Charge
}

// Statement returns statement k of account a, or false when it would hold
// no line. It holds the charges posted in the statement's period and, in
// Vpass statements, the later payments of earlier installment purchases.
func (h *Cardholder) Statement(a *Account, k int) (File, bool) {
	from, to := h.period(a, k)
	var lines []line
	for _, c := range a.Cards {
		for _, ch := range c.Charges {
			if ch.Posted >= from && ch.Posted <= to {
				lines = append(lines, line{ch: ch, nth: 1})
				continue
			}
			if a.Layout != Vpass || ch.Installments < 2 || ch.Posted > to {
				continue
			}
			// Payment j of an installment purchase posted j-1 statements
			// before this one.
			for j := 2; j <= ch.Installments; j++ {
				pf, pt := h.period(a, k-j+1)
				if ch.Posted >= pf && ch.Posted <= pt {
					lines = append(lines, line{ch: ch, nth: j})
				}
			}
		}
	}
	if len(lines) == 0 {
		return File{}, false
	}
	y, m, _ := to.YMD()
	f := File{Name: fmt.Sprintf("%s-%04d%02d.csv", a.Layout, y, int(m)), Lines: map[int]*Charge{}}
	w := &writer{f: &f}
	switch a.Layout {
	case Vpass:
		w.vpass(a, lines)
		f.Data = w.cp932()
	case Rakuten:
		w.rakuten(a, lines, to)
		f.Data = append([]byte("\ufeff"), w.buf.Bytes()...)
	case JCB:
		w.jcb(a, lines, to)
		f.Data = w.cp932()
	case Epos:
		w.epos(a, lines, from, to)
		f.Data = w.cp932()
	}
	return f, true
}

// line is one row: a charge, or payment nth of an installment purchase.
type line struct {
	ch  *Charge
	nth int
}

// payment is what line l bills this month: the amount, or one payment of
// an installment purchase (the first takes the remainder).
func (l line) payment() int64 {
	n := int64(max(1, l.ch.Installments))
	each := l.ch.Yen / n
	if l.nth == 1 {
		return l.ch.Yen - each*(n-1)
	}
	return each
}

// writer builds one file's text, counting lines.
type writer struct {
	f    *File
	buf  bytes.Buffer
	line int
	crlf bool
}

// row writes one line; ch, when set, is the charge it shows.
func (w *writer) row(ch *Charge, fields ...string) {
	w.line++
	w.buf.WriteString(strings.Join(fields, ","))
	if w.crlf {
		w.buf.WriteString("\r\n")
	} else {
		w.buf.WriteString("\n")
	}
	if ch != nil {
		w.f.Lines[w.line] = ch
	}
}

// cp932 returns the text in CP932. Every name in the catalogue is
// encodable; a name that is not is a bug of the generator.
func (w *writer) cp932() []byte {
	b, err := japanese.ShiftJIS.NewEncoder().Bytes(w.buf.Bytes())
	if err != nil {
		panic(fmt.Sprintf("fraudsim: %s: %v", w.f.Name, err))
	}
	return b
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func quoteAll(fields ...string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = quote(f)
	}
	return out
}

// csvField quotes s when it holds a comma, as unquoted layouts do.
func csvField(s string) string {
	if strings.ContainsAny(s, ",\"") {
		return quote(s)
	}
	return s
}

// fullWidth writes s's ASCII in full width: "１", "２０．０００".
func fullWidth(s string) string { return width.Widen.String(s) }

// units formats a foreign amount: "20.00", or whole units for currencies
// without cents.
func (f *Foreign) units() string {
	if f.Currency == "KRW" || f.Currency == "TWD" || f.Currency == "THB" {
		return strconv.FormatInt(f.Cents/100, 10)
	}
	return fmt.Sprintf("%d.%02d", f.Cents/100, f.Cents%100)
}

// rate formats the rate with three decimals: "157.500".
func (f *Foreign) rate() string { return fmt.Sprintf("%d.%03d", f.RateMilli/1000, f.RateMilli%1000) }

func slashDate(d statement.Date) string {
	y, m, day := d.YMD()
	return fmt.Sprintf("%04d/%02d/%02d", y, int(m), day)
}

func yenComma(n int64) string {
	s := strconv.FormatInt(max(n, -n), 10)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// vpass writes the Vpass 確定 CSV: per card a card line, its rows and (with
// several cards) a subtotal; then the total. CRLF, unquoted.
func (w *writer) vpass(a *Account, lines []line) {
	w.crlf = true
	var total int64
	cards := 0
	for _, c := range a.Cards {
		if hasCard(lines, c) {
			cards++
		}
	}
	for _, c := range a.Cards {
		if !hasCard(lines, c) {
			continue
		}
		w.row(nil, c.Holder+"　様", c.Number, c.Name, "", "", "", "")
		var sub int64
		for _, l := range lines {
			if l.ch.Card != c {
				continue
			}
			ch, pay := l.ch, l.payment()
			plan, nth := "１", "１"
			if ch.Installments > 1 {
				plan, nth = fullWidth(strconv.Itoa(ch.Installments)), fullWidth(strconv.Itoa(l.nth))
			}
			memo := ""
			if f := ch.Foreign; f != nil {
				_, pm, pd := ch.Posted.YMD()
				memo = fmt.Sprintf("%s　%s　%s　%02d %02d", f.units(), f.Currency, f.rate(), int(pm), pd)
			}
			// Vpass quotes nothing, so a comma in a name is not printed.
			merchant := strings.ReplaceAll(ch.Merchant, ",", "")
			w.row(ch, slashDate(ch.Date), merchant, strconv.FormatInt(ch.Yen, 10), plan, nth, strconv.FormatInt(pay, 10), memo)
			sub += pay
		}
		total += sub
		if cards > 1 {
			w.row(nil, "", "", "", "", "", strconv.FormatInt(sub, 10), "")
		}
	}
	w.row(nil, "", "", "", "", "", strconv.FormatInt(total, 10), "")
}

func hasCard(lines []line, c *Card) bool {
	for _, l := range lines {
		if l.ch.Card == c {
			return true
		}
	}
	return false
}

// rakuten writes e-NAVI's confirmed 11-column CSV: UTF-8 with a BOM, every
// field quoted, a 現地利用額 line under each foreign charge, and refunds in
// a cancellation section after a blank line, as positive amounts.
func (w *writer) rakuten(a *Account, lines []line, close statement.Date) {
	_, m, _ := close.YMD()
	payMonth := int(m)%12 + 1
	carryMonth := payMonth%12 + 1
	w.row(nil, quoteAll("利用日", "利用店名・商品名", "利用者", "支払方法", "利用金額", "手数料/利息", "支払総額",
		fmt.Sprintf("%d月支払金額", payMonth), "当月請求額", fmt.Sprintf("%d月繰越残高", carryMonth), "新規サイン")...)
	empty := make([]string, 9)
	var refunds []line
	for _, l := range lines {
		ch := l.ch
		if ch.Yen < 0 {
			refunds = append(refunds, l)
			continue
		}
		w.rakutenRow(l, ch.Yen)
		if f := ch.Foreign; f != nil {
			text := "現地利用額　　　　　　　" + fullWidth(f.units()) + "変換レート　" + fullWidth(f.rate()) + "円"
			if ch.Yen%2 == 0 {
				text = "現地利用額　" + fullWidth(f.units()+f.Currency) + "　変換レート　" + fullWidth(f.rate()) + "円"
			}
			w.row(nil, quoteAll(append([]string{"", text}, empty...)...)...)
		}
	}
	if len(refunds) > 0 {
		w.row(nil)
		w.row(nil, quoteAll(append([]string{"■ご利用キャンセルなど", ""}, empty...)...)...)
		for _, l := range refunds {
			w.rakutenRow(l, -l.ch.Yen)
		}
	}
}

func (w *writer) rakutenRow(l line, yen int64) {
	ch := l.ch
	merchant := ch.Merchant
	if ch.Foreign != nil {
		merchant += "利用国" + ch.Foreign.Country
	}
	plan := "1回払い"
	pay, carry := yen, int64(0)
	if ch.Installments > 1 {
		plan = fmt.Sprintf("%d回払い", ch.Installments)
		pay = l.payment()
		carry = yen - pay
	}
	who := "本人"
	if ch.Card.Family {
		who = "家族"
	}
	y := strconv.FormatInt(yen, 10)
	w.row(ch, quoteAll(slashDate(ch.Date), merchant, who, plan, y, "0", y, strconv.FormatInt(pay, 10), strconv.FormatInt(pay, 10), strconv.FormatInt(carry, 10), "*")...)
}

// jcb writes MyJCB's CSV: CP932, every field quoted, four summary lines and
// a section title before the header, a cancellation as a 取消 row followed
// by its お支払済分 row. Foreign use is marked 海外, with no amount in the
// currency (MyJCB's CSV does not give it).
func (w *writer) jcb(a *Account, lines []line, close statement.Date) {
	w.crlf = true
	var dom, abroad int64
	for _, l := range lines {
		if l.ch.Foreign != nil {
			abroad += l.payment()
		} else {
			dom += l.payment()
		}
	}
	payDay := close.AddMonths(1)
	y, m, _ := payDay.YMD()
	w.row(nil, quoteAll("", "", "今回のお支払日", fmt.Sprintf("%04d/%02d/10", y, int(m)))...)
	w.row(nil, quoteAll("", "", "今回のお支払金額合計(￥)", yenComma(dom+abroad))...)
	w.row(nil, quoteAll("", "", "　うち国内ご利用金額合計(￥)", yenComma(dom))...)
	w.row(nil, quoteAll("", "", "　うち海外ご利用金額合計(￥)", yenComma(abroad))...)
	w.row(nil, quote("【ご利用明細】"))
	w.row(nil, quoteAll("ご利用者", "カテゴリ", "ご利用日", "ご利用先など", "ご利用金額(￥)", "支払区分", "今回回数", "訂正サイン", "お支払い金額(￥)", "国内／海外", "摘要", "備考")...)
	for _, l := range lines {
		ch := l.ch
		user := ch.Card.Number + "　" + ch.Card.Holder + "様"
		where, cat := "国内", "≪ショッピング取組（国内）≫"
		if ch.Foreign != nil {
			where, cat = "海外", "≪ショッピング取組（海外）≫"
		}
		if ch.Yen < 0 {
			w.row(ch, quoteAll(user, cat, slashDate(ch.Date), ch.Merchant, yenComma(ch.Yen), "１回", "", "取消", "", where, "", "")...)
			w.row(nil, quoteAll(user, cat, "", "お支払済分　ご返金額", "", "", "", "", yenComma(ch.Yen), where, "", "")...)
			continue
		}
		plan, nth := "１回", ""
		if ch.Installments > 1 {
			plan, nth = "分割"+fullWidth(strconv.Itoa(ch.Installments))+"回", "１"
		}
		w.row(ch, quoteAll(user, cat, slashDate(ch.Date), ch.Merchant, yenComma(ch.Yen), plan, nth, "", yenComma(l.payment()), where, "", "")...)
	}
}

// epos writes エポスNet's 月別ご利用明細: CP932, a title line, the header,
// kanji dates, the ショッピング合計 footer and its notes.
func (w *writer) epos(a *Account, lines []line, from, to statement.Date) {
	w.crlf = true
	kanji := func(d statement.Date) string {
		y, m, day := d.YMD()
		return fmt.Sprintf("%d年%d月%d日", y, int(m), day)
	}
	month := func(d statement.Date) string {
		y, m, _ := d.YMD()
		return fmt.Sprintf("%d年%d月", y, int(m))
	}
	w.row(nil, fmt.Sprintf("月別ご利用明細　%s　様　ご利用期間：%sから%s　株式会社エポスカード", a.Holder, month(from), month(to)), "", "", "", "", "", "", "")
	w.row(nil, "種別（ショッピング、キャッシング、その他）", "ご利用年月日", "ご利用場所", "ご利用内容", "ご利用金額（キャッシングでは元金になります）", "支払区分", "お支払開始月", "備考")
	var sum int64
	for _, l := range lines {
		ch := l.ch
		plan, memo := "1回払い", ""
		if ch.Installments > 1 {
			plan = fmt.Sprintf("%03d回払い", ch.Installments)
			memo = quote(fmt.Sprintf("１回目　%s円 ２回目以降　%s円", yenComma(l.payment()), yenComma(ch.Yen/int64(ch.Installments))))
		}
		if f := ch.Foreign; f != nil {
			y, m, d := ch.Posted.YMD()
			memo = fmt.Sprintf("%s%s　(1%s=%d.%06d円 換算日%d年%d月%d日)", f.Currency, f.units(), f.Currency, f.RateMilli/1000, f.RateMilli%1000*1000, y, int(m), d)
		}
		w.row(ch, "ショッピング", kanji(ch.Date), csvField(ch.Merchant), "－", strconv.FormatInt(ch.Yen, 10), plan, month(to.AddMonths(1)), memo)
		sum += ch.Yen
	}
	w.row(nil, "ショッピング合計", "", "", "", strconv.FormatInt(sum, 10), "", "", "")
	w.row(nil, "※１　ご利用内容の注記", "", "", "", "", "", "", "")
}
