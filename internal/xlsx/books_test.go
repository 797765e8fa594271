package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/progress"
	"github.com/parplan/parplan/internal/worklist"
)

// written returns the function that writes a book just built and
// returns its bytes: written(t)(BuildWorklist(…)).
func written(t testing.TB) func(*Workbook, error) []byte {
	return func(wb *Workbook, err error) []byte {
		t.Helper()
		return writeBook(t, wb, err)
	}
}

// writeBook writes a book and returns its bytes.
func writeBook(t testing.TB, wb *Workbook, err error) []byte {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func daknongWorklist(t testing.TB) (*plan.Plan, *worklist.Worklist) {
	t.Helper()
	p := loadFile(t, "../../plans/daknong-2024.yaml")
	// Đắk Nông's deadlines are all "Thường xuyên" (no date): give item
	// 11 of phu-luc-02 a dated one, so it sorts first.
	setDeadline(t, p, "phu-luc-02", "11", "Quý III/2024")
	return p, worklist.Build(p, worklist.Options{})
}

// setDeadline changes the deadline of one item of a loaded plan.
func setDeadline(t testing.TB, p *plan.Plan, appendix, ref, text string) {
	t.Helper()
	for _, a := range p.Appendices {
		if a.ID.Value != appendix {
			continue
		}
		for it, r := range plan.Refs(a) {
			if r == ref {
				it.Deadline.Value = text
				return
			}
		}
	}
	t.Fatalf("no item %s in %s", ref, appendix)
}

func findAgency(t testing.TB, wl *worklist.Worklist, name string) *worklist.Agency {
	t.Helper()
	a, ok := wl.Find(name, nil)
	if !ok {
		t.Fatalf("no agency %q in %v", name, wl.Names())
	}
	return a
}

// TestWorklistDaknong reads back Sở Nội vụ's worklist of Đắk Nông 2024 in
// both languages: the heading and the (Kèm theo …) line, the header and
// its merges, the two sections with one row per item, every cell as laid
// out, the page setup, the fill-in cells unlocked and the status column's
// drop-down.
func TestWorklistDaknong(t *testing.T) {
	p, wl := daknongWorklist(t)
	a := findAgency(t, wl, "Sở Nội vụ")
	lead := a.Lead()
	if lead == 0 || lead == len(a.Items) {
		t.Fatalf("Sở Nội vụ leads %d of %d items: the test wants both roles", lead, len(a.Items))
	}
	tests := []struct {
		lang                msg.Lang
		sheet, title, ref   string
		header, sub         []string
		sections            [2]string
		statuses, evidence  string
		firstRef, firstDate string
	}{
		{
			lang: msg.VI, sheet: "Danh mục nhiệm vụ",
			title:    "DANH MỤC NHIỆM VỤ GIAO SỞ NỘI VỤ CHỦ TRÌ, PHỐI HỢP THỰC HIỆN",
			ref:      reference(p.Meta),
			header:   []string{"STT", "Mục", "Nội dung", "Nhiệm vụ, giải pháp", "Cơ quan cùng thực hiện", "Thời hạn hoàn thành", "Điểm", "", "Phần cơ quan, đơn vị báo cáo"},
			sub:      []string{"", "", "", "", "", "", "Bị mất", "Phấn đấu tăng", "Kết quả thực hiện", "Tình trạng", "Văn bản chứng minh"},
			sections: [2]string{"NHIỆM VỤ CHỦ TRÌ THỰC HIỆN", "NHIỆM VỤ PHỐI HỢP THỰC HIỆN"},
			statuses: `"Chưa thực hiện,Đang thực hiện,Đã hoàn thành,Dừng thực hiện"`,
			firstRef: "11\n(Phụ lục 02)", firstDate: "(Hạn: %02d/%02d/%d)",
		},
		{
			lang: msg.EN, sheet: "Worklist",
			title:    "TASKS ASSIGNED TO SỞ NỘI VỤ TO LEAD OR SUPPORT",
			ref:      "(Attached to Kế hoạch No. 475/KH-UBND dated 18/7/2024 of UBND tỉnh Đắk Nông)",
			header:   []string{"No.", "Item", "Description", "Tasks and measures", "Other agencies", "Deadline", "Points", "", "To be filled in by the agency"},
			sub:      []string{"", "", "", "", "", "", "Lost", "To gain", "Results", "Status", "Supporting documents"},
			sections: [2]string{"TASKS TO LEAD", "TASKS TO SUPPORT"},
			statuses: `"Not started,In progress,Done,Dropped"`,
			firstRef: "11\n(Phụ lục 02)", firstDate: "(Due %[3]d-%02[2]d-%02[1]d)",
		},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			pr := msg.For(tt.lang)
			wb, err := BuildWorklist(wl, a, WorklistOptions{P: pr, Appendices: AppendixLabels(p)})
			if err == nil && !slices.Equal(wb.Sheets, []string{tt.sheet}) {
				t.Errorf("sheets %q, want %q", wb.Sheets, tt.sheet)
			}
			f := open(t, writeBook(t, wb, err))
			if got := visibleSheets(f); !slices.Equal(got, []string{tt.sheet}) {
				t.Fatalf("sheets %q", got)
			}
			sheet := tt.sheet
			if tt.lang == msg.VI && tt.ref != "(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND tỉnh Đắk Nông)" {
				t.Fatalf("the export's reference line is %q", tt.ref)
			}
			for ref, want := range map[string]string{"A1": tt.title, "A2": tt.ref, "A7": "I", "B7": tt.sections[0]} {
				if got := cellText(t, f, sheet, ref); got != want {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			if st := style(t, f, sheet, "A2"); !st.Font.Italic || st.Font.Family != Font {
				t.Errorf("the (Kèm theo …) line is not italic %s: %+v", Font, st.Font)
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			pad := func(r []string, n int) []string {
				for len(r) < n {
					r = append(r, "")
				}
				return r
			}
			if got := pad(rows[3], len(tt.header)); !slices.Equal(got, tt.header) {
				t.Errorf("header row 4 = %q, want %q", got, tt.header)
			}
			if got := rows[4]; !slices.Equal(got, tt.sub) {
				t.Errorf("header row 5 = %q, want %q", got, tt.sub)
			}
			if got, want := rows[5], parens(11); !slices.Equal(got, want) {
				t.Errorf("column numbers %q", got)
			}
			ms := merges(t, f, sheet)
			for _, m := range []string{"A1:K1", "A2:K2", "A4:A5", "C4:C5", "F4:F5", "G4:H4", "I4:K4", "B7:K7"} {
				if !ms[m] {
					t.Errorf("%s is not merged: %v", m, ms)
				}
			}

			// One row per item, numbered in each section, the second
			// section after the first's items.
			if got, want := cellText(t, f, sheet, "B8"), tt.firstRef; got != want {
				t.Errorf("B8 = %q, want %q", got, want)
			}
			support := 8 + lead
			if got := cellText(t, f, sheet, fmt.Sprintf("A%d", support)); got != "II" {
				t.Errorf("A%d = %q, want II", support, got)
			}
			if got := cellText(t, f, sheet, fmt.Sprintf("B%d", support)); got != tt.sections[1] {
				t.Errorf("B%d = %q, want %q", support, got, tt.sections[1])
			}
			items := 0
			for i, r := range rows[6:] {
				if len(r) > 1 && r[0] != "" && r[0] != "I" && r[0] != "II" {
					items++
					want := fmt.Sprint(items)
					if items > lead {
						want = fmt.Sprint(items - lead)
					}
					if r[0] != want {
						t.Errorf("row %d: STT %q, want %q", i+7, r[0], want)
					}
				}
			}
			if items != len(a.Items) {
				t.Errorf("%d item rows, want %d", items, len(a.Items))
			}
			due := a.Items[0].Due
			if want := fmt.Sprintf(tt.firstDate, due.Day, int(due.Month), due.Year); !due.IsZero() && !strings.HasSuffix(cellText(t, f, sheet, "F8"), want) {
				t.Errorf("F8 = %q, want the due day %q", cellText(t, f, sheet, "F8"), want)
			}

			// Every cell as laid out, and the page setup.
			tab := worklistTable(wl, a, pr, AppendixLabels(p))
			checkSheet(t, f, sheet, tab)
			last := planRows(tab).note
			if got := cellText(t, f, sheet, fmt.Sprintf("A%d", last)); !strings.Contains(got, "(10)") || !strings.Contains(got, "(11)") {
				t.Errorf("the note under the table %q does not name the status and evidence columns", got)
			}

			// The fill-in cells are unlocked, the others not.
			for _, c := range []struct {
				ref    string
				locked bool
			}{{"C8", true}, {"G8", true}, {"I8", false}, {"J8", false}, {"K8", false}} {
				st := style(t, f, sheet, c.ref)
				locked := st.Protection == nil || st.Protection.Locked
				if locked != c.locked {
					t.Errorf("%s: locked %v, want %v", c.ref, locked, c.locked)
				}
			}

			// The status drop-down on the item rows, not the sections.
			dvs, err := f.GetDataValidations(sheet)
			if err != nil || len(dvs) != 1 {
				t.Fatalf("data validations %v, %v", dvs, err)
			}
			dv := dvs[0]
			wantSqref := fmt.Sprintf("J8:J%d J%d:J%d", support-1, support+1, 7+len(a.Items)+1)
			if dv.Type != "list" || dv.Formula1 != tt.statuses || dv.Sqref != wantSqref || !dv.ShowErrorMessage {
				t.Errorf("validation %s %q on %q (error %v); want a list %s on %q", dv.Type, dv.Formula1, dv.Sqref, dv.ShowErrorMessage, tt.statuses, wantSqref)
			}
		})
	}
}

// TestWorklistPoints: the points are numbers with the decimals written
// (0.0216 stays 0.0216), and an agency whose items score nothing has no
// points column, one section and the heading of its one role.
func TestWorklistPoints(t *testing.T) {
	_, wl := daknongWorklist(t)
	f := open(t, written(t)(BuildWorklist(wl, findAgency(t, wl, "Các cơ quan chuyên môn cấp tỉnh"), WorklistOptions{})))
	sheet := "Danh mục nhiệm vụ"
	if got := cellText(t, f, sheet, "A1"); got != "DANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN CHUYÊN MÔN CẤP TỈNH CHỦ TRÌ THỰC HIỆN" {
		t.Errorf("A1 = %q", got)
	}
	if got := cellText(t, f, sheet, "B7"); got != "3.4.1" {
		t.Fatalf("B7 = %q: the first item is not 3.4.1 (no section row)", got)
	}
	for ref, want := range map[string]string{"G7": "0.0216", "H7": "0.0006"} {
		raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(sheet, ref)
		if raw != want || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) || cellText(t, f, sheet, ref) != want {
			t.Errorf("%s = %q (%v) shown %q, want the number %s", ref, raw, typ, cellText(t, f, sheet, ref), want)
		}
		if st := style(t, f, sheet, ref); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.0000" {
			t.Errorf("%s: number format %v, want 0.0000", ref, st.CustomNumFmt)
		}
	}

	f = open(t, written(t)(BuildWorklist(wl, findAgency(t, wl, "Các cơ sở giáo dục tại địa phương"), WorklistOptions{})))
	rows, _ := f.GetRows(sheet)
	if got := rows[0][0]; got != "DANH MỤC NHIỆM VỤ GIAO CÁC CƠ SỞ GIÁO DỤC TẠI ĐỊA PHƯƠNG PHỐI HỢP THỰC HIỆN" {
		t.Errorf("A1 = %q", got)
	}
	if slices.Contains(rows[3], "Điểm") || slices.Contains(rows[3], "Nhiệm vụ, giải pháp") {
		t.Errorf("header %q: columns without content", rows[3])
	}
	if got := rows[6][:2]; !slices.Equal(got, []string{"1", "5"}) {
		t.Errorf("row 7 = %q, want item 5 first", got)
	}
}

// TestReferenceLine: the (Kèm theo …) line names what the plan gives and
// nothing else; in Vietnamese it is the export's line.
func TestReferenceLine(t *testing.T) {
	tests := []struct {
		name                           string
		document, number, date, issuer string
		vi, en                         string
	}{
		{"all", "Quyết định", "751/QĐ-UBND", "2020-12-26", "UBND tỉnh Gia Lai",
			"(Kèm theo Quyết định số 751/QĐ-UBND ngày 26/12/2020 của UBND tỉnh Gia Lai)",
			"(Attached to Quyết định No. 751/QĐ-UBND dated 26/12/2020 of UBND tỉnh Gia Lai)"},
		{"no document", "", "1/KH-UBND", "2024-01-05", "UBND tỉnh X",
			"(Kèm theo Kế hoạch số 1/KH-UBND ngày 5/1/2024 của UBND tỉnh X)",
			"(Attached to Plan No. 1/KH-UBND dated 5/1/2024 of UBND tỉnh X)"},
		{"no issuer", "Kế hoạch", "1/KH-UBND", "", "", "(Kèm theo Kế hoạch số 1/KH-UBND)", "(Attached to Kế hoạch No. 1/KH-UBND)"},
		{"date only", "Kế hoạch", "", "2024-07-18", "UBND tỉnh X",
			"(Kèm theo Kế hoạch ngày 18/7/2024 của UBND tỉnh X)", "(Attached to Kế hoạch dated 18/7/2024 of UBND tỉnh X)"},
		{"no number, no date", "Kế hoạch", "", "", "UBND tỉnh X", "", ""},
		{"malformed date", "Kế hoạch", "", "18/7/2024", "UBND tỉnh X", "(Kèm theo Kế hoạch của UBND tỉnh X)", "(Attached to Kế hoạch of UBND tỉnh X)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := referenceLine(msg.For(msg.VI), tt.document, tt.number, tt.date, tt.issuer); got != tt.vi {
				t.Errorf("vi: %q, want %q", got, tt.vi)
			}
			m := plan.Meta{Document: plan.Text{Value: tt.document}, Number: plan.Text{Value: tt.number}, Date: plan.Text{Value: tt.date}, Issuer: plan.Text{Value: tt.issuer}}
			if got := reference(m); got != tt.vi {
				t.Errorf("the export writes %q, the worklist %q", got, tt.vi)
			}
			if got := referenceLine(msg.For(msg.EN), tt.document, tt.number, tt.date, tt.issuer); got != tt.en {
				t.Errorf("en: %q, want %q", got, tt.en)
			}
		})
	}
	// Without a line to refer to, the plan is named by its title.
	wl := &worklist.Worklist{Plan: worklist.Plan{Title: "Kế hoạch CCHC năm 2024"},
		Agencies: []*worklist.Agency{{Name: "Sở Tư pháp", Items: []*worklist.Item{{Ref: "1", Name: "Việc", Role: worklist.Lead}}}}}
	f := open(t, written(t)(BuildWorklist(wl, wl.Agencies[0], WorklistOptions{})))
	if got := cellText(t, f, "Danh mục nhiệm vụ", "A2"); got != "Kế hoạch CCHC năm 2024" {
		t.Errorf("A2 = %q, want the plan's title", got)
	}
}

// TestEveryAgencyBook builds the worklist of every agency of every
// bundled plan and reads it back: one row per item, the drop-down on
// them, the same bytes twice.
func TestEveryAgencyBook(t *testing.T) {
	for _, file := range planFiles(t) {
		t.Run(file, func(t *testing.T) {
			p := loadFile(t, file)
			wl := worklist.Build(p, worklist.Options{})
			if len(wl.Agencies) == 0 {
				t.Fatal("no agencies")
			}
			for i, a := range wl.Agencies {
				lang := msg.Langs[i%len(msg.Langs)]
				opts := WorklistOptions{P: msg.For(lang), Appendices: AppendixLabels(p)}
				data := written(t)(BuildWorklist(wl, a, opts))
				if i == 0 {
					if again := written(t)(BuildWorklist(wl, a, opts)); !bytes.Equal(data, again) {
						t.Errorf("%s: two builds differ", a.Name)
					}
				}
				f := open(t, data)
				sheet := f.GetSheetName(0)
				tab := worklistTable(wl, a, opts.P, opts.Appendices)
				pos := planRows(tab)
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				items := 0
				for _, r := range rows[pos.dataFirst-1 : pos.dataFirst-1+len(tab.rows)] {
					// (A row with no number continues a long cell.)
					if r[0] != "" && r[0] != roman(1) && r[0] != roman(2) {
						items++
					}
				}
				if items != len(a.Items) {
					t.Errorf("%s (%s): %d item rows, want %d", a.Name, lang, items, len(a.Items))
				}
				if dvs, err := f.GetDataValidations(sheet); err != nil || len(dvs) != 1 {
					t.Errorf("%s: validations %v %v", a.Name, dvs, err)
				}
			}
		})
	}
}

// statusFixture is Đắk Nông 2024 as of 15/01/2025 with one report.
func statusFixture(t testing.TB) (*plan.Plan, *progress.Status) {
	t.Helper()
	p := loadFile(t, "../../plans/daknong-2024.yaml")
	r, ds := plan.LoadReport("report.yaml", []byte(`progress:
  plan: daknong-2024
  as_of: 2024-09-30
  reported_by: Sở Nội vụ
  items:
    - {ref: "1.1", appendix: phu-luc-01, status: done, done_on: 2024-09-01, evidence: "Báo cáo số 12/BC-SNV"}
    - {ref: "1.2", appendix: phu-luc-01, status: in-progress}
    - {ref: "11", appendix: phu-luc-02, status: dropped, note: "Gộp vào nhiệm vụ 1.1"}
`))
	if r == nil || len(ds) > 0 {
		t.Fatalf("report: %v", ds)
	}
	// Dated deadlines, so that 1.2 (in progress) and 11 (dropped) are
	// overdue on 15/1/2025.
	setDeadline(t, p, "phu-luc-01", "1.2", "Quý III/2024")
	setDeadline(t, p, "phu-luc-02", "11", "Trước ngày 31/10/2024")
	return p, progress.Compute(p, []*plan.Report{r}, progress.Options{AsOf: deadline.Date{Year: 2025, Month: 1, Day: 15}})
}

// TestProgressDaknong reads back the progress report in both languages:
// the title and the day, the tables by agency and by field (with its
// total), the overdue items with their dates as dates, and the sheet of
// every item with its header rows on every page.
func TestProgressDaknong(t *testing.T) {
	p, s := statusFixture(t)
	over := s.Overdue()
	if len(over) == 0 {
		t.Fatal("nothing overdue: the test wants overdue items")
	}
	tests := []struct {
		lang                          msg.Lang
		sheets                        []string
		title, asOf, byAgency, total  string
		overdue, status, date, dateFm string
	}{
		{msg.VI, []string{"Báo cáo", "Chi tiết nhiệm vụ"},
			"BÁO CÁO TÌNH HÌNH THỰC HIỆN " + strings.ToUpper(p.Meta.Title.Value), "(Tính đến ngày 15/01/2025)",
			"I. Tình hình thực hiện theo cơ quan chủ trì", "Tổng cộng", "III. Các nhiệm vụ quá hạn", "Đã hoàn thành",
			"%02d/%02d/%d", "dd/mm/yyyy"},
		{msg.EN, []string{"Report", "All items"},
			"PROGRESS REPORT ON " + strings.ToUpper(p.Meta.Title.Value), "(As of 2025-01-15)",
			"I. Progress by lead agency", "Total", "III. Overdue items", "Done",
			"%[3]d-%02[2]d-%02[1]d", "yyyy-mm-dd"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			pr := msg.For(tt.lang)
			wb, err := BuildProgress(s, ProgressOptions{P: pr, Appendices: AppendixLabels(p)})
			if err == nil && !slices.Equal(wb.Sheets, tt.sheets) {
				t.Errorf("sheets %q, want %q", wb.Sheets, tt.sheets)
			}
			f := open(t, writeBook(t, wb, err))
			if got := visibleSheets(f); !slices.Equal(got, tt.sheets) {
				t.Fatalf("sheets %q, want %q", got, tt.sheets)
			}
			sheet := tt.sheets[0]
			for ref, want := range map[string]string{"A1": tt.title, "A2": tt.asOf} {
				if got := cellText(t, f, sheet, ref); got != want {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			if ms := merges(t, f, sheet); !ms["A1:K1"] || !ms["A2:K2"] {
				t.Errorf("the title is not merged across the sheet: %v", ms)
			}

			// By agency: the heading, the header, a row per agency.
			h := findRow(t, f, sheet, tt.byAgency)
			if h == 0 {
				t.Fatalf("no %q", tt.byAgency)
			}
			row := h + 1
			header := cellText(t, f, sheet, fmt.Sprintf("B%d", row))
			for _, c := range s.ByAgency {
				row++
				if cellText(t, f, sheet, fmt.Sprintf("B%d", row)) == header { // on a new page
					row++
				}
				if got := cellText(t, f, sheet, fmt.Sprintf("B%d", row)); got != agencyName(pr, c.Agency) {
					t.Errorf("B%d = %q, want %q", row, got, c.Agency)
					break
				}
				if got := cellText(t, f, sheet, fmt.Sprintf("C%d", row)); got != fmt.Sprint(c.Items) {
					t.Errorf("C%d = %q, want %d items", row, got, c.Items)
				}
			}

			// By field: a group row per appendix, a row per field, the
			// total of all items.
			for _, label := range []string{"Phụ lục 01", "Phụ lục 02"} {
				if findRow(t, f, sheet, label) == 0 {
					t.Errorf("no group row %q", label)
				}
			}
			rows, _ := f.GetRows(sheet)
			total := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 2 && r[1] == tt.total })
			if total < 0 {
				t.Fatalf("no %q row", tt.total)
			}
			if got := rows[total][2]; got != fmt.Sprint(len(s.Items)) {
				t.Errorf("total items %s, want %d", got, len(s.Items))
			}
			if got := rows[total][8]; got != fmt.Sprint(len(over)) {
				t.Errorf("total overdue %s, want %d", got, len(over))
			}

			// The overdue items, the longest overdue first; the day
			// missed is a date.
			h = findRow(t, f, sheet, tt.overdue)
			if h == 0 {
				t.Fatalf("no %q", tt.overdue)
			}
			n := 0
			for row := h + 2; n < len(over); row++ {
				ref := cellText(t, f, sheet, fmt.Sprintf("A%d", row))
				if ref == rows[h][0] { // the header again on a new page
					continue
				}
				it := over[n]
				n++
				if want := it.Ref + "\n(" + AppendixLabels(p)[it.Appendix] + ")"; ref != want {
					t.Errorf("A%d = %q, want %q", row, ref, want)
				}
				missed := fmt.Sprintf("G%d", row)
				want := fmt.Sprintf(tt.date, it.Missed.Day, int(it.Missed.Month), it.Missed.Year)
				if got := cellText(t, f, sheet, missed); got != want {
					t.Errorf("%s shows %q, want %q", missed, got, want)
				}
				if st := style(t, f, sheet, missed); st.CustomNumFmt == nil || *st.CustomNumFmt != tt.dateFm {
					t.Errorf("%s: number format %v, want %s", missed, st.CustomNumFmt, tt.dateFm)
				}
				if typ, _ := f.GetCellType(sheet, missed); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s is %v, not a date", missed, typ)
				}
			}
			pl, err := f.GetPageLayout(sheet)
			if err != nil || *pl.Size != paperA4 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
				t.Errorf("page layout %+v %v", pl, err)
			}
			checkMargins(t, f, sheet)

			// Every item, under its appendix.
			r := &progressReport{s: s, p: pr, labels: AppendixLabels(p), appendices: []string{"phu-luc-01", "phu-luc-02"}}
			tab := r.itemsTable()
			if got, want := len(tab.rows), len(s.Items)+2; got != want {
				t.Errorf("%d rows of items, want %d (and 2 appendix rows)", got, want)
			}
			checkSheet(t, f, tt.sheets[1], tab)
			done := findRow(t, f, tt.sheets[1], "1") // 1.1, done
			if got := cellText(t, f, tt.sheets[1], fmt.Sprintf("F%d", done)); got != tt.status {
				t.Errorf("status of 1.1 %q, want %q", got, tt.status)
			}
			if got, want := cellText(t, f, tt.sheets[1], fmt.Sprintf("J%d", done)), fmt.Sprintf(tt.date, 1, 9, 2024); got != want {
				t.Errorf("1.1 done on %q, want %q", got, want)
			}
		})
	}
}

// TestProgressPointsAtRisk: the points at risk, in words with the decimal
// comma in Vietnamese, and as a number in the tables.
func TestProgressPointsAtRisk(t *testing.T) {
	p := loadData(t, "t.yaml", []byte(minimal("scored", `      - code: "1"
        name: Lĩnh vực
        items:
          - {code: "1.1", name: Tiêu chí, max: 2, achieved: 1.5, target: 1.75, lead: [Sở Nội vụ], deadline: Quý I/2024, tasks: [Làm]}
          - {code: "1.2", name: Tiêu chí khác, max: 1, achieved: 1, target: 1, lead: [Sở Tư pháp]}
`)))
	s := progress.Compute(p, nil, progress.Options{AsOf: deadline.Date{Year: 2025, Month: 1, Day: 15}})
	if !s.PointsAtRisk.OK || s.PointsAtRisk.V.String() != "0.25" {
		t.Fatalf("points at risk %v", s.PointsAtRisk)
	}
	for _, tt := range []struct {
		lang msg.Lang
		want string
	}{{msg.VI, "Số điểm có nguy cơ bị mất do nhiệm vụ quá hạn: 0,25 điểm."}, {msg.EN, "Points at risk from overdue items: 0.25."}} {
		f := open(t, written(t)(BuildProgress(s, ProgressOptions{P: msg.For(tt.lang)})))
		sheet := f.GetSheetName(0)
		row := findRow(t, f, sheet, tt.want)
		if row == 0 {
			t.Errorf("%s: no line %q", tt.lang, tt.want)
		}
		rows, _ := f.GetRows(sheet)
		found := false
		for i, r := range rows {
			if len(r) == 11 && r[1] == "Sở Nội vụ" {
				ref := fmt.Sprintf("K%d", i+1)
				raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				found = raw == "0.25" && cellText(t, f, sheet, ref) == "0.25"
			}
		}
		if !found {
			t.Errorf("%s: no 0.25 at risk for Sở Nội vụ: %q", tt.lang, rows)
		}
	}
}
