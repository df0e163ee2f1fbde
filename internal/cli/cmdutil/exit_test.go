package cmdutil

import (
	"errors"
	"fmt"
	"strings"
	"testing"
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
