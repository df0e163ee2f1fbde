package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLearnDemo(t *testing.T) {
	r := cardcheck(t, nil, "learn", "testdata/demo")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"PAYPAL *SAMPLESOFT", "東西新聞 購読料", "2022-02-01  established",
		"会費ペイ", "early", "4 recurring payee(s): 3 established, 1 early, 0 already in the config.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in\n%s", want, r.stdout)
		}
	}
}

// TestLearnWrite removes the newspaper from a copy of the demo config and
// has learn --write put it back: the user's lines stay as they were, the
// entry goes at the end of the payees list, and scan then knows the payee.
func TestLearnWrite(t *testing.T) {
	demo, err := os.ReadFile("testdata/demo/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	skip := false
	for _, l := range strings.SplitAfter(string(demo), "\n") {
		switch {
		case strings.Contains(l, "name: Newspaper"):
			skip = true
		case skip && strings.HasPrefix(strings.TrimSpace(l), "- "):
			skip = false
		}
		if !skip {
			kept = append(kept, l)
		}
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	before := strings.Join(kept, "")
	if err := os.WriteFile(path, []byte(before), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cardcheck(t, nil, "--config", path, "learn", "--write", "testdata/demo")
	if r.code != 0 || !strings.Contains(r.stderr, "added 1 payee(s)") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(after), before) || !strings.Contains(string(after), `patterns: ["東西新聞 購読料"]`) {
		t.Errorf("config after learn --write:\n%s", after)
	}
	r = cardcheck(t, nil, "--config", path, "learn", "--write", "testdata/demo")
	if r.code != 0 || !strings.Contains(r.stderr, "nothing to add") || !strings.Contains(r.stdout, "4 already in the config") {
		t.Errorf("second run: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestPayeesDemo(t *testing.T) {
	r := cardcheck(t, nil, "payees", "--card", "4980-00", "testdata/demo")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{"(last charge 2022-01-24)", "東西新聞 購読料", "2022-02-01", "4 recurring payee(s) to update when this card is replaced."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in\n%s", want, r.stdout)
		}
	}
	r = cardcheck(t, nil, "payees", "--new-card", "9999", "testdata/demo")
	if r.code != 2 || !strings.Contains(r.stderr, `the new card "9999" matches no card`) {
		t.Errorf("unknown new card: exit %d, stderr %q", r.code, r.stderr)
	}
}
