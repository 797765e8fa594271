package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/msg"
)

// A release stamps these at link time (see .goreleaser.yaml):
//
//	go build -ldflags "-X github.com/parplan/parplan/internal/cli.version=v1.2.3
//	  -X github.com/parplan/parplan/internal/cli.commit=<sha>
//	  -X github.com/parplan/parplan/internal/cli.date=2026-12-02T15:00:00Z"
//
// Otherwise they come from the build information the go command records:
// the module's version for go install …@v1.2.3, the commit, its time and
// whether the tree was modified for go build in a git checkout.
var (
	version = ""
	commit  = ""
	date    = ""
)

// build is what parplan knows of how it was built.
type build struct {
	// Version is the release or module version ("v1.2.3", a
	// pseudo-version), or "(devel)" when there is none.
	Version string `json:"version"`
	// Commit is the git commit, or "".
	Commit string `json:"commit"`
	// Date is the commit's time (or a release's build time), RFC 3339,
	// or "".
	Date string `json:"date"`
	// Modified is set when the working tree had uncommitted changes.
	Modified bool   `json:"modified"`
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

func currentBuild() build {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return buildFrom(bi, version, commit, date)
}

// buildFrom combines the link-time values (which win) with the build
// information bi (nil when the binary has none).
func buildFrom(bi *debug.BuildInfo, version, commit, date string) build {
	b := build{Version: version, Commit: commit, Date: date, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		if bi.GoVersion != "" {
			b.Go = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = b.Modified || s.Value == "true"
			}
		}
	}
	// A pseudo-version carries a +dirty mark for a modified tree.
	if strings.HasSuffix(b.Version, "+dirty") {
		b.Modified = true
	}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	return b
}

// short is the commit's first 12 characters.
func (b build) short() string {
	if len(b.Commit) > 12 {
		return b.Commit[:12]
	}
	return b.Commit
}

// oneLine is --version's line: "parplan v1.2.3 (commit 0123456789ab,
// 2026-12-02T15:00:00Z)".
func (b build) oneLine(p *msg.Printer) string {
	switch {
	case b.Commit == "":
		return p.T("version.line-bare", "Version", b.Version)
	case b.Modified:
		return p.T("version.line-modified", "Version", b.Version, "Commit", b.short(), "Date", b.Date)
	}
	return p.T("version.line", "Version", b.Version, "Commit", b.short(), "Date", b.Date)
}

type versionOptions struct {
	IO     *IO
	Format string
}

func newVersionCmd(ios *IO) *cobra.Command {
	opts := &versionOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use:  "version",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runVersion(opts) },
	}, "version")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", flagUsage(p, "version", "format"))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runVersion(opts *versionOptions) error {
	b := currentBuild()
	p := opts.IO.P
	switch opts.Format {
	case "json":
		return writeJSON(opts.IO.Out, b)
	case "text":
	default:
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", []string{"text", "json"})
	}
	commit, date := b.Commit, b.Date
	if commit == "" {
		commit = p.T("version.unknown-commit")
	} else if b.Modified {
		commit = p.T("version.modified", "Commit", commit)
	}
	if date == "" {
		date = p.T("version.unknown")
	}
	_, err := fmt.Fprintln(opts.IO.Out, p.T("version.long", "Version", b.Version, "Commit", commit, "Date", date, "Go", b.Go, "Platform", b.Platform))
	if err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}
