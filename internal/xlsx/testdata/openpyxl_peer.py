"""The peer of BenchmarkExport10000: the same 10,000-row appendix table
(plantest.Big's plan, laid out as parplan's scored layout prints it)
written with openpyxl, for comparing the writers' speed on one machine.

    /usr/bin/time -v python3 internal/xlsx/testdata/openpyxl_peer.py /tmp/peer.xlsx [ROWS]

Each cell is styled (Times New Roman, borders, wrapping, number formats),
rows have heights, the header is merged and the total row is a SUM, as
in parplan's sheet; openpyxl's ordinary (not write-only) workbook, the
way such a writer is usually written.
"""
import sys
import time

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
start = time.perf_counter()

wb = Workbook()
ws = wb.active
ws.title = "Phụ lục 01"
thin = Side(style="thin", color="000000")
border = Border(left=thin, right=thin, top=thin, bottom=thin)
font = Font(name="Times New Roman", size=12)
bold = Font(name="Times New Roman", size=12, bold=True)
wrap = Alignment(wrap_text=True, vertical="center")
centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
widths = [7, 40, 9, 9, 9, 50, 18, 22, 12]
for i, w in enumerate(widths):
    ws.column_dimensions[chr(ord("A") + i)].width = w

for r, text in enumerate(["Phụ lục 01", "BẢNG LỚN", "(Kèm theo Kế hoạch số 1/KH-UBND ngày 18/7/2024 của UBND tỉnh X)"], 1):
    ws.cell(r, 1, text).font = bold
    ws.cell(r, 1).alignment = centre
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
header = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm theo bộ tiêu chí", "Điểm đạt được năm 2023",
          "Mục tiêu năm 2024", "Nhiệm vụ, giải pháp", "Trách nhiệm thực hiện", "", "Ghi chú"]
for c, text in enumerate(header, 1):
    for r in (5, 6):
        cell = ws.cell(r, c)
        cell.font, cell.alignment, cell.border = bold, centre, border
    ws.cell(5, c, text or None)
ws.cell(6, 7, "Chủ trì")
ws.cell(6, 8, "Phối hợp")
ws.merge_cells("G5:H5")
for c in (1, 2, 3, 4, 5, 6, 9):
    ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
for c in range(1, 10):
    cell = ws.cell(7, c, "(%d)" % c)
    cell.font, cell.alignment, cell.border = font, centre, border

r, n, f = 8, 0, 1
fields = []
while n < rows:
    field_row = r
    fields.append(field_row)
    values = [str(f), "LĨNH VỰC SỐ %d" % f, None, None, None, None, None, None, None]
    for c, v in enumerate(values, 1):
        cell = ws.cell(r, c, v)
        cell.font, cell.alignment, cell.border = bold, wrap, border
    r, n = r + 1, n + 1
    first = r
    c_ = 1
    while c_ <= 99 and n < rows:
        values = ["%d.%d" % (f, c_), "Tiêu chí thành phần số %d của lĩnh vực %d về cải cách hành chính" % (c_, f),
                  1.5, 1.25, 1.5,
                  "- Rà soát, đánh giá và hoàn thiện quy trình thực hiện nhiệm vụ\n- Báo cáo kết quả thực hiện định kỳ hằng quý",
                  "Giám đốc Sở Nội vụ", "- Các sở\n- UBND cấp huyện\n- các đơn vị có liên quan", None]
        for c, v in enumerate(values, 1):
            cell = ws.cell(r, c, v)
            cell.font, cell.alignment, cell.border = font, wrap, border
            if c in (3, 4, 5):
                cell.number_format = "0.00" if c == 4 else "0.0"
        ws.row_dimensions[r].height = 62
        r, n, c_ = r + 1, n + 1, c_ + 1
    for c in (3, 4, 5):
        col = chr(ord("A") + c - 1)
        ws.cell(field_row, c, "=SUM(%s%d:%s%d)" % (col, first, col, r - 1))
    f += 1
ws.cell(r, 1, "TỔNG ĐIỂM").font = bold
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
for c in (3, 4, 5):
    col = chr(ord("A") + c - 1)
    cell = ws.cell(r, c, "=SUM(%s)" % ",".join("%s%d" % (col, fr) for fr in fields))
    cell.font, cell.border = bold, border
ws.freeze_panes = "A8"
ws.print_title_rows = "5:7"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.orientation = "landscape"
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_setup.fitToHeight = 0
wb.save(out)
print("%d rows in %.3f s" % (rows, time.perf_counter() - start), file=sys.stderr)
