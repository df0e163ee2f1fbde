// Package setup is `cardcheck init` as a library: it writes a config file
// with a mail: section for a provider preset or a custom server, and the SMTP
// password in a file only the user can read.
//
// A config written here is valid by construction: the text is rendered,
// then read back through the real config loader (config.Parse) before
// anything touches the disk, and each scalar is written as a quoted string,
// so an address or a host can never break the YAML.
package setup

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cardcheck/cardcheck/pkg/atomicfile"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/configedit"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
)

// PasswordFileName is the password file init writes beside the config.
const PasswordFileName = "smtp-password"

// Options are init's answers.
type Options struct {
	// ConfigPath is the config file to write (config.DefaultPath() when "").
	ConfigPath string
	// Provider is a preset's ID or Custom.
	Provider string
	// Host, Port and TLS name the server for Custom, and override the
	// preset's otherwise (zero values keep it).
	Host string
	Port int
	TLS  string
	// From is the sender's address; User the login (From's address when
	// ""). To are the recipients (From's address when none).
	From, User string
	To         []string
	// The password, one of: Password, written to PasswordFileName beside
	// the config (mode 0600); PasswordEnv, the name of an environment
	// variable the cron job will have; PasswordFile, an existing file.
	Password, PasswordEnv, PasswordFile string
	// CAFile is a certificate to trust besides the system's (custom servers).
	CAFile string
	// Statements is the statements folder (the archive import files into
	// and scan reads), written as given ("~/statements"); Lang the
	// language. Each is written when set, and when appending to a config
	// only if that config does not set it already.
	Statements string
	Lang       lang.Lang
	// Force replaces an existing config that has a mail: section; the old
	// file is kept as ConfigPath+".bak".
	Force bool
	// Now dates the config's header comment (time.Now when zero).
	Now time.Time
}

// Result says what Write did.
type Result struct {
	ConfigPath   string
	PasswordPath string // "" when no password file was written
	// Appended is true when the mail: section was added to an existing
	// config; Backup names the old file when Force replaced one.
	Appended bool
	Backup   string
	Config   *config.Config
}

// Error is an answer init cannot use, or a file it will not touch, said
// in the catalogue (pkg/message, setup.*) so that init can say it in the
// user's language; Error() is English.
type Error struct {
	Messages []message.Message
	// Err is what went wrong underneath, when something did (ErrExists, a
	// config error).
	Err error
}

func (e *Error) Error() string { return e.In(lang.EN) }

// In says the problems in l, one per line.
func (e *Error) In(l lang.Lang) string {
	lines := make([]string, len(e.Messages))
	for i, m := range e.Messages {
		lines[i] = message.Render(l, m)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func answerError(ms ...message.Message) error { return &Error{Messages: ms} }

// fileError says that the file at path could not be read or written (key,
// a setup.* entry with path and detail), and why; an *Error already said
// is returned as it is.
func fileError(key, path string, err error) error {
	var said *Error
	if errors.As(err, &said) {
		return err
	}
	return &Error{Messages: []message.Message{message.New(key, message.Args{"path": message.Text(path), "detail": message.FileTrouble(err)})}, Err: err}
}

// invalid is the config init would write failing the real loader: a bug in
// init, said with the loader's words.
func invalid(err error) error {
	return &Error{Messages: []message.Message{message.New("setup.invalid", message.Args{"detail": message.Text(err.Error())})}, Err: err}
}

// ErrExists is wrapped by Write's error for a config that already has a
// mail: section and Force is not set.
var ErrExists = errors.New("the config already has a mail: section")

// Write renders the config, checks it with the real loader, and writes it
// with the password file. A config that exists without a mail: section gets
// the section appended (its text is kept); one with a mail: section is
// replaced only with Force. Files are written atomically: a crash leaves the
// old file or the new one, and a new config is never written over a file
// that appeared meanwhile.
func Write(o Options) (*Result, error) {
	if o.ConfigPath == "" {
		o.ConfigPath = config.DefaultPath()
	}
	if o.ConfigPath == "" {
		return nil, answerError(message.New("setup.no-config-path", nil))
	}
	section, err := MailSection(&o)
	if err != nil {
		return nil, err
	}
	if strings.ContainsAny(o.Statements, "\r\n") || !utf8.ValidString(o.Statements) {
		return nil, answerError(message.New("setup.statements.bad", message.Args{"dir": message.Text(strconv.Quote(o.Statements))}))
	}
	res := &Result{ConfigPath: o.ConfigPath}
	old, err := os.ReadFile(o.ConfigPath)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fileError("setup.read", o.ConfigPath, err)
	}
	text := header(o.Now) + routine(o, nil) + section
	if exists {
		oldCfg, err := config.Parse(o.ConfigPath, old)
		if err != nil {
			return nil, &Error{Messages: []message.Message{message.New("setup.unreadable", message.Args{"path": message.Text(o.ConfigPath)})}, Err: err}
		}
		switch {
		case oldCfg.Mail == nil:
			text = string(old)
			if text != "" && !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			text += "\n# added by cardcheck init on " + day(o.Now) + "\n" + routine(o, oldCfg) + section
			res.Appended = true
		case !o.Force:
			return nil, &Error{Messages: []message.Message{message.New("setup.exists", message.Args{
				"path": message.Text(o.ConfigPath), "base": message.Text(filepath.Base(o.ConfigPath))})}, Err: ErrExists}
		default:
			return replace(o, section, res)
		}
	}
	// Valid by construction: the real loader reads exactly what is written.
	cfg, err := config.Parse(o.ConfigPath, []byte(text))
	if err != nil {
		return nil, invalid(err)
	}
	res.Config = cfg
	if err := os.MkdirAll(filepath.Dir(o.ConfigPath), 0o700); err != nil {
		return nil, fileError("setup.write", filepath.Dir(o.ConfigPath), err)
	}
	if err := writePassword(o, res); err != nil {
		return nil, err
	}
	switch {
	case !exists:
		err = createNew(o.ConfigPath, []byte(text))
	case res.Appended:
		err = atomicfile.Write(o.ConfigPath, []byte(text), perm(o.ConfigPath), nil)
	}
	if err != nil {
		return nil, fileError("setup.write", o.ConfigPath, err)
	}
	return res, nil
}

// replace is Write with Force on a config that has a mail: section: only
// what init writes (the mail: section, and statements: and lang: when
// given) is replaced, in place, through configedit.Edit (locked, atomic,
// the file's mode kept); the user's cards, payees, rules, other sections
// and comments stay as they are. The old file is kept as .bak.
func replace(o Options, section string, res *Result) (*Result, error) {
	res.Backup = o.ConfigPath + ".bak"
	err := configedit.Edit(o.ConfigPath, func(old []byte) ([]byte, error) {
		text, err := replaceSections(o, old, section)
		if err != nil {
			return nil, err
		}
		cfg, err := config.Parse(o.ConfigPath, text)
		if err != nil {
			return nil, invalid(err)
		}
		res.Config = cfg
		if err := atomicfile.Write(res.Backup, old, perm(o.ConfigPath), nil); err != nil {
			return nil, fileError("setup.write", res.Backup, err)
		}
		return text, writePassword(o, res)
	})
	if err != nil {
		return nil, fileError("setup.write", o.ConfigPath, err)
	}
	return res, nil
}

// replaceSections returns the config text old with its top-level mail:,
// statements: and lang: entries replaced by init's: mail by section,
// statements and lang by o's answers when it gave them (a key that is
// not there yet is added at the end). An entry spans from its key's line
// to the next top-level key's, less the blank lines and unindented
// comments just before that key, which belong to what follows.
func replaceSections(o Options, old []byte, section string) ([]byte, error) {
	f, err := yamlfile.Parse(o.ConfigPath, old)
	if err != nil {
		return nil, err
	}
	m, ok := yamlfile.Mapping(yamlfile.Body(f))
	if !ok {
		return nil, &Error{Messages: []message.Message{message.New("setup.not-mapping", message.Args{"path": message.Text(o.ConfigPath)})}}
	}
	lines := strings.SplitAfter(string(old), "\n")
	starts := make([]int, len(m.Values)) // 0-based line of each key
	for i, mv := range m.Values {
		line, _ := yamlfile.Pos(mv.Key)
		if line < 1 || line > len(lines) || i > 0 && line-1 <= starts[i-1] {
			return nil, &Error{Messages: []message.Message{message.New("setup.keys-one-line", message.Args{"path": message.Text(o.ConfigPath)})}}
		}
		starts[i] = line - 1
	}
	news := map[string]string{"mail": section}
	if o.Statements != "" {
		news["statements"] = fmt.Sprintf("statements: %s   # import files statements here; scan reads them\n", quote(o.Statements))
	}
	if o.Lang != "" {
		news["lang"] = fmt.Sprintf("lang: %s\n", o.Lang)
	}
	var b strings.Builder
	b.WriteString(strings.Join(lines[:starts[0]], ""))
	for i, mv := range m.Values {
		end := len(lines)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		for end-1 > starts[i] && (strings.TrimSpace(lines[end-1]) == "" || strings.HasPrefix(lines[end-1], "#")) {
			end--
		}
		key := yamlfile.KeyName(mv)
		if text, ok := news[key]; ok {
			b.WriteString(text)
			delete(news, key)
		} else {
			b.WriteString(strings.Join(lines[starts[i]:end], ""))
			if !strings.HasSuffix(lines[end-1], "\n") {
				b.WriteString("\n")
			}
		}
		next := len(lines)
		if i+1 < len(starts) {
			next = starts[i+1]
		}
		b.WriteString(strings.Join(lines[end:next], ""))
	}
	if len(news) > 0 {
		if !strings.HasSuffix(b.String(), "\n") {
			b.WriteString("\n")
		}
		b.WriteString("\n# added by cardcheck init on " + day(o.Now) + "\n")
		for _, key := range []string{"statements", "lang", "mail"} {
			b.WriteString(news[key])
		}
	}
	return []byte(b.String()), nil
}

// MailSection renders the mail: section for o, after filling in the
// preset and the defaults (o is updated). Errors say which answer is wrong.
func MailSection(o *Options) (string, error) {
	var bad []message.Message
	say := func(key string, args message.Args) { bad = append(bad, message.New(key, args)) }
	text := message.Text
	if o.Provider == "" {
		o.Provider = Custom
	}
	for _, a := range append([]string{o.Host, o.From, o.User, o.Password, o.PasswordEnv, o.PasswordFile, o.CAFile}, o.To...) {
		if !utf8.ValidString(a) {
			return "", answerError(message.New("setup.utf8", message.Args{"answer": text(strconv.Quote(a))}))
		}
	}
	if o.Provider != Custom {
		p, err := LookupProvider(o.Provider)
		if err != nil {
			return "", err
		}
		if p.Unsupported != "" {
			return "", answerError(message.Said(p.Unsupported, p.UnsupportedJA))
		}
		if o.Host == "" {
			o.Host = p.Host
		}
		if o.Port == 0 {
			o.Port = p.Port
		}
		if o.TLS == "" {
			o.TLS = p.TLS
		}
	}
	switch {
	case o.Host == "":
		say("setup.host.missing", nil)
	case strings.IndexFunc(o.Host, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '/' }) >= 0:
		say("setup.host.bad", message.Args{"host": text(strconv.Quote(o.Host))})
	}
	if o.Port < 0 || o.Port > 65535 {
		say("setup.port.bad", message.Args{"port": text(strconv.Itoa(o.Port))})
	}
	switch o.TLS {
	case "":
		o.TLS = config.TLSStartTLS
	case config.TLSStartTLS, config.TLSImplicit:
	case config.TLSNone:
		if !config.IsLoopback(o.Host) {
			say("setup.tls.none-remote", message.Args{"host": text(strconv.Quote(o.Host))})
		}
	default:
		say("setup.tls.bad", message.Args{"tls": text(strconv.Quote(o.TLS))})
	}
	from, err := mail.ParseAddress(o.From)
	if err != nil || strings.TrimSpace(o.From) == "" {
		say("setup.from.bad", message.Args{"from": text(strconv.Quote(o.From))})
	}
	if len(o.To) == 0 && from != nil {
		o.To = []string{from.Address}
	}
	for _, to := range o.To {
		if _, err := mail.ParseAddress(to); err != nil {
			say("setup.to.bad", message.Args{"to": text(strconv.Quote(to))})
		}
	}
	if o.User == "" && from != nil && o.TLS != config.TLSNone {
		o.User = from.Address
	}
	n := 0
	for _, s := range []string{o.Password, o.PasswordEnv, o.PasswordFile} {
		if s != "" {
			n++
		}
	}
	switch {
	case n > 1:
		say("setup.password.twice", message.Args{"file": text(PasswordFileName)})
	case n == 0 && o.User != "":
		say("setup.password.missing", message.Args{"user": text(strconv.Quote(o.User))})
	}
	if strings.ContainsAny(o.Password, "\r\n") {
		say("setup.password.linebreak", nil)
	}
	if len(bad) > 0 {
		return "", answerError(bad...)
	}
	var b strings.Builder
	b.WriteString("mail:\n")
	fmt.Fprintf(&b, "  host: %s\n", quote(o.Host))
	if o.Port != 0 {
		fmt.Fprintf(&b, "  port: %d\n", o.Port)
	}
	fmt.Fprintf(&b, "  tls: %s\n", o.TLS)
	if o.User != "" {
		fmt.Fprintf(&b, "  user: %s\n", quote(o.User))
	}
	switch {
	case o.Password != "":
		fmt.Fprintf(&b, "  password_file: %s   # beside this file, mode 0600\n", quote(PasswordFileName))
	case o.PasswordFile != "":
		fmt.Fprintf(&b, "  password_file: %s\n", quote(o.PasswordFile))
	case o.PasswordEnv != "":
		fmt.Fprintf(&b, "  password_env: %s\n", quote(o.PasswordEnv))
	}
	// Addresses are written as given (checked above): mail.Address.String
	// would MIME-encode a Japanese name into the config.
	fmt.Fprintf(&b, "  from: %s\n", quote(strings.TrimSpace(o.From)))
	b.WriteString("  to:\n")
	for _, to := range o.To {
		fmt.Fprintf(&b, "    - %s\n", quote(strings.TrimSpace(to)))
	}
	if o.CAFile != "" {
		fmt.Fprintf(&b, "  ca_file: %s\n", quote(o.CAFile))
	}
	return b.String(), nil
}

// routine renders the routine's settings that o sets and old (the config
// appended to, or nil) does not.
func routine(o Options, old *config.Config) string {
	var b strings.Builder
	if o.Statements != "" && (old == nil || old.Statements == "") {
		fmt.Fprintf(&b, "statements: %s   # import files statements here; scan reads them\n", quote(o.Statements))
	}
	if o.Lang != "" && (old == nil || old.Lang == "") {
		fmt.Fprintf(&b, "lang: %s\n", o.Lang)
	}
	return b.String()
}

func header(now time.Time) string {
	return "# cardcheck config, written by `cardcheck init` on " + day(now) + ".\n" +
		"# Every key is described in docs/mail-and-cron.md (mail) and docs/learning.md (cards, payees).\n"
}

func day(now time.Time) string {
	if now.IsZero() {
		now = time.Now()
	}
	return now.Format(time.DateOnly)
}

// quote writes s as a YAML double-quoted scalar: JSON's string syntax is a
// subset of it, and it escapes quotes, backslashes and control characters,
// so no value can end the line or start a new key.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// writePassword writes o's password, if it has one, to the password file
// beside the config (0600).
func writePassword(o Options, res *Result) error {
	if o.Password == "" {
		return nil
	}
	res.PasswordPath = filepath.Join(filepath.Dir(o.ConfigPath), PasswordFileName)
	if err := atomicfile.Write(res.PasswordPath, []byte(o.Password+"\n"), 0o600, nil); err != nil {
		return fileError("setup.password.write", res.PasswordPath, err)
	}
	return nil
}

// createNew writes a file that must not exist yet: the content goes to a
// temporary file first, which is then hard-linked to path (failing if path
// appeared meanwhile), so neither a half-written config nor an overwritten
// one can result.
func createNew(path string, data []byte) error {
	tmp := path + ".init.tmp"
	if err := atomicfile.Write(tmp, data, 0o600, nil); err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &Error{Messages: []message.Message{message.New("setup.appeared", message.Args{"path": message.Text(path)})}, Err: err}
		}
		return err
	}
	return nil
}

func perm(path string) fs.FileMode {
	if info, err := os.Stat(path); err == nil {
		return info.Mode().Perm()
	}
	return 0o600
}
