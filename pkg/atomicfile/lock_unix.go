//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// noFollow makes an open fail on a symbolic link.
const noFollow = syscall.O_NOFOLLOW

// lockFile takes an exclusive flock on f, polling until timeout: a run that
// finds the lock held waits for the other run to finish.
func lockFile(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("another cardcheck run has held the lock for over %s", timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// ownedByOther reports whether info's file belongs to another user.
func ownedByOther(info os.FileInfo) (uid int, other bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), int(st.Uid) != os.Geteuid()
}

// nonBlock opens without waiting (on a FIFO).
const nonBlock = syscall.O_NONBLOCK

func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }
