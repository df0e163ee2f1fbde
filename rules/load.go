package rules

import (
	"cmp"
	"errors"
	"os"
	"slices"

	"github.com/cardcheck/cardcheck/pkg/config"
)

// Load reads the config at path and builds the engine from it, the one way
// every command does. explicit says the user named the file, which must
// then exist; a missing file at the default path means no config.
//
// errs holds every problem of both, one per entry, in the file's order.
// When the config cannot be read, cfg is nil and the engine runs the
// defaults; the rules section is still read on its own so that its
// problems are reported in the same run.
func Load(path string, explicit bool) (cfg *config.Config, eng *Engine, errs []error) {
	cfg, err := config.Load(path, explicit)
	errs = config.SplitErrors(err)
	rulesCfg := cfg
	if err != nil {
		if data, rerr := os.ReadFile(path); rerr == nil {
			rulesCfg = config.RulesOnly(path, data)
		}
	}
	eng, err = FromConfig(rulesCfg)
	said := map[string]bool{}
	for _, e := range errs {
		said[e.Error()] = true
	}
	for _, e := range config.SplitErrors(err) {
		if !said[e.Error()] {
			errs = append(errs, e)
		}
	}
	if cfg == nil || eng == nil {
		eng = Default()
	}
	slices.SortStableFunc(errs, func(a, b error) int {
		var ea, eb *config.Error
		if !errors.As(a, &ea) || !errors.As(b, &eb) || ea.File != eb.File {
			return 0
		}
		return cmp.Or(cmp.Compare(ea.Line, eb.Line), cmp.Compare(ea.Column, eb.Column))
	})
	return cfg, eng, errs
}
