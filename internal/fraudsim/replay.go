package fraudsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Mode is how a replay keeps state between runs.
type Mode string

// The modes.
const (
	// NoState runs every month's scan with an empty state folder: what a
	// user without one sees, relying on the statements alone.
	NoState Mode = "no state"
	// WithState keeps one state folder; after each run a simulated user
	// acknowledges the findings that are entirely their own (and, with
	// [Runner.ReportFraud], reports the others as fraud).
	WithState Mode = "state"
)

// Modes lists the modes in report order.
var Modes = []Mode{NoState, WithState}

// Runner replays cardholders through a cardcheck binary.
type Runner struct {
	// Binary is the cardcheck program.
	Binary string
	// ReportFraud makes the simulated user of a WithState replay run
	// `cardcheck ack --fraud` on the findings that hold fraud.
	ReportFraud bool
	// Mail, when set, is the config's mail: section (YAML) a WithState
	// replay mails its new findings with, as cron runs `scan --mail`: the
	// state then records what each run reported.
	Mail string
}

// Finding is one finding of a run, its charges mapped back to their labels.
type Finding struct {
	ID        string
	Rule      string
	Severity  Severity
	Message   string
	CardLevel bool
	Charges   []*Charge
}

// Fraud reports whether the finding holds a fraud charge.
func (f *Finding) Fraud() bool {
	for _, c := range f.Charges {
		if c.Fraud() {
			return true
		}
	}
	return false
}

// Severity ranks findings as cardcheck's JSON names them.
type Severity int

// The severities, lowest first.
const (
	Info Severity = iota
	Warning
	Alert
)

func (s Severity) String() string { return [...]string{"info", "warning", "alert"}[s] }

func parseSeverity(s string) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "alert":
		return Alert, nil
	}
	return 0, fmt.Errorf("unknown severity %q", s)
}

// Run is one month's scan.
type Run struct {
	Statement int // index of the newest statement
	Findings  []Finding
	// Acked and Reported are the finding ids the simulated user
	// acknowledged as theirs and reported as fraud after the run.
	Acked, Reported []string
}

// Replay is a cardholder's replayed months in one mode.
type Replay struct {
	Cardholder *Cardholder
	Mode       Mode
	Runs       []Run
	// Checked holds the charges of the replayed statements: the ones the
	// runs were there to judge.
	Checked map[*Charge]bool
}

// Replay writes h's history statements to dir, then adds one month's
// statements at a time and runs `cardcheck scan --json` on the folder, as
// cron does after each statement arrives.
func (rn *Runner) Replay(h *Cardholder, mode Mode, dir string) (*Replay, error) {
	stmts := filepath.Join(dir, "statements")
	if err := os.MkdirAll(stmts, 0o700); err != nil {
		return nil, err
	}
	rp := &Replay{Cardholder: h, Mode: mode, Checked: map[*Charge]bool{}}
	files := map[string]File{}
	write := func(k int) error {
		for _, a := range h.Accounts {
			f, ok := h.Statement(a, k)
			if !ok {
				continue
			}
			path := filepath.Join(stmts, f.Name)
			if err := os.WriteFile(path, f.Data, 0o600); err != nil {
				return err
			}
			files[path] = f
			if k >= h.History {
				from, to := h.period(a, k)
				for _, ch := range f.Lines {
					if ch.Posted >= from && ch.Posted <= to {
						rp.Checked[ch] = true
					}
				}
			}
		}
		return nil
	}
	for k := range h.History {
		if err := write(k); err != nil {
			return nil, err
		}
	}
	state := filepath.Join(dir, "state")
	mail := mode == WithState && rn.Mail != ""
	if mail {
		conf := filepath.Join(dir, "home", "config", "cardcheck", "config.yaml")
		if err := os.MkdirAll(filepath.Dir(conf), 0o700); err != nil {
			return nil, err
		}
		// The replay's months are in the past: the warning about stale
		// statements (scan --mail compares them with today) is off.
		if err := os.WriteFile(conf, []byte("stale_after: off\n"+rn.Mail), 0o600); err != nil {
			return nil, err
		}
	}
	for k := h.History; k < h.Months(); k++ {
		if err := write(k); err != nil {
			return nil, err
		}
		if mode == NoState {
			state = filepath.Join(dir, fmt.Sprintf("state-%d", k))
		}
		run, err := rn.scan(dir, stmts, state, files, mail)
		if err != nil {
			return nil, fmt.Errorf("%s, statement %d: %w", h.Seed, k, err)
		}
		run.Statement = k
		if mode == WithState {
			if err := rn.verdicts(dir, state, &run); err != nil {
				return nil, fmt.Errorf("%s, statement %d: %w", h.Seed, k, err)
			}
		}
		rp.Runs = append(rp.Runs, run)
	}
	return rp, nil
}

// scanJSON is the part of `cardcheck scan --json` the replay reads.
type scanJSON struct {
	Findings []struct {
		ID        string `json:"id"`
		Rule      string `json:"rule"`
		Severity  string `json:"severity"`
		Message   string `json:"message"`
		CardLevel bool   `json:"card_level"`
		Charges   []struct {
			Source string `json:"source"`
		} `json:"charges"`
	} `json:"findings"`
	Errors []struct {
		Source  string `json:"source"`
		Message string `json:"message"`
	} `json:"errors"`
}

// scan runs the binary on the statements folder and maps its findings.
func (rn *Runner) scan(dir, stmts, state string, files map[string]File, mail bool) (Run, error) {
	args := []string{"scan", "--json", "--state", state}
	if mail {
		args = append(args, "--mail")
	}
	out, err := rn.cardcheck(dir, append(args, stmts)...)
	if err != nil {
		return Run{}, err
	}
	var doc scanJSON
	if err := json.Unmarshal(out, &doc); err != nil {
		return Run{}, fmt.Errorf("reading scan --json: %w", err)
	}
	if len(doc.Errors) > 0 {
		return Run{}, fmt.Errorf("scan reported errors: %s: %s", doc.Errors[0].Source, doc.Errors[0].Message)
	}
	var run Run
	for _, jf := range doc.Findings {
		sev, err := parseSeverity(jf.Severity)
		if err != nil {
			return Run{}, err
		}
		f := Finding{ID: jf.ID, Rule: jf.Rule, Severity: sev, Message: jf.Message, CardLevel: jf.CardLevel}
		for _, jc := range jf.Charges {
			ch, err := chargeAt(files, jc.Source)
			if err != nil {
				return Run{}, fmt.Errorf("finding %s: %w", jf.ID, err)
			}
			f.Charges = append(f.Charges, ch)
		}
		run.Findings = append(run.Findings, f)
	}
	return run, nil
}

// chargeAt returns the labelled charge on line "path:line".
func chargeAt(files map[string]File, source string) (*Charge, error) {
	i := strings.LastIndexByte(source, ':')
	if i < 0 {
		return nil, fmt.Errorf("source %q has no line", source)
	}
	n, err := strconv.Atoi(source[i+1:])
	if err != nil {
		return nil, fmt.Errorf("source %q: %w", source, err)
	}
	f, ok := files[source[:i]]
	if !ok {
		return nil, fmt.Errorf("source %q: not a statement of the replay", source)
	}
	ch := f.Lines[n]
	if ch == nil {
		return nil, fmt.Errorf("source %q: not a charge line", source)
	}
	return ch, nil
}

// verdicts is the simulated user reading the run's mail: findings at
// warning or above that hold only their own charges are acknowledged; with
// ReportFraud, the ones holding fraud are reported as not theirs.
func (rn *Runner) verdicts(dir, state string, run *Run) error {
	for _, f := range run.Findings {
		if f.Severity < Warning {
			continue
		}
		if f.Fraud() {
			if rn.ReportFraud && !f.CardLevel {
				run.Reported = append(run.Reported, f.ID)
			}
			continue
		}
		run.Acked = append(run.Acked, f.ID)
	}
	if len(run.Acked) > 0 {
		if _, err := rn.cardcheck(dir, append([]string{"ack", "--state", state}, run.Acked...)...); err != nil {
			return err
		}
	}
	if len(run.Reported) > 0 {
		if _, err := rn.cardcheck(dir, append([]string{"ack", "--fraud", "--state", state}, run.Reported...)...); err != nil {
			return err
		}
	}
	return nil
}

// cardcheck runs the binary with a clean environment (no config, no state
// of the machine's user) and returns its standard output. Exit code 1
// (findings) is success; anything else is an error with its stderr.
func (rn *Runner) cardcheck(dir string, args ...string) ([]byte, error) {
	home := filepath.Join(dir, "home")
	cmd := exec.Command(rn.Binary, args...)
	cmd.Env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_STATE_HOME=" + filepath.Join(home, "state"), "LANG=C", "PATH=" + os.Getenv("PATH")}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("cardcheck %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return out.Bytes(), nil
}
