//go:build unix

package mailbox

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/importer"
)

// TestNamedPipeNeverBlocks (issue 10): a named pipe given as a mail file,
// or in a maildir in place of a message, is an error naming it, at once:
// an open of a FIFO with no writer waits forever.
func TestNamedPipeNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "notice.eml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Detect(fifo)
		if err == nil {
			err = Read(fifo, func(Message) bool { return true })
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, importer.ErrNotRegular) || !strings.Contains(err.Error(), fifo) {
			t.Errorf("error %v, want one naming %s as not a regular file", err, fifo)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a named pipe blocked")
	}
	// A message of a maildir swapped for a pipe after the folder was
	// listed: readFile opens what it was given.
	m := readFile(fifo)
	if !errors.Is(m.Err, importer.ErrNotRegular) || m.Raw != nil {
		t.Errorf("readFile: %+v", m)
	}
	if err := readMbox(fifo, func(Message) bool { return true }); !errors.Is(err, importer.ErrNotRegular) {
		t.Errorf("readMbox: %v", err)
	}
	os.Remove(fifo)
}
