package scan

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer/all"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// TestNothingReadSaid: a PATH that is not there is said in the user's
// language, its English as the system says it (still fs.ErrNotExist), and
// a run that read no charge says so in both languages.
func TestNothingReadSaid(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "statements")
	res := Load(all.Registry(nil), []string{missing})
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], fs.ErrNotExist) {
		t.Fatalf("errors %v, want the missing path", res.Errors)
	}
	err := res.Errors[0]
	if got, want := err.Error(), "stat "+missing+": no such file or directory"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	if got, want := message.ErrorIn(lang.JA, err), missing+" を読めません: ファイルがありません"; got != want {
		t.Errorf("Japanese %q, want %q", got, want)
	}
	if got, want := message.ErrorIn(lang.JA, ErrNothingRead), "利用を1件も読めなかったので、何も確認していません。明細は指定した場所にありますか?(cardcheck import で明細フォルダーに整理できます)"; got != want {
		t.Errorf("Japanese %q, want %q", got, want)
	}
	if got, want := ErrNothingRead.Error(), "read no charges, so nothing was checked: are the statements where the PATH says? (cardcheck import files them in the statements folder)"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
}
