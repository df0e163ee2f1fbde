package state

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// TestErrorsSaid: the state folder's own errors, met on real files, are
// said in Japanese through the catalogue, and in English byte for byte as
// before (what a script matching them would see).
func TestErrorsSaid(t *testing.T) {
	const corruptEN = "; cardcheck will not reset it on its own: move it away to start over, which forgets what was reported and acknowledged"
	const corruptJA = ")。cardcheck が勝手に作り直すことはありません。やり直すにはこのファイルを別の場所へ移してください(これまでに知らせた検出と確認済みにした検出は忘れられます)"
	stateFile := func(content string) func(t *testing.T) (string, error) {
		return func(t *testing.T) (string, error) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Read(dir)
			return path, err
		}
	}
	for _, tc := range []struct {
		name   string
		run    func(t *testing.T) (string, error) // the file or folder the error names
		en, ja string                             // {path} where it is named
	}{
		{"no findings", stateFile(`{"version": 1}`),
			"{path}: the state file is corrupt (no version or findings)" + corruptEN,
			"{path}: 状態ファイルが壊れています(バージョンも検出の記録もありません" + corruptJA},
		{"bad id", stateFile(`{"version": 1, "findings": {"../etc": {}}}`),
			`{path}: the state file is corrupt (bad finding entry "../etc")` + corruptEN,
			`{path}: 状態ファイルが壊れています(検出の記録 "../etc" が正しくありません` + corruptJA},
		{"not json", stateFile("version = 1\n"),
			"{path}: the state file is corrupt (invalid character 'v' looking for beginning of value)" + corruptEN,
			"{path}: 状態ファイルが壊れています(invalid character 'v' looking for beginning of value" + corruptJA},
		{"newer", stateFile(`{"version": 99, "findings": {}}`),
			"{path}: state file version 99 was written by a newer cardcheck (this one reads version 2)",
			"{path}: 状態ファイルのバージョン 99 は新しい cardcheck が書いたものです(この cardcheck が読めるのはバージョン 2 までです)。cardcheck を更新してください"},
		{"locked", func(t *testing.T) (string, error) {
			dir := t.TempDir()
			old := LockTimeout
			LockTimeout = 100 * time.Millisecond
			defer func() { LockTimeout = old }()
			held, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			_, err = Open(dir)
			return filepath.Join(dir, LockName), err
		},
			"state: {path}: another cardcheck run has held the lock for over 100ms",
			"{path}: ほかの cardcheck の実行が0秒以上ロックを持ったままです。その実行が終わってから、もう一度実行してください"},
		{"others can write", func(t *testing.T) (string, error) {
			dir := t.TempDir()
			if err := os.Chmod(dir, 0o777); err != nil {
				t.Fatal(err)
			}
			defer os.Chmod(dir, 0o700)
			_, err := Read(dir)
			return dir, err
		},
			"state: {path} can be written by other users (mode 0777): chmod go-w {path} (cardcheck makes its own folders 0700)",
			"状態フォルダーを使えません: {path} can be written by other users (mode 0777): chmod go-w {path} (cardcheck makes its own folders 0700)"},
		{"no folder", func(t *testing.T) (string, error) { _, err := Open(""); return "", err },
			"state: no state folder given", "状態フォルダーが指定されていません"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, err := tc.run(t)
			if err == nil {
				t.Fatal("no error")
			}
			en, ja := strings.ReplaceAll(tc.en, "{path}", path), strings.ReplaceAll(tc.ja, "{path}", path)
			if err.Error() != en || message.ErrorIn(lang.EN, err) != en {
				t.Errorf("English:\n got %q\nwant %q", err.Error(), en)
			}
			if got := message.ErrorIn(lang.JA, err); got != ja {
				t.Errorf("Japanese:\n got %q\nwant %q", got, ja)
			}
		})
	}
}
