package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer the workbook is saved with. excelize writes
// the parts of stream-written sheets in map order, which changes from run
// to run; sortedZip holds every part until Close and then writes them in
// name order, so the same plan always gives the same bytes. Entries carry
// no modification time for the same reason.
//
// Each part is compressed as excelize writes it, so what is held is the
// compressed bytes (a tenth of the XML), and at the fastest level: the
// XML of a large sheet is repetitive, and a higher level makes the file
// only a little smaller for several times the work.
type sortedZip struct {
	zw    *zip.Writer
	parts map[string]*zipPart
	// open is the part being written: excelize writes a part whole
	// before it creates the next.
	open *zipPart
	fw   *flate.Writer
	crc  hash.Hash32
}

// zipPart is one compressed part and what its zip header records.
type zipPart struct {
	data bytes.Buffer
	crc  uint32
	size uint64
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{zw: zip.NewWriter(w), parts: map[string]*zipPart{}, crc: crc32.NewIEEE()}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{}
	z.parts[name] = p
	z.open = p
	z.crc.Reset()
	if z.fw == nil {
		fw, err := flate.NewWriter(&p.data, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	return partWriter{z}, nil
}

// partWriter writes to the open part.
type partWriter struct{ z *sortedZip }

func (w partWriter) Write(b []byte) (int, error) {
	z := w.z
	z.crc.Write(b)
	z.open.size += uint64(len(b))
	return z.fw.Write(b)
}

// finish completes the open part.
func (z *sortedZip) finish() error {
	if z.open == nil {
		return nil
	}
	p := z.open
	z.open = nil
	p.crc = z.crc.Sum32()
	return z.fw.Close()
}

// AddFS is part of excelize's interface; excelize does not call it when
// saving, and the files it adds are written in the fs's (sorted) order.
func (z *sortedZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	names := make([]string, 0, len(z.parts))
	for name := range z.parts {
		names = append(names, name)
	}
	// [Content_Types].xml first, as Office writes it; then name order.
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == contentTypes:
			return -1
		case b == contentTypes:
			return 1
		case a < b:
			return -1
		}
		return 1
	})
	for _, name := range names {
		p := z.parts[name]
		w, err := z.zw.CreateRaw(&zip.FileHeader{
			Name: name, Method: zip.Deflate,
			CRC32: p.crc, CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := p.data.WriteTo(w); err != nil {
			return err
		}
		delete(z.parts, name)
	}
	return z.zw.Close()
}

const contentTypes = "[Content_Types].xml"
