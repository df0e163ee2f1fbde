package config

import (
	"fmt"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// TLS modes of the mail: section.
const (
	// TLSStartTLS connects in plain text and upgrades with STARTTLS before
	// anything else is said; a server that does not offer it is an error.
	// The default, usually on port 587.
	TLSStartTLS = "starttls"
	// TLSImplicit speaks TLS from the first byte (SMTPS), usually port 465.
	TLSImplicit = "implicit"
	// TLSNone is plain SMTP, allowed only to a loopback address (a local
	// relay such as Postfix or msmtpd on the same machine).
	TLSNone = "none"
)

// Mail is the config's mail: section: where `cardcheck scan --mail` sends
// the new findings. The SMTP password never appears in the config: it comes
// from an environment variable (PasswordEnv) or a file (PasswordFile).
//
//	mail:
//	  host: smtp.example.com
//	  port: 587                # default: 587 for starttls, 465 for implicit, 25 for none
//	  tls: starttls            # starttls (default), implicit, or none (loopback only)
//	  user: cardcheck@example.com
//	  password_env: CARDCHECK_SMTP_PASSWORD   # or password_file: ~/.config/cardcheck/smtp-password
//	  from: cardcheck <cardcheck@example.com>
//	  to: [owner@example.com, accountant@example.com]
//	  ca_file: /etc/ssl/private-ca.pem        # optional: trust this CA as well as the system's
type Mail struct {
	Host string `yaml:"host"`
	Port int    `yaml:"port"`
	TLS  string `yaml:"tls"`
	User string `yaml:"user"`
	// PasswordEnv names the environment variable holding the password.
	PasswordEnv string `yaml:"password_env"`
	// PasswordFile is a file holding the password (one line; a final
	// newline is ignored). It must not be readable by group or others.
	// "~/" and $VARIABLES are expanded; a relative path is relative to the
	// config file's folder.
	PasswordFile string `yaml:"password_file"`
	// From is the sender, e.g. "cardcheck <cardcheck@example.com>".
	From string `yaml:"from"`
	// To are the recipients, at least one.
	To []string `yaml:"to"`
	// CAFile is a PEM file of certificates to trust besides the system's,
	// for a server with a private or self-signed certificate. Certificates
	// are always verified.
	CAFile string `yaml:"ca_file"`

	// Password is here only to reject it with a clear message: a password
	// written in the config would end up in backups and version control.
	Password any `yaml:"password"`

	dir string // the config file's folder, for relative paths
}

// TLSMode returns the TLS mode, TLSStartTLS when none is set.
func (m *Mail) TLSMode() string {
	if m.TLS == "" {
		return TLSStartTLS
	}
	return m.TLS
}

// ServerPort returns the port, or the usual one for the TLS mode.
func (m *Mail) ServerPort() int {
	if m.Port != 0 {
		return m.Port
	}
	switch m.TLSMode() {
	case TLSImplicit:
		return 465
	case TLSNone:
		return 25
	}
	return 587
}

// Addr returns host:port.
func (m *Mail) Addr() string {
	return net.JoinHostPort(m.Host, fmt.Sprint(m.ServerPort()))
}

// IsLoopback reports whether host names this machine: localhost or an
// address in 127.0.0.0/8 or ::1.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// ReadPassword returns the SMTP password from the environment variable or
// the file the config names ("" when there is no user). Errors name the
// variable or the file, never the password.
func (m *Mail) ReadPassword(getenv func(string) string) (string, error) {
	return readPassword("mail", m.User, m.PasswordEnv, m.PasswordFile, m.ResolvePath, getenv)
}

// PasswordError is a password that could not be read: the section (mail
// or imap) and why, said from the catalogue (config.password.*), naming the
// variable or the file, never the password.
type PasswordError struct {
	Section string
	Why     message.Message
	Err     error // the file's error underneath, if any
}

func (e *PasswordError) Error() string { return e.In(lang.EN) }

// In says the error in l: "mail: password file … is empty".
func (e *PasswordError) In(l lang.Lang) string { return e.Section + ": " + message.Render(l, e.Why) }

// Unwrap returns the file's error.
func (e *PasswordError) Unwrap() error { return e.Err }

// readPassword is the config's one way of reading a password (the mail and
// imap sections): from the variable env names, or from file, which must
// not be readable by group or others and holds one line. resolve makes the
// file's path absolute. Errors are *PasswordError.
func readPassword(section, user, env, file string, resolve func(string) string, getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	fail := func(key string, args message.Args, err error) (string, error) {
		return "", &PasswordError{Section: section, Why: message.New(key, args), Err: err}
	}
	switch {
	case user == "":
		return "", nil
	case env != "":
		pw := getenv(env)
		if pw == "" {
			// The value of password_env is not repeated: people write the
			// password itself there (issue 10: "SuperSecret" was echoed).
			return fail("config.password.env-unset", message.Args{"section": message.Text(section)}, nil)
		}
		return pw, nil
	case file != "":
		path := resolve(file)
		where := message.Args{"path": message.Text(path)}
		info, err := os.Stat(path)
		if err == nil && info.Mode().Perm()&0o077 != 0 {
			where["mode"] = message.Text(fmt.Sprintf("%04o", info.Mode().Perm()))
			return fail("config.password.file-open", where, nil)
		}
		var data []byte
		if err == nil {
			data, err = os.ReadFile(path)
		}
		if err != nil {
			where["detail"] = message.FileTrouble(err)
			return fail("config.password.file", where, err)
		}
		pw := strings.TrimRight(string(data), "\r\n")
		if pw == "" {
			return fail("config.password.file-empty", where, nil)
		}
		if strings.ContainsAny(pw, "\r\n") {
			return fail("config.password.file-lines", where, nil)
		}
		return pw, nil
	}
	return fail("config.password.none", nil, nil)
}

// ResolvePath expands "~/" and $VARIABLES in p and makes a relative path
// relative to the config file's folder.
func (m *Mail) ResolvePath(p string) string { return resolvePath(m.dir, p) }

// resolvePath expands "~/" and $VARIABLES in p and makes a relative path
// relative to dir (the config file's folder).
func resolvePath(dir, p string) string {
	p = os.ExpandEnv(p)
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, rest)
		}
	} else if p == "~" {
		if home, err := os.UserHomeDir(); err == nil {
			p = home
		}
	}
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	return p
}

func (m *Mail) validate(v *validator) {
	if m == nil {
		return
	}
	m.dir = filepath.Dir(v.path)
	if m.Password != nil {
		m.Password = nil // say where, never what
		v.passwordWritten("mail", "SMTP")
	}
	if strings.TrimSpace(m.Host) == "" || strings.ContainsAny(m.Host, " \t\r\n/") {
		v.say("$.mail", "config.mail.host", nil)
	}
	if m.Port < 0 || m.Port > 65535 {
		v.say("$.mail.port", "config.port", message.Args{"port": message.Count(m.Port)})
	}
	switch m.TLS {
	case "", TLSStartTLS, TLSImplicit:
	case TLSNone:
		if m.Host != "" && !IsLoopback(m.Host) {
			v.say("$.mail.tls", "config.mail.tls-none-host", message.Args{"host": message.Text(m.Host)})
		}
		if m.User != "" {
			// go-mail logs in only over TLS, and said so as "autodiscover".
			v.say("$.mail.user", "config.mail.tls-none-user", nil)
		}
	default:
		v.say("$.mail.tls", "config.mail.tls", message.Args{"tls": message.Text(m.TLS)})
	}
	v.passwordSource("mail", m.User, m.PasswordEnv, m.PasswordFile)
	if m.From == "" {
		v.say("$.mail", "config.mail.from", nil)
	} else if _, err := mail.ParseAddress(m.From); err != nil {
		v.say("$.mail.from", "config.mail.address", message.Args{"key": message.Text("from"), "address": message.Text(m.From), "detail": message.Text(err.Error())})
	}
	if len(m.To) == 0 {
		v.say("$.mail", "config.mail.to", nil)
	}
	for i, to := range m.To {
		if _, err := mail.ParseAddress(to); err != nil {
			v.say(fmt.Sprintf("$.mail.to[%d]", i), "config.mail.address", message.Args{"key": message.Text("to"), "address": message.Text(to), "detail": message.Text(err.Error())})
		}
	}
}

// passwordWritten reports a password written in section: it would end up
// in backups and version control.
func (v *validator) passwordWritten(section, what string) {
	v.say("$."+section+".password", "config.password-written", message.Args{"what": message.Text(what)})
}

// isVariableName reports whether s can name an environment variable as a
// shell sets one.
func isVariableName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// passwordSource checks that section names one source of its password
// when it has a user, and none when it has not.
func (v *validator) passwordSource(section, user, env, file string) {
	switch {
	case env != "" && !isVariableName(env):
		// Said without the value, which may be the password itself.
		v.say("$."+section+".password_env", "config.password-env", nil)
	case env != "" && file != "":
		v.say("$."+section+".password_file", "config.password-both", nil)
	case user != "" && env == "" && file == "":
		v.say("$."+section+".user", "config.password-missing", message.Args{"user": message.Text(user)})
	case user == "" && (env != "" || file != ""):
		v.say("$."+section, "config.password-no-user", nil)
	}
}
