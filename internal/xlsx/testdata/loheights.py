#!/usr/bin/python3
"""Compare the row heights parplan sets with the ones LibreOffice needs.

Usage: /usr/bin/python3 internal/xlsx/testdata/loheights.py BOOK.xlsx... > heights.tsv

For every row of every visible sheet it prints the sheet, the 1-based
row, the height set in the file and the height LibreOffice computes for
the row's text (OptimalHeight), both in points, and their ratio.

LibreOffice sizes a row to its text, horizontally merged cells included,
but skips cells merged over several rows: for those the script reports
the merge's rows as one, on its first row (tagged "merged-rows"), with
the sum of their set heights and what they need together: enough for the
merged text on its own, and for the rows' other cells.

It needs LibreOffice with its Python bridge (python3-uno); it starts a
headless soffice of its own and stops it when done.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

HMM_PER_PT = 2540 / 72


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    port = 2002 + os.getpid() % 1000
    profile = tempfile.mkdtemp(prefix="loheights-")
    proc = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--nologo", "--norestore",
        "-env:UserInstallation=file://" + profile,
        "--accept=socket,host=127.0.0.1,port=%d;urp;" % port,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(
                "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
            break
        except Exception:
            time.sleep(0.5)
    else:
        proc.kill()
        sys.exit("loheights: soffice did not start")
    desktop = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def measure(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    name = os.path.basename(path)
    try:
        sheets = doc.Sheets
        for i in range(sheets.Count):
            sh = sheets.getByIndex(i)
            if not sh.IsVisible:
                continue
            cur = sh.createCursor()
            cur.gotoEndOfUsedArea(False)
            last_row = cur.RangeAddress.EndRow
            last_col = cur.RangeAddress.EndColumn
            rows = sh.Rows
            set_h = [rows.getByIndex(r).Height for r in range(last_row + 1)]
            # Cells merged over rows: unmerge, remember.
            multi = []
            data = sh.getCellRangeByPosition(0, 0, last_col, last_row).getDataArray()
            for r in range(last_row + 1):
                for c in range(last_col + 1):
                    if data[r][c] == "":
                        continue
                    cu = sh.createCursorByRange(sh.getCellRangeByPosition(c, r, c, r))
                    cu.collapseToMergedArea()
                    a = cu.RangeAddress
                    if a.EndRow > a.StartRow:
                        multi.append(a)
            # Optimal heights with multi-row merges undone: each such
            # text is then measured on the merge's first row, alone.
            for a in multi:
                m = sh.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
                m.merge(False)
                # merge horizontally back so the width is the merge's
                if a.EndColumn > a.StartColumn:
                    sh.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.StartRow).merge(True)
            for r in range(last_row + 1):
                rows.getByIndex(r).OptimalHeight = True
            need = [rows.getByIndex(r).Height for r in range(last_row + 1)]
            # The merged texts' own needs are in need (each on its
            # merge's first row); without them, the rows need needB.
            for a in multi:
                sh.getCellByPosition(a.StartColumn, a.StartRow).setString("")
            for r in range(last_row + 1):
                rows.getByIndex(r).OptimalHeight = True
            needB = [rows.getByIndex(r).Height for r in range(last_row + 1)]
            covered = {}
            for a in multi:
                total_set = sum(set_h[a.StartRow:a.EndRow + 1])
                total_need = max(need[a.StartRow], sum(needB[a.StartRow:a.EndRow + 1]))
                prev = covered.get(a.StartRow)
                if prev:
                    total_need = max(total_need, prev[1])
                covered[a.StartRow] = (total_set, total_need)
                for rr in range(a.StartRow + 1, a.EndRow + 1):
                    covered[rr] = None
            for r in range(last_row + 1):
                tag = ""
                s, n = set_h[r], need[r]
                if r in covered:
                    if covered[r] is None:
                        continue
                    s, n = covered[r]
                    tag = "merged-rows"
                if all(v == "" for v in data[r]):
                    tag = tag or "empty"
                print("%s\t%s\t%d\t%.2f\t%.2f\t%.4f\t%s" % (
                    name, sh.Name, r + 1, s / HMM_PER_PT, n / HMM_PER_PT,
                    s / n if n else 0, tag))
    finally:
        doc.close(True)


def main():
    proc, desktop = connect()
    try:
        print("book\tsheet\trow\tset_pt\tneed_pt\tratio\ttag")
        for p in sys.argv[1:]:
            measure(desktop, p)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
