package deadline

import (
	"slices"
	"testing"
)

func TestSplitParts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"one", "Quý I/2021", []string{"Quý I/2021"}},
		{"semicolons", "a; ; b;", []string{"a", "b"}},
		{"lines", "- A\n- B", []string{"A", "B"}},
		{"bullets", "- Ban hành trước ngày 31/12/2020 - Báo cáo trong Quý IV", []string{"Ban hành trước ngày 31/12/2020", "Báo cáo trong Quý IV"}},
		{"after a sentence", "Ban hành trong Quý I. - Báo cáo trong Quý II.", []string{"Ban hành trong Quý I", "Báo cáo trong Quý II"}},
		{"en dash", "– Quý I – Quý II", []string{"Quý I", "Quý II"}},
		{"plus", "+ Quý I; + Quý II", []string{"Quý I", "Quý II"}},
		{"a dash inside a sentence", "Báo cáo tiến độ - Hoàn thành", []string{"Báo cáo tiến độ - Hoàn thành"}},
		{"a range of quarters", "Quý I - II/2021", []string{"Quý I - II/2021"}},
		{"a range of quarters after a bullet", "- Quý I - II/2021", []string{"Quý I - II/2021"}},
		{"a dash before lower case", "- Giai đoạn 1 - cuối năm", []string{"Giai đoạn 1 - cuối năm"}},
		{"a hyphen", "Trước ngày 15-06-2025", []string{"Trước ngày 15-06-2025"}},
		{"empty", " ; - ;", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitParts(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("splitParts(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitAlternatives(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Thường xuyên trong năm/theo kế hoạch", []string{"Thường xuyên trong năm", "theo kế hoạch"}},
		{"Trong năm 2023/Theo Kế hoạch", []string{"Trong năm 2023", "Theo Kế hoạch"}},
		{"Trong năm 2023 / Theo Kế hoạch", []string{"Trong năm 2023", "Theo Kế hoạch"}},
		{"31/12/2020", []string{"31/12/2020"}},
		{"Quý I/2021", []string{"Quý I/2021"}},
		{"Quý I/II/2021", []string{"Quý I/II/2021"}},
		{"Quý I/ II", []string{"Quý I/ II"}},
		{"a/b/c", []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := splitAlternatives(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("splitAlternatives(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
