package message

// What is wrong in a statement file (pkg/importer, pkg/textenc) or with a
// path given to read; the file and line come before it. The English of each
// entry is the error's text as it has always been, byte for byte: it is the
// JSON report's "message", a contract. text is what the file says (a date,
// an amount; card numbers masked), column a column's name as the statement
// prints it, n and want counts, max a limit, mib a limit in MiB, line and
// end lines, detail words said as they are (a format's own, or the
// system's), why a file's trouble (see FileTrouble).

func init() { add(inputEntries) }

var inputEntries = map[string]Entry{
	// The causes (importer.ErrBadDate and the rest), said before a
	// format's own words about the row: "invalid date: row without 利用日".
	"input.cause.date":   {EN: "invalid date", JA: "日付が読めません"},
	"input.cause.amount": {EN: "invalid amount", JA: "金額が読めません"},
	"input.cause.total":  {EN: "control total mismatch", JA: "合計を照合できません"},
	"input.caused":       {EN: "{{.cause}}: {{.detail}}", JA: "{{.cause}}: {{.detail}}"},

	"input.bad-date": {
		EN: `invalid date {{printf "%q" .text}}`,
		JA: `日付 {{printf "%q" .text}} が読めません`,
	},
	"input.bad-date-layout": {
		EN: `invalid date {{printf "%q" .text}} (want layout {{printf "%q" .layout}})`,
		JA: `日付 {{printf "%q" .text}} が読めません(設定の形式は {{printf "%q" .layout}} です)`,
	},
	"input.bad-amount": {
		EN: `invalid amount {{printf "%q" .text}}`,
		JA: `金額 {{printf "%q" .text}} が読めません`,
	},
	"input.bad-amount-empty": {EN: "invalid amount: empty", JA: "金額が空です"},

	// ways: how many ways of joining the text fields give a row (a
	// merchant with an unquoted comma), 0 when none does.
	"input.fields": {
		EN: "wrong number of fields: {{.n}} fields, want {{.want}} ({{.columns}})" +
			"{{if .ways}}; {{.ways}} ways of joining the text fields give a row, and nothing says which{{end}}",
		JA: "項目が {{.n}} 個あります。この形式の行は {{.want}} 個です({{.columns}})" +
			"{{if .ways}}。店名などに引用符のないカンマがあるようで、テキスト項目のつなぎ方が {{.ways}} 通りあり、どれが正しいか決められません{{end}}",
	},
	"input.fields-header": {
		EN: "wrong number of fields: {{.n}} fields under a header of {{.want}}",
		JA: "項目が {{.n}} 個あり、見出しの {{.want}} 個と合いません",
	},
	"input.fields-least": {
		EN: "wrong number of fields: {{.n}} fields, the format needs at least {{.want}}",
		JA: "項目が {{.n}} 個しかありません。この形式には {{.want}} 個以上必要です",
	},
	"input.encoding": {
		EN: "invalid bytes: bytes that are not valid {{.encoding}}",
		JA: "{{.encoding}} として正しくないバイトがあります(文字化けした行かもしれません)",
	},

	// label is the total's name in the statement, stated and sum amounts as
	// the statement writes them.
	"input.total": {
		EN: "control total mismatch: the statement's {{.label}} is {{.stated}} but its charges add up to {{.sum}}; a row may be missing or unreadable",
		JA: "明細の{{.label}}は {{.stated}} 円ですが、利用の合計は {{.sum}} 円です。読めなかった行か、欠けている行があるかもしれません",
	},
	"input.total-line": {EN: "total line", JA: "合計行"},

	"input.limit.line": {
		EN: "over a limit: a line of {{.n}} bytes, longer than the {{.max}} a statement line may have; not read",
		JA: "1行が {{.n}} バイトあり、明細の1行の上限 {{.max}} バイトを超えているので読みません",
	},
	"input.limit.fields": {
		EN: "over a limit: more than {{.max}} fields; not read",
		JA: "項目が {{.max}} 個を超えているので読みません",
	},
	"input.limit.quoted": {
		EN: "over a limit: a quoted field longer than {{.max}} bytes; not read",
		JA: "引用符で囲まれた項目が {{.max}} バイトを超えているので読みません",
	},
	"input.limit.record": {
		EN: "over a limit: a record longer than {{.max}} bytes (a quoted field that does not end?); not read",
		JA: "1件のレコードが {{.max}} バイトを超えているので読みません(閉じていない引用符がありませんか?)",
	},
	"input.limit.field": {
		EN: "over a limit: a field of {{.n}} bytes, longer than the {{.max}} a statement field may have; not read",
		JA: "項目が {{.n}} バイトあり、明細の項目の上限 {{.max}} バイトを超えているので読みません",
	},
	"input.limit.budget": {
		EN: "over a limit: not read: with it the files of this run would hold more than {{.mib}} MiB, the most one run reads",
		JA: "読みません: これを含めると、今回読むファイルが1回の上限 {{.mib}} MiB を超えます",
	},
	"input.limit.unlisted": {
		EN: "over a limit: {{.n}} more problems in this file, not listed (the first {{.max}} are)",
		JA: "このファイルにはほかに {{.n}} 件の問題がありますが、表示しません(最初の {{.max}} 件だけ表示しています)",
	},
	"input.too-large": {
		EN: "file larger than {{.mib}} MiB, not a card statement",
		JA: "ファイルが {{.mib}} MiB より大きく、カードの明細ではありません",
	},
	"input.binary": {
		EN: "binary data (NUL bytes), not a CSV statement",
		JA: "バイナリデータ(NUL バイト)を含んでおり、CSV の明細ではありません",
	},

	// kind is a term input.kind.*, or the file's mode as text.
	"input.not-regular": {
		EN: "not a regular file ({{.kind}}); not read",
		JA: "通常のファイルではない({{.kind}})ので読みません",
	},
	"input.kind.pipe":   {EN: "a named pipe", JA: "名前付きパイプ"},
	"input.kind.socket": {EN: "a socket", JA: "ソケット"},
	"input.kind.device": {EN: "a device", JA: "デバイス"},
	"input.kind.folder": {EN: "a folder", JA: "フォルダー"},

	// near names the formats nearest to the file, names the formats that
	// all recognise it.
	"input.unknown-format": {
		EN: `no format recognises this file{{with .near}}; nearest: {{.}}{{end}}; declare its layout under "formats:" in the config (see docs/formats.md#user-defined-formats)`,
		JA: `このファイルを読める形式がありません{{with .near}}(近い形式: {{.}}){{end}}。明細なら、設定ファイルの "formats:" にその形を書いてください(docs/formats.md#user-defined-formats)`,
	},
	"input.ambiguous": {
		EN: "more than one format recognises this file: {{.names}}; name the right one with a user-defined format in the config",
		JA: "このファイルは複数の形式({{.names}})に当てはまります。設定ファイルに自分の形式を書いて、正しいものを指定してください",
	},

	// CSV that cannot be split into fields: line and end the lines of the
	// record when it spans several (end is 0 otherwise), detail an
	// input.quote* or input.limit.* message.
	"input.csv": {
		EN: "unreadable CSV: {{if .end}}lines {{.line}}-{{.end}}: {{end}}{{.detail}}",
		JA: "CSV として読めません: {{if .end}}{{.line}}〜{{.end}}行目: {{end}}{{.detail}}",
	},
	"input.quote":      {EN: `extraneous or missing " in quoted field`, JA: `引用符(")で囲まれた項目の " が多すぎるか足りません`},
	"input.bare-quote": {EN: `bare " in unquoted field`, JA: `引用符で囲まれていない項目に " があります`},
	"input.unclosed": {
		EN: `extraneous or missing " in quoted field: the quoted field is not closed before the end of the file`,
		JA: `引用符(")で囲まれた項目が、ファイルの終わりまで閉じていません`,
	},

	"input.empty":          {EN: "empty {{.column}}", JA: "{{.column}}が空です"},
	"input.empty-merchant": {EN: "empty merchant name", JA: "利用店名が空です"},

	// A path that could not be opened: op the system call (open, stat),
	// detail the system's words, why the same in the message's language.
	// input.open comes after the path ("path: "), input.path alone.
	"input.open": {EN: "{{.op}} {{.path}}: {{.detail}}", JA: "読めません: {{.why}}"},
	"input.path": {EN: "{{.op}} {{.path}}: {{.detail}}", JA: "{{.path}} を読めません: {{.why}}"},

	// A scan that read no charge (scan.ErrNothingRead).
	"scan.nothing-read": {
		EN: "read no charges, so nothing was checked: are the statements where the PATH says? (cardcheck import files them in the statements folder)",
		JA: "利用を1件も読めなかったので、何も確認していません。明細は指定した場所にありますか?(cardcheck import で明細フォルダーに整理できます)",
	},

	// What became of a statement's control total (importer.TotalCheck, the
	// lines under cardcheck detect's table): label its name, line its line
	// (0: none), outcome a term input.outcome.*, matched and mismatched
	// flags, stated and sum the amounts, why an input.sum.* or input.why.*
	// message ("" for none).
	"input.check": {
		EN: "{{.label}}{{if .line}} (line {{.line}}){{end}}: {{.outcome}}{{if .matched}}, {{.stated}}{{end}}" +
			"{{if .mismatched}}, {{.stated}} stated, {{.sum}} in the rows{{end}}{{with .why}}: {{.}}{{end}}",
		JA: "{{.label}}{{if .line}}({{.line}}行目){{end}}: {{.outcome}}{{if .matched}}、{{.stated}}円{{end}}" +
			"{{if .mismatched}}、明細の記載 {{.stated}}円、行の合計 {{.sum}}円{{end}}{{with .why}}: {{.}}{{end}}",
	},
	"input.label.total":         {EN: "total", JA: "合計"},
	"input.label.subtotal-line": {EN: "subtotal line", JA: "小計行"},
	"input.outcome.matched":     {EN: "matched", JA: "一致"},
	"input.outcome.mismatched":  {EN: "mismatched", JA: "不一致"},
	"input.outcome.missing":     {EN: "missing", JA: "ありません"},
	"input.outcome.unchecked":   {EN: "could not be checked", JA: "確認できません"},

	// What a total is compared with: column a column as the statement
	// prints it, group a group of rows (ショッピング), line a line.
	"input.sum.rows":        {EN: "the {{.column}} of the rows", JA: "各行の{{.column}}の合計と比べました"},
	"input.sum.every-row":   {EN: "the {{.column}} of every row", JA: "すべての行の{{.column}}の合計と比べました"},
	"input.sum.holder":      {EN: "the {{.column}} of the cardholder's rows", JA: "この会員の行の{{.column}}の合計と比べました"},
	"input.sum.group":       {EN: "the {{.column}} of the {{.group}} rows", JA: "{{.group}}の行の{{.column}}の合計と比べました"},
	"input.sum.card-above":  {EN: "the {{.column}} of the card's rows above it", JA: "この上にあるこのカードの行の{{.column}}の合計と比べました"},
	"input.sum.every-above": {EN: "the {{.column}} of every row above it", JA: "この上にあるすべての行の{{.column}}の合計と比べました"},
	"input.sum.revolving": {
		EN: "the マイ・ペイすリボ payment (弁済金) of line {{.line}} plus the お支払い金額 printed on the rows",
		JA: "{{.line}}行目のマイ・ペイすリボの弁済金に、各行のお支払い金額を足したものと比べました",
	},
	"input.why.aeon": {
		EN: "the single payments of ご利用明細 and the 今回ご請求金額 of 分割・ボーナス払い明細",
		JA: "ご利用明細の1回払いと、分割・ボーナス払い明細の今回ご請求金額の合計と比べました",
	},
	"input.why.revolving": {
		EN: "the total of a revolving card (マイ・ペイすリボ) is the month's payment: the 弁済金 {{.payment}} of line {{.line}} and the one-time charges the card does not revolve, " +
			"which the file does not say (the お支払い金額 printed on the rows add up to {{.printed}})",
		JA: "リボ払いのカード(マイ・ペイすリボ)の合計はその月の支払額で、{{.line}}行目の弁済金 {{.payment}}円と、リボにならない1回払いの利用からなりますが、" +
			"ファイルにはその内訳がありません(各行のお支払い金額の合計は {{.printed}}円)",
	},
	"input.why.no-total":    {EN: "{{.files}} files print no total", JA: "{{.files}} のファイルには合計がありません"},
	"input.why.layout":      {EN: "the layout prints no total", JA: "この形式には合計がありません"},
	"input.why.user":        {EN: "a user-defined format declares no total", JA: "ユーザー定義の形式には合計の指定がありません"},
	"input.why.preliminary": {EN: "a 未確定 file has no total until the month closes", JA: "未確定の明細には、月が締まるまで合計がありません"},
	"input.why.household":   {EN: "a household-account export has no statement total", JA: "家計簿アプリの書き出しには明細の合計がありません"},
	"input.why.mufg-undocumented": {
		EN: "what the WEB明細's total rows add up is not documented, so it is not compared with the rows",
		JA: "WEB明細の合計行が何を足したものか公開されていないので、各行とは比べません",
	},
	"input.why.mufg-none": {EN: "the WEB明細 layout prints no total of its rows", JA: "WEB明細の形式には各行の合計がありません"},

	// A total the layout has and the file lacks (importer.TotalMissing):
	// n a count of charges, label the total's name.
	"input.missing.vpass": {
		EN: `no total line (",,,,,N,") after the last {{.n}} charge(s): the file may be cut short; its charges are counted but unchecked`,
		JA: `最後の {{.n}} 件の利用の後に合計行(",,,,,N,")がありません。ファイルが途中で切れているかもしれません。利用は数えますが、合計とは照合していません`,
	},
	"input.missing.epos": {
		EN: "no ショッピング合計 line after the last {{.n}} ショッピング row(s): the file may be cut short; they are counted but unchecked",
		JA: "最後の {{.n}} 件のショッピングの行の後にショッピング合計の行がありません。ファイルが途中で切れているかもしれません。利用は数えますが、合計とは照合していません",
	},
	"input.missing.aeon": {
		EN: "no 今回ご請求金額 line before the table: the file may have been altered; its charges are counted but unchecked",
		JA: "明細の表の前に今回ご請求金額の行がありません。ファイルが書き換えられたかもしれません。利用は数えますが、合計とは照合していません",
	},
	"input.missing.saison": {
		EN: "no 【合計】 line: the file may be cut short; its {{.n}} charge(s) are counted but unchecked",
		JA: "【合計】の行がありません。ファイルが途中で切れているかもしれません。{{.n}} 件の利用は数えますが、合計とは照合していません",
	},
	"input.missing.before": {
		EN: "no {{.label}} line before the rows: nothing checks that no row is missing",
		JA: "明細の行の前に{{.label}}の行がありません。欠けている行がないか確かめられません",
	},

	// column a column's name, text what the row says, other a second
	// column ("" for none), columns the columns a header holds.
	"input.no-date": {
		EN: `invalid date: row without {{.column}}: {{printf "%q" .text}}`,
		JA: `{{.column}}のない行です: {{printf "%q" .text}}`,
	},
	"input.no-column": {
		EN: "the header has no {{.column}}{{with .other}} or no {{.}}{{end}} column",
		JA: "見出し行に{{.column}}{{with .other}}か{{.}}{{end}}の列がありません",
	},
	"input.no-header": {EN: "no header row ({{.columns}})", JA: "見出し行({{.columns}})がありません"},

	// A line that is no charge and no error (importer.Note), after
	// "path:line: ": action a term input.action.*, what an input.note.*
	// message, for the line of the charge it belongs to (0: none).
	"input.note":              {EN: "{{.action}}: {{.what}}{{if .for}} for line {{.for}}{{end}}", JA: "{{.action}}: {{.what}}{{if .for}}({{.for}}行目の利用){{end}}"},
	"input.action.skipped":    {EN: "skipped", JA: "読み飛ばし"},
	"input.action.attached":   {EN: "attached", JA: "前の利用に付加"},
	"input.action.repaired":   {EN: "repaired", JA: "修復"},
	"input.note.note":         {EN: "note {{.text}}", JA: "注記 {{.text}}"},
	"input.note.title":        {EN: "section title {{.text}}", JA: "見出し {{.text}}"},
	"input.note.etc":          {EN: "ETC route {{.text}}", JA: "ETC の経路 {{.text}}"},
	"input.note.local-amount": {EN: "現地利用額 (the amount in the currency of use)", JA: "現地利用額(利用した通貨での金額)"},
	"input.note.empty-folder": {EN: "folder with no .csv file", JA: ".csv ファイルのないフォルダー"},
	"input.note.revolving": {
		EN: "the month's revolving payment {{.pay}} ({{.text}}), checked with the total",
		JA: "その月のリボ払いの支払額 {{.pay}}円({{.text}})。合計との照合に使います",
	},
	"input.note.undated-credit": {
		EN: "credit {{.text}} of {{.pay}} without a date: no charge, as nothing dates it; counted toward the total",
		JA: "日付のない {{.text}} の {{.pay}}円: 日付がないので利用にはしませんが、合計には数えます",
	},
	"input.note.plan": {
		EN: "installment plan ({{.count}}, {{.billed}} billed this month)",
		JA: "分割払い({{.count}}、今月の請求 {{.billed}}円)",
	},
	"input.note.slice": {
		EN: "今回請求額 {{.amount}}, a slice of an installment purchase made before this statement and counted then",
		JA: "今回請求額 {{.amount}}円: この明細より前の分割払いの一部で、そのときに数えています",
	},
	"input.note.refund-paid": {
		EN: "お支払済分 ご返金額 {{.amount}} (the money side of the cancellation)",
		JA: "お支払済分 ご返金額 {{.amount}}円(取消の返金分)",
	},
	"input.note.part": {
		EN: "part {{.part}} of {{.count}} of an installment purchase made before this statement, counted then",
		JA: "この明細より前の分割払いの {{.count}} 回のうち {{.part}} 回目で、そのときに数えています",
	},
	// fields the fields joined with " and ", fieldsJA the same with と.
	"input.note.repaired": {
		EN: "{{.n}} fields for {{.want}} columns: {{.fields}} held an unquoted comma, and only read as one field does the row fit",
		JA: "{{.want}} 列の行に {{.n}} 項目あります。{{.fieldsJA}} に引用符のないカンマがあり、1つの項目として読んだときだけ行が合います",
	},
	"input.note.unlisted": {
		EN: "{{.n}} more lines that carry no charge, up to this one, not listed one by one (the first {{.max}} are)",
		JA: "ここまでに利用ではない行がほかに {{.n}} 行あります(最初の {{.max}} 行だけ表示しています)",
	},

	// A foreign amount that cannot be read: column and text the amount,
	// currencyColumn and code the currency (the charge is kept in yen).
	"input.foreign": {
		EN: `{{.column}} {{printf "%q" .text}} and {{.currencyColumn}} {{printf "%q" .code}} are not an amount and an ISO code; the charge is kept without them`,
		JA: `{{.column}} {{printf "%q" .text}} と通貨 {{printf "%q" .code}} を外貨の金額と通貨コードとして読めません。外貨の情報なしで利用を残します`,
	},
	"input.foreign-one": {
		EN: `海外通貨利用金額 {{printf "%q" .text}} is not an amount and a currency; the charge is kept without it`,
		JA: `海外通貨利用金額 {{printf "%q" .text}} を外貨の金額と通貨として読めません。外貨の情報なしで利用を残します`,
	},
	"input.yearless": {
		EN: `invalid date {{printf "%q" .text}}: a date without its year, from a copy of the web page; download 収入・支出詳細 as CSV instead`,
		JA: `日付 {{printf "%q" .text}} に年がありません。Web ページからコピーしたものではありませんか。収入・支出詳細を CSV でダウンロードしてください`,
	},
	"input.after-total": {
		EN: "control total mismatch: charges after the 【合計】 line {{.line}}, which does not cover them",
		JA: "【合計】の行({{.line}}行目)の後に利用の行があり、合計に含まれていません",
	},

	// A row's amount or date the format cannot take: a and b the two
	// amount columns, used and back their amounts, text the line.
	"input.amount.neither": {EN: "neither {{.a}} nor {{.b}}", JA: "{{.a}}も{{.b}}もありません"},
	"input.amount.both": {
		EN: "both ご利用額 {{.used}} and 払戻額 {{.back}}: which one the row is cannot be told",
		JA: "ご利用額 {{.used}} と払戻額 {{.back}} の両方があり、利用か払い戻しか判断できません",
	},
	"input.date.undated": {
		EN: "no ご利用日, and no 今回のお支払日 to date the row by",
		JA: "ご利用日がなく、代わりに日付とする今回のお支払日もありません",
	},
	"input.local.unread": {
		EN: `cannot read the 現地利用額 line {{printf "%q" .text}}`,
		JA: `現地利用額の行 {{printf "%q" .text}} を読めません`,
	},
	"input.local.orphan": {
		EN: "現地利用額 line with no charge before it",
		JA: "現地利用額の行の前に、それが付く利用の行がありません",
	},

	// What a file said that no format takes: line where the file stops
	// being read, column a column the header lacks, columns the header the
	// format wants, counted and transfer MoneyForward's flags, text what a
	// column holds.
	"input.at-line": {EN: "line {{.line}}: {{.detail}}", JA: "{{.line}}行目: {{.detail}}"},
	"input.no-column-named": {
		EN: `the header has no column {{printf "%q" .column}}`,
		JA: `見出し行に列 {{printf "%q" .column}} がありません`,
	},
	"input.no-header-holding": {EN: "no header row holding {{.columns}}", JA: "{{.columns}} を含む見出し行がありません"},
	"input.not-utf8": {
		EN: "the config says UTF-8 but the file is not valid UTF-8",
		JA: "設定では UTF-8 ですが、ファイルは正しい UTF-8 ではありません",
	},
	"input.mf.flags": {
		EN: `計算対象 {{printf "%q" .counted}} and 振替 {{printf "%q" .transfer}} must be 0 or 1`,
		JA: `計算対象 {{printf "%q" .counted}} と振替 {{printf "%q" .transfer}} は 0 か 1 でなければなりません`,
	},
	"input.mf.unnamed": {EN: "empty 内容, 中項目 and 大項目", JA: "内容、中項目、大項目がどれも空です"},
	"input.pay-month": {
		EN: `支払予定月 {{printf "%q" .text}} is not 'YY/MM: the columns are not where the 未確定 layout has them`,
		JA: `支払予定月 {{printf "%q" .text}} が 'YY/MM の形ではありません。列が未確定明細の並びと違います`,
	},

	// Zaim's and the MUFG WEB明細's rows: method Zaim's 方法, code and
	// text its 通貨 and 通貨変換前の金額, status a 確定情報 (quoted), text
	// the row's merchant (quoted).
	"input.zaim.method": {
		EN: `方法 {{printf "%q" .method}}: want payment, income, transfer or balance`,
		JA: `方法 {{printf "%q" .method}} は payment、income、transfer、balance のどれでもありません`,
	},
	"input.zaim.unnamed": {
		EN: "nothing names the record: お店, 品目 and カテゴリ are empty",
		JA: "記録の名前になるものがありません: お店、品目、カテゴリがどれも空です",
	},
	"input.zaim.foreign": {
		EN: `通貨 {{printf "%q" .code}} with 通貨変換前の金額 {{printf "%q" .text}} is not a currency and an amount; the record is kept in yen without them`,
		JA: `通貨 {{printf "%q" .code}} と通貨変換前の金額 {{printf "%q" .text}} を通貨と金額として読めません。外貨の情報なしで円の記録として残します`,
	},
	"input.mufg.status": {
		EN: "確定情報 {{.status}}: want 確定 or 未確定",
		JA: "確定情報 {{.status}} は確定でも未確定でもありません",
	},
	"input.mufg.no-status": {
		EN: "no 確定情報 on a row with an amount: {{.text}}",
		JA: "金額のある行に確定情報がありません: {{.text}}",
	},

	// A reason said around another (reason, an unreadable amount): text
	// the row's merchant.
	"input.vpass.total-line": {EN: "total line: {{.reason}}", JA: "合計の行: {{.reason}}"},
	"input.vpass.pay": {
		EN: `お支払い金額 of {{printf "%q" .text}}: {{.reason}}`,
		JA: `{{printf "%q" .text}} のお支払い金額: {{.reason}}`,
	},
	"input.user.foreign": {EN: "foreign amount: {{.reason}}", JA: "外貨の金額: {{.reason}}"},

	// au PAY カード's header, billing and usage the columns of its two
	// exports.
	"input.aupay.header": {
		EN: "the header is neither export's ({{.billing}} or {{.usage}})",
		JA: "見出し行がどちらの書き出しのものでもありません({{.billing}} または {{.usage}})",
	},

	// AEON's second table whose header is not the one it has: title the
	// table's, header its columns.
	"input.aeon.plan-header": {
		EN: "want the {{.title}} header ({{.header}}); the table is not read",
		JA: "{{.title}}の見出し行({{.header}})がないので、この表は読みません",
	},
}
