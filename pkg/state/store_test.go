package state

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/pkg/statement"
	"github.com/cardcheck/cardcheck/rules"
)

// sample returns a state with n findings, each a little different per
// generation gen, so that two generations never read the same.
func sample(n, gen int) *State {
	st := New()
	for i := range n {
		id := fmt.Sprintf("%012x", i)
		st.Findings[id] = &Entry{
			Card: "三井住友カード 4980-00**-****-****", Rule: "burst", Severity: "alert",
			Reasons: []Reason{{Rule: "burst", Severity: severity.Alert, Message: message.New("burst", message.Args{
				"payee": message.Text(fmt.Sprintf("generation %d finding %d", gen, i)), "sum": message.Yen(38000),
				"first": message.Date(statement.NewDate(2022, 1, 24)), "new": message.Bool(true), "parts": message.List(message.Said("a", "あ"))})}},
			Charges:    []Charge{{Date: statement.NewDate(2022, 1, 24), Merchant: "ＡＰＰＬＥ", Payee: "APPLE", Amount: decimal.NewFromInt(int64(gen)), File: "202202.csv"}},
			ReportedAt: time.Date(2022, 2, 1, 0, 0, gen, 0, time.UTC),
		}
	}
	return st
}

func TestSaveLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Load(); err != nil || len(st.Findings) != 0 {
		t.Fatalf("a new state folder: %v %v", st, err)
	}
	want := sample(3, 1)
	want.Findings["000000000001"].Acknowledged = &Ack{At: time.Date(2022, 2, 2, 0, 0, 0, 0, time.UTC), Note: "mine"}
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	for path, mode := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600, filepath.Join(dir, LockName): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != mode {
			t.Errorf("%s: mode %04o, want %04o", path, info.Mode().Perm(), mode)
		}
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".state.json.*")); len(temps) != 0 {
		t.Errorf("temporary files left: %v", temps)
	}
}

// TestCorrupt: a state file that does not read is an error naming the file,
// and the file is left as it is.
func TestCorrupt(t *testing.T) {
	for name, content := range map[string]string{
		"truncated":    `{"version": 1, "findings": {"6a3412695cfa": {"card": "x"`,
		"empty":        ``,
		"not json":     "version = 1\n",
		"no findings":  `{"version": 1}`,
		"bad id":       `{"version": 1, "findings": {"../etc": {}}}`,
		"newer format": `{"version": 99, "findings": {}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			os.WriteFile(path, []byte(content), 0o600)
			_, err := Read(dir)
			if err == nil || !strings.Contains(err.Error(), path) {
				t.Fatalf("Read: %v, want an error naming %s", err, path)
			}
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Load(); err == nil {
				t.Fatal("Load accepted it")
			}
			if got, _ := os.ReadFile(path); string(got) != content {
				t.Errorf("the file was changed to %q", got)
			}
		})
	}
}

// TestCrashBeforeRename: a save that stops after writing its temporary
// file (a crash) leaves the old state, and the next run removes the
// leftover.
func TestCrashBeforeRename(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	old := sample(2, 1)
	if err := s.Save(old); err != nil {
		t.Fatal(err)
	}
	crash := errors.New("crash")
	testHookBeforeRename = func(tmp string) error {
		if data, err := os.ReadFile(tmp); err != nil || !bytes.Contains(data, []byte("generation 2")) {
			t.Errorf("the temporary file does not hold the new state: %v", err)
		}
		return crash
	}
	err := s.Save(sample(2, 2))
	testHookBeforeRename = nil
	if !errors.Is(err, crash) {
		t.Fatalf("Save: %v", err)
	}
	if got, err := s.Load(); err != nil || !reflect.DeepEqual(got, old) {
		t.Errorf("after the crash: %v, want the old state", err)
	}
	s.Close()
	// Leave a temporary file as a killed run would.
	os.WriteFile(filepath.Join(dir, ".state.json.123.tmp"), []byte(`{"version":`), 0o600)
	s, _ = Open(dir)
	defer s.Close()
	if temps, _ := filepath.Glob(filepath.Join(dir, ".state.json.*")); len(temps) != 0 {
		t.Errorf("leftovers not removed: %v", temps)
	}
}

// TestKilledWhileWriting kills a process that saves the state over and
// over at random moments: the
// state file must then read as one of the generations written, never as a
// broken file.
func TestKilledWhileWriting(t *testing.T) {
	if dir := os.Getenv("CARDCHECK_STATE_WRITER"); dir != "" {
		writer(dir)
		return
	}
	dir := t.TempDir()
	const n = 300
	s, _ := Open(dir)
	s.Save(sample(n, 0))
	s.Close()
	kills, midWrite := 0, 0
	for try := range 12 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWhileWriting$")
		cmd.Env = append(os.Environ(), "CARDCHECK_STATE_WRITER="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(30+rand.IntN(120)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
			t.Fatalf("try %d: the writer was not killed (%v):\n%s", try, err, out.String())
		}
		kills++
		if temps, _ := filepath.Glob(filepath.Join(dir, ".state.json.*.tmp")); len(temps) > 0 {
			midWrite++
			for _, tmp := range temps {
				os.Remove(tmp) // as the next Open would
			}
		}
		st, err := Read(dir)
		if err != nil {
			t.Fatalf("try %d: after a kill: %v", try, err)
		}
		if len(st.Findings) != n {
			t.Fatalf("try %d: %d findings, want %d", try, len(st.Findings), n)
		}
		gen := st.Findings["000000000000"].Charges[0].Amount
		for id, e := range st.Findings {
			if !e.Charges[0].Amount.Equal(gen) {
				t.Fatalf("try %d: %s is of generation %s, others of %s: a mixed file", try, id, e.Charges[0].Amount, gen)
			}
		}
	}
	t.Logf("%d kills (%d between creating the temporary file and renaming it), the state read whole every time", kills, midWrite)
}

// writer saves generation after generation until killed. It lingers a
// little between writing the temporary file and renaming it, so that some
// kills land there.
func writer(dir string) {
	testHookBeforeRename = func(string) error {
		time.Sleep(time.Duration(rand.IntN(20)) * time.Millisecond)
		return nil
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	for gen := 1; ; gen++ {
		if err := s.Save(sample(300, gen)); err != nil {
			fmt.Println(err)
			os.Exit(3)
		}
	}
}

// TestLockSerialises: a second run waits for the first to close the state.
func TestLockSerialises(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var order []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		second, err := Open(dir)
		if err != nil {
			t.Error(err)
			return
		}
		mu.Lock()
		order = append(order, "second")
		mu.Unlock()
		second.Close()
	}()
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	order = append(order, "first closes")
	mu.Unlock()
	first.Close()
	<-done
	if strings.Join(order, ",") != "first closes,second" {
		t.Errorf("order %v: the second run did not wait", order)
	}

	old := LockTimeout
	LockTimeout = 100 * time.Millisecond
	defer func() { LockTimeout = old }()
	held, _ := Open(dir)
	defer held.Close()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "another cardcheck run") {
		t.Errorf("a lock held too long: %v", err)
	}
}

func TestAck(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	st := sample(1, 1)
	s.Save(st)
	s.Close()
	said, err := Acknowledge(dir, []string{"000000000000", "abcdefabcdef"}, "my own purchase", time.Date(2022, 2, 3, 4, 5, 6, 0, time.UTC))
	lines := render(lang.EN, said)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || !strings.Contains(lines[0], "burst, 1 charge(s) from 2022-01-24 at ＡＰＰＬＥ") || !strings.Contains(lines[1], "not seen by a mail run yet") {
		t.Errorf("lines:\n%s", strings.Join(lines, "\n"))
	}
	if ja := render(lang.JA, said); len(ja) != 2 || !strings.Contains(ja[0], "000000000000 をご自身の利用として確認済みにしました: 急な連続利用、2022年1月24日 からの ＡＰＰＬＥ") {
		t.Errorf("in Japanese:\n%s", strings.Join(ja, "\n"))
	}
	got, _ := Read(dir)
	for _, id := range []string{"000000000000", "abcdefabcdef"} {
		if a := got.Findings[id].Acknowledged; a == nil || a.Note != "my own purchase" {
			t.Errorf("%s: %+v", id, a)
		}
	}
	if _, err := Acknowledge(dir, []string{"APPLE"}, "", time.Now()); err == nil || !strings.Contains(err.Error(), "not a finding id") {
		t.Errorf("a bad id: %v", err)
	}
}

// TestVerdictUnknownID (issue 10: ack of an id that matches no finding
// said "acknowledged" and exited 0): an id neither in the state nor among
// the current findings records nothing and names the open findings, one a
// line, card numbers masked and control characters escaped even when the
// state itself holds them; an id among the current findings is recorded
// with its charges, not as reported.
func TestVerdictUnknownID(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	st := sample(3, 1)
	st.Findings["000000000001"].Charges[0].Payee = "\x1b]0;pwned\a4111111111111111 EVIL\nFAKE LINE"
	st.Findings["000000000002"].Acknowledged = &Ack{At: time.Now()}
	s.Save(st)
	s.Close()
	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	day := statement.NewDate(2022, 3, 1)
	current := []rules.Finding{{ID: "aaaaaaaaaaaa", Rule: "new-payee", Severity: severity.Warning, Card: &rules.Card{Label: "三井住友カード 4980-00**-****-****"},
		Charges: []*statement.Charge{
			{Date: day, Merchant: "ＳＨＯＰ 4111-1111-1111-1111", Payee: "SHOP 4111-1111-1111-1111", Amount: decimal.NewFromInt(1200), Card: statement.Card{Issuer: "三井住友カード"}},
			{Date: day, Merchant: "ＳＨＯＰ", Payee: "SHOP", Amount: decimal.NewFromInt(800)},
		}}}
	lookup := func() ([]rules.Finding, error) { return current, nil }

	_, err := Verdict{IDs: []string{"bbbbbbbbbbbb"}, Current: lookup, At: time.Now()}.Record(dir)
	var unknown *UnknownError
	if !errors.As(err, &unknown) || !reflect.DeepEqual(unknown.IDs, []string{"bbbbbbbbbbbb"}) {
		t.Fatalf("%v", err)
	}
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	want := []string{
		"no finding has the id bbbbbbbbbbbb; nothing was acknowledged. The open findings are:",
		"  aaaaaaaaaaaa  2022-03-01  SHOP ****-****-****-1111  ¥2,000 in 2 charges  (new-payee)",
		"  000000000000  2022-01-24  APPLE  ¥1  (burst)",
		`  000000000001  2022-01-24  \x1b]0;pwned\x07************1111 EVIL\x0aFAKE LINE  ¥1  (burst)`,
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got\n%s\nwant\n%s", msg, strings.Join(want, "\n"))
	}
	ja := strings.Split(unknown.In(lang.JA), "\n")
	wantJA := []string{
		"ID bbbbbbbbbbbb の検出はありません。何も記録していません。未確認の検出は次のとおりです:",
		"  aaaaaaaaaaaa  2022年3月1日  SHOP ****-****-****-1111  2,000円(2 件)  (new-payee)",
		"  000000000000  2022年1月24日  APPLE  1円  (急な連続利用)",
		`  000000000001  2022年1月24日  \x1b]0;pwned\x07************1111 EVIL\x0aFAKE LINE  1円  (急な連続利用)`,
	}
	if !reflect.DeepEqual(ja, wantJA) {
		t.Errorf("in Japanese got\n%s\nwant\n%s", strings.Join(ja, "\n"), strings.Join(wantJA, "\n"))
	}
	if after, _ := os.ReadFile(filepath.Join(dir, FileName)); !bytes.Equal(after, before) {
		t.Error("an unknown id changed the state")
	}
	// Without a scan to look in, or when it failed, it is said too.
	if _, err := (Verdict{IDs: []string{"aaaaaaaaaaaa"}}).Record(dir); !errors.As(err, &unknown) {
		t.Errorf("no lookup: %v", err)
	}
	_, err = Verdict{IDs: []string{"aaaaaaaaaaaa"}, Current: func() ([]rules.Finding, error) { return nil, errors.New("no statements folder") }}.Record(dir)
	if err == nil || !strings.Contains(err.Error(), "(the statements could not be checked: no statements folder). The open findings are:") {
		t.Errorf("failed lookup: %v", err)
	}

	said, err := Verdict{IDs: []string{"aaaaaaaaaaaa", "000000000000"}, Note: "mine", Current: lookup, At: time.Date(2022, 3, 2, 0, 0, 0, 0, time.UTC)}.Record(dir)
	out := render(lang.EN, said)
	if err != nil || len(out) != 2 || out[0] != "acknowledged aaaaaaaaaaaa: new-payee, 2 charge(s) from 2022-03-01 at ＳＨＯＰ ****-****-****-1111 on 三井住友カード 4980-00**-****-****" {
		t.Fatalf("%v\n%s", err, strings.Join(out, "\n"))
	}
	got, _ := Read(dir)
	e := got.Findings["aaaaaaaaaaaa"]
	if e == nil || e.Acknowledged == nil || e.Acknowledged.Note != "mine" || len(e.Charges) != 2 || !e.ReportedAt.IsZero() || e.Issuer != "三井住友カード" {
		t.Errorf("recorded as %+v", e)
	}
}

// render says each message in l.
func render(l lang.Lang, ms []message.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = message.Render(l, m)
	}
	return out
}

// TestReadVersion1 reads a state file written by cardcheck before findings
// were stored as facts (version 1, written by that release's code): its
// sentences are kept and said as they were, acknowledgements and report
// times stay, and saving writes version 2.
func TestReadVersion1(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/state-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := st.Findings["6a3412695cfa"]
	if e == nil || e.ReportedAt.IsZero() || e.Summary != "" || len(e.Reasons) != 1 || e.Reasons[0].Severity != severity.Alert {
		t.Fatalf("migrated entry: %+v", e)
	}
	if got := message.Sentences(lang.EN, e.Messages()); !strings.HasPrefix(got, "5 charges from APPLE COM BILL on 2022-01-24") {
		t.Errorf("English: %q", got)
	}
	if got := message.Sentences(lang.JA, e.Messages()); !strings.HasPrefix(got, "APPLE COM BILL 2022年1月24日 に 5 件") {
		t.Errorf("Japanese: %q", got)
	}
	if a := st.Findings["0123456789ab"].Acknowledged; a == nil || a.Note != "mine" {
		t.Errorf("acknowledgement lost: %+v", st.Findings["0123456789ab"])
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !bytes.Contains(saved, []byte(`"version": 2`)) || bytes.Contains(saved, []byte(`"summary"`)) {
		t.Errorf("saved:\n%s", saved)
	}
	again, err := s.Load()
	if err != nil || !reflect.DeepEqual(again, st) {
		t.Errorf("round trip after migration: %v", err)
	}
}

// TestFilesNotFollowed: a symbolic link planted as state.lock or
// state.json is not followed (the lock is not created elsewhere, /dev/zero
// is not read), a state file past MaxSize is refused, and each error says
// what to do.
func TestFilesNotFollowed(t *testing.T) {
	dir := t.TempDir()
	elsewhere := filepath.Join(t.TempDir(), "victim")
	os.Symlink(elsewhere, filepath.Join(dir, LockName))
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("lock link: %v", err)
	}
	if _, err := os.Stat(elsewhere); !os.IsNotExist(err) {
		t.Error("the lock was created through the link")
	}
	os.Remove(filepath.Join(dir, LockName))

	os.Symlink("/dev/zero", filepath.Join(dir, FileName))
	if _, err := Read(dir); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("state link: %v", err)
	}
	os.Remove(filepath.Join(dir, FileName))

	big := bytes.Repeat([]byte(" "), MaxSize+1)
	os.WriteFile(filepath.Join(dir, FileName), big, 0o600)
	if _, err := Read(dir); err == nil || !strings.Contains(err.Error(), "larger than it can be") {
		t.Errorf("big state: %v", err)
	}
}

// TestFolderOthersCanChange: a state folder others can write, or that
// another user owns, is refused with the fix named, by runs that write and
// runs that only read.
func TestFolderOthersCanChange(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o777)
	for name, f := range map[string]func() error{
		"Open": func() error { s, err := Open(dir); s.Close(); return err },
		"Read": func() error { _, err := Read(dir); return err },
	} {
		if err := f(); err == nil || !strings.Contains(err.Error(), "chmod go-w "+dir) {
			t.Errorf("%s, mode 0777: %v", name, err)
		}
	}
	os.Chmod(dir, 0o700)
	if os.Geteuid() != 0 {
		t.Skip("changing a folder's owner needs root")
	}
	if err := os.Chown(dir, 4242, 4242); err != nil {
		t.Skip(err)
	}
	if _, err := Read(dir); err == nil || !strings.Contains(err.Error(), "belongs to another user (uid 4242)") {
		t.Errorf("another user's folder: %v", err)
	}
}
