package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/cardcheck/cardcheck/pkg/notify/mailpittest"
)

// The user's verdicts through the commands, as cron and the user run them:
// a mail run records the demo's Apple alert; ack --fraud reports it and
// says whom to call; the next month's statement has one more Apple charge,
// and it is an alert on its own because the payee was reported.
func TestFraudVerdict(t *testing.T) {
	mp := mailpittest.Get(t)
	cfg, state, _ := mailSetup(t, mp, mp.Plain, "none")
	dir := t.TempDir()
	demo, _ := filepath.Glob("testdata/demo/*.csv")
	for _, f := range demo {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o600)
	}
	scan := func() result {
		return cardcheck(t, nil, "--config", cfg, "scan", "--mail", "--state", state, "--lang", "en", dir)
	}
	if r := scan(); r.code != 1 || !strings.Contains(r.stdout, appleID) {
		t.Fatalf("first run: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := cardcheck(t, nil, "ack", "--fraud", "--lang", "en", "--state", state, appleID)
	if r.code != 0 || !strings.Contains(r.stdout, "reported as not yours "+appleID) || !strings.Contains(r.stdout, "三井住友カード") {
		t.Fatalf("ack --fraud: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	next := "ヤマダ　タロウ　様,4980-00**-****-****,三井住友ビジネスカード　ｆｏｒ　Ｏｗｎｅｒｓ,,,,\r\n" +
		"2022/02/01,東西新聞　購読料,4900,１,１,4900,\r\n" +
		"2022/02/07,ＡＰＰＬＥ　ＣＯＭ　ＢＩＬＬ,1200,１,１,1200,\r\n" +
		",,,,,6100,\r\n"
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(next))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "202203.csv"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	r = scan()
	if r.code != 1 || !strings.Contains(r.stdout, "reported-payee") || !strings.Contains(r.stdout, "you reported this payee's charges as fraud") {
		t.Fatalf("the next month: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
