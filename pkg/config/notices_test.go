package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNoticesAndIMAP(t *testing.T) {
	dir := t.TempDir()
	keys := "cardcheck-demo._domainkey.vpass.ne.jp. IN TXT \"v=DKIM1; k=ed25519; p=5kag4MND3921dGebet5zzaNaK76LIoItHwJDYa7Jsqw=\"\n"
	if err := os.WriteFile(filepath.Join(dir, "dkim.txt"), []byte(keys), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse(filepath.Join(dir, "config.yaml"), []byte(`
notices:
  authserv_ids: [mx.example.jp]
  dkim_keys_file: dkim.txt
  cards:
    - notice: "Ｏｌｉｖｅ"
      statement: "4980-11**"
imap:
  host: imap.example.jp
  user: me@example.jp
  password_file: imap-password
`))
	if err != nil {
		t.Fatal(err)
	}
	v := cfg.Notices.Verifier()
	if len(v.AuthservIDs) != 1 || v.LookupTXT == nil {
		t.Fatalf("verifier: %+v", v)
	}
	rec, err := v.LookupTXT("cardcheck-demo._domainkey.vpass.ne.jp")
	if err != nil || len(rec) != 1 || !strings.HasPrefix(rec[0], "v=DKIM1; k=ed25519") {
		t.Errorf("the pinned key: %q %v", rec, err)
	}
	inline, err := Parse("c.yaml", []byte("notices:\n  dkim_keys:\n    - '"+strings.TrimSpace(keys)+"'\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rec, err := inline.Notices.Verifier().LookupTXT("cardcheck-demo._domainkey.vpass.ne.jp."); err != nil || rec[0] != rec0(keys) {
		t.Errorf("an inline key: %q %v", rec, err)
	}
	if b := cfg.Notices.Bindings(); len(b) != 1 || b[0].Statement != "4980-11**" {
		t.Errorf("bindings: %+v", b)
	}
	m := cfg.IMAP
	if m.TLSMode() != TLSImplicit || m.Addr() != "imap.example.jp:993" || m.ResolvePath(m.PasswordFile) != filepath.Join(dir, "imap-password") {
		t.Errorf("imap: tls %s addr %s password file %s", m.TLSMode(), m.Addr(), m.ResolvePath(m.PasswordFile))
	}
	if (&IMAP{Host: "h", TLS: TLSStartTLS}).Addr() != "h:143" {
		t.Error("starttls: want port 143")
	}
	os.WriteFile(filepath.Join(dir, "imap-password"), []byte("s3cret\n"), 0o600)
	if pw, err := m.ReadPassword(nil); pw != "s3cret" || err != nil {
		t.Errorf("password: %q %v", pw, err)
	}
	var none *Notices
	if v := none.Verifier(); v == nil || v.LookupTXT != nil || none.Bindings() != nil {
		t.Error("no notices section: want the plain DNS check")
	}
}

func TestNoticesAndIMAPErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"no keys file", "notices:\n  dkim_keys_file: missing.txt\n", "c.yaml:2:19: dkim_keys_file"},
		{"not a key", "notices:\n  dkim_keys_file: c.yaml\n", "want NAME._domainkey.DOMAIN."},
		{"not a key inline", "notices:\n  dkim_keys: [\"example.jp IN TXT x\"]\n", "c.yaml:2:15: dkim_keys: want one record"},
		{"authserv-id with a space", "notices:\n  authserv_ids: [\"mx example\"]\n", "not a server's authserv-id"},
		{"half a binding", "notices:\n  cards:\n    - notice: Olive\n", "a card binding needs notice: (a part"},
		{"unknown key", "notices:\n  authserv_id: [mx.google.com]\n", "authserv_id"},
		{"imap password written", "imap:\n  host: h\n  user: u\n  password: hunter2\n", "c.yaml:4:13: the IMAP password must not be written in the config"},
		{"imap without tls", "imap:\n  host: h\n  user: u\n  password_env: X\n  tls: none\n", "cardcheck never reads mail without TLS"},
		{"imap without user", "imap:\n  host: h\n", "imap needs user"},
		{"imap user without password", "imap:\n  host: h\n  user: u\n", "needs a password"},
		{"imap without host", "imap:\n  user: u\n  password_env: X\n", "imap needs host"},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.WriteFile(path, []byte(tt.yaml), 0o600)
			_, err := Parse(path, []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}

// rec0 is the TXT value of a zone line.
func rec0(line string) string {
	_, v, _ := strings.Cut(line, "\"")
	return strings.TrimSuffix(strings.TrimSpace(v), "\"")
}
