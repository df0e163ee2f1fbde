package config

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
)

// The routine's settings, which `cardcheck init` asks for and writes at the
// top of the config:
//
//	statements: ~/statements   # the archive: import files statements here, scan reads it
//	lang: ja                   # ja or en; --lang, then this, then the locale
//	stale_after: 45d           # a card with no confirmed statement for longer gets a warning; off turns it off

// DefaultStaleAfter is how old a card's newest confirmed (確定) statement
// may get before scan warns: a monthly statement is published some 30 days
// after the last one, and two weeks more is time to download it.
const DefaultStaleAfter = 45

// StatementsDir is the archive folder the config names, "~/" and
// $VARIABLES expanded and relative to the config's folder; "" when the
// config names none.
func (c *Config) StatementsDir() string {
	if c == nil || c.Statements == "" {
		return ""
	}
	dir := ""
	if c.Path != "" {
		dir = filepath.Dir(c.Path)
	}
	return resolvePath(dir, c.Statements)
}

// Language is the config's lang:, and whether it sets one.
func (c *Config) Language() (lang.Lang, bool) {
	if c == nil || c.Lang == "" {
		return lang.EN, false
	}
	l, err := lang.Parse(c.Lang)
	return l, err == nil
}

// StaleDays is the number of days after which a card's statements are
// stale (DefaultStaleAfter unless the config says), 0 when the config turns
// the warning off.
func (c *Config) StaleDays() int {
	if c == nil || c.StaleAfter == "" {
		return DefaultStaleAfter
	}
	n, err := ParseStaleAfter(c.StaleAfter)
	if err != nil {
		return DefaultStaleAfter
	}
	return n
}

// ParseStaleAfter reads a stale_after value: a span of days ("45d", "6w",
// 45) or "off" (0).
func ParseStaleAfter(s string) (int, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "false", "no", "0", "0d":
		return 0, nil
	}
	n, err := statement.ParseDays(s)
	if err != nil {
		return 0, fmt.Errorf("%v, or off", err)
	}
	return n, nil
}

// decodeRoutine reads one of the routine's keys, a scalar each.
func (c *Config) decodeRoutine(key string, node ast.Node) []error {
	if _, null := node.(*ast.NullNode); null || node == nil {
		return nil
	}
	var v any
	if err := yamlfile.Decode(c.Path, node, &v); err != nil {
		return []error{err}
	}
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case uint64, int64, int, bool:
		s = fmt.Sprint(x)
	default:
		return []error{yamlfile.At(c.Path, node, message.New("config.one-value", message.Args{"key": message.Text(key)}))}
	}
	switch key {
	case "statements":
		if strings.TrimSpace(s) == "" {
			return []error{yamlfile.At(c.Path, node, message.New("config.statements", nil))}
		}
		c.Statements = s
	case "lang":
		if _, err := lang.Parse(s); err != nil {
			return []error{yamlfile.At(c.Path, node, message.New("config.lang", message.Args{"value": message.Text(s)}))}
		}
		c.Lang = strings.ToLower(strings.TrimSpace(s))
	case "stale_after":
		if _, err := ParseStaleAfter(s); err != nil {
			return []error{yamlfile.At(c.Path, node, message.New("config.stale-after", message.Args{"value": message.Text(s)}))}
		}
		c.StaleAfter = s
	}
	return nil
}
