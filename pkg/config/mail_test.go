package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMailConfig(t *testing.T) {
	cfg, err := Parse("/etc/cardcheck/c.yaml", []byte(`
mail:
  host: smtp.example.com
  user: me@example.com
  password_file: smtp-password
  from: cardcheck <cardcheck@example.com>
  to: [owner@example.com, "経理 <keiri@example.com>"]
`))
	if err != nil {
		t.Fatal(err)
	}
	m := cfg.Mail
	if m.TLSMode() != TLSStartTLS || m.ServerPort() != 587 || m.Addr() != "smtp.example.com:587" {
		t.Errorf("defaults: tls %q port %d addr %s", m.TLSMode(), m.ServerPort(), m.Addr())
	}
	if got := m.ResolvePath(m.PasswordFile); got != "/etc/cardcheck/smtp-password" {
		t.Errorf("password_file resolves to %s, want it beside the config", got)
	}
	for mode, port := range map[string]int{TLSImplicit: 465, TLSNone: 25, TLSStartTLS: 587} {
		if got := (&Mail{TLS: mode}).ServerPort(); got != port {
			t.Errorf("tls %s: port %d, want %d", mode, got, port)
		}
	}
}

func TestMailConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"literal password", "mail:\n  host: h\n  user: u\n  password: hunter2\n  from: a@b.c\n  to: [d@e.f]\n",
			"c.yaml:4:13: the SMTP password must not be written in the config"},
		{"plain to a remote host", "mail:\n  host: smtp.example.com\n  tls: none\n  from: a@b.c\n  to: [d@e.f]\n",
			"c.yaml:3:8: tls: none sends in plain text and is allowed only to a loopback address"},
		{"unknown tls mode", "mail:\n  host: h\n  tls: ssl\n  from: a@b.c\n  to: [d@e.f]\n", `tls "ssl": want starttls`},
		{"user without password", "mail:\n  host: h\n  user: u\n  from: a@b.c\n  to: [d@e.f]\n", "needs a password"},
		{"both password sources", "mail:\n  host: h\n  user: u\n  password_env: X\n  password_file: f\n  from: a@b.c\n  to: [d@e.f]\n", "not both"},
		{"no recipient", "mail:\n  host: h\n  from: a@b.c\n", "one or more recipients"},
		{"bad recipient", "mail:\n  host: h\n  from: a@b.c\n  to: [nobody]\n", "c.yaml:4:8: to \"nobody\""},
		{"no host", "mail:\n  from: a@b.c\n  to: [d@e.f]\n", "needs host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
	for _, host := range []string{"127.0.0.1", "localhost", "::1", "127.0.0.53"} {
		if _, err := Parse("c.yaml", []byte("mail:\n  host: \""+host+"\"\n  tls: none\n  from: a@b.c\n  to: [d@e.f]\n")); err != nil {
			t.Errorf("tls: none to %s: %v", host, err)
		}
	}
}

func TestReadPassword(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	if err := os.WriteFile(file, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := &Mail{User: "u", PasswordFile: file}
	if pw, err := m.ReadPassword(nil); err != nil || pw != "s3cret" {
		t.Errorf("from file: %q %v", pw, err)
	}
	os.Chmod(file, 0o644)
	if _, err := m.ReadPassword(nil); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable file: %v", err)
	}
	env := map[string]string{"PW": "from-env"}
	m = &Mail{User: "u", PasswordEnv: "PW"}
	if pw, err := m.ReadPassword(func(k string) string { return env[k] }); err != nil || pw != "from-env" {
		t.Errorf("from env: %q %v", pw, err)
	}
	if _, err := (&Mail{User: "u", PasswordEnv: "NOPE"}).ReadPassword(func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "password_env names is not set") {
		t.Errorf("unset variable: %v", err)
	}
	if pw, err := (&Mail{}).ReadPassword(nil); pw != "" || err != nil {
		t.Errorf("no user: %q %v", pw, err)
	}
}
