// Package mailbox reads mails from the places people keep them: a single
// .eml file, a maildir folder (cur/ and new/), or an mbox file. Which one a
// path is comes from its content, never its name.
//
// Every message is handed over as received, bytes untouched, so that DKIM
// signatures still verify. A message over [MaxMessage] is reported as an
// error and skipped; the rest of the mailbox is still read.
package mailbox

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/importer"
)

// MaxMessage is the largest message read: far above any card company's
// notice, far below what would strain memory.
const MaxMessage = 2 << 20

// Kind is what a path holds.
type Kind string

// The kinds of mail storage read.
const (
	EML     Kind = "eml"
	Maildir Kind = "maildir"
	Mbox    Kind = "mbox"
)

// Errors of a path or a message, for errors.Is.
var (
	ErrNotMail  = errors.New("not a mail file, maildir or mbox")
	ErrTooLarge = fmt.Errorf("message larger than %d bytes", MaxMessage)
)

// Message is one mail read from a mailbox.
type Message struct {
	// Name says where it is: the file, or "file[N]" for the Nth message of
	// an mbox.
	Name string
	// Raw is the message as stored (an mbox's >From quoting undone).
	Raw []byte
	// Err is set, and Raw empty, when the message could not be read.
	Err error
}

// headerLine is the first line of a mail file: a header field name and a
// colon (RFC 5322 field names are printable ASCII without a colon).
var headerLine = regexp.MustCompile(`^[!-9;-~]+:`)

// Detect says what path holds, from its content: a folder with cur/ or
// new/ is a maildir, a file starting with an mbox "From " line an mbox, a
// file starting with a header field one mail.
func Detect(path string) (Kind, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if info.IsDir() {
		for _, sub := range []string{"cur", "new"} {
			if fi, err := os.Stat(filepath.Join(path, sub)); err == nil && fi.IsDir() {
				return Maildir, nil
			}
		}
		return "", fmt.Errorf("%s: %w (a folder without cur/ or new/)", path, ErrNotMail)
	}
	f, err := open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	first, _, _ := bytes.Cut(head, []byte("\n"))
	switch {
	case bytes.HasPrefix(first, []byte("From ")):
		return Mbox, nil
	case headerLine.Match(first):
		return EML, nil
	}
	return "", fmt.Errorf("%s: %w", path, ErrNotMail)
}

// Source is a place mail is kept: a mail file, an mbox file or a maildir
// folder, and its size in bytes (a maildir's: its messages').
type Source struct {
	Path string
	Kind Kind
	Size int64
}

// Find returns the mail under dir, in path order: every maildir folder (not
// looked into further) and every other regular file that [Detect] finds to
// be a mail or an mbox. Files named *.csv are statements and are not looked
// at, nor are dot files (a mail program's own). A symbolic link given as dir
// is followed; links inside it are not, so no walk loops.
func Find(dir string) ([]Source, []error) {
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // WalkDir does not follow a link at its root
	}
	var out []Source
	var errs []error
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		path = filepath.Join(dir, strings.TrimPrefix(path, root))
		name := d.Name()
		switch {
		case d.IsDir():
			if kind, _ := Detect(path); kind == Maildir {
				size, err := maildirSize(path)
				if err != nil {
					errs = append(errs, err)
				} else {
					out = append(out, Source{Path: path, Kind: Maildir, Size: size})
				}
				return fs.SkipDir
			}
			return nil
		case !d.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.EqualFold(filepath.Ext(name), ".csv"):
			return nil
		}
		kind, err := Detect(path)
		if err != nil {
			if !errors.Is(err, ErrNotMail) {
				errs = append(errs, err)
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		out = append(out, Source{Path: path, Kind: kind, Size: info.Size()})
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, errs
}

// Stat returns path as a mail source: its kind ([Detect]) and size.
func Stat(path string) (Source, error) {
	kind, err := Detect(path)
	if err != nil {
		return Source{}, err
	}
	src := Source{Path: path, Kind: kind}
	if kind == Maildir {
		src.Size, err = maildirSize(path)
		return src, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return Source{}, err
	}
	src.Size = info.Size()
	return src, nil
}

// maildirSize adds up the sizes of a maildir's messages.
func maildirSize(dir string) (int64, error) {
	var n int64
	for _, sub := range []string{"cur", "new"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return 0, err
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			info, err := e.Info()
			if err != nil {
				return 0, err
			}
			n += info.Size()
		}
	}
	return n, nil
}

// open opens the regular file at path without waiting on a named pipe
// (issue 10: a FIFO among the inputs blocked a run forever).
func open(path string) (*os.File, error) {
	f, err := importer.OpenFile(path)
	if errors.Is(err, importer.ErrNotRegular) {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return f, err
}

// Read hands every message at path to visit, in order (maildir: by file
// name, cur/ and new/ together), until visit returns false.
func Read(path string, visit func(Message) bool) error {
	kind, err := Detect(path)
	if err != nil {
		return err
	}
	switch kind {
	case Maildir:
		return readMaildir(path, visit)
	case Mbox:
		return readMbox(path, visit)
	}
	visit(readFile(path))
	return nil
}

func readFile(path string) Message {
	m := Message{Name: path}
	f, err := open(path)
	if err != nil {
		m.Err = err
		return m
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxMessage+1))
	switch {
	case err != nil:
		m.Err = fmt.Errorf("%s: %w", path, err)
	case len(data) > MaxMessage:
		m.Err = fmt.Errorf("%s: %w", path, ErrTooLarge)
	default:
		m.Raw = data
	}
	return m
}

func readMaildir(dir string, visit func(Message) bool) error {
	var files []string
	for _, sub := range []string{"cur", "new"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		for _, e := range entries {
			// Dot files are the mail program's own (.nfs…, .DS_Store).
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
				files = append(files, filepath.Join(dir, sub, e.Name()))
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return filepath.Base(files[i]) < filepath.Base(files[j]) })
	for _, f := range files {
		if !visit(readFile(f)) {
			return nil
		}
	}
	return nil
}

// readMbox splits an mbox at its "From " lines. Lines quoted as ">From "
// (one or more '>', the mboxrd convention) lose one '>'. A message over
// the limit is skipped to its end and reported.
func readMbox(path string, visit func(Message) bool) error {
	f, err := open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	var cur bytes.Buffer
	n, tooLarge, started := 0, false, false
	flush := func() bool {
		if !started {
			return true
		}
		m := Message{Name: fmt.Sprintf("%s[%d]", path, n)}
		if tooLarge {
			m.Err = fmt.Errorf("%s: %w", m.Name, ErrTooLarge)
		} else {
			m.Raw = bytes.Clone(cur.Bytes())
		}
		cur.Reset()
		tooLarge = false
		return visit(m)
	}
	lineStart := true
	for {
		chunk, err := r.ReadSlice('\n')
		if len(chunk) > 0 {
			if lineStart && bytes.HasPrefix(chunk, []byte("From ")) {
				if !flush() {
					return nil
				}
				started = true
				n++
			} else if started && !tooLarge {
				if lineStart && isQuotedFrom(chunk) {
					chunk = chunk[1:]
				}
				if cur.Len()+len(chunk) > MaxMessage {
					tooLarge = true
					cur.Reset()
				} else {
					cur.Write(chunk)
				}
			}
			lineStart = chunk[len(chunk)-1] == '\n'
		}
		switch {
		case err == bufio.ErrBufferFull:
			lineStart = false
		case err == io.EOF:
			flush()
			if !started {
				return fmt.Errorf("%s: %w (no \"From \" line)", path, ErrNotMail)
			}
			return nil
		case err != nil:
			return err
		}
	}
}

func isQuotedFrom(line []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(line, ">"), []byte("From ")) && line[0] == '>'
}
