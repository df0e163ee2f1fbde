package textenc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

func sjis(s string) []byte {
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want Encoding
		text string
	}{
		{"bom", append([]byte{0xEF, 0xBB, 0xBF}, "利用日,店\r\n"...), UTF8BOM, "利用日,店\r\n"},
		{"utf8", []byte("利用日,店\n"), UTF8, "利用日,店\n"},
		{"ascii", []byte("a,b\n"), UTF8, "a,b\n"},
		{"cp932", sjis("ヤマダ　様,①㈱～\r\n"), CP932, "ヤマダ　様,①㈱～\r\n"},
		{"halfwidth kana", sjis("ﾌｧﾐﾘｰﾏｰﾄ\n"), CP932, "ﾌｧﾐﾘｰﾏｰﾄ\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := OpenBytes(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if text.Encoding != tt.want {
				t.Errorf("encoding %s, want %s", text.Encoding, tt.want)
			}
			r, err := text.Reader()
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(r)
			if string(got) != tt.text || text.Head != tt.text {
				t.Errorf("text %q head %q, want %q", got, text.Head, tt.text)
			}
		})
	}
}

// TestUTF8AcrossChunks checks that a multi-byte character split across the
// validator's read chunks is still valid UTF-8.
func TestUTF8AcrossChunks(t *testing.T) {
	for pad := 0; pad < 4; pad++ {
		s := strings.Repeat("a", 64<<10-1-pad) + strings.Repeat("日本\n", 10)
		text, err := OpenBytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		if text.Encoding != UTF8 || text.Lines() != 10 {
			t.Errorf("pad %d: %s, %d lines, want UTF-8, 10", pad, text.Encoding, text.Lines())
		}
	}
}

func TestInvalid(t *testing.T) {
	// A CP932 lead byte followed by CR, and the undefined byte 0x80.
	text, err := OpenBytes(append(sjis("ヤマダ\n"), 0x82, '\r', '\n', 0x80, '\n'))
	if err != nil {
		t.Fatal(err)
	}
	if text.Encoding != CP932 {
		t.Fatalf("encoding %s", text.Encoding)
	}
	r, _ := text.Reader()
	got, _ := io.ReadAll(r)
	lines := strings.Split(string(got), "\n")
	if text.Invalid(lines[0]) || !text.Invalid(lines[1]) || !text.Invalid(lines[2]) {
		t.Errorf("Invalid on %q: %v %v %v", lines, text.Invalid(lines[0]), text.Invalid(lines[1]), text.Invalid(lines[2]))
	}
	// With a BOM, bytes that are not UTF-8 are invalid.
	bom, _ := OpenBytes([]byte("\xEF\xBB\xBFok\n\xff\n"))
	r, _ = bom.Reader()
	got, _ = io.ReadAll(r)
	lines = strings.Split(string(got), "\n")
	if bom.Invalid(lines[0]) || !bom.Invalid(lines[1]) {
		t.Errorf("BOM file: Invalid wrong on %q", lines)
	}
}

func TestRefused(t *testing.T) {
	if _, err := OpenBytes([]byte("a,b\x00c")); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL: %v", err)
	}
	// Issue 10: a NUL anywhere, not only in the first 64 KiB, and in every
	// encoding.
	line := sjis("2025/01/05,ＡＭＡＺＯＮ,3480,１,１,3480,\r\n")
	long := bytes.Repeat(line, (200<<10)/len(line))
	for name, data := range map[string][]byte{
		"CP932, NUL after 200 KiB":     append(append(append([]byte{}, long...), 0), line...),
		"UTF-8, NUL after 200 KiB":     append(bytes.Repeat([]byte("a,b\n"), 50<<10), 0, '\n'),
		"UTF-8 BOM, NUL after 200 KiB": append(append([]byte{0xEF, 0xBB, 0xBF}, bytes.Repeat([]byte("a,b\n"), 50<<10)...), 0),
		"CP932, NUL after a bad byte":  append(append([]byte("\x82\r\n"), bytes.Repeat([]byte("a,b\n"), 50<<10)...), 0),
	} {
		if _, err := OpenBytes(data); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: %v, want ErrBinary", name, err)
		}
	}
	big := bytes.Repeat([]byte("a"), MaxSize+1)
	if _, err := OpenBytes(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("large: %v", err)
	}
}

func TestSize(t *testing.T) {
	for _, data := range [][]byte{[]byte("a,b\n"), append([]byte{0xef, 0xbb, 0xbf}, "a,b\n"...), []byte("\x82\xa0,b\r\n")} {
		text, err := OpenBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		if text.Size() != int64(len(data)) {
			t.Errorf("%s: Size() = %d, want %d", text.Encoding, text.Size(), len(data))
		}
	}
}

func FuzzOpen(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBF\"a\",\"b\"\r\n"))
	f.Add(sjis("ヤマダ　様,①㈱～\r\n"))
	f.Add([]byte("a\x82\r\n\x80"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, err := OpenBytes(b)
		if err != nil {
			return
		}
		r, err := text.Reader()
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		// Decoding keeps every line break, so line numbers stay true.
		if bytes.Count(out, []byte("\n")) != bytes.Count(b, []byte("\n")) {
			t.Fatalf("%s: %d line breaks in, %d out", text.Encoding, bytes.Count(b, []byte("\n")), bytes.Count(out, []byte("\n")))
		}
		if !strings.HasPrefix(string(out), strings.TrimSuffix(text.Head, "\n")) {
			t.Fatalf("head %q is not the start of the text", text.Head)
		}
	})
}

// TestHeadIsWholeFile checks files on either side of the head's size: one
// that fits is read from its decoded head, one that does not from the file,
// and both give the whole text and its count of lines, in each encoding,
// with a bad byte at the end seen as invalid and a NUL at the end refused.
func TestHeadIsWholeFile(t *testing.T) {
	for _, enc := range []Encoding{CP932, UTF8, UTF8BOM} {
		for size := headSize - 2; size <= headSize+2; size++ {
			line := "a,b\n"
			if enc == CP932 {
				line = "ヤマダ,１\n"
			}
			text := strings.Repeat(line, size)
			data := []byte(text)
			if enc == CP932 {
				data = sjis(text)
			}
			if enc == UTF8BOM {
				data = append([]byte{0xEF, 0xBB, 0xBF}, data...)
			}
			data = data[:size]
			want := DecodeString(enc, data)
			got, err := OpenBytes(data)
			if err != nil {
				t.Fatal(err)
			}
			r, err := got.Reader()
			if err != nil {
				t.Fatal(err)
			}
			out, _ := io.ReadAll(r)
			if got.Encoding != enc || string(out) != want || got.whole != (size <= headSize) {
				t.Errorf("%s, %d bytes: read as %s (whole %v), text differs: %v", enc, size, got.Encoding, got.whole, string(out) != want)
			}
			if n := bytes.Count(data, []byte("\n")); got.Lines() != n {
				t.Errorf("%s, %d bytes: Lines() = %d, want %d", enc, size, got.Lines(), n)
			}
			if enc == CP932 {
				bad, err := OpenBytes(append(data[:size-2:size-2], '\n', 0x80))
				if err != nil {
					t.Fatal(err)
				}
				r, _ := bad.Reader()
				if out, _ := io.ReadAll(r); !bad.Invalid(string(out)) {
					t.Errorf("%s, %d bytes: a bad last byte is not seen", enc, size)
				}
			}
			if _, err := OpenBytes(append(data[:size-1:size-1], 0)); !errors.Is(err, ErrBinary) {
				t.Errorf("%s, %d bytes: a NUL at the end: %v, want ErrBinary", enc, size, err)
			}
		}
	}
}
