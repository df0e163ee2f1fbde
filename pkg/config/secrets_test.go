package config

import (
	"strings"
	"testing"
)

// TestPasswordEnvNeverShown (issue 10): a password written where the
// variable's name goes ("SuperSecret" was echoed in the error) is in no
// error, whether it can name a variable or not; a login with tls: none is
// refused at load, with what to change (it failed at send time with
// go-mail's "autodiscover").
func TestPasswordEnvNeverShown(t *testing.T) {
	for _, pw := range []string{"SuperSecret", "hunter2 with spaces!", "P@ssw0rd"} {
		section := "mail:\n  host: smtp.example.com\n  user: me\n  password_env: \"" + pw + "\"\n  from: a@b.c\n  to: [d@e.f]\n"
		cfg, err := Parse("c.yaml", []byte(section))
		if err != nil {
			if strings.Contains(err.Error(), pw) {
				t.Errorf("%q: the load error shows it: %v", pw, err)
			}
			if !strings.Contains(err.Error(), "c.yaml:4:17: password_env takes the name of an environment variable") {
				t.Errorf("%q: error %v, want one at password_env", pw, err)
			}
			continue
		}
		_, err = cfg.Mail.ReadPassword(func(string) string { return "" })
		if err == nil || strings.Contains(err.Error(), pw) || !strings.Contains(err.Error(), "mail.password_env names is not set") {
			t.Errorf("%q: ReadPassword error %v: want one that names password_env, not its value", pw, err)
		}
	}
	_, err := Parse("c.yaml", []byte("mail:\n  host: 127.0.0.1\n  tls: none\n  user: me\n  password_env: PW\n  from: a@b.c\n  to: [d@e.f]\n"))
	if err == nil || !strings.Contains(err.Error(), "c.yaml:4:9: tls: none sends no login") {
		t.Errorf("tls: none with a user: %v", err)
	}
}
