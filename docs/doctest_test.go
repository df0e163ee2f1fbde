package docs

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/setup"
)

// The doc tests: every command the README and docs/ show is run.
//
//   - A ```console block is a session: each line starting with "$ " is a
//     command, the lines after it are its output (stdout and stderr as a
//     terminal shows them). The command runs with sh in a sandbox and its
//     output must be the one shown, line for line; a line "…" alone stands
//     for any number of lines the page leaves out. `go run ./cmd/cardcheck`
//     runs the built binary, and go run's own "exit status N" line is
//     expected after the output as the page shows it.
//   - In the other blocks (sh, crontab), every cardcheck command must be
//     one cardcheck knows: its subcommand and flags are checked by running
//     it with --help.
//   - The systemd units (```ini blocks under "Running from a systemd
//     timer") must be what `cardcheck init` prints.
//
// Each page runs in a sandbox of its own, in the order of the page, so a
// page can build on its earlier commands (import, then scan): a folder
// holding testdata/demo as in a clone, an empty HOME, LANG=C, and
// cardcheck on PATH. A comment `<!-- doctest: NAME -->` before a block
// prepares more (see setups). What depends on the machine is normalised in
// one place, normalise.

// setups prepare a sandbox for the block after a `<!-- doctest: NAME -->`.
var setups = map[string]func(t *testing.T, sb *sandbox){
	// downloads: the demo's statements in ~/Downloads as a browser saves
	// them, beside files that are not statements.
	"downloads": func(t *testing.T, sb *sandbox) {
		dl := filepath.Join(sb.home, "Downloads")
		os.MkdirAll(dl, 0o755)
		files, _ := filepath.Glob("../testdata/demo/*.csv")
		for i, f := range files {
			data, _ := os.ReadFile(f)
			os.WriteFile(filepath.Join(dl, fmt.Sprintf("meisai (%d).csv", i+1)), data, 0o644)
		}
		os.WriteFile(filepath.Join(dl, "bank.csv"), []byte("取引日,摘要,お預入れ,お引出し\n2022/01/05,ATM,,10000\n"), 0o644)
		os.WriteFile(filepath.Join(dl, "invoice.pdf"), []byte("%PDF-1.4\n"), 0o644)
	},
}

type sandbox struct {
	dir, home, bin string
}

// normalise makes output comparable across machines: the sandbox's HOME is
// written ~, its folder removed from paths.
func (sb *sandbox) normalise(s string) string {
	s = strings.ReplaceAll(s, sb.home, "~")
	s = strings.ReplaceAll(s, sb.dir+"/", "")
	return s
}

// block is a fenced block of a page.
type block struct {
	page  string
	line  int // of the opening fence
	info  string
	setup string // the doctest comment before it
	lines []string
	// heading is the section the block is in.
	heading string
}

func blocks(t *testing.T, page string) []block {
	t.Helper()
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var out []block
	var cur *block
	setup, heading := "", ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(l, "```"):
			cur = &block{page: page, line: n, info: strings.TrimPrefix(l, "```"), setup: setup, heading: heading}
			setup = ""
		case cur != nil && strings.HasPrefix(l, "```"):
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, l)
		case strings.HasPrefix(l, "<!-- doctest: "):
			setup = strings.TrimSuffix(strings.TrimPrefix(l, "<!-- doctest: "), " -->")
		case strings.HasPrefix(l, "#"):
			heading = strings.TrimSpace(strings.TrimLeft(l, "#"))
		}
	}
	return out
}

// build builds cardcheck once for all pages.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bin")
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "cardcheck"), "../cmd/cardcheck").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func newSandbox(t *testing.T, bin string) *sandbox {
	t.Helper()
	dir := t.TempDir()
	demo := filepath.Join(dir, "testdata", "demo")
	os.MkdirAll(demo, 0o755)
	files, _ := filepath.Glob("../testdata/demo/*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(demo, filepath.Base(f)), data, 0o644)
	}
	home := filepath.Join(dir, "home")
	os.MkdirAll(home, 0o755)
	return &sandbox{dir: dir, home: home, bin: bin}
}

// run runs a command line with sh in the sandbox and returns what a
// terminal would show, and the exit code.
func (sb *sandbox) run(cmdline string) (string, int) {
	cmd := exec.Command("/bin/sh", "-c", cmdline)
	cmd.Dir = sb.dir
	cmd.Env = []string{"HOME=" + sb.home, "PATH=" + sb.bin + ":/usr/bin:/bin", "LANG=C", "TZ=Asia/Tokyo"}
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	return sb.normalise(string(out)), code
}

var goRun = regexp.MustCompile(`\bgo run \./cmd/cardcheck\b`)

// TestDocCommands runs the console sessions of every page and checks the
// cardcheck commands of its other blocks.
func TestDocCommands(t *testing.T) {
	bin := build(t)
	for _, page := range pages(t) {
		t.Run(filepath.Base(page), func(t *testing.T) {
			sb := newSandbox(t, bin)
			for _, b := range blocks(t, page) {
				if b.setup != "" {
					f, ok := setups[b.setup]
					if !ok {
						t.Fatalf("%s:%d: unknown doctest setup %q", page, b.line, b.setup)
					}
					f(t, sb)
				}
				var problems []string
				switch b.info {
				case "console":
					problems = sb.session(b)
				case "sh", "crontab":
					problems = sb.known(b)
				case "ini":
					if b.heading == "Running from a systemd timer" {
						problems = unitShown(b)
					}
				}
				for _, p := range problems {
					t.Error(p)
				}
			}
		})
	}
}

// session runs a console block's commands and returns how their output
// differs from the one shown.
func (sb *sandbox) session(b block) []string {
	var problems []string
	for i := 0; i < len(b.lines); {
		l := b.lines[i]
		if !strings.HasPrefix(l, "$ ") {
			problems = append(problems, fmt.Sprintf("%s:%d: a console block's lines start with a command (\"$ \"): %q", b.page, b.line+1+i, l))
			i++
			continue
		}
		at := b.line + 1 + i
		cmdline := strings.TrimPrefix(l, "$ ")
		i++
		var want []string
		for i < len(b.lines) && !strings.HasPrefix(b.lines[i], "$ ") {
			want = append(want, b.lines[i])
			i++
		}
		run := goRun.ReplaceAllString(cmdline, "cardcheck")
		got, code := sb.run(run)
		if run != cmdline && code != 0 {
			// go run says the exit status after the output.
			got += fmt.Sprintf("exit status %d\n", code)
		}
		if !matches(strings.Split(strings.TrimSuffix(got, "\n"), "\n"), want) {
			problems = append(problems, fmt.Sprintf("%s:%d: $ %s\nthe page shows:\n%s\nthe command prints:\n%s", b.page, at, cmdline, strings.Join(want, "\n"), got))
		}
	}
	return problems
}

// matches compares output lines with the lines shown, where a shown line
// "…" stands for any number of lines.
func matches(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0 || len(got) == 1 && got[0] == ""
	}
	if want[0] == "…" {
		for k := 0; k <= len(got); k++ {
			if matches(got[k:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && strings.TrimRight(got[0], " ") == want[0] && matches(got[1:], want[1:])
}

// commands splits a shell line into its simple commands' words: quotes
// group words and are removed, unquoted ; & | ( ) end a command, a # starts
// a comment, redirections and leading VAR=value assignments are dropped.
func commands(line string) [][]string {
	var cmds [][]string
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	end := func() {
		if inWord {
			words = append(words, w.String())
		}
		w.Reset()
		inWord = false
	}
	flush := func() {
		end()
		var kept []string
		for _, x := range words {
			switch {
			case strings.HasPrefix(x, ">") || strings.HasPrefix(x, "2>") || strings.HasPrefix(x, "<"):
			case len(kept) == 0 && regexp.MustCompile(`^[A-Z_]+=`).MatchString(x):
			default:
				kept = append(kept, x)
			}
		}
		if len(kept) > 0 {
			cmds = append(cmds, kept)
		}
		words = nil
	}
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == '#' && !inWord:
			flush()
			return cmds
		case strings.ContainsRune(";&|()", r):
			flush()
		case r == ' ' || r == '\t':
			end()
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	flush()
	return cmds
}

// cardcheckArgs returns the arguments of a command that runs cardcheck (as
// installed, by a path ending in /cardcheck, or through go run).
func cardcheckArgs(words []string) ([]string, bool) {
	switch {
	case len(words) >= 3 && words[0] == "go" && words[1] == "run" && words[2] == "./cmd/cardcheck":
		return words[3:], true
	case words[0] == "cardcheck" || strings.HasSuffix(words[0], "/cardcheck"):
		return words[1:], true
	}
	return nil, false
}

// known checks that each cardcheck command of a block is one cardcheck
// knows: `cardcheck ARGS --help` must succeed.
func (sb *sandbox) known(b block) []string {
	var problems []string
	for i, l := range b.lines {
		for _, words := range commands(l) {
			args, ok := cardcheckArgs(words)
			if !ok {
				continue
			}
			cmd := exec.Command(filepath.Join(sb.bin, "cardcheck"), append(args, "--help")...)
			cmd.Dir = sb.dir
			cmd.Env = []string{"HOME=" + sb.home, "LANG=C"}
			if out, err := cmd.CombinedOutput(); err != nil {
				problems = append(problems, fmt.Sprintf("%s:%d: cardcheck %s: not a command cardcheck knows: %v\n%s", b.page, b.line+1+i, strings.Join(args, " "), err, out))
			}
		}
	}
	return problems
}

// unitShown checks that a systemd unit the docs show is the one init
// prints for the usual paths.
func unitShown(b block) []string {
	s := setup.Schedule{Binary: "/home/u/go/bin/cardcheck", Downloads: "/home/u/Downloads", Home: "/home/u"}
	shown := strings.Join(b.lines, "\n") + "\n"
	for _, u := range s.Units(lang.EN) {
		if u.Text == shown {
			return nil
		}
	}
	return []string{fmt.Sprintf("%s:%d: this unit is not what cardcheck init prints:\n%s", b.page, b.line, shown)}
}

// TestEveryPageIsListed: the README's documentation table names every page
// of docs/.
func TestEveryPageIsListed(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := filepath.Glob("*.md")
	for _, d := range docs {
		if !strings.Contains(string(readme), "| [docs/"+d+"](docs/"+d+") |") {
			t.Errorf("README.md's documentation table does not list docs/%s", d)
		}
	}
}

// The doc test itself: a page whose shown output drifts from what the
// command prints, or that shows a flag cardcheck does not have, fails; an
// elision line "…" skips lines, nothing else does.
func TestDocTestCatchesDrift(t *testing.T) {
	sb := newSandbox(t, build(t))
	shown := block{page: "x.md", info: "console", lines: []string{
		"$ cardcheck scan testdata/demo",
		"…",
		"2 finding(s) (1 alert, 1 warning): checked 9 charges from 2021-12-21 to 2022-01-24 on 1 card(s).",
	}}
	if p := sb.session(shown); len(p) != 0 {
		t.Fatalf("the demo's last line, after an elision: %v", p)
	}
	for _, edit := range []string{
		"2 finding(s) (1 alert, 1 warning): checked 10 charges from 2021-12-21 to 2022-01-24 on 1 card(s).", // a figure
		"2 finding(s) (1 alert, 1 warning): checked 9 charges from 2021-12-21 to 2022-01-24 on 1 card(s)",   // a full stop
	} {
		b := shown
		b.lines = []string{b.lines[0], "…", edit}
		if p := sb.session(b); len(p) != 1 {
			t.Errorf("shown %q: the doc test did not fail", edit)
		}
	}
	noElision := shown
	noElision.lines = []string{shown.lines[0], shown.lines[2]}
	if p := sb.session(noElision); len(p) != 1 {
		t.Error("lines left out without \"…\" passed")
	}
	bad := block{page: "x.md", info: "sh", lines: []string{`"$HOME/go/bin/cardcheck" scan --mail-alwayz >/dev/null; echo cardcheck`}}
	if p := sb.known(bad); len(p) != 1 {
		t.Errorf("an unknown flag in a shell block passed: %v", p)
	}
	fine := block{page: "x.md", info: "sh", lines: []string{`cardcheck ack 6a3412695cfa --note "not ours; stopped" # comment`, "install -m 755 cardcheck ~/.local/bin/"}}
	if p := sb.known(fine); len(p) != 0 {
		t.Errorf("%v", p)
	}
}
