package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Lock is an exclusive lock on a lock file, held by one run at a time.
type Lock struct{ f *os.File }

// TakeLock creates (0600) and locks the lock file at path, waiting up to
// timeout for another run that holds it. The file is opened without
// following a symbolic link, so that a link planted in its place cannot
// make cardcheck create or lock a file elsewhere. Release releases it.
func TakeLock(path string, timeout time.Duration) (*Lock, error) {
	f, err := openNoFollow(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f, timeout); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Lock{f}, nil
}

// Release releases the lock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	unlockFile(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}

// openNoFollow opens path, refusing a symbolic link with a message that says
// so.
func openNoFollow(path string, flag int, perm os.FileMode) (*os.File, error) {
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return nil, linkError(path)
	}
	f, err := os.OpenFile(path, flag|noFollow, perm)
	if err != nil && isLoop(err) {
		return nil, linkError(path)
	}
	return f, err
}

func linkError(path string) error {
	return fmt.Errorf("%s is a symbolic link; cardcheck does not follow links for the files it keeps: remove it (the run will create the file)", path)
}

// ErrTooLarge is returned by ReadFile for a file past its limit.
var ErrTooLarge = errors.New("larger than it can be")

// ReadFile reads the regular file at path, without following a symbolic
// link and without waiting on a FIFO, up to max bytes: a file cardcheck
// keeps (its state) that grew past any size it writes is refused rather
// than read into memory. A missing file is fs.ErrNotExist.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := openNoFollow(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s); move it away", path, info.Mode().Type())
	}
	if info.Size() > max {
		return nil, fmt.Errorf("%s: %w: %d bytes, more than %d; move it away", path, ErrTooLarge, info.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(data)) > max {
		return nil, fmt.Errorf("%s: %w: more than %d bytes; move it away", path, ErrTooLarge, max)
	}
	return data, err
}

// CheckFolder refuses a folder that another user owns or that others can
// write: what cardcheck keeps there (what was reported and acknowledged)
// decides what it tells the user, so no one else may change it. The error
// names the fix.
func CheckFolder(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if uid, other := ownedByOther(info); other {
		return fmt.Errorf("%s belongs to another user (uid %d): cardcheck keeps its records only in a folder of yours; chown it to yourself or choose another folder", dir, uid)
	}
	if perm := info.Mode().Perm(); perm&0o022 != 0 {
		return fmt.Errorf("%s can be written by other users (mode %04o): chmod go-w %s (cardcheck makes its own folders 0700)", dir, perm, dir)
	}
	return nil
}

// RemoveTemps deletes the temporary files that writers of path killed while
// writing left behind; call it holding the lock that writers of path take.
func RemoveTemps(path string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(path), TempPattern(path)))
	for _, f := range old {
		os.Remove(f)
	}
}
