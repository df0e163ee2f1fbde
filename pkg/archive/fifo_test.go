//go:build unix

package archive

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
)

// TestNamedPipeNeverBlocks (issue 10): import reads the files it found
// itself, so a named pipe put where a download was after the walk, or where
// the statement is to be stored, is an error naming it, not a wait forever.
func TestNamedPipeNeverBlocks(t *testing.T) {
	demo, err := os.ReadFile("../../testdata/demo/202202.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	arc := filepath.Join(dir, "statements")
	opt := Options{Registry: all.Registry(nil), Dir: arc}
	within(t, "a download swapped for a pipe", func() {
		a := opt.file(candidate{path: fifo, mod: time.Now()})
		if a.What != Failed || !errors.Is(a.Err, importer.ErrNotRegular) {
			t.Errorf("%+v", a)
		}
	})

	// Find where the demo statement is filed, and put a pipe there.
	src := filepath.Join(dir, "202202.csv")
	os.WriteFile(src, demo, 0o600)
	first := opt.file(candidate{path: src, mod: time.Now()})
	if first.What != Added {
		t.Fatalf("%+v", first)
	}
	os.Remove(first.Dest)
	if err := syscall.Mkfifo(first.Dest, 0o600); err != nil {
		t.Fatal(err)
	}
	within(t, "a pipe in the statements folder", func() {
		a := opt.file(candidate{path: src, mod: time.Now()})
		if a.What != Failed || !errors.Is(a.Err, importer.ErrNotRegular) {
			t.Errorf("%+v", a)
		}
	})
}

// within fails t when f has not returned after ten seconds.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: blocked", what)
	}
}
