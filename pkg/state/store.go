package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Store is the state folder, locked for one run.
type Store struct {
	dir  string
	lock *atomicfile.Lock
}

// LockTimeout is how long [Open] waits for another run to finish.
var LockTimeout = 5 * time.Minute

// Open creates the state folder if needed (mode 0700) and takes its lock,
// waiting up to [LockTimeout] for another cardcheck run that holds it.
// Close releases it.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, message.NewError("state.no-folder", nil, nil)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	if err := atomicfile.CheckFolder(dir); err != nil {
		return nil, refused(err)
	}
	lockPath, wait, start := filepath.Join(dir, LockName), LockTimeout, time.Now()
	lock, err := atomicfile.TakeLock(lockPath, wait)
	if err != nil && time.Since(start) >= wait {
		// TakeLock fails at once when the lock file cannot be opened; only
		// a lock another run holds makes it wait the whole timeout.
		return nil, message.NewError("state.locked", message.Args{"lock": message.Text(lockPath),
			"wait": message.Text(wait.String()), "span": message.Span(wait)}, err)
	}
	if err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	s := &Store{dir: dir, lock: lock}
	atomicfile.RemoveTemps(s.Path()) // only the lock holder saves: none is in use
	return s, nil
}

// refused is the error for a state folder atomicfile.CheckFolder refused
// (another user's, or others can write it): its reason is in English only.
func refused(err error) error {
	return message.NewError("state.folder", message.Args{"detail": message.Text(err.Error())}, err)
}

// Dir returns the state folder.
func (s *Store) Dir() string { return s.dir }

// Path returns the state file's path.
func (s *Store) Path() string { return filepath.Join(s.dir, FileName) }

// Load reads the state: an empty one when there is none yet, an error naming
// the file when it is corrupt.
func (s *Store) Load() (*State, error) { return load(s.Path()) }

// testHookBeforeRename, when set by a test, runs after the new state is
// written and synced to its temporary file and before the rename; an error
// stops Save there, as a crash would.
var testHookBeforeRename func(tmp string) error

// Save replaces the state file atomically: write a temporary file in the
// same folder (mode 0600), fsync it, rename it over state.json, fsync the
// folder.
func (s *Store) Save(st *State) error {
	st.Version = Version
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("state: %w", err)
	}
	data = append(data, '\n')
	if err := atomicfile.Write(s.Path(), data, 0o600, testHookBeforeRename); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return nil
}

// Close releases the lock.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	return s.lock.Release()
}
