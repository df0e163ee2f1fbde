// Package config reads cardcheck's YAML configuration: the user's cards, their
// known payees, user-defined statement formats and rule settings.
//
// Every field is optional: cardcheck works with no config at all, learning
// each card's recurring payees from the statements it is given.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/importer/userformat"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Config is the whole configuration file.
type Config struct {
	// Cards says how each card is used.
	Cards []Card `yaml:"cards"`
	// Payees are the known (recurring) payees.
	Payees []Payee `yaml:"payees"`
	// Formats are user-defined statement layouts.
	Formats []userformat.Spec `yaml:"formats"`
	// Mail says where `cardcheck scan --mail` sends new findings; see [Mail].
	Mail *Mail `yaml:"mail"`
	// Rules sets the rules' parameters, adds user rules and breaches; see [Rules].
	Rules Rules `yaml:"rules"`

	// Path is the file the config was read from ("" for none).
	Path string `yaml:"-"`
}

// Card modes.
const (
	// RecurringOnly cards are used for known recurring payments only: any
	// other payee is suspect.
	RecurringOnly = "recurring-only"
	// Everyday cards buy anything; only what looks like fraud is flagged.
	Everyday = "everyday"
)

// Card describes one of the user's cards.
type Card struct {
	// Match selects the card: a part of its label as reports print it (card
	// name and masked number), compared after payee-key normalisation.
	Match string `yaml:"match"`
	// Name is an optional nickname used in reports.
	Name string `yaml:"name"`
	// Mode is "recurring-only" or "everyday"; empty means decided from the
	// card's history.
	Mode string `yaml:"mode"`
}

// Matches reports whether the card labelled label is this card.
func (c *Card) Matches(label string) bool {
	return c.Match != "" && strings.Contains(payee.Fold(label), payee.Fold(c.Match))
}

// Payee is a known payee.
type Payee struct {
	Name string `yaml:"name"`
	// Patterns are matched against the normalised payee key, alone and with
	// its processor in front ("PAYPAL *SAMPLESOFT"): a plain pattern matches
	// when it is part of either (after the same normalisation), and one
	// written "re:EXPR" is a regular expression (RE2 syntax).
	Patterns []string `yaml:"patterns"`
	// Amount is the expected amount: "1100", or a range "1000-1500".
	Amount string `yaml:"amount"`
	// Cadence is how often it charges: weekly, monthly, bimonthly, quarterly,
	// half-yearly, yearly or irregular.
	Cadence string `yaml:"cadence"`
	// Cards limits the payee to cards whose label contains one of these; none
	// means every card.
	Cards []string `yaml:"cards"`

	keys []string
	res  []*regexp.Regexp
	min  decimal.Decimal
	max  decimal.Decimal
	hasA bool
}

// Cadences lists the cadence names and their period in days.
var Cadences = map[string]int{
	"weekly": 7, "monthly": 30, "bimonthly": 61, "quarterly": 91,
	"half-yearly": 182, "yearly": 365, "irregular": 0,
}

// MatchesCharge reports whether c is a charge of this payee: a pattern
// matches the charge's payee key or the key with its processor in front, so
// "PAYPAL" finds every PayPal payee and "SAMPLESOFT" finds it however it was
// paid.
func (p *Payee) MatchesCharge(c *statement.Charge) bool {
	return p.Matches(c.Payee) || c.Via != "" && p.Matches(payee.Qualified(c.Payee, c.Via))
}

// Matches reports whether payee key k is this payee.
func (p *Payee) Matches(k string) bool {
	for _, s := range p.keys {
		if strings.Contains(k, s) {
			return true
		}
	}
	for _, re := range p.res {
		if re.MatchString(k) {
			return true
		}
	}
	return false
}

// AppliesTo reports whether the payee is known on the card labelled label.
func (p *Payee) AppliesTo(label string) bool {
	if len(p.Cards) == 0 {
		return true
	}
	k := payee.Fold(label)
	for _, c := range p.Cards {
		if strings.Contains(k, payee.Fold(c)) {
			return true
		}
	}
	return false
}

// ExpectedAmount returns the expected range; ok is false when none is set.
func (p *Payee) ExpectedAmount() (lo, hi decimal.Decimal, ok bool) {
	return p.min, p.max, p.hasA
}

// Error is a problem in the config file at a line and column.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// DefaultPath returns $XDG_CONFIG_HOME/cardcheck/config.yaml (with the usual
// ~/.config fallback).
func DefaultPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "cardcheck", "config.yaml")
}

// Load reads the config at path. A missing file at the default path is not an
// error (cardcheck then learns everything); explicit must be true when the
// user named the file, and then it has to exist.
func Load(path string, explicit bool) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && !explicit {
		return &Config{}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a config from data; path is used in error messages. It returns
// every problem found, joined, each with its line and column.
func Parse(path string, data []byte) (*Config, error) {
	cfg := &Config{Path: path}
	if err := unmarshal(data, cfg, yaml.Strict()); err != nil {
		return nil, yamlError(path, err)
	}
	file, err := ParseYAML(data, 0)
	if err != nil {
		return nil, yamlError(path, err)
	}
	v := &validator{path: path, file: file}
	cfg.validate(v)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return cfg, nil
}

func yamlError(path string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			return &Error{File: path, Line: tk.Position.Line, Column: tk.Position.Column, Msg: ye.GetMessage()}
		}
	}
	return &Error{File: path, Msg: err.Error()}
}

// validator collects errors positioned by YAML path.
type validator struct {
	path string
	file *ast.File
	errs []error
}

// errorf records a problem at the node the YAML path yamlPath names.
func (v *validator) errorf(yamlPath, format string, args ...any) {
	e := &Error{File: v.path, Msg: fmt.Sprintf(format, args...)}
	e.Line, e.Column = Position(v.file, yamlPath)
	v.errs = append(v.errs, e)
}

// Position returns the line and column of the node at yamlPath in file, or
// zeros when there is none.
func Position(file *ast.File, yamlPath string) (int, int) {
	p, err := yaml.PathString(yamlPath)
	if err != nil || file == nil {
		return 0, 0
	}
	n, err := p.FilterFile(file)
	if err != nil || n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return 0, 0
	}
	pos := n.GetToken().Position
	return pos.Line, pos.Column
}

func (c *Config) validate(v *validator) {
	c.Mail.validate(v)
	c.Rules.validate(v)
	for i := range c.Cards {
		card := &c.Cards[i]
		at := fmt.Sprintf("$.cards[%d]", i)
		if strings.TrimSpace(card.Match) == "" {
			v.errorf(at, "card needs match: a part of its name or masked number")
		}
		switch card.Mode {
		case "", RecurringOnly, Everyday:
		default:
			v.errorf(at+".mode", "mode %q: want %q or %q", card.Mode, RecurringOnly, Everyday)
		}
	}
	for i := range c.Payees {
		p := &c.Payees[i]
		at := fmt.Sprintf("$.payees[%d]", i)
		if len(p.Patterns) == 0 {
			if p.Name == "" {
				v.errorf(at, "payee needs a name or patterns")
				continue
			}
			p.Patterns = []string{p.Name}
		}
		for j, pat := range p.Patterns {
			if expr, ok := strings.CutPrefix(pat, "re:"); ok {
				re, err := regexp.Compile(expr)
				if err != nil {
					v.errorf(fmt.Sprintf("%s.patterns[%d]", at, j), "pattern %q: %v", pat, err)
					continue
				}
				p.res = append(p.res, re)
			} else if k := payee.Key(pat); k != "" {
				p.keys = append(p.keys, k)
			} else {
				v.errorf(fmt.Sprintf("%s.patterns[%d]", at, j), "empty pattern")
			}
		}
		if p.Name == "" {
			p.Name = p.Patterns[0]
		}
		if p.Amount != "" {
			lo, hi, err := ParseAmountRange(p.Amount)
			if err != nil {
				v.errorf(at+".amount", "%v", err)
			} else {
				p.min, p.max, p.hasA = lo, hi, true
			}
		}
		if _, ok := Cadences[p.Cadence]; !ok && p.Cadence != "" {
			v.errorf(at+".cadence", "cadence %q: want weekly, monthly, bimonthly, quarterly, half-yearly, yearly or irregular", p.Cadence)
		}
	}
	names := map[string]bool{}
	for i := range c.Formats {
		at := fmt.Sprintf("$.formats[%d]", i)
		f := &c.Formats[i]
		if names[f.Name] {
			v.errorf(at+".name", "format %q declared twice", f.Name)
		}
		names[f.Name] = true
		for _, err := range f.Validate() {
			var fe *userformat.FieldError
			if errors.As(err, &fe) {
				v.errorf(at+"."+fe.Field, "format %q: %v", f.Name, fe.Err)
			} else {
				v.errorf(at, "format %q: %v", f.Name, err)
			}
		}
	}
}

// ParseAmountRange reads "1100" or "1000-1500" (yen, commas allowed).
func ParseAmountRange(s string) (lo, hi decimal.Decimal, err error) {
	a, b, isRange := strings.Cut(strings.ReplaceAll(s, ",", ""), "-")
	if isRange && strings.TrimSpace(a) == "" {
		isRange = false
		b = "-" + b
		a = b
	}
	lo, err = decimal.NewFromString(strings.TrimSpace(a))
	if err != nil {
		return lo, hi, fmt.Errorf("amount %q: want a number or a range like 1000-1500", s)
	}
	hi = lo
	if isRange {
		hi, err = decimal.NewFromString(strings.TrimSpace(b))
		if err != nil || hi.LessThan(lo) {
			return lo, hi, fmt.Errorf("amount %q: want a number or a range like 1000-1500", s)
		}
	}
	return lo, hi, nil
}

// CardFor returns the config entry for the card labelled label, or nil.
func (c *Config) CardFor(label string) *Card {
	for i := range c.Cards {
		if c.Cards[i].Matches(label) {
			return &c.Cards[i]
		}
	}
	return nil
}

// PayeeFor returns the known payee that charge ch on the card labelled
// label is a charge of, or nil.
func (c *Config) PayeeFor(label string, ch *statement.Charge) *Payee {
	for i := range c.Payees {
		p := &c.Payees[i]
		if p.AppliesTo(label) && p.MatchesCharge(ch) {
			return p
		}
	}
	return nil
}

// SplitErrors turns an error joined from several problems (as [Parse]
// returns) into its parts, to print one per line, and nil into none.
func SplitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, SplitErrors(e)...)
		}
		return out
	}
	return []error{err}
}
