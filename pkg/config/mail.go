package config

import (
	"fmt"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
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

// readPassword is the config's one way of reading a password (the mail and
// imap sections): from the variable env names, or from file, which must
// not be readable by group or others and holds one line. resolve makes the
// file's path absolute. Errors name the section, the variable or the file,
// never the password.
func readPassword(section, user, env, file string, resolve func(string) string, getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	switch {
	case user == "":
		return "", nil
	case env != "":
		pw := getenv(env)
		if pw == "" {
			// The value of password_env is not repeated: people write the
			// password itself there (issue 10: "SuperSecret" was echoed).
			return "", fmt.Errorf("%s: the environment variable that %s.password_env names is not set (cron and systemd start programs with few variables; "+
				"password_env holds a variable's name, such as CARDCHECK_SMTP_PASSWORD, never the password)", section, section)
		}
		return pw, nil
	case file != "":
		path := resolve(file)
		info, err := os.Stat(path)
		if err != nil {
			return "", fmt.Errorf("%s: password file: %w", section, err)
		}
		if info.Mode().Perm()&0o077 != 0 {
			return "", fmt.Errorf("%s: password file %s can be read by others (mode %04o); chmod 600 it", section, path, info.Mode().Perm())
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s: password file: %w", section, err)
		}
		pw := strings.TrimRight(string(data), "\r\n")
		if pw == "" {
			return "", fmt.Errorf("%s: password file %s is empty", section, path)
		}
		if strings.ContainsAny(pw, "\r\n") {
			return "", fmt.Errorf("%s: password file %s has more than one line", section, path)
		}
		return pw, nil
	}
	return "", fmt.Errorf("%s: user is set but neither password_env nor password_file is", section)
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
		v.errorf("$.mail", "mail needs host: the SMTP server's name or address")
	}
	if m.Port < 0 || m.Port > 65535 {
		v.errorf("$.mail.port", "port %d: want 1 to 65535", m.Port)
	}
	switch m.TLS {
	case "", TLSStartTLS, TLSImplicit:
	case TLSNone:
		if m.Host != "" && !IsLoopback(m.Host) {
			v.errorf("$.mail.tls", "tls: none sends in plain text and is allowed only to a loopback address (localhost, 127.0.0.1, ::1), not %q; use starttls or implicit", m.Host)
		}
		if m.User != "" {
			// go-mail logs in only over TLS, and said so as "autodiscover".
			v.errorf("$.mail.user", "tls: none sends no login (a relay on this machine takes mail without one): remove user and the password setting, or use starttls or implicit with a login")
		}
	default:
		v.errorf("$.mail.tls", "tls %q: want %s (the default), %s, or %s (plain SMTP to a loopback address only)", m.TLS, TLSStartTLS, TLSImplicit, TLSNone)
	}
	v.passwordSource("mail", m.User, m.PasswordEnv, m.PasswordFile)
	if m.From == "" {
		v.errorf("$.mail", "mail needs from: the sender's address")
	} else if _, err := mail.ParseAddress(m.From); err != nil {
		v.errorf("$.mail.from", "from %q: %v", m.From, err)
	}
	if len(m.To) == 0 {
		v.errorf("$.mail", "mail needs to: one or more recipients")
	}
	for i, to := range m.To {
		if _, err := mail.ParseAddress(to); err != nil {
			v.errorf(fmt.Sprintf("$.mail.to[%d]", i), "to %q: %v", to, err)
		}
	}
}

// passwordWritten reports a password written in section: it would end up
// in backups and version control.
func (v *validator) passwordWritten(section, what string) {
	v.errorf("$."+section+".password", "the %s password must not be written in the config: put it in an environment variable named by password_env, or in a file (mode 600) named by password_file", what)
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
		v.errorf("$."+section+".password_env", "password_env takes the name of an environment variable (letters, digits and _, such as CARDCHECK_SMTP_PASSWORD), and this is none; "+
			"its value is not shown, in case it is the password: put the password in a variable or a file (password_file)")
	case env != "" && file != "":
		v.errorf("$."+section+".password_file", "set password_env or password_file, not both")
	case user != "" && env == "" && file == "":
		v.errorf("$."+section+".user", "user %q needs a password: set password_env (an environment variable's name) or password_file", user)
	case user == "" && (env != "" || file != ""):
		v.errorf("$."+section, "a password is set but no user")
	}
}
