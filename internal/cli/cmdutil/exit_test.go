package cmdutil

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
)

func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		err     error
		code    int
		printed string
	}{
		{nil, ExitOK, ""},
		{ErrFindings, ExitFindings, ""},
		{fmt.Errorf("scan: %w", ErrSilent), ExitError, ""},
		{Verdict(true, true), ExitError, ""}, // problems win over findings
		{Verdict(false, true), ExitFindings, ""},
		{Verdict(false, false), ExitOK, ""},
		{errors.New("state: locked"), ExitError, "cardcheck: state: locked\n"},
	} {
		var b strings.Builder
		if code := ExitCode(tt.err, &b); code != tt.code || b.String() != tt.printed {
			t.Errorf("ExitCode(%v) = %d, printed %q; want %d, %q", tt.err, code, b.String(), tt.code, tt.printed)
		}
	}
}

// TestSayError: an error that says itself in a language is said in the
// user's, and what a command put before it when wrapping stays.
func TestSayError(t *testing.T) {
	missing := message.NewError("file.missing", nil, nil)
	for _, tt := range []struct {
		err  error
		want string
	}{
		{missing, "ファイルがありません"},
		{fmt.Errorf("--imap: %w", missing), "--imap: ファイルがありません"},
		{fmt.Errorf("%w (and more)", missing), "ファイルがありません"}, // no prefix to keep: the error alone
		{errors.New("state: locked"), "state: locked"},
		{errors.Join(missing, errors.New("state: locked")), "ファイルがありません\nstate: locked"}, // none dropped
	} {
		if got := SayError(lang.JA, tt.err); got != tt.want {
			t.Errorf("SayError(JA, %v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
