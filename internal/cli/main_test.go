package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The CLI tests run the command in process, as cmd/cardcheck's main does,
// from the repository root (so that their paths read as the README's), with
// a clean environment for each run.
// The scripts (script_test.go) run the same entry point as a command.
func TestMain(m *testing.M) {
	// A fuzz worker starts in the folder the test moved to: the root.
	if _, err := os.Stat("go.mod"); err != nil && filepath.Base(os.Args[0]) != "cardcheck" {
		if err := os.Chdir("../.."); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	testscript.Main(m, map[string]func(){
		"cardcheck": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// result is what one run gave.
type result struct {
	stdout, stderr string
	code           int
}

// cardcheck runs the command in the repository root with a clean
// environment: an empty config and state home, so no file of the machine's
// user leaks into a test. env adds variables (KEY=VALUE).
func cardcheck(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cleanEnv(t, env)
	return run(args...)
}

// cleanEnv sets the environment of a run: an empty config and state home,
// LANG=C, and env (KEY=VALUE).
func cleanEnv(t testing.TB, env []string) {
	t.Helper()
	home := t.TempDir()
	vars := append([]string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"LANG=C", "LC_ALL=", "LC_MESSAGES=",
	}, env...)
	for _, kv := range vars {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// run runs the command in the environment as it is; overlapping runs share
// it.
func run(args ...string) result {
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return result{out.String(), errb.String(), code}
}
