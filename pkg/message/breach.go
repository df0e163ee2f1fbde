package message

// What a breach exposed (breaches.yaml's and the config's exposed:), part by
// part, so that a Japanese sentence does not quote English. The key is
// "exposed." and the English words joined with dashes; English says the
// text as written.

func init() { add(exposedEntries) }

var exposedEntries = map[string]Entry{
	// text: exposed: as written; items: the terms below, one per part.
	"breach-exposure.exposed": {EN: "{{.text}}", JA: "{{.items}}"},

	"exposed.card-number":   {EN: "card number", JA: "カード番号"},
	"exposed.number":        {EN: "number", JA: "カード番号"},
	"exposed.expiry":        {EN: "expiry", JA: "有効期限"},
	"exposed.security-code": {EN: "security code", JA: "セキュリティコード"},
	"exposed.name":          {EN: "name", JA: "名義人名"},
	"exposed.address":       {EN: "address", JA: "住所"},
	"exposed.email":         {EN: "email", JA: "メールアドレス"},
	"exposed.phone":         {EN: "phone", JA: "電話番号"},
}
