package vpass_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/importertest"
	"github.com/cardcheck/cardcheck/pkg/importer/vpass"
	"github.com/cardcheck/cardcheck/pkg/textenc"
	"golang.org/x/text/encoding/japanese"
)

func registry() *importer.Registry {
	r := &importer.Registry{}
	r.Register(vpass.Confirmed)
	return r
}

func sjis(t testing.TB, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const header = "ヤマダ　タロウ　様,4980-00**-****-****,三井住友カードＶＩＳＡ（ＮＬ）,,,,\r\n"

// TestBadRows checks that each malformed row is an error naming its line
// while every other row still counts.
func TestBadRows(t *testing.T) {
	body := header +
		"2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,１,１,3480,\r\n" + // 2 ok
		"2025/13/05,ＢＡＤ　ＤＡＴＥ,100,１,１,100,\r\n" + // 3 bad date
		"2025/01/06,ＢＡＤ　ＡＭＯＵＮＴ,12a0,１,１,12a0,\r\n" + // 4 bad amount
		"2025/01/07,ＴＯＯ,ＭＡＮＹ,1,2,3,4,5,6\r\n" + // 5 wrong column count
		"2025/01/08,ＮＨＫ受信料,1100,１,１,1100,\r\n" // 6 ok
	data := sjis(t, body)
	// Line 7: a byte that is no CP932 character.
	data = append(data, []byte("2025/01/09,\x82\x0dX,500,1,1,500,\r\n")...)
	data = append(data, sjis(t, ",,,,,4580,\r\n")...)
	res := registry().Import("bad.csv", bytes.NewReader(data))
	if res.Statement == nil {
		t.Fatalf("no statement: %v", res.Errors)
	}
	if n := len(res.Statement.Charges); n != 2 {
		t.Errorf("%d charges, want the 2 good rows", n)
	}
	want := map[int]error{3: importer.ErrBadDate, 4: importer.ErrBadAmount, 5: importer.ErrFieldCount, 7: importer.ErrEncoding}
	got := map[int]error{}
	for _, err := range res.Errors {
		var pe *importer.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError", err)
		}
		got[pe.Line] = err
		if !strings.HasPrefix(err.Error(), "bad.csv:") {
			t.Errorf("error %q does not start with the file name", err)
		}
	}
	for line, cause := range want {
		if !errors.Is(got[line], cause) {
			t.Errorf("line %d: got error %v, want %v", line, got[line], cause)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors %v, want lines %v", res.Errors, want)
	}
}

func TestTotalMismatch(t *testing.T) {
	data := sjis(t, header+"2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,１,１,3480,\r\n2025/01/06,ＮＨＫ受信料,1100,１,１,1100,\r\n,,,,,5000,\r\n")
	res := registry().Import("short.csv", bytes.NewReader(data))
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], importer.ErrTotal) {
		t.Fatalf("errors %v, want one total mismatch", res.Errors)
	}
	msg := res.Errors[0].Error()
	for _, s := range []string{"short.csv:4", "total line is 5000", "4580"} {
		if !strings.Contains(msg, s) {
			t.Errorf("error %q does not name %s", msg, s)
		}
	}
	if len(res.Statement.Charges) != 2 {
		t.Errorf("charges dropped: %d", len(res.Statement.Charges))
	}
}

func TestForeignMemo(t *testing.T) {
	amt, cur, ok := vpass.ForeignMemo("20.00　USD　157.500　01 13")
	if !ok || cur != "USD" || amt.String() != "20" {
		t.Errorf("ForeignMemo = %v %q %v", amt, cur, ok)
	}
	if _, _, ok := vpass.ForeignMemo("ﾌｱﾐﾘ-ﾏ-ﾄ/ID"); ok {
		t.Error("an iD acquirer memo read as foreign")
	}
}

func TestTruncatedAndBinary(t *testing.T) {
	full := sjis(t, header+"2025/01/05,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,3480,１,１,3480,\r\n,,,,,3480,\r\n")
	// Cutting off only the total line's trailing ",\r\n" leaves ",,,,,3480",
	// a form Vpass also writes; any shorter cut loses data and must be said.
	for n := 0; n < len(full)-3; n++ {
		res := registry().Import("cut.csv", bytes.NewReader(full[:n]))
		if len(res.Errors) == 0 {
			t.Errorf("cut at %d bytes: read without any error", n)
		}
	}
	res := registry().Import("bin.csv", bytes.NewReader([]byte("\x89PNG\r\n\x1a\n\x00\x00")))
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], textenc.ErrBinary) {
		t.Errorf("binary file: %v", res.Errors)
	}
}

// FuzzParse checks the shared importer properties on any input: no panic,
// errors are ParseErrors at a line of the file, every charge has a date, a
// line inside the input and a sign that fits its kind.
func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, &vpass.Confirmed, "../../../testdata/statements/vpass/*.csv", "../../../testdata/demo/*.csv")
}

// TestFullCardNumberMasked: should a statement print a whole card number, in
// the card line or a merchant name, it never enters the model.
func TestFullCardNumberMasked(t *testing.T) {
	data := sjis(t, "ヤマダ　タロウ　様,4111-1111-1111-1111,カード,,,,\r\n2025/01/05,ＳＨＯＰ　4111111111111111,100,１,１,100,\r\n,,,,,100,\r\n")
	res := registry().Import("pan.csv", bytes.NewReader(data))
	if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
		t.Fatalf("errors %v", res.Errors)
	}
	c := res.Statement.Charges[0]
	for _, s := range []string{c.Card.Number, c.Card.Label(), c.Merchant, res.Statement.Cards[0].Number} {
		if strings.Contains(s, "4111111111111111") || strings.Contains(s, "4111-1111-1111-1111") || !strings.Contains(s, "1111") {
			t.Errorf("%q: not masked to the last four digits", s)
		}
	}
	if strings.Contains(c.Payee, "41111111") {
		t.Errorf("payee key %q keeps the number", c.Payee)
	}
}

// TestCommaInMerchant (issue 9): a row with one field too many because its
// merchant held an unquoted comma is read when exactly one way of joining
// the fields back gives a row, with a note; otherwise it is an error.
func TestCommaInMerchant(t *testing.T) {
	res := importertest.Parse(t, &vpass.Confirmed, sjis(t, header+
		"2023/07/03,GITHUB, INC. (GITHUB.COM ),1479,１,１,1479,\r\n"+ // 2: one way
		"2023/07/04,A,1,1,１,１,1,\r\n"+ // 3: "A,1" or the memo "1,": two ways
		"2023/07/05,B,C,100,D,１,100,\r\n"+ // 4: no way reads
		",,,,,1479,\r\n"))
	importertest.WantErrors(t, res, map[int]error{3: importer.ErrFieldCount, 4: importer.ErrFieldCount})
	if msg := res.Errors[0].Error(); !strings.Contains(msg, "ways of joining") {
		t.Errorf("error %q does not say the row reads several ways", msg)
	}
	if n := len(res.Statement.Charges); n != 1 || res.Statement.Charges[0].Merchant != "GITHUB, INC. (GITHUB.COM )" {
		t.Fatalf("charges %+v, want the GitHub row", res.Statement.Charges)
	}
	if len(res.Notes) != 1 || res.Notes[0].Line != 2 || res.Notes[0].Action != importer.Repaired {
		t.Errorf("notes %v, want line 2 repaired", res.Notes)
	}
}

// TestRevolvingTotal (issue 9): a revolving card's total is its month's
// payment. It is checked against the 弁済金 line plus the お支払い金額 printed
// on the rows; when it is not that, it cannot be checked (the card may
// revolve one-time charges too), which is no error.
func TestRevolvingTotal(t *testing.T) {
	rows := header +
		"2025/02/03,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,4280,,,,\r\n" +
		"2025/02/04,ＷＡＯＮ発行手数料,300,１,１,300,\r\n" +
		",※マイ・ペイすリボ最低支払額（弁済金）※,,,,5000,\r\n" +
		",本明細書作成までのご返済情報を反映した金額となります。,,,,,\r\n"
	for total, want := range map[string]importer.Outcome{"5300": importer.Matched, "5000": importer.Unchecked} {
		res := importertest.Parse(t, &vpass.Confirmed, sjis(t, rows+",,,,,"+total+",\r\n"))
		importertest.WantErrors(t, res, nil)
		if len(res.Checks) != 1 || res.Checks[0].Outcome != want {
			t.Errorf("total %s: checks %v, want %s", total, res.Checks, want)
		}
		if len(res.Statement.Charges) != 2 || len(res.Notes) != 2 {
			t.Errorf("total %s: charges %+v, notes %v", total, res.Statement.Charges, res.Notes)
		}
	}
	// An undated line with an amount that is no known kind may be a charge
	// whose date was lost: an error.
	res := importertest.Parse(t, &vpass.Confirmed, sjis(t, header+",ＳＨＯＰ,500,１,１,500,\r\n,,,,,0,\r\n"))
	importertest.WantErrors(t, res, map[int]error{2: importer.ErrBadDate})
}

// TestAnonymisedCardLine (issue 9): files shared after masking the card
// number with X, or with the holder's 様 removed, are Vpass files still.
func TestAnonymisedCardLine(t *testing.T) {
	for _, line := range []string{
		"住友　太郎　様,XXXX-XXXX-XXXX-X***,Ａｍａｚｏｎマスターゴールド",
		"住友　太郎,1234-56**-****-****,Ａｍａｚｏｎマスター,,,,",
		"ＸＸＸＸ,xxxx-xx**-****-****,カード,,,,",
	} {
		data := sjis(t, line+"\r\n2025/01/05,ＳＨＯＰ,100,１,１,100,\r\n,,,,,100,\r\n")
		text, err := textenc.OpenBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		if !vpass.Confirmed.Sniff(text.Head) || vpass.DCard.Sniff(text.Head) {
			t.Errorf("%s: not recognised as Vpass 確定", line)
		}
		res := importertest.Parse(t, &vpass.Confirmed, data)
		if len(res.Errors) > 0 || len(res.Statement.Charges) != 1 {
			t.Errorf("%s: errors %v", line, res.Errors)
		}
	}
}
