package setup

import (
	"path/filepath"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Schedule is the routine run unattended, with this machine's paths: the
// cron lines and the systemd user units that init prints. init installs
// neither; the user copies what they choose.
//
// Every run files what was downloaded (import, whose notes go nowhere) and
// then scans the archive and mails what is new (scan, whose report goes
// nowhere: the mail carries it). Errors go to stderr, which cron mails and
// the journal keeps.
type Schedule struct {
	// Binary is the cardcheck to run, Downloads the folder statements are
	// downloaded to, Config the --config to pass ("" for the default).
	Binary, Downloads, Config string
	// Home is the user's home: a path under it is written "$HOME/…" for
	// cron and "%h/…" for systemd, so the lines read the same on every
	// machine.
	Home string
}

// args is the flags every run passes.
func (s Schedule) args(quote func(string) string) string {
	if s.Config == "" {
		return ""
	}
	return " --config " + quote(s.Config)
}

// Crontab returns the lines to add with `crontab -e`: every Monday at 08:30
// a run that mails what is new, and on the 12th at 08:00 one that also
// mails an all-clear, so that a silent month is a checked month.
func (s Schedule) Crontab(l lang.Lang) string {
	q := s.shellWord
	bin := q(s.Binary)
	run := func(scan string) string {
		return bin + s.args(q) + " import " + q(s.Downloads) + " >/dev/null; " + bin + s.args(q) + " " + scan + " >/dev/null"
	}
	say := func(key string) string { return "# " + message.Render(l, message.New(key, nil)) + "\n" }
	return say("schedule.cron.head") +
		say("schedule.cron.weekly") + "30 8 * * 1  " + run("scan --mail") + "\n" +
		say("schedule.cron.monthly") + "0 8 12 * *  " + run("scan --mail-always") + "\n"
}

// Unit is a systemd unit file: its name under ~/.config/systemd/user and its
// text.
type Unit struct {
	Name, Text string
}

// Units returns the weekly user service and timer (systemd runs a missed
// run at the next boot).
func (s Schedule) Units(l lang.Lang) []Unit {
	q := s.unitWord
	say := func(key string) string { return message.Render(l, message.New(key, nil)) }
	service := "[Unit]\nDescription=" + say("schedule.unit.service") + "\n\n[Service]\nType=oneshot\n" +
		// "-": a file import cannot read does not stop the scan.
		"ExecStart=-" + q(s.Binary) + s.args(q) + " import " + q(s.Downloads) + "\n" +
		"ExecStart=" + q(s.Binary) + s.args(q) + " scan --mail\n" +
		"# " + say("schedule.unit.exit") + "\nSuccessExitStatus=1\nStandardOutput=null\n"
	timer := "[Unit]\nDescription=" + say("schedule.unit.timer") + "\n\n[Timer]\nOnCalendar=Mon *-*-* 08:30\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
	return []Unit{{"cardcheck.service", service}, {"cardcheck.timer", timer}}
}

// under returns p relative to Home, and whether it is under it.
func (s Schedule) under(p string) (string, bool) {
	if s.Home == "" || !filepath.IsAbs(p) {
		return "", false
	}
	rel, err := filepath.Rel(s.Home, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}

// shellWord writes p for sh inside double quotes, "$HOME/…" for a path
// under the home folder; $, `, " and \ are escaped.
func (s Schedule) shellWord(p string) string {
	esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`")
	if rel, ok := s.under(p); ok {
		if rel == "." {
			return `"$HOME"`
		}
		return `"$HOME/` + esc.Replace(filepath.ToSlash(rel)) + `"`
	}
	return `"` + esc.Replace(p) + `"`
}

// unitWord writes p for a systemd command line: %h for the home folder,
// quoted when it holds a space; % and $ are escaped as systemd wants.
func (s Schedule) unitWord(p string) string {
	esc := strings.NewReplacer("%", "%%", "$", "$$", `\`, `\\`, `"`, `\"`)
	w := esc.Replace(p)
	if rel, ok := s.under(p); ok {
		w = "%h"
		if rel != "." {
			w += "/" + esc.Replace(filepath.ToSlash(rel))
		}
	}
	if strings.ContainsAny(w, " \t'\"") {
		return `"` + w + `"`
	}
	return w
}
