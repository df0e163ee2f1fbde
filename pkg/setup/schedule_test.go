package setup

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
)

func TestCrontabLines(t *testing.T) {
	s := Schedule{Binary: "/home/u/go/bin/cardcheck", Downloads: "/home/u/Downloads", Home: "/home/u"}
	want := `# cardcheck: file new statements, then mail new suspicious charges once; errors go to cron's mail.
# Every Monday at 08:30.
30 8 * * 1  "$HOME/go/bin/cardcheck" import "$HOME/Downloads" >/dev/null; "$HOME/go/bin/cardcheck" scan --mail >/dev/null
# The 12th of every month at 08:00, with an all-clear when nothing is new.
0 8 12 * *  "$HOME/go/bin/cardcheck" import "$HOME/Downloads" >/dev/null; "$HOME/go/bin/cardcheck" scan --mail-always >/dev/null
`
	if got := s.Crontab(lang.EN); got != want {
		t.Errorf("crontab:\n%s\nwant:\n%s", got, want)
	}
	units := s.Units(lang.EN)
	if len(units) != 2 || !strings.Contains(units[0].Text, "ExecStart=-%h/go/bin/cardcheck import %h/Downloads\nExecStart=%h/go/bin/cardcheck scan --mail\n") ||
		!strings.Contains(units[1].Text, "OnCalendar=Mon *-*-* 08:30") {
		t.Errorf("units: %+v", units)
	}
}

// Paths that a shell or systemd would read otherwise are quoted: the
// command sh runs names exactly the files given.
func TestSchedulePathsAreQuoted(t *testing.T) {
	home := t.TempDir()
	odd := filepath.Join(home, `my "cards" $HOME`+"`x`")
	bin := filepath.Join(t.TempDir(), "bin dir", "cardcheck")
	s := Schedule{Binary: bin, Downloads: odd, Config: "/etc/card check.yaml", Home: home}
	line := strings.Split(s.Crontab(lang.EN), "\n")[2]
	cmd := strings.TrimPrefix(line, "30 8 * * 1  ")
	// Run the line with a stand-in for cardcheck that prints its arguments.
	os.MkdirAll(filepath.Dir(bin), 0o755)
	os.WriteFile(bin, []byte("#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done; echo\n"), 0o755)
	cmd = strings.ReplaceAll(cmd, ">/dev/null", "")
	want := "[--config][/etc/card check.yaml][import][" + odd + "]\n[--config][/etc/card check.yaml][scan][--mail]\n"
	cmdEnv := exec.Command("/bin/sh", "-c", cmd)
	cmdEnv.Env = []string{"HOME=" + home, "PATH=/usr/bin:/bin"}
	if out, err := cmdEnv.CombinedOutput(); err != nil || string(out) != want {
		t.Errorf("sh ran %q (%v), want %q", out, err, want)
	}
	u := s.Units(lang.EN)[0].Text
	if !strings.Contains(u, `"%h/my \"cards\" $$HOME`+"`x`"+`"`) || !strings.Contains(u, `"/etc/card check.yaml"`) {
		t.Errorf("unit:\n%s", u)
	}
}
