// Package auth decides whether a mail comes from the card company it claims
// to: its From address must be in one of the issuer's registrable domains
// (compared with the public suffix list, never by substring or suffix), and
// the mail must carry either a DKIM signature that verifies for that domain
// or an Authentication-Results header, added by the user's own mail server,
// that says so.
//
// Phishers pass SPF and DKIM for their own domains every day (see
// notifications.md §4), so authentication alone proves nothing: the domain
// it proves must be the issuer's.
package auth

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"strings"
	"time"

	"github.com/emersion/go-msgauth/authres"
	"github.com/emersion/go-msgauth/dkim"
	"golang.org/x/net/publicsuffix"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

// Verifier checks mails. The zero value verifies DKIM with DNS and trusts no
// Authentication-Results header.
type Verifier struct {
	// LookupTXT returns the TXT records of a DNS name; nil uses the system
	// resolver with a timeout. Tests and the offline demo give their own.
	LookupTXT func(name string) ([]string, error)
	// AuthservIDs are the authserv-ids of the user's own receiving servers
	// (e.g. "mx.google.com"): an Authentication-Results header from one of
	// them, at the top of the message, is believed.
	AuthservIDs []string
}

// Verdict is what checking one mail found.
type Verdict struct {
	// Authentic is true when the mail is the issuer's; By says how it was
	// shown ("dkim d=vpass.ne.jp", "Authentication-Results mx.example.jp").
	Authentic bool
	By        string
	// Why says why the mail is not the issuer's (Authentic false), or
	// could not be checked (Unverified), as facts for the user's language.
	Why message.Message
	// Unverified is true when the mail could not be checked: its DKIM key
	// could not be had (a DNS failure, or a key withdrawn since it was
	// sent). Such a mail is neither a charge nor shown to be an imitation.
	// Temporary says the failure was DNS's, and a later check may pass.
	Unverified, Temporary bool
}

// Reason is [Verdict.Why] in English: for errors and logs.
func (v Verdict) Reason() string {
	if v.Why.IsZero() {
		return ""
	}
	return message.Render(lang.EN, v.Why)
}

// why is a verdict against the mail: key, a notice.why.* entry, with args.
func why(key string, args message.Args) Verdict {
	return Verdict{Why: message.New("notice.why."+key, args)}
}

// Domain returns the registrable domain (eTLD+1) of an address or domain,
// lower-cased, or "" when it has none.
func Domain(addrOrDomain string) string {
	d := addrOrDomain
	if at := strings.LastIndexByte(d, '@'); at >= 0 {
		d = d[at+1:]
	}
	d = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
	if d == "" || strings.ContainsAny(d, " \t\r\n@\"<>") {
		return ""
	}
	r, err := publicsuffix.EffectiveTLDPlusOne(d)
	if err != nil {
		return ""
	}
	return r
}

// Check decides whether raw comes from an issuer that sends from domains
// (registrable domains, e.g. "vpass.ne.jp").
func (v *Verifier) Check(raw []byte, domains []string) Verdict {
	fields, err := headerFields(raw)
	if err != nil {
		return why("header", message.Args{"detail": message.Text(err.Error())})
	}
	var froms []string
	for _, f := range fields {
		if strings.EqualFold(f.key, "From") {
			froms = append(froms, f.value)
		}
	}
	if len(froms) != 1 {
		return why("from-count", message.Args{"n": message.Count(len(froms))})
	}
	// Only the address is compared; the display name is not decoded.
	undecoded := &mime.WordDecoder{CharsetReader: func(_ string, r io.Reader) (io.Reader, error) { return r, nil }}
	addrs, err := (&mail.AddressParser{WordDecoder: undecoded}).ParseList(froms[0])
	if err != nil || len(addrs) != 1 {
		return why("from-address", message.Args{"from": message.Text(froms[0])})
	}
	from := addrs[0].Address
	fromDomain := Domain(from)
	if !contains(domains, fromDomain) {
		return why("domain", message.Args{"from": message.Text(from), "domains": message.Or(domains...)})
	}
	if by, ok := v.fromAuthResults(fields, fromDomain); ok {
		return Verdict{Authentic: true, By: by}
	}
	if partialSignature(fields, fromDomain) {
		return why("partial-dkim", message.Args{"domain": message.Text(fromDomain)})
	}
	return v.dkim(raw, from, fromDomain)
}

// partialSignature reports a DKIM-Signature of domain with a body length
// (l=): it verifies even when lines, charges included, are appended.
func partialSignature(fields []field, domain string) bool {
	for _, f := range fields {
		if !strings.EqualFold(f.key, "DKIM-Signature") {
			continue
		}
		var d string
		partial := false
		for _, tag := range strings.Split(f.value, ";") {
			k, val, _ := strings.Cut(strings.TrimSpace(tag), "=")
			switch strings.TrimSpace(k) {
			case "d":
				d = strings.TrimSpace(val)
			case "l":
				partial = true
			}
		}
		if partial && Domain(d) == domain {
			return true
		}
	}
	return false
}

func (v *Verifier) dkim(raw []byte, from, domain string) Verdict {
	lookup := v.LookupTXT
	if lookup == nil {
		lookup = lookupTXT
	}
	verifs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{LookupTXT: lookup, MaxVerifications: 5})
	if err != nil && !errors.Is(err, dkim.ErrTooManySignatures) {
		return why("dkim-unreadable", message.Args{"detail": message.Text(err.Error())})
	}
	var failed []message.Message
	var unverified message.Message
	temporary := false
	for _, vf := range verifs {
		if Domain(vf.Domain) != domain {
			continue
		}
		if vf.Err == nil {
			return Verdict{Authentic: true, By: "dkim d=" + vf.Domain}
		}
		switch {
		case dkim.IsTempFail(vf.Err):
			unverified = message.New("notice.why.key-unavailable", message.Args{"domain": message.Text(vf.Domain), "detail": message.Text(vf.Err.Error())})
			temporary = true
		case isNoKey(vf.Err):
			temporary = false
			unverified = message.New("notice.why.no-key", message.Args{"domain": message.Text(vf.Domain)})
		default:
			failed = append(failed, message.New("notice.why.dkim-fails", message.Args{"domain": message.Text(vf.Domain), "detail": message.Text(vf.Err.Error())}))
		}
	}
	switch {
	case len(failed) > 0:
		return Verdict{Why: message.Each(failed...)}
	case !unverified.IsZero():
		return Verdict{Unverified: true, Temporary: temporary, Why: unverified}
	}
	return why("no-dkim", message.Args{"from": message.Text(from), "domain": message.Text(domain)})
}

// isNoKey reports a DKIM key record that is not there. go-msgauth reports it
// as a permanent failure; it is told apart here because keys are rotated:
// an old genuine mail cannot be verified any more, which is not forgery.
func isNoKey(err error) bool {
	return dkim.IsPermFail(err) && strings.Contains(err.Error(), "no key for signature")
}

// fromAuthResults looks for the user's server's verdict: the topmost run of
// Authentication-Results headers (no other header between them), each from
// a trusted authserv-id. Headers further down could have been written by
// anybody, the sender included, so they never count.
func (v *Verifier) fromAuthResults(fields []field, domain string) (string, bool) {
	if len(v.AuthservIDs) == 0 {
		return "", false
	}
	first := -1
	for i, f := range fields {
		if strings.EqualFold(f.key, "Authentication-Results") {
			first = i
			break
		}
	}
	if first < 0 {
		return "", false
	}
	for _, f := range fields[first:] {
		if !strings.EqualFold(f.key, "Authentication-Results") {
			break
		}
		id, results, err := authres.Parse(f.value)
		if err != nil || !containsFold(v.AuthservIDs, id) {
			break
		}
		for _, r := range results {
			switch r := r.(type) {
			case *authres.DKIMResult:
				d := r.Domain
				if d == "" {
					d = r.Identifier
				}
				if r.Value == authres.ResultPass && Domain(d) == domain {
					return "Authentication-Results " + id + " (dkim)", true
				}
			case *authres.DMARCResult:
				if r.Value == authres.ResultPass && Domain(r.From) == domain {
					return "Authentication-Results " + id + " (dmarc)", true
				}
			}
		}
	}
	return "", false
}

type field struct{ key, value string }

// headerFields returns the header fields of raw in order, unfolded. The
// order matters: only the topmost Authentication-Results are the user's.
func headerFields(raw []byte) ([]field, error) {
	var out []field
	rest := raw
	for len(rest) > 0 {
		i := bytes.IndexByte(rest, '\n')
		var line []byte
		if i < 0 {
			line, rest = rest, nil
		} else {
			line, rest = rest[:i], rest[i+1:]
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			return out, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(out) == 0 {
				return nil, errors.New("the first header line is a continuation")
			}
			out[len(out)-1].value += " " + strings.TrimSpace(string(line))
			continue
		}
		k, val, ok := bytes.Cut(line, []byte(":"))
		if !ok || len(k) == 0 || bytes.ContainsAny(k, " \t") {
			if len(out) == 0 && bytes.HasPrefix(line, []byte("From ")) {
				continue // an mbox separator left on the message
			}
			return nil, fmt.Errorf("line %q is not a header field", truncate(string(line), 40))
		}
		out = append(out, field{string(k), strings.TrimSpace(string(val))})
	}
	return out, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

// lookupTXT is the DNS lookup used when none is given: the system resolver,
// bounded in time so that a dead resolver delays a notice, not the watch.
func lookupTXT(name string) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return net.DefaultResolver.LookupTXT(ctx, name)
}

// Pinned returns a TXT lookup that answers the names in records (DKIM key
// records, "selector._domainkey.example.jp" -> "v=DKIM1; k=ed25519; p=…")
// itself and asks next for every other name. The offline demo pins its key
// this way; a pinned key makes every mail signed with it authentic, so only
// a key whose private half nobody else has may be pinned.
func Pinned(records map[string]string, next func(string) ([]string, error)) func(string) ([]string, error) {
	if next == nil {
		next = lookupTXT
	}
	return func(name string) ([]string, error) {
		if r, ok := records[strings.ToLower(strings.TrimSuffix(name, "."))]; ok {
			return []string{r}, nil
		}
		return next(name)
	}
}

// ParseKeys reads pinned DKIM key records written as zone-file lines, one a
// line ('cardcheck-demo._domainkey.vpass.ne.jp. IN TXT "v=DKIM1; k=…"'),
// for [Pinned]. Blank lines and lines starting with ';' or '#' are comments.
// A TXT value split into several quoted strings is joined, as DNS does.
// The error, a *message.Error, names the first line that is not a record.
func ParseKeys(data []byte) (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == ';' || line[0] == '#' {
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		rest, okIN := strings.CutPrefix(rest, "IN")
		rest, okTXT := strings.CutPrefix(strings.TrimSpace(rest), "TXT")
		rest = strings.TrimSpace(rest)
		var value strings.Builder
		for rest != "" && okIN && okTXT {
			if rest[0] != '"' {
				break
			}
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				break
			}
			value.WriteString(rest[1 : end+1])
			rest = strings.TrimSpace(rest[end+2:])
		}
		name = strings.ToLower(strings.TrimSuffix(name, "."))
		if !okIN || !okTXT || rest != "" || value.Len() == 0 || !strings.Contains(name, "._domainkey.") ||
			!strings.HasPrefix(value.String(), "v=DKIM1") {
			return nil, message.NewError("dkim.record", message.Args{"line": message.Count(i + 1)}, nil)
		}
		out[name] = value.String()
	}
	return out, nil
}
