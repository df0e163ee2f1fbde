package scancmd

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
)

// TestFlags checks that the flags land in the options run gets (the run
// itself is tested end to end in internal/cli).
func TestFlags(t *testing.T) {
	var got *Options
	f := cmdutil.NewFactory(cmdutil.NewIOStreams(strings.NewReader(""), &strings.Builder{}, &strings.Builder{}))
	cmd := NewCmd(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--json", "--fail-on", "alert", "--since", "2022-01-01", "--mail", "--state", "/s", "a", "b"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.JSON || got.FailOn != "alert" || got.Since != "2022-01-01" || !got.Mail || got.StateDir != "/s" || strings.Join(got.Paths, ",") != "a,b" {
		t.Errorf("options %+v", got)
	}
	cmd = NewCmd(f, func(*Options) error { return nil })
	cmd.SetArgs([]string{"--json", "--csv", "a"})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "json") {
		t.Errorf("--json with --csv: %v", err)
	}
}
