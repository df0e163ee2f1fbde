package version

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// buildInfo parses text in the form `go version -m` prints (| for the tabs
// between fields), as the toolchain records it in a binary. ParseBuildInfo
// leaves the toolchain's version out, so the "go" line is read here.
func buildInfo(t *testing.T, text string) *debug.BuildInfo {
	t.Helper()
	text = strings.ReplaceAll(text, "|", "\t")
	bi, err := debug.ParseBuildInfo(text)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(text, "\n")
	bi.GoVersion, _ = strings.CutPrefix(first, "go\t")
	return bi
}

func TestFromBuildInfo(t *testing.T) {
	tests := []struct {
		name, text string
		want       Info
		line       string
	}{
		{
			name: "a release: go build of a tagged commit",
			text: `go|go1.26.0
path|github.com/cardcheck/cardcheck/cmd/cardcheck
mod|github.com/cardcheck/cardcheck|v1.2.0|
build|GOARCH=arm64
build|GOOS=darwin
build|vcs=git
build|vcs.revision=715f795a08828433414bf6591f8e8c6ab89a0201
build|vcs.time=2026-12-01T04:51:07Z
build|vcs.modified=false
`,
			want: Info{Version: "v1.2.0", Revision: "715f795a08828433414bf6591f8e8c6ab89a0201",
				Time: time.Date(2026, 12, 1, 4, 51, 7, 0, time.UTC), Go: "go1.26.0", Platform: "darwin/arm64"},
			line: "v1.2.0 (commit 715f795a0882, 2026-12-01, go1.26.0 darwin/arm64)",
		},
		{
			name: "a clone with changes between tags",
			text: `go|go1.26.8
path|github.com/cardcheck/cardcheck/cmd/cardcheck
mod|github.com/cardcheck/cardcheck|v0.0.0-20261201045107-715f795a0882+dirty|
build|GOARCH=amd64
build|GOOS=linux
build|vcs=git
build|vcs.revision=715f795a08828433414bf6591f8e8c6ab89a0201
build|vcs.time=2026-12-01T04:51:07Z
build|vcs.modified=true
`,
			want: Info{Version: "v0.0.0-20261201045107-715f795a0882+dirty", Revision: "715f795a08828433414bf6591f8e8c6ab89a0201",
				Time: time.Date(2026, 12, 1, 4, 51, 7, 0, time.UTC), Modified: true, Go: "go1.26.8", Platform: "linux/amd64"},
			line: "v0.0.0-20261201045107-715f795a0882+dirty (commit 715f795a0882, 2026-12-01, modified, go1.26.8 linux/amd64)",
		},
		{
			name: "built without version control information (-buildvcs=false, a tarball)",
			text: `go|go1.26.8
path|github.com/cardcheck/cardcheck/cmd/cardcheck
mod|github.com/cardcheck/cardcheck|(devel)|
build|GOARCH=amd64
build|GOOS=windows
`,
			want: Info{Version: "(devel)", Go: "go1.26.8", Platform: "windows/amd64"},
			line: "(devel) (go1.26.8 windows/amd64)",
		},
		{
			name: "a commit time that does not parse is left out, not guessed",
			text: `go|go1.26.8
path|github.com/cardcheck/cardcheck/cmd/cardcheck
mod|github.com/cardcheck/cardcheck|(devel)|
build|vcs.revision=abc
build|vcs.time=yesterday
`,
			want: Info{Version: "(devel)", Revision: "abc", Go: "go1.26.8"},
			line: "(devel) (commit abc, go1.26.8)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromBuildInfo(buildInfo(t, tt.text))
			if got != tt.want {
				t.Errorf("FromBuildInfo:\n got %+v\nwant %+v", got, tt.want)
			}
			if s := got.String(); s != tt.line {
				t.Errorf("String:\n got %q\nwant %q", s, tt.line)
			}
		})
	}
}

// The running test binary has build information too: Read must find the
// toolchain and platform in it.
func TestReadOwnBinary(t *testing.T) {
	info := Read()
	if !strings.HasPrefix(info.Go, "go1.") || !strings.Contains(info.Platform, "/") {
		t.Errorf("Read() = %+v: want the toolchain and GOOS/GOARCH of this test binary", info)
	}
}
