//go:build !unix

package state

import (
	"errors"
	"os"
	"time"
)

// lockFile refuses: cardcheck's state needs flock, which only Unix systems
// have; cron and systemd timers are Unix tools too.
func lockFile(f *os.File, timeout time.Duration) error {
	return errors.New("locking the state needs a Unix system")
}

func unlockFile(f *os.File) {}
