package issuer

// checked is the day the numbers below were read on their source pages.
const checked = "2026-12-01"

// issuers is the table: every company an importer names, plus the
// household-account services. Sources are the pages the numbers were read
// on; several are third-party summaries (the issuers' own pages could not be
// read), each agreeing with at least one other page where noted. A number
// found on one old page only is left out.
var issuers = []Issuer{
	{
		Name:    "三井住友カード",
		Aliases: []string{"三井住友", "SMBC", "Olive", "Vpass"},
		Desks: []Desk{{
			Phone: "0120-919-456",
			// Also kiyocard.co.jp/funshitsu.html (an affiliate's page) gives
			// the same number for its VISA cards out of hours.
			Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked,
		}},
	},
	{
		Name:    "楽天カード",
		Aliases: []string{"楽天", "Rakuten"},
		Desks: []Desk{{
			Phone: "0120-86-6910", Alt: "092-474-9256",
			// card-life.jp/rakuten-card-funshitsu-26254 agrees on both.
			Source: "https://d-money.jp/dotmagazine/articles/926428162761945597", Checked: checked,
		}},
	},
	{
		Name:    "JCB",
		Aliases: []string{"JCBカード", "MyJCB"},
		Desks: []Desk{{
			Phone: "0120-794-082",
			// kiyocard.co.jp/funshitsu.html and a 2018 page quoting
			// jcb.co.jp/support/lost-and-stolen.html agree.
			Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked,
		}},
	},
	{
		Name:    "クレディセゾン",
		Aliases: []string{"セゾン", "SAISON", "セゾンカード"},
		Desks: []Desk{{
			Phone:  "0570-064-107",
			Source: "https://bitdays.jp/cashless/creditcard/saison_card/24776/", Checked: checked,
		}},
		Online: "Netアンサーの「カード紛失・再発行」からも届け出られます。", OnlineEN: "It can also be reported in Netアンサー (カード紛失・再発行).",
	},
	{
		Name:    "ビューカード",
		Aliases: []string{"VIEW", "ビュー"},
		Desks: []Desk{{
			Phone: "03-6685-4800",
			// .../crypt/archives/16897 on the same site agrees.
			Source: "http://tamariba87.sakura.ne.jp/crypt/archives/81542", Checked: checked,
		}},
	},
	{
		Name:    "エポスカード",
		Aliases: []string{"エポス", "EPOS"},
		Desks: []Desk{{
			Phone:  "03-5340-3333",
			Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked,
		}},
	},
	{
		Name:    "イオンカード",
		Aliases: []string{"イオン", "AEON"},
		Desks: []Desk{{
			Phone:  "0570-079-110",
			Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked,
		}},
	},
	{
		Name:    "三菱UFJニコス",
		Aliases: []string{"MUFG", "MUFGカード", "ニコス", "NICOS", "DC", "DCカード"},
		Desks: []Desk{
			{Brand: "MUFGカード", Phone: "0120-107-542",
				Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked},
			// kiyocard.co.jp/funshitsu.html agrees on the DC number.
			{Brand: "DCカード", Phone: "0120-664-476",
				Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked},
			{Brand: "NICOSカード", Phone: "0120-159-674",
				Source: "https://creca-gensen.com/archives/18711", Published: "2023-09-28", Checked: checked},
		},
	},
	{
		// The number found was for the card's earlier name (Yahoo! JAPAN
		// カード) on a 2023 page only: left out. The company's own page
		// says to stop the card in the member menu.
		Name:     "PayPayカード",
		Aliases:  []string{"PayPay", "Yahoo!JAPANカード", "ヤフーカード"},
		Online:   "PayPayアプリまたはウェブの会員メニューの「紛失・盗難時の手続き」でカードを止められます(https://www.paypay-card.co.jp/column/troubleshooting/)。",
		OnlineEN: "The card can be stopped in the member menu of the PayPay app or website, under 紛失・盗難時の手続き (https://www.paypay-card.co.jp/column/troubleshooting/).",
	},
	{
		Name:    "アメリカン・エキスプレス",
		Aliases: []string{"アメックス", "AMEX", "American Express", "アメリカンエキスプレス"},
		Desks: []Desk{{
			Brand: "メンバーシップ・サービス・センター", Phone: "0120-020-120", Alt: "03-3220-6100",
			// A page of 2018 quoting americanexpress.com/jp/content/jp-home/sitehelp/lost_stolen.html.
			Source: "https://kaito-blue9.hatenablog.com/entry/2018/08/09/140414", Published: "2018-08-09", Checked: checked,
		}},
	},
	{
		// No page gave a number for au PAY カード's loss desk.
		Name:    "au PAY カード",
		Aliases: []string{"au PAYカード", "auPAY", "auフィナンシャルサービス"},
	},
	{
		// The pages found give dカードセンター's number with office hours
		// (10:00–20:00), not a 24-hour line: left out.
		Name:    "NTTドコモ",
		Aliases: []string{"dカード", "docomo", "ドコモ"},
	},
	{Name: "マネーフォワード ME", Aliases: []string{"MoneyForward", "マネーフォワード"}, Aggregator: true},
	{Name: "Zaim", Aggregator: true},
}
