package importer

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// This file lays Word's cells onto the table grid: a cell spans
// w:gridSpan columns, w:vMerge continues the cell above, w:gridBefore and
// w:gridAfter skip columns; every row ends with one Cell per column.

// tableB gathers one table.
type tableB struct {
	t     *Table
	grid  int // w:gridCol elements
	width int // widest row
	row   *rowB
	cell  *cellB
	vm    []Cell // per grid column: the cell that restarted a vertical merge
}

// rowB gathers one row.
type rowB struct {
	cells      []Cell
	header     bool
	deleted    bool
	before     int // w:gridBefore
	after      int // w:gridAfter
	beforeDone bool
}

// cellB gathers one cell: its paragraphs and nested tables, and the
// merge properties of its w:tcPr.
type cellB struct {
	fl     flow
	span   int
	vmerge merge
	hmerge merge
}

// merge is a w:vMerge or w:hMerge.
type merge int8

const (
	noMerge merge = iota
	mergeRestart
	mergeContinue
)

// rowProp reads a child of w:trPr.
func (w *walker) rowProp(e xml.StartElement) {
	if !isW(e.Name) {
		return
	}
	r := w.table().row
	switch e.Name.Local {
	case "tblHeader":
		r.header = onOff(e) == on
	case "gridBefore":
		r.before = count(e)
	case "gridAfter":
		r.after = count(e)
	case "del":
		r.deleted = true
	}
}

// cellProp reads a child of w:tcPr.
func (w *walker) cellProp(e xml.StartElement) {
	if !isW(e.Name) {
		return
	}
	c := w.table().cell
	switch e.Name.Local {
	case "gridSpan":
		c.span = max(count(e), 1)
	case "vMerge":
		c.vmerge = mergeOf(e)
	case "hMerge":
		c.hmerge = mergeOf(e)
	}
}

// count reads a w:val that counts grid columns; junk reads as 0.
func count(e xml.StartElement) int {
	v, _ := wAttr(e, "val")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func mergeOf(e xml.StartElement) merge {
	if v, _ := wAttr(e, "val"); v == "restart" {
		return mergeRestart
	}
	return mergeContinue
}

// spend counts n more cells against the limit.
func (w *walker) spend(n int) error {
	if n > w.lim.MaxCells-w.cells {
		return &TooManyError{What: CountCells, Limit: w.lim.MaxCells}
	}
	w.cells += n
	return nil
}

// blank appends n empty cells to r.
func (w *walker) blank(r *rowB, n int) error {
	if err := w.spend(n); err != nil {
		return err
	}
	r.cells = append(r.cells, make([]Cell, n)...)
	return nil
}

// gridBefore puts the row's w:gridBefore empty cells first, once.
func (w *walker) gridBefore(r *rowB) error {
	if r.beforeDone {
		return nil
	}
	r.beforeDone = true
	return w.blank(r, r.before)
}

func (w *walker) closeCell() error {
	tb := w.table()
	c, r := tb.cell, tb.row
	tb.cell = nil
	w.flows = w.flows[:len(w.flows)-1]
	if r.deleted {
		return nil
	}
	attach(c.fl.items)
	var paras []string
	bold := true
	for _, it := range c.fl.items {
		if it.table == nil {
			paras = append(paras, it.para.Text)
			bold = bold && it.para.Bold
		}
	}
	cell := Cell{Paras: paras, Text: strings.Join(paras, "\n"), Bold: bold && len(paras) > 0}
	return w.place(tb, r, cell, c.span, c.vmerge, c.hmerge)
}

// place puts a cell covering span grid columns at the end of the row,
// spreading merged content.
func (w *walker) place(tb *tableB, r *rowB, c Cell, span int, vm, hm merge) error {
	if err := w.gridBefore(r); err != nil {
		return err
	}
	if err := w.spend(span); err != nil {
		return err
	}
	col := len(r.cells)
	if need := col + span; need > len(tb.vm) {
		tb.vm = append(tb.vm, make([]Cell, need-len(tb.vm))...)
	}
	switch {
	case vm == mergeContinue:
		// The cell shows what the restart above shows, column by
		// column; the merge goes on below.
		for i := range span {
			down := tb.vm[col+i]
			down.Spread, down.SpreadDown = true, true
			r.cells = append(r.cells, down)
		}
		return nil
	case hm == mergeContinue && col > 0:
		// Word 97's horizontal merge: more of the cell on the left.
		c = r.cells[col-1]
		c.Spread = true
		for range span {
			r.cells = append(r.cells, c)
		}
		for i := range span {
			tb.vm[col+i] = tb.vm[col-1]
		}
		return nil
	}
	r.cells = append(r.cells, c)
	spread := c
	spread.Spread = true
	for i := 1; i < span; i++ {
		r.cells = append(r.cells, spread)
	}
	for i := range span {
		if vm == mergeRestart {
			tb.vm[col+i] = r.cells[col+i]
		} else {
			tb.vm[col+i] = Cell{}
		}
	}
	return nil
}

func (w *walker) closeRow() error {
	tb := w.table()
	r := tb.row
	tb.row = nil
	if r.deleted {
		return nil
	}
	if err := w.gridBefore(r); err != nil {
		return err
	}
	if err := w.blank(r, r.after); err != nil {
		return err
	}
	if w.rows++; w.rows > w.lim.MaxRows {
		return &TooManyError{What: CountRows, Limit: w.lim.MaxRows}
	}
	tb.t.Rows = append(tb.t.Rows, Row{Cells: r.cells, Header: r.header, Line: len(tb.t.Rows) + 1})
	tb.width = max(tb.width, len(r.cells))
	return nil
}

func (w *walker) closeTable() error {
	n := len(w.tables)
	tb := w.tables[n-1]
	w.tables = w.tables[:n-1]
	t := tb.t
	t.Columns = max(tb.grid, tb.width)
	if len(t.Rows) == 0 {
		// An empty table counts as a row, so that a file of nothing
		// but empty tables is bounded too.
		if w.rows++; w.rows > w.lim.MaxRows {
			return &TooManyError{What: CountRows, Limit: w.lim.MaxRows}
		}
	}
	for i := range t.Rows {
		row := &t.Rows[i]
		if short := t.Columns - len(row.Cells); short > 0 {
			if err := w.spend(short); err != nil {
				return err
			}
			row.Cells = append(row.Cells, make([]Cell, short)...)
		}
	}
	return nil
}
