package cli

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/internal/cli/cmdutil"
	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/notify"
	"github.com/cardcheck/cardcheck/pkg/scan"
)

// The mail of FuzzNoCardNumberInAnyOutput (leak_test.go).

// composed builds the mail of the statements' findings and their input
// errors with pkg/notify, as the session does for scan --mail, writes it
// as it would be sent, and checks what its reader sees: each header
// decoded, each part decoded.
func composed(t *testing.T, cfgPath, dir string) {
	t.Helper()
	fac := cmdutil.NewFactory(cmdutil.NewIOStreams(strings.NewReader(""), io.Discard, io.Discard))
	fac.ConfigFlag = cfgPath
	eng, _ := fac.Rules()
	cfg, _ := fac.ScanConfig()
	res := fac.Reader().LoadWith([]string{dir}, nil)
	scan.Check(res, scan.Options{Config: cfg, Engine: eng})
	smtp := &notify.SMTP{Config: &config.Mail{From: "cardcheck@example.com", To: []string{"owner@example.com"}}}
	for _, l := range []lang.Lang{lang.EN, lang.JA} {
		m, err := notify.Compose(notify.Digest{Lang: l, New: res.Findings, Checked: res.Checked, Cards: len(res.Cards), Errors: res.Errors})
		if err != nil {
			t.Fatal(err)
		}
		msg, err := smtp.Build(m)
		if err != nil {
			t.Fatal(err)
		}
		var raw bytes.Buffer
		if _, err := msg.WriteTo(&raw); err != nil {
			t.Fatal(err)
		}
		readMail(t, string(l), raw.Bytes())
	}
}

// readMail checks a mail as its reader sees it. The Message-ID and the
// multipart boundary are left out: go-mail makes them of random digits,
// none of them a stranger's.
func readMail(t *testing.T, l string, raw []byte) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s mail: %v\n%s", l, err, raw)
	}
	dec := new(mime.WordDecoder)
	for k, vs := range m.Header {
		if k == "Message-Id" || k == "Content-Type" {
			continue
		}
		for _, v := range vs {
			if d, err := dec.DecodeHeader(v); err == nil {
				v = d
			}
			noCardNumber(t, l+" mail header "+k, v)
		}
	}
	// The Content-Type's boundary is random too.
	typ, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(typ, "multipart/") {
		t.Fatalf("%s mail: %q %v", l, typ, err)
	}
	parts := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := parts.NextPart() // decodes quoted-printable on its own
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s mail: %v", l, err)
		}
		var body io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			body = base64.NewDecoder(base64.StdEncoding, p)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			t.Fatalf("%s mail part: %v", l, err)
		}
		noCardNumber(t, l+" mail part "+p.Header.Get("Content-Type"), string(b))
	}
}
