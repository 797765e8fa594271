package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/atomicfile"
	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/progress"
	"github.com/parplan/parplan/internal/worklist"
)

// runInitProgress writes a progress report for one agency: every item it
// leads, status not-started, to fill in.
func runInitProgress(opts *initOptions) error {
	if missing := missingFlags(map[string]bool{"--agency": opts.Agency == "", "--as-of": opts.AsOf == ""}); len(missing) > 0 {
		return usageError("cli.flags-required", "Flags", missing, "Count", len(missing))
	}
	asOf, err := deadline.ParseDate(opts.AsOf)
	if err != nil {
		return usageError("cli.bad-as-of", "Value", opts.AsOf)
	}
	ios := opts.IO
	p, _, err := readPlan(ios, opts.Progress)
	if err != nil {
		return err
	}
	cat := agency.New(gap.Entries(p)...)
	wl := worklist.Build(p, worklist.Options{Agencies: cat})
	a, ok := wl.Find(opts.Agency, cat)
	if !ok {
		return usageError("cli.unknown-agency", "Value", opts.Agency, "File", displayName(opts.Progress), "Agencies", msg.Quoted(wl.Names()))
	}
	data, n, err := progressScaffold(p, a, asOf, ios, opts.Output)
	if err != nil {
		return failure("cli.internal-error", "Err", err.Error())
	}
	// The scaffold must load and check clean: anything else is a bug here.
	r, ds := plan.LoadReport(opts.Output, data)
	if r == nil || len(ds) > 0 {
		return failure("cli.internal-error", "Err", fmt.Sprint(ds))
	}
	if ds := progress.Check(p, []*plan.Report{r}); len(ds) > 0 {
		return failure("cli.internal-error", "Err", ds[0].String())
	}
	if opts.Output == "-" {
		if _, err := ios.Out.Write(data); err != nil {
			return failure("cli.write-output", "Err", err.Error())
		}
		return nil
	}
	if _, err := os.Lstat(opts.Output); err == nil {
		return usageError("cli.init-exists", "File", opts.Output)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return failure("cli.file-error", "File", opts.Output, "Err", describeOSError(err))
	}
	if err := atomicfile.WriteFile(opts.Output, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return failure("cli.file-error", "File", opts.Output, "Err", describeOSError(err))
	}
	fmt.Fprintln(ios.ErrOut, ios.P.T("cli.init-progress-wrote", "File", opts.Output, "Count", n, "Agency", a.Name))
	return nil
}

// progressScaffold writes the report as YAML after the editor's schema
// modeline, each item with its name and deadline as a comment, and the
// ones whose ref is in several appendices with their appendix.
func progressScaffold(p *plan.Plan, a *worklist.Agency, asOf deadline.Date, ios *IO, output string) ([]byte, int, error) {
	str := func(s string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: s}
		if s == "" || s != stringValue(s) {
			n.Style = yaml.DoubleQuotedStyle
		}
		return n
	}
	quoted := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s, Style: yaml.DoubleQuotedStyle}
	}
	kv := func(m *yaml.Node, k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
	x := progress.NewIndex(p)
	items := &yaml.Node{Kind: yaml.SequenceNode}
	n := 0
	for _, it := range a.Items {
		if it.Role != worklist.Lead {
			continue
		}
		n++
		e := &yaml.Node{Kind: yaml.MappingNode}
		kv(e, "ref", quoted(it.Ref))
		if _, apps, ok := x.Lookup(it.Ref, ""); !ok && len(apps) > 0 {
			kv(e, "appendix", quoted(it.Appendix))
		}
		kv(e, "status", str(plan.StatusNotStarted))
		e.HeadComment = it.Name
		if it.Deadline != "" {
			e.HeadComment += "\n" + ios.P.T("cli.init-progress.deadline", "Deadline", it.Deadline)
		}
		items.Content = append(items.Content, e)
	}
	body := &yaml.Node{Kind: yaml.MappingNode}
	kv(body, "plan", str(p.Meta.ID.Value))
	kv(body, "as_of", &yaml.Node{Kind: yaml.ScalarNode, Value: asOf.String()})
	kv(body, "reported_by", str(a.Name))
	kv(body, "items", items)
	root := &yaml.Node{Kind: yaml.MappingNode, HeadComment: ios.P.T("cli.init-progress.comment", "Statuses", plan.Statuses)}
	kv(root, "progress", body)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", reportSchemaPath(output))
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, 0, err
	}
	if err := enc.Close(); err != nil {
		return nil, 0, err
	}
	return b.Bytes(), n, nil
}

// reportSchemaPath is the editor's schema path of a report written at
// output ("-" for standard output): the path from the file to the
// checkout's schema/progress.schema.json, or the usual one of
// reports/PLAN/FILE.yaml.
func reportSchemaPath(output string) string {
	if output != "-" {
		if rel, err := relSchema(output, "progress.schema.json"); err == nil {
			return rel
		}
	}
	return "../../schema/progress.schema.json"
}

// stringValue returns s if YAML reads it back plain as the same string,
// else "" (so the caller quotes it).
func stringValue(s string) string {
	var m map[string]any
	if err := yaml.Unmarshal([]byte("k: "+s), &m); err != nil {
		return ""
	}
	if got, ok := m["k"].(string); ok && got == s {
		return s
	}
	return ""
}
