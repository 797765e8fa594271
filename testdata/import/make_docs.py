#!/usr/bin/python3
"""Generate the test documents for `parplan import`.

Run from anywhere with Debian's Python (python-docx, openpyxl, PyYAML; the
LibreOffice steps need `soffice` and python3-uno):

    /usr/bin/python3 testdata/import/make_docs.py

Everything is built from plans/*.yaml and internal/layout/layouts.yaml only
(never from parplan's own code or its export), the way provinces type their
Phụ lục in Word and Excel. See README.md next to this script for what each
file holds and its quirks.

Output is deterministic: fixed core properties, and every zip entry is
rewritten with a fixed timestamp, so re-running gives the same bytes for the
.docx/.xlsx files (and bad/ files) made here. The LibreOffice conversions
(.doc, .xls) and password.xlsx are not byte-stable (LibreOffice stamps them;
encryption uses a random salt).
"""

import datetime
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
import zlib

import yaml
import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLANS_DIR = os.path.join(ROOT, "plans")
LAYOUTS = os.path.join(ROOT, "internal", "layout", "layouts.yaml")
OUT = HERE
BAD = os.path.join(HERE, "bad")

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
AUTHOR = "parplan testdata"
FONT = "Times New Roman"

# The plan whose .doc/.xls LibreOffice makes (the smallest plan).
SMALLEST = "tuyenquang-skh-2023"
# The plans whose biggest sheet gets a pasted repeat of the header rows.
LARGEST = ("daknong-2024", "hagiang-2021")
PASSWORD = "parplan"
# Workbooks left with inline strings (t="inlineStr", as some generators write
# them); the others get a shared-string table, as Excel writes them.
INLINE_STRINGS = ("gialai-2021",)


# --------------------------------------------------------------------------
# Reading plans: numbers keep the digits written (2.0 stays "2.0").

class Num(str):
    """A YAML number kept as the text written in the plan."""


class RawLoader(yaml.SafeLoader):
    pass


def _num(loader, node):
    return Num(loader.construct_scalar(node))


RawLoader.add_constructor("tag:yaml.org,2002:int", _num)
RawLoader.add_constructor("tag:yaml.org,2002:float", _num)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=RawLoader)


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------
# The table model: columns, rows and cells, shared by the .docx and .xlsx
# writers.

SCORE_KEYS = ("max", "achieved", "target")
LIST_FIELDS = ("tasks", "products", "lead", "support")


def resolve_columns(layout, appendix, plan):
    """The layout's visible columns, with the appendix's overrides and years."""
    overrides = {o["key"]: o for o in appendix.get("columns") or []}
    cols = []
    for c in layout["columns"]:
        c = dict(c)
        o = overrides.get(c["key"], {})
        for k in ("label", "hide"):
            if k in o:
                c[k] = o[k]
        c.setdefault("field", c["key"])
        label = str(c["label"])
        label = label.replace("{year}", str(plan.get("year", "")))
        label = label.replace("{baseline_year}", str(plan.get("baseline_year", "")))
        c["label"] = label
        if not c.get("hide"):
            cols.append(c)
    return cols


def display_name(item, layout):
    name = nfc(item.get("name") or "")
    crit = item.get("criterion")
    if crit:
        parts = len(str(crit).split("."))
        for p in layout.get("name_prefixes") or []:
            if int(p["criterion_parts"]) == parts:
                return p["text"].replace("{criterion}", str(crit)) + name
    return name


def row_bold(layout, depth, parent):
    for rule in layout.get("row_styles") or []:
        if "depth" in rule and int(rule["depth"]) != depth:
            continue
        if "parent" in rule and bool(rule["parent"]) != parent:
            continue
        return bool(rule.get("bold"))
    return False


def flatten(items, depth=0, parent=None, out=None):
    if out is None:
        out = []
    for it in items:
        out.append({"item": it, "depth": depth, "parent": parent,
                    "is_parent": bool(it.get("items"))})
        if it.get("items"):
            flatten(it["items"], depth + 1, id(it), out)
    return out


def as_list(v):
    if v is None:
        return []
    if isinstance(v, list):
        return [nfc(str(x)) for x in v]
    return [nfc(str(v))]


def list_style(field, i):
    """How a list cell is typed in row i: several paragraphs, "- " bullets,
    or (lead/support only) one paragraph joined by "; "."""
    if field in ("lead", "support"):
        k = (i + (2 if field == "support" else 0)) % 5
        return {1: "joined", 3: "bullets"}.get(k, "paras")
    return "bullets" if i % 3 == 0 else "paras"


def list_lines(entries, style):
    if not entries:
        return []
    if style == "joined":
        return ["; ".join(entries)]
    if style == "bullets":
        return ["- " + e for e in entries]
    return list(entries)


class Table:
    """An appendix as a table: columns, header, data rows, total, note."""

    def __init__(self, plan, appendix, layout):
        self.plan, self.appendix, self.layout = plan, appendix, layout
        self.cols = resolve_columns(layout, appendix, plan)
        self.keys = [c["key"] for c in self.cols]
        self.grouped = any(c.get("group") for c in self.cols)
        cn = layout.get("column_numbers", "none")
        self.numbers = None
        if cn == "parens":
            self.numbers = ["(%d)" % (i + 1) for i in range(len(self.cols))]
        elif cn == "plain":
            self.numbers = [str(i + 1) for i in range(len(self.cols))]
        self.rows = flatten(appendix["items"])
        for i, r in enumerate(self.rows):
            r["index"] = i
            r["bold"] = row_bold(layout, r["depth"], r["is_parent"])
        self._lead_runs()
        self.total = appendix.get("total") if layout.get("total_label") else None
        self.note = appendix.get("note")

    def header_groups(self):
        """[(label, first column, span)] for header row 1."""
        out, i = [], 0
        while i < len(self.cols):
            g = self.cols[i].get("group")
            if g:
                j = i
                while j < len(self.cols) and self.cols[j].get("group") == g:
                    j += 1
                out.append((g, i, j - i))
                i = j
            else:
                out.append((self.cols[i]["label"], i, 1))
                i += 1
        return out

    def _lead_runs(self):
        """Consecutive sibling rows with the same lead list share one merged
        lead cell (lead_span on the first, lead_cont on the others)."""
        for r in self.rows:
            r["lead_span"], r["lead_cont"] = 1, False
        if "lead" not in self.keys:
            return
        i = 0
        while i < len(self.rows):
            lead = as_list(self.rows[i]["item"].get("lead"))
            j = i + 1
            while (lead and j < len(self.rows)
                   and self.rows[j]["parent"] == self.rows[i]["parent"]
                   and as_list(self.rows[j]["item"].get("lead")) == lead):
                j += 1
            if j - i > 1:
                self.rows[i]["lead_span"] = j - i
                for k in range(i + 1, j):
                    self.rows[k]["lead_cont"] = True
            i = j

    def in_run(self, i):
        """True if rows i and i+1 are in one merged lead cell."""
        return i + 1 < len(self.rows) and self.rows[i + 1]["lead_cont"]

    def note_over(self, r):
        it = r["item"]
        return bool(self.layout.get("note_over_scores") and it.get("note")
                    and not any(it.get(k) is not None for k in SCORE_KEYS))

    def score_span(self):
        idx = [i for i, k in enumerate(self.keys) if k in SCORE_KEYS]
        return (idx[0], len(idx)) if idx else None

    def cell(self, r, col):
        """A data cell: ("text", s) | ("score", Num) | ("list", field, entries)
        | ("empty",)."""
        it = r["item"]
        key, field = col["key"], col["field"]
        if key == "code":
            return ("text", str(it.get("code") or ""))
        if key == "name":
            return ("text", display_name(it, self.layout))
        if key in SCORE_KEYS:
            v = it.get(field)
            return ("score", v) if v is not None else ("empty",)
        if field in LIST_FIELDS:
            entries = as_list(it.get(field))
            return ("list", field, entries) if entries else ("empty",)
        v = it.get(field)
        if v is None or v == "":
            return ("empty",)
        return ("text", nfc(str(v)))


def kem_theo(plan):
    d = plan["date"]
    if isinstance(d, str):
        d = datetime.date.fromisoformat(d)
    return "(Kèm theo %s số %s ngày %d/%d/%d của %s)" % (
        plan["document"], plan["number"], d.day, d.month, d.year, plan["issuer"])


def comma(raw):
    return str(raw).replace(".", ",")


# --------------------------------------------------------------------------
# Deterministic zips.

def normalize_zip(data):
    """Rewrite a zip with fixed timestamps and attributes, entries in order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


# --------------------------------------------------------------------------
# Word.

TEXT_WIDTH_MM = 297 - 32 - 18  # A4 landscape, margins 32 mm left, 18 mm right


def set_run_font(run, size=None, bold=None, italic=None):
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(a), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic


def fmt_para(p, align=None, before=0, after=0):
    pf = p.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = 1.0
    if align is not None:
        p.alignment = align


ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def tc_fill(tc, table, lines, size, bold=False, italic=False, align=None):
    """Write lines as paragraphs of a cell (tc has one empty paragraph)."""
    cell = _Cell(tc, table)
    if not lines:
        lines = [""]
    for n, line in enumerate(lines):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        fmt_para(p, align)
        if line:
            set_run_font(p.add_run(line), size, bold, italic)


def tc_pr(tc):
    return tc.get_or_add_tcPr()


def tc_valign(tc, val="center"):
    v = OxmlElement("w:vAlign")
    v.set(qn("w:val"), val)
    pr = tc_pr(tc)
    old = pr.find(qn("w:vAlign"))
    if old is not None:
        pr.remove(old)
    pr.append(v)


def tc_vmerge(tc, restart):
    pr = tc_pr(tc)
    vm = pr.get_or_add_vMerge()
    if restart:
        vm.set(qn("w:val"), "restart")


def tr_span(tr, first, span, widths):
    """Merge cells first..first+span-1 of a row (gridSpan)."""
    tcs = tr.findall(qn("w:tc"))
    keep = tcs[first]
    for tc in tcs[first + 1:first + span]:
        tr.remove(tc)
    keep.get_or_add_tcPr().grid_span = span
    keep.width = sum(widths[first:first + span])
    return keep


def tr_mark_header(tr):
    trpr = tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    trpr.append(h)


def tr_cant_split(tr):
    trpr = tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def docx_widths_mm(cols):
    """The layout's widths scaled to the text width; the code column gets at
    least 14 mm so "1.3.1" fits on one line."""
    w = [float(c.get("width", 10)) for c in cols]
    fixed = {i: 14.0 for i, c in enumerate(cols)
             if c["key"] == "code" and TEXT_WIDTH_MM * w[i] / sum(w) < 14.0}
    rest = TEXT_WIDTH_MM - sum(fixed.values())
    free = sum(x for i, x in enumerate(w) if i not in fixed)
    return [fixed.get(i, rest * x / free) for i, x in enumerate(w)]


def docx_table(doc, t, size):
    cols = t.cols
    n = len(cols)
    widths = [Mm(w) for w in docx_widths_mm(cols)]
    table = doc.add_table(rows=0, cols=n)
    table.style = "Table Grid"
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for gc, w in zip(table._tbl.tblGrid.gridCol_lst, widths):
        gc.w = w
    tbl = table._tbl

    def new_row():
        row = table.add_row()
        for tc, w in zip(row._tr.findall(qn("w:tc")), widths):
            tc.width = w
        return row._tr

    C = WD_ALIGN_PARAGRAPH.CENTER
    # Header.
    if t.grouped:
        r1, r2 = new_row(), new_row()
        tr_mark_header(r1)
        tr_mark_header(r2)
        # cells first (by column index), merges after, right to left so the
        # indexes of the cells still to merge stay valid
        tcs1, tcs2 = r1.findall(qn("w:tc")), r2.findall(qn("w:tc"))
        for label, first, span in t.header_groups():
            if span == 1 and not cols[first].get("group"):
                tc_fill(tcs1[first], table, [label], size, bold=True, align=C)
                tc_vmerge(tcs1[first], True)
                tc_vmerge(tcs2[first], False)
                tc_fill(tcs2[first], table, [], size, bold=True, align=C)
            else:
                tc_fill(tcs1[first], table, [label], size, bold=True, align=C)
                for k in range(first, first + span):
                    tc_fill(tcs2[k], table, [cols[k]["label"]], size, bold=True, align=C)
            for k in range(first, first + span):
                tc_valign(tcs1[k])
                tc_valign(tcs2[k])
        for label, first, span in reversed(t.header_groups()):
            if span > 1:
                tr_span(r1, first, span, widths)
    else:
        r1 = new_row()
        tr_mark_header(r1)
        for tc, c in zip(r1.findall(qn("w:tc")), cols):
            tc_fill(tc, table, [c["label"]], size, bold=True, align=C)
            tc_valign(tc)
    if t.numbers:
        rn = new_row()
        tr_mark_header(rn)
        for tc, s in zip(rn.findall(qn("w:tc")), t.numbers):
            tc_fill(tc, table, [s], size, bold=False, italic=True, align=C)

    # Data rows.
    for r in t.rows:
        tr = new_row()
        tcs = tr.findall(qn("w:tc"))
        over = t.note_over(r)
        span = t.score_span() if over else None
        for k, (tc, c) in enumerate(zip(tcs, cols)):
            align = ALIGN.get(c.get("align", "left"), WD_ALIGN_PARAGRAPH.LEFT)
            if c["key"] in ("name", "tasks", "products", "target_text") and c.get("align") is None:
                align = WD_ALIGN_PARAGRAPH.JUSTIFY
            if span and span[0] <= k < span[0] + span[1]:
                if k == span[0]:
                    tc_fill(tc, table, [nfc(r["item"]["note"])], size,
                            bold=r["bold"], italic=True, align=C)
                    tc_valign(tc)
                continue
            if c["key"] == "lead" and r["lead_cont"]:
                tc_vmerge(tc, False)
                tc_fill(tc, table, [], size)
                continue
            v = t.cell(r, c)
            if v[0] == "text":
                lines = [v[1]]
            elif v[0] == "score":
                lines = [comma(v[1])]
            elif v[0] == "list":
                lines = list_lines(v[2], list_style(v[1], r["index"]))
            else:
                lines = []
            tc_fill(tc, table, lines, size, bold=r["bold"], align=align)
            if c["key"] == "lead" and r["lead_span"] > 1:
                tc_vmerge(tc, True)
            if c.get("align") == "center" or c["key"] == "lead":
                tc_valign(tc)
        if span:
            tr_span(tr, span[0], span[1], widths)

    # Total row: the label over the code and name columns.
    if t.total:
        tr = new_row()
        tcs = tr.findall(qn("w:tc"))
        for k, (tc, c) in enumerate(zip(tcs, cols)):
            if k == 0:
                tc_fill(tc, table, [t.layout["total_label"]], size, bold=True, align=C)
            elif c["key"] in SCORE_KEYS and t.total.get(c["key"]) is not None:
                tc_fill(tc, table, [comma(t.total[c["key"]])], size, bold=True, align=C)
            else:
                tc_fill(tc, table, [], size)
        if "name" in t.keys and t.keys.index("name") == 1:
            tr_span(tr, 0, 2, widths)
    return table


def docx_para(doc, text, size, bold=False, italic=False, align=None, before=0, after=0,
              page_break=False):
    p = doc.add_paragraph()
    fmt_para(p, align, before, after)
    if page_break:
        p.paragraph_format.page_break_before = True
    if text:
        set_run_font(p.add_run(text), size, bold, italic)
    return p


def setup_docx(doc):
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(12)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(a), FONT)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.top_margin = sec.bottom_margin = Mm(22)
    sec.left_margin, sec.right_margin = Mm(32), Mm(18)


def set_core(props, title):
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    props.comments = ""
    props.keywords = ""


def save_docx(doc, path):
    buf = io.BytesIO()
    doc.save(buf)
    write_bytes(path, normalize_zip(buf.getvalue()))


def make_docx(planfile, layouts, path):
    d = load(planfile)
    plan = d["plan"]
    doc = docx.Document()
    setup_docx(doc)
    C = WD_ALIGN_PARAGRAPH.CENTER
    for n, app in enumerate(d["appendices"]):
        layout = layouts[app["layout"]]
        size = int(layout.get("font_size", 12))
        t = Table(plan, app, layout)
        docx_para(doc, nfc(app.get("label") or ""), 14, bold=True, align=C, page_break=n > 0)
        docx_para(doc, nfc(app.get("title") or "").upper(), 14, bold=True, align=C, before=6)
        if app.get("subtitle"):
            docx_para(doc, nfc(app["subtitle"]), 14, bold=True, align=C)
        docx_para(doc, kem_theo(plan), 14, italic=True, align=C, after=12)
        docx_table(doc, t, size)
        if t.note:
            docx_para(doc, nfc(t.note), 13, italic=True, before=6)
        else:
            # Word always keeps a paragraph after a table; without it
            # LibreOffice drops a final table when saving as .doc
            docx_para(doc, "", 12)
    set_core(doc.core_properties, nfc(plan["title"]))
    save_docx(doc, path)


# --------------------------------------------------------------------------
# Excel.

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
XALIGN = {"left": "left", "center": "center", "right": "right"}


def xfont(size, bold=False, italic=False):
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def num_format(raw):
    raw = str(raw)
    if "." in raw:
        return "0." + "0" * len(raw.split(".", 1)[1])
    return "0"


def to_number(raw):
    raw = str(raw)
    return float(raw) if "." in raw else int(raw)


class XCounter:
    """Deterministic choices for the quirks of one workbook."""

    def __init__(self):
        self.scored = 0
        self.dotted = 0
        self.integer = 0


def xlsx_header(ws, t, row, size):
    """Header rows (and the column-number row) at row; returns next row."""
    n = len(t.cols)
    a = Alignment(horizontal="center", vertical="center", wrap_text=True)
    merges = []
    if t.grouped:
        for label, first, span in t.header_groups():
            c1 = ws.cell(row, first + 1, label)
            if span == 1 and not t.cols[first].get("group"):
                merges.append((row, first + 1, row + 1, first + 1))
            else:
                merges.append((row, first + 1, row, first + span))
                for k in range(first, first + span):
                    ws.cell(row + 1, k + 1, t.cols[k]["label"])
        rows = (row, row + 1)
    else:
        for k, c in enumerate(t.cols):
            ws.cell(row, k + 1, c["label"])
        rows = (row,)
    for rr in rows:
        for k in range(n):
            cell = ws.cell(rr, k + 1)
            cell.font = xfont(size, bold=True)
            cell.alignment = a
            cell.border = BOX
    row = rows[-1] + 1
    if t.numbers:
        for k, s in enumerate(t.numbers):
            # plain numbers typed as numbers, parenthesised ones as text
            v = int(s) if s.isdigit() else s
            cell = ws.cell(row, k + 1, v)
            cell.font = xfont(size, italic=True)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.border = BOX
        row += 1
    return row, merges


def xlsx_sheet(wb, t, cnt, big):
    layout, app, plan = t.layout, t.appendix, t.plan
    size = int(layout.get("font_size", 12))
    n = len(t.cols)
    ws = wb.create_sheet(nfc(app.get("label") or app["id"])[:31])
    for k, c in enumerate(t.cols):
        ws.column_dimensions[get_column_letter(k + 1)].width = float(c.get("width", 10))
    merges = []
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    pre = [(nfc(app.get("label") or ""), 14, True, False),
           (nfc(app.get("title") or "").upper(), 14, True, False)]
    if app.get("subtitle"):
        pre.append((nfc(app["subtitle"]), 14, True, False))
    pre.append((kem_theo(plan), 14, False, True))
    row = 1
    for text, sz, b, it in pre:
        cell = ws.cell(row, 1, text)
        cell.font = xfont(sz, b, it)
        cell.alignment = center
        merges.append((row, 1, row, n))
        row += 1
    row += 1  # a blank line before the table
    head_top = row
    row, m = xlsx_header(ws, t, row, size)
    merges += m
    head_bottom = row - 1

    # where the stray empty row and the pasted header repeat go: between
    # two rows that do not share a merged lead cell
    def gap_near(frac, avoid=()):
        i = int(len(t.rows) * frac)
        while i < len(t.rows) - 1 and (t.in_run(i) or i in avoid):
            i += 1
        return i
    empty_after = gap_near(0.4)
    repeat_after = gap_near(0.6, (empty_after,)) if big else None

    lead_col = t.keys.index("lead") + 1 if "lead" in t.keys else None
    lead_first_row = {}
    for r in t.rows:
        i = r["index"]
        over = t.note_over(r)
        span = t.score_span() if over else None
        for k, c in enumerate(t.cols):
            cell = ws.cell(row, k + 1)
            cell.border = BOX
            cell.font = xfont(size, bold=r["bold"])
            h = XALIGN.get(c.get("align", "left"), "left")
            cell.alignment = Alignment(horizontal=h, vertical="center" if h == "center" else "top",
                                       wrap_text=True)
            if span and span[0] <= k < span[0] + span[1]:
                if k == span[0]:
                    cell.value = nfc(r["item"]["note"])
                    cell.font = xfont(size, bold=r["bold"], italic=True)
                    cell.alignment = center
                    merges.append((row, k + 1, row, k + span[1]))
                continue
            if c["key"] == "lead" and r["lead_cont"]:
                continue
            v = t.cell(r, c)
            if c["key"] == "code" and v[1]:
                code = v[1]
                if re.fullmatch(r"\d+\.\d+", code):
                    cnt.dotted += 1
                    if cnt.dotted % 2 == 0:  # every other one typed as a number
                        cell.value = float(code)
                        cell.number_format = num_format(code)
                        continue
                elif re.fullmatch(r"\d+", code):
                    cnt.integer += 1
                    if cnt.integer % 3 == 0:
                        cell.value = int(code)
                        cell.number_format = "0"
                        continue
                cell.value = code
                cell.number_format = "@"
            elif v[0] == "text":
                cell.value = v[1]
            elif v[0] == "score":
                raw = str(v[1])
                if c["key"] == "max":
                    cnt.scored += 1
                q = cnt.scored % 12
                if q == 5:
                    cell.value = raw  # text with a decimal point
                    cell.number_format = "@"
                elif q == 11:
                    cell.value = comma(raw)  # text with a decimal comma
                    cell.number_format = "@"
                else:
                    cell.value = to_number(raw)
                    cell.number_format = num_format(raw)
            elif v[0] == "list":
                cell.value = "\n".join(list_lines(v[2], list_style(v[1], i)))
        if lead_col and r["lead_span"] > 1:
            lead_first_row[row] = r["lead_span"]
        row += 1
        if i == empty_after:
            for k in range(n):
                ws.cell(row, k + 1).border = BOX
            row += 1
        if repeat_after is not None and i == repeat_after:
            ws.row_breaks.append(Break(id=row - 1))
            row, m = xlsx_header(ws, t, row, size)
            merges += m

    for r0, span in lead_first_row.items():
        merges.append((r0, lead_col, r0 + span - 1, lead_col))

    if t.total:
        for k, c in enumerate(t.cols):
            cell = ws.cell(row, k + 1)
            cell.border = BOX
            cell.font = xfont(size, bold=True)
            cell.alignment = center
            if k == 0:
                cell.value = layout["total_label"]
            elif c["key"] in SCORE_KEYS and t.total.get(c["key"]) is not None:
                raw = str(t.total[c["key"]])
                cell.value = to_number(raw)
                cell.number_format = num_format(raw)
        if t.keys[:2] == ["code", "name"]:
            merges.append((row, 1, row, 2))
        row += 1
    if t.note:
        row += 1
        cell = ws.cell(row, 1, nfc(t.note))
        cell.font = xfont(13, italic=True)
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        merges.append((row, 1, row, n))

    fit_row_heights(ws, merges, size)
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    ws.print_title_rows = "$%d:$%d" % (head_top, head_bottom)
    ws.freeze_panes = ws.cell(head_bottom + 1, 1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def fit_row_heights(ws, merges, size):
    """Row heights for the wrapped text, as Excel sets them when one types
    (neither openpyxl nor LibreOffice does it on opening)."""
    span = {}
    for r1, c1, r2, c2 in merges:
        width = sum(ws.column_dimensions[get_column_letter(c)].width or 10
                    for c in range(c1, c2 + 1))
        span[(r1, c1)] = (r2 - r1 + 1, width)
    line_pt = size * 1.3
    for row in ws.iter_rows():
        lines = 1.0
        for cell in row:
            if cell.value is None or not isinstance(cell.value, str):
                continue
            rows, width = span.get((cell.row, cell.column),
                                   (1, ws.column_dimensions[cell.column_letter].width or 10))
            sz = float(cell.font.sz or 11) if cell.font else 11.0
            # characters of Times New Roman per Excel width unit, at 12 pt
            per = 0.95 if cell.font and cell.font.b else 1.15
            cap = max(1.0, width * per * 12 / sz)
            n = sum(max(1, -(-len(line) // int(cap))) for line in cell.value.split("\n"))
            lines = max(lines, n / rows)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = round(lines * line_pt + 3, 1)


def set_wb_props(wb, title):
    p = wb.properties
    p.creator = AUTHOR
    p.lastModifiedBy = AUTHOR
    p.title = title
    p.created = FIXED
    p.modified = FIXED


def save_xlsx(wb, path, inline=False):
    """Save; strings go to a shared-string table as Excel writes them
    (this openpyxl writes inline strings), unless inline is set."""
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    if not inline:
        data = shared_strings(data)
    write_bytes(path, normalize_zip(data))


NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def shared_strings(data):
    """Move every inline string of the worksheets into xl/sharedStrings.xml."""
    from lxml import etree
    src = zipfile.ZipFile(io.BytesIO(data))
    strings, index = [], {}
    parts, refs = {}, 0
    for info in src.infolist():
        blob = src.read(info.filename)
        if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", info.filename):
            root = etree.fromstring(blob)
            for c in root.iter("{%s}c" % NS_MAIN):
                if c.get("t") != "inlineStr":
                    continue
                is_ = c.find("{%s}is" % NS_MAIN)
                text = "".join(t.text or "" for t in is_.iter("{%s}t" % NS_MAIN))
                c.remove(is_)
                if text not in index:
                    index[text] = len(strings)
                    strings.append(text)
                refs += 1
                c.set("t", "s")
                v = etree.SubElement(c, "{%s}v" % NS_MAIN)
                v.text = str(index[text])
            blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        parts[info.filename] = blob
    if not strings:
        return data
    sst = etree.Element("{%s}sst" % NS_MAIN, nsmap={None: NS_MAIN})
    sst.set("count", str(refs))
    sst.set("uniqueCount", str(len(strings)))
    for text in strings:
        t = etree.SubElement(etree.SubElement(sst, "{%s}si" % NS_MAIN), "{%s}t" % NS_MAIN)
        t.text = text
        if text != text.strip() or "\n" in text:
            t.set(XML_SPACE, "preserve")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    "</Types>")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                        'Target="sharedStrings.xml"/></Relationships>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
            if name == "xl/workbook.xml":
                z.writestr("xl/sharedStrings.xml",
                           etree.tostring(sst, xml_declaration=True, encoding="UTF-8",
                                          standalone=True))
    return out.getvalue()


def make_xlsx(planfile, layouts, path):
    d = load(planfile)
    plan = d["plan"]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    cnt = XCounter()
    apps = d["appendices"]
    biggest = max(range(len(apps)), key=lambda i: len(flatten(apps[i]["items"])))
    for n, app in enumerate(apps):
        t = Table(plan, app, layouts[app["layout"]])
        xlsx_sheet(wb, t, cnt, big=(plan["id"] in LARGEST and n == biggest))
    set_wb_props(wb, nfc(plan["title"]))
    save_xlsx(wb, path, inline=plan["id"] in INLINE_STRINGS)


# --------------------------------------------------------------------------
# Bad inputs.

def make_bad(sample_docx):
    os.makedirs(BAD, exist_ok=True)
    write_bytes(os.path.join(BAD, "not-a-zip.docx"),
                "Đây không phải tệp Word: chỉ là văn bản thuần.\n"
                "Phụ lục 01\nSTT\tTiêu chí\tĐiểm\n".encode("utf-8"))

    with open(sample_docx, "rb") as f:
        data = f.read()
    write_bytes(os.path.join(BAD, "truncated.docx"), data[:len(data) // 2])

    # bomb.docx: [Content_Types].xml, _rels/.rels and a word/document.xml
    # that inflates to 200 MiB + a little, streamed through zlib.
    write_bytes(os.path.join(BAD, "bomb.docx"), make_bomb())

    C = WD_ALIGN_PARAGRAPH.CENTER
    doc = docx.Document()
    setup_docx(doc)
    docx_para(doc, "Phụ lục 01", 14, bold=True, align=C)
    docx_para(doc, "BẢNG THEO DÕI", 14, bold=True, align=C)
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for vals, bold in ((("Cột A", "Cột B", "Cột C"), True),
                       (("1", "Nội dung thứ nhất", "12,5"), False),
                       (("2", "Nội dung thứ hai", "7,25"), False)):
        row = table.add_row()
        for tc, v in zip(row._tr.findall(qn("w:tc")), vals):
            tc_fill(tc, table, [v], 12, bold=bold)
        if bold:
            tr_mark_header(row._tr)
    docx_para(doc, "", 12)
    set_core(doc.core_properties, "unknown header")
    save_docx(doc, os.path.join(BAD, "unknown-header.docx"))

    doc = docx.Document()
    setup_docx(doc)
    docx_para(doc, "Phụ lục 01", 14, bold=True, align=C)
    docx_para(doc, "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ PAR INDEX NĂM 2024",
              14, bold=True, align=C)
    docx_para(doc, "(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND tỉnh Đắk Nông)",
              14, italic=True, align=C)
    docx_para(doc, "1. Công tác chỉ đạo, điều hành CCHC: 9,5 điểm; đạt 9,45 điểm.", 13)
    docx_para(doc, "2. Cải cách thể chế: 10 điểm; đạt 9,1 điểm.", 13)
    set_core(doc.core_properties, "no table")
    save_docx(doc, os.path.join(BAD, "no-table.docx"))

    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    set_wb_props(wb, "empty")
    save_xlsx(wb, os.path.join(BAD, "empty.xlsx"))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục 01"
    ws.cell(1, 1, "Phụ lục 01").font = xfont(14, True)
    ws.cell(2, 1, "BẢNG THEO DÕI").font = xfont(14, True)
    for r, vals in enumerate((("Cột A", "Cột B", "Cột C"),
                              ("1", "Nội dung thứ nhất", 12.5),
                              ("2", "Nội dung thứ hai", 7.25)), start=4):
        for k, v in enumerate(vals, start=1):
            cell = ws.cell(r, k, v)
            cell.border = BOX
            cell.font = xfont(12, bold=(r == 4))
    set_wb_props(wb, "unknown header")
    save_xlsx(wb, os.path.join(BAD, "unknown-header.xlsx"))


BOMB_SIZE = 200 * 1024 * 1024 + 4096  # past 200 MiB


def make_bomb():
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:body><w:p><w:r><w:t>')
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    fill = BOMB_SIZE - len(head) - len(tail)
    ct = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Override PartName="/word/document.xml" ContentType="application/'
          b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels)):
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            z.writestr(zi, data)
        zi = zipfile.ZipInfo("word/document.xml", date_time=ZIP_TIME)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        zi.create_system = 0
        chunk = b"A" * (1 << 20)
        with z.open(zi, "w") as w:
            w.write(head)
            left = fill
            while left > 0:
                k = min(left, len(chunk))
                w.write(chunk[:k])
                left -= k
            w.write(tail)
    return buf.getvalue()


# --------------------------------------------------------------------------
# LibreOffice: legacy .doc/.xls, and an encrypted .xlsx.

def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def lo_convert(src, fmt, outdir, profile):
    exe = soffice()
    subprocess.run([exe, "-env:UserInstallation=file://" + profile, "--headless",
                    "--norestore", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)


def lo_password_xlsx(src, dst, profile):
    """Open src in LibreOffice (Python-UNO) and store it encrypted."""
    import uno
    from com.sun.star.beans import NamedValue, PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = "parplan_import_%d" % os.getpid()
    proc = subprocess.Popen([soffice(), "-env:UserInstallation=file://" + profile,
                             "--headless", "--invisible", "--nologo", "--norestore",
                             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise RuntimeError("could not connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        # work on a copy, so no lock file is ever left next to the outputs
        work = os.path.join(profile, "in-" + os.path.basename(src))
        shutil.copyfile(src, work)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(work), "_blank", 0,
                                           (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + src)
        # what LibreOffice's own "Save with password" puts in the media
        # descriptor for an OOXML filter (ECMA-376 standard encryption)
        nvs = []
        for name, value in (("CryptoType", "Standard"), ("OOXPassword", PASSWORD)):
            nv = NamedValue()
            nv.Name, nv.Value = name, value
            nvs.append(nv)
        enc = prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", tuple(nvs)))
        args = (prop("FilterName", "Calc MS Excel 2007 XML"), enc)
        uno.invoke(doc, "storeToURL",
                   (uno.systemPathToFileUrl(dst),
                    uno.Any("[]com.sun.star.beans.PropertyValue", args)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)


def make_libreoffice():
    if not soffice():
        print("soffice not found: skipping .doc, .xls and bad/password.xlsx", file=sys.stderr)
        return
    profile = tempfile.mkdtemp(prefix="parplan-lo-")
    try:
        for ext, fmt in (("docx", "doc"), ("xlsx", "xls")):
            src = os.path.join(OUT, "%s.%s" % (SMALLEST, ext))
            lo_convert(src, fmt, OUT, profile)
            print("made", os.path.relpath(os.path.join(OUT, "%s.%s" % (SMALLEST, fmt)), ROOT))
        dst = os.path.join(BAD, "password.xlsx")
        try:
            if os.path.exists(dst):
                os.remove(dst)
            lo_password_xlsx(os.path.join(OUT, "%s.xlsx" % SMALLEST), dst, profile)
            with open(dst, "rb") as f:
                magic = f.read(8)
            if magic != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
                raise RuntimeError("LibreOffice did not write an encrypted (OLE) package")
            print("made", os.path.relpath(dst, ROOT))
        except Exception as e:  # keep the rest; say why
            print("could not make bad/password.xlsx: %s" % e, file=sys.stderr)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# --------------------------------------------------------------------------

def main():
    layouts = {l["id"]: l for l in load(LAYOUTS)}
    plans = sorted(glob.glob(os.path.join(PLANS_DIR, "*.yaml")))
    for pf in plans:
        pid = load(pf)["plan"]["id"]
        for ext, fn in (("docx", make_docx), ("xlsx", make_xlsx)):
            out = os.path.join(OUT, "%s.%s" % (pid, ext))
            fn(pf, layouts, out)
            print("made", os.path.relpath(out, ROOT))
    make_bad(os.path.join(OUT, "%s.docx" % SMALLEST))
    print("made", os.path.relpath(BAD, ROOT) + "/ (not-a-zip, truncated, bomb, unknown-header, "
          "no-table .docx; empty, unknown-header .xlsx)")
    if "--no-libreoffice" not in sys.argv:
        make_libreoffice()


if __name__ == "__main__":
    main()
