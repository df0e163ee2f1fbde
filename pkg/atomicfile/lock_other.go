//go:build !unix

package atomicfile

import (
	"errors"
	"os"
	"time"
)

// noFollow: the systems without O_NOFOLLOW check links with Lstat first.
const noFollow = 0

// lockFile refuses: locking needs flock, which only Unix systems have; cron
// and systemd timers are Unix tools too.
func lockFile(f *os.File, timeout time.Duration) error {
	return errors.New("locking needs a Unix system")
}

func unlockFile(f *os.File) {}

func ownedByOther(os.FileInfo) (int, bool) { return 0, false }

const nonBlock = 0

func isLoop(error) bool { return false }
