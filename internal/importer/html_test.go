package importer

import "testing"

func TestHTMLFree(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Sở Nội vụ", "Sở Nội vụ"},
		{"line breaks", "Sở Nội vụ<br>Sở Tư pháp<br/>Sở Y tế<BR />UBND", "Sở Nội vụ\nSở Tư pháp\nSở Y tế\nUBND"},
		{"paragraphs", "<p>Kế hoạch</p><p>Báo cáo</p>", "\nKế hoạch\n\nBáo cáo\n"},
		{"inline tags", "<b>CẢI CÁCH</b> <span style=\"x\">THỂ CHẾ</span>", "CẢI CÁCH THỂ CHẾ"},
		{"entities", "Sở&nbsp;Nội&nbsp;vụ &amp; UBND &#7889;", "Sở\u00a0Nội\u00a0vụ & UBND ố"},
		{"less than is text", "Tỷ lệ < 5% và a<=b", "Tỷ lệ < 5% và a<=b"},
		{"an ampersand alone", "Sở Kế hoạch & Đầu tư", "Sở Kế hoạch & Đầu tư"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlFree(tt.in); got != tt.want {
				t.Errorf("htmlFree(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	// What the cell readers make of it: lines split, spaces collapsed.
	if got := splitLines("Sở&nbsp;Nội vụ<br>  Sở Tư pháp"); len(got) != 2 || got[0] != "Sở Nội vụ" || got[1] != "Sở Tư pháp" {
		t.Errorf("splitLines: %q", got)
	}
	if got := cleanText("<b>Sở</b>&nbsp;Nội vụ<br>Sở Tư pháp"); got != "Sở Nội vụ\nSở Tư pháp" {
		t.Errorf("cleanText: %q", got)
	}
}
