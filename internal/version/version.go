// Package version says which cardcheck this is, from what the Go toolchain
// records in every binary (runtime/debug.ReadBuildInfo): the module version
// (a release tag such as v1.2.0, or a pseudo-version for a build between
// tags), the commit and its time, and whether the working tree had changes.
//
// Nothing is stamped by hand: `go install`, `go build` in a clone and the
// release build (.goreleaser.yaml) all get the same fields from the toolchain,
// so the version cannot disagree with the code it describes.
package version

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"
)

// Info is what a binary knows about its own build.
type Info struct {
	// Version is the main module's version: "v1.2.0" for a build of a tag,
	// a pseudo-version ("v0.0.0-20261201044700-715f795a1b2c") between tags,
	// with "+dirty" when the tree had changes; "(devel)" when the toolchain
	// had no version control information.
	Version string
	// Revision is the commit ("" when unknown); Time its commit time.
	Revision string
	Time     time.Time
	// Modified is true when the working tree had uncommitted changes.
	Modified bool
	// Go is the toolchain that built the binary ("go1.26.0"); Platform is
	// GOOS/GOARCH.
	Go, Platform string
}

// Read returns the running binary's build information. A binary built
// without module support (which Go 1.26 does not do) gives "(unknown)".
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: "(unknown)"}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo reads the fields of bi.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	info := Info{Version: bi.Main.Version, Go: bi.GoVersion}
	var goos, goarch string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.time":
			// RFC 3339, as the toolchain writes it; a value that does not
			// parse leaves the time unknown rather than wrong.
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				info.Time = t.UTC()
			}
		case "vcs.modified":
			info.Modified = s.Value == "true"
		case "GOOS":
			goos = s.Value
		case "GOARCH":
			goarch = s.Value
		}
	}
	if info.Version == "" {
		info.Version = "(devel)"
	}
	if goos != "" && goarch != "" {
		info.Platform = goos + "/" + goarch
	}
	return info
}

// String is the line `cardcheck --version` prints after the program's name:
//
//	v1.2.0 (commit 715f795a1b2c, 2026-12-01, go1.26.0 linux/amd64)
//	v0.0.0-20261201044700-715f795a1b2c+dirty (commit 715f795a1b2c, 2026-12-01, modified, go1.26.0 linux/amd64)
func (i Info) String() string {
	var details []string
	if i.Revision != "" {
		details = append(details, "commit "+short(i.Revision))
	}
	if !i.Time.IsZero() {
		details = append(details, i.Time.Format(time.DateOnly))
	}
	if i.Modified {
		details = append(details, "modified")
	}
	if build := strings.TrimSpace(i.Go + " " + i.Platform); build != "" {
		details = append(details, build)
	}
	if len(details) == 0 {
		return i.Version
	}
	return fmt.Sprintf("%s (%s)", i.Version, strings.Join(details, ", "))
}

// short is the first 12 hex digits of a commit, as git and the Go
// toolchain's pseudo-versions show it.
func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
