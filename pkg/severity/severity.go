// Package severity ranks what cardcheck finds: info, warning, alert. It is a
// leaf so that the rules, the message catalogue, the state and the reports
// share one type without importing each other.
package severity

import (
	"fmt"
	"strings"
)

// Severity ranks findings, lowest first.
type Severity int

// The severities.
const (
	Info Severity = iota
	Warning
	Alert
)

var names = []string{"info", "warning", "alert"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(names) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return names[s]
}

// Parse reads "info", "warning" or "alert", in any case.
func Parse(s string) (Severity, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("severity %q: want info, warning or alert", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	*s = v
	return err
}
