package setup

import (
	"sort"
	"strconv"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Provider is a mail service's settings for sending, so that a user picks
// "gmail" instead of looking up a host, a port and a TLS mode.
type Provider struct {
	// ID is what --provider takes: "gmail".
	ID string
	// Name is for people: "Gmail".
	Name string
	// Host, Port and TLS are the submission server (config.TLS* modes).
	Host string
	Port int
	TLS  string
	// PasswordPage is where the password for programs (an app password) is
	// made; PasswordHint says what it is, in English and Japanese.
	PasswordPage             string
	PasswordHint, PasswordJA string
	// Unsupported, when set, says why cardcheck cannot send through this
	// service, in English and Japanese; init refuses it with that reason.
	Unsupported, UnsupportedJA string
	// Sources are the pages Host, Port and TLS were checked against (two
	// that agree), on the date Checked.
	Sources []string
	Checked string
}

// Custom is the provider ID for a server given by host, port and TLS mode.
const Custom = "custom"

// providers are the presets. Facts: each service's published settings for
// mail programs, checked against the pages in Sources.
var providers = []Provider{
	{
		ID: "gmail", Name: "Gmail",
		Host: "smtp.gmail.com", Port: 587, TLS: config.TLSStartTLS,
		PasswordPage: "https://myaccount.google.com/apppasswords",
		PasswordHint: "an app password (16 letters) made for cardcheck, not your Google password; it needs 2-Step Verification on the account",
		PasswordJA:   "cardcheck 用に作るアプリ パスワード(16文字)。Google アカウントのパスワードではありません。2 段階認証プロセスが必要です",
		// Both give smtp.gmail.com, 587 with STARTTLS (465 implicit TLS
		// as the alternative), login with an app password.
		Sources: []string{"https://cli.nylas.com/guides/gmail-smtp-settings", "https://inboxtooling.com/blog/gmail-smtp-settings"},
		Checked: "2026-12-01",
	},
	{
		ID: "icloud", Name: "iCloud Mail",
		Host: "smtp.mail.me.com", Port: 587, TLS: config.TLSStartTLS,
		PasswordPage: "https://account.apple.com",
		PasswordHint: "an app-specific password (Sign-In and Security → App-Specific Passwords), not your Apple Account password; the sender must be your iCloud Mail address",
		PasswordJA:   "App 用パスワード(「サインインとセキュリティ」→「App 用パスワード」)。Apple アカウントのパスワードではありません。差出人は iCloud メールのアドレスにしてください",
		// Both give smtp.mail.me.com, 587 with STARTTLS (the one port
		// Apple documents), the full address and an app-specific password.
		Sources: []string{"https://meshworld.in/blog/devops/email/icloud-smtp-server", "https://postigo.net/smtp/icloud"},
		Checked: "2026-12-01",
	},
	{
		ID: "yahoo-jp", Name: "Yahoo!メール",
		Host: "smtp.mail.yahoo.co.jp", Port: 465, TLS: config.TLSImplicit,
		PasswordPage: "https://support.yahoo-net.jp/PccMail/s/article/H000007321",
		PasswordHint: "your Yahoo! JAPAN ID's password, after allowing access from other mail programs in Yahoo!メール's settings (IMAP/POP/SMTPアクセス)",
		PasswordJA:   "Yahoo! JAPAN ID のパスワード。先に Yahoo!メールの設定「IMAP/POP/SMTPアクセス」で、Yahoo! JAPAN公式サービス以外からのアクセスを有効にしてください",
	},
	{
		ID: "outlook", Name: "Outlook.com",
		Host: "smtp-mail.outlook.com", Port: 587, TLS: config.TLSStartTLS,
		Unsupported: "Outlook.com (and Hotmail, Live, MSN) has refused password logins from mail programs since 16 September 2024 and accepts only a Microsoft sign-in (OAuth), which cardcheck does not do. " +
			"Send from another account (--provider gmail, icloud, yahoo-jp or custom) and give your Outlook.com address as --to: the mail arrives there as usual.",
		UnsupportedJA: "Outlook.com(Hotmail、Live、MSN も)は 2024年9月16日から、メールソフトからのパスワードによるログインを受け付けず、Microsoft のサインイン(OAuth)だけを受け付けます。cardcheck はこれに対応していません。" +
			"別のアカウントから送り(--provider gmail、icloud、yahoo-jp、custom)、--to に Outlook.com のアドレスを指定してください。受信はいつもどおりできます。",
	},
}

// Providers returns the presets, in the order init offers them; "custom"
// is not among them.
func Providers() []Provider { return append([]Provider(nil), providers...) }

// LookupProvider returns the preset called id (case and spaces ignored).
// An unknown id's error lists the known ones.
func LookupProvider(id string) (Provider, error) {
	k := strings.ToLower(strings.TrimSpace(id))
	for _, p := range providers {
		if p.ID == k {
			return p, nil
		}
	}
	ids := []string{Custom}
	for _, p := range providers {
		ids = append(ids, p.ID)
	}
	sort.Strings(ids)
	return Provider{}, answerError(message.New("setup.provider.unknown", message.Args{
		"provider": message.Text(strconv.Quote(id)), "known": message.Text(strings.Join(ids, ", "))}))
}
