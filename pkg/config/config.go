// Package config reads cardcheck's YAML configuration: the user's cards, their
// known payees and rule settings (the rules' part, package rules/spec),
// user-defined statement formats, and where mail goes.
//
// Every field is optional: cardcheck works with no config at all, learning
// each card's recurring payees from the statements it is given.
//
// The file is read with limits and parsed once (package yamlfile); each
// section, and each entry of a list, is decoded on its own, so that every
// problem of the file is reported at once, each at its line.
package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/cardcheck/cardcheck/pkg/importer/userformat"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// Config is the whole configuration file.
type Config struct {
	// Cards says how each card is used.
	Cards []spec.Card `yaml:"cards"`
	// Payees are the known (recurring) payees.
	Payees []spec.Payee `yaml:"payees"`
	// Formats are user-defined statement layouts.
	Formats []userformat.Spec `yaml:"formats"`
	// Mail says where `cardcheck scan --mail` sends new findings; see [Mail].
	Mail *Mail `yaml:"mail"`
	// Rules sets the rules' parameters, adds user rules and breaches; see
	// [spec.Rules].
	Rules spec.Rules `yaml:"rules"`
	// Statements, Lang and StaleAfter are the routine's settings that
	// `cardcheck init` writes; see routine.go.
	Statements string `yaml:"statements"`
	Lang       string `yaml:"lang"`
	StaleAfter string `yaml:"stale_after"`
	// Notices says which usage-notice mails to believe and whose card they
	// are; see [Notices].
	Notices *Notices `yaml:"notices"`
	// IMAP is the mailbox usage notices are read from; see [IMAP].
	IMAP *IMAP `yaml:"imap"`

	// Path is the file the config was read from ("" for none).
	Path string `yaml:"-"`
}

// Spec returns the rules' part of the config.
func (c *Config) Spec() *spec.Spec {
	if c == nil {
		return nil
	}
	return &spec.Spec{File: c.Path, Cards: c.Cards, Payees: c.Payees, Rules: c.Rules}
}

// CardFor returns the config entry for the card labelled label, or nil.
func (c *Config) CardFor(label string) *spec.Card { return c.Spec().CardFor(label) }

// Error is a problem in the config file at a line and column.
type Error = yamlfile.Error

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
	data, err := yamlfile.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return &Config{}, nil
	}
	var said *yamlfile.Error
	if err != nil && !errors.As(err, &said) {
		err = message.NewError("config.read", message.Args{"path": message.Text(path), "detail": message.FileTrouble(err)}, err)
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// sections are the config's top-level keys.
var sections = yamlfile.Keys(&Config{})

// Parse reads a config from data; path is used in error messages. It
// returns every problem found, joined, each with its line and column, in
// the file's order. With problems, the config returned holds what could be
// read (nil only when the file is not YAML at all), so that a command can
// still say what else is wrong; it must not be used to scan.
func Parse(path string, data []byte) (*Config, error) {
	file, err := yamlfile.Parse(path, data)
	if err != nil {
		return nil, err
	}
	cfg := &Config{Path: path}
	body := yamlfile.Body(file)
	m, ok := yamlfile.Mapping(body)
	if !ok {
		if _, null := body.(*ast.NullNode); null || body == nil {
			return cfg, nil
		}
		return cfg, yamlfile.At(path, body, message.New("config.want-sections", message.Args{"sections": message.Text(strings.Join(sections, ", "))}))
	}
	var errs []error
	seen := map[string]bool{}
	for _, mv := range m.Values {
		key := yamlfile.KeyName(mv)
		if seen[key] {
			errs = append(errs, yamlfile.At(path, mv.Key, message.New("config.twice", message.Args{"key": message.Text(key)})))
			continue
		}
		seen[key] = true
		var e []error
		switch key {
		case "cards":
			cfg.Cards, e = spec.DecodeCards(path, mv.Value)
		case "payees":
			cfg.Payees, e = spec.DecodePayees(path, mv.Value)
		case "rules":
			cfg.Rules, e = spec.DecodeRules(path, mv.Value)
		case "formats":
			cfg.Formats, e = decodeFormats(path, mv.Value)
		case "mail":
			cfg.Mail, e = decodeMail(path, file, mv.Value)
		case "statements", "lang", "stale_after":
			e = cfg.decodeRoutine(key, mv.Value)
		case "notices":
			cfg.Notices, e = decodeSection[Notices](path, file, mv.Value)
		case "imap":
			cfg.IMAP, e = decodeSection[IMAP](path, file, mv.Value)
		default:
			e = []error{yamlfile.At(path, mv.Key, yamlfile.UnknownKeyMessage(key, sections))}
		}
		errs = append(errs, e...)
	}
	yamlfile.Sort(errs)
	return cfg, errors.Join(errs...)
}

// decodeFormats reads the user-defined formats, entry by entry.
func decodeFormats(path string, node ast.Node) ([]userformat.Spec, []error) {
	seq, ok := node.(*ast.SequenceNode)
	if !ok {
		if _, null := node.(*ast.NullNode); null || node == nil {
			return nil, nil
		}
		return nil, []error{yamlfile.At(path, node, message.New("config.formats.list", nil))}
	}
	var out []userformat.Spec
	var errs []error
	names := map[string]bool{}
	for _, n := range seq.Values {
		var f userformat.Spec
		if err := yamlfile.Decode(path, n, &f); err != nil {
			errs = append(errs, err)
			continue
		}
		if names[f.Name] {
			errs = append(errs, yamlfile.At(path, yamlfile.Field(n, "name"), message.New("config.formats.twice", message.Args{"name": message.Text(f.Name)})))
			continue
		}
		names[f.Name] = true
		bad := false
		for _, err := range f.Validate() {
			bad = true
			var fe *userformat.FieldError
			if errors.As(err, &fe) {
				errs = append(errs, yamlfile.At(path, pathNode(n, fe.Field), message.New("config.formats.error", message.Args{"name": message.Text(f.Name), "detail": message.Text(fe.Err.Error())})))
			} else {
				errs = append(errs, yamlfile.At(path, n, message.New("config.formats.error", message.Args{"name": message.Text(f.Name), "detail": message.Text(err.Error())})))
			}
		}
		if !bad {
			out = append(out, f)
		}
	}
	return out, errs
}

// decodeMail reads and checks the mail section.
func decodeMail(path string, file *ast.File, node ast.Node) (*Mail, []error) {
	if _, null := node.(*ast.NullNode); null || node == nil {
		return nil, nil
	}
	m := &Mail{}
	if err := yamlfile.Decode(path, node, m); err != nil {
		return nil, []error{err}
	}
	v := &validator{path: path, file: file}
	m.validate(v)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return m, nil
}

// decodeSection reads and checks a section whose type checks itself.
func decodeSection[T any, P interface {
	*T
	validate(*validator)
}](path string, file *ast.File, node ast.Node) (*T, []error) {
	if _, null := node.(*ast.NullNode); null || node == nil {
		return nil, nil
	}
	var sec T
	if err := yamlfile.Decode(path, node, &sec); err != nil {
		return nil, []error{err}
	}
	v := &validator{path: path, file: file}
	P(&sec).validate(v)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return &sec, nil
}

// pathNode follows a dotted path of keys ("columns.merchant") from n, as
// far as it goes.
func pathNode(n ast.Node, dotted string) ast.Node {
	for _, k := range splitDots(dotted) {
		next := yamlfile.Field(n, k)
		if next == n {
			return n
		}
		n = next
	}
	return n
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// validator collects errors positioned by YAML path.
type validator struct {
	path string
	file *ast.File
	errs []error
}

// dir is the config file's folder, for the relative paths it names.
func (v *validator) dir() string { return filepath.Dir(v.path) }

// say records the problem the catalogue's key says, with args, at the
// node the YAML path yamlPath names.
func (v *validator) say(yamlPath, key string, args message.Args) {
	e := &Error{File: v.path, Message: message.New(key, args)}
	e.Line, e.Column = position(v.file, yamlPath)
	v.errs = append(v.errs, e)
}

// position returns the line and column of the node at yamlPath in file, or
// zeros when there is none.
func position(file *ast.File, yamlPath string) (int, int) {
	p, err := yaml.PathString(yamlPath)
	if err != nil || file == nil {
		return 0, 0
	}
	n, err := p.FilterFile(file)
	if err != nil || n == nil {
		return 0, 0
	}
	return yamlfile.Pos(n)
}

// SplitErrors turns an error joined from several problems (as [Parse]
// returns) into its parts, to print one per line, and nil into none.
func SplitErrors(err error) []error { return yamlfile.SplitErrors(err) }
