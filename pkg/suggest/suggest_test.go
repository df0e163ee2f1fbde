package suggest

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"cards", "payees", "formats", "mail", "rules", "patterns", "amount", "cadence"}
	for _, tt := range []struct {
		word, want string
		ok         bool
	}{
		{"patern", "patterns", true}, {"payes", "payees", true}, {"paeyes", "payees", true}, {"Mail", "mail", true},
		{"cadense", "cadence", true}, {"ruls", "rules", true}, {"colour", "", false}, {"x", "", false}, {"mail", "", false},
	} {
		got, ok := Nearest(tt.word, keys)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("Nearest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}
