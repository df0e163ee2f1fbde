package message

// The state folder's own troubles (pkg/state): path is the state file, dir
// the folder, lock its lock file; version the file's, reads the newest this
// cardcheck reads; wait how long a run waited for the lock as Go prints it
// (the English, byte for byte as before), span the same said in words;
// detail what was wrong, as the system or the JSON reader said it.

func init() { add(stateEntries) }

var stateEntries = map[string]Entry{
	"state.no-folder": {EN: "state: no state folder given", JA: "状態フォルダーが指定されていません"},
	"state.corrupt": {
		EN: "{{.path}}: the state file is corrupt ({{.detail}}); cardcheck will not reset it on its own: move it away to start over, which forgets what was reported and acknowledged",
		JA: "{{.path}}: 状態ファイルが壊れています({{.detail}})。cardcheck が勝手に作り直すことはありません。やり直すにはこのファイルを別の場所へ移してください(これまでに知らせた検出と確認済みにした検出は忘れられます)",
	},
	"state.corrupt.empty": {EN: "no version or findings", JA: "バージョンも検出の記録もありません"},
	"state.corrupt.entry": {EN: "bad finding entry {{.id}}", JA: "検出の記録 {{.id}} が正しくありません"},
	"state.newer": {
		EN: "{{.path}}: state file version {{.version}} was written by a newer cardcheck (this one reads version {{.reads}})",
		JA: "{{.path}}: 状態ファイルのバージョン {{.version}} は新しい cardcheck が書いたものです(この cardcheck が読めるのはバージョン {{.reads}} までです)。cardcheck を更新してください",
	},
	"state.locked": {
		EN: "state: {{.lock}}: another cardcheck run has held the lock for over {{.wait}}",
		JA: "{{.lock}}: ほかの cardcheck の実行が{{.span}}以上ロックを持ったままです。その実行が終わってから、もう一度実行してください",
	},
	"state.folder": {
		EN: "state: {{.detail}}",
		JA: "状態フォルダーを使えません: {{.detail}}",
	},
}
