package importer

// XLSXLimits bounds what ReadXLSX accepts, so that a hostile or broken
// workbook (a zip bomb, a sheet of a million rows) is refused quickly and
// with bounded memory instead of exhausting either. A zero field means
// the DefaultXLSXLimits value.
type XLSXLimits struct {
	// MaxRows is the highest row number a sheet read may use (1-based).
	MaxRows int
	// MaxCols is the highest column number a sheet read may use (1-based;
	// column A is 1).
	MaxCols int
	// MaxCells is the most cells read from one workbook: the cells the
	// sheets store (with a value or only a style), and again the cells of
	// the tables returned, padded to their grids.
	MaxCells int
	// MaxBytes is the largest workbook file accepted, and the most bytes
	// its parts may hold once unzipped, together.
	MaxBytes int64
}

// DefaultXLSXLimits are generous for any real appendix: the largest
// appendix tables have a few thousand rows and fewer than 30 columns.
var DefaultXLSXLimits = XLSXLimits{
	MaxRows:  200_000,
	MaxCols:  200,
	MaxCells: 2_000_000,
	MaxBytes: 256 << 20,
}

// orDefault returns lim with every zero field set from DefaultXLSXLimits.
func (lim XLSXLimits) orDefault() XLSXLimits {
	if lim.MaxRows <= 0 {
		lim.MaxRows = DefaultXLSXLimits.MaxRows
	}
	if lim.MaxCols <= 0 {
		lim.MaxCols = DefaultXLSXLimits.MaxCols
	}
	if lim.MaxCells <= 0 {
		lim.MaxCells = DefaultXLSXLimits.MaxCells
	}
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = DefaultXLSXLimits.MaxBytes
	}
	return lim
}
