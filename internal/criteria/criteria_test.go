package criteria

import (
	"strings"
	"testing"
)

// TestSetsLoad: every data file in schema/criteria is a well-formed set
// (parse errors, sums and codes are checked by Parse). A new set needs
// only its data file and a test of its own figures below.
func TestSetsLoad(t *testing.T) {
	sets, err := Sets()
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) < 2 {
		t.Fatalf("want at least 2 sets, got %d", len(sets))
	}
	for _, s := range sets {
		if s.Name == "" || s.FromYear < 2000 || (s.ToYear != 0 && s.ToYear < s.FromYear) {
			t.Errorf("%s: incomplete metadata", s.ID)
		}
	}
}

func split(t *testing.T, id string) (*Set, map[string]string) {
	t.Helper()
	s, ok := Get(id)
	if !ok {
		t.Fatalf("no set %s", id)
	}
	out := map[string]string{}
	for k, v := range s.Split() {
		out[k] = v.Trim().String()
	}
	return s, out
}

// TestBNV876: the set of Quyết định 876/QĐ-BNV reproduces the Đắk Nông
// table: fields of 9.5/10/13/10.5/15/12/13.5/16.5 = 100, with 22 points by
// survey, 10 of SIPAS, 6.5 of socio-economic impact and 61.5 self-assessed.
func TestBNV876(t *testing.T) {
	s, got := split(t, "bnv-876-2022")
	var fields []string
	for _, f := range s.Items {
		fields = append(fields, f.Max.String())
	}
	if strings.Join(fields, " ") != "9.5 10 13 10.5 15 12 13.5 16.5" || s.Max.String() != "100" || !s.Complete {
		t.Errorf("fields %v, total %s", fields, s.Max)
	}
	want := map[string]string{Survey: "22", SIPAS: "10", Socioeconomic: "6.5", Self: "61.5"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s points = %s, want %s", k, got[k], v)
		}
	}
	if !s.Covers(2022) || !s.Covers(2024) || s.Covers(2025) || s.Covers(2021) {
		t.Errorf("years %s: scores the 2022–2024 results", s.Years())
	}
	count := 0
	s.Walk(func(*Criterion) { count++ })
	if count != 120 {
		t.Errorf("%d criteria, want the table's 120 rows", count)
	}
}

// TestBNV1149: the self-assessed part of Quyết định 1149/QĐ-BNV, from the
// Hà Giang 2021 table (66.5 points), with SIPAS left to the Ministry.
func TestBNV1149(t *testing.T) {
	s, got := split(t, "bnv-1149-2020")
	if s.Max.String() != "66.5" || s.Complete {
		t.Errorf("total %s, complete %v: want the 66.5 self-assessed points, incomplete", s.Max, s.Complete)
	}
	if c := s.Lookup("8.1"); c == nil || c.Assessment != Ministry || c.HasMax {
		t.Errorf("8.1 = %+v, want the Ministry's, without points", c)
	}
	if got[Self] != "60.5" || got[Socioeconomic] != "6" {
		t.Errorf("split = %v", got)
	}
	if !s.Covers(2020) || !s.Covers(2021) || s.Covers(2022) {
		t.Errorf("years %s", s.Years())
	}
}

func TestParseRefuses(t *testing.T) {
	base := "id: x\ndecision: QĐ\nfrom_year: 2020\nmax: 2\nitems:\n"
	tests := []struct {
		name, items, want string
	}{
		{name: "sum", items: "  - {code: \"1\", name: A, max: 2, items: [{code: \"1.1\", name: B, max: 1.5, assessment: self}]}\n", want: "add up to 1.5"},
		{name: "nesting", items: "  - {code: \"1\", name: A, max: 2, items: [{code: \"2.1\", name: B, max: 2, assessment: self}]}\n", want: "not a child"},
		{name: "assessment", items: "  - {code: \"1\", name: A, max: 2, assessment: guess}\n", want: "assessment"},
		{name: "unknown key", items: "  - {code: \"1\", name: A, max: 2, assessment: self, weight: 1}\n", want: "weight"},
		{name: "decimal comma", items: "  - {code: \"1\", name: A, max: \"2,0\", assessment: self}\n", want: "decimal comma"},
		{name: "duplicate", items: "  - {code: \"1\", name: A, max: 1, assessment: self}\n  - {code: \"1\", name: B, max: 1, assessment: self}\n", want: "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(base + tt.items))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestCompareNames(t *testing.T) {
	tests := []struct {
		plan, official string
		want           NameMatch
	}{
		{plan: "Xử lý kết quả TDTHPL", official: "Xử lý kết quả theo dõi thi hành pháp luật", want: SameName},
		{plan: "Kiểm soát quy định TTHC", official: "Kiểm soát quy định thủ tục hành chính (TTHC)", want: SameName},
		{plan: "Ban hành quy chế quản lý.", official: "Ban hành Quy chế quản lý", want: SameName},
		{plan: "Tỷ lệ DVCTT toàn trình", official: "Tỷ lệ dịch vụ công trực tuyến toàn trình", want: SameName},
		{plan: "Đổi thoại của lãnh đạo tỉnh với người dân, doanh nghiệp", official: "Đối thoại giữa Lãnh đạo tỉnh với người dân, doanh nghiệp", want: SimilarName},
		{plan: "Tỷ lệ giảm số lượng đơn vị SNCL so với năm 2021", official: "Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập", want: SimilarName},
		{plan: "CÁI CÁCH THỂ CHẾ", official: "CẢI CÁCH THỂ CHẾ", want: SimilarName},
		{plan: "Tỷ lệ cơ quan bô trí công chức", official: "Tỷ lệ cơ quan bố trí công chức", want: SimilarName},
		{plan: "Sáng kiến hoặc giải pháp mới trong CCHC", official: "Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC", want: DifferentName},
		{plan: "Phát triển các nền tảng, cơ sở dữ liệu", official: "Triển khai, duy trì, cập nhật Kiến trúc Chính quyền điện tử theo quy định", want: DifferentName},
	}
	for _, tt := range tests {
		t.Run(tt.plan, func(t *testing.T) {
			if got := CompareNames(tt.plan, tt.official); got != tt.want {
				t.Errorf("CompareNames(%q, %q) = %d, want %d", tt.plan, tt.official, got, tt.want)
			}
		})
	}
}
