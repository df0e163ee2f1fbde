package config

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/auth"
)

// Notices is the config's notices: section: which usage-notice mails to
// believe besides those whose DKIM signature verifies with the key in DNS,
// and whose card a notice is when its name does not tell.
//
//	notices:
//	  authserv_ids: [mx.google.com]   # your mail server's Authentication-Results count
//	  dkim_keys:                       # DKIM keys pinned as zone-file lines (the offline demo's)
//	    - 'sel._domainkey.example.jp. IN TXT "v=DKIM1; k=ed25519; p=…"'
//	  dkim_keys_file: dkim.txt         # or in a file, one a line
//	  cards:
//	    - notice: "Ｏｌｉｖｅ／クレジット"   # a part of the card's name in the notices
//	      statement: "4980-11**"           # a part of the statement card's label
type Notices struct {
	// AuthservIDs are the authserv-ids of the user's own receiving mail
	// servers: their Authentication-Results header, at the top of a mail,
	// saying dkim=pass or dmarc=pass for the card company's domain, is
	// believed.
	AuthservIDs []string `yaml:"authserv_ids"`
	// DKIMKeysFile holds DKIM key records used instead of DNS for the names
	// it has ("selector._domainkey.domain. IN TXT "v=DKIM1; …""). A pinned
	// key makes every mail signed with it authentic: pin only a key whose
	// private half nobody else has. "~/" and $VARIABLES are expanded; a
	// relative path is relative to the config file's folder.
	DKIMKeysFile string `yaml:"dkim_keys_file"`
	// DKIMKeys are pinned key records written in the config, as
	// DKIMKeysFile's lines are.
	DKIMKeys []string `yaml:"dkim_keys"`
	// Cards bind notice cards to statement cards.
	Cards []notice.Binding `yaml:"cards"`

	keys map[string]string // DKIMKeysFile's records, read when the config is
}

// Verifier returns the notice sender check the section asks for: DKIM with
// keys from DNS, and from the pinned keys before DNS; the configured
// authserv-ids believed. A nil section gives the plain DNS check.
func (n *Notices) Verifier() *auth.Verifier {
	if n == nil {
		return &auth.Verifier{}
	}
	v := &auth.Verifier{AuthservIDs: n.AuthservIDs}
	if len(n.keys) > 0 {
		v.LookupTXT = auth.Pinned(n.keys, nil)
	}
	return v
}

// Bindings returns the section's card bindings (none for a nil section).
func (n *Notices) Bindings() []notice.Binding {
	if n == nil {
		return nil
	}
	return n.Cards
}

func (n *Notices) validate(v *validator) {
	for i, id := range n.AuthservIDs {
		if strings.TrimSpace(id) == "" || strings.ContainsAny(id, " \t\r\n;") {
			v.say(fmt.Sprintf("$.notices.authserv_ids[%d]", i), "config.notices.authserv-id", message.Args{"id": message.Text(id)})
		}
	}
	n.keys = map[string]string{}
	if n.DKIMKeysFile != "" {
		path := resolvePath(v.dir(), n.DKIMKeysFile)
		data, err := os.ReadFile(path)
		var keys map[string]string
		if err == nil {
			keys, err = auth.ParseKeys(data)
		}
		if err != nil {
			detail := message.FileTrouble(err)
			if me := (*message.Error)(nil); errors.As(err, &me) {
				detail = message.Nested(me.Message)
			}
			v.say("$.notices.dkim_keys_file", "config.notices.keys-file", message.Args{"path": message.Text(path), "detail": detail})
		}
		maps.Copy(n.keys, keys)
	}
	for i, line := range n.DKIMKeys {
		keys, err := auth.ParseKeys([]byte(line))
		if err != nil || len(keys) != 1 {
			v.say(fmt.Sprintf("$.notices.dkim_keys[%d]", i), "config.notices.key", nil)
			continue
		}
		maps.Copy(n.keys, keys)
	}
	for i, b := range n.Cards {
		if strings.TrimSpace(b.Notice) == "" || strings.TrimSpace(b.Statement) == "" {
			v.say(fmt.Sprintf("$.notices.cards[%d]", i), "config.notices.card", nil)
		}
	}
}

// IMAP is the config's imap: section: the mailbox `cardcheck watch` and
// `cardcheck scan --imap` read usage notices from. TLS is always used and
// certificates always verified; the mailbox is only read, never changed.
// The password never appears in the config: it comes from an environment
// variable (PasswordEnv) or a file (PasswordFile), as for mail:.
//
//	imap:
//	  host: imap.example.com
//	  port: 993                # default: 993 for implicit, 143 for starttls
//	  tls: implicit            # implicit (default) or starttls
//	  user: me@example.com
//	  password_env: CARDCHECK_IMAP_PASSWORD   # or password_file: ~/.config/cardcheck/imap-password
//	  mailbox: INBOX           # default INBOX
//	  ca_file: /etc/ssl/private-ca.pem        # optional: trust this CA as well as the system's
type IMAP struct {
	Host         string `yaml:"host"`
	Port         int    `yaml:"port"`
	TLS          string `yaml:"tls"`
	User         string `yaml:"user"`
	PasswordEnv  string `yaml:"password_env"`
	PasswordFile string `yaml:"password_file"`
	Mailbox      string `yaml:"mailbox"`
	CAFile       string `yaml:"ca_file"`

	// Password is here only to reject it with a clear message.
	Password any `yaml:"password"`

	dir string // the config file's folder, for relative paths
}

// TLSMode returns the TLS mode, TLSImplicit when none is set.
func (m *IMAP) TLSMode() string {
	if m.TLS == "" {
		return TLSImplicit
	}
	return m.TLS
}

// Addr returns host:port, with the usual port for the TLS mode when none
// is set.
func (m *IMAP) Addr() string {
	port := m.Port
	if port == 0 {
		port = 993
		if m.TLSMode() == TLSStartTLS {
			port = 143
		}
	}
	return net.JoinHostPort(m.Host, strconv.Itoa(port))
}

// ReadPassword returns the IMAP password from the environment variable or
// the file the section names. Errors name the variable or the file, never
// the password.
func (m *IMAP) ReadPassword(getenv func(string) string) (string, error) {
	return readPassword("imap", m.User, m.PasswordEnv, m.PasswordFile, m.ResolvePath, getenv)
}

// ResolvePath expands "~/" and $VARIABLES in p and makes a relative path
// relative to the config file's folder.
func (m *IMAP) ResolvePath(p string) string { return resolvePath(m.dir, p) }

func (m *IMAP) validate(v *validator) {
	m.dir = v.dir()
	if m.Password != nil {
		m.Password = nil // say where, never what
		v.passwordWritten("imap", "IMAP")
	}
	if strings.TrimSpace(m.Host) == "" || strings.ContainsAny(m.Host, " \t\r\n/") {
		v.say("$.imap", "config.imap.host", nil)
	}
	if m.Port < 0 || m.Port > 65535 {
		v.say("$.imap.port", "config.port", message.Args{"port": message.Count(m.Port)})
	}
	switch m.TLS {
	case "", TLSImplicit, TLSStartTLS:
	default:
		v.say("$.imap.tls", "config.imap.tls", message.Args{"tls": message.Text(m.TLS)})
	}
	if m.User == "" {
		v.say("$.imap", "config.imap.user", nil)
	}
	v.passwordSource("imap", m.User, m.PasswordEnv, m.PasswordFile)
	if strings.ContainsAny(m.Mailbox, "\r\n") {
		v.say("$.imap.mailbox", "config.imap.mailbox", message.Args{"mailbox": message.Text(m.Mailbox)})
	}
}
