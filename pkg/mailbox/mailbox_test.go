package mailbox

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readAll(t *testing.T, path string) []Message {
	t.Helper()
	var out []Message
	if err := Read(path, func(m Message) bool { out = append(out, m); return true }); err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return out
}

func TestDetectAndRead(t *testing.T) {
	dir := t.TempDir()
	one := "Return-Path: <statement@vpass.ne.jp>\r\nFrom: statement@vpass.ne.jp\r\nSubject: a\r\n\r\nbody\r\n"
	write(t, filepath.Join(dir, "a.eml"), one)
	write(t, filepath.Join(dir, "md", "cur", "2:2,S"), "From: b@example.jp\n\nb\n")
	write(t, filepath.Join(dir, "md", "new", "1"), "From: a@example.jp\n\na\n")
	write(t, filepath.Join(dir, "md", "new", ".hidden"), "x")
	write(t, filepath.Join(dir, "md", "tmp", "0"), "From: half-delivered@example.jp\n\n")
	write(t, filepath.Join(dir, "box"), "From a@example.jp Sat Mar 14 19:43:10 2026\nFrom: a@example.jp\n\n>From the start\n>>From quoted twice\n\nFrom b@example.jp Sat Mar 14 19:44:10 2026\nFrom: b@example.jp\n\nlast\n")
	write(t, filepath.Join(dir, "notes.txt"), "just some text\n")
	write(t, filepath.Join(dir, "plain", "x.eml"), one)

	for path, want := range map[string]Kind{"a.eml": EML, "md": Maildir, "box": Mbox} {
		if k, err := Detect(filepath.Join(dir, path)); k != want || err != nil {
			t.Errorf("Detect(%s) = %q, %v; want %q", path, k, err, want)
		}
	}
	for _, p := range []string{"notes.txt", "plain"} {
		if _, err := Detect(filepath.Join(dir, p)); !errors.Is(err, ErrNotMail) {
			t.Errorf("Detect(%s): %v, want ErrNotMail", p, err)
		}
	}

	if got := readAll(t, filepath.Join(dir, "a.eml")); len(got) != 1 || string(got[0].Raw) != one {
		t.Errorf(".eml: %+v", got)
	}
	md := readAll(t, filepath.Join(dir, "md"))
	if len(md) != 2 || string(md[0].Raw) != "From: a@example.jp\n\na\n" || !strings.HasSuffix(md[1].Name, "2:2,S") {
		t.Errorf("maildir: %+v", md)
	}
	mb := readAll(t, filepath.Join(dir, "box"))
	if len(mb) != 2 || mb[0].Name != filepath.Join(dir, "box")+"[1]" ||
		string(mb[0].Raw) != "From: a@example.jp\n\nFrom the start\n>From quoted twice\n\n" ||
		string(mb[1].Raw) != "From: b@example.jp\n\nlast\n" {
		t.Errorf("mbox: %q", mb)
	}
}

// TestFind: a folder's mail is found by content, maildirs as a whole;
// statements, dot files and other files are left alone.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "notices", "1.eml"), "From: a@example.jp\n\na\n")
	write(t, filepath.Join(dir, "notices", "INBOX"), "From a Sat Mar 14 19:43:10 2026\nFrom: a@example.jp\n\na\n")
	write(t, filepath.Join(dir, "notices", "dkim.txt"), "sel._domainkey.example.jp. IN TXT \"v=DKIM1; p=x\"\n")
	write(t, filepath.Join(dir, "notices", ".hidden.eml"), "From: a@example.jp\n\na\n")
	write(t, filepath.Join(dir, "2022.csv"), "Date:2022,amount\n") // a header line, but a statement
	write(t, filepath.Join(dir, "Mail", "cur", "1:2,S"), "From: b@example.jp\n\nbb\n")
	write(t, filepath.Join(dir, "Mail", "new", "2"), "From: c@example.jp\n\nccc\n")
	write(t, filepath.Join(dir, "Mail", "cur", "x.eml"), "From: d@example.jp\n\nd\n") // inside the maildir: read with it
	got, errs := Find(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []Source{
		{filepath.Join(dir, "Mail"), Maildir, int64(len("From: b@example.jp\n\nbb\n") + len("From: c@example.jp\n\nccc\n") + len("From: d@example.jp\n\nd\n"))},
		{filepath.Join(dir, "notices", "1.eml"), EML, 22},
		{filepath.Join(dir, "notices", "INBOX"), Mbox, 54},
	}
	if len(got) != len(want) {
		t.Fatalf("Find: %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Find[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestLimits: an oversized message is an error naming it, and the messages
// around it are still read.
func TestLimits(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("x", 1000) + "\n"
	huge := "From: big@example.jp\n\n" + strings.Repeat(big, MaxMessage/len(big)+1)
	write(t, filepath.Join(dir, "box"), "From a Sat Mar 14 19:43:10 2026\nFrom: a@example.jp\n\na\nFrom b Sat Mar 14 19:43:10 2026\n"+huge+
		"From c Sat Mar 14 19:43:10 2026\nFrom: c@example.jp\n\n"+strings.Repeat("y", 200<<10)+"\n")
	mb := readAll(t, filepath.Join(dir, "box"))
	if len(mb) != 3 || mb[0].Err != nil || !errors.Is(mb[1].Err, ErrTooLarge) || !strings.Contains(mb[1].Err.Error(), "box[2]") ||
		mb[2].Err != nil || len(mb[2].Raw) != len("From: c@example.jp\n\n")+200<<10+1 {
		t.Errorf("mbox with a huge message: %d messages", len(mb))
		for _, m := range mb {
			t.Logf("%s: %d bytes, %v", m.Name, len(m.Raw), m.Err)
		}
	}
	write(t, filepath.Join(dir, "huge.eml"), huge)
	if got := readAll(t, filepath.Join(dir, "huge.eml")); len(got) != 1 || !errors.Is(got[0].Err, ErrTooLarge) {
		t.Errorf("huge .eml: %v", got[0].Err)
	}
	// visit returning false stops the read.
	n := 0
	Read(filepath.Join(dir, "box"), func(Message) bool { n++; return false })
	if n != 1 {
		t.Errorf("stop after the first: %d visited", n)
	}
}

func FuzzMbox(f *testing.F) {
	f.Add([]byte("From a\nFrom: a@example.jp\n\n>From x\nFrom b\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "box")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		total := 0
		Read(path, func(m Message) bool {
			total += len(m.Raw)
			return true
		})
		if total > len(data) {
			t.Fatalf("read %d bytes from %d", total, len(data))
		}
	})
}
