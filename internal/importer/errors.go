package importer

import (
	"errors"
	"fmt"
)

// The errors a reader returns for a file it cannot read. They carry no
// text for users: the command line turns them into messages in the
// user's language (errors.Is for these, errors.As for the types below).
// Any other error is a failure of the tool or of the ReaderAt, not a
// problem of the file.
var (
	// ErrNotZip: the file is neither a zip archive nor an OLE2 compound
	// file, so no Office document at all (a PDF, an RTF or HTML file
	// renamed .doc, plain text…).
	ErrNotZip = errors.New("not a zip archive")
	// ErrCorrupt: the file is a zip archive that cannot be read: it is
	// truncated, or an entry fails its checksum, inflates to something
	// else than its header declares, or uses a compression method the
	// reader does not know. The error wraps the archive/zip or flate
	// error.
	ErrCorrupt = errors.New("damaged zip archive")
	// ErrNotDocx: a zip archive without a Word main document
	// (word/document.xml, or whatever part _rels/.rels names): an .xlsx,
	// an .odt, any other zip.
	ErrNotDocx = errors.New("not a Word document")
	// ErrLegacyDoc: an OLE2 compound file (magic D0 CF 11 E0 A1 B1 1A E1),
	// that is a Word 97–2003 .doc (or .xls): it must be saved again as
	// .docx (.xlsx).
	ErrLegacyDoc = errors.New("legacy OLE2 Office file")
	// ErrEncrypted: an OLE2 compound file holding an EncryptedPackage
	// stream, which is how Office stores a password-protected .docx or
	// .xlsx.
	ErrEncrypted = errors.New("password-protected Office file")
)

// TooLargeError is a zip entry that inflates (or says it inflates) to
// more than Limits.MaxEntryBytes: a zip bomb, or a document far larger
// than any appendix.
type TooLargeError struct {
	// Entry is the entry's name in the archive, e.g. "word/document.xml".
	Entry string
	// Limit is the limit in bytes.
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("zip entry %s inflates to more than %d bytes", e.Entry, e.Limit)
}

// Counted names what a TooManyError counted.
type Counted int

// The quantities Limits bounds besides entry sizes.
const (
	// CountRows: table rows, all tables together (Limits.MaxRows).
	CountRows Counted = iota + 1
	// CountCells: grid cells, all tables together (Limits.MaxCells).
	CountCells
	// CountDepth: element nesting in one XML part (Limits.MaxDepth).
	CountDepth
)

func (c Counted) String() string {
	switch c {
	case CountRows:
		return "rows"
	case CountCells:
		return "cells"
	case CountDepth:
		return "levels of element nesting"
	}
	return fmt.Sprintf("Counted(%d)", int(c))
}

// TooManyError is a document with more of something than the Limits
// allow. The reader stops at the first excess, so the document's real
// count is unknown.
type TooManyError struct {
	What  Counted
	Limit int
}

func (e *TooManyError) Error() string {
	return fmt.Sprintf("more than %d %s", e.Limit, e.What)
}

// MalformedError is an XML part that is not well-formed (or not UTF-8),
// so the file is damaged or was not written by an Office program.
type MalformedError struct {
	// Entry is the part's name in the archive, e.g. "word/document.xml".
	Entry string
	// Line is the 1-based line in the part where the XML parser stopped,
	// 0 when it does not say. Word writes a part on one or two lines, so
	// it is a hint for developers, not for users.
	Line int
	// Err is the XML parser's error.
	Err error
}

func (e *MalformedError) Error() string {
	return fmt.Sprintf("%s: malformed XML: %v", e.Entry, e.Err)
}

func (e *MalformedError) Unwrap() error { return e.Err }

// Key is a stable name of what was counted, for messages.
func (c Counted) Key() string {
	switch c {
	case CountRows:
		return "rows"
	case CountCells:
		return "cells"
	}
	return "depth"
}
