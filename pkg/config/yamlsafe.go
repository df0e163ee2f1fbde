package config

import (
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// The YAML library panics on some malformed input (fuzzing found a tag on a
// sequence that crashes its decoder). A config is the user's input and must
// never crash cardcheck, so every YAML read goes through these two wrappers,
// which turn a panic into an error.

// unmarshal is yaml.UnmarshalWithOptions that never panics.
func unmarshal(data []byte, v any, opts ...yaml.DecodeOption) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("YAML that cannot be read (the parser failed: %v)", r)
		}
	}()
	return yaml.UnmarshalWithOptions(data, v, opts...)
}

// ParseYAML is parser.ParseBytes that never panics; for code that edits a
// config's text.
func ParseYAML(data []byte, mode parser.Mode) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("YAML that cannot be read (the parser failed: %v)", r)
		}
	}()
	return parser.ParseBytes(data, mode)
}
