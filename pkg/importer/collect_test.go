//go:build unix

package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/vpass"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCollectNotRegular reproduces issue 10: a named pipe called x.csv in an
// input folder, or given as a path, blocked the run forever. It is an error
// naming it, and the files beside it are read.
func TestCollectNotRegular(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "in", "a.csv"), "x")
	fifo := filepath.Join(dir, "in", "x.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	files, _, errs := importer.Collect([]string{filepath.Join(dir, "in"), fifo}, 0)
	if len(files) != 1 || !strings.HasSuffix(files[0], "a.csv") {
		t.Errorf("files %v, want a.csv", files)
	}
	if len(errs) != 1 || !errors.Is(errs[0], importer.ErrNotRegular) || !strings.Contains(errs[0].Error(), "x.csv") || !strings.Contains(errs[0].Error(), "named pipe") {
		t.Errorf("errors %v, want x.csv named as a named pipe", errs)
	}
	// Imported directly, it is refused at once rather than opened for
	// reading, which blocks until a writer comes.
	r := &importer.Registry{}
	r.Register(vpass.Confirmed)
	res := r.ImportFile(fifo)
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrNotRegular) {
		t.Errorf("ImportFile: %v", res.Errors)
	}
}

// TestCollectFolders: a symbolic link to a folder given as a path is
// followed (issue 10: it was "no .csv files"); an empty folder is a note,
// not an error (issue 11); "-" is kept for the standard input; repeats go.
func TestCollectFolders(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "b.CSV"), "x")
	write(t, filepath.Join(dir, "real", "sub", "a.csv"), "x")
	write(t, filepath.Join(dir, "real", "notes.txt"), "x")
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	files, notes, errs := importer.Collect([]string{filepath.Join(dir, "link"), filepath.Join(dir, "empty"), "-", "-", filepath.Join(dir, "link", "b.CSV")}, 0)
	want := []string{filepath.Join(dir, "link", "b.CSV"), filepath.Join(dir, "link", "sub", "a.csv"), "-"}
	if strings.Join(files, "|") != strings.Join(want, "|") {
		t.Errorf("files %v, want %v", files, want)
	}
	if len(errs) > 0 {
		t.Errorf("errors %v", errs)
	}
	if len(notes) != 1 || notes[0].File != filepath.Join(dir, "empty") || notes[0].Action != importer.Skipped {
		t.Errorf("notes %v, want the empty folder", notes)
	}
}

// TestCollectBudget: the files of a run hold at most the budget together;
// a file past it is an error naming it, and the others are read.
func TestCollectBudget(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"1.csv", "2.csv", "3.csv"} {
		write(t, filepath.Join(dir, name), strings.Repeat("x", 400))
	}
	files, _, errs := importer.Collect([]string{dir}, 1000)
	if len(files) != 2 || len(errs) != 1 || !errors.Is(errs[0], importer.ErrLimit) || !strings.Contains(errs[0].Error(), "3.csv") {
		t.Errorf("files %v, errors %v: want two files and 3.csv refused", files, errs)
	}
}

// TestImportStdin (issue 11): "-" reads the standard input as a statement.
func TestImportStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	data := importertest.CP932(t, "ヤマダ　タロウ　様,4980-00**-****-****,カード,,,,\r\n2025/01/05,ＳＨＯＰ,100,１,１,100,\r\n,,,,,100,\r\n")
	go func() {
		w.Write(data)
		w.Close()
	}()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	reg := &importer.Registry{}
	reg.Register(vpass.Confirmed)
	res := reg.ImportFile(importer.Stdin)
	if len(res.Errors) > 0 || res.Statement == nil || len(res.Statement.Charges) != 1 || res.Statement.Charges[0].Source.File != importer.StdinName {
		t.Fatalf("errors %v, statement %+v", res.Errors, res.Statement)
	}
}
