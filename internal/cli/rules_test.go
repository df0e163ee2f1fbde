package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/rules"
)

func TestRulesCheck(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("rules:\n  user:\n    - id: typo\n      when: 'paye contains \"APPLE\"'\n"), 0o644)
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("rules:\n  burst: {min: 2}\n  user:\n    - id: apple\n      when: 'payee contains \"APPLE\" && amount > 2000'\n"), 0o644)

	var out, errb bytes.Buffer
	if code := Main([]string{"--config", bad, "rules", "check"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("bad config: exit %d, want 2", code)
	}
	if want := bad + `:4:14: user rule "typo": when: unknown name paye (line 1, column 1 of the expression)`; strings.TrimSpace(errb.String()) != want {
		t.Errorf("stderr %q\nwant %q", errb.String(), want)
	}

	out.Reset()
	errb.Reset()
	if code := Main([]string{"--config", good, "rules", "check"}, strings.NewReader(""), &out, &errb); code != 0 || errb.Len() > 0 {
		t.Errorf("good config: exit %d, %s", code, errb.String())
	}
	// Every built-in rule is on (their number grows as rules are added).
	if want := fmt.Sprintf("ok: %d built-in rules on, 1 user rule(s)", len(rules.Catalogue())); !strings.Contains(out.String(), want) {
		t.Errorf("stdout %q", out.String())
	}

	out.Reset()
	errb.Reset()
	if code := Main([]string{"--config", good, "rules"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Errorf("rules: exit %d, %s", code, errb.String())
	}
	for _, want := range []string{`RULE +SEVERITY +PARAMETER +DEFAULT +CONFIG +MEANING`, `\nunknown-payee +alert +on a recurring-only card`,
		`\nburst +alert `, `\n +min +3 +2 +charges from one payee`, `\napple +warning +user rule`} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("rules output lacks %s:\n%s", want, out.String())
		}
	}
}

// TestUserRuleFailsOnce: a user rule that fails at run time is one error
// on stderr and an exit code that says so, not a finding per charge; the
// other rules' findings are still reported.
func TestUserRuleFailsOnce(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(cfg, []byte("rules:\n  user:\n    - id: bad-int\n      when: int(\"x\" + payee) > 0\n"), 0o600)
	r := cardcheck(t, nil, "--config", cfg, "scan", "testdata/demo")
	if r.code != 2 || strings.Count(r.stderr, "bad-int") != 1 || !strings.Contains(r.stderr, `user rule "bad-int" failed on `) {
		t.Errorf("exit %d\nstderr:\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "bad-int") || !strings.Contains(r.stdout, "6a3412695cfa") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}
