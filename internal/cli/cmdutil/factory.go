package cmdutil

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/imapwatch"
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice/store"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/state"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
	"github.com/cardcheck/cardcheck/rules"
)

// Factory gives a command what it needs, each thing made once and only
// when asked for: a command that reads no config never opens it.
type Factory struct {
	IO *IOStreams
	// ConfigFlag is --config ("" for the default path).
	ConfigFlag string
	// LangFlag is --lang, the root's flag for every command ("" when not
	// given).
	LangFlag string
	// Getenv reads the environment (the locale, XDG folders).
	Getenv func(string) string
	// Now is the clock.
	Now func() time.Time

	loadConfig sync.Once
	cfg        *config.Config
	cfgErr     error
	buildRules sync.Once
	eng        *rules.Engine
	engErrs    []error
}

// NewFactory returns the factory over the process's streams, environment
// and clock.
func NewFactory(io *IOStreams) *Factory {
	f := &Factory{IO: io, Getenv: os.Getenv, Now: time.Now}
	io.Lang = f.Language
	return f
}

// ConfigPath is the config file commands read and write: --config, or the
// default path ($XDG_CONFIG_HOME/cardcheck/config.yaml). explicit is true
// for --config, which must then exist.
func (f *Factory) ConfigPath() (path string, explicit bool) {
	if f.ConfigFlag != "" {
		return f.ConfigFlag, true
	}
	return config.DefaultPath(), false
}

// Config reads the config once. A missing default config is an empty one.
// With problems, err holds all of them and cfg what could be read (nil
// when the file could not be read at all); such a config must not be used
// to scan (see [Factory.ScanConfig]).
func (f *Factory) Config() (*config.Config, error) {
	f.loadConfig.Do(func() {
		path, explicit := f.ConfigPath()
		if path == "" && !explicit {
			f.cfg = &config.Config{}
			return
		}
		f.cfg, f.cfgErr = config.Load(path, explicit)
	})
	return f.cfg, f.cfgErr
}

// ConfigExists reports whether there is a config file to read.
func (f *Factory) ConfigExists() bool {
	path, _ := f.ConfigPath()
	_, err := os.Stat(path)
	return err == nil
}

// Rules builds the engine from the config once. problems are the config's
// and the rules' (an unknown rule, a user rule that does not compile), one
// per entry in the file's order; with problems in the config itself the
// engine runs the defaults, so a scan still reports what it finds.
func (f *Factory) Rules() (eng *rules.Engine, problems []error) {
	f.buildRules.Do(func() {
		cfg, err := f.Config()
		eng, engErr := rules.New(cfg.Spec())
		f.engErrs = append(yamlfile.SplitErrors(err), yamlfile.SplitErrors(engErr)...)
		yamlfile.Sort(f.engErrs)
		if err != nil {
			eng = rules.Default()
		}
		f.eng = eng
	})
	return f.eng, f.engErrs
}

// ScanConfig is the config to scan with: nil when it has problems (the
// built-in formats and the defaults run then), with the problems.
func (f *Factory) ScanConfig() (*config.Config, []error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, yamlfile.SplitErrors(err)
	}
	return cfg, nil
}

// Registry is the statement formats: the built-in ones and the config's.
func (f *Factory) Registry() *importer.Registry {
	cfg, _ := f.ScanConfig()
	if cfg == nil {
		return all.Registry(nil)
	}
	return all.Registry(cfg.Formats)
}

// Reader reads a run's inputs as the config says: the statement formats
// (built-in and the config's), and usage notices checked and bound to
// cards as its notices: section says.
func (f *Factory) Reader() *scan.Reader {
	r := &scan.Reader{Formats: f.Registry()}
	if cfg, _ := f.ScanConfig(); cfg != nil {
		r.Verifier, r.Cards = cfg.Notices.Verifier(), cfg.Notices.Bindings()
	}
	return r
}

// Kept is the store of the notices read from the mailbox (watch, scan
// --imap), in the state folder stateDir.
func (f *Factory) Kept(stateDir string) *store.Store {
	return &store.Store{Dir: store.Dir(stateDir)}
}

// ErrNoIMAP is returned by [Factory.IMAP] when the config names no mailbox.
var ErrNoIMAP error = message.NewError("cli.imap.none", nil, nil)

// IMAP is how to read the config's imap: mailbox, its password read from
// where the config says (never printed), the position in it kept in the
// state folder stateDir.
func (f *Factory) IMAP(stateDir string) (imapwatch.Config, error) {
	cfg, err := f.Config()
	switch {
	case err != nil:
		return imapwatch.Config{}, err
	case cfg == nil || cfg.IMAP == nil:
		return imapwatch.Config{}, ErrNoIMAP
	}
	m := cfg.IMAP
	pw, err := m.ReadPassword(f.Getenv)
	if err != nil {
		return imapwatch.Config{}, err
	}
	c := imapwatch.Config{Addr: m.Addr(), TLS: m.TLSMode(), User: m.User, Password: pw, Mailbox: m.Mailbox,
		StatePath: filepath.Join(stateDir, "imap.json")}
	if m.CAFile != "" {
		// The CA is trusted as well as the system's.
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		path := m.ResolvePath(m.CAFile)
		pem, err := os.ReadFile(path)
		if err != nil {
			return imapwatch.Config{}, message.NewError("cli.imap.ca-file",
				message.Args{"path": message.Text(path), "why": message.FileTrouble(err)}, err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return imapwatch.Config{}, message.NewError("cli.imap.ca-file.no-pem", message.Args{"path": message.Text(path)}, nil)
		}
		c.RootCAs = pool
	}
	return c, nil
}

// Lang is the language to speak: flag ("ja" or "en") when given, else
// --lang, else the config's lang: (which init writes), else the locale's
// (LC_ALL, LC_MESSAGES, LANG).
func (f *Factory) Lang(flag string) (lang.Lang, error) {
	if flag == "" {
		flag = f.LangFlag
	}
	if flag == "" {
		if cfg, _ := f.Config(); cfg != nil {
			if l, ok := cfg.Language(); ok {
				return l, nil
			}
		}
		return lang.FromEnv(f.Getenv), nil
	}
	l, err := lang.Parse(flag)
	if err != nil {
		return l, FlagError("lang", err)
	}
	return l, nil
}

// Language is [Factory.Lang] for text that must be said even when --lang
// is wrong (help, the error about --lang itself): the locale's then.
func (f *Factory) Language() lang.Lang {
	l, err := f.Lang("")
	if err != nil {
		if cfg, _ := f.Config(); cfg != nil {
			if l, ok := cfg.Language(); ok {
				return l
			}
		}
		return lang.FromEnv(f.Getenv)
	}
	return l
}

// StatementsDir is the statements archive: the config's statements:, else
// ~/statements (what init proposes). explicit is false for the default.
func (f *Factory) StatementsDir() (dir string, explicit bool) {
	if cfg, _ := f.Config(); cfg != nil {
		if d := cfg.StatementsDir(); d != "" {
			return d, true
		}
	}
	return DefaultStatementsDir(f.Getenv), false
}

// DefaultStatementsDir is ~/statements, or "" without a home.
func DefaultStatementsDir(getenv func(string) string) string {
	home := getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		home = h
	}
	return filepath.Join(home, "statements")
}

// StateDir is the state folder: flag when given, else the default
// ($XDG_STATE_HOME/cardcheck).
func (f *Factory) StateDir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if d := state.DefaultDir(); d != "" {
		return d, nil
	}
	return "", message.NewError("cli.state.no-home", nil, nil)
}

// FlagError says that the value of --name is wrong.
func FlagError(name string, err error) error {
	return &flagError{name, err}
}

type flagError struct {
	name string
	err  error
}

func (e *flagError) Error() string { return "--" + e.name + ": " + e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }
