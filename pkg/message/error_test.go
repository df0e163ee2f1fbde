package message

import (
	"errors"
	"fmt"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/lang"
)

// quiet wraps an error without quoting it: its own words only.
type quiet struct{ err error }

func (q quiet) Error() string { return "could not" }
func (q quiet) Unwrap() error { return q.err }

// TestErrorIn: an error that says itself in a language is said in the
// user's; what a wrapper said around it stays, and every error joined is
// said, none dropped.
func TestErrorIn(t *testing.T) {
	missing := NewError("file.missing", nil, nil)
	denied := NewError("file.denied", nil, nil)
	locked := errors.New("state: locked")
	for _, tt := range []struct {
		err  error
		want string
	}{
		{missing, "ファイルがありません"},
		{locked, "state: locked"},
		{fmt.Errorf("--imap: %w", missing), "--imap: ファイルがありません"},
		{fmt.Errorf("%w (and more)", missing), "ファイルがありません (and more)"},
		{fmt.Errorf("mail: %w", fmt.Errorf("--imap: %w", missing)), "mail: --imap: ファイルがありません"},
		{errors.Join(missing, locked), "ファイルがありません\nstate: locked"},
		{errors.Join(locked, missing, denied), "state: locked\nファイルがありません\nアクセスする権限がありません"},
		{fmt.Errorf("run: %w", errors.Join(missing, denied)), "run: ファイルがありません\nアクセスする権限がありません"},
		{fmt.Errorf("%w, then %w", denied, missing), "アクセスする権限がありません, then ファイルがありません"},
		{quiet{missing}, "ファイルがありません"}, // its words lost, the cause still said
		{quiet{locked}, "could not"},
	} {
		if got := ErrorIn(lang.JA, tt.err); got != tt.want {
			t.Errorf("ErrorIn(JA, %q) = %q, want %q", tt.err, got, tt.want)
		}
		if _, q := tt.err.(quiet); q {
			continue
		}
		if got := ErrorIn(lang.EN, tt.err); got != tt.err.Error() {
			t.Errorf("ErrorIn(EN, %q) = %q, want its Error()", tt.err, got)
		}
	}
}
