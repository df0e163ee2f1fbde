package setup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Files init cannot read or write, and a config with nowhere to go, are
// said in both languages from the catalogue, naming the file; nothing is
// left half written.
func TestFileErrorsInBothLanguages(t *testing.T) {
	answers := func(path string) Options {
		return Options{ConfigPath: path, Provider: Custom, Host: "smtp.example.jp", From: "me@example.jp", Password: "p", Now: day1}
	}
	dir := t.TempDir()
	aFile := filepath.Join(dir, "a-file")
	if err := os.WriteFile(aFile, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	underFile := filepath.Join(aFile, "config.yaml")
	aDir := filepath.Join(dir, "a-dir")
	if err := os.Mkdir(aDir, 0o700); err != nil {
		t.Fatal(err)
	}
	pwBlocked := filepath.Join(dir, "pw", "config.yaml")
	if err := os.MkdirAll(filepath.Join(dir, "pw", PasswordFileName, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		o      Options
		en, ja string
	}{
		{"no path", answers(""), "no config path: set --config, or HOME or XDG_CONFIG_HOME", "設定ファイルの場所が決まりません"},
		{"under a file", answers(underFile), "reading " + underFile + ": not a directory", underFile + " を読めません: "},
		{"a folder as config", answers(aDir), "reading " + aDir + ": is a directory", aDir + " を読めません: "},
		{"password file is a folder", answers(pwBlocked), "writing the password file " + filepath.Join(dir, "pw", PasswordFileName) + ": ",
			"パスワードファイル " + filepath.Join(dir, "pw", PasswordFileName) + " に書き込めません: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.o.ConfigPath == "" {
				t.Setenv("XDG_CONFIG_HOME", "")
				t.Setenv("HOME", "")
			}
			_, err := Write(tc.o)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T %v, want a *setup.Error", err, err)
			}
			for _, m := range e.Messages {
				if err := message.Check(m); err != nil {
					t.Error(err)
				}
			}
			if en := err.Error(); !strings.HasPrefix(en, tc.en) {
				t.Errorf("English %q, want %q", en, tc.en)
			}
			if ja := message.ErrorIn(lang.JA, err); !strings.HasPrefix(ja, tc.ja) {
				t.Errorf("Japanese %q, want %q", ja, tc.ja)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "pw", "config.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the config was written though its password file was not: %v", err)
	}
}
