package deadline

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// got is a milestone without its Text, for comparing with a table.
type got struct {
	Label      string
	Kind       Kind
	Start, End string
	Every      Every
	Day        int
}

func summarize(ms []Milestone) []got {
	var out []got
	for _, m := range ms {
		out = append(out, got{m.Label, m.Kind, m.Start.String(), m.End.String(), m.Every, m.Day})
	}
	return out
}

// Shorthands for the tables.
func date(label, end string) got { return got{Label: label, Kind: KindDate, End: end} }
func period(label, start, end string) got {
	return got{Label: label, Kind: KindPeriod, Start: start, End: end}
}
func event(label string) got        { return got{Label: label, Kind: KindEvent} }
func unspecified(label string) got  { return got{Label: label, Kind: KindUnspecified} }
func ongoing(start, end string) got { return got{Kind: KindOngoing, Start: start, End: end} }
func recurring(label string, every Every, day int, year string) got {
	return got{Label: label, Kind: KindRecurring, Start: year + "-01-01", End: year + "-12-31", Every: every, Day: day}
}

// planTexts is every distinct deadline text of the bundled plans, with the
// year of the plan it is in and what it means, read by hand.
var planTexts = []struct {
	text string
	year int
	want []got
}{
	// gialai-2021 and hagiang-2021 (plan year 2021)
	{"- Ban hành kế hoạch trong Quý I/2021. - Tổng hợp báo cáo UBND tỉnh kết quả kiểm tra trong Quý II/2021.", 2021, []got{
		period("Ban hành kế hoạch", "2021-01-01", "2021-03-31"),
		period("Tổng hợp báo cáo UBND tỉnh kết quả kiểm tra", "2021-04-01", "2021-06-30"),
	}},
	{"- Ban hành kế hoạch trong quý I/2021; - Báo cáo trong quý IV năm 2021;", 2021, []got{
		period("Ban hành kế hoạch", "2021-01-01", "2021-03-31"),
		period("Báo cáo", "2021-10-01", "2021-12-31"),
	}},
	{"- Ban hành kế hoạch trước ngày 31/12/2020 - Báo cáo kết quả thực hiện trong Quý IV năm 2021", 2021, []got{
		date("Ban hành kế hoạch", "2020-12-31"),
		period("Báo cáo kết quả thực hiện", "2021-10-01", "2021-12-31"),
	}},
	{"- Báo cáo kết quả thực hiện Kế hoạch trong quý IV năm 2021.", 2021, []got{
		period("Báo cáo kết quả thực hiện Kế hoạch", "2021-10-01", "2021-12-31"),
	}},
	// Quarters II and III: one period from the start of II to the end of III.
	{"- Quí II, III năm 2021 - Báo cáo định kỳ hàng quý trong năm", 2021, []got{
		period("", "2021-04-01", "2021-09-30"),
		recurring("Báo cáo", Quarterly, 0, "2021"),
	}},
	{"- Trước ngày 25 tháng cuối quý", 2021, []got{recurring("", Quarterly, 25, "2021")}},
	{"Ban hành kế hoạch trước 31/12/2020", 2021, []got{date("Ban hành kế hoạch", "2020-12-31")}},
	// Before December: due by the end of November.
	{"Ban hành văn bản trước tháng 12/2021", 2021, []got{date("Ban hành văn bản", "2021-11-30")}},
	{"Báo cáo trong quý IV năm 2021", 2021, []got{period("Báo cáo", "2021-10-01", "2021-12-31")}},
	{"Báo cáo định kỳ hàng quý trong năm", 2021, []got{recurring("Báo cáo", Quarterly, 0, "2021")}},
	// The plan is due in Q4 of the year before the plan's year.
	{"Kế hoạch Trong quý IV năm trước liền kề năm kế hoạch; Báo cáo trước ngày 25/12", 2021, []got{
		period("Kế hoạch", "2020-10-01", "2020-12-31"),
		date("Báo cáo", "2021-12-25"),
	}},
	{"Quý I năm 2021", 2021, []got{period("", "2021-01-01", "2021-03-31")}},
	{"Quý I/2021", 2021, []got{period("", "2021-01-01", "2021-03-31")}},
	{"Quý I/2022", 2021, []got{period("", "2022-01-01", "2022-03-31")}},
	{"Quý III", 2021, []got{period("", "2021-07-01", "2021-09-30")}},
	{"Quý IV", 2021, []got{period("", "2021-10-01", "2021-12-31")}},
	{"Sau khi Chính phủ ban hành và theo thời gian của Bộ Nội vụ", 2021, []got{event("")}},
	{"Theo kế hoạch", 2021, []got{unspecified("")}},
	{"Theo thời gian quy định của Bộ Nội vụ.", 2021, []got{unspecified("")}},
	{"Theo yêu cầu nhiệm vụ", 2021, []got{unspecified("")}},
	{"Tháng 1 năm 2021", 2021, []got{period("", "2021-01-01", "2021-01-31")}},
	{"Thường xuyên trong năm", 2021, []got{ongoing("2021-01-01", "2021-12-31")}},
	{"Trong năm 2021", 2021, []got{period("", "2021-01-01", "2021-12-31")}},
	{"Trong quý III/2021", 2021, []got{period("", "2021-07-01", "2021-09-30")}},
	{"Trước ngày 25/12", 2021, []got{date("", "2021-12-25")}},
	{"Trước ngày 28/02/2022", 2021, []got{date("", "2022-02-28")}},
	{"Trước ngày 31/01 năm sau", 2021, []got{date("", "2022-01-31")}},

	// gialai-2023 and tuyenquang-skh-2023 (plan year 2023)
	// Two obligations, each a number of working days from an event.
	{"- Các quyết định công bố TTHC thuộc thẩm quyền giải quyết của tỉnh phải được ban hành chậm nhất trước 05 ngày làm việc tính đến ngày văn bản QPPL có quy định về TTHC có hiệu lực thi hành. - Trường hợp văn bản QPPL được ban hành theo trình tự, thủ tục rút gọn có hiệu lực kể từ ngày thông qua hoặc ký ban hành thì quyết định công bố TTHC phải được ban hành chậm nhất là sau 03 ngày kể từ ngày công bố hoặc ký ban hành văn bản QPPL có quy định về TTHC.", 2023, []got{
		event("Các quyết định công bố TTHC thuộc thẩm quyền giải quyết của tỉnh phải được ban hành"),
		event("Trường hợp văn bản QPPL được ban hành theo trình tự, thủ tục rút gọn có hiệu lực kể từ ngày thông qua hoặc ký ban hành thì quyết định công bố TTHC phải được ban hành"),
	}},
	{"- TTHC phải được nhập, đăng tải công khai vào Cơ sở dữ liệu quốc gia về TTHC chậm nhất là 05 ngày làm việc kể từ ngày ký quyết định công bố hoặc chậm nhất là 02 ngày làm việc kể từ ngày ký quyết định công bố đối với các TTHC quy định trong văn bản QPPL được ban hành theo trình tự, thủ tục rút gọn có hiệu lực kể từ ngày thông qua hoặc ký ban hành. - Ngay sau khi có Quyết định công bố TTHC.", 2023, []got{
		event("TTHC phải được nhập, đăng tải công khai vào Cơ sở dữ liệu quốc gia về TTHC"),
		event(""),
	}},
	{"- Trong năm 2023; - Sau khi Bộ Thông tin và Truyền thông triển khai.", 2023, []got{
		period("", "2023-01-01", "2023-12-31"),
		event(""),
	}},
	// The report period is a quarter: the 20th of March, June, September, December.
	{"Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo", 2023, []got{recurring("", Quarterly, 20, "2023")}},
	{"Chậm nhất ngày 31 tháng 01 năm 2024", 2023, []got{date("", "2024-01-31")}},
	{"Khi có quy định mới của Trung ương về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức có hiệu lực thi hành", 2023, []got{event("")}},
	{"Khi để xảy ra trễ hẹn", 2023, []got{event("")}},
	{"Năm 2023", 2023, []got{period("", "2023-01-01", "2023-12-31")}},
	{"Sau khi có phản ánh kiến nghị/theo thời gian quy định", 2023, []got{event("")}},
	{"Sau khi có văn bản trả lời/theo thời gian quy định", 2023, []got{event("")}},
	{"Sau khi kết thúc đợt kiểm tra", 2023, []got{event("")}},
	{"Theo kế hoạch (nếu có)", 2023, []got{unspecified("")}},
	{"Theo nhiệm vụ được giao", 2023, []got{unspecified("")}},
	{"Theo yêu cầu của cơ quan có thẩm quyền kiểm tra", 2023, []got{unspecified("")}},
	{"Tháng 1/2023", 2023, []got{period("", "2023-01-01", "2023-01-31")}},
	{"Tháng 12/2022", 2023, []got{period("", "2022-12-01", "2022-12-31")}},
	{"Tháng 6/2023", 2023, []got{period("", "2023-06-01", "2023-06-30")}},
	{"Thường xuyên", 2023, []got{ongoing("", "")}},
	{"Thường xuyên trong năm/kết thúc năm đánh giá", 2023, []got{ongoing("2023-01-01", "2023-12-31")}},
	{"Thường xuyên trong năm/theo kế hoạch", 2023, []got{ongoing("2023-01-01", "2023-12-31")}},
	// Two things: continuous work, and whatever the province directs.
	{"Thường xuyên; theo chỉ đạo của UBND tỉnh", 2023, []got{ongoing("", ""), unspecified("")}},
	{"Trong năm 2023", 2023, []got{period("", "2023-01-01", "2023-12-31")}},
	{"Trong năm 2023/Theo Kế hoạch", 2023, []got{period("", "2023-01-01", "2023-12-31")}},
}

// TestPlanTexts: every deadline the bundled plans write, read as a person
// reads it.
func TestPlanTexts(t *testing.T) {
	for _, tt := range planTexts {
		t.Run(tt.text, func(t *testing.T) {
			r := Parse(tt.text, tt.year)
			if len(r.Unparsed) > 0 || len(r.Problems) > 0 {
				t.Errorf("unparsed %q, problems %v", r.Unparsed, r.Problems)
			}
			if g := summarize(r.Milestones); !slices.Equal(g, tt.want) {
				t.Errorf("Parse(%q, %d)\n got %+v\nwant %+v", tt.text, tt.year, g, tt.want)
			}
		})
	}
}

// TestPlans walks every plan in plans/: each deadline must be read whole,
// with no unparsed part and no impossible date, and must be in planTexts
// (so a new plan's new wording gets a line there, checked by hand).
func TestPlans(t *testing.T) {
	files, err := filepath.Glob("../../plans/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	listed := map[string]bool{}
	for _, tt := range planTexts {
		listed[tt.text] = true
	}
	seen := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, ds := plan.Load(file, data)
		if p == nil {
			t.Fatalf("%s: %v", file, ds)
		}
		for _, a := range p.Appendices {
			a.Walk(func(it *plan.Item) {
				text := it.Deadline.Value
				if text == "" {
					return
				}
				seen[text] = true
				r := Parse(text, p.Meta.Year.Value)
				where := file + ":" + itoa(it.Deadline.Pos.Line)
				for _, u := range r.Unparsed {
					t.Errorf("%s: deadline %q: no rule reads %q", where, text, u)
				}
				for _, pr := range r.Problems {
					t.Errorf("%s: deadline %q: no such date %q", where, text, pr.Text)
				}
				if len(r.Milestones) == 0 {
					t.Errorf("%s: deadline %q gives no milestone", where, text)
				}
				if !listed[text] {
					t.Errorf("%s: deadline %q is not in planTexts", where, text)
				}
			})
		}
	}
	for text := range listed {
		if !seen[text] {
			t.Errorf("planTexts lists %q, which no plan has any more", text)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
