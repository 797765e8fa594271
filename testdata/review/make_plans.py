#!/usr/bin/env python3
"""Writes the constructed plans of testdata/review/ for `parplan review`.

    python3 testdata/review/make_plans.py   (from the repository root; needs PyYAML)

Run it again after changing the numbers below, then update the tables of
internal/review/review_test.go by hand: they are the check on the code.

They are NOT transcriptions of real documents: the scores are invented so
that every outcome of a review occurs, and internal/review/review_test.go
holds the table of outcomes computed by hand from the numbers below.

- daknong-2025, daknong-2026: next-year copies of plans/daknong-2024.yaml,
  Phụ lục 01 only (codes, names, maxima, tasks and lead agencies as there;
  criteria 7 and 7.1.1 under their official names, which the transcription
  keeps as misprinted). `achieved` is the result of the year before,
  `target` the plan's own year. Every criterion not listed below has its
  result equal to the previous target (met exactly) and its target equal
  to that result.
- hagiang-2022: a plan of Hà Giang on set bnv-876-2022 (the set's codes,
  names and maxima), reviewed against plans/hagiang-2021.yaml (set
  bnv-1149-2020) through internal/review/mappings.yaml. Every criterion
  not listed is at its maximum; the rows that lost points have one task
  and the lead agency Đắk Nông's table gives for that code.
"""

import json
import pathlib
from decimal import Decimal as D

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "testdata" / "review"

# Results of 2024 (daknong-2025 achieved) that differ from the 2024 targets;
# None: no result.
RESULTS_2024 = {
    "1.7": "1.4", "2.4": "3.05", "3.4.1": "1.5", "4.1.3": "0.8", "5.2.3": "0.9",
    "5.7": None, "6.3.4": "0", "7.1.4": "0.41", "7.3.7": "0.9", "8.1": "8.52",
    "8.3.1": "0.25", "8.4": "1",
}
# Targets of 2025 (daknong-2025 target) that differ from the 2024 results;
# None: no target.
TARGETS_2025 = {
    "1.7": "1.5", "2.4": "3.5", "5.6": None, "5.7": "3", "6.3.4": "1",
    "7.1.4": "0.5", "8.1": "8.6", "8.3.1": "0.5",
}
# Results of 2025 (daknong-2026 achieved) that differ from the 2025 targets.
RESULTS_2025 = {
    "2.4": "3.2", "3.4.2": "1.44", "4.1.3": "0.85", "5.6": "0.5", "5.7": "3.1",
    "6.3.4": "0.5", "7.3.2": None, "8.3.1": "0.25",
}
# The SIPAS component daknong-2025 adds under 8.1, in percent.
SIPAS = {"code": "8.1.1", "name": "Mức độ hài lòng về tiếp cận dịch vụ thuộc Chỉ số SIPAS"}
SIPAS_2025 = {"achieved": "84.5", "target": "86"}
SIPAS_2026 = {"achieved": "85.2", "target": "87"}

# Results of 2021 (hagiang-2022 achieved) below the maximum; None: no result.
RESULTS_2021 = {
    "1.7": "1.42", "2.4": "3.2", "3.4.2": "1.46", "3.5.2": None, "4.1.2": "1",
    "5.7": "3", "6.1.1": "0.95", "6.1.3": "0.9", "7.3.7": "1", "8.1": "8.1",
    "8.2": "0.5",
}


def q(s):
    """A YAML scalar for a text: plain where that is safe, else quoted."""
    plain = (s and s.strip() == s and not any(c in s for c in ":#\"'{}[]")
             and s[0] not in "-?!&*|>%@`,")
    return s if plain else json.dumps(s, ensure_ascii=False)


def dec(v):
    return None if v is None else D(v)


def fmt(v):
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


class Row:
    def __init__(self, code, name, mx, survey=False, tasks=(), lead=(), unit=None):
        self.code, self.name, self.max, self.survey = code, name, mx, survey
        self.tasks, self.lead, self.unit = list(tasks), list(lead), unit
        self.achieved = self.target = None
        self.items = []


def total(rows, key):
    vals = [getattr(r, key) for r in rows if r.unit is None]
    vals = [v for v in vals if v is not None]
    return sum(vals, D(0)) if vals else None


def sums(rows):
    for r in rows:
        if any(c.unit is None for c in r.items):
            sums(r.items)
            kids = [c for c in r.items if c.unit is None]
            r.achieved, r.target = total(kids, "achieved"), total(kids, "target")


def emit(rows, depth, out):
    ind = "  " * (3 + 2 * depth)
    for r in rows:
        out.append(f'{ind}- code: "{r.code}"')
        out.append(f"{ind}  name: {q(r.name)}")
        if r.unit:
            out.append(f"{ind}  unit: {r.unit}")
        if r.survey:
            out.append(f"{ind}  survey: true")
        for key in ("max", "achieved", "target"):
            v = getattr(r, key)
            if v is not None:
                out.append(f"{ind}  {key}: {fmt(v)}")
        for key in ("tasks", "lead"):
            if getattr(r, key):
                out.append(f"{ind}  {key}:")
                out.extend(f"{ind}    - {q(t)}" for t in getattr(r, key))
        if r.items:
            out.append(f"{ind}  items:")
            emit(r.items, depth + 1, out)


def write(name, header, meta, appendix, rows):
    sums(rows)
    out = [f"# {line}" if line else "#" for line in header.splitlines()]
    out.append("plan:")
    out.extend(f"  {k}: {v}" for k, v in meta)
    out += ["appendices:", f"  - id: {appendix['id']}", f"    label: {appendix['label']}",
            f"    title: {q(appendix['title'])}", "    layout: scored", "    total:",
            f"      max: {fmt(total(rows, 'max'))}"]
    for key in ("achieved", "target"):
        if total(rows, key) is not None:
            out.append(f"      {key}: {fmt(total(rows, key))}")
    out.append("    items:")
    emit(rows, 0, out)
    (OUT / name).write_text("\n".join(out) + "\n", encoding="utf-8")


def walk(rows):
    for r in rows:
        yield r
        yield from walk(r.items)


def leaves(rows):
    return [r for r in walk(rows) if not any(c.unit is None for c in r.items)]


def daknong_rows():
    """The rows of daknong-2024's Phụ lục 01, with its 2024 scores."""
    src = yaml.safe_load((ROOT / "plans" / "daknong-2024.yaml").read_text(encoding="utf-8"))
    official = yaml.safe_load((ROOT / "schema" / "criteria" / "bnv-876-2022.yaml").read_text(encoding="utf-8"))
    names = {}

    def index(items):
        for it in items:
            names[it["code"]] = it["name"]
            index(it.get("items", []))

    index(official["items"])
    app = next(a for a in src["appendices"] if a["id"] == "phu-luc-01")

    def build(items):
        out = []
        for it in items:
            code = it["code"]
            name = names[code] if code in ("7", "7.1.1") else it["name"]
            r = Row(code, name, D(str(it["max"])), it.get("survey", False), it.get("tasks", []), it.get("lead", []))
            r.achieved, r.target = D(str(it["achieved"])), D(str(it["target"]))
            r.items = build(it.get("items", []))
            out.append(r)
        return out

    return app, build(app["items"])


def daknong():
    app, rows = daknong_rows()
    header_common = ("CONSTRUCTED TEST DATA for parplan review, not a real document: see\n"
                     "testdata/review/make_plans.py, which writes this file.\n")
    # 2025: results of 2024, targets of 2025.
    for r in leaves(rows):
        res = dec(RESULTS_2024[r.code]) if r.code in RESULTS_2024 else r.target
        tgt = dec(TARGETS_2025[r.code]) if r.code in TARGETS_2025 else res
        r.achieved, r.target = res, tgt
    sipas = Row(SIPAS["code"], SIPAS["name"], None, unit="percent")
    sipas.achieved, sipas.target = D(SIPAS_2025["achieved"]), D(SIPAS_2025["target"])
    r81 = next(r for r in walk(rows) if r.code == "8.1")
    r81.items = [sipas]
    meta = [("id", "daknong-2025"),
            ("title", "Kế hoạch cải thiện, nâng cao Chỉ số cải cách hành chính (PAR INDEX) tỉnh Đắk Nông năm 2025 (dữ liệu thử nghiệm)"),
            ("document", "Kế hoạch"), ("issuer", "UBND tỉnh Đắk Nông"),
            ("year", 2025), ("baseline_year", 2024), ("criteria_set", "bnv-876-2022")]
    sipas_ack = [
        "acknowledge:",
        "  - rule: unknown-criterion",
        '    reason: "Thành phần của Chỉ số SIPAS (tỷ lệ hài lòng); bộ tiêu chí 876 chấm SIPAS là một tiêu chí 8.1 (10 điểm), không có mã con"',
    ]
    appendix = {"id": "phu-luc-01", "label": "Phụ lục 01",
                "title": "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ PAR INDEX NĂM 2025"}
    write("daknong-2025.yaml", header_common + "achieved: the results of 2024; target: 2025.", meta, appendix, rows)
    add_ack("daknong-2025.yaml", sipas_ack)
    # 2026: results of 2025, targets of 2026 (equal to those results).
    for r in leaves(rows):
        res = r.target
        if r.code in RESULTS_2025:
            res = dec(RESULTS_2025[r.code])
        r.achieved, r.target = res, res if res is not None else r.max
    sipas.achieved, sipas.target = D(SIPAS_2026["achieved"]), D(SIPAS_2026["target"])
    meta = [(k, v.replace("2025", "2026") if k == "title" else v) for k, v in meta]
    meta = [("id", "daknong-2026") if k == "id" else (k, v) for k, v in meta]
    meta = [(k, {"year": 2026, "baseline_year": 2025}.get(k, v)) for k, v in meta]
    appendix["title"] = appendix["title"].replace("2025", "2026")
    write("daknong-2026.yaml", header_common + "achieved: the results of 2025; target: 2026.", meta, appendix, rows)
    add_ack("daknong-2026.yaml", sipas_ack)


def add_ack(name, ack):
    """Acknowledges the SIPAS component's code, which the set does not have."""
    path = OUT / name
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(i for i, l in enumerate(lines) if l.strip() == f'- code: "{SIPAS["code"]}"')
    ind = lines[i].index("-") + 2
    lines[i + 1:i + 1] = [" " * ind + a for a in ack]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def hagiang():
    _, dk = daknong_rows()
    lead = {r.code: r.lead for r in walk(dk)}
    official = yaml.safe_load((ROOT / "schema" / "criteria" / "bnv-876-2022.yaml").read_text(encoding="utf-8"))

    def build(items):
        out = []
        for it in items:
            r = Row(it["code"], it["name"], D(str(it["max"])), it.get("assessment") == "survey")
            r.items = build(it.get("items", []))
            if not r.items:
                v = RESULTS_2021.get(r.code, str(it["max"]))
                r.achieved = dec(v)
                if r.achieved is not None and r.achieved < r.max:
                    r.tasks = ["Khắc phục hạn chế của năm 2021, nâng điểm tiêu chí trong năm 2022"]
                    r.lead = lead[r.code]
            out.append(r)
        return out

    rows = build(official["items"])
    meta = [("id", "hagiang-2022"),
            ("title", "Kế hoạch cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX) tỉnh Hà Giang năm 2022 (dữ liệu thử nghiệm)"),
            ("document", "Kế hoạch"), ("issuer", "UBND tỉnh Hà Giang"),
            ("year", 2022), ("baseline_year", 2021), ("criteria_set", "bnv-876-2022")]
    header = ("CONSTRUCTED TEST DATA for parplan review, not a real document: see\n"
              "testdata/review/make_plans.py, which writes this file. Set bnv-876-2022's\n"
              "codes, names and maxima; achieved: invented results of 2021; no targets.")
    appendix = {"id": "phu-luc", "label": "Phụ lục", "title": "KẾT QUẢ CHỈ SỐ CCHC NĂM 2021 THEO BỘ TIÊU CHÍ MỚI"}
    write("hagiang-2022.yaml", header, meta, appendix, rows)


if __name__ == "__main__":
    daknong()
    hagiang()
