package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/yamlfile"
)

// Config problems are said in the user's language after the same file,
// line and column; English is what it was.
func TestErrorsInJapanese(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, yaml string
		en, ja     string
	}{
		{"tab", "cards:\n\t- match: x\n", "config.yaml:2:1: indent with spaces, not tabs", "config.yaml:2:1: 字下げにはタブではなくスペースを使ってください"},
		{"unknown section", "mial:\n  host: x\n", `config.yaml:1:1: unknown key "mial"; did you mean "mail"?`, `config.yaml:1:1: "mial" というキーはありません。"mail" のことですか?`},
		{"unknown key", "mail:\n  hots: smtp.example.com\n", `config.yaml:2:3: unknown key "hots"; did you mean "host"?`, `"hots" というキーはありません。"host" のことですか?`},
		{"wrong type", "mail:\n  port: [1]\n", "want a whole number", "ここには整数を書きます"},
		{"lang", "lang: fr\n", `config.yaml:1:7: lang: language "fr": want ja or en`, `config.yaml:1:7: lang: "fr" という言語はありません。ja か en を書きます`},
		{"mail", "mail:\n  host: smtp.example.com\n  to: [a@example.com]\n", "mail needs from: the sender's address", "mail には from: (送信元のアドレス)が必要です"},
		{"password", "mail:\n  host: smtp.example.com\n  from: a@example.com\n  to: [a@example.com]\n  user: a\n  password: x\n",
			"the SMTP password must not be written in the config", "SMTP のパスワードは設定ファイルに書かないでください"},
		{"misaligned", "mail:\n  host: x\n   port: 1\n", "this line does not line up", "この行の字下げが上の行とそろっていません"},
		{"stale_after", "stale_after: soon\n", `config.yaml:1:14: stale_after: "soon": want a number of days`, `config.yaml:1:14: stale_after: "soon" は読めません。45d、6w、1y のような日数か、off を書きます`},
		{"authserv-id", "notices:\n  authserv_ids: [\"mx example\"]\n", `config.yaml:2:18: authserv_ids: "mx example" is not a server's authserv-id`,
			`config.yaml:2:18: authserv_ids: "mx example" はサーバーの authserv-id(mx.google.com のような名前)ではありません`},
		{"keys file missing", "notices:\n  dkim_keys_file: none.txt\n", "config.yaml:2:19: dkim_keys_file none.txt: there is no such file",
			"config.yaml:2:19: dkim_keys_file none.txt を読めません: ファイルがありません"},
		{"keys file not keys", "notices:\n  dkim_keys_file: bad.txt\n", "bad.txt: line 2: want NAME._domainkey.DOMAIN.", "bad.txt を読めません: 2行目: NAME._domainkey.DOMAIN. IN TXT"},
		{"key inline", "notices:\n  dkim_keys: [\"example.jp IN TXT x\"]\n", "config.yaml:2:15: dkim_keys: want one record", "config.yaml:2:15: dkim_keys: レコードを1つずつ"},
		{"binding", "notices:\n  cards:\n    - notice: Olive\n", "config.yaml:3:7: a card binding needs notice:", "config.yaml:3:7: カードの対応づけには notice:"},
		{"imap", "imap:\n  port: 70000\n  tls: none\n  password_env: X\n  mailbox: \"a\\nb\"\n",
			"config.yaml:2:3: imap needs host: the IMAP server's name or address\nconfig.yaml:2:3: imap needs user: the mailbox's login\nconfig.yaml:2:3: a password is set but no user\n" +
				"config.yaml:2:9: port 70000: want 1 to 65535\nconfig.yaml:3:8: tls \"none\": want implicit (the default, port 993) or starttls (port 143); cardcheck never reads mail without TLS\n" +
				"config.yaml:5:12: mailbox \"a\\nb\": a folder's name is one line",
			"config.yaml:2:3: imap には host: (IMAP サーバーの名前かアドレス)が必要です\nconfig.yaml:2:3: imap には user: (メールボックスのログイン名)が必要です\nconfig.yaml:2:3: パスワードが設定されていますが、user がありません\n" +
				"config.yaml:2:9: port 70000: 1 から 65535 を書きます\nconfig.yaml:3:8: tls \"none\": implicit(既定、ポート 993)か starttls(ポート 143)を書きます。cardcheck は TLS なしではメールを読みません\n" +
				"config.yaml:5:12: mailbox \"a\\nb\": フォルダー名は1行で書きます"},
	} {
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("; pinned\nexample.jp IN TXT x\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(tc.yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path, true)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		var en, ja []string
		for _, e := range yamlfile.SplitErrors(err) {
			var ye *yamlfile.Error
			if !errors.As(e, &ye) {
				t.Fatalf("%s: %T %v is not positioned", tc.name, e, e)
			}
			en = append(en, strings.ReplaceAll(ye.Error(), dir+string(filepath.Separator), ""))
			ja = append(ja, strings.ReplaceAll(ye.In(lang.JA), dir+string(filepath.Separator), ""))
		}
		if s := strings.Join(en, "\n"); !strings.Contains(s, tc.en) {
			t.Errorf("%s: English\n%s\nwant %q", tc.name, s, tc.en)
		}
		if s := strings.Join(ja, "\n"); !strings.Contains(s, tc.ja) {
			t.Errorf("%s: Japanese\n%s\nwant %q", tc.name, s, tc.ja)
		}
	}
}

// A password that cannot be read is said in both languages after its
// section, naming the variable or the file, never the password.
func TestPasswordErrorsInJapanese(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	open := write("open", "hunter2\n", 0o644)
	empty := write("empty", "\n", 0o600)
	two := write("two", "hunter2\nhunter3\n", 0o600)
	missing := filepath.Join(dir, "missing")
	for _, tc := range []struct {
		name   string
		imap   bool
		env    string
		file   string
		en, ja string
	}{
		{"variable not set", false, "CARDCHECK_SMTP_PASSWORD", "", "mail: the environment variable that mail.password_env names is not set",
			"mail: mail.password_env で指定した環境変数が設定されていません"},
		{"imap variable not set", true, "X", "", "imap: the environment variable that imap.password_env names is not set", "imap: imap.password_env で指定した環境変数が設定されていません"},
		{"readable by others", false, "", open, "mail: password file " + open + " can be read by others (mode 0644); chmod 600 it",
			"mail: パスワードファイル " + open + " はほかの人も読めます(モード 0644)。chmod 600 してください"},
		{"missing", true, "", missing, "imap: password file " + missing + ": there is no such file", "imap: パスワードファイル " + missing + " を読めません: ファイルがありません"},
		{"empty", false, "", empty, "mail: password file " + empty + " is empty", "mail: パスワードファイル " + empty + " が空です"},
		{"two lines", false, "", two, "mail: password file " + two + " has more than one line", "mail: パスワードファイル " + two + " に2行以上あります"},
		{"neither", false, "", "", "mail: user is set but neither password_env nor password_file is", "mail: user が設定されていますが、password_env も password_file もありません"},
	} {
		getenv := func(string) string { return "" }
		var err error
		if tc.imap {
			_, err = (&IMAP{User: "u", PasswordEnv: tc.env, PasswordFile: tc.file}).ReadPassword(getenv)
		} else {
			_, err = (&Mail{User: "u", PasswordEnv: tc.env, PasswordFile: tc.file}).ReadPassword(getenv)
		}
		var pe *PasswordError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %T %v, want a *PasswordError", tc.name, err, err)
			continue
		}
		if en := err.Error(); !strings.HasPrefix(en, tc.en) || strings.Contains(en, "hunter") {
			t.Errorf("%s: English %q, want %q", tc.name, en, tc.en)
		}
		if ja := pe.In(lang.JA); !strings.HasPrefix(ja, tc.ja) || strings.Contains(ja, "hunter") {
			t.Errorf("%s: Japanese %q, want %q", tc.name, ja, tc.ja)
		}
	}
}

// A config named on the command line that is not there is said in both
// languages, and is still fs.ErrNotExist.
func TestMissingConfigInJapanese(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(path, true)
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%v, want fs.ErrNotExist", err)
	}
	if en, want := err.Error(), "reading the config "+path+": there is no such file"; en != want {
		t.Errorf("English %q, want %q", en, want)
	}
	if ja, want := message.ErrorIn(lang.JA, err), "設定ファイル "+path+" を読めません: ファイルがありません"; ja != want {
		t.Errorf("Japanese %q, want %q", ja, want)
	}
}
