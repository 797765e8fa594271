// Package importer reads a province's appendix (Phụ lục) from a Word
// (.docx) or Excel (.xlsx) file into a plan. Two readers turn a document
// into the same neutral form — tables of cells with the text around them
// — and one mapper turns those tables into appendices through the layouts
// of internal/layout, so both formats share every rule about headers,
// codes, numbers and lists.
package importer

// Document is what a reader found in a file, in reading order.
type Document struct {
	// Tables are the document's tables (nested Word tables included,
	// each on its own) or a workbook's sheets, in order.
	Tables []*Table
	// Title is the document's own title property, if it has one.
	Title string
	// Stored is the plan file a workbook exported by parplan carries in
	// its very hidden sheet (see internal/xlsx), if it has one.
	Stored []byte
	// stored is Stored being parsed, started by the reader.
	stored *storedLoad
}

// Table is one table with the text above and below it.
type Table struct {
	// Name says where the table is, for messages: "bảng 1" is Index 1 of
	// a Word file (1-based, counting nested tables too), Sheet "Phụ lục
	// 01" of a workbook. A workbook's table has Index too: its sheet's
	// 1-based position among the tabs.
	Index int
	Sheet string
	// Before holds the paragraphs (or, in a sheet, the rows with text
	// outside the table) between the previous table and this one: the
	// label, the title, the "(Kèm theo …)" line.
	Before []Para
	// Rows are the table's rows, with merged cells already spread: every
	// row has one Cell per grid column.
	Rows []Row
	// Columns is the number of grid columns: the length of every row's
	// Cells (the widest row's, when rows are wider than the declared
	// grid; short rows are padded with empty cells).
	Columns int
	// After holds the paragraphs after the table (Word: up to the next
	// table or the next paragraph that looks like an appendix label, so
	// they may be in the next table's Before too), or the rows under the
	// table (Excel): the note.
	After []Para
}

// Para is a paragraph of text around a table (outside it; for a table
// nested in a cell, in that cell).
type Para struct {
	Text string
	Bold bool
	// Line is the paragraph's or row's 1-based position in its source:
	// in a Word file the paragraph number among the paragraphs outside
	// tables, empty ones included (for a table nested in a cell, among
	// that cell's paragraphs); in a sheet the row.
	Line int
}

// Row is one table row.
type Row struct {
	Cells []Cell
	// Header is set for a row Word marks as repeated on every page
	// (w:tblHeader), or that a sheet prints at the top of every page (its
	// print titles). Excel has no other mark of a header row.
	Header bool
	// Line is the row's 1-based number: in its table (Word) or in its
	// sheet (Excel).
	Line int
}

// Cell is one grid cell of a row.
type Cell struct {
	// Paras are the cell's paragraphs (Word: the non-empty ones, a line
	// break inside one kept as "\n", a nested table's text left out) or
	// its lines (Excel, split at line breaks), each with its whitespace
	// collapsed, NFC. Text is them joined with "\n".
	Paras []string
	Text  string
	// Bold is set when all the cell's text is bold (in Excel, when the
	// cell's font is; bold runs inside a cell's text are not looked at).
	Bold bool
	// Numeric is set for an Excel cell that holds a number (a date is
	// one); Text is then the number as the cell displays it, its number
	// format applied: "12.905" for 12.9045 shown with format 0.000.
	Numeric bool
	// Raw is an Excel cell's value as stored: a number's digits
	// ("12.9045"), a formula's result, a text before its lines are split
	// and their whitespace collapsed.
	Raw string
	// Spread is set when the cell has no content of its own but shows the
	// content of a merged cell: the continuation of a vertical merge
	// (Word vMerge, an Excel merged range below its first row) or of a
	// horizontal one (gridSpan, a merged range right of its first column).
	// SpreadDown tells the vertical case: the importer notes where it
	// copied a value into rows below.
	Spread     bool
	SpreadDown bool
}
