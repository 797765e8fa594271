package deadline

import (
	"slices"
	"testing"
)

// TestParse: each pattern with other values than the plans use, and the
// folding (case, "Quí", "hàng"/"hằng", spaces, end punctuation).
func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		want []got
	}{
		// date
		{"day month year", "Trước ngày 5/3/2024", 2030, []got{date("", "2024-03-05")}},
		{"words", "ngày 5 tháng 3 năm 2024", 2030, []got{date("", "2024-03-05")}},
		{"words with chậm nhất là", "Chậm nhất là ngày 15 tháng 6 năm 2025", 2025, []got{date("", "2025-06-15")}},
		{"dots", "Chậm nhất là ngày 15.06.2025", 2025, []got{date("", "2025-06-15")}},
		{"dashes", "Trước ngày 15-06-2025", 2025, []got{date("", "2025-06-15")}},
		{"leap day", "Trước ngày 29/02/2024", 2024, []got{date("", "2024-02-29")}},
		{"leap day of the plan year", "Trước ngày 29/02", 2028, []got{date("", "2028-02-29")}},
		{"plan year", "Trước ngày 30/6", 2022, []got{date("", "2022-06-30")}},
		{"year before", "Trước ngày 31/12 năm trước", 2024, []got{date("", "2023-12-31")}},
		{"year after", "Chậm nhất ngày 15 tháng 1 năm sau", 2024, []got{date("", "2025-01-15")}},
		{"hạn chót", "Hạn chót 30/6/2022", 2022, []got{date("", "2022-06-30")}},
		{"đến ngày", "Đến ngày 30/09/2023", 2023, []got{date("", "2023-09-30")}},
		{"upper case", "TRƯỚC NGÀY 1/1/2025", 2024, []got{date("", "2025-01-01")}},
		{"spaces and punctuation", "  Trước   ngày  25/12 .", 2021, []got{date("", "2021-12-25")}},
		{"bare date", "31/12/2024", 2024, []got{date("", "2024-12-31")}},
		{"label", "Hoàn thành trước ngày 30/6/2024", 2024, []got{date("Hoàn thành", "2024-06-30")}},
		{"label with colon", "Đăng ký: trước ngày 30/6/2024", 2024, []got{date("Đăng ký", "2024-06-30")}},
		{"before January", "Trước tháng 1/2024", 2024, []got{date("", "2023-12-31")}},
		{"before March of a leap year", "Trước tháng 3", 2024, []got{date("", "2024-02-29")}},
		{"before a quarter", "Trước quý II/2021", 2021, []got{date("", "2021-03-31")}},
		{"before the first quarter", "Trước quý I năm 2022", 2022, []got{date("", "2021-12-31")}},
		{"by the end of a month", "Chậm nhất tháng 6/2024", 2024, []got{date("", "2024-06-30")}},
		{"by the end of a quarter", "Chậm nhất quý III/2022", 2022, []got{date("", "2022-09-30")}},

		// period: quarters I–IV in roman and arabic
		{"Q1 arabic", "Quý 1/2022", 2022, []got{period("", "2022-01-01", "2022-03-31")}},
		{"Q2 arabic", "Quý 2 năm 2022", 2022, []got{period("", "2022-04-01", "2022-06-30")}},
		{"Q3 arabic, plan year", "Quý 3", 2025, []got{period("", "2025-07-01", "2025-09-30")}},
		{"Q4 arabic", "Quý 4/2025", 2025, []got{period("", "2025-10-01", "2025-12-31")}},
		{"Quí", "Quí IV/2024", 2024, []got{period("", "2024-10-01", "2024-12-31")}},
		{"upper case quarter", "QUÝ II", 2024, []got{period("", "2024-04-01", "2024-06-30")}},
		{"lower case roman", "trong quý iii/2020", 2021, []got{period("", "2020-07-01", "2020-09-30")}},
		{"two quarters", "Quý I, II năm 2024", 2024, []got{period("", "2024-01-01", "2024-06-30")}},
		{"quarter range", "Quý I - II/2024", 2024, []got{period("", "2024-01-01", "2024-06-30")}},
		{"quarters with và", "Quý II và quý III năm 2022", 2022, []got{period("", "2022-04-01", "2022-09-30")}},
		{"quarter next year", "Quý I năm sau", 2024, []got{period("", "2025-01-01", "2025-03-31")}},
		{"quarter of the plan year", "Trong quý II năm kế hoạch", 2024, []got{period("", "2024-04-01", "2024-06-30")}},
		{"quarter with label", "Tổ chức hội nghị trong Quý III", 2023, []got{period("Tổ chức hội nghị", "2023-07-01", "2023-09-30")}},
		// months
		{"February of a leap year", "Tháng 2/2024", 2024, []got{period("", "2024-02-01", "2024-02-29")}},
		{"February", "Tháng 2 năm 2023", 2023, []got{period("", "2023-02-01", "2023-02-28")}},
		{"month of the plan year", "Trong tháng 12", 2022, []got{period("", "2022-12-01", "2022-12-31")}},
		{"month next year", "Tháng 11 năm sau", 2022, []got{period("", "2023-11-01", "2023-11-30")}},
		// halves
		{"first half", "6 tháng đầu năm", 2024, []got{period("", "2024-01-01", "2024-06-30")}},
		{"second half with year", "6 tháng cuối năm 2023", 2024, []got{period("", "2023-07-01", "2023-12-31")}},
		{"half in words", "Sáu tháng đầu năm", 2022, []got{period("", "2022-01-01", "2022-06-30")}},
		{"nửa cuối năm", "Nửa cuối năm", 2022, []got{period("", "2022-07-01", "2022-12-31")}},
		// years
		{"year", "Năm 2025", 2024, []got{period("", "2025-01-01", "2025-12-31")}},
		{"cả năm", "Cả năm 2022", 2022, []got{period("", "2022-01-01", "2022-12-31")}},
		{"the plan year", "Trong năm", 2026, []got{period("", "2026-01-01", "2026-12-31")}},
		{"next year", "Trong năm sau", 2026, []got{period("", "2027-01-01", "2027-12-31")}},
		{"year before", "Trong năm trước", 2026, []got{period("", "2025-01-01", "2025-12-31")}},

		// recurring
		{"hằng tháng", "Hằng tháng", 2024, []got{recurring("", Monthly, 0, "2024")}},
		{"hàng tháng", "Hàng tháng", 2024, []got{recurring("", Monthly, 0, "2024")}},
		{"hàng quý", "hàng quý", 2024, []got{recurring("", Quarterly, 0, "2024")}},
		{"every six months", "Định kỳ 6 tháng", 2024, []got{recurring("", HalfYear, 0, "2024")}},
		{"yearly", "Hằng năm", 2024, []got{recurring("", Yearly, 0, "2024")}},
		{"every quarter of a year", "Báo cáo hằng quý năm 2025", 2024, []got{recurring("Báo cáo", Quarterly, 0, "2025")}},
		{"day of every month", "Trước ngày 15 hằng tháng", 2024, []got{recurring("", Monthly, 15, "2024")}},
		{"day of the last month of a quarter", "Trước ngày 20 tháng cuối quý", 2024, []got{recurring("", Quarterly, 20, "2024")}},
		{"kì báo cáo", "Chậm nhất ngày 10 của tháng cuối kì báo cáo", 2024, []got{recurring("", Quarterly, 10, "2024")}},
		{"day of the last month of a half", "Trước ngày 15 tháng cuối 6 tháng", 2024, []got{recurring("", HalfYear, 15, "2024")}},

		// ongoing
		{"ongoing", "Thường xuyên.", 2024, []got{ongoing("", "")}},
		{"continuous", "Thường xuyên, liên tục", 2024, []got{ongoing("", "")}},
		{"liên tục", "Liên tục", 2024, []got{ongoing("", "")}},
		{"ongoing through a year", "Thường xuyên trong năm 2025", 2024, []got{ongoing("2025-01-01", "2025-12-31")}},
		{"ongoing all year", "Thường xuyên suốt năm", 2024, []got{ongoing("2024-01-01", "2024-12-31")}},

		// event
		{"right after", "Ngay sau khi có văn bản hướng dẫn", 2024, []got{event("")}},
		{"when", "Khi có yêu cầu", 2024, []got{event("")}},
		{"before an event", "Trước khi tổ chức hội nghị", 2024, []got{event("")}},
		{"days from an event", "Trong vòng 30 ngày kể từ ngày nhận được văn bản", 2024, []got{event("")}},
		{"working days", "Chậm nhất 10 ngày làm việc sau khi kết thúc", 2024, []got{event("")}},
		{"event with label", "Báo cáo sau khi kết thúc đợt kiểm tra", 2024, []got{event("Báo cáo")}},

		// unspecified
		{"roadmap", "Theo lộ trình của Chính phủ", 2024, []got{unspecified("")}},
		{"direction", "Theo chỉ đạo", 2024, []got{unspecified("")}},
		{"unspecified with label", "Báo cáo theo yêu cầu", 2024, []got{unspecified("Báo cáo")}},

		// parts and alternatives
		{"bullets on lines", "- Ban hành kế hoạch: Quý I\n- Báo cáo: Quý IV", 2024, []got{
			period("Ban hành kế hoạch", "2024-01-01", "2024-03-31"), period("Báo cáo", "2024-10-01", "2024-12-31")}},
		{"en dash bullets", "– Quý I/2024 – Quý III/2024", 2024, []got{
			period("", "2024-01-01", "2024-03-31"), period("", "2024-07-01", "2024-09-30")}},
		{"alternatives: the first that reads", "Kịp thời/Trong năm 2024", 2024, []got{period("", "2024-01-01", "2024-12-31")}},
		{"alternative after a date", "Trước ngày 31/12/2024 / theo kế hoạch", 2024, []got{date("", "2024-12-31")}},

		// year 0: the kind without dates
		{"no plan year", "Quý IV", 0, []got{{Kind: KindPeriod}}},
		{"no plan year, day", "Trước ngày 29/02", 0, []got{{Kind: KindDate}}},
		{"no plan year, recurring", "Hằng quý", 0, []got{{Kind: KindRecurring, Every: Quarterly}}},
		{"no plan year, explicit year", "Quý IV/2024", 0, []got{period("", "2024-10-01", "2024-12-31")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(tt.text, tt.year)
			if len(r.Unparsed) > 0 || len(r.Problems) > 0 {
				t.Errorf("Parse(%q): unparsed %q, problems %v", tt.text, r.Unparsed, r.Problems)
			}
			if g := summarize(r.Milestones); !slices.Equal(g, tt.want) {
				t.Errorf("Parse(%q, %d)\n got %+v\nwant %+v", tt.text, tt.year, g, tt.want)
			}
		})
	}
}

// TestParseUnparsed: texts no rule may claim stay unparsed, whole, and
// give no milestone: parplan does not guess.
func TestParseUnparsed(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"free text", "Hoàn thành sớm", []string{"Hoàn thành sớm"}},
		{"no quarter V", "Quý V/2021", []string{"Quý V/2021"}},
		{"no quarter 5", "Quý 5", []string{"Quý 5"}},
		{"a number, not a date", "Nghị định 25/12", []string{"Nghị định 25/12"}},
		{"more after the time", "Quý I/2021 nếu có kinh phí", []string{"Quý I/2021 nếu có kinh phí"}},
		{"two times", "Quý I/2021 hoặc Quý II/2021", []string{"Quý I/2021 hoặc Quý II/2021"}},
		{"time then event", "Trong năm 2023 khi có kinh phí", []string{"Trong năm 2023 khi có kinh phí"}},
		{"a year alone", "2021", []string{"2021"}},
		{"month in words", "Tháng mười hai", []string{"Tháng mười hai"}},
		{"ongoing then more", "Thường xuyên kiểm tra", []string{"Thường xuyên kiểm tra"}},
		{"theo and anything", "Theo dõi", []string{"Theo dõi"}},
		{"inside a word", "Quýt", []string{"Quýt"}},
		{"one part of two", "Quý I/2024; Sớm nhất có thể", []string{"Sớm nhất có thể"}},
		{"no alternative reads", "Sớm/kịp thời", []string{"Sớm/kịp thời"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(tt.text, 2024)
			if !slices.Equal(r.Unparsed, tt.want) {
				t.Errorf("Parse(%q).Unparsed = %q, want %q", tt.text, r.Unparsed, tt.want)
			}
			if n, want := len(r.Milestones), len(splitParts(tt.text))-len(tt.want); n != want {
				t.Errorf("Parse(%q) gives %d milestones, want %d: %+v", tt.text, n, want, r.Milestones)
			}
		})
	}
}

// TestParseProblems: dates that do not exist are problems, quoted as the
// text writes them, and give no milestone.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		want string
	}{
		{"31 February", "Trước ngày 31/02/2024", 2024, "31/02/2024"},
		{"31 April, plan year", "Trước ngày 31/04", 2024, "31/04"},
		{"29 February of a common year", "Trước ngày 29/02/2023", 2023, "29/02/2023"},
		{"29 February of a common plan year", "Trước ngày 29/2", 2023, "29/2"},
		{"in words", "Chậm nhất ngày 31 tháng 4 năm 2024", 2024, "31 tháng 4 năm 2024"},
		{"day 0", "Trước ngày 0/5/2024", 2024, "0/5/2024"},
		{"day 32", "Trước ngày 32/1/2024", 2024, "32/1/2024"},
		{"month 13", "Tháng 13/2024", 2024, "13/2024"},
		{"month 0 before", "Trước tháng 0", 2024, "0"},
		{"bare", "30/02/2024", 2024, "30/02/2024"},
		{"with a label", "Báo cáo trước ngày 31/06/2024", 2024, "31/06/2024"},
		{"recurring day 32", "Trước ngày 32 tháng cuối quý", 2024, "32 tháng cuối quý"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(tt.text, tt.year)
			if len(r.Problems) != 1 || r.Problems[0].Text != tt.want {
				t.Fatalf("Parse(%q).Problems = %+v, want one with Text %q", tt.text, r.Problems, tt.want)
			}
			if len(r.Milestones) > 0 || len(r.Unparsed) > 0 {
				t.Errorf("Parse(%q): milestones %+v, unparsed %q; want none", tt.text, r.Milestones, r.Unparsed)
			}
		})
	}
}

// TestParseText: each milestone keeps the part it was read from, trimmed,
// with all its alternatives.
func TestParseText(t *testing.T) {
	r := Parse("- Ban hành kế hoạch trong quý I/2021; - Thường xuyên trong năm/theo kế hoạch.", 2021)
	var texts []string
	for _, m := range r.Milestones {
		texts = append(texts, m.Text)
	}
	want := []string{"Ban hành kế hoạch trong quý I/2021", "Thường xuyên trong năm/theo kế hoạch"}
	if !slices.Equal(texts, want) {
		t.Errorf("texts %q, want %q", texts, want)
	}
}
