package rules

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/pkg/suggest"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
	"github.com/cardcheck/cardcheck/rules/spec"
)

// A rule's parameters are its exported fields with a yaml tag; the doc tag
// says what each one means (cardcheck rules prints it). The config sets them
// by those names, per rule and per card; see [FromConfig].

// Days is a span of calendar days. In the config it is written "3d", "2w",
// "1y" (365 days), "24h" (whole days only) or a plain number of days.
// Statements carry dates, not times, so "within 1d" means the same day or
// the next.
type dayCount int

// UnmarshalText reads "3d", "2w", "1y", "48h" or "3" (statement.ParseDays).
func (d *dayCount) UnmarshalText(b []byte) error {
	n, err := statement.ParseDays(string(b))
	if err != nil {
		return err
	}
	*d = dayCount(n)
	return nil
}

// String writes d as "7d".
func (d dayCount) String() string { return fmt.Sprintf("%dd", int(d)) }

// Yen is a whole-yen amount used as a threshold. In the config it is written
// 1000, "1,000", "¥1,000" or "1000円". Thresholds are whole yen, so they
// compare exactly with charge amounts (see [Card.Yen]).
type yenAmount int64

// UnmarshalText reads a whole, non-negative yen amount.
func (y *yenAmount) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	t := strings.NewReplacer(",", "", "¥", "", "￥", "", "円", "").Replace(s)
	d, err := decimal.NewFromString(strings.TrimSpace(t))
	if err != nil || !d.IsInteger() || d.IsNegative() || d.GreaterThan(decimal.New(1, 15)) {
		return message.NewError("spec.param.yen", message.Args{"value": message.Text(s)}, nil)
	}
	*y = yenAmount(d.IntPart())
	return nil
}

// String writes y as "¥1,000".
func (y yenAmount) String() string { return statement.FormatYen(decimal.New(int64(y), 0)) }

// Ratio is a multiplier such as 1.8 (written 1.8, "1.8x" or "180%"), kept
// exactly in thousandths so that comparisons with yen stay integer.
type ratio int64

// UnmarshalText reads "1.8", "1.8x" or "180%".
func (r *ratio) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	t := strings.TrimRight(s, "x×")
	scale := decimal.New(1000, 0)
	if p, ok := strings.CutSuffix(t, "%"); ok {
		t, scale = p, decimal.New(10, 0)
	}
	d, err := decimal.NewFromString(strings.TrimSpace(t))
	if err != nil || !d.IsPositive() || d.Mul(scale).GreaterThan(decimal.New(1, 9)) {
		return message.NewError("spec.param.ratio", message.Args{"value": message.Text(s)}, nil)
	}
	*r = ratio(d.Mul(scale).Round(0).IntPart())
	return nil
}

// String writes r as "1.8".
func (r ratio) String() string { return decimal.New(int64(r), -3).String() }

// short is r rounded to one decimal, for messages: 4.5×.
func (r ratio) short() message.Value {
	return message.Ratio(decimal.New(int64(r), -3).Round(1).Shift(3).IntPart())
}

// Of returns y × r, rounded down to whole yen.
func (r ratio) Of(y int64) int64 { return mulDiv(y, int64(r), 1000) }

// AtLeast reports whether a ≥ r × ref, exactly.
func (r ratio) AtLeast(a, ref int64) bool { return cmpMul(a, 1000, ref, int64(r)) >= 0 }

// Times returns a/ref as a ratio, rounded down (0 when ref is not positive).
func timesOf(a, ref int64) ratio {
	if ref <= 0 {
		return 0
	}
	return ratio(mulDiv(a, 1000, ref))
}

// mulDiv is a*b/c rounded down (c > 0), exact for any int64 inputs.
func mulDiv(a, b, c int64) int64 {
	if small(a) && small(b) {
		p := a * b
		q := p / c
		if p%c != 0 && p < 0 {
			q--
		}
		return q
	}
	return decimal.New(a, 0).Mul(decimal.New(b, 0)).Div(decimal.New(c, 0)).Floor().IntPart()
}

// cmpMul compares a*b with c*d, exactly.
func cmpMul(a, b, c, d int64) int {
	if small(a) && small(b) && small(c) && small(d) {
		x, y := a*b, c*d
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return decimal.New(a, 0).Mul(decimal.New(b, 0)).Cmp(decimal.New(c, 0).Mul(decimal.New(d, 0)))
}

// small reports whether the product of two such numbers fits in an int64.
func small(a int64) bool { return a > -1<<31 && a < 1<<31 }

// param is one parameter of a rule, found by reflection.
type param struct {
	Name string // yaml name
	Doc  string
	v    reflect.Value // settable field of the rule
}

// params lists the parameters of the rule r points at.
func params(r any) []param {
	v := reflect.ValueOf(r)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	var out []param
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		out = append(out, param{Name: name, Doc: f.Tag.Get("doc"), v: v.Field(i)})
	}
	return out
}

// Param is a rule parameter as `cardcheck rules` lists it.
type Param struct {
	Name  string
	Value string // the value, formatted as it is written in the config
	Doc   string
}

// Params returns rule's parameters with their current values.
func paramsOf(rule Rule) []Param {
	v := reflect.New(reflect.TypeOf(rule))
	v.Elem().Set(reflect.ValueOf(rule))
	var out []Param
	for _, p := range params(v.Interface()) {
		out = append(out, Param{Name: p.Name, Value: formatParam(p.v), Doc: p.Doc})
	}
	return out
}

func formatParam(v reflect.Value) string {
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	if v.Kind() == reflect.Slice {
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = formatParam(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v.Interface())
}

// decodeParams sets the parameters of rule (a pointer) from the YAML
// mapping node, strictly: an unknown name is an error that lists the known
// ones. The key "enabled" is not a parameter; it is returned. Errors carry
// file, line and column.
func decodeParams(path, id string, rule any, node ast.Node) (enabled *bool, errs []error) {
	if node == nil {
		return nil, nil
	}
	if _, ok := node.(*ast.NullNode); ok {
		return nil, nil
	}
	m, ok := node.(*ast.MappingNode)
	if !ok {
		if mv, isMV := node.(*ast.MappingValueNode); isMV {
			m = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			return nil, []error{posAt(path, node, message.New("spec.rule.params", message.Args{"id": message.Text(id)}))}
		}
	}
	ps := params(rule)
	for _, mv := range m.Values {
		key := yamlfile.KeyName(mv)
		if key == "enabled" {
			var b bool
			if err := yaml.NodeToValue(mv.Value, &b, yaml.Strict()); err != nil {
				errs = append(errs, posAt(path, mv.Value, message.New("spec.rule.enabled", message.Args{"id": message.Text(id)})))
				continue
			}
			enabled = &b
			continue
		}
		var p *param
		for i := range ps {
			if ps[i].Name == key {
				p = &ps[i]
			}
		}
		if p == nil {
			names := []string{"enabled"}
			for _, q := range ps {
				names = append(names, q.Name)
			}
			errs = append(errs, posAt(path, mv.Key, message.New("spec.rule.no-param", message.Args{
				"id": message.Text(id), "key": message.Text(key), "near": nearest(key, names), "names": message.Text(strings.Join(names, ", "))})))
			continue
		}
		tmp := reflect.New(p.v.Type())
		tmp.Elem().Set(p.v)
		if err := yaml.NodeToValue(mv.Value, tmp.Interface(), yaml.Strict()); err != nil {
			errs = append(errs, valueErr(path, mv.Value, id, key, err))
			continue
		}
		p.v.Set(tmp.Elem())
	}
	return enabled, errs
}

// yamlMessage is a YAML decoding error without goccy's source excerpt.
func yamlMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return err.Error()
}

// valueErr is the error for a parameter's value: said from the catalogue
// when the parameter's type says why (a yen amount, a multiplier), else in
// the YAML decoder's English.
func valueErr(path string, node ast.Node, id, key string, err error) error {
	var me *message.Error
	if !errors.As(err, &me) {
		return posErr(path, node, "rule %s: %s: %s", id, key, yamlMessage(err))
	}
	return posAt(path, node, message.New("spec.rule.value", message.Args{
		"id": message.Text(id), "key": message.Text(key), "reason": message.List(me.Message)}))
}

// posErr is a config error at node's position, in English only (the YAML
// decoder's own words).
func posErr(path string, node ast.Node, format string, args ...any) error {
	e := posAt(path, node, message.Message{})
	e.Msg = fmt.Sprintf(format, args...)
	return e
}

// posAt is a config error at node's position saying m.
func posAt(path string, node ast.Node, m message.Message) *yamlfile.Error {
	e := &yamlfile.Error{File: path, Message: m}
	if node != nil {
		if tk := node.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		}
	}
	return e
}

// nearest is the one of names that word is a slip of, or "" (the
// catalogue's did-you-mean).
func nearest(word string, names []string) message.Value {
	near, _ := suggest.Nearest(word, names)
	return message.Text(near)
}

// unknownRule is the error for settings of a rule id there is none of.
func unknownRule(path string, s spec.RuleSettings) error {
	return &yamlfile.Error{File: path, Line: s.Line, Column: s.Column, Message: message.New("spec.rule.unknown", message.Args{
		"id": message.Text(s.ID), "near": nearest(s.ID, ruleIDs()), "ids": message.Text(strings.Join(ruleIDs(), ", "))})}
}
