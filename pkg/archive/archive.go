// Package archive is `cardcheck import` as a library: it files the
// statements found among what the user downloaded into one folder, by card
// company, card and period, so that the monthly job scans one place.
//
//	~/statements/
//	  三井住友カード/
//	    三井住友ビジネスカード for Owners 4980-00xx-xxxx-xxxx/
//	      2022-01.csv               confirmed (確定): the month of its newest charge
//	      2022-02-preliminary.csv   preliminary (未確定): grows until the month closes
//	  マネーフォワード ME/
//	    export/2021-10_2022-01.csv  household-account export: the months it covers
//
// A file is a statement when the importer registry recognises its content
// and reads at least one charge from it; anything else is left where it is,
// with a note. Files are copied byte for byte, never moved, and written
// atomically, so an interrupted import loses nothing.
//
// "The same statement", which a re-download replaces instead of adding a
// second copy, is:
//   - confirmed: the same company, card and month (the month of the file's
//     newest charge: a month's statement, downloaded again with corrections,
//     keeps it);
//   - preliminary: the same, and at least one charge in common, since a
//     preliminary file may name no card (Vpass's 未確定 list) and two cards'
//     lists must not replace each other; a list sharing no charge gets its
//     own name (-2, -3…);
//   - household-account export: the same service and the same months.
//
// Of two versions of the same statement the one modified last wins (the
// archive copy keeps the download's modification time), so importing the
// same downloads again changes nothing and an older copy never replaces a
// newer one.
package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/cardnum"
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/statement"
)

// MaxFileSize is the largest file import considers: a statement of a
// hundred thousand charges is some 10 MB.
const MaxFileSize = 64 << 20

// What happened to one file.
type What string

const (
	Added     What = "added"     // a new statement in the archive
	Replaced  What = "replaced"  // a newer download of a statement the archive had
	Unchanged What = "unchanged" // the archive holds these very bytes already
	KeptNewer What = "kept"      // an older download of a statement the archive has newer
	Ignored   What = "ignored"   // not a statement (Note says why); left where it is
	Failed    What = "failed"    // could not be read or copied (Err)
)

// Action is what import did with one file.
type Action struct {
	Source string
	What   What
	// Dest is the file in the archive (Added, Replaced, Unchanged, KeptNewer).
	Dest string
	// Format is the format that read it; Preliminary is true for 未確定.
	Format      string
	Preliminary bool
	// Why says why a file was ignored (a catalogue message, import.why.*);
	// Err why it failed.
	Why message.Message
	Err error
}

// Message says what happened to the file, for people: one line of
// `cardcheck import`, in the catalogue (import.*).
func (a Action) Message() message.Message {
	args := message.Args{"source": message.Text(a.Source), "dest": message.Text(a.Dest)}
	switch a.What {
	case Ignored:
		args["why"] = message.Nested(a.Why)
	case Failed:
		detail := "?"
		if a.Err != nil {
			detail = a.Err.Error()
		}
		args["detail"] = message.Text(detail)
	}
	return message.New("import."+string(a.What), args)
}

// Report is the outcome of one import.
type Report struct {
	Actions []Action
	// Notes are about the inputs as a whole ("~/Downloads: no files").
	Notes []message.Message
}

// Failed reports whether any file could not be read or copied.
func (r *Report) Failed() bool {
	for _, a := range r.Actions {
		if a.What == Failed {
			return true
		}
	}
	return false
}

// Options say where from and where to.
type Options struct {
	// Registry recognises and reads the statements.
	Registry *importer.Registry
	// Dir is the archive folder; it is created when missing.
	Dir string
}

// Import files the statements among paths (files, or folders searched
// recursively for *.csv and *.txt files; hidden folders and the archive
// itself are skipped) into o.Dir.
func Import(o Options, paths []string) *Report {
	rep := &Report{}
	files := o.collect(paths, rep)
	// Oldest first, so that of two versions of one statement among the
	// inputs the newer is filed last and wins.
	sort.SliceStable(files, func(i, j int) bool { return files[i].mod.Before(files[j].mod) })
	for _, f := range files {
		rep.Actions = append(rep.Actions, o.file(f))
	}
	return rep
}

type candidate struct {
	path string
	mod  time.Time
	size int64
}

func (o Options) collect(paths []string, rep *Report) []candidate {
	archive, _ := filepath.Abs(o.Dir)
	var out []candidate
	seen := map[string]bool{}
	add := func(path string, info fs.FileInfo, explicit bool) {
		abs, _ := filepath.Abs(path)
		if seen[abs] {
			return
		}
		seen[abs] = true
		switch {
		case !info.Mode().IsRegular():
			if explicit {
				rep.Actions = append(rep.Actions, Action{Source: path, What: Ignored, Why: message.New("import.why.not-regular", nil)})
			}
		case info.Size() > MaxFileSize:
			rep.Actions = append(rep.Actions, Action{Source: path, What: Ignored, Why: message.New("import.why.too-large", message.Args{
				"size": message.Count(int(info.Size() >> 20)), "limit": message.Count(MaxFileSize >> 20)})})
		default:
			out = append(out, candidate{path, info.ModTime(), info.Size()})
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			rep.Actions = append(rep.Actions, Action{Source: p, What: Failed, Err: err})
			continue
		}
		if !info.IsDir() {
			add(p, info, true)
			continue
		}
		n := len(out)
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				rep.Actions = append(rep.Actions, Action{Source: path, What: Failed, Err: err})
				return nil
			}
			if d.IsDir() {
				abs, _ := filepath.Abs(path)
				if path != p && (strings.HasPrefix(d.Name(), ".") || abs == archive) {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); ext != ".csv" && ext != ".txt" {
				return nil
			}
			if info, err := d.Info(); err == nil {
				add(path, info, false)
			}
			return nil
		})
		if len(out) == n {
			rep.Notes = append(rep.Notes, message.New("import.empty-folder", message.Args{"path": message.Text(p)}))
		}
	}
	return out
}

// file files one candidate.
func (o Options) file(c candidate) Action {
	a := Action{Source: c.path}
	data, err := readFile(c.path)
	if err != nil {
		a.What, a.Err = Failed, err
		return a
	}
	res := o.Registry.Import(c.path, bytes.NewReader(data))
	if res.Format == nil || res.Statement == nil {
		a.What, a.Why = Ignored, message.New("import.why.not-statement", nil)
		// A file no format recognises is what most of a downloads folder
		// is: said plainly. Any other reason (binary data, a file that
		// cannot be decoded) is quoted.
		if len(res.Errors) > 0 && !errors.Is(res.Errors[0], importer.ErrUnknownFormat) {
			a.Why = message.New("import.why.unreadable", message.Args{"detail": message.Text(trimFile(res.Errors[0].Error(), c.path))})
		}
		return a
	}
	st := res.Statement
	a.Format = res.Format.Name
	a.Preliminary = strings.HasSuffix(res.Format.Name, "-preliminary")
	if len(st.Charges) == 0 {
		a.What, a.Why = Ignored, message.New("import.why.no-charges", message.Args{"format": message.Text(res.Format.Name)})
		return a
	}
	dir, base := o.place(res.Format, st, a.Preliminary)
	dest, what, err := o.store(filepath.Join(o.Dir, dir), base, data, c.mod, st, a.Preliminary)
	a.Dest, a.What, a.Err = dest, what, err
	if err != nil {
		a.What = Failed
	}
	return a
}

// readFile reads the regular file at path, up to MaxFileSize: the walk
// saw a regular file, but what is opened is checked again, without waiting
// on a named pipe put in its place (issue 10).
func readFile(path string) ([]byte, error) {
	f, err := importer.OpenFile(path)
	if errors.Is(err, importer.ErrNotRegular) {
		err = fmt.Errorf("%s: %w", path, err)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err == nil && len(data) > MaxFileSize {
		err = fmt.Errorf("%s: %w: more than %d MiB", path, importer.ErrLimit, MaxFileSize>>20)
	}
	return data, err
}

// place returns the folder (relative to the archive) and the base name
// (without ".csv") for a statement.
func (o Options) place(f *importer.Format, st *statement.Statement, preliminary bool) (dir, base string) {
	from, to := span(st.Charges)
	if f.Aggregator || st.Aggregated {
		return filepath.Join(component(f.Issuer, "export"), "export"), from.Month() + "_" + to.Month()
	}
	card := st.Charges[0].Card
	if len(st.Cards) > 0 {
		card = st.Cards[0] // a file of several cards (family cards) is filed under its first
	}
	company := card.Issuer
	if company == "" {
		company = f.Issuer
	}
	label := strings.TrimSpace(card.Name + " " + card.Number)
	base = to.Month()
	if preliminary {
		base += "-preliminary"
	}
	return filepath.Join(component(company, "card company"), component(label, "card")), base
}

// store writes data as dir/base.csv, or replaces the same statement there.
func (o Options) store(dir, base string, data []byte, mod time.Time, st *statement.Statement, preliminary bool) (string, What, error) {
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		dest := filepath.Join(dir, name+".csv")
		old, err := readFile(dest)
		if errors.Is(err, fs.ErrNotExist) {
			return dest, Added, o.write(dest, data, mod)
		}
		if err != nil {
			return dest, Failed, err
		}
		if bytes.Equal(old, data) {
			return dest, Unchanged, nil
		}
		if preliminary && !o.overlaps(dest, old, st) {
			continue // another card's list for the same month
		}
		info, err := os.Stat(dest)
		if err != nil {
			return dest, Failed, err
		}
		if mod.Before(info.ModTime()) {
			return dest, KeptNewer, nil
		}
		return dest, Replaced, o.write(dest, data, mod)
	}
}

// overlaps reports whether the archived file old shares a charge with st.
func (o Options) overlaps(path string, old []byte, st *statement.Statement) bool {
	res := o.Registry.Import(path, bytes.NewReader(old))
	if res.Statement == nil {
		return true // an unreadable archive copy is replaced, not kept beside
	}
	type key struct {
		d statement.Date
		p string
		a string
	}
	have := map[key]bool{}
	for _, c := range res.Statement.Charges {
		have[key{c.Date, c.Payee, c.Amount.String()}] = true
	}
	for _, c := range st.Charges {
		if have[key{c.Date, c.Payee, c.Amount.String()}] {
			return true
		}
	}
	return false
}

func (o Options) write(dest string, data []byte, mod time.Time) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	if err := atomicfile.Write(dest, data, 0o600, nil); err != nil {
		return err
	}
	return os.Chtimes(dest, mod, mod)
}

func span(charges []statement.Charge) (from, to statement.Date) {
	for i, c := range charges {
		if i == 0 || c.Date < from {
			from = c.Date
		}
		if c.Date > to {
			to = c.Date
		}
	}
	return from, to
}

// component makes s one safe path component: NFKC (full-width letters and
// spaces become plain ones), card numbers masked (again: a path must never
// hold a full number), masking stars as "x", and no separators, control or
// reserved characters on any system; fallback when nothing is left.
func component(s, fallback string) string {
	s = cardnum.Mask(norm.NFKC.String(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '*':
			b.WriteRune('x')
		case r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune(`/\:?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if len(out) > 120 {
		out = strings.ToValidUTF8(out[:120], "") // cut at a character, not inside one
	}
	out = strings.Trim(out, ". ")
	if out == "" {
		return fallback
	}
	return out
}

func trimFile(msg, path string) string {
	return strings.TrimPrefix(msg, path+": ")
}
