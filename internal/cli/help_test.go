package cli

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/internal/cli/root"
	"github.com/cardcheck/cardcheck/pkg/lang"
)

// TestHelpInJapanese: every command's help (its text, every flag, cobra's
// own commands) has its Japanese in the catalogue (pkg/message/help.go,
// found by the English as the command writes it).
func TestHelpInJapanese(t *testing.T) {
	f := cmdutil.NewFactory(cmdutil.NewIOStreams(strings.NewReader(""), &strings.Builder{}, &strings.Builder{}))
	missing := cmdutil.Localize(root.NewCmdRoot(f), lang.JA)
	for _, en := range missing {
		t.Errorf("no Japanese for this help text; add it to pkg/message/help.go:\n%s", en)
	}
}
