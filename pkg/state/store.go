package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
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
		return nil, errors.New("state: no state folder given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	if err := atomicfile.CheckFolder(dir); err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	lock, err := atomicfile.TakeLock(filepath.Join(dir, LockName), LockTimeout)
	if err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	s := &Store{dir: dir, lock: lock}
	atomicfile.RemoveTemps(s.Path()) // only the lock holder saves: none is in use
	return s, nil
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
