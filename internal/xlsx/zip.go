package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
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
	zw *zip.Writer
	// rows are the rows of stream-written sheets, compressed, to put in
	// their parts (see rowStream).
	rows  streams
	raw   bytes.Buffer // the open part as excelize writes it, when it has rows to put in
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
	rows *rowStream
}

// zipWriter is the zip writer of a workbook whose stream-written sheets
// have their rows in ss.
func (ss streams) zipWriter(w io.Writer) excelize.ZipWriter {
	return &sortedZip{zw: zip.NewWriter(w), parts: map[string]*zipPart{}, crc: crc32.NewIEEE(), rows: ss}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{rows: z.rows[name]}
	z.parts[name] = p
	z.open = p
	z.crc.Reset()
	if p.rows != nil {
		// Held whole until finish, which knows where the rows go: it
		// is the sheet without them, a few kilobytes.
		z.raw.Reset()
		if z.fw == nil {
			fw, err := flate.NewWriter(io.Discard, flate.BestSpeed)
			if err != nil {
				return nil, err
			}
			z.fw = fw
		}
		return &z.raw, nil
	}
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
	if p.rows != nil {
		return z.splice(p)
	}
	p.crc = z.crc.Sum32()
	return z.fw.Close()
}

// sheetData is where a stream-written sheet without rows of excelize's
// own has them.
const sheetData = "<sheetData></sheetData>"

// splice compresses the open part, a stream-written sheet, with its rows
// put between its sheetData tags: the sheet's start, compressed and
// flushed to a byte boundary, then the rows' stream (flushed the same
// way), then the sheet's end, compressed and closed, make one deflate
// stream.
func (z *sortedZip) splice(p *zipPart) error {
	rs := p.rows
	sheet := z.raw.Bytes()
	at := bytes.Index(sheet, []byte(sheetData))
	if at < 0 || !rs.done {
		return fmt.Errorf("xlsx: a sheet written by rows has no place for them")
	}
	at += len("<sheetData>")
	head, tail := sheet[:at], sheet[at:]
	z.fw.Reset(&p.data)
	if _, err := z.fw.Write(head); err != nil {
		return err
	}
	if err := z.fw.Flush(); err != nil {
		return err
	}
	// The rows stay with their stream: a workbook may be written twice.
	p.data.Write(rs.data.Bytes())
	z.fw.Reset(&p.data)
	if _, err := z.fw.Write(tail); err != nil {
		return err
	}
	if err := z.fw.Close(); err != nil {
		return err
	}
	crc := crc32Combine(crc32.ChecksumIEEE(head), rs.crc, rs.size)
	p.crc = crc32Combine(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	p.size = uint64(len(head)) + uint64(rs.size) + uint64(len(tail))
	return nil
}

// crc32Combine is the CRC-32 (IEEE) of a and b one after the other, from
// the CRC of each and the length of b, as zlib's crc32_combine computes
// it: the rows are compressed, and their CRC taken, before the start of
// their sheet is known.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	var even, odd [32]uint32
	// The operator for one zero bit.
	odd[0] = 0xedb88320
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(even[:], odd[:]) // two zero bits
	gf2Square(odd[:], even[:]) // four
	for {
		// Apply len(b) zero bytes to crcA, a bit of lenB at a time.
		gf2Square(even[:], odd[:])
		if lenB&1 != 0 {
			crcA = gf2Times(even[:], crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
		gf2Square(odd[:], even[:])
		if lenB&1 != 0 {
			crcA = gf2Times(odd[:], crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

func gf2Times(mat []uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i++ {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
		vec >>= 1
	}
	return sum
}

func gf2Square(square, mat []uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
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
