package message

// `cardcheck import` (pkg/archive): one line per file, and notes. source is
// the file as given, dest its place in the archive, format the format that
// read it, detail the importer's reason, size and limit megabytes, path a
// folder given.

func init() { add(archiveEntries) }

var archiveEntries = map[string]Entry{
	"import.added":     {EN: "added      {{.source}} → {{.dest}}", JA: "追加       {{.source}} → {{.dest}}"},
	"import.replaced":  {EN: "replaced   {{.dest}} with the newer download {{.source}}", JA: "置き換え   {{.dest}} を新しいダウンロード {{.source}} で"},
	"import.unchanged": {EN: "unchanged  {{.source}} (already in the archive as {{.dest}})", JA: "変更なし   {{.source}}(アーカイブに {{.dest}} としてあります)"},
	"import.kept": {
		EN: "kept       {{.dest}}: {{.source}} is an older download of the same statement",
		JA: "そのまま   {{.dest}}: {{.source}} は同じ明細の古いダウンロードです",
	},
	"import.ignored": {EN: "ignored    {{.source}}: {{.why}}", JA: "対象外     {{.source}}: {{.why}}"},
	"import.failed":  {EN: "failed     {{.source}}: {{.detail}}", JA: "失敗       {{.source}}: {{.detail}}"},

	"import.why.not-regular":   {EN: "not a regular file", JA: "通常のファイルではありません"},
	"import.why.too-large":     {EN: "{{.size}} MB, larger than any statement (the limit is {{.limit}} MB)", JA: "{{.size}} MB で、明細としては大きすぎます(上限 {{.limit}} MB)"},
	"import.why.not-statement": {EN: "not a statement cardcheck recognises", JA: "cardcheck が読める明細ではありません"},
	"import.why.unreadable":    {EN: "not a statement ({{.detail}})", JA: "明細ではありません({{.detail}})"},
	"import.why.no-charges":    {EN: "a {{.format}} statement with no charges: nothing to check, so not filed", JA: "利用のない {{.format}} の明細なので、保存しません"},
	"import.empty-folder":      {EN: "{{.path}}: no .csv or .txt files in this folder", JA: "{{.path}}: このフォルダーに .csv や .txt のファイルはありません"},
}
