// Package render writes parplan's tabular output: aligned terminal tables
// (github.com/olekukonko/tablewriter), CSV, Markdown and JSON.
package render

import (
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Align is a column's alignment.
type Align int

// Alignments.
const (
	Left Align = iota
	Right
	Center
)

// Table is a terminal table: a header, rows, an optional footer.
type Table struct {
	Header []string
	Rows   [][]string
	Footer []string
	// Align gives each column's alignment; missing columns align left.
	Align []Align
	// Strong marks rows to emphasise (bold) on a color terminal.
	Strong []bool
	// MaxWidth is the widest the table may be, in terminal columns; 0
	// leaves it unbounded. Long cells wrap to fit.
	MaxWidth int
	// ColWidth sets each column's width in terminal columns (0 = as wide
	// as its content); longer cells wrap at word boundaries.
	ColWidth []int
	// Color turns on bold for strong rows and the header.
	Color bool
}

// Render writes the table.
func (t Table) Render(w io.Writer) error {
	aligns := make([]tw.Align, len(t.Header))
	for i := range aligns {
		aligns[i] = tw.AlignLeft
		if i < len(t.Align) {
			aligns[i] = map[Align]tw.Align{Left: tw.AlignLeft, Right: tw.AlignRight, Center: tw.AlignCenter}[t.Align[i]]
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithFooterAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		tablewriter.WithTrimSpace(tw.Off),
	}
	if t.MaxWidth > 0 {
		opts = append(opts, tablewriter.WithMaxWidth(t.MaxWidth))
	}
	tbl := tablewriter.NewTable(w, opts...)
	if len(t.ColWidth) > 0 {
		widths := tw.NewMapper[int, int]()
		for i, cw := range t.ColWidth {
			if cw > 0 {
				widths.Set(i, cw+2) // tablewriter's widths include the padding
			}
		}
		tbl.Options(tablewriter.WithColumnWidths(widths))
		tbl.Configure(func(cfg *tablewriter.Config) {
			cfg.Header.ColMaxWidths.PerColumn = widths
			cfg.Row.ColMaxWidths.PerColumn = widths
			cfg.Footer.ColMaxWidths.PerColumn = widths
		})
	}
	header := t.Header
	if t.Color {
		header = boldAll(header)
	}
	tbl.Header(toAny(header)...)
	for i, row := range t.Rows {
		if t.Color && i < len(t.Strong) && t.Strong[i] {
			row = boldAll(row)
		}
		if err := tbl.Append(toAny(row)...); err != nil {
			return err
		}
	}
	if len(t.Footer) > 0 {
		tbl.Footer(toAny(t.Footer)...)
	}
	return tbl.Render()
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func boldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		if s != "" {
			out[i] = "\x1b[1m" + s + "\x1b[0m"
		}
	}
	return out
}
