package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
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
	} {
		path := filepath.Join(dir, "config.yaml")
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
