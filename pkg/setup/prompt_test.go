package setup

import (
	"errors"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

func noneGiven(string) bool { return false }

// A whole interview fed as a person types it: a wrong choice is asked
// again, Outlook.com is refused with its reason and the question asked
// again, a wrong address is asked again, empty answers take the defaults.
func TestInterview(t *testing.T) {
	answers := strings.Join([]string{
		"2",                     // language: English
		"",                      // statements: the default
		"~/dl",                  // downloads
		"9",                     // provider: no such number
		"outlook",               // refused
		"gmail",                 // provider
		"taro",                  // from: not an address
		"Taro <taro@gmail.com>", // from
		"",                      // to: from's address
		"abcd efgh ijkl mnop",   // password, spaces kept
	}, "\n") + "\n"
	var out strings.Builder
	p := NewPrompter(strings.NewReader(answers), &out, lang.JA)
	o := Options{Statements: "~/statements"}
	dl := "~/Downloads"
	if err := Interview(p, &o, &dl, noneGiven); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if o.Lang != lang.EN || o.Statements != "~/statements" || dl != "~/dl" || o.Provider != "gmail" || o.From != "Taro <taro@gmail.com>" ||
		len(o.To) != 1 || o.To[0] != "taro@gmail.com" || o.Password != "abcd efgh ijkl mnop" {
		t.Errorf("answers %+v, downloads %q", o, dl)
	}
	said := out.String()
	for _, want := range []string{
		"レポートとメールの言語 [ja]: ", // asked in the locale's language, then in the one chosen
		"Folder to keep your statements in (import files them there, scan reads it) [~/statements]: ",
		"Please answer with a number from 1 to 5.",
		"since 16 September 2024",
		`"taro" is not a mail address`,
		"Send the alerts to (several: separate them with commas) [taro@gmail.com]: ",
		"https://myaccount.google.com/apppasswords",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("the interview did not say %q:\n%s", want, said)
		}
	}
}

// Flags answer their questions; the end of the input takes the defaults,
// and a question without one is ErrNoAnswer.
func TestInterviewWithFlagsAndEOF(t *testing.T) {
	given := func(f string) bool { return f == "provider" || f == "from" || f == "lang" }
	o := Options{Provider: "icloud", From: "me@icloud.com", Statements: "~/statements", Lang: lang.JA}
	dl := "~/Downloads"
	var out strings.Builder
	p := NewPrompter(strings.NewReader(""), &out, lang.JA)
	err := Interview(p, &o, &dl, given)
	if !errors.Is(err, ErrNoAnswer) {
		t.Fatalf("err %v; want ErrNoAnswer for the password\n%s", err, out.String())
	}
	if o.Statements != "~/statements" || dl != "~/Downloads" || len(o.To) != 1 || o.To[0] != "me@icloud.com" {
		t.Errorf("defaults not taken: %+v %q", o, dl)
	}
	if strings.Contains(out.String(), "言語") || strings.Contains(out.String(), "送信に使うサービス") {
		t.Errorf("asked what the flags answered:\n%s", out.String())
	}
}

// A custom server's questions, and a port that is not a number.
func TestInterviewCustomServer(t *testing.T) {
	given := func(f string) bool { return f == "lang" || f == "statements" || f == "downloads" }
	answers := "5\nmail.example.jp\n2\nx\n\nme@example.jp\na@example.jp, 経理 <b@example.jp>\nsecret\n"
	o := Options{}
	dl := ""
	var out strings.Builder
	if err := Interview(NewPrompter(strings.NewReader(answers), &out, lang.EN), &o, &dl, given); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if o.Provider != Custom || o.Host != "mail.example.jp" || o.TLS != "implicit" || o.Port != 465 || strings.Join(o.To, ",") != "a@example.jp,b@example.jp" {
		t.Errorf("%+v", o)
	}
	if _, err := MailSection(&o); err != nil {
		t.Errorf("the answers do not make a mail section: %v", err)
	}
}

// An answer longer than MaxAnswer is an error, not a huge allocation.
func TestAnswerLimit(t *testing.T) {
	p := NewPrompter(strings.NewReader(strings.Repeat("a", 3*MaxAnswer)+"\n"), &strings.Builder{}, lang.EN)
	if _, err := p.Ask(message.Said("q", ""), ""); err == nil {
		t.Error("no error for an answer of 12 KB")
	}
}
