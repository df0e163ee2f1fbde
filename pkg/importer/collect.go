package importer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/message"
)

// DefaultBudget is how many bytes of statements one run reads at most, over
// all its files, unless the caller sets another: years of monthly
// statements are a few megabytes, and a run over a folder that holds
// something else should stop early rather than read it all.
const DefaultBudget = 256 << 20

// Collect expands paths into the statement files of one run. A file is
// taken as given; a folder (or a symbolic link to one) is walked for *.csv
// files (any case), sorted within each folder; [Stdin] is kept as it is.
// Repeats are dropped. What is not a regular file (a named pipe, a device, a
// socket) is an error, as is a file past budget, the bytes the files before
// it may take together (0 or less: [DefaultBudget]). A folder with no .csv
// file is a note, not an error: an empty downloads folder is no fault.
func Collect(paths []string, budget int64) (files []string, notes []Note, errs []error) {
	if budget <= 0 {
		budget = DefaultBudget
	}
	seen := map[string]bool{}
	var spent int64
	add := func(p string, info fs.FileInfo) {
		if seen[p] {
			return
		}
		seen[p] = true
		switch {
		case !info.Mode().IsRegular():
			errs = append(errs, newParseError(p, 0, notRegular(info.Mode())))
			return
		case spent+info.Size() > budget:
			errs = append(errs, BudgetError(p, budget))
			return
		}
		spent += info.Size()
		files = append(files, p)
	}
	for _, p := range paths {
		if p == Stdin {
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			continue
		}
		info, err := os.Stat(p) // follows a symbolic link given as a path
		if err != nil {
			errs = append(errs, pathError("input.path", err))
			continue
		}
		if !info.IsDir() {
			add(p, info)
			continue
		}
		found, walkErrs := walk(p)
		errs = append(errs, walkErrs...)
		if len(found) == 0 && len(walkErrs) == 0 {
			notes = append(notes, Note{File: p, Action: Skipped, What: message.New("input.note.empty-folder", nil)})
		}
		for _, f := range found {
			add(f.path, f.info)
		}
	}
	return files, notes, errs
}

type found struct {
	path string
	info fs.FileInfo
}

// walk returns the *.csv files under dir, sorted. A symbolic link given as
// dir is followed; links inside it are followed to files, not to folders,
// so that no walk loops.
func walk(dir string) ([]found, []error) {
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link at its root: a trailing separator
		// makes the system resolve it.
		root = dir + string(filepath.Separator)
	}
	var out []found
	var errs []error
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".csv") {
			return nil
		}
		path = filepath.Join(dir, strings.TrimPrefix(path, root))
		info, err := os.Stat(path) // a link inside: what it points to
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		if info.IsDir() {
			return nil
		}
		out = append(out, found{path, info})
		return nil
	})
	if err != nil && !errors.Is(err, fs.SkipAll) {
		errs = append(errs, err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, errs
}
