package agency

import (
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	c := New(Entry{Name: "Công ty Điện lực Đắk Nông", Aliases: []string{"Điện lực Đắk Nông"}})
	tests := []struct {
		in   string
		want []string
	}{
		{in: "Giám đốc Sở Nội vụ", want: []string{"Sở Nội vụ"}},
		{in: "Sở Nội vụ", want: []string{"Sở Nội vụ"}},
		{in: "Sở Nội vụ.", want: []string{"Sở Nội vụ"}},
		{in: "sở nội vụ", want: []string{"Sở Nội vụ"}},
		{in: "Chánh Văn phòng UBND tỉnh", want: []string{"Văn phòng UBND tỉnh"}},
		{in: "Chánh Văn phòng UBND tỉnh (Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp)", want: []string{"Văn phòng UBND tỉnh"}},
		{in: "Văn phòng Ủy ban nhân dân tỉnh", want: []string{"Văn phòng UBND tỉnh"}},
		{in: "Thủ trưởng các cơ quan chuyên môn cấp tỉnh", want: []string{"Các cơ quan chuyên môn cấp tỉnh"}},
		{in: "Thủ trưởng các sở, ban, ngành", want: []string{"Các sở, ban, ngành"}},
		{in: "Chủ tịch UBND cấp huyện", want: []string{"UBND cấp huyện"}},
		{in: "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", want: []string{"Bộ Chỉ huy Quân sự tỉnh"}},
		{in: "Giám đốc Công an tỉnh", want: []string{"Công an tỉnh"}},
		{in: "Giám đốc các Sở: Nội vụ, Kế hoạch và Đầu tư", want: []string{"Sở Nội vụ", "Sở Kế hoạch và Đầu tư"}},
		{in: "Giám đốc các Sở: Nội vụ, Văn hóa, Thể thao và Du lịch", want: []string{"Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch"}},
		{in: "Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành", want: []string{"Văn phòng UBND tỉnh", "Các sở, ban, ngành"}},
		{in: "Đài PTTH tỉnh", want: []string{"Đài Phát thanh và Truyền hình tỉnh"}},
		{in: "Giám đốc Công ty Điện lực Đắk Nông.", want: []string{"Công ty Điện lực Đắk Nông"}},
		{in: "Sở Văn hóa, Thể thao và Du lịch", want: []string{"Sở Văn hóa, Thể thao và Du lịch"}},
		{in: "các đơn vị có liên quan", want: []string{"Các đơn vị có liên quan"}},
		{in: "Hội đồng thẩm định.", want: []string{"Hội đồng thẩm định"}},
		{in: "Văn phòng UBND tỉnh theo dõi, đôn đốc", want: []string{"Văn phòng UBND tỉnh"}},
		{in: "Văn phòng UBND tỉnh theo dõi đôn đốc, kiểm tra, đôn đốc", want: []string{"Văn phòng UBND tỉnh"}},
		{in: "Trung tâm Y tế theo dõi", want: []string{"Trung tâm Y tế theo dõi"}},
		{in: "  ", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := c.Normalize(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
