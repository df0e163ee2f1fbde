// Package noticetest signs test mails with DKIM keys of its own and serves
// their public halves to a verifier, so that tests exercise the real DKIM
// check without DNS: a mail signed here for vpass.ne.jp verifies exactly as
// one signed by SMBC would, against this package's key record.
package noticetest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/cardcheck/cardcheck/pkg/notice/auth"
)

// Selector is the DKIM selector the keys are published under.
const Selector = "cardcheck-test"

// Keys holds one Ed25519 key per signing domain, made on first use.
type Keys struct {
	mu   sync.Mutex
	keys map[string]ed25519.PrivateKey
}

func (k *Keys) key(domain string) ed25519.PrivateKey {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.keys == nil {
		k.keys = map[string]ed25519.PrivateKey{}
	}
	if p, ok := k.keys[domain]; ok {
		return p
	}
	_, p, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		panic(err)
	}
	k.keys[domain] = p
	return p
}

// Record returns the DKIM key record ("v=DKIM1; k=ed25519; p=…") of domain.
func (k *Keys) Record(domain string) string {
	pub := k.key(domain).Public().(ed25519.PublicKey)
	return "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)
}

// Sign returns raw with a DKIM-Signature of domain prepended.
func (k *Keys) Sign(t testing.TB, raw []byte, domain string) []byte {
	t.Helper()
	out, err := k.TrySign(raw, domain)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TrySign is Sign for input that may not be a mail at all (fuzzing): it
// returns the signer's error.
func (k *Keys) TrySign(raw []byte, domain string) ([]byte, error) {
	var out bytes.Buffer
	err := dkim.Sign(&out, bytes.NewReader(raw), &dkim.SignOptions{
		Domain: domain, Selector: Selector, Signer: k.key(domain),
		HeaderCanonicalization: dkim.CanonicalizationRelaxed, BodyCanonicalization: dkim.CanonicalizationRelaxed,
		HeaderKeys: []string{"From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"},
	})
	if err != nil {
		return nil, fmt.Errorf("dkim sign for %s: %w", domain, err)
	}
	return out.Bytes(), nil
}

// Lookup answers DNS TXT queries for the keys made so far; any other name
// is not found, as DNS would say.
func (k *Keys) Lookup(name string) ([]string, error) {
	domain, ok := strings.CutPrefix(strings.TrimSuffix(name, "."), Selector+"._domainkey.")
	if ok {
		k.mu.Lock()
		_, ok = k.keys[domain]
		k.mu.Unlock()
	}
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	return []string{k.Record(domain)}, nil
}

// Verifier returns a verifier that trusts these keys only.
func (k *Keys) Verifier() *auth.Verifier { return &auth.Verifier{LookupTXT: k.Lookup} }

// ReadSigned reads a fixture and signs it for the registrable domain of its
// From address.
func (k *Keys) ReadSigned(t testing.TB, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return k.Sign(t, raw, FromDomain(t, raw))
}

// FromDomain returns the registrable domain of raw's From address.
func FromDomain(t testing.TB, raw []byte) string {
	t.Helper()
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "From: "); ok {
			v = strings.TrimSpace(v)
			if i := strings.LastIndexByte(v, '<'); i >= 0 {
				v = strings.TrimSuffix(v[i+1:], ">")
			}
			if d := auth.Domain(v); d != "" {
				return d
			}
			// An address whose domain is not registrable (example.test)
			// signs for the domain as written.
			return v[strings.LastIndexByte(v, '@')+1:]
		}
	}
	t.Fatal("no From header")
	return ""
}

// Fixtures returns the notice fixtures under the module's
// testdata/notices/dir, sorted.
func Fixtures(t testing.TB, dir string) []string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "testdata", "notices", dir, "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/notices/%s: %v", dir, err)
	}
	return files
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test")
		}
		dir = parent
	}
}
