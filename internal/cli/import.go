package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/atomicfile"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/importer"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

type importOptions struct {
	IO     *IO
	File   string
	Output string
	Sheet  string
	Layout string
	ID     string
	Force  bool
}

// maxImportBytes bounds the document read: a real appendix is well under
// a megabyte.
const maxImportBytes = 64 << 20

func newImportCmd(ios *IO) *cobra.Command {
	opts := &importOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "import " + p.T("help.import.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usageError("cli.import-needs-file")
			case 1:
				opts.File = args[0]
			default:
				return usageError("cli.import-one-file", "Count", len(args), "Args", args)
			}
			return runImport(opts)
		},
	}, "import")
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "-", flagUsage(p, "import", "output"))
	f.StringVar(&opts.Sheet, "sheet", "", flagUsage(p, "import", "sheet"))
	f.StringVar(&opts.Layout, "layout", "", flagUsage(p, "import", "layout", "Layouts", layout.Names()))
	f.StringVar(&opts.ID, "id", "", flagUsage(p, "import", "id"))
	f.BoolVar(&opts.Force, "force", false, flagUsage(p, "import", "force"))
	_ = cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions(layout.Names(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("output", "yaml", "yml")
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"docx", "xlsx"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

func runImport(opts *importOptions) error {
	ios, p := opts.IO, opts.IO.P
	if opts.Layout != "" && !layout.Known(opts.Layout) {
		return usageError("cli.unknown-layout", "Value", opts.Layout, "Layouts", layout.Names())
	}
	if opts.ID != "" && !validID(opts.ID) {
		return usageError("cli.bad-id", "Value", opts.ID)
	}
	if opts.File == "" {
		return usageError("cli.empty-path")
	}
	data, err := readDocument(opts.File, ios.In)
	if err != nil {
		return err
	}
	doc, err := readTables(opts.File, data, opts.Sheet)
	if err != nil {
		return err
	}
	id, schemaPath := newPlanFile(opts.Output, opts.ID)
	res, err := importer.Import(doc, importer.Options{Layout: opts.Layout, ID: id, Source: filepath.Base(opts.File)})
	var nl *importer.NoLayoutError
	switch {
	case errors.As(err, &nl):
		return usageError("cli.import-no-layout", "File", displayName(opts.File), "Table", tableName(nl.Table),
			"Header", quoteAll(nl.Header), "Closest", nl.Closest)
	case errors.Is(err, importer.ErrNoTable):
		return &exitError{code: ExitProblems, err: msg.Errorf("cli.import-no-table", "File", displayName(opts.File))}
	case err != nil:
		return failure("cli.file-error", "File", displayName(opts.File), "Err", err.Error())
	}
	out, err := checkOutput(opts.Output, res.Plan.Meta.ID.Value+".yaml", opts.File, opts.Force, "cli.output-is-input")
	if err != nil {
		return err
	}
	text := plan.Encode(res.Plan, schemaPath, comments(p, res, opts.File))
	// What validate will say of it: the source's own arithmetic is kept.
	loaded, ds := plan.Load(out, text)
	if loaded != nil && len(ds) == 0 {
		ds = validate.Plan(loaded, validate.Options{})
	}
	if out == "-" {
		if _, err := ios.Out.Write(text); err != nil {
			return failure("cli.write-output", "Err", err.Error())
		}
	} else if err := atomicfile.WriteFile(out, 0o644, func(w io.Writer) error {
		_, err := w.Write(text)
		return err
	}); err != nil {
		return failure("cli.file-error", "File", out, "Err", describeOSError(err))
	}
	for _, s := range res.Tables {
		fmt.Fprintln(ios.ErrOut, p.S(tableSummary(s)))
	}
	for _, t := range res.Skipped {
		fmt.Fprintln(ios.ErrOut, p.T("cli.import-skipped", "Table", tableName(t)))
	}
	c := diag.Count(ds)
	where := out
	if out == "-" {
		where = p.T("cli.stdout")
	}
	fmt.Fprintln(ios.ErrOut, p.T("cli.import-wrote", "File", where, "Errors", c.Errors, "Warnings", c.Warnings, "Arg", out))
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// readDocument reads the file to import, refusing one too large to be an
// appendix before reading it all.
func readDocument(file string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, failure("cli.file-error", "File", file, "Err", describeOSError(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, usageError("cli.import-dir", "File", file)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return nil, failure("cli.file-error", "File", displayName(file), "Err", describeOSError(err))
	}
	if len(data) > maxImportBytes {
		return nil, &exitError{code: ExitProblems, err: msg.Errorf("cli.import-too-large", "File", displayName(file),
			"Limit", plan.SizeText(maxImportBytes))}
	}
	return data, nil
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// readTables reads a Word or Excel file, by what it holds rather than by
// its name. An OLE2 file is told apart here, not by the readers: only the
// name says whether a legacy file is a .doc or an .xls, which the
// message needs to say how to save it.
func readTables(file string, data []byte, sheet string) (*importer.Document, error) {
	name := displayName(file)
	ext := strings.ToLower(filepath.Ext(file))
	problem := func(id string, kv ...any) error {
		return &exitError{code: ExitProblems, err: msg.Errorf(id, append([]any{"File", name}, kv...)...)}
	}
	switch {
	case len(data) == 0:
		return nil, problem("cli.import-empty")
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
			return nil, problem("cli.import-encrypted")
		}
		if ext == ".xls" {
			return nil, problem("cli.import-xls")
		}
		return nil, problem("cli.import-doc")
	case !bytes.HasPrefix(data, zipMagic):
		return nil, problem("cli.import-not-office", "Ext", ext)
	}
	isXLSX := ext == ".xlsx" || ext == ".xlsm" || bytes.Contains(data[:min(len(data), 1<<16)], []byte("xl/"))
	if ext == ".docx" {
		isXLSX = false
	}
	var doc *importer.Document
	var err error
	if isXLSX {
		doc, err = importer.ReadXLSX(bytes.NewReader(data), sheet, importer.DefaultXLSXLimits)
	} else {
		if sheet != "" {
			return nil, usageError("cli.import-sheet-docx")
		}
		doc, err = importer.ReadDocx(bytes.NewReader(data), int64(len(data)), importer.DefaultLimits)
	}
	if err != nil {
		return nil, readError(name, err)
	}
	return doc, nil
}

// tableName names a table for messages: "bảng 2" of a Word file, the
// sheet of a workbook.
func tableName(t *importer.Table) msg.Message {
	if t.Sheet != "" {
		return msg.New("import.sheet", "Name", t.Sheet)
	}
	return msg.New("import.table", "N", t.Index)
}

// tableSummary says what one table gave: "read 128 rows from table 1
// (layout scored): 8 fields, 37 criteria, 75 sub-criteria; 3 merged
// cells spread".
func tableSummary(s importer.TableSummary) msg.Message {
	var parts msg.List
	l := layout.Get(s.Layout)
	for d, n := range s.ByDepth {
		kind := "import.depth.item"
		switch {
		case l != nil && l.ByCriteria():
			kind = [...]string{"import.depth.field", "import.depth.criterion", "import.depth.sub"}[min(d, 2)]
		case d == 0 && len(s.ByDepth) > 1:
			kind = "import.depth.section"
		case d < len(s.ByDepth)-1:
			kind = "import.depth.subsection"
		}
		parts = append(parts, msg.New(kind, "Count", n))
	}
	return msg.New("import.summary", "Rows", s.Rows, "Table", tableName(s.Table), "Layout", s.Layout,
		"Parts", parts, "Spread", s.Spread, "Split", s.Split, "Skipped", s.Skipped)
}

// comments renders the importer's notes for the plan file.
func comments(p *msg.Printer, res *importer.Result, file string) plan.Comments {
	c := plan.Comments{Appendices: map[*plan.Appendix][]string{}, Items: map[*plan.Item][]string{}}
	c.Top = append(c.Top, p.T("import.comment.read", "File", filepath.Base(file)))
	for _, s := range res.Tables {
		c.Top = append(c.Top, "  "+p.S(tableSummary(s)))
	}
	for _, m := range res.Top {
		c.Top = append(c.Top, p.S(m))
	}
	c.Top = append(c.Top, p.T("import.comment.check"))
	for a, ms := range res.Appendices {
		for _, m := range ms {
			c.Appendices[a] = append(c.Appendices[a], p.S(m))
		}
	}
	for it, ms := range res.Items {
		for _, m := range ms {
			c.Items[it] = append(c.Items[it], p.S(m))
		}
	}
	return c
}

// readError turns a reader's error into a message.
func readError(file string, err error) error {
	problem := func(id string, kv ...any) error {
		return &exitError{code: ExitProblems, err: &msg.Error{Msg: msg.New(id, append([]any{"File", file}, kv...)...), Err: err}}
	}
	var (
		tooLarge  *importer.TooLargeError
		tooMany   *importer.TooManyError
		malformed *importer.MalformedError
		noSheet   *importer.NoSuchSheetError
		limit     *importer.LimitError
		workbook  *importer.WorkbookError
	)
	switch {
	case errors.As(err, &noSheet):
		return &exitError{code: ExitUsage, err: msg.Errorf("cli.import-no-sheet", "File", file, "Sheet", noSheet.Name, "Sheets", noSheet.Sheets)}
	case errors.As(err, &tooLarge):
		return problem("cli.import-entry-too-large", "Entry", tooLarge.Entry, "Limit", plan.SizeText(tooLarge.Limit))
	case errors.As(err, &limit) && limit.What == importer.TooLargeBytes:
		return problem("cli.import-unpacks-too-large", "Limit", plan.SizeText(limit.Limit))
	case errors.As(err, &limit):
		return problem("cli.import-too-many", "What", msg.New("import.count."+limit.What), "Limit", limit.Limit)
	case errors.As(err, &tooMany):
		return problem("cli.import-too-many", "What", msg.New("import.count."+tooMany.What.Key()), "Limit", tooMany.Limit)
	case errors.Is(err, importer.ErrEncrypted):
		return problem("cli.import-encrypted")
	case errors.Is(err, importer.ErrLegacyDoc):
		return problem("cli.import-doc")
	case errors.Is(err, importer.ErrLegacyXLS):
		return problem("cli.import-xls")
	case errors.Is(err, importer.ErrNotZip):
		return problem("cli.import-not-office", "Ext", "")
	case errors.Is(err, importer.ErrNotDocx):
		return problem("cli.import-not-docx")
	case errors.Is(err, importer.ErrNotXLSX):
		return problem("cli.import-not-xlsx")
	case errors.Is(err, importer.ErrCorrupt), errors.As(err, &malformed), errors.As(err, &workbook):
		return problem("cli.import-broken")
	}
	return failure("cli.file-error", "File", file, "Err", err.Error())
}
