package archive

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

// copyFile puts the repository file src into dir as name, with mod as its
// modification time, as a browser leaves a download.
func copyFile(t *testing.T, src, dir, name string, mod time.Time) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, data, mod)
}

func writeFile(t *testing.T, dir, name string, data []byte, mod time.Time) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
	return path
}

func cp932(t *testing.T, s string) []byte {
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.ReplaceAll(s, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var day = time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC)

// A downloads folder as people have it: statements of several companies
// under browser names, a second download of one, and files that are not
// statements.
func downloads(t *testing.T) string {
	dl := t.TempDir()
	for i, m := range []string{"202111", "202112", "202201", "202202"} {
		copyFile(t, "../../testdata/demo/"+m+".csv", dl, "meisai"+m+".csv", day.AddDate(0, i-3, 0))
	}
	copyFile(t, "../../testdata/statements/vpass-preliminary/2018_no_apostrophe_lf.csv", dl, "meisai.csv", day)
	copyFile(t, "../../testdata/statements/rakuten/confirmed_11col_cancel_foreign.csv", dl, "enavi202501(1234).csv", day)
	copyFile(t, "../../testdata/statements/moneyforward/income_expense_detail.csv", dl, "収入・支出詳細_2025-01-01_2025-01-31.csv", day)
	writeFile(t, dl, "bank.csv", []byte("取引日,摘要,お預入れ,お引出し\n2022/01/05,ATM,,10000\n"), day)
	writeFile(t, dl, "notes.txt", []byte("call the bank\n"), day)
	writeFile(t, dl, "statement.pdf", []byte("%PDF-1.7\n"), day)
	writeFile(t, dl, "photo.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), day)
	writeFile(t, dl, ".cache/old.csv", []byte("x"), day)
	return dl
}

func files(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestImportFilesStatementsAndLeavesTheRest(t *testing.T) {
	dl := downloads(t)
	arc := filepath.Join(t.TempDir(), "statements")
	opt := Options{Registry: all.Registry(nil), Dir: arc}
	rep := Import(opt, []string{dl})

	got := map[string]What{}
	why := map[string]string{}
	for _, a := range rep.Actions {
		rel, _ := filepath.Rel(dl, a.Source)
		got[rel] = a.What
		why[rel] = a.Why.Key
		if a.What == Failed {
			t.Errorf("%s failed: %v", rel, a.Err)
		}
		if a.What == Ignored && a.Why.IsZero() {
			t.Errorf("%s ignored without a reason", rel)
		}
		if err := message.Check(a.Message()); err != nil { // said in both languages
			t.Errorf("%s: %v", rel, err)
		}
		if a.What == Added {
			src, _ := os.ReadFile(a.Source)
			dst, _ := os.ReadFile(a.Dest)
			if !bytes.Equal(src, dst) {
				t.Errorf("%s: the archive copy differs from the download", rel)
			}
			si, _ := os.Stat(a.Source)
			di, _ := os.Stat(a.Dest)
			if !si.ModTime().Equal(di.ModTime()) || di.Mode().Perm() != 0o600 {
				t.Errorf("%s: archive copy has time %v mode %v", rel, di.ModTime(), di.Mode().Perm())
			}
		}
	}
	for _, name := range []string{"bank.csv", "notes.txt", "photo.csv"} {
		if got[name] != Ignored {
			t.Errorf("%s: %q, want ignored", name, got[name])
		}
	}
	if why["bank.csv"] != "import.why.not-statement" || why["notes.txt"] != "import.why.not-statement" || why["photo.csv"] != "import.why.unreadable" {
		t.Errorf("reasons: %v", why)
	}
	if _, ok := got["statement.pdf"]; ok {
		t.Error("a .pdf in a folder was considered")
	}
	if _, ok := got[".cache/old.csv"]; ok {
		t.Error("a hidden folder was searched")
	}
	want := []string{
		"マネーフォワード ME/export/2025-01_2025-01.csv",
		"三井住友カード/card/2018-07-preliminary.csv",
		"三井住友カード/三井住友ビジネスカード for Owners 4980-00xx-xxxx-xxxx/2021-10.csv",
		"三井住友カード/三井住友ビジネスカード for Owners 4980-00xx-xxxx-xxxx/2021-11.csv",
		"三井住友カード/三井住友ビジネスカード for Owners 4980-00xx-xxxx-xxxx/2021-12.csv",
		"三井住友カード/三井住友ビジネスカード for Owners 4980-00xx-xxxx-xxxx/2022-01.csv",
	}
	have := files(t, arc)
	for _, w := range want {
		if !contains(have, w) {
			t.Errorf("%s missing from the archive; it holds:\n%s", w, strings.Join(have, "\n"))
		}
	}
	if n := len(have); n != len(want)+1 { // + the 楽天 statement
		t.Errorf("the archive holds %d files, want %d:\n%s", n, len(want)+1, strings.Join(have, "\n"))
	}

	// The archive reads as the downloads do: no statement lost, none twice.
	a := scan.Load(all.Registry(nil), []string{arc})
	d := scan.Load(all.Registry(nil), []string{dl})
	if len(a.Charges) == 0 || len(a.Charges) != len(d.Charges) {
		t.Errorf("the archive has %d charges, the downloads %d", len(a.Charges), len(d.Charges))
	}

	// Idempotent: the same downloads again change nothing.
	again := Import(opt, []string{dl})
	for _, act := range again.Actions {
		if act.What != Unchanged && act.What != Ignored {
			t.Errorf("second import: %s %s", act.Source, act.What)
		}
	}
	if n := len(files(t, arc)); n != len(have) {
		t.Errorf("second import: %d files, want %d", n, len(have))
	}
}

// A re-download of the same month (corrected) replaces the archived one; an
// older copy never does; nothing is duplicated.
func TestRedownloadReplacesNeverDuplicates(t *testing.T) {
	arc := t.TempDir()
	opt := Options{Registry: all.Registry(nil), Dir: arc}
	dl := t.TempDir()
	first := copyFile(t, "../../testdata/demo/202202.csv", dl, "202202.csv", day)
	if rep := Import(opt, []string{first}); rep.Actions[0].What != Added {
		t.Fatalf("%+v", rep.Actions[0])
	}
	orig, _ := os.ReadFile(first)
	corrected := bytes.Replace(orig, []byte(",3000,"), []byte(",3100,"), 1) // 会費ペイ corrected
	newer := writeFile(t, dl, "202202(1).csv", corrected, day.Add(24*time.Hour))
	rep := Import(opt, []string{newer})
	if a := rep.Actions[0]; a.What != Replaced {
		t.Fatalf("newer download: %+v", a)
	}
	older := writeFile(t, dl, "202202(old).csv", bytes.Replace(orig, []byte(",4900,"), []byte(",4800,"), 1), day.Add(-24*time.Hour))
	rep = Import(opt, []string{older})
	if a := rep.Actions[0]; a.What != KeptNewer || !strings.Contains(message.Render(lang.EN, a.Message()), "older download") {
		t.Fatalf("older download: %+v", a)
	}
	have := files(t, arc)
	if len(have) != 1 {
		t.Fatalf("archive: %v", have)
	}
	if data, _ := os.ReadFile(filepath.Join(arc, have[0])); !bytes.Equal(data, corrected) {
		t.Error("the archive does not hold the newest download")
	}
}

// Two cards' preliminary lists of one month name no card: sharing no charge,
// neither replaces the other.
func TestPreliminaryListsOfTwoCards(t *testing.T) {
	arc := t.TempDir()
	dl := t.TempDir()
	a := writeFile(t, dl, "a.csv", cp932(t, "2025/1/20,ＮＨＫ受信料,ご本人,1回払い,,'25/02,1100,1100,,,,,\n"), day)
	b := writeFile(t, dl, "b.csv", cp932(t, "2025/1/21,ＥＴＣ,ご本人,1回払い,,'25/02,800,800,,,,,\n"), day)
	a2 := writeFile(t, dl, "a2.csv", cp932(t, "2025/1/20,ＮＨＫ受信料,ご本人,1回払い,,'25/02,1100,1100,,,,,\n2025/1/25,ＡＭＡＺＯＮ,ご本人,1回払い,,'25/02,500,500,,,,,\n"), day.Add(time.Hour))
	rep := Import(Options{Registry: all.Registry(nil), Dir: arc}, []string{a, b, a2})
	var whats []What
	for _, act := range rep.Actions {
		whats = append(whats, act.What)
	}
	if len(whats) != 3 || whats[0] != Added || whats[1] != Added || whats[2] != Replaced {
		t.Fatalf("actions %v, want added, added, replaced", whats)
	}
	if have := files(t, arc); len(have) != 2 {
		t.Fatalf("archive: %v", have)
	}
}

var longDigits = regexp.MustCompile(`\d{13,}`)

// A card number written out in full in a statement's card line never
// reaches a path; neither do characters that would break one.
func TestNoCardNumberOrUnsafeNameInPaths(t *testing.T) {
	arc := t.TempDir()
	dl := t.TempDir()
	f := writeFile(t, dl, "x.csv", cp932(t, "ヤマダ　タロウ　様,4980-00**-****-****,../../カード 4980 0012 3456 7890\x1b[2J,,,,\n2022/01/04,東西新聞,4900,１,１,4900,\n,,,,,4900,\n"), day)
	rep := Import(Options{Registry: all.Registry(nil), Dir: arc}, []string{f})
	if a := rep.Actions[0]; a.What != Added {
		t.Fatalf("%+v", a)
	}
	for _, p := range files(t, arc) {
		if longDigits.MatchString(p) {
			t.Errorf("a path holds a card number: %s", p)
		}
		for _, part := range strings.Split(p, string(filepath.Separator)) {
			if part == ".." || part == "." || strings.ContainsAny(part, "\x1b\\") {
				t.Errorf("an unsafe path: %q", p)
			}
		}
		if len(strings.Split(p, string(filepath.Separator))) != 3 {
			t.Errorf("%q is not company/card/month.csv", p)
		}
	}
}

func TestEmptyFolderIsANote(t *testing.T) {
	empty := t.TempDir()
	rep := Import(Options{Registry: all.Registry(nil), Dir: t.TempDir()}, []string{empty})
	if len(rep.Actions) != 0 || len(rep.Notes) != 1 || rep.Failed() {
		t.Fatalf("%+v", rep)
	}
	if ja := message.Render(lang.JA, rep.Notes[0]); !strings.Contains(ja, "このフォルダー") {
		t.Errorf("the note in Japanese: %q", ja)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
