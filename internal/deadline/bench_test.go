package deadline

import "testing"

// BenchmarkParse reads deadline texts of every kind.
func BenchmarkParse(b *testing.B) {
	texts := []string{
		"Trong năm 2021", "Thường xuyên", "Quý I/2022", "Trước ngày 31/01 năm sau",
		"- Ban hành kế hoạch trong quý I/2021; - Báo cáo trong quý IV năm 2021;",
		"Kế hoạch Trong quý IV năm trước liền kề năm kế hoạch; Báo cáo trước ngày 25/12",
		"Sau khi có văn bản trả lời/theo thời gian quy định", "Theo kế hoạch (nếu có)",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Parse(s, 2021)
		}
	}
}
