package config

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// Rules is the config's rules section:
//
//	rules:
//	  burst: {min: 3, within: 1d, severity: alert}   # a built-in rule, every card
//	  new-merchant: {enabled: false}
//	  cards:                                          # per card, over the above
//	    - match: "4980-00**"
//	      burst: {min: 2}
//	  user:                                           # user rules (expr)
//	    - id: apple-over-2000
//	      when: 'payee contains "APPLE" && amount > 2000'
//	      severity: warning
//	      message: "{{merchant}} charged {{Yen(amount)}}"
//	  breaches:                                       # more breach-watch entries
//	    - name: Example shop
//	      patterns: ["EXAMPLE SHOP"]
//	      from: 2024-01-01
//	      to: 2024-03-31
//
// This package reads the section's shape and positions; package rules knows
// the rules and their parameters, decodes each rule's settings strictly from
// its YAML node, and compiles the user rules (rules.FromConfig). Every key
// other than cards, user and breaches names a built-in rule.
type Rules struct {
	// Settings are the built-in rules' settings for every card, in file
	// order.
	Settings []RuleSettings
	// Cards are per-card settings, applied over Settings for the cards
	// whose label contains Match; the first matching entry wins.
	Cards []RuleCard
	// User are the user-written rules.
	User []UserRule
	// Breaches add to the built-in breach-watch catalogue.
	Breaches []Breach

	problems []*Error // shape errors found while reading, File unset
}

// RuleSettings are one built-in rule's settings as written: Node is the
// YAML mapping of its parameters (or null).
type RuleSettings struct {
	ID           string
	Node         ast.Node
	Line, Column int // of the rule id
}

// RuleCard are the rule settings for the cards a label part matches.
type RuleCard struct {
	Match        string
	Settings     []RuleSettings
	Line, Column int
}

// UserRule is a rule written in the config as an expression; see package
// rules for the names an expression can use.
type UserRule struct {
	// ID names the rule in findings; letters, digits and dashes.
	ID string `yaml:"id"`
	// When is the condition, an expr expression that must be a bool.
	When string `yaml:"when"`
	// Severity is info, warning (the default) or alert.
	Severity string `yaml:"severity"`
	// Message is the reason text; {{ expression }} inserts a value.
	Message string `yaml:"message"`
	// MessageJA is the same in Japanese (optional).
	MessageJA string `yaml:"message-ja"`
	// Cards limits the rule to cards whose label contains one of these.
	Cards []string `yaml:"cards"`

	// Line and Column are the entry's position; WhenAt, MessageAt and
	// MessageJAAt locate the texts, for errors inside them.
	Line, Column                   int       `yaml:"-"`
	WhenAt, MessageAt, MessageJAAt ScalarPos `yaml:"-"`
	fields                         map[string]ast.Node
}

// ScalarPos is where a YAML string starts, so that a position inside it
// can be turned into a line and column of the file.
type ScalarPos struct {
	Line, Column int // of the first character of the text
	// Block is true for a "|" or ">" scalar, whose text starts on the next
	// line at column Column.
	Block bool
}

// At returns the file line and column of the rune at line (1-based) and
// column (0-based) of the scalar's text. For a single-line scalar it is
// exact (escapes in a double-quoted string aside); for text folded across
// lines it is the best guess.
func (p ScalarPos) At(line, col int) (int, int) {
	if p.Line == 0 {
		return 0, 0
	}
	if line < 1 {
		line = 1
	}
	if p.Block || line > 1 {
		return p.Line + line - 1, p.Column + col
	}
	return p.Line, p.Column + col
}

// Breach is a known card-data breach: charges at the payees its patterns
// match, made from From to To, may have exposed the card.
type Breach struct {
	// Name names the breach in findings, e.g. "Metaps Payment".
	Name string `yaml:"name"`
	// Processor is the company whose system was breached, if not the payee.
	Processor string `yaml:"processor"`
	// Patterns match payee keys the way a payee's patterns do.
	Patterns []string `yaml:"patterns"`
	// From and To bound the exposure: a card used at a matching payee on a
	// day in [From, To] is exposed.
	From statement.Date `yaml:"from"`
	To   statement.Date `yaml:"to"`
	// AttacksFrom and AttacksTo bound the attacks, when known.
	AttacksFrom statement.Date `yaml:"attacks-from"`
	AttacksTo   statement.Date `yaml:"attacks-to"`
	// Exposed says what leaked ("number, expiry and security code").
	Exposed string `yaml:"exposed"`
	// Cards is how many cards the breach exposed at most, when known.
	Cards int `yaml:"cards"`
	// Note is anything else worth saying, and Source where it is reported.
	Note   string `yaml:"note"`
	Source string `yaml:"source"`

	Line, Column int       `yaml:"-"`
	match        *Patterns // compiled Patterns
	fields       map[string]ast.Node
}

// MatchesCharge reports whether ch is a charge at one of the breach's
// payees (Compile first).
func (b *Breach) MatchesCharge(ch *statement.Charge) bool {
	return b.match != nil && b.match.MatchesCharge(ch)
}

// Compile compiles the patterns; Parse does it for the config's entries.
func (b *Breach) Compile() error {
	var err error
	b.match, err = CompilePatterns(b.Patterns)
	return err
}

// Patterns are compiled payee patterns: a plain pattern matches when it is
// part of the payee key or of the key with its processor in front
// ("PAYPAL *SAMPLESOFT"), after the same normalisation; one written
// "re:EXPR" is a regular expression (RE2) over the same two forms.
type Patterns struct {
	keys []string
	res  []*regexp.Regexp
}

// PatternError is a bad pattern, with its index.
type PatternError struct {
	Index int
	Err   error
}

func (e *PatternError) Error() string { return e.Err.Error() }

// CompilePatterns compiles ps; an error is a *PatternError.
func CompilePatterns(ps []string) (*Patterns, error) {
	m := &Patterns{}
	for i, pat := range ps {
		if expr, ok := strings.CutPrefix(pat, "re:"); ok {
			re, err := regexp.Compile(expr)
			if err != nil {
				return nil, &PatternError{i, fmt.Errorf("pattern %q: %v", pat, err)}
			}
			m.res = append(m.res, re)
		} else if k := payee.Fold(pat); k != "" {
			m.keys = append(m.keys, k)
		} else {
			return nil, &PatternError{i, fmt.Errorf("empty pattern")}
		}
	}
	return m, nil
}

// Matches reports whether payee key k matches.
func (m *Patterns) Matches(k string) bool {
	for _, s := range m.keys {
		if strings.Contains(k, s) {
			return true
		}
	}
	for _, re := range m.res {
		if re.MatchString(k) {
			return true
		}
	}
	return false
}

// MatchesCharge reports whether ch's payee matches, alone or with its
// processor in front.
func (m *Patterns) MatchesCharge(ch *statement.Charge) bool {
	return m.Matches(ch.Payee) || ch.Via != "" && m.Matches(payee.Qualified(ch.Payee, ch.Via))
}

// UnmarshalYAML reads the section from its node, keeping positions. It
// does not fail: problems are reported by Parse with the others.
func (r *Rules) UnmarshalYAML(node ast.Node) error {
	*r = Rules{}
	m, ok := mapping(node)
	if !ok {
		if _, null := node.(*ast.NullNode); !null {
			r.problem(node, "rules: want a mapping of rule ids to settings, and cards, user, breaches")
		}
		return nil
	}
	for _, mv := range m.Values {
		key := mv.Key.String()
		switch key {
		case "cards":
			r.readCards(mv.Value)
		case "user":
			eachItem(mv.Value, func(n ast.Node) {
				var u UserRule
				if err := yaml.NodeToValue(n, &u, yaml.Strict()); err != nil {
					r.yamlProblem(n, err)
					return
				}
				u.Line, u.Column = pos(n)
				u.fields = fieldNodes(n)
				u.WhenAt = scalarPos(u.fields["when"])
				u.MessageAt = scalarPos(u.fields["message"])
				u.MessageJAAt = scalarPos(u.fields["message-ja"])
				r.User = append(r.User, u)
			}, func(n ast.Node) { r.problem(n, "rules.user: want a list of rules (- id: …, when: …)") })
		case "breaches":
			eachItem(mv.Value, func(n ast.Node) {
				var b Breach
				if err := yaml.NodeToValue(n, &b, yaml.Strict()); err != nil {
					r.yamlProblem(n, err)
					return
				}
				b.Line, b.Column = pos(n)
				b.fields = fieldNodes(n)
				r.Breaches = append(r.Breaches, b)
			}, func(n ast.Node) { r.problem(n, "rules.breaches: want a list of breaches (- name: …, patterns: …)") })
		default:
			r.Settings = append(r.Settings, settings(mv))
		}
	}
	return nil
}

func (r *Rules) readCards(node ast.Node) {
	eachItem(node, func(n ast.Node) {
		m, ok := mapping(n)
		if !ok {
			r.problem(n, "rules.cards: want entries like - match: \"4980-00**\"")
			return
		}
		rc := RuleCard{}
		rc.Line, rc.Column = pos(n)
		for _, mv := range m.Values {
			if mv.Key.String() == "match" {
				if err := yaml.NodeToValue(mv.Value, &rc.Match); err != nil {
					r.yamlProblem(mv.Value, err)
				}
				continue
			}
			rc.Settings = append(rc.Settings, settings(mv))
		}
		r.Cards = append(r.Cards, rc)
	}, func(n ast.Node) { r.problem(n, "rules.cards: want a list (- match: …)") })
}

func settings(mv *ast.MappingValueNode) RuleSettings {
	s := RuleSettings{ID: mv.Key.String(), Node: mv.Value}
	s.Line, s.Column = pos(mv.Key)
	return s
}

func (r *Rules) problem(node ast.Node, format string, args ...any) {
	e := &Error{Msg: fmt.Sprintf(format, args...)}
	e.Line, e.Column = pos(node)
	r.problems = append(r.problems, e)
}

func (r *Rules) yamlProblem(node ast.Node, err error) {
	if ye, ok := err.(yaml.Error); ok {
		e := &Error{Msg: ye.GetMessage()}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		} else {
			e.Line, e.Column = pos(node)
		}
		r.problems = append(r.problems, e)
		return
	}
	r.problem(node, "%v", err)
}

// validate reports the section's problems: its shape, and the fields this
// package can check. Rule ids, parameters and expressions are checked by
// package rules.
func (r *Rules) validate(v *validator) {
	for _, p := range r.problems {
		e := *p
		e.File = v.path
		v.errs = append(v.errs, &e)
	}
	at := func(line, col int, format string, args ...any) {
		v.errs = append(v.errs, &Error{File: v.path, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
	for _, rc := range r.Cards {
		if strings.TrimSpace(rc.Match) == "" {
			at(rc.Line, rc.Column, "rules.cards: entry needs match: a part of the card's name or masked number")
		}
	}
	ids := map[string]bool{}
	for i := range r.User {
		u := &r.User[i]
		switch {
		case u.ID == "":
			at(u.Line, u.Column, "user rule needs an id")
		case !validID.MatchString(u.ID):
			l, c := pos(u.fields["id"])
			at(l, c, "user rule id %q: use lower-case letters, digits and dashes", u.ID)
		case ids[u.ID]:
			l, c := pos(u.fields["id"])
			at(l, c, "user rule id %q used twice", u.ID)
		}
		ids[u.ID] = true
		if strings.TrimSpace(u.When) == "" {
			at(u.Line, u.Column, "user rule %q needs when: a condition such as amount > 10000", u.ID)
		}
	}
	for i := range r.Breaches {
		b := &r.Breaches[i]
		if b.Name == "" {
			at(b.Line, b.Column, "breach needs a name")
		}
		if len(b.Patterns) == 0 {
			at(b.Line, b.Column, "breach %q needs patterns: the payees whose customers were exposed", b.Name)
		} else if err := b.Compile(); err != nil {
			l, c := pos(b.fields["patterns"])
			if pe, ok := err.(*PatternError); ok {
				if s, ok := b.fields["patterns"].(*ast.SequenceNode); ok && pe.Index < len(s.Values) {
					l, c = pos(s.Values[pe.Index])
				}
			}
			at(l, c, "breach %q: %v", b.Name, err)
		}
		switch {
		case b.From.IsZero() || b.To.IsZero():
			at(b.Line, b.Column, "breach %q needs from and to: the days a card used there was exposed", b.Name)
		case b.To < b.From:
			l, c := pos(b.fields["to"])
			at(l, c, "breach %q: to %s is before from %s", b.Name, b.To, b.From)
		}
	}
}

var validID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Pos returns the line and column of node, or zeros.
func Pos(node ast.Node) (int, int) { return pos(node) }

func pos(node ast.Node) (int, int) {
	switch n := node.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if len(n.Values) > 0 && n.Start != nil && n.Start.Type != token.MappingStartType {
			return pos(n.Values[0].Key) // a block mapping: where its first key is
		}
	case *ast.MappingValueNode:
		return pos(n.Key)
	}
	tk := node.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

func mapping(node ast.Node) (*ast.MappingNode, bool) {
	switch n := node.(type) {
	case *ast.MappingNode:
		return n, true
	case *ast.MappingValueNode:
		return &ast.MappingNode{BaseNode: &ast.BaseNode{}, Start: n.GetToken(), Values: []*ast.MappingValueNode{n}}, true
	}
	return nil, false
}

func eachItem(node ast.Node, f func(ast.Node), bad func(ast.Node)) {
	switch n := node.(type) {
	case *ast.SequenceNode:
		for _, v := range n.Values {
			f(v)
		}
	case *ast.NullNode, nil:
	default:
		bad(node)
	}
}

func fieldNodes(node ast.Node) map[string]ast.Node {
	out := map[string]ast.Node{}
	if m, ok := mapping(node); ok {
		for _, mv := range m.Values {
			out[mv.Key.String()] = mv.Value
		}
	}
	return out
}

// scalarPos locates the text of a string node.
func scalarPos(node ast.Node) ScalarPos {
	switch n := node.(type) {
	case nil:
		return ScalarPos{}
	case *ast.LiteralNode:
		l, _ := pos(n)
		indent := 0
		if n.Value != nil && n.Value.Token != nil {
			first := strings.TrimLeft(n.Value.Token.Origin, "\n")
			indent = len(first) - len(strings.TrimLeft(first, " "))
		}
		return ScalarPos{Line: l + 1, Column: indent + 1, Block: true}
	}
	l, c := pos(node)
	if tk := node.GetToken(); tk != nil && (tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType) {
		c++
	}
	return ScalarPos{Line: l, Column: c}
}

// RulesOnly reads only the rules section of a config file, leniently
// (other sections are ignored), so that `cardcheck rules check` can report
// the rules' problems even when another part of the file is broken. It
// returns nil when the file is not YAML at all.
func RulesOnly(path string, data []byte) *Config {
	var doc struct {
		Rules Rules `yaml:"rules"`
	}
	if err := unmarshal(data, &doc); err != nil {
		return nil
	}
	return &Config{Path: path, Rules: doc.Rules}
}
