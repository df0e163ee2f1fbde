package message

import "github.com/cardcheck/cardcheck/pkg/lang"

// The commands' help in Japanese (internal/cli/cmdutil.Localize): each command's
// Short and Long text and its flags' usages, found by the English the
// command is written with, as gettext does. An edit of the English help
// needs its Japanese here: internal/cli's TestHelpInJapanese names what
// is missing.

var helpEntries = []Entry{
	{
		EN: `Find the charges on your card statements that look like fraud`,
		JA: `カード明細から不正利用らしい利用を見つけます`,
	},
	{
		EN: `cardcheck reads the CSV statements Japanese card companies let you download,
learns each card's recurring payees, and reports the charges that fall outside
them or look like fraud (bursts, card tests, duplicates, sudden jumps).

Each command's help says what its exit status means: 0 done, 1 findings, 2
problems (usage, config, input, state or mail).`,
		JA: `cardcheck は、日本のカード会社からダウンロードした CSV の明細を読み、カードごとの
定期的な支払先を学習して、そこから外れる利用や不正利用らしい利用(短時間の連続利用、
少額のお試し利用、二重請求、急な高額)を報告します。

各コマンドのヘルプに終了ステータスの意味があります: 0 完了、1 検出あり、2 問題あり
(使い方、設定、入力、状態ファイル、メール)。`,
	},
	{
		EN: `config file (default $XDG_CONFIG_HOME/cardcheck/config.yaml, if it exists)`,
		JA: `設定ファイル(既定は $XDG_CONFIG_HOME/cardcheck/config.yaml、あれば)`,
	},
	{
		EN: `language: ja or en (default the config's lang:, else LC_ALL, LC_MESSAGES, LANG)`,
		JA: `言語: ja または en(既定は設定ファイルの lang:、なければ LC_ALL、LC_MESSAGES、LANG)`,
	},
	{
		EN: `Set cardcheck up: where statements go, the language, and mail`,
		JA: `初期設定: 明細の置き場所、言語、メール`,
	},
	{
		EN: `Ask where your statements go, the language, and how to send mail (Gmail,
iCloud Mail, Yahoo!メール or your own server), then write the config and
the SMTP password (in a file only you can read), send a test mail, and
print the cron lines and systemd timer that run the routine. It installs
nothing by itself.

Every answer can be given as a flag instead, for scripts; with --no-input
nothing is asked. The password comes from --password-stdin (the first line
of the input), --password-env (a variable the scheduled job will have) or
--password-file (an existing file).

Exit status:
  0  the config is written and the test mail was sent
  2  an answer cannot be used (nothing is written), or the test mail
     failed (the config is written: fix it and run cardcheck mail test)`,
		JA: `明細の置き場所、言語、メールの送り方(Gmail、iCloud メール、Yahoo!メール、
または自分のサーバー)を尋ね、設定ファイルと SMTP のパスワード(あなただけが読める
ファイル)を書き込み、テストメールを送り、定期実行のための cron の行と systemd の
タイマーを表示します。自分で何かを登録することはありません。

どの回答もフラグで指定でき、スクリプトから使えます。--no-input を付けると何も
尋ねません。パスワードは --password-stdin(入力の1行目)、--password-env(定期実行で
使える環境変数)、--password-file(既存のファイル)のどれかで渡します。

終了ステータス:
  0  設定ファイルを書き込み、テストメールを送信できた
  2  使えない回答がある(何も書き込んでいない)、またはテストメールの送信に失敗した
     (設定ファイルは書き込み済み。直してから cardcheck mail test を実行)`,
	},
	{
		EN: `a certificate to trust for a server with a private one`,
		JA: `独自の証明書を使うサーバーのために信頼する証明書`,
	},
	{
		EN: `folder statements are downloaded to, for the schedule`,
		JA: `明細をダウンロードするフォルダー(定期実行の設定用)`,
	},
	{
		EN: `replace a config that has mail settings (the old one is kept as .bak)`,
		JA: `メールの設定がある設定ファイルを置き換える(元のファイルは .bak に残る)`,
	},
	{
		EN: `your mail address: the alerts are sent from it`,
		JA: `あなたのメールアドレス: 通知はここから送られます`,
	},
	{
		EN: `SMTP server (custom), or instead of the provider's`,
		JA: `SMTP サーバー(custom の場合、またはプロバイダーの既定の代わりに)`,
	},
	{
		EN: `ask nothing: use the flags and the defaults`,
		JA: `何も尋ねない: フラグと既定値を使う`,
	},
	{
		EN: `take the password from this environment variable when sending`,
		JA: `送信時にこの環境変数からパスワードを読む`,
	},
	{
		EN: `take the password from this file (mode 600) when sending`,
		JA: `送信時にこのファイル(モード 600)からパスワードを読む`,
	},
	{
		EN: `read the SMTP password from the first line of the input`,
		JA: `入力の1行目から SMTP のパスワードを読む`,
	},
	{
		EN: `SMTP port (default: the provider's, or 587 for starttls, 465 for implicit)`,
		JA: `SMTP のポート(既定はプロバイダーのもの、または starttls なら 587、implicit なら 465)`,
	},
	{
		EN: `mail service: gmail, icloud, yahoo-jp, outlook or custom`,
		JA: `メールのサービス: gmail、icloud、yahoo-jp、outlook、custom`,
	},
	{
		EN: `do not send the test mail`,
		JA: `テストメールを送らない`,
	},
	{
		EN: `folder to keep statements in: import files them there, scan reads it`,
		JA: `明細を保管するフォルダー: import がここに整理し、scan が読む`,
	},
	{
		EN: `starttls, implicit, or none (a relay on this machine only)`,
		JA: `starttls、implicit、または none(このマシン上の中継サーバーのみ)`,
	},
	{
		EN: `where alerts go (default: --from); repeat or separate with commas`,
		JA: `通知の送り先(既定は --from)。繰り返すかカンマで区切る`,
	},
	{
		EN: `SMTP login (default: --from's address)`,
		JA: `SMTP のログイン名(既定は --from のアドレス)`,
	},
	{
		EN: `File downloaded statements into the statements folder`,
		JA: `ダウンロードした明細を明細フォルダーに整理します`,
	},
	{
		EN: `Look through PATH (files, or folders such as ~/Downloads searched for .csv
and .txt files) for card statements, recognised by their content, and copy
each into the statements folder by card company, card and period:
三井住友カード/<card>/2022-01.csv. Anything else is left alone. Files are copied
byte for byte, never moved.

Importing the same downloads again changes nothing; a newer download of the
same statement (a month downloaded again) replaces the old copy, and an
older one never replaces a newer. The statements folder is the config's
statements: (cardcheck init writes it), else ~/statements; scan with no
PATH reads it.

Exit status:
  0  done (files that are not statements are not an error)
  2  a PATH or a file could not be read, or a copy could not be written`,
		JA: `PATH(ファイル、または ~/Downloads のように .csv と .txt を探すフォルダー)から
カードの明細を内容で見分け、明細フォルダーにカード会社・カード・期間ごとにコピーします:
三井住友カード/<カード>/2022-01.csv。明細でないものはそのままにします。ファイルは
バイト単位でそのままコピーし、移動はしません。

同じダウンロードをもう一度取り込んでも何も変わりません。同じ明細の新しいダウンロード
(同じ月を再ダウンロードしたもの)は古いコピーを置き換え、古いものが新しいものを
置き換えることはありません。明細フォルダーは設定ファイルの statements:(cardcheck init
が書きます)、なければ ~/statements です。PATH なしの scan がここを読みます。

終了ステータス:
  0  完了(明細でないファイルはエラーではありません)
  2  PATH やファイルを読めなかった、またはコピーを書き込めなかった`,
	},
	{
		EN: `statements folder (default: the config's statements:, else ~/statements)`,
		JA: `明細フォルダー(既定は設定ファイルの statements:、なければ ~/statements)`,
	},
	{
		EN: `also list the files left as they were and the ones that are not statements`,
		JA: `そのままのファイルや明細でないファイルも一覧にする`,
	},
	{
		EN: `Check statements and report suspicious charges`,
		JA: `明細を確認し、不審な利用を報告します`,
	},
	{
		EN: `Check the statements at PATH (files, directories searched for *.csv, or -
for the standard input) and report suspicious charges with the reason for
each. With no PATH, check the statements folder (the config's statements:,
where cardcheck import files them; else ~/statements).

A run that watches (no PATH, or --mail) also warns about each card whose
newest confirmed statement ends more than 45 days ago (stale_after in the
config, or --stale-after): the charges since then are not checked. A run
that reads no charges says so and exits 2; it never reports "no suspicious
charges" nor mails an all-clear.

By default each card's last 35 days up to its newest charge are checked and
everything earlier is history; --since and --all change that.

The usage-notice mails given as PATH (.eml, maildir, mbox) are checked with
the statements, and so are the notices kept in the state folder. With
--imap, the new mail of the config's imap: mailbox is read first, once (for
cron; cardcheck watch reads it as it arrives): its notices are kept, and its
phishing imitations and unreadable notices reported.

Findings acknowledged with cardcheck ack are left out. With --mail, the
findings not reported before are mailed (config mail: section) and the state
folder remembers them, so each is mailed once; nothing is sent when nothing
is new. If the mail cannot be sent, the exit code is 2 and the next run sends
them again.

Exit status:
  0  checked; nothing open at or above --fail-on (default warning)
  1  findings at or above --fail-on that are not acknowledged
  2  usage, config or input errors, an unreadable or locked state, or a
     mail that could not be sent; the findings from the readable input are
     still printed`,
		JA: `PATH(ファイル、*.csv を探すフォルダー、または標準入力を表す -)の明細を確認し、
不審な利用をその理由とともに報告します。PATH がなければ明細フォルダー(設定ファイルの
statements:、cardcheck import が整理する場所。なければ ~/statements)を確認します。

見守りの実行(PATH なし、または --mail)では、最新の確定明細が45日より前で終わっている
カードについても警告します(設定ファイルの stale_after、または --stale-after)。それ以降の
利用は確認できていないからです。利用を1件も読めなかった実行はそのことを伝えて終了
ステータス 2 で終わり、「不審な利用はありません」とも言わず、「異常なし」のメールも
送りません。

既定では、カードごとに最新の利用までの35日間を確認し、それより前は履歴として使います。
--since と --all で変えられます。

PATH に渡した利用通知メール(.eml、maildir、mbox)も明細と合わせて確認し、状態フォルダーに
保存した利用通知も確認します。--imap を付けると、先に設定ファイルの imap: のメールボックスの
新しいメールを一度だけ読みます(cron 向け。届くたびに読むのは cardcheck watch)。利用通知は
保存し、利用通知を装ったフィッシングや読めない利用通知は報告します。

cardcheck ack で確認済みにした検出は除きます。--mail を付けると、まだ報告していない
検出をメールで送り(設定ファイルの mail:)、状態フォルダーに記録するので、同じ検出は
一度だけ送られます。新しいものがなければ何も送りません。送信できなかった場合は終了
ステータス 2 になり、次の実行でもう一度送ります。

終了ステータス:
  0  確認済み。--fail-on(既定 warning)以上の未確認の検出はない
  1  --fail-on 以上の、確認済みでない検出がある
  2  使い方・設定・入力のエラー、状態ファイルを読めないかロック中、またはメールを
     送信できなかった。読めた入力からの検出は表示されます`,
	},
	{
		EN: `check every charge, with no history window`,
		JA: `すべての利用を確認する(履歴の期間を取らない)`,
	},
	{
		EN: `print CSV, one suspect charge a row, safe to open in a spreadsheet`,
		JA: `CSV で出力(不審な利用1件につき1行。表計算ソフトで開いても安全)`,
	},
	{
		EN: `lowest severity that makes the exit code 1: info, warning or alert`,
		JA: `終了ステータスを 1 にする最低の重要度: info、warning、alert`,
	},
	{
		EN: `print JSON for scripts`,
		JA: `スクリプト向けに JSON で出力`,
	},
	{
		EN: `mail the findings not reported before (config mail: section), at or above --fail-on`,
		JA: `まだ報告していない --fail-on 以上の検出をメールで送る(設定ファイルの mail:)`,
	},
	{
		EN: `with --mail: send a short all-clear when there is nothing new`,
		JA: `--mail に加え、新しいものがなければ短い「異常なし」を送る`,
	},
	{
		EN: `check charges from this date (YYYY-MM-DD) on`,
		JA: `この日付(YYYY-MM-DD)以降の利用を確認する`,
	},
	{
		EN: `warn about a card with no confirmed statement for this long: 45d, 6w, or off (default: the config's stale_after, on runs that watch)`,
		JA: `確定明細がこの期間ないカードを警告する: 45d、6w、または off(既定は設定ファイルの stale_after。見守りの実行で)`,
	},
	{
		EN: `state folder: what was reported and acknowledged (default $XDG_STATE_HOME/cardcheck)`,
		JA: `状態フォルダー: 報告済み・確認済みの記録(既定は $XDG_STATE_HOME/cardcheck)`,
	},
	{
		EN: `Print the charges read from statements`,
		JA: `明細から読んだ利用を表示します`,
	},
	{
		EN: `Print every charge read from the statements at PATH, merged across files,
oldest first.

Exit status: 0, or 2 when the config or an input has errors (printed to
stderr; the charges that could be read are printed).`,
		JA: `PATH の明細から読んだすべての利用を、ファイルをまたいで重複を除き、古い順に表示します。

終了ステータス: 0、または設定ファイルか入力にエラーがあれば 2(標準エラーに表示。
読めた利用は表示されます)。`,
	},
	{
		EN: `print CSV with a header row, safe to open in a spreadsheet`,
		JA: `見出し行つきの CSV で出力(表計算ソフトで開いても安全)`,
	},
	{
		EN: `List each card's recurring payees, and add them to the config`,
		JA: `カードごとの定期的な支払先を一覧にし、設定ファイルに追加します`,
	},
	{
		EN: `Learn each card's recurring payees from the statements at PATH and print them:
payee, card, cadence, typical amount (or range), how many charges, the last
one, when the next is expected, and whether the stream is established (3
regular charges, 2 for yearly ones) or still early. Streams the rules found
suspect when they happened (a new merchant charging every month that nobody
confirmed) are not learned; acknowledge them with cardcheck ack if they are
yours.

With --write, the established payees the config does not have yet are added
to its payees list (the file named by --config, or the default one, created
if need be), each as its exact payee key. Everything already in the file
stays as written: comments, order and your own entries.

Exit status: 0, or 2 when the config or an input has errors, or the config
cannot be written (the payees that could be learned are printed).`,
		JA: `PATH の明細からカードごとの定期的な支払先を学習して表示します: 支払先、カード、周期、
いつもの金額(または範囲)、回数、最後の利用、次の予定日、定着しているか(規則的な
利用が3回、年払いなら2回)まだ始まったばかりか。発生時にルールが不審とした支払い
(誰も確認していないのに毎月請求する新しい店など)は学習しません。ご自身のものなら
cardcheck ack で確認済みにしてください。

--write を付けると、定着した支払先のうち設定ファイルにないものを payees: に追加します
(--config のファイル、または既定のファイル。なければ作ります)。それぞれ支払先のキーそのもの
で書きます。ファイルにすでにあるもの(コメント、順序、自分の項目)はそのままです。

終了ステータス: 0、または設定ファイルか入力にエラーがある、または設定ファイルを書き込めない
場合は 2(学習できた支払先は表示されます)。`,
	},
	{
		EN: `add the established payees to the config`,
		JA: `定着した支払先を設定ファイルに追加する`,
	},
	{
		EN: `List a card's recurring payees: the places to update when it is replaced`,
		JA: `カードの定期的な支払先を一覧にします: カードを再発行したときの変更先`,
	},
	{
		EN: `List the recurring payees of each card in the statements at PATH (or of the
cards whose label contains --card): cadence, typical amount, last charge and
next expected date, soonest first. These are the places to give the new number
when a card is replaced.

With --new-card, give statements of the new card too: each payee then says
whether it has already charged the new card, and the summary names the ones
still to update.

Exit status: 0, or 2 when the config or an input has errors, or --card or
--new-card matches no card.`,
		JA: `PATH の明細にある各カード(または --card を名前に含むカード)の定期的な支払先を、
周期、いつもの金額、最後の利用、次の予定日とともに、予定日の近い順に表示します。
カードを再発行したとき、新しい番号を届ける先です。

--new-card を付けて新しいカードの明細も渡すと、各支払先がすでに新しいカードに請求
しているかを示し、まだ変更が必要な先をまとめて示します。

終了ステータス: 0、または設定ファイルか入力にエラーがある、または --card か --new-card に
合うカードがない場合は 2。`,
	},
	{
		EN: `only the cards whose label (name and masked number) contains this`,
		JA: `名前(カード名とマスクした番号)にこれを含むカードだけ`,
	},
	{
		EN: `the replacement card: show which payees already charge it`,
		JA: `再発行した新しいカード: すでに請求している支払先を示す`,
	},
	{
		EN: `List the rules, their severities and parameters`,
		JA: `ルールとその重要度、パラメーターを一覧にします`,
	},
	{
		EN: `List every built-in rule with its id, default severity, parameters and their
defaults, then the user rules of the config. Where the config (rules: section)
changes a setting, the CONFIG column shows it; per-card settings follow.

Exit status: 0, or 2 when the config has errors (printed to stderr; the
defaults are listed).`,
		JA: `組み込みのルールを、ID、既定の重要度、パラメーターとその既定値とともに一覧にし、
続いて設定ファイルのユーザールールを示します。設定ファイル(rules:)で変えた値は
CONFIG の列に、カードごとの設定はその後に示します。

終了ステータス: 0、または設定ファイルにエラーがあれば 2(標準エラーに表示。既定値を
一覧にします)。`,
	},
	{
		EN: `Validate the config's rules and everything else in it`,
		JA: `設定ファイルのルールとその他すべてを検証します`,
	},
	{
		EN: `Read the config (--config, or the default one) as scan would: its cards,
payees and formats, the rules' settings, the user rules' expressions and
the breach entries. Every problem is printed to stderr as file:line:col:
message, in the file's order.

Exit status: 0 when the config is valid (or there is none at the default
path), 2 when it has errors.`,
		JA: `設定ファイル(--config、または既定のもの)を scan と同じように読みます: カード、
支払先、書式、ルールの設定、ユーザールールの式、情報漏えいの項目。問題はすべて
ファイル:行:列: メッセージ の形で、ファイルの順に標準エラーに表示します。

終了ステータス: 設定ファイルが正しい(または既定の場所にない)なら 0、エラーがあれば 2。`,
	},
	{
		EN: `List the statement formats cardcheck reads`,
		JA: `cardcheck が読める明細の書式を一覧にします`,
	},
	{
		EN: `List every statement format: its name, the card company, the encodings it
comes in, and a sample of what it recognises. Formats declared in the config
(formats:) are listed as user:NAME.

Exit status: 0, or 2 when the config has errors (the built-in formats are
listed).`,
		JA: `明細の書式を一覧にします: 名前、カード会社、文字コード、見分けられる行の例。
設定ファイル(formats:)で宣言した書式は user:名前 として示します。

終了ステータス: 0、または設定ファイルにエラーがあれば 2(組み込みの書式を一覧にします)。`,
	},
	{
		EN: `Say which format each file is in, and what it holds`,
		JA: `各ファイルの書式と中身を示します`,
	},
	{
		EN: `For each file: the format that recognises it, its encoding, its cards, the
period of its charges, how many there are, and whether the statement's own
control totals agree with them.

Exit status: 0, or 2 when a file is not recognised or does not add up, or
the config has errors.`,
		JA: `ファイルごとに、見分けた書式、文字コード、カード、利用の期間、件数、明細自身の
合計がそれらと合うかを示します。

終了ステータス: 0、またはファイルを見分けられない・合計が合わない、または設定ファイルに
エラーがあれば 2。`,
	},
	{
		EN: `Mark findings as yours (or, with --fraud, as not yours), so they no longer fail a scan or appear in mail`,
		JA: `検出をご自身のもの(--fraud なら身に覚えのないもの)として確認済みにし、以後の scan やメールから外します`,
	},
	{
		EN: `Mark the findings with these ids (as scan prints them) as reviewed: later
scans leave them out of the report, the exit code and the mail. The state
folder remembers them (--state, default $XDG_STATE_HOME/cardcheck).

The verdict teaches the rules. By default the findings' charges are yours:
they count as normal from then on (a new subscription acknowledged once is a
known payee the next month). With --fraud they are not yours: they never
count as normal, every later charge from their payees is an alert on any
card, and ack says whom to call: the card company's loss and theft desk.

An id must be a finding: one a mail run (scan --mail) recorded in the state
folder, or one that scan finds now in the statements folder (the config's
statements:, else ~/statements; --from PATH for statements kept elsewhere,
as given to scan PATH). An id that is neither is an error: nothing is
recorded, and ack lists the open findings (id, date, payee, amount).

A finding's id stays the same across runs and re-downloads of the statement;
if more charges join a finding (a burst grows), it gets a new id and is
reported again.

Exit status: 0, or 2 when an id is malformed or no finding, or the state
cannot be read or written.`,
		JA: `これらの ID(scan が表示するもの)の検出を確認済みにします。以後の scan では、
レポート、終了ステータス、メールから外れます。状態フォルダーが記録します(--state、
既定は $XDG_STATE_HOME/cardcheck)。

この判断はルールの学習に使われます。既定では、検出の利用はご自身のもので、以後は
通常の利用として扱います(一度確認した新しい定期払いは、翌月には既知の支払先です)。
--fraud を付けると身に覚えのない利用として扱い、通常の利用とはみなさず、その支払先
からの以後の請求はどのカードでも警告になり、ack が連絡先(カード会社の紛失・盗難
受付)を示します。

ID は検出のものに限ります: メールでの実行(scan --mail)が状態フォルダーに記録した
もの、または明細フォルダー(設定ファイルの statements:、なければ ~/statements。
ほかに置いた明細は、scan PATH と同じく --from PATH で指定)を今 scan して見つかる
もの。どちらでもない ID はエラーで、何も記録せず、未確認の検出(ID、日付、支払先、
金額)を一覧します。

検出の ID は、実行や明細の再ダウンロードをまたいで変わりません。検出に利用が加わると
(連続利用が増えるなど)、新しい ID になり、あらためて報告されます。

終了ステータス: 0、または ID の形が正しくない・検出のものでない、状態ファイルを
読み書きできない場合は 2。`,
	},
	{
		EN: `look ids the state does not know up in what scan finds in this PATH (repeatable; default the statements folder)`,
		JA: `状態にない ID を、この PATH を scan して見つかる検出から探す(複数可。既定は明細フォルダー)`,
	},
	{
		EN: `the charges are not yours: report them as fraud`,
		JA: `身に覚えのない利用: 不正利用として届ける`,
	},
	{
		EN: `language of the advice after --fraud: ja or en (default from the locale)`,
		JA: `--fraud の後の案内の言語: ja または en(既定はロケールから)`,
	},
	{
		EN: `why the findings are fine, or what happened (kept in the state)`,
		JA: `問題ない理由、または起きたこと(状態ファイルに残す)`,
	},
	{
		EN: `state folder (default $XDG_STATE_HOME/cardcheck)`,
		JA: `状態フォルダー(既定は $XDG_STATE_HOME/cardcheck)`,
	},
	{
		EN: `Add a payee to the known payees in the config`,
		JA: `支払先を設定ファイルの既知の支払先に追加します`,
	},
	{
		EN: `Add PAYEE (a merchant as the statement prints it, e.g. "APPLE COM BILL") to
the known payees in the config file (--config, or the default one, created
if missing), for the cards matching --card (a part of the card's name or
masked number, as in the config's cards: match) or every card. The entry's
pattern is the payee's exact key, so it matches that payee and no other.

The entry is appended to the payees: list; the rest of the file, comments
included, is kept as it is.

Exit status: 0 (also when the payee is known already), or 2 when the config
has errors or cannot be written.`,
		JA: `PAYEE(明細に印字された加盟店名。例 "APPLE COM BILL")を、設定ファイル(--config、
または既定のもの。なければ作ります)の既知の支払先に、--card に合うカード(カード名か
マスクした番号の一部。設定ファイルの cards: の match と同じ)またはすべてのカードについて
追加します。項目のパターンは支払先のキーそのものなので、その支払先だけに合います。

項目は payees: の末尾に追加し、ファイルのほかの部分はコメントも含めてそのままです。

終了ステータス: 0(支払先がすでに既知の場合も)、または設定ファイルにエラーがある・
書き込めない場合は 2。`,
	},
	{
		EN: `only on the cards matching this (part of the name or masked number)`,
		JA: `これに合うカードだけ(カード名かマスクした番号の一部)`,
	},
	{
		EN: `Check the mail settings`,
		JA: `メールの設定を確認します`,
	},
	{
		EN: `Send a test mail, and say what to fix if it fails`,
		JA: `テストメールを送り、失敗したら直すべきことを示します`,
	},
	{
		EN: `Send one test mail to the config's mail: recipients through its server,
the way scan --mail sends alerts. When it fails, say what happened and what
to change, in plain words: a wrong server name or port, TLS settings the
server does not speak, an untrusted certificate, a refused login, a refused
sender or recipient.

Exit status:
  0  the server accepted the mail
  2  it did not (the reason is on stderr), or the config cannot be read`,
		JA: `設定ファイルの mail: の送り先に、そのサーバー経由でテストメールを1通、scan --mail が
通知を送るのと同じ方法で送ります。失敗したら、何が起きて何を変えればよいかを平易に
示します: サーバー名やポートの誤り、サーバーが対応していない TLS の設定、信頼できない
証明書、ログインの拒否、差出人や宛先の拒否。

終了ステータス:
  0  サーバーがメールを受け付けた
  2  受け付けなかった(理由は標準エラーに表示)、または設定ファイルを読めない`,
	},
	{
		EN: `Help about any command`,
		JA: `コマンドのヘルプを表示します`,
	},
	{
		EN: `Help provides help for any command in the application.
Simply type cardcheck help [path to command] for full details.`,
		JA: `どのコマンドのヘルプも表示します。
cardcheck help [コマンド] と入力すると詳しく表示します。`,
	},
	{
		EN: `Print the shell completion script`,
		JA: `シェルの補完スクリプトを出力します`,
	},
	{
		EN: `Print the script that makes your shell complete cardcheck's commands, their flags
and the flags' values (--lang, --fail-on, --card…). Each shell's help says how
to load it: cardcheck completion bash --help.`,
		JA: `シェルで cardcheck のコマンド、フラグ、フラグの値(--lang、--fail-on、--card…)を
補完するためのスクリプトを出力します。読み込み方は各シェルのヘルプにあります:
cardcheck completion bash --help。`,
	},
	{
		EN: `Print the completion script for bash`,
		JA: `bash の補完スクリプトを出力します`,
	},
	{
		EN: `Print the completion script for bash (it needs the bash-completion package).

In this shell:     source <(cardcheck completion bash)
For every shell:   cardcheck completion bash > ~/.local/share/bash-completion/completions/cardcheck`,
		JA: `bash の補完スクリプトを出力します(bash-completion パッケージが必要です)。

このシェルで:           source <(cardcheck completion bash)
以後のすべてのシェルで: cardcheck completion bash > ~/.local/share/bash-completion/completions/cardcheck`,
	},
	{
		EN: `Print the completion script for zsh`,
		JA: `zsh の補完スクリプトを出力します`,
	},
	{
		EN: `Print the completion script for zsh (compinit must be on: autoload -U compinit;
compinit in ~/.zshrc).

In this shell:     source <(cardcheck completion zsh)
For every shell:   cardcheck completion zsh > "${fpath[1]}/_cardcheck"`,
		JA: `zsh の補完スクリプトを出力します(compinit が有効である必要があります: ~/.zshrc に
autoload -U compinit; compinit)。

このシェルで:           source <(cardcheck completion zsh)
以後のすべてのシェルで: cardcheck completion zsh > "${fpath[1]}/_cardcheck"`,
	},
	{
		EN: `Print the completion script for fish`,
		JA: `fish の補完スクリプトを出力します`,
	},
	{
		EN: `Print the completion script for fish.

In this shell:     cardcheck completion fish | source
For every shell:   cardcheck completion fish > ~/.config/fish/completions/cardcheck.fish`,
		JA: `fish の補完スクリプトを出力します。

このシェルで:           cardcheck completion fish | source
以後のすべてのシェルで: cardcheck completion fish > ~/.config/fish/completions/cardcheck.fish`,
	},
	{
		EN: `Print the completion script for PowerShell`,
		JA: `PowerShell の補完スクリプトを出力します`,
	},
	{
		EN: `Print the completion script for PowerShell.

In this shell:     cardcheck completion powershell | Out-String | Invoke-Expression
For every shell:   add that line to your PowerShell profile`,
		JA: `PowerShell の補完スクリプトを出力します。

このシェルで:           cardcheck completion powershell | Out-String | Invoke-Expression
以後のすべてのシェルで: この行を PowerShell のプロファイルに追加します`,
	},
	{
		EN: `leave out the completions' descriptions`,
		JA: `補完の説明を出さない`,
	},
	{
		EN: `read the new mail of the config's imap: mailbox first (once, for cron)`,
		JA: `先に設定ファイルの imap: のメールボックスの新しいメールを読む(一度だけ。cron 向け)`,
	},
	{
		EN: `Check usage-notice mails as they arrive and mail new findings at once`,
		JA: `利用通知メールを届くたびに確認し、新しい検出をすぐにメールで送ります`,
	},
	{
		EN: `Read the card companies' usage-notice mails from the mailbox of the config's
imap: section as they arrive (IDLE where the server offers it, else a poll
every minute), check each with the statements at PATH (none: the statements
folder) and the notices read before, and mail the findings not reported
before (config mail: section), each once, as scan --mail does.

The mailbox is only read (EXAMINE, BODY.PEEK: not even \Seen changes), over
TLS only. The state folder keeps the position in the mailbox and the
authentic notices (never other mail). Phishing imitations of a notice and
notices that cannot be read are printed when they come. After a failure (a
dropped connection, a refused login, a mail that could not be sent) the
watch connects again after 1 s, 2 s, 4 s … at most 5 minutes, and the mail
not yet checked comes again. It runs until stopped (SIGINT, SIGTERM); a
systemd user unit for it is in docs/notices.md.

Exit status:
  0  stopped
  2  usage or config errors (no imap: or mail: section, no password)`,
		JA: `カード会社の利用通知メールを、設定ファイルの imap: のメールボックスから届くたびに読み
(サーバーが対応していれば IDLE、なければ1分ごとに確認)、PATH の明細(なければ明細
フォルダー)とそれまでに読んだ利用通知と合わせて確認し、まだ報告していない検出を
scan --mail と同じく一度だけメールで送ります(設定ファイルの mail:)。

メールボックスは読むだけで(EXAMINE、BODY.PEEK。\Seen も変えません)、TLS でしか
接続しません。状態フォルダーにはメールボックスのどこまで読んだかと、本物の利用通知だけを
保存します(ほかのメールは保存しません)。利用通知を装ったフィッシングや読めない利用通知は
届いたときに表示します。接続が切れた、ログインを拒否された、メールを送れなかったときは
1秒、2秒、4秒…(最長5分)待って接続し直し、まだ確認していないメールをもう一度読みます。
止めるまで(SIGINT、SIGTERM)動き続けます。systemd のユーザーユニットの例は
docs/notices.md にあります。

終了ステータス:
  0  停止した
  2  使い方・設定のエラー(imap: や mail: がない、パスワードがない)`,
	},
	{
		EN: `lowest severity mailed: info, warning or alert`,
		JA: `メールで送る最低の重要度: info、warning、alert`,
	},
	{
		EN: `state folder: what was reported and acknowledged, the mailbox position, the notices read (default $XDG_STATE_HOME/cardcheck)`,
		JA: `状態フォルダー: 報告済み・確認済みの記録、メールボックスの位置、読んだ利用通知(既定は $XDG_STATE_HOME/cardcheck)`,
	},
}

// helpJA is helpEntries by their English.
var helpJA = func() map[string]string {
	m := make(map[string]string, len(helpEntries))
	for _, e := range helpEntries {
		m[e.EN] = e.JA
	}
	return m
}()

// Help returns the commands' help text en in l: its Japanese when l is
// Japanese; ok is false when there is none (en is returned).
func Help(l lang.Lang, en string) (s string, ok bool) {
	if l != lang.JA {
		return en, true
	}
	ja, ok := helpJA[en]
	if !ok {
		return en, false
	}
	return ja, true
}

func init() { add(helpFrame) }

// The frame of the help: its headings, and the flags cobra adds to every
// command (name is the command's).
var helpFrame = map[string]Entry{
	"help.usage":        {EN: "Usage:", JA: "使い方:"},
	"help.examples":     {EN: "Examples:", JA: "例:"},
	"help.commands":     {EN: "Available Commands:", JA: "コマンド:"},
	"help.flags":        {EN: "Flags:", JA: "フラグ:"},
	"help.global-flags": {EN: "Global Flags:", JA: "共通のフラグ:"},
	"help.more":         {EN: `Use "{{"{{"}}.CommandPath{{"}}"}} [command] --help" for more information about a command.`, JA: `各コマンドの詳細は "{{"{{"}}.CommandPath{{"}}"}} [コマンド] --help" で表示されます。`},
	"help.flag.help":    {EN: "help for {{.name}}", JA: "{{.name}} のヘルプ"},
	"help.flag.version": {EN: "version for {{.name}}", JA: "{{.name}} のバージョン"},
}
