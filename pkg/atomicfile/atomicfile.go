// Package atomicfile is how cardcheck writes the files it keeps (the state,
// the user's config): replaced so that a crash at any moment leaves either
// the old content or the new, never a mix (the new content goes to a
// temporary file in the same folder, which is synced, renamed over the
// file, and the folder synced); under an exclusive lock while a run reads
// and rewrites them; read without following links, with a size limit; and
// kept only in folders no other user can change.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// TempPattern is the name pattern of the temporary files (os.CreateTemp's),
// so that a caller holding a lock can remove those of crashed writers.
func TempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }

// Write replaces path with data, with permissions mode. beforeRename, when
// not nil, runs once the temporary file is written and synced; an error
// from it stops Write there (tests use it to simulate a crash).
func Write(path string, data []byte, mode os.FileMode, beforeRename func(tmp string) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, TempPattern(path))
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", tmp.Name(), err)
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		if err = beforeRename(tmp.Name()); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}
