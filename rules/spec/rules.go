package spec

import (
	"regexp"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/payee"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
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
// its YAML node, and compiles the user rules (rules.New). Every key
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

	Line, Column int            `yaml:"-"`
	match        *payee.Matcher // compiled Patterns
}

// MatchesCharge reports whether ch is a charge at one of the breach's
// payees (Compile first).
func (b *Breach) MatchesCharge(ch *statement.Charge) bool {
	return b.match.Match(ch.Payee, ch.Via)
}

// Compile compiles the patterns; DecodeRules does it for the config's
// entries.
func (b *Breach) Compile() error {
	var err error
	b.match, err = payee.Compile(b.Patterns)
	return err
}

// DecodeRules reads the rules section from its node, keeping positions,
// and checks what this package can: the section's shape, user rule ids,
// breaches. Rule ids, parameters and expressions are checked by package
// rules when it builds the engine. A bad entry is left out with its error;
// the rest is read.
func DecodeRules(file string, node ast.Node) (Rules, []error) {
	var r Rules
	var errs []error
	m, ok := yamlfile.Mapping(node)
	if !ok {
		if _, null := node.(*ast.NullNode); !null && node != nil {
			errs = append(errs, yamlfile.At(file, node, message.New("spec.rules.mapping", nil)))
		}
		return r, errs
	}
	ids := map[string]bool{}
	for _, mv := range m.Values {
		switch yamlfile.KeyName(mv) {
		case "cards":
			eachItem(file, mv.Value, "spec.list.rules-cards", &errs, func(n ast.Node) {
				if rc, ok := readCard(file, n, &errs); ok {
					r.Cards = append(r.Cards, rc)
				}
			})
		case "user":
			eachItem(file, mv.Value, "spec.list.user", &errs, func(n ast.Node) {
				var u UserRule
				if err := yamlfile.Decode(file, n, &u); err != nil {
					errs = append(errs, err)
					return
				}
				u.Line, u.Column = yamlfile.Pos(n)
				u.WhenAt = scalarPos(fieldOrNil(n, "when"))
				u.MessageAt = scalarPos(fieldOrNil(n, "message"))
				u.MessageJAAt = scalarPos(fieldOrNil(n, "message-ja"))
				switch {
				case u.ID == "":
					errs = append(errs, yamlfile.At(file, n, message.New("spec.user.id", nil)))
					return
				case !validID.MatchString(u.ID):
					errs = append(errs, yamlfile.At(file, yamlfile.Field(n, "id"), message.New("spec.user.bad-id", message.Args{"id": message.Text(u.ID)})))
					return
				case ids[u.ID]:
					errs = append(errs, yamlfile.At(file, yamlfile.Field(n, "id"), message.New("spec.user.twice", message.Args{"id": message.Text(u.ID)})))
					return
				case strings.TrimSpace(u.When) == "":
					errs = append(errs, yamlfile.At(file, n, message.New("spec.user.when", message.Args{"id": message.Text(u.ID)})))
					return
				}
				ids[u.ID] = true
				r.User = append(r.User, u)
			})
		case "breaches":
			eachItem(file, mv.Value, "spec.list.breaches", &errs, func(n ast.Node) {
				var b Breach
				if err := yamlfile.Decode(file, n, &b); err != nil {
					errs = append(errs, err)
					return
				}
				b.Line, b.Column = yamlfile.Pos(n)
				if e := b.check(file, n); len(e) > 0 {
					errs = append(errs, e...)
					return
				}
				r.Breaches = append(r.Breaches, b)
			})
		default:
			r.Settings = append(r.Settings, settings(mv))
		}
	}
	return r, errs
}

func readCard(file string, n ast.Node, errs *[]error) (RuleCard, bool) {
	m, ok := yamlfile.Mapping(n)
	if !ok {
		*errs = append(*errs, yamlfile.At(file, n, message.New("spec.rules-card.entry", nil)))
		return RuleCard{}, false
	}
	rc := RuleCard{}
	rc.Line, rc.Column = yamlfile.Pos(n)
	for _, mv := range m.Values {
		if yamlfile.KeyName(mv) == "match" {
			if err := yamlfile.Decode(file, mv.Value, &rc.Match); err != nil {
				*errs = append(*errs, err)
			}
			continue
		}
		rc.Settings = append(rc.Settings, settings(mv))
	}
	if strings.TrimSpace(rc.Match) == "" {
		*errs = append(*errs, yamlfile.At(file, n, message.New("spec.rules-card.match", nil)))
		return rc, false
	}
	return rc, true
}

func settings(mv *ast.MappingValueNode) RuleSettings {
	s := RuleSettings{ID: yamlfile.KeyName(mv), Node: mv.Value}
	s.Line, s.Column = yamlfile.Pos(mv.Key)
	return s
}

// check reports the breach's problems and compiles its patterns.
func (b *Breach) check(file string, n ast.Node) []error {
	var errs []error
	if b.Name == "" {
		errs = append(errs, yamlfile.At(file, n, message.New("spec.breach.name", nil)))
	}
	if len(b.Patterns) == 0 {
		errs = append(errs, yamlfile.At(file, n, message.New("spec.breach.patterns", message.Args{"name": message.Text(b.Name)})))
	} else if err := b.Compile(); err != nil {
		errs = append(errs, yamlfile.Errorf(file, patternNode(n, err), "breach %q: %v", b.Name, err))
	}
	switch {
	case b.From.IsZero() || b.To.IsZero():
		errs = append(errs, yamlfile.At(file, n, message.New("spec.breach.dates", message.Args{"name": message.Text(b.Name)})))
	case b.To < b.From:
		errs = append(errs, yamlfile.At(file, yamlfile.Field(n, "to"), message.New("spec.breach.order", message.Args{"name": message.Text(b.Name), "to": message.Text(b.To.String()), "from": message.Text(b.From.String())})))
	}
	return errs
}

var validID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// fieldOrNil returns the value node of key in the mapping n, or nil.
func fieldOrNil(n ast.Node, key string) ast.Node {
	if f := yamlfile.Field(n, key); f != n {
		return f
	}
	return nil
}

// scalarPos locates the text of a string node.
func scalarPos(node ast.Node) ScalarPos {
	switch n := node.(type) {
	case nil:
		return ScalarPos{}
	case *ast.LiteralNode:
		l, _ := yamlfile.Pos(n)
		indent := 0
		if n.Value != nil && n.Value.Token != nil {
			first := strings.TrimLeft(n.Value.Token.Origin, "\n")
			indent = len(first) - len(strings.TrimLeft(first, " "))
		}
		return ScalarPos{Line: l + 1, Column: indent + 1, Block: true}
	}
	l, c := yamlfile.Pos(node)
	if tk := node.GetToken(); tk != nil && (tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType) {
		c++
	}
	return ScalarPos{Line: l, Column: c}
}
