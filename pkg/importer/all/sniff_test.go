package all_test

import (
	"testing"

	"github.com/cardcheck/cardcheck/pkg/textenc"
)

func sniffHead(t *testing.T, data []byte) string {
	t.Helper()
	text, err := textenc.OpenBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	return text.Head
}
