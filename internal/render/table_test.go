package render

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{name: "fits", text: "Thực hiện kế hoạch CCHC", width: 40, want: []string{"Thực hiện kế hoạch CCHC"}},
		{name: "at a space", text: "Thực hiện chế độ báo cáo CCHC định kỳ", width: 20, want: []string{"Thực hiện chế độ báo", "cáo CCHC định kỳ"}},
		{name: "exactly full", text: "abc def", width: 3, want: []string{"abc", "def"}},
		{name: "a word wider than the line", text: "a verylongword", width: 5, want: []string{"a", "veryl", "ongwo", "rd"}},
		{name: "a run of spaces keeps the rest", text: "ab  cd", width: 3, want: []string{"ab", " cd"}},
		{name: "newline", text: "ab\ncd ef", width: 10, want: []string{"ab", "cd ef"}},
		{name: "wide characters", text: "漢字漢字", width: 5, want: []string{"漢字", "漢字"}},
		{name: "wider than the line", text: "漢", width: 1, want: []string{"漢"}},
		{name: "combining marks stay with their base", text: norm.NFD.String("hướng"), width: 3, want: []string{norm.NFD.String("hướ"), norm.NFD.String("ng")}},
		{name: "empty", text: "", width: 5, want: []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			if !rejoins(got, tt.text) {
				t.Errorf("%q does not join back to %q", got, tt.text)
			}
		})
	}
}

func gapText(t *testing.T, lang msg.Lang, width int, opts gap.Options) string {
	t.Helper()
	return print(t, "table", GapOptions{Width: width, P: msg.For(lang), File: "plans/daknong-2024.yaml"}, report(t, "plans/daknong-2024.yaml", opts))
}

// TestGapEnglish: headers, figures and prose in English, numbers with a
// decimal point in the table and under it alike.
func TestGapEnglish(t *testing.T) {
	out := gapText(t, msg.EN, 200, gap.Options{Appendix: "phu-luc-01"})
	for _, want := range []string{
		"│ Code  │ Field/Criterion ",
		"│  Max │ Achieved 2023 │ Target 2024 │   Lost │   Gain │   Left │ Recovery │ Lead ",
		"│       │ Total ",
		"│  100 │        85.415 │      88.679 │ 14.585 │  3.264 │ 11.321 │   22.38% │",
		"\n2023: 85.415/100 → target 2024: 88.679 (+3.264 points, +3.82%)\n",
		"\nThe plan aims to win back 3.264 of the 14.585 points lost (22.38%); with every target met, 11.321 points would still be missing.\n",
		"\n† Scored by sociological survey (Điều tra XHH): the province cannot score it itself.\n",
		"  3 achieved: stated 12.905, sum 12.9045 (difference +0.0005, rounding) [sum-rounding] — acknowledged: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, vi := range []string{"Tổng", "Tối đa", "điểm bị mất", "85,415"} {
		if strings.Contains(out, vi) {
			t.Errorf("Vietnamese %q in the English output", vi)
		}
	}
}

// TestGapOneNumberConvention: in Vietnamese the table's cells and the
// prose under it both write decimal commas; in English both points.
func TestGapOneNumberConvention(t *testing.T) {
	decimalPoint := regexp.MustCompile(`\d\.\d`)
	decimalComma := regexp.MustCompile(`\d,\d`)
	for _, tt := range []struct {
		lang      msg.Lang
		want, not *regexp.Regexp
	}{
		{msg.VI, decimalComma, decimalPoint},
		{msg.EN, decimalPoint, decimalComma},
	} {
		out := gapText(t, tt.lang, 200, gap.Options{Appendix: "phu-luc-01", Level: gap.LevelField})
		for _, line := range strings.Split(out, "\n") {
			// (An acknowledgement's reason is the plan's own words.)
			if tt.not.MatchString(line) && !strings.Contains(line, "[sum-rounding]") {
				t.Errorf("%s: %q mixes the decimal marks", tt.lang, line)
			}
		}
		if !tt.want.MatchString(out) {
			t.Errorf("%s: no number with the language's mark", tt.lang)
		}
	}
}

// TestGapPipedNoWrap: piped (width 0), every name is whole on its line.
func TestGapPipedNoWrap(t *testing.T) {
	r := report(t, "plans/daknong-2024.yaml", gap.Options{Appendix: "phu-luc-01"})
	out := print(t, "table", GapOptions{}, r)
	for _, row := range r.Appendices[0].Rows {
		if !strings.Contains(out, "│ "+strings.Repeat("  ", row.Depth)+row.Name) {
			t.Errorf("%s %q is not whole on one line", row.Ref, row.Name)
		}
	}
	if strings.Contains(out, "Đã ẩn cột") {
		t.Error("a column dropped with no width to fit")
	}
}

// TestGapDroppedColumns: on a terminal of 86 columns the table leaves
// out the lead and recovery columns and says so, in the user's language.
func TestGapDroppedColumns(t *testing.T) {
	for _, tt := range []struct {
		lang msg.Lang
		want string
	}{
		{msg.VI, "┘ Đã ẩn cột Lấy lại, Chủ trì: cửa sổ chỉ rộng 86 cột. Theo cơ quan chủ trì: parplan gap --by lead plans/daknong-2024.yaml 2023:"},
		{msg.EN, "┘ Columns Recovery, Lead left out: the terminal is only 86 columns wide. By lead agency: parplan gap --by lead plans/daknong-2024.yaml 2023:"},
	} {
		out := gapText(t, tt.lang, 86, gap.Options{Appendix: "phu-luc-01"})
		if !strings.Contains(strings.Join(strings.Fields(out), " "), tt.want) {
			t.Errorf("%s: no %q in\n%s", tt.lang, tt.want, out)
		}
	}
	// One column: the singular.
	tbl := Table{Cols: []Col{{Header: "Name", Wrap: true, Min: 20}, {Header: "Note", Wrap: true, Drop: 1}},
		Rows: [][]string{{strings.Repeat("word ", 10), "a note"}}, Width: 30, P: msg.For(msg.EN)}
	var b bytes.Buffer
	if err := tbl.Render(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(b.String()), " "), "┘ Column Note left out: the terminal is only 30 columns wide.") {
		t.Errorf("singular:\n%s", b.String())
	}
}

// TestGapList: where the figures no longer fit, one block per item.
func TestGapList(t *testing.T) {
	out := gapText(t, msg.VI, 60, gap.Options{Appendix: "phu-luc-01"})
	for _, want := range []string{
		"\n1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\n  Tối đa: 9,5 · Đạt 2023: 9,45 · Mục tiêu 2024: 9,45\n  Bị mất: 0,05 · Tăng: 0 · Còn thiếu: 0,05 · Lấy lại: 0%\n\n",
		"\n    1.3.1 Tỷ lệ cơ quan chuyên môn (CQCM) cấp tỉnh và đơn vị\n          hành chính (ĐVHC) cấp huyện được kiểm tra trong\n          năm\n          Tối đa: 1 · Đạt 2023: 1 · Mục tiêu 2024: 1\n          Bị mất: 0 · Tăng: 0 · Còn thiếu: 0\n          Chủ trì: Sở Nội vụ; Sở Kế hoạch và Đầu tư\n\n",
		"\nTổng\n  Tối đa: 100 · Đạt 2023: 85,415 · Mục tiêu 2024: 88,679\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "│") {
		t.Error("a table at 60 columns")
	}
	for _, line := range strings.Split(out, "\n") {
		if width(line) > 60 {
			t.Errorf("line wider than 60 columns: %q", line)
		}
	}
}

// TestHeadersWrapOnlyWhenNarrow: at 200 columns no header wraps; at 120
// the figures' headers do, to leave the names room.
func TestHeadersWrapOnlyWhenNarrow(t *testing.T) {
	header := func(out string) []string {
		var lines []string
		in := false
		for _, l := range strings.Split(out, "\n") {
			switch {
			case strings.HasPrefix(l, "┌"):
				in = true
			case strings.HasPrefix(l, "├"):
				return lines
			case in:
				lines = append(lines, l)
			}
		}
		return lines
	}
	if h := header(gapText(t, msg.VI, 200, gap.Options{Appendix: "phu-luc-01"})); len(h) != 1 || !strings.Contains(h[0], "│ Tối đa │") {
		t.Errorf("at 200 columns the header is %q, want one line", h)
	}
	if h := header(gapText(t, msg.VI, 120, gap.Options{Appendix: "phu-luc-01"})); len(h) != 2 {
		t.Errorf("at 120 columns the header is %q, want two lines", h)
	}
}

// TestCriteriaFieldLevelWidth: the name column is as wide as the rows
// shown need, not as the terminal.
func TestCriteriaFieldLevelWidth(t *testing.T) {
	set, _ := criteria.Get("bnv-876-2022")
	var widest int
	for _, c := range set.Items {
		widest = max(widest, width(c.Name))
	}
	var b bytes.Buffer
	if err := CriteriaSet(&b, set, 0, TableOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	var top string
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "┌") {
			top = l
			break
		}
	}
	if top == "" {
		t.Fatalf("no table:\n%s", b.String())
	}
	cols := strings.Split(top, "┬")
	if got := width(cols[1]) - 2; got != widest {
		t.Errorf("name column %d wide, the widest field name is %d:\n%s", got, widest, b.String())
	}
}

// TestCriteriaLanguages: the assessment names and the split line.
func TestCriteriaLanguages(t *testing.T) {
	set, _ := criteria.Get("bnv-876-2022")
	for _, tt := range []struct {
		lang msg.Lang
		want []string
	}{
		{msg.VI, []string{"│ Mã ", "│ Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "│ Điều tra XHH ", "\nĐiểm theo cách chấm: Tự chấm 61,5 · Điều tra XHH 22 · SIPAS 10 · KT-XH 6,5\n"}},
		{msg.EN, []string{"│ Code ", "│ Field/Criterion/Sub-criterion", "│ Survey (XHH) ", "\nPoints by assessment: Self-assessed 61.5 · Survey (XHH) 22 · SIPAS 10 · Socio-economic 6.5\n"}},
	} {
		var b bytes.Buffer
		if err := CriteriaSet(&b, set, 99, TableOptions{P: msg.For(tt.lang)}); err != nil {
			t.Fatal(err)
		}
		for _, want := range tt.want {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s: no %q", tt.lang, want)
			}
		}
	}
}

// TestPlurals: one item, several items; and every message with a
// Count renders for any count in both languages.
func TestPlurals(t *testing.T) {
	for _, lang := range msg.Langs {
		p := msg.For(lang)
		for _, id := range []string{"render.points", "render.percent.heading", "render.no-score.heading", "render.unscored.summary", "render.sections", "render.md.unscored", "table.dropped"} {
			for _, count := range []any{0, 1, 2, 21, "0.5", "1", "1.0", "-1"} {
				if got := p.T(id, "Count", count, "N", "n", "Sections", "s", "Cols", "c", "Width", 80); strings.Contains(got, id) {
					t.Errorf("%s %s with Count %v: %s", lang, id, count, got)
				}
			}
		}
	}
	en := msg.For(msg.EN)
	for _, tt := range []struct {
		id    string
		count int
		want  string
	}{
		{"render.no-score.heading", 1, "No score data (not counted as 0): 1 item"},
		{"render.no-score.heading", 3, "No score data (not counted as 0): 3 items"},
		{"render.sections", 1, "1 section"},
		{"render.sections", 2, "2 sections"},
	} {
		if got := en.T(tt.id, "Count", tt.count); got != tt.want {
			t.Errorf("%s %d = %q, want %q", tt.id, tt.count, got, tt.want)
		}
	}
	x := words{en}
	if got := en.S(x.points(optOf("1"), false)); got != "1 point" {
		t.Errorf("1 → %q", got)
	}
	if got := en.S(x.points(optOf("0.5"), true)); got != "+0.5 points" {
		t.Errorf("0.5 → %q", got)
	}
	if got := msg.For(msg.VI).S(words{msg.For(msg.VI)}.points(optOf("1.5"), false)); got != "1,5 điểm" {
		t.Errorf("vi 1.5 → %q", got)
	}
}

// TestCataloguesMatch: every render text exists in both languages.
func TestCataloguesMatch(t *testing.T) {
	own := func(l msg.Lang) []string {
		var ids []string
		for _, id := range msg.IDs(l) {
			if strings.HasPrefix(id, "render.") || strings.HasPrefix(id, "table.") {
				ids = append(ids, id)
			}
		}
		return ids
	}
	vi, en := own(msg.VI), own(msg.EN)
	for _, id := range vi {
		if !slices.Contains(en, id) {
			t.Errorf("%s has no English", id)
		}
	}
	for _, id := range en {
		if !slices.Contains(vi, id) {
			t.Errorf("%s has no Vietnamese", id)
		}
	}
	for _, kind := range criteria.Assessments {
		if !msg.Has(msg.VI, "render.assessment."+kind) {
			t.Errorf("assessment %s has no name", kind)
		}
	}
}

// TestRenderedTextsAreInCatalogue: no output shows a message ID, which
// is what a text missing from the catalogue prints.
func TestRenderedTextsAreInCatalogue(t *testing.T) {
	id := regexp.MustCompile(`(render|table)\.[a-z.-]+\[`)
	for _, lang := range msg.Langs {
		for _, path := range []string{"plans/daknong-2024.yaml", "plans/hagiang-2021.yaml", "plans/gialai-2023.yaml", "plans/gialai-2021.yaml", "plans/tuyenquang-skh-2023.yaml"} {
			r := report(t, path, gap.Options{})
			for _, o := range []GapOptions{{Width: 100}, {Width: 60}, {ByLead: true, Width: 80}} {
				o.P = msg.For(lang)
				for _, format := range []string{"table", "markdown"} {
					if out := print(t, format, o, r); id.MatchString(out) {
						t.Errorf("%s %s %s: %s", lang, path, format, id.FindString(out))
					}
				}
			}
		}
	}
}
