package importer

import (
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// tokens reads all of data with next and writes each token (or the
// error that ended the stream) as a line.
func tokens(next func() (xml.Token, error)) string {
	var b strings.Builder
	for n := 0; n < 10000; n++ {
		tok, err := next()
		if err != nil {
			if err != io.EOF {
				fmt.Fprintf(&b, "error %v\n", err)
			}
			break
		}
		switch t := tok.(type) {
		case *xml.StartElement:
			tok = *t
		case *xml.EndElement:
			tok = *t
		}
		fmt.Fprintf(&b, "%T %#v\n", tok, xml.CopyToken(tok))
	}
	return b.String()
}

// sameTokens checks that nsDecoder reads data as xml.Decoder.Token
// does: the same tokens, the same error at the same line.
func sameTokens(t *testing.T, data string) {
	t.Helper()
	want := tokens(xml.NewDecoder(strings.NewReader(data)).Token)
	got := tokens(newNSDecoder(xml.NewDecoder(strings.NewReader(data))).Token)
	if got != want {
		t.Errorf("%q:\ngot\n%s\nwant\n%s", data, got, want)
	}
}

// TestNSDecoder: the tokens are Token's, whatever the prefixes, and so
// are the errors of elements not closed in order.
func TestNSDecoder(t *testing.T) {
	tests := []struct{ name, xml string }{
		{"word", document(tbl(2, tr("", c("a"), tc(`<w:vMerge w:val="restart"/>`, "b"))))},
		{"another prefix", `<x:document xmlns:x="` + nsW + `"><x:body><x:p x:rsid="1"><x:r><x:t>a</x:t></x:r></x:p></x:body></x:document>`},
		{"default namespace", `<document xmlns="` + nsW + `"><body><p val="1"><r><t>a</t></r></p></body></document>`},
		{"rebound prefix", `<w:document xmlns:w="` + nsW + `"><w:body xmlns:w="urn:other"><w:p/></w:body><w:p/></w:document>`},
		{"prefix bound below", `<a><w:p xmlns:w="` + nsW + `"/><w:p/></a>`},
		{"unbound prefix", `<w:document><w:body w:x="1"/></w:document>`},
		{"unbinding", `<w:a xmlns:w="urn:a"><w:b xmlns:w=""><w:c/></w:b></w:a>`},
		{"xml prefix", `<w:t xmlns:w="urn:a" xml:space="preserve"> a </w:t>`},
		{"xmlns attributes", `<a xmlns="urn:d" xmlns:b="urn:b" b:c="1" d="2"><b:e/></a>`},
		{"closed by another", `<w:p xmlns:w="urn:a"><w:r></w:p></w:r>`},
		{"closed in another space", `<w:p xmlns:w="urn:a" xmlns:v="urn:a"></v:p>`},
		{"closed with a prefix", `<p xmlns:w="urn:a"></w:p>`},
		{"end without a start", `<a/></a>`},
		{"unclosed", `<w:document xmlns:w="urn:a"><w:body>`},
		{"unclosed after text", "<a>\n\nb"},
		{"empty", ``},
		{"text only", `abc`},
		{"second root", `<a/><b xmlns:c="urn:c"><c:d/></b>`},
		{"comment and directive", `<?xml version="1.0"?><!DOCTYPE a><!-- c --><a><![CDATA[x]]></a>`},
		{"syntax error", `<a><b c=1/></a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { sameTokens(t, tt.xml) })
	}
}

// FuzzNSDecoder compares nsDecoder with xml.Decoder.Token on any input.
func FuzzNSDecoder(f *testing.F) {
	for _, tt := range readCases {
		f.Add(document(tt.body))
	}
	f.Add(`<w:a xmlns:w="urn:a"><w:b xmlns:w=""><w:c/></w:b></w:a>`)
	f.Add(`<p xmlns:w="urn:a"></w:p>`)
	f.Fuzz(func(t *testing.T, data string) { sameTokens(t, data) })
}

// TestNSDecoderStack: the bindings of a closed element are gone, those
// around it back.
func TestNSDecoderStack(t *testing.T) {
	d := newNSDecoder(xml.NewDecoder(strings.NewReader(`<a xmlns:w="urn:1"><b xmlns:w="urn:2" xmlns:v="urn:3"></b><w:c/></a>`)))
	for {
		if _, err := d.Token(); err != nil {
			break
		}
	}
	if len(d.open) != 0 || len(d.undo) != 0 || !reflect.DeepEqual(d.ns, map[string]string{}) {
		t.Errorf("open %v, undo %v, ns %v", d.open, d.undo, d.ns)
	}
}
