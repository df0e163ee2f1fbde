package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The scripts in testdata/script run cardcheck as a user types it, each in a
// fresh folder holding a copy of the demo statements and config at
// testdata/demo and the demo's usage notices at testdata/demo-notices (as
// in the README), with an empty HOME: the same command
// and output a reader sees. testscript runs the command in a process of its
// own (this test binary, as cardcheck).
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "internal/cli/testdata/script",
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"demo", "demo-notices"} {
				dst := filepath.Join(env.WorkDir, "testdata", dir)
				if err := os.MkdirAll(dst, 0o755); err != nil {
					return err
				}
				files, _ := filepath.Glob(filepath.Join(testdata, dir, "*"))
				for _, f := range files {
					data, err := os.ReadFile(f)
					if err != nil {
						return err
					}
					if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
						return err
					}
				}
			}
			home := filepath.Join(env.WorkDir, "home")
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("XDG_STATE_HOME", filepath.Join(home, ".local", "state"))
			env.Setenv("LANG", "C")
			return nil
		},
	})
}
