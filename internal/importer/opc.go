package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// This file opens an Office Open XML package (a zip archive of XML parts)
// within Limits. It knows nothing of Word; the Excel reader can share it.

// ole2Magic starts every OLE2 compound file: .doc, .xls and encrypted
// .docx/.xlsx.
var ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptedPackage is the name, in a compound file's directory (UTF-16LE),
// of the stream in which Office keeps an encrypted OOXML package.
var encryptedPackage = utf16le("EncryptedPackage")

// pkg is an opened package.
type pkg struct {
	lim   Limits
	files map[string]*zip.File // by lower-cased name without a leading "/"
}

// openPackage opens the zip archive r of size bytes, or says why it is
// none.
func openPackage(r io.ReaderAt, size int64, lim Limits) (*pkg, error) {
	if size < 0 {
		return nil, ErrNotZip
	}
	sr := io.NewSectionReader(r, 0, size)
	head := make([]byte, len(ole2Magic))
	n, err := sr.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return nil, err
	}
	head = head[:n]
	if bytes.Equal(head, ole2Magic) {
		found, err := contains(sr, encryptedPackage)
		switch {
		case err != nil:
			return nil, err
		case found:
			return nil, ErrEncrypted
		}
		return nil, ErrLegacyDoc
	}
	z, err := zip.NewReader(sr, size)
	// ErrInsecurePath (a name such as "../x", only reported under
	// GODEBUG=zipinsecurepath=0) is no concern: nothing is extracted.
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if bytes.HasPrefix(head, []byte("PK")) {
			return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return nil, ErrNotZip
	}
	p := &pkg{lim: lim, files: make(map[string]*zip.File, len(z.File))}
	for _, f := range z.File {
		// OPC part names compare case-insensitively; the first of
		// duplicates wins, as in Office.
		k := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[k]; !dup {
			p.files[k] = f
		}
	}
	return p, nil
}

// contains reports whether r holds pat, reading it in chunks so that a
// large file costs time but not memory.
func contains(r *io.SectionReader, pat []byte) (bool, error) {
	buf := make([]byte, 64<<10+len(pat)-1)
	keep := 0 // bytes carried over from the previous chunk
	for off := int64(0); off < r.Size(); {
		n, err := r.ReadAt(buf[keep:], off)
		if err != nil && err != io.EOF {
			return false, err
		}
		if n == 0 {
			break
		}
		data := buf[:keep+n]
		if bytes.Contains(data, pat) {
			return true, nil
		}
		off += int64(n)
		keep = min(len(pat)-1, len(data))
		copy(buf, data[len(data)-keep:])
	}
	return false, nil
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) { // ASCII only
		b = append(b, c, 0)
	}
	return b
}

// has reports whether the package holds the part name.
func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// walk streams the XML part name through fn, one token at a time, as
// nsDecoder.Token gives them (elements as pointers; the token is valid
// only during the call). It enforces the limits: the
// entry's declared and actual inflated size and the element depth. A
// missing part is not an error: fn is not called and found is false.
func (p *pkg) walk(name string, fn func(xml.Token) error) (found bool, err error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return false, nil
	}
	limit := p.lim.MaxEntryBytes
	if f.UncompressedSize64 > uint64(limit) {
		return true, &TooLargeError{Entry: f.Name, Limit: limit}
	}
	rc, err := f.Open()
	if err != nil {
		return true, partError(f.Name, &readError{err})
	}
	defer rc.Close()
	// archive/zip already refuses data beyond the declared size; the
	// count is kept anyway so that the limit holds by itself, whatever
	// the header says.
	er := &entryReader{r: io.LimitReader(rc, limit+1), limit: limit, name: f.Name}
	d := newNSDecoder(xml.NewDecoder(bufio.NewReaderSize(er, 32<<10)))
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return true, partError(f.Name, err)
		}
		switch tok.(type) {
		case *xml.StartElement:
			if depth++; depth > p.lim.MaxDepth {
				return true, &TooManyError{What: CountDepth, Limit: p.lim.MaxDepth}
			}
		case *xml.EndElement:
			depth--
		}
		if err := fn(tok); err != nil {
			return true, err
		}
	}
}

// entryReader counts what an entry inflates to.
type entryReader struct {
	r     io.Reader
	n     int64
	limit int64
	name  string
}

func (e *entryReader) Read(b []byte) (int, error) {
	n, err := e.r.Read(b)
	e.n += int64(n)
	if e.n > e.limit {
		return 0, &TooLargeError{Entry: e.name, Limit: e.limit}
	}
	if err != nil && err != io.EOF {
		err = &readError{err}
	}
	return n, err
}

// readError marks an error of the archive (not of the XML parser), which
// encoding/xml hands back unchanged.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// partError sorts an error met while reading the part name: the limit,
// a damaged archive, a failing ReaderAt, or malformed XML.
func partError(name string, err error) error {
	var tl *TooLargeError
	if errors.As(err, &tl) {
		return tl
	}
	var tm *TooManyError
	if errors.As(err, &tm) {
		return tm
	}
	var re *readError
	if errors.As(err, &re) {
		var ce flate.CorruptInputError
		// io.EOF: the entry's data lies past the end of the file.
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) ||
			errors.Is(err, zip.ErrAlgorithm) || errors.Is(err, io.ErrUnexpectedEOF) ||
			errors.Is(err, io.EOF) || errors.As(err, &ce) {
			return fmt.Errorf("%w: %s: %w", ErrCorrupt, name, re.err)
		}
		return fmt.Errorf("reading %s: %w", name, re.err)
	}
	me := &MalformedError{Entry: name, Err: err}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		me.Line = se.Line
	}
	return me
}

// rels reads the relationships part of the part source ("" for the
// package) and returns the target of the first internal relationship of
// each type, keyed by the type's last path segment ("officeDocument",
// "styles", "core-properties"), as part names. A missing relationships
// part gives an empty map.
func (p *pkg) rels(source string) (map[string]string, error) {
	dir, file := path.Split(source)
	relsName := dir + "_rels/" + file + ".rels"
	out := make(map[string]string)
	_, err := p.walk(relsName, func(tok xml.Token) error {
		e, ok := tok.(*xml.StartElement)
		if !ok || e.Name.Local != "Relationship" {
			return nil
		}
		var typ, target, mode string
		for _, a := range e.Attr {
			switch a.Name.Local {
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" || target == "" {
			return nil
		}
		key := typ[strings.LastIndexByte(typ, '/')+1:]
		if _, seen := out[key]; !seen {
			out[key] = resolvePart(dir, target)
		}
		return nil
	})
	return out, err
}

// resolvePart turns a relationship target into a part name.
func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}
