package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// load reads a plan from its text, failing the test on any problem.
func load(t *testing.T, name, text string) *plan.Plan {
	t.Helper()
	p, ds := plan.Load(name, []byte(text))
	if p == nil || len(ds) > 0 {
		t.Fatalf("%s does not load: %v", name, ds)
	}
	return p
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit applies replacements old → new to text, each of which must match
// exactly once.
func edit(t *testing.T, text string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if n := strings.Count(text, pairs[i]); n != 1 {
			t.Fatalf("edit: %q occurs %d times", pairs[i], n)
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	return text
}

func optText(o plan.Opt) string {
	if !o.OK {
		return "_"
	}
	return o.V.String()
}

func scoreText(s Score) string {
	return fmt.Sprintf("%s %s→%s", s.Key, optText(s.Old), optText(s.New))
}

func changeText(c Change) string {
	of := ""
	if c.Of != "" {
		of = c.Of + " "
	}
	if c.List {
		return fmt.Sprintf("%s%s +%q -%q", of, c.Key, c.Added, c.Removed)
	}
	return fmt.Sprintf("%s%s %q→%q", of, c.Key, c.Old, c.New)
}

func ackTexts(prefix string, a Acks) []string {
	var out []string
	for _, x := range a.Added {
		out = append(out, fmt.Sprintf("%s+ack %s %s %s %s", prefix, x.Of, x.Rule, x.Key, x.Reason))
	}
	for _, x := range a.Removed {
		out = append(out, fmt.Sprintf("%s-ack %s %s %s %s", prefix, x.Of, x.Rule, x.Key, x.Reason))
	}
	return out
}

// describe lists every change of r, one line each, the effects on the
// fields and totals included.
func describe(r *Result) []string {
	var out []string
	for _, c := range r.Plan {
		out = append(out, "plan "+changeText(c))
	}
	out = append(out, ackTexts("plan ", r.Acks)...)
	for _, a := range r.Appendices {
		p := a.ID + " "
		if a.Status != Changed {
			out = append(out, fmt.Sprintf("%s%s (%d items)", p, a.Status, a.Items))
		}
		for _, c := range a.Changes {
			out = append(out, p+changeText(c))
		}
		out = append(out, ackTexts(p, a.Acks)...)
		for _, s := range a.Total {
			if s.Changed() {
				out = append(out, p+"total "+scoreText(s))
			}
		}
		for _, f := range a.Fields {
			for _, s := range f.Scores {
				if s.Changed() {
					out = append(out, p+"field "+f.Ref+" "+scoreText(s))
				}
			}
			for _, it := range f.Items {
				q := p + f.Ref + ": " + it.Ref + " "
				if it.Status != Changed {
					out = append(out, q+string(it.Status)+" "+it.Name)
				}
				if it.Renamed() {
					out = append(out, fmt.Sprintf("%srenamed %q→%q", q, it.OldName, it.Name))
				}
				if it.Moved {
					out = append(out, fmt.Sprintf("%smoved %q→%q", q, it.OldParent, it.NewParent))
				}
				for _, s := range it.Scores {
					out = append(out, q+scoreText(s))
				}
				for _, c := range it.Changes {
					out = append(out, q+changeText(c))
				}
				out = append(out, ackTexts(q, it.Acks)...)
			}
		}
	}
	return out
}

const scored = "../../testdata/valid/scored.yaml"

// TestCompare: each edit of a plan's text is reported as exactly that
// edit, with its effect on the field and the total, and nothing else.
func TestCompare(t *testing.T) {
	base := readFile(t, scored)
	tests := []struct {
		name  string
		edits []string
		want  []string
		count int
	}{
		{name: "identical", want: nil},
		{
			name:  "a score",
			edits: []string{"achieved: 2\n", "achieved: 2.25\n"},
			// The parents and the total state their scores: they do not
			// change.
			want:  []string{"phu-luc-01 1: 1.2 achieved 2→2.25"},
			count: 1,
		},
		{
			name:  "a score written otherwise",
			edits: []string{"target: 2.0\n", "target: 2\n"},
		},
		{
			name:  "a stated total",
			edits: []string{"max: 9.0\n", "max: 10\n"},
			want: []string{
				`phu-luc-01 total.max "9.0"→"10"`,
				"phu-luc-01 total max 9.0→10",
			},
			count: 1,
		},
		{
			name:  "a rename",
			edits: []string{"name: Công tác kiểm tra CCHC", "name: Công tác kiểm tra, thanh tra CCHC"},
			want:  []string{`phu-luc-01 1: 1.2 renamed "Công tác kiểm tra CCHC"→"Công tác kiểm tra, thanh tra CCHC"`},
			count: 1,
		},
		{
			name: "a move to another field",
			edits: []string{
				`          - code: "1.2"
            name: Công tác kiểm tra CCHC
            max: 2.5
            achieved: 2
            target: 2.5
            tasks:
              - Tổ chức kiểm tra từ 30% cơ quan chuyên môn cấp tỉnh trở lên
            lead: [Giám đốc Sở Nội vụ]
            support:
              - Các sở, ban, ngành
              - UBND cấp huyện
`, "",
				`        items:
          - code: "2.1"`, `        items:
          - code: "1.2"
            name: Công tác kiểm tra CCHC
            max: 2.5
            achieved: 2
            target: 2.5
            tasks:
              - Tổ chức kiểm tra từ 30% cơ quan chuyên môn cấp tỉnh trở lên
            lead: [Giám đốc Sở Nội vụ]
            support:
              - Các sở, ban, ngành
              - UBND cấp huyện
          - code: "2.1"`,
			},
			want: []string{
				"phu-luc-01 field 2 max 5→7.5",
				"phu-luc-01 field 2 achieved 4.4045→6.4045",
				"phu-luc-01 field 2 target 4.5→7.0",
				`phu-luc-01 2: 1.2 moved "1"→"2"`,
			},
			count: 1,
		},
		{
			name: "reordered siblings",
			edits: []string{"          - code: \"1.1\"\n            name: Thực hiện kế hoạch CCHC\n            max: 1.5\n            achieved: 1.5\n            target: 1.5\n", "",
				"            support:\n              - Các sở, ban, ngành\n              - UBND cấp huyện\n", "            support:\n              - Các sở, ban, ngành\n              - UBND cấp huyện\n          - code: \"1.1\"\n            name: Thực hiện kế hoạch CCHC\n            max: 1.5\n            achieved: 1.5\n            target: 1.5\n"},
		},
		{
			name:  "a parent's score",
			edits: []string{"achieved: 4.4045\n", "achieved: 4.5\n"},
			want: []string{
				"phu-luc-01 field 2 achieved 4.4045→4.5",
				"phu-luc-01 2: 2.1 achieved 4.4045→4.5",
			},
			count: 1,
		},
		{
			name:  "a task added and one removed",
			edits: []string{"tasks: Giải quyết TTHC đúng thời gian quy định", "tasks: [Giải quyết TTHC đúng thời gian quy định, Công khai kết quả]", "tasks: [Thu thập đánh giá chất lượng giải quyết TTHC]", "tasks: []"},
			want: []string{
				`phu-luc-01 2: 2.1.1 tasks +["Công khai kết quả"] -[]`,
				`phu-luc-01 2: 2.1.2 tasks +[] -["Thu thập đánh giá chất lượng giải quyết TTHC"]`,
			},
			count: 2,
		},
		{
			name:  "the lead",
			edits: []string{"lead: [Chánh Văn phòng UBND tỉnh]", "lead: [Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông]"},
			want:  []string{`phu-luc-01 2: 2.1.2 lead +["Văn phòng UBND tỉnh" "Sở Thông tin và Truyền thông"] -["Chánh Văn phòng UBND tỉnh"]`},
			count: 1,
		},
		{
			name:  "the support reordered",
			edits: []string{"              - Các sở, ban, ngành\n              - UBND cấp huyện\n", "              - UBND cấp huyện\n              - Các sở, ban, ngành\n"},
		},
		{
			name:  "deadline, note, survey, target_text, unit, criterion",
			edits: []string{"note: Điều tra XHH\n                survey: true", "note: Điều tra xã hội học\n                survey: false\n                deadline: Quý IV/2024\n                target_text: Trên 90%\n                criterion: \"2.1.2\""},
			want: []string{
				`phu-luc-01 2: 2.1.2 criterion ""→"2.1.2"`,
				`phu-luc-01 2: 2.1.2 target_text ""→"Trên 90%"`,
				`phu-luc-01 2: 2.1.2 deadline ""→"Quý IV/2024"`,
				`phu-luc-01 2: 2.1.2 note "Điều tra XHH"→"Điều tra xã hội học"`,
				`phu-luc-01 2: 2.1.2 survey "true"→"false"`,
			},
			count: 5,
		},
		{
			name:  "a criterion code that changes the ref",
			edits: []string{"name: Thực hiện kế hoạch CCHC", "name: Thực hiện kế hoạch CCHC\n            criterion: I.1"},
			want:  []string{`phu-luc-01 1: I.1 criterion ""→"I.1"`},
			count: 1,
		},
		{
			name:  "metadata",
			edits: []string{"number: 1/KH-UBND", "number: 2/KH-UBND", "  year: 2024\n", "  year: 2025\n", "score: 7.9045", "score: 8", "    - index: SIPAS\n      year: 2023", "    - index: SIPAS\n      year: 2024"},
			want: []string{
				`plan number "1/KH-UBND"→"2/KH-UBND"`,
				`plan year "2024"→"2025"`,
				`plan results +["SIPAS 2024"] -["SIPAS 2023"]`,
				`plan PAR INDEX 2023 score "7.9045"→"8"`,
			},
			count: 4,
		},
		{
			name:  "agencies",
			edits: []string{"appendices:\n", "  agencies:\n    - name: Công ty Điện lực\n      aliases: [PC]\nappendices:\n"},
			want:  []string{`plan agencies +["Công ty Điện lực"] -[]`},
			count: 1,
		},
		{
			name:  "an acknowledgement",
			edits: []string{"        target: 4\n", "        target: 4\n        acknowledge:\n          - {rule: lost-no-task, reason: Không có nhiệm vụ}\n"},
			want:  []string{"phu-luc-01 1: 1 +ack  lost-no-task  Không có nhiệm vụ"},
			count: 1,
		},
		{
			name:  "appendix values",
			edits: []string{"    label: Phụ lục 01\n", "    label: Phụ lục I\n    note: Ghi chú\n"},
			want:  []string{`phu-luc-01 label "Phụ lục 01"→"Phụ lục I"`, `phu-luc-01 note ""→"Ghi chú"`},
			count: 2,
		},
		{
			name:  "list styles",
			edits: []string{"    label: Phụ lục 01\n", "    label: Phụ lục 01\n    list_style: {lead: semicolons}\n", "            lead: [Giám đốc Sở Nội vụ]\n", "            lead: [Giám đốc Sở Nội vụ]\n            list_style: {tasks: plus, support: lines}\n"},
			want: []string{
				`phu-luc-01 list_style.lead ""→"semicolons"`,
				`phu-luc-01 1: 1.2 list_style.tasks ""→"plus"`,
				`phu-luc-01 1: 1.2 list_style.support ""→"lines"`,
			},
			count: 3,
		},
		{
			name:  "an item added",
			edits: []string{"                survey: true\n", "                survey: true\n          - {code: \"2.2\", name: Công khai TTHC, max: 1, achieved: 0.5, target: 1}\n"},
			want: []string{
				"phu-luc-01 field 2 max 5→6",
				"phu-luc-01 field 2 achieved 4.4045→4.9045",
				"phu-luc-01 field 2 target 4.5→5.5",
				"phu-luc-01 2: 2.2 added Công khai TTHC",
				"phu-luc-01 2: 2.2 max _→1",
				"phu-luc-01 2: 2.2 achieved _→0.5",
				"phu-luc-01 2: 2.2 target _→1",
			},
			count: 1,
		},
		{
			name:  "an item removed",
			edits: []string{"          - code: \"1.1\"\n            name: Thực hiện kế hoạch CCHC\n            max: 1.5\n            achieved: 1.5\n            target: 1.5\n", ""},
			want: []string{
				"phu-luc-01 1: 1.1 removed Thực hiện kế hoạch CCHC",
				"phu-luc-01 1: 1.1 max 1.5→_",
				"phu-luc-01 1: 1.1 achieved 1.5→_",
				"phu-luc-01 1: 1.1 target 1.5→_",
			},
			count: 1,
		},
		{
			name:  "an appendix added",
			edits: []string{"appendices:\n", "appendices:\n  - {id: phu-luc-00, layout: tasks, items: [{code: \"1\", name: Việc một}]}\n"},
			want:  []string{"phu-luc-00 added (1 items)"},
			count: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := load(t, "old.yaml", base)
			new := load(t, "new.yaml", edit(t, base, tt.edits...))
			r := Compare(old, new)
			got := describe(r)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if r.Count() != tt.count {
				t.Errorf("Count() = %d, want %d", r.Count(), tt.count)
			}
			if r.Equal() != (len(tt.want) == 0) {
				t.Errorf("Equal() = %v", r.Equal())
			}
		})
	}
}

// scoredReformatted is testdata/valid/scored.yaml with other comments,
// key order, quoting, flow style and number spellings: the same plan.
const scoredReformatted = `# Written by hand, another way.
appendices:
  - items:
      - {name: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", code: '1', target: 4.0, achieved: 3.50, max: 4,
         items: [
           {code: "1.1", name: Thực hiện kế hoạch CCHC, max: 1.5, achieved: 1.5, target: 1.50},
           {code: "1.2", name: 'Công tác kiểm tra CCHC', max: 2.5, achieved: 2, target: 2.5,
            tasks: Tổ chức kiểm tra từ 30% cơ quan chuyên môn cấp tỉnh trở lên,
            lead: Giám đốc Sở Nội vụ, support: [UBND cấp huyện, "Các sở, ban, ngành"]}]}
      - code: "2"
        name: CẢI CÁCH THỦ TỤC HÀNH CHÍNH # no scores stated
        items:
          - code: "2.1"
            target: 4.5
            achieved: 4.4045
            max: 5
            name: >-
              Kết quả giải quyết
              hồ sơ TTHC
            items:
              - code: "2.1.1"
                name: Tỷ lệ hồ sơ giải quyết đúng hạn
                max: 2.50
                achieved: 2.4784
                target: 2.5
                tasks: [Giải quyết TTHC đúng thời gian quy định]
                lead: [Thủ trưởng các cơ quan chuyên môn cấp tỉnh]
                survey: false
              - survey: true
                note: "Điều tra XHH"
                lead: Chánh Văn phòng UBND tỉnh
                tasks: Thu thập đánh giá chất lượng giải quyết TTHC
                target: 2
                achieved: 1.9261
                max: 2.5
                name: Đánh giá chất lượng giải quyết TTHC
                code: "2.1.2"
    total: {target: 8.50, achieved: 7.9045, max: 9}
    layout: scored
    title: "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP"
    label: Phụ lục 01
    id: phu-luc-01
plan:
  results:
    - {index: PAR INDEX, year: 2023, score: 7.9045, max: 100, rank: 51, of: 63, note: tăng 0.76 điểm}
    - {index: SIPAS, year: 2023, percent: 82.10, rank: 41, of: 63}
  baseline_year: 2023
  year: 2024
  date: "2024-07-18"
  number: 1/KH-UBND
  issuer: UBND tỉnh Thử Nghiệm
  document: Kế hoạch
  title: Kế hoạch cải thiện Chỉ số CCHC năm 2024
  id: scored-2024
`

// TestReformatted: a plan against itself written another way — comments,
// key order, quoting, flow style, number spellings — has no changes; so
// has every bundled plan against its canonical encoding.
func TestReformatted(t *testing.T) {
	old := load(t, "scored.yaml", readFile(t, scored))
	if r := Compare(old, load(t, "reformatted.yaml", scoredReformatted)); !r.Equal() {
		t.Errorf("hand-reformatted scored.yaml differs:\n%s", strings.Join(describe(r), "\n"))
	}
	files, _ := filepath.Glob("../../plans/*.yaml")
	valid, _ := filepath.Glob("../../testdata/valid/*.yaml")
	for _, f := range append(files, valid...) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			p := load(t, f, readFile(t, f))
			again := load(t, "encoded.yaml", string(plan.Encode(p, "", plan.Comments{})))
			if r := Compare(p, again); !r.Equal() {
				t.Errorf("differs from its encoding:\n%s", strings.Join(describe(r), "\n"))
			}
			if r := Compare(p, p); !r.Equal() {
				t.Errorf("differs from itself:\n%s", strings.Join(describe(r), "\n"))
			}
		})
	}
}

// TestFilter: --appendix keeps one appendix without the plan's changes;
// --scores-only keeps the scores and totals.
func TestFilter(t *testing.T) {
	base := readFile(t, scored)
	old := load(t, "old.yaml", base)
	new := load(t, "new.yaml", edit(t, base,
		"number: 1/KH-UBND", "number: 2/KH-UBND",
		"name: Công tác kiểm tra CCHC", "name: Công tác kiểm tra, thanh tra CCHC",
		"achieved: 4.4045\n", "achieved: 4.5\n",
		"lead: [Chánh Văn phòng UBND tỉnh]", "lead: [Văn phòng UBND tỉnh]",
		"appendices:\n", "appendices:\n  - {id: phu-luc-00, layout: tasks, items: [{code: \"1\", name: Việc một}]}\n"))
	r := Compare(old, new)
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{name: "all", opts: Options{}, want: describe(r)},
		{name: "appendix", opts: Options{Appendix: "phu-luc-01"}, want: []string{
			`phu-luc-01 1: 1.2 renamed "Công tác kiểm tra CCHC"→"Công tác kiểm tra, thanh tra CCHC"`,
			"phu-luc-01 field 2 achieved 4.4045→4.5",
			"phu-luc-01 2: 2.1 achieved 4.4045→4.5",
			`phu-luc-01 2: 2.1.2 lead +["Văn phòng UBND tỉnh"] -["Chánh Văn phòng UBND tỉnh"]`,
		}},
		{name: "scores only", opts: Options{ScoresOnly: true}, want: []string{
			"phu-luc-00 added (1 items)",
			"phu-luc-01 field 2 achieved 4.4045→4.5",
			"phu-luc-01 2: 2.1 achieved 4.4045→4.5",
		}},
		{name: "scores only of an appendix without", opts: Options{ScoresOnly: true, Appendix: "phu-luc-00"}, want: []string{
			"phu-luc-00 added (1 items)",
		}},
		{name: "no such appendix", opts: Options{Appendix: "nope"}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(r.Filter(tt.opts))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	if len(describe(r)) != 6 {
		t.Errorf("the unfiltered result has %d lines:\n%s", len(describe(r)), strings.Join(describe(r), "\n"))
	}
}

// TestCompareBundled: edits of real plans: a criterion of Đắk Nông's
// Phụ lục 01 and a task two sections deep in its Phụ lục 02; a task of Gia
// Lai 2021, whose numbers restart per section (refs I.1, III.1).
func TestCompareBundled(t *testing.T) {
	base := readFile(t, "../../plans/daknong-2024.yaml")
	old := load(t, "old.yaml", base)
	new := load(t, "new.yaml", edit(t, base,
		"            name: Thực hiện chế độ báo cáo CCHC định kỳ\n            max: 0.5\n            achieved: 0.5\n",
		"            name: Thực hiện chế độ báo cáo CCHC định kỳ, đột xuất\n            max: 0.5\n            achieved: 0.25\n",
		"chính sách cải cách hành chính nhà nước)\n                lead:\n",
		"chính sách cải cách hành chính nhà nước)\n                deadline: Quý III/2024\n                lead:\n",
		"                  lead: bullets\n                deadline: Thường xuyên\n          - code: \"II\"\n",
		"                  lead: bullets\n          - code: \"II\"\n"))
	want := []string{
		"phu-luc-01 1: 1.2 renamed \"Thực hiện chế độ báo cáo CCHC định kỳ\"→\"Thực hiện chế độ báo cáo CCHC định kỳ, đột xuất\"",
		"phu-luc-01 1: 1.2 achieved 0.5→0.25",
		"phu-luc-02 A: 1 deadline \"Thường xuyên\"→\"Quý III/2024\"",
	}
	got := describe(Compare(old, new))
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	base = readFile(t, "../../plans/gialai-2021.yaml")
	old = load(t, "old.yaml", base)
	new = load(t, "new.yaml", edit(t, base,
		"              - Văn phòng HĐND tỉnh\n              - Văn phòng UBND tỉnh\n              - Các Sở, ban, ngành có liên quan\n          # I.2",
		"              - Văn phòng UBND tỉnh\n              - Các Sở, ban, ngành có liên quan\n              - Sở Nội vụ\n          # I.2"))
	want = []string{`phu-luc I: I.1 support +["Sở Nội vụ"] -["Văn phòng HĐND tỉnh"]`}
	if got := describe(Compare(old, new)); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
