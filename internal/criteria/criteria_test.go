package criteria

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/parplan/parplan/schema"
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
	if strings.Join(fields, " ") != "9.5 10 13 10.5 15 12 13.5 16.5" || s.Max.String() != "100" {
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
	// Published: 8 fields, 37 criteria, 88 sub-criteria; the table has 75.
	if s.Complete || s.Published == nil || *s.Published != (Counts{8, 37, 88}) || s.Known() != (Counts{8, 37, 75}) || s.SelfOnly {
		t.Errorf("complete %v, published %v, known %v: want 75 of 88 sub-criteria", s.Complete, s.Published, s.Known())
	}
	if got := s.DecisionDate.Format("2006-01-02"); got != "2022-11-10" || !strings.Contains(s.Decision, "ngày 10/11/2022") {
		t.Errorf("decision %q of %s", s.Decision, got)
	}
	if !strings.HasPrefix(s.Scheme, "Đề án Xác định Chỉ số cải cách hành chính") || !strings.HasSuffix(s.Scheme, "giai đoạn 2022-2030") {
		t.Errorf("scheme %q", s.Scheme)
	}
	var undivided []string
	for _, c := range s.Undivided() {
		undivided = append(undivided, c.Code)
	}
	if got := strings.Join(undivided, " "); got != "1.1 1.2 1.4 1.5 1.6 1.7 2.3 2.4 3.1 5.4 5.6 5.7 8.1 8.2 8.4 8.5" {
		t.Errorf("criteria without sub-criteria: %s (the data file's header lists them)", got)
	}
}

// TestBNV1149: the self-assessed part of Quyết định 1149/QĐ-BNV, from the
// Hà Giang 2021 table (66.5 points), with SIPAS left to the Ministry.
func TestBNV1149(t *testing.T) {
	s, got := split(t, "bnv-1149-2020")
	if s.Max.String() != "66.5" || s.Complete || !s.SelfOnly || s.Published != nil || s.Known() != (Counts{8, 37, 76}) {
		t.Errorf("total %s, complete %v, self only %v, published %v, known %v: want the 66.5 self-assessed points, incomplete",
			s.Max, s.Complete, s.SelfOnly, s.Published, s.Known())
	}
	if got := s.DecisionDate.Format("2/1/2006"); got != "30/12/2020" || s.Scheme == "" {
		t.Errorf("decision date %s, scheme %q", got, s.Scheme)
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

// TestCompleteness: a set's stated completeness agrees with its counts —
// every built-in set, and each way a set can disagree is refused.
func TestCompleteness(t *testing.T) {
	sets, err := Sets()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sets {
		t.Run(s.ID, func(t *testing.T) {
			known := s.Known()
			full := s.Published != nil && known == *s.Published && !s.SelfOnly
			if s.Complete != full {
				t.Errorf("complete: %v, but the data holds %s of the published %v (self only: %v)", s.Complete, known, s.Published, s.SelfOnly)
			}
			if !s.Complete && !s.SelfOnly && (s.Published == nil || known == *s.Published) {
				t.Errorf("incomplete, but nothing says what is missing")
			}
		})
	}
	// One field, one criterion, two sub-criteria.
	base := "id: x\ndecision: QĐ\nfrom_year: 2020\nmax: 2\n%s\nitems:\n" +
		"  - {code: \"1\", name: A, max: 2, items: [{code: \"1.1\", name: B, max: 2, items: [{code: \"1.1.1\", name: C, max: 1, assessment: self}, {code: \"1.1.2\", name: D, max: 1, assessment: survey}]}]}\n"
	tests := []struct {
		name, meta, want string
	}{
		{name: "complete and counted", meta: "complete: true\npublished: {fields: 1, criteria: 1, sub_criteria: 2}"},
		{name: "partial and counted", meta: "complete: false\npublished: {fields: 1, criteria: 1, sub_criteria: 3}"},
		{name: "self part", meta: "complete: false\npart: self"},
		{name: "complete but short", meta: "complete: true\npublished: {fields: 1, criteria: 1, sub_criteria: 3}", want: "of the published"},
		{name: "complete uncounted", meta: "complete: true", want: "needs the published counts"},
		{name: "complete self part", meta: "complete: true\npart: self\npublished: {fields: 1, criteria: 1, sub_criteria: 2}", want: "part: self"},
		{name: "partial for no reason", meta: "complete: false\npublished: {fields: 1, criteria: 1, sub_criteria: 2}", want: "nothing says what is missing"},
		{name: "silent", meta: "", want: "nothing says what is missing"},
		{name: "more than published", meta: "published: {fields: 1, criteria: 1, sub_criteria: 1}", want: "more than the published"},
		{name: "unknown part", meta: "part: survey", want: "part \"survey\""},
		{name: "date", meta: "part: self\ndecision_date: 2022-02-30", want: "not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(fmt.Sprintf(base, tt.meta)))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestDecisionDate: a citation's date and decision_date agree.
func TestDecisionDate(t *testing.T) {
	base := "id: x\nname: X\nfrom_year: 2020\nmax: 1\npart: self\ncomplete: false\n%s\nitems:\n  - {code: \"1\", name: A, max: 1, assessment: self}\n"
	tests := []struct {
		name, meta, want string
	}{
		{name: "agree", meta: "decision: Quyết định số 1/QĐ-BNV ngày 10/11/2022\ndecision_date: 2022-11-10"},
		{name: "no date", meta: "decision: Quyết định số 1/QĐ-BNV"},
		{name: "date only in data", meta: "decision: Quyết định số 1/QĐ-BNV\ndecision_date: 2022-11-10"},
		{name: "disagree", meta: "decision: Quyết định số 1/QĐ-BNV ngày 11/10/2022\ndecision_date: 2022-11-10", want: "writes 11/10/2022"},
		{name: "missing", meta: "decision: Quyết định số 1/QĐ-BNV ngày 10/11/2022", want: "decision_date is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(fmt.Sprintf(base, tt.meta)))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	base := "id: x\ndecision: QĐ\nfrom_year: 2020\nmax: 2\npart: self\nitems:\n"
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

// TestBuiltInStrict: each built-in set, read strictly by Parse (unknown
// keys refused, yaml.v3 alone), is the set Sets read through the fast
// parser.
func TestBuiltInStrict(t *testing.T) {
	sets, err := Sets()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sets {
		data, err := fs.ReadFile(schema.Criteria, "criteria/"+s.ID+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		strict, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		if !reflect.DeepEqual(strict, s) {
			t.Errorf("%s: Parse and Sets read different sets", s.ID)
		}
	}
}
