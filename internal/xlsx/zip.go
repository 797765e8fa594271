package xlsx

import (
	"archive/zip"
	"bytes"
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
type sortedZip struct {
	zw    *zip.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{zw: zip.NewWriter(w), parts: map[string]*bytes.Buffer{}}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is part of excelize's interface; excelize does not call it when
// saving, and the files it adds are written in the fs's (sorted) order.
func (z *sortedZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

func (z *sortedZip) Close() error {
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
		w, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := z.parts[name].WriteTo(w); err != nil {
			return err
		}
		delete(z.parts, name)
	}
	return z.zw.Close()
}

const contentTypes = "[Content_Types].xml"
