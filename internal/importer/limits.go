package importer

// Limits bounds what a reader accepts, so that a hostile or broken file is
// refused with an error instead of exhausting memory or time. A zero (or
// negative) field means the DefaultLimits value.
type Limits struct {
	// MaxEntryBytes is the most bytes one zip entry (an XML part) may
	// inflate to, checked against both its declared and its actual size.
	MaxEntryBytes int64
	// MaxRows is the most table rows read, all tables together.
	MaxRows int
	// MaxCells is the most cells read, all tables together, counted after
	// merged cells are spread and short rows padded (one per grid column).
	MaxCells int
	// MaxDepth is the deepest element nesting accepted in an XML part.
	// Real documents stay far below it; it bounds the reader's stacks.
	MaxDepth int
}

// DefaultLimits are generous for any real appendix: the largest seen
// has a few thousand rows of under twenty columns in a document.xml of a
// few megabytes.
var DefaultLimits = Limits{
	MaxEntryBytes: 64 << 20,
	MaxRows:       200_000,
	MaxCells:      2_000_000,
	MaxDepth:      256,
}

// orDefaults returns l with every unset field taken from DefaultLimits.
func (l Limits) orDefaults() Limits {
	if l.MaxEntryBytes <= 0 {
		l.MaxEntryBytes = DefaultLimits.MaxEntryBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultLimits.MaxRows
	}
	if l.MaxCells <= 0 {
		l.MaxCells = DefaultLimits.MaxCells
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	return l
}
