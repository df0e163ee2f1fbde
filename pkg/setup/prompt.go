package setup

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strconv"
	"strings"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// MaxAnswer is the longest answer a prompt reads, in bytes: longer than any
// folder, address or password people type.
const MaxAnswer = 4096

// ErrNoAnswer is returned when the input ends before a question that has no
// default is answered.
var ErrNoAnswer = errors.New("no answer: the input ended")

// Prompter asks init's questions over a command's streams: the question and
// its default on one line, the answer read as one line. An empty answer, or
// the end of the input, takes the default, so a script can feed some answers
// and leave the rest to their defaults.
type Prompter struct {
	in  *bufio.Reader
	out io.Writer
	// Lang is the language the questions are asked in.
	Lang lang.Lang
	// ReadSecret reads a password without showing it, when the input is a
	// terminal; nil (or errors.ErrUnsupported from it) reads a plain line.
	ReadSecret func() (string, error)
}

// NewPrompter returns a prompter reading answers from in and asking on out.
func NewPrompter(in io.Reader, out io.Writer, l lang.Lang) *Prompter {
	return &Prompter{in: bufio.NewReaderSize(in, MaxAnswer), out: out, Lang: l}
}

// say writes m on a line of its own.
func (p *Prompter) say(m message.Message) {
	fmt.Fprintln(p.out, message.Render(p.Lang, m))
}

// line reads one answer; ok is false at the end of the input.
func (p *Prompter) line() (string, bool, error) {
	var b []byte
	for {
		chunk, isPrefix, err := p.in.ReadLine()
		if err == io.EOF && len(b) == 0 {
			return "", false, nil
		}
		if err != nil && err != io.EOF {
			return "", false, err
		}
		b = append(b, chunk...)
		if len(b) > MaxAnswer {
			return "", false, answerError(message.New("setup.answer.long", message.Args{"max": message.Count(MaxAnswer)}))
		}
		if !isPrefix || err == io.EOF {
			return strings.TrimSpace(string(b)), true, nil
		}
	}
}

// Ask asks q and returns the answer, def when the answer is empty or the
// input has ended; ErrNoAnswer when it has ended and there is no default.
func (p *Prompter) Ask(q message.Message, def string) (string, error) {
	prompt := message.Render(p.Lang, q)
	if def != "" {
		prompt += " [" + def + "]"
	}
	fmt.Fprint(p.out, prompt+": ")
	s, ok, err := p.line()
	if err != nil {
		return "", err
	}
	if !ok {
		fmt.Fprintln(p.out)
		if def == "" {
			return "", ErrNoAnswer
		}
	}
	if s == "" {
		return def, nil
	}
	return s, nil
}

// Secret asks q for a password, without showing it when ReadSecret can. A
// zero q asks nothing: the password is the next line (--password-stdin).
func (p *Prompter) Secret(q message.Message) (string, error) {
	if !q.IsZero() {
		fmt.Fprint(p.out, message.Render(p.Lang, q)+": ")
	}
	if p.ReadSecret != nil {
		s, err := p.ReadSecret()
		if !errors.Is(err, errors.ErrUnsupported) {
			fmt.Fprintln(p.out)
			return s, err
		}
	}
	// A password keeps its spaces (Google shows app passwords as four
	// groups of four): only the line break is taken off.
	s, ok, err := p.line()
	if err != nil {
		return "", err
	}
	if !ok || s == "" {
		return "", ErrNoAnswer
	}
	return s, nil
}

// Choice is one of the answers to a question with a fixed set of them.
type Choice struct {
	ID   string
	Name string
}

// Choose asks q, listing the choices numbered, and returns the ID of the one
// picked by number or by ID; an answer that is neither is asked again, at
// most three times.
func (p *Prompter) Choose(q message.Message, choices []Choice, def string) (string, error) {
	for i, c := range choices {
		fmt.Fprintf(p.out, "  %d) %s\n", i+1, c.Name)
	}
	for try := 0; try < 3; try++ {
		s, err := p.Ask(q, def)
		if err != nil {
			return "", err
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(choices) {
			return choices[n-1].ID, nil
		}
		for _, c := range choices {
			if strings.EqualFold(s, c.ID) {
				return c.ID, nil
			}
		}
		p.say(message.New("init.choose-again", message.Args{"last": message.Count(len(choices))}))
	}
	return "", ErrNoAnswer
}

// Answered says which of init's answers the command line gave (by flag
// name), so that Interview does not ask them again.
type Answered func(flag string) bool

// Interview asks for every answer of o that the command line did not give,
// in the order people think of them: language, where statements go, then
// mail (provider, server for a custom one, addresses, password). downloads
// is the folder statements are downloaded to, for the schedule init prints.
// Addresses are checked as they are given and asked again when they are not
// addresses.
func Interview(p *Prompter, o *Options, downloads *string, given Answered) error {
	text := func(key string) message.Message { return message.New(key, nil) }
	if !given("lang") {
		l, err := p.Choose(text("init.q.lang"), []Choice{{"ja", "日本語 (ja)"}, {"en", "English (en)"}}, string(p.Lang))
		if err != nil {
			return err
		}
		o.Lang = lang.Lang(l)
		p.Lang = o.Lang
	}
	if !given("statements") {
		s, err := p.Ask(text("init.q.statements"), o.Statements)
		if err != nil {
			return err
		}
		o.Statements = s
	}
	if !given("downloads") {
		s, err := p.Ask(text("init.q.downloads"), *downloads)
		if err != nil {
			return err
		}
		*downloads = s
	}
	var preset Provider
	if !given("provider") && !given("host") {
		choices := []Choice{}
		for _, pr := range Providers() {
			choices = append(choices, Choice{pr.ID, pr.Name})
		}
		choices = append(choices, Choice{Custom, message.Render(p.Lang, text("init.custom"))})
		for {
			id, err := p.Choose(text("init.q.provider"), choices, "")
			if err != nil {
				return err
			}
			o.Provider = id
			if id == Custom {
				break
			}
			preset, _ = LookupProvider(id)
			if preset.Unsupported == "" {
				break
			}
			p.say(message.Said(preset.Unsupported, preset.UnsupportedJA))
		}
	} else if o.Provider != "" && o.Provider != Custom {
		preset, _ = LookupProvider(o.Provider)
	}
	if o.Provider == Custom || given("host") {
		if err := p.server(o, given); err != nil {
			return err
		}
	}
	if !given("from") {
		s, err := p.address(text("init.q.from"), "")
		if err != nil {
			return err
		}
		o.From = s
	}
	if !given("to") {
		def := ""
		if a, err := mail.ParseAddress(o.From); err == nil {
			def = a.Address
		}
		s, err := p.address(text("init.q.to"), def)
		if err != nil {
			return err
		}
		o.To = addresses(s)
	}
	if !given("password") && o.PasswordEnv == "" && o.PasswordFile == "" {
		if preset.PasswordPage != "" {
			p.say(message.New("init.password-hint", message.Args{
				"hint": message.Nested(message.Said(preset.PasswordHint, preset.PasswordJA)),
				"page": message.Text(preset.PasswordPage)}))
		}
		s, err := p.Secret(text("init.q.password"))
		if err != nil {
			return err
		}
		o.Password = s
	}
	return nil
}

// server asks a custom server's host, port and TLS mode.
func (p *Prompter) server(o *Options, given Answered) error {
	text := func(key string) message.Message { return message.New(key, nil) }
	if !given("host") {
		s, err := p.Ask(text("init.q.host"), "")
		if err != nil {
			return err
		}
		o.Host = s
	}
	if !given("tls") {
		s, err := p.Choose(text("init.q.tls"), []Choice{
			{"starttls", message.Render(p.Lang, text("init.tls.starttls"))},
			{"implicit", message.Render(p.Lang, text("init.tls.implicit"))},
			{"none", message.Render(p.Lang, text("init.tls.none"))}}, "starttls")
		if err != nil {
			return err
		}
		o.TLS = s
	}
	if !given("port") {
		def := map[string]string{"starttls": "587", "implicit": "465", "none": "25"}[o.TLS]
		for try := 0; ; try++ {
			s, err := p.Ask(text("init.q.port"), def)
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(s)
			if err == nil && n > 0 && n <= 65535 {
				o.Port = n
				break
			}
			if try == 2 {
				return ErrNoAnswer
			}
			p.say(message.New("setup.port.bad", message.Args{"port": message.Text(strconv.Quote(s))}))
		}
	}
	return nil
}

// address asks for one or more addresses until they read as addresses (at
// most three times).
func (p *Prompter) address(q message.Message, def string) (string, error) {
	for try := 0; ; try++ {
		s, err := p.Ask(q, def)
		if err != nil {
			return "", err
		}
		if _, err := mail.ParseAddressList(s); err == nil && s != "" {
			return s, nil
		}
		if try == 2 {
			return "", ErrNoAnswer
		}
		p.say(message.New("init.not-an-address", message.Args{"answer": message.Text(strconv.Quote(s))}))
	}
}

// addresses returns the addresses of a list people typed ("a@b.c,
// 経理 <d@e.f>"), as plain addresses; a display name may hold a comma.
func addresses(s string) []string {
	list, err := mail.ParseAddressList(s)
	if err != nil {
		return []string{s} // Write says what is wrong with it
	}
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Address
	}
	return out
}
