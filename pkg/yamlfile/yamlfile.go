// Package yamlfile reads the YAML files people write for cardcheck (the
// config) safely and explains what is wrong with them in plain words: every
// problem at once, each at its line and column, with "did you mean" for a
// mistyped key.
//
// A file is read with limits (size, and the size aliases can expand to, so a
// "billion laughs" file fails at once instead of taking minutes and
// gigabytes), parsed once into a syntax tree, and decoded from the tree
// section by section, so that a mistake in one part does not hide the rest.
// The YAML library panics on some malformed input; a config is the user's
// input and must never crash cardcheck, so every call into it here turns a
// panic into an error.
package yamlfile

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"syscall"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/suggest"
)

// Limits. A config is a few kilobytes; these are far above any real one.
const (
	// MaxSize is the largest file read.
	MaxSize = 1 << 20
	// MaxNodes bounds the nodes of the tree once aliases are expanded.
	MaxNodes = 100_000
)

// Error is a problem in a file at a line and column (0 when unknown).
// What is wrong is Message, facts the catalogue says in English or
// Japanese ([Error.In]); Msg is English text, for problems not yet in the
// catalogue, said as it is when Message is zero.
type Error struct {
	File         string
	Line, Column int
	Msg          string
	Message      message.Message
}

// Error is the problem in English: "config.yaml:3:1: indent with spaces,
// not tabs".
func (e *Error) Error() string { return e.In(lang.EN) }

// In is the problem said in l, after the file, line and column.
func (e *Error) In(l lang.Lang) string {
	msg := e.Msg
	if !e.Message.IsZero() {
		msg = message.Render(l, e.Message)
	}
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, msg)
}

// At returns an *Error at node's position saying m (a config.* entry of
// the catalogue).
func At(file string, node ast.Node, m message.Message) *Error {
	e := &Error{File: file, Message: m}
	e.Line, e.Column = Pos(node)
	return e
}

// Errorf returns an *Error at node's position.
func Errorf(file string, node ast.Node, format string, args ...any) *Error {
	e := &Error{File: file, Msg: fmt.Sprintf(format, args...)}
	e.Line, e.Column = Pos(node)
	return e
}

// ReadFile reads the file at path, which must be a regular file (a FIFO
// would block the run forever; it is opened without waiting and refused)
// of at most MaxSize bytes.
func ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("not a regular file (%s)", kindOf(info.Mode()))}
	}
	if info.Size() > MaxSize {
		return nil, tooLarge(path, info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, tooLarge(path, int64(len(data)))
	}
	return data, nil
}

func tooLarge(path string, n int64) error {
	return &Error{File: path, Message: message.New("config.too-large", message.Args{"size": message.Count(int(n)), "max": message.Count(MaxSize)})}
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return m.Type().String()
}

// Parse parses data, read from file, into its syntax tree (comments kept).
// Its errors are *Error values in plain words, joined: tabs used for
// indentation (every such line), YAML that does not parse, aliases that
// expand beyond MaxNodes.
func Parse(file string, data []byte) (*ast.File, error) {
	if len(data) > MaxSize {
		return nil, tooLarge(file, int64(len(data)))
	}
	if errs := tabs(file, data); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	f, err := parse(data)
	if err != nil {
		return nil, syntaxError(file, err)
	}
	if n := expandedNodes(f); n > MaxNodes {
		return nil, &Error{File: file, Message: message.New("config.aliases", message.Args{"max": message.Count(MaxNodes)})}
	}
	return f, nil
}

// parse is parser.ParseBytes that never panics.
func parse(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("YAML that cannot be read (the parser failed: %v)", r)
		}
	}()
	return parser.ParseBytes(data, parser.ParseComments)
}

// tabs reports each line indented with a tab: YAML allows only spaces, and
// the parser's own message names a character nobody can see.
func tabs(file string, data []byte) []error {
	var errs []error
	for i, line := range strings.Split(string(data), "\n") {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if k := strings.IndexByte(indent, '\t'); k >= 0 && strings.TrimSpace(line) != "" {
			errs = append(errs, &Error{File: file, Line: i + 1, Column: k + 1, Message: message.New("config.tab", nil)})
		}
	}
	return errs
}

// syntaxError says what the parser found in plain words.
func syntaxError(file string, err error) error {
	e := &Error{File: file, Msg: err.Error()}
	var ye yaml.Error
	if errors.As(err, &ye) {
		e.Msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		}
	}
	// The parser's own words name tokens; these say what to do.
	switch {
	case strings.Contains(e.Msg, "value is not allowed in this context"):
		e.Message = message.New("config.misaligned", nil)
	case strings.Contains(e.Msg, "non-map value is specified"):
		e.Message = message.New("config.want-key-value", nil)
	case strings.Contains(e.Msg, "could not find flow") || strings.Contains(e.Msg, "unterminated"):
		e.Message = message.New("config.unclosed", message.Args{"detail": message.Text(e.Msg)})
	default:
		e.Message = message.New("config.syntax", message.Args{"detail": message.Text(e.Msg)})
	}
	return e
}

// expandedNodes counts the nodes of f as a decoder sees them, each alias
// counting as the whole of what it names; it stops counting past MaxNodes.
func expandedNodes(f *ast.File) int {
	anchors := map[string]int{}
	var count func(n ast.Node) int
	count = func(n ast.Node) int {
		switch v := n.(type) {
		case nil:
			return 0
		case *ast.AnchorNode:
			c := count(v.Value)
			anchors[v.Name.GetToken().Value] = c
			return c
		case *ast.AliasNode:
			return max(1, anchors[v.Value.GetToken().Value])
		case *ast.MappingNode:
			total := 1
			for _, mv := range v.Values {
				total += count(mv)
				if total > MaxNodes {
					return total
				}
			}
			return total
		case *ast.MappingValueNode:
			return 1 + count(v.Key) + count(v.Value)
		case *ast.SequenceNode:
			total := 1
			for _, e := range v.Values {
				total += count(e)
				if total > MaxNodes {
					return total
				}
			}
			return total
		case *ast.TagNode:
			return count(v.Value)
		case *ast.DocumentNode:
			return count(v.Body)
		}
		return 1
	}
	total := 0
	for _, d := range f.Docs {
		total += count(d)
	}
	return total
}

// Decode decodes node strictly into v (a pointer). Its errors are *Error
// values in plain words: a key v does not have (with the key meant, when
// one is near), a value of the wrong kind.
func Decode(file string, node ast.Node, v any) error {
	err := nodeToValue(node, v)
	if err == nil {
		return nil
	}
	e := &Error{File: file, Msg: err.Error()}
	e.Line, e.Column = Pos(node)
	var ye yaml.Error
	if errors.As(err, &ye) {
		e.Msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		}
	}
	if key, ok := strings.CutPrefix(e.Msg, "unknown field "); ok {
		e.Message = UnknownKeyMessage(strings.Trim(key, `"`), Keys(v))
	} else if i := strings.Index(e.Msg, " of type "); i >= 0 && strings.HasPrefix(e.Msg, "cannot unmarshal") {
		e.Message = message.New("config.want", message.Args{"kind": message.Term(kindWords(e.Msg[i+len(" of type "):]))})
	}
	return e
}

// nodeToValue is yaml.NodeToValue that never panics.
func nodeToValue(node ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("YAML that cannot be read (the decoder failed: %v)", r)
		}
	}()
	return yaml.NodeToValue(node, v, yaml.Strict())
}

// UnknownKey says in English that key is not one of keys, suggesting the
// nearest; [UnknownKeyMessage] is the same as facts.
func UnknownKey(key string, keys []string) string {
	return message.Render(lang.EN, UnknownKeyMessage(key, keys))
}

// UnknownKeyMessage says that key is not one of keys, suggesting the
// nearest: unknown key "hots"; did you mean "host"? (the keys here are …).
func UnknownKeyMessage(key string, keys []string) message.Message {
	near, _ := suggest.Nearest(key, keys)
	return message.New("config.unknown-key", message.Args{"key": message.Text(key), "near": message.Text(near),
		"keys": message.Text(strings.Join(keys, ", "))})
}

// Keys lists the YAML keys of the struct v points at.
func Keys(v any) []string {
	t := reflect.TypeOf(v)
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// kindWords names a Go type the way a config's reader knows it: the
// catalogue's term for it (config.kind.*).
func kindWords(goType string) string {
	switch {
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "config.kind.number"
	case goType == "bool":
		return "config.kind.bool"
	case goType == "string":
		return "config.kind.text"
	case strings.HasPrefix(goType, "[]"):
		return "config.kind.list"
	}
	return "config.kind.mapping"
}

// Pos returns the line and column of node, or zeros: for a block mapping,
// where its first key is.
func Pos(node ast.Node) (int, int) {
	switch n := node.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if len(n.Values) > 0 && n.Start != nil && n.Start.Type != token.MappingStartType {
			return Pos(n.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return Pos(n.Key)
	}
	if reflect.ValueOf(node).IsNil() {
		return 0, 0
	}
	tk := node.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

// Mapping returns node as a mapping; a single "key: value" is one too.
func Mapping(node ast.Node) (*ast.MappingNode, bool) {
	switch n := node.(type) {
	case *ast.MappingNode:
		return n, true
	case *ast.MappingValueNode:
		return &ast.MappingNode{BaseNode: &ast.BaseNode{}, Start: n.GetToken(), Values: []*ast.MappingValueNode{n}}, true
	}
	return nil, false
}

// Body returns the first document's content, or nil for an empty file.
func Body(f *ast.File) ast.Node {
	if f == nil || len(f.Docs) == 0 {
		return nil
	}
	return f.Docs[0].Body
}

// SplitErrors turns an error joined from several problems into its parts,
// to print one per line, and nil into none.
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

// Sort orders errors of one file by line and column; others keep their
// place relative to each other.
func Sort(errs []error) {
	slices.SortStableFunc(errs, func(a, b error) int {
		var ea, eb *Error
		if !errors.As(a, &ea) || !errors.As(b, &eb) || ea.File != eb.File {
			return 0
		}
		return cmp.Or(cmp.Compare(ea.Line, eb.Line), cmp.Compare(ea.Column, eb.Column))
	})
}

// KeyName returns the key of a mapping entry as written, without the
// comments the tree keeps beside it.
func KeyName(mv *ast.MappingValueNode) string {
	if tk := mv.Key.GetToken(); tk != nil {
		return tk.Value
	}
	return mv.Key.String()
}

// Field returns the value of key in the mapping n, or n itself when there
// is none (so that an error about a missing key points at the entry).
func Field(n ast.Node, key string) ast.Node {
	if m, ok := Mapping(n); ok {
		for _, mv := range m.Values {
			if KeyName(mv) == key {
				return mv.Value
			}
		}
	}
	return n
}
