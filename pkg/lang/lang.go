// Package lang picks the language cardcheck speaks to people in (Japanese
// or English) and formats dates and yen amounts for it; sentences are the
// catalogue's (pkg/message). JSON output is language-neutral and does not
// use this package.
package lang

import (
	"fmt"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Lang is a language for reports and mail.
type Lang string

// The languages.
const (
	EN Lang = "en"
	JA Lang = "ja"
)

// Parse reads "ja" or "en" (any case); "" is an error.
func Parse(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja":
		return JA, nil
	case "en":
		return EN, nil
	}
	return EN, fmt.Errorf("language %q: want ja or en", s)
}

// FromEnv returns the language of the locale in the environment, the way
// POSIX programs choose their messages' language: the first non-empty of
// LC_ALL, LC_MESSAGES and LANG; a locale starting with "ja" (ja_JP.UTF-8,
// ja_JP.eucJP, ja) is Japanese, anything else (C, POSIX, en_US.UTF-8, unset)
// English.
func FromEnv(getenv func(string) string) Lang {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if v == "ja" || strings.HasPrefix(v, "ja_") || strings.HasPrefix(v, "ja.") {
				return JA
			}
			return EN
		}
	}
	return EN
}

// Date formats a date, in a table column as in a sentence: one style per
// language, 2022-01-24 in English and 2022年1月24日 in Japanese (months
// likewise: 2022-01, 2022年1月), so that a report never shows 2022/01/24
// beside 2022年1月24日.
func (l Lang) Date(d statement.Date) string { return l.LongDate(d) }

// LongDate is [Lang.Date]: 2022-01-24, or 2022年1月24日.
func (l Lang) LongDate(d statement.Date) string {
	if l == JA {
		y, m, day := d.YMD()
		return fmt.Sprintf("%d年%d月%d日", y, int(m), day)
	}
	return d.String()
}

// Month formats the month of d: 2022-01, or 2022年1月.
func (l Lang) Month(d statement.Date) string {
	if l == JA {
		y, m, _ := d.YMD()
		return fmt.Sprintf("%d年%d月", y, int(m))
	}
	return d.Month()
}

// Yen formats an amount in yen: ¥10,000 in English, 10,000円 in Japanese.
func (l Lang) Yen(d decimal.Decimal) string {
	s := statement.FormatYen(d)
	if l == JA {
		return strings.Replace(s, "¥", "", 1) + "円"
	}
	return s
}
