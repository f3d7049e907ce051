#!/usr/bin/env python3
"""Builds the bundled datasets (provinces, par, sipas, pci, papi, tayninh-cchc) from the published facts.

Usage: python3 datasets/build.py [FACTS_DIR]   (default: ../shared/facts beside the repository)

Every value keeps the URL of the page that states it. Where pages disagree, one value is
chosen by the rule below and every alternative is kept in the dataset's conflicts.csv:

  1. A row flagged AMBIGUOUS, or named in MISATTRIBUTED (the facts README says the page shows
     another province's figures), is not used (it is listed in conflicts.csv as excluded).
  2. A figure stated on a page beats a figure derived from a stated change ("up 7 places").
  3. Among figures of the same kind, the one stated by more distinct pages wins; then the one
     with more pages in total (stated and derived); then the one that comes first in the facts file.

Values and ranks are resolved separately, so a value and a rank may come from different pages
(the rank's page is then in `rank_source`). The output is deterministic.
"""
import csv
import json
import os
import re
import sys
from collections import OrderedDict, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FACTS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "facts")

def read(name):
    with open(os.path.join(FACTS, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")

def num(text):
    """Shortest decimal text of a number given with a decimal point."""
    v = float(text)
    return str(int(v)) if v == int(v) else repr(v)

# ---------------------------------------------------------------- provinces
PROVINCE_SOURCES = [
    {"title": "Province codes and names: vietnamadminunits 1.0.4 (PyPI); code 46 written Thừa Thiên Huế as in the 2011–2024 index data", "url": "https://pypi.org/project/vietnamadminunits/1.0.4/"},
    {"title": "Six socio-economic regions: Resolution 81/2023/QH15 (national master plan 2021–2030)", "url": "https://thuvienphapluat.vn/van-ban/Xay-dung-Do-thi/Nghi-quyet-81-2023-QH15-Quy-hoach-tong-the-quoc-gia-thoi-ky-2021-2030-550241.aspx"},
    {"title": "The 34 provincial units from 1 July 2025: Resolution 202/2025/QH15; codes as in vietnamadminunits 1.0.4 and vietnam-provinces 2025.10.1", "url": "https://pypi.org/project/vietnam-provinces/2025.10.1/"},
    {"title": "Eight traditional geographic regions (Atlat Địa lí Việt Nam): Đông Bắc, Tây Bắc, Đồng bằng sông Hồng, Bắc Trung Bộ, Duyên hải Nam Trung Bộ, Tây Nguyên, Đông Nam Bộ, Đồng bằng sông Cửu Long", "url": None},
    {"title": "Hà Tây (GSO code 28, Decision 124/2004/QĐ-TTg) merged into Hà Nội from 1 August 2008: Resolution 15/2008/QH12", "url": "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-quyet-15-2008-QH12-dieu-chinh-dia-gioi-hanh-chinh-thanh-pho-Ha-Noi-tinh-lien-quan-67287.aspx"},
]

# Alternative spellings and abbreviations in common use (system, alias, code). Initials that are
# unique (HCM, BRVT, TTH, HT) are derived by the program itself and need no entry here.
ALIASES = [
    ("provinces-63", "TP.HCM", "79"), ("provinces-63", "TPHCM", "79"), ("provinces-63", "HCMC", "79"),
    ("provinces-63", "Sài Gòn", "79"), ("provinces-63", "Saigon", "79"), ("provinces-63", "TP. Hồ Chí Minh", "79"),
    ("provinces-63", "BR-VT", "77"), ("provinces-63", "Bà Rịa Vũng Tàu", "77"),
    ("provinces-63", "TT-Huế", "46"), ("provinces-63", "TT Huế", "46"), ("provinces-63", "Huế", "46"), ("provinces-63", "Thừa Thiên - Huế", "46"),
    ("provinces-63", "Đắc Lắc", "66"), ("provinces-63", "Đắk Lắc", "66"), ("provinces-63", "Daklak", "66"), ("provinces-63", "Đắc Lắk", "66"),
    ("provinces-63", "Đắc Nông", "67"), ("provinces-63", "Daknong", "67"),
    ("provinces-63", "Bắc Cạn", "06"), ("provinces-63", "Hòa Bình", "17"),
    ("provinces-63", "HN", "01"), ("provinces-63", "HP", "31"), ("provinces-63", "ĐN", "48"),
    ("provinces-63", "Kontum", "62"), ("provinces-63", "Hanoi", "01"),
    ("provinces-34", "TP.HCM", "79"), ("provinces-34", "TPHCM", "79"), ("provinces-34", "HCMC", "79"),
    ("provinces-34", "Sài Gòn", "79"), ("provinces-34", "Saigon", "79"),
    ("provinces-34", "Thừa Thiên Huế", "46"), ("provinces-34", "TT-Huế", "46"),
    ("provinces-34", "Đắc Lắc", "66"), ("provinces-34", "Daklak", "66"), ("provinces-34", "Hanoi", "01"),
]

REGIONS = [
    ("Trung du và miền núi phía Bắc", ["Northern Midlands and Mountains", "Northern Midlands and Mountainous Areas", "TDMNPB", "Trung du miền núi phía Bắc"]),
    ("Đồng bằng sông Hồng", ["Red River Delta", "ĐBSH"]),
    ("Bắc Trung Bộ và duyên hải miền Trung", ["North Central and Central Coast", "North Central and Central Coastal Areas", "Bắc Trung Bộ và duyên hải Trung Bộ", "BTB&DHMT"]),
    ("Tây Nguyên", ["Central Highlands"]),
    ("Đông Nam Bộ", ["South East", "Southeast"]),
    ("Đồng bằng sông Cửu Long", ["Mekong River Delta", "Mekong Delta", "ĐBSCL"]),
]

# The eight traditional regions of Vietnam's geography (Atlat Địa lí Việt Nam), which reports and
# older statistics still use, by GSO code. They split two of the six regions of 2023 (the north's
# midlands and mountains into Đông Bắc and Tây Bắc, the central coast into Bắc Trung Bộ and
# Duyên hải Nam Trung Bộ) and put Quảng Ninh in Đông Bắc rather than the Red River Delta.
TRADITIONAL_REGIONS = [
    ("Đông Bắc", ["Northeast", "Đông Bắc Bộ"], ["02", "04", "06", "08", "10", "15", "19", "20", "22", "24", "25"]),
    ("Tây Bắc", ["Northwest", "Tây Bắc Bộ"], ["11", "12", "14", "17"]),
    ("Đồng bằng sông Hồng", ["Red River Delta", "ĐBSH"], ["01", "26", "27", "30", "31", "33", "34", "35", "36", "37"]),
    ("Bắc Trung Bộ", ["North Central Coast", "North Central"], ["38", "40", "42", "44", "45", "46"]),
    ("Duyên hải Nam Trung Bộ", ["South Central Coast", "Nam Trung Bộ"], ["48", "49", "51", "52", "54", "56", "58", "60"]),
    ("Tây Nguyên", ["Central Highlands"], ["62", "64", "66", "67", "68"]),
    ("Đông Nam Bộ", ["South East", "Southeast"], ["70", "72", "74", "75", "77", "79"]),
    ("Đồng bằng sông Cửu Long", ["Mekong River Delta", "Mekong Delta", "ĐBSCL"], ["80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"]),
]

# Provinces merged away before the 2025 merger, with the last year they were scored:
# (code, name, ASCII name, region of 2023, traditional region, last year, merged into, source).
HISTORICAL_UNITS = [
    ("28", "Hà Tây", "Ha Tay", "Đồng bằng sông Hồng", "Đồng bằng sông Hồng", "2008", "01",
     "Resolution 15/2008/QH12: merged into Hà Nội from 1 August 2008; GSO code 28 in Decision 124/2004/QĐ-TTg"),
]

def build_provinces():
    out = os.path.join(HERE, "provinces")
    os.makedirs(out, exist_ok=True)
    provinces = read("provinces_63.csv")
    write_csv(os.path.join(out, "provinces_63.csv"), ["code", "name", "name_ascii", "region"],
              [[p["code"], p["name"], p["name_ascii"], p["region"]] for p in provinces])
    merger = read("merger_2025.csv")
    write_csv(os.path.join(out, "merger_2025.csv"), ["new_code", "new_name", "old_code", "old_name"],
              [[m["new_code"], m["new_name"], m["old_code"], m["old_name"]] for m in merger])
    write_csv(os.path.join(out, "aliases.csv"), ["system", "alias", "code"], [list(a) for a in ALIASES])
    write_csv(os.path.join(out, "regions.csv"), ["region", "alias"], [[r, a] for r, aliases in REGIONS for a in aliases])
    codes = {p["code"] for p in provinces}
    listed = [c for _, _, members in TRADITIONAL_REGIONS for c in members]
    assert sorted(listed) == sorted(codes), "every province in exactly one traditional region"
    write_csv(os.path.join(out, "regions_traditional.csv"), ["code", "region"],
              [[c, r] for r, _, members in TRADITIONAL_REGIONS for c in members])
    write_csv(os.path.join(out, "regions_traditional_aliases.csv"), ["region", "alias"],
              [[r, a] for r, aliases, _ in TRADITIONAL_REGIONS for a in aliases])
    write_csv(os.path.join(out, "historical_units.csv"),
              ["code", "name", "name_ascii", "region", "traditional_region", "last_year", "merged_into", "source"],
              [list(h) for h in HISTORICAL_UNITS])
    write_json(os.path.join(out, "dataset.json"), OrderedDict([
        ("name", "provinces"),
        ("title", {"vi": "Danh mục tỉnh, thành phố (63 đơn vị trước và 34 đơn vị từ 1/7/2025)",
                   "en": "Provinces of Vietnam (63 before and 34 from 1 July 2025)"}),
        ("kind", "unit-registry"), ("units", "provinces-63"), ("declaredUnits", None), ("data", None),
        ("sources", PROVINCE_SOURCES),
        ("coverage", "63 provinces with GSO code, name, ASCII name, socio-economic region of 2023 and traditional region; Hà Tây (to 2008, then part of Hà Nội); the 34 units from 1 July 2025 and the old provinces in each."),
        ("indicators", []),
    ]))
    return provinces

# ---------------------------------------------------------------- PAR INDEX and SIPAS
FIELD_LABELS = {
    1: ("Công tác chỉ đạo, điều hành cải cách hành chính", "Direction and management of administrative reform"),
    2: ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật (cải cách thể chế)", "Legal documents and institutional reform"),
    3: ("Cải cách thủ tục hành chính", "Administrative procedure reform"),
    4: ("Cải cách tổ chức bộ máy hành chính nhà nước", "Reform of the administrative apparatus"),
    5: ("Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Civil service: cadres, civil servants and public employees"),
    6: ("Cải cách tài chính công", "Public finance reform"),
    7: ("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "E-government and digital government"),
    8: ("Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội", "Impact of reform on people, organisations and socio-economic development"),
}
SCORE_PARTS = {
    "PAR_PTS_APPRAISAL": ("Điểm thẩm định (tự đánh giá được thẩm định)", "Appraisal points (appraised self-assessment)"),
    "PAR_PTS_LEADER_SURVEY": ("Điểm điều tra xã hội học lãnh đạo, quản lý", "Survey of leaders and managers (points)"),
    "PAR_PTS_SIPAS": ("Điểm Chỉ số hài lòng (SIPAS) trong PAR INDEX", "SIPAS points within the PAR INDEX"),
    "PAR_PTS_SOCIOECON_IMPACT": ("Điểm tác động đến phát triển kinh tế - xã hội", "Impact on socio-economic development (points)"),
    "PAR_PTS_IMPACT": ("Điểm tác động của cải cách hành chính (phương pháp 2024)", "Impact of administrative reform, points (2024 methodology)"),
}

def value_is_derived(derivation):
    d = derivation.strip()
    return d.startswith("derived") or d.startswith("rank stated on page; value derived") or d.startswith("value derived")

def rank_is_derived(derivation):
    d = derivation.strip()
    return d.startswith("derived") or d.startswith("value stated on page; rank derived")

def panel_facts():
    """Rows of the panel files and the score-part rows of the first collection, as uniform facts."""
    facts = []
    for order, r in enumerate(read("par_sipas_panel_from_pages.csv") + read("par_sipas_more_from_pages.csv")):
        index = r["index"]
        maximum = ""
        if index.startswith("PAR_F"):
            note = r["note"]
            unit = re.search(r"unit ([^;]+)", note).group(1).strip()
            if unit == "%":
                index = index + "_PCT"
            m = re.search(r"max([0-9.]+)", unit)
            if m:
                maximum = m.group(1)
        facts.append(dict(order=order, year=r["year"], unit=r["province"], indicator=index, value=r["value"],
                          rank=r["rank"], maximum=maximum, url=r["source_url"], derivation=r["derivation"]))
    base = len(facts)
    for order, r in enumerate(read("par_index_from_pages.csv")):
        m = re.match(r"^(PAR_PTS_[A-Z_]+?|PAR_IMPACT_PTS)(?:_\(max([0-9.]+)\))?$", r["index"])
        if not m:
            continue
        indicator = "PAR_PTS_IMPACT" if m.group(1) == "PAR_IMPACT_PTS" else m.group(1)
        facts.append(dict(order=base + order, year=r["year"], unit=r["province"], indicator=indicator, value=r["value"],
                          rank=r["rank"], maximum=m.group(2) or "", url=r["source_url"], derivation=""))
    return facts

def choose(candidates, field, derived_of):
    """The winning (text, rows) of one field by the rule in the module docstring, and the others."""
    by_text = OrderedDict()
    for row in candidates:
        text = num(row[field]) if field == "value" else str(int(row[field]))
        by_text.setdefault(text, []).append(row)
    def key(item):
        text, rows = item
        stated = {r["url"] for r in rows if not derived_of(r["derivation"])}
        total = {r["url"] for r in rows}
        return (0 if stated else 1, -len(stated), -len(total), min(r["order"] for r in rows))
    ranked = sorted(by_text.items(), key=key)
    return ranked[0], ranked[1:]

def kind(rows, derived_of):
    return "stated" if any(not derived_of(r["derivation"]) for r in rows) else "derived"

def first_url(rows, derived_of):
    stated = [r for r in rows if not derived_of(r["derivation"])]
    return min(stated or rows, key=lambda r: r["order"])["url"]

def resolve(facts):
    cells = OrderedDict()
    excluded = []
    for f in facts:
        if f["derivation"].startswith("AMBIGUOUS"):
            excluded.append(f)
            continue
        cells.setdefault((f["year"], f["unit"], f["indicator"]), []).append(f)
    data, conflicts = [], []
    for (year, unit, indicator), rows in cells.items():
        out = dict(year=year, unit=unit, indicator=indicator, value="", rank="", maximum="", source="", rank_source="", note="")
        with_value = [r for r in rows if r["value"].strip()]
        with_rank = [r for r in rows if r["rank"].strip()]
        if with_value:
            (text, winners), others = choose(with_value, "value", value_is_derived)
            out["value"] = text
            out["source"] = first_url(winners, value_is_derived)
            if kind(winners, value_is_derived) == "derived":
                out["note"] = min(winners, key=lambda r: r["order"])["derivation"]
            maxima = sorted({r["maximum"] for r in winners if r["maximum"]})
            if maxima:
                out["maximum"] = maxima[0]
            for alt_text, alt_rows in others:
                conflicts.append([year, unit, indicator, "value", text, " ".join(sorted({r["url"] for r in winners})),
                                  kind(winners, value_is_derived), alt_text, " ".join(sorted({r["url"] for r in alt_rows})),
                                  kind(alt_rows, value_is_derived)])
        if with_rank:
            (text, winners), others = choose(with_rank, "rank", rank_is_derived)
            out["rank"] = text
            url = first_url(winners, rank_is_derived)
            if out["source"] == "":
                out["source"] = url
                if kind(winners, rank_is_derived) == "derived":
                    out["note"] = min(winners, key=lambda r: r["order"])["derivation"]
            elif url != out["source"]:
                out["rank_source"] = url
            for alt_text, alt_rows in others:
                conflicts.append([year, unit, indicator, "rank", text, " ".join(sorted({r["url"] for r in winners})),
                                  kind(winners, rank_is_derived), alt_text, " ".join(sorted({r["url"] for r in alt_rows})),
                                  kind(alt_rows, rank_is_derived)])
        data.append(out)
    for f in excluded:
        conflicts.append([f["year"], f["unit"], f["indicator"], "excluded", "", "", "", f["value"] or f["rank"], f["url"], f["derivation"]])
    return data, conflicts

def indicator(id, vi, en, measure, lower=None, upper=None, max_points=None, note=None, decimals=None, breaks=None, components=None):
    entry = OrderedDict([("id", id), ("label", {"vi": vi, "en": en}), ("measure", measure), ("higherIsBetter", True)])
    if lower is not None:
        entry["lowerBound"] = lower
    if upper is not None:
        entry["upperBound"] = upper
    if max_points:
        entry["maxPoints"] = OrderedDict(sorted(max_points.items()))
    if decimals is not None:
        entry["decimals"] = decimals
    if breaks:
        entry["breaks"] = breaks
    if components:
        entry["components"] = components
    if note:
        entry["note"] = note
    return entry

def write_panel(name, title, indicators, rows, conflicts, sources, coverage):
    out = os.path.join(HERE, name)
    os.makedirs(out, exist_ok=True)
    order = {ind["id"]: i for i, ind in enumerate(indicators)}
    rows = sorted(rows, key=lambda r: (order[r["indicator"]], int(r["year"]), r["unit"]))
    write_csv(os.path.join(out, "data.csv"), ["unit", "period", "indicator", "value", "rank", "max", "source", "rank_source", "note"],
              [[r["unit"], r["year"], r["indicator"], r["value"], r["rank"], r["maximum"], r["source"], r["rank_source"], r["note"]] for r in rows])
    conflicts = sorted(conflicts, key=lambda c: (order.get(c[2], 99), int(c[0]), c[1], c[3], c[7]))
    write_csv(os.path.join(out, "conflicts.csv"),
              ["period", "unit", "indicator", "field", "chosen", "chosen_sources", "chosen_kind", "alternative", "alternative_sources", "alternative_kind_or_reason"],
              conflicts)
    write_json(os.path.join(out, "dataset.json"), OrderedDict([
        ("name", name), ("title", title), ("kind", "panel"), ("units", "provinces-63"), ("declaredUnits", None),
        ("data", "data.csv"), ("sources", sources), ("coverage", coverage), ("indicators", indicators),
    ]))

def coverage_rows(rows, indicator_id):
    years = sorted({int(r["year"]) for r in rows if r["indicator"] == indicator_id})
    table = []
    for y in years:
        sel = [r for r in rows if r["indicator"] == indicator_id and int(r["year"]) == y]
        table.append((y, sum(1 for r in sel if r["value"]), sum(1 for r in sel if r["rank"])))
    return table

def build_indices():
    facts = panel_facts()
    data, conflicts = resolve(facts)
    max_points = defaultdict(dict)
    for r in data:
        if r["maximum"]:
            max_points[r["indicator"]][r["year"]] = float(r["maximum"])
    par_indicators = [indicator("PAR_INDEX", "Chỉ số cải cách hành chính (PAR INDEX)", "PAR INDEX (public administration reform index)", "percent", 0, 100,
                                note="Total score in percent of the maximum. The criteria set was revised over the years (a new set for 2024, with new field maxima); the total stays a percentage of the maximum, so no break is declared, but compare levels across revisions with care.")]
    for k in range(1, 9):
        vi, en = FIELD_LABELS[k]
        par_indicators.append(indicator(f"PAR_F{k}", f"Lĩnh vực {k}: {vi} (điểm)", f"Field {k}: {en} (points)", "points", 0,
                                        max_points=max_points.get(f"PAR_F{k}"),
                                        note="Points out of the field's maximum for the methodology year; the maximum is given per value where the source states it."))
    for k in range(1, 9):
        vi, en = FIELD_LABELS[k]
        par_indicators.append(indicator(f"PAR_F{k}_PCT", f"Lĩnh vực {k}: {vi} (%)", f"Field {k}: {en} (% of maximum)", "percent", 0, 100))
    for id, (vi, en) in SCORE_PARTS.items():
        par_indicators.append(indicator(id, vi, en, "points", 0, max_points=max_points.get(id)))
    par_ids = {i["id"] for i in par_indicators}
    par_rows = [r for r in data if r["indicator"] in par_ids]
    used = {r["indicator"] for r in par_rows}
    par_indicators = [i for i in par_indicators if i["id"] in used]
    sipas_rows = [r for r in data if r["indicator"] == "SIPAS"]
    unknown = {r["indicator"] for r in data} - par_ids - {"SIPAS"}
    assert not unknown, f"unclassified indicators: {unknown}"

    par_cov = coverage_rows(par_rows, "PAR_INDEX")
    sipas_cov = coverage_rows(sipas_rows, "SIPAS")
    ministry = {"title": "Bộ Nội vụ (Ministry of Home Affairs): annual PAR INDEX and SIPAS reports; figures as quoted on the pages named per value in data.csv", "url": "https://moha.gov.vn"}
    write_panel("par", {"vi": "Chỉ số cải cách hành chính cấp tỉnh (PAR INDEX)", "en": "Provincial PAR INDEX (public administration reform)"},
                par_indicators, par_rows, [c for c in conflicts if c[2] in par_ids], [ministry],
                "Incomplete: figures quoted on public web pages, at best %d of 63 provinces with a value in a year (2023); many mid-table provinces are missing. Component fields only for a few provinces and years." % max(v for _, v, _ in par_cov))
    write_panel("sipas", {"vi": "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "en": "SIPAS (satisfaction with public administrative services)"},
                [indicator("SIPAS", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "SIPAS (satisfaction index)", "percent", 0, 100,
                           note="Published from 2017 (survey only that year, no ranking).")],
                sipas_rows, [c for c in conflicts if c[2] == "SIPAS"], [ministry],
                "Incomplete: figures quoted on public web pages, at best %d of 63 provinces with a value in a year (2023)." % max(v for _, v, _ in sipas_cov))
    return par_cov, sipas_cov, len([c for c in conflicts if c[3] != "excluded"]), len([c for c in conflicts if c[3] == "excluded"])

def write_readme(par_cov, sipas_cov, n_conflicts, n_excluded):
    years = sorted({y for y, _, _ in par_cov} | {y for y, _, _ in sipas_cov})
    par = {y: (v, r) for y, v, r in par_cov}
    sipas = {y: (v, r) for y, v, r in sipas_cov}
    lines = ["| year | PAR values | PAR published ranks | SIPAS values | SIPAS published ranks |", "| --- | ---: | ---: | ---: | ---: |"]
    for y in years:
        pv, pr = par.get(y, (0, 0))
        sv, sr = sipas.get(y, (0, 0))
        lines.append(f"| {y} | {pv} | {pr} | {sv} | {sr} |")
    template = open(os.path.join(HERE, "README.template.md"), encoding="utf-8").read()
    text = template.replace("{{COVERAGE}}", "\n".join(lines)).replace("{{CONFLICTS}}", str(n_conflicts)).replace("{{EXCLUDED}}", str(n_excluded))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)

# ---------------------------------------------------------------- PCI and PAPI
PCI_SUBINDICES = [
    ("PCI_ENTRY_COSTS", "Chi phí gia nhập thị trường", "Entry costs"),
    ("PCI_ACCESS_TO_LAND", "Tiếp cận đất đai", "Access to land"),
    ("PCI_TRANSPARENCY", "Tính minh bạch", "Transparency"),
    ("PCI_TIME_COSTS", "Chi phí thời gian", "Time costs"),
    ("PCI_INFORMAL_CHARGES", "Chi phí không chính thức", "Informal charges"),
    ("PCI_POLICY_BIAS", "Cạnh tranh bình đẳng", "Policy bias (equal competition)"),
    ("PCI_PROACTIVITY", "Tính năng động của chính quyền", "Proactivity of provincial leadership"),
    ("PCI_BUSINESS_SUPPORT", "Dịch vụ hỗ trợ doanh nghiệp", "Business support services"),
    ("PCI_LABOR_POLICY", "Đào tạo lao động", "Labour policy"),
    ("PCI_LAW_AND_ORDER", "Thiết chế pháp lý và an ninh trật tự", "Legal institutions and law and order"),
    ("PCI_CENTRAL_POLICY", "Thực hiện chính sách của Trung ương", "Implementation of central policies (2005–2006)"),
]
PAPI_DIMENSIONS = [
    ("Tham gia của người dân ở cấp cơ sở", "Participation at local levels"),
    ("Công khai, minh bạch trong việc ra quyết định ở địa phương", "Transparency in local decision-making"),
    ("Trách nhiệm giải trình với người dân", "Vertical accountability"),
    ("Kiểm soát tham nhũng trong khu vực công", "Control of corruption in the public sector"),
    ("Thủ tục hành chính công", "Public administrative procedures"),
    ("Cung ứng dịch vụ công", "Public service delivery"),
    ("Quản trị môi trường", "Environmental governance"),
    ("Quản trị điện tử", "E-governance"),
]
# Sub-dimensions by dimension, named as from 2018 (several were revised that year).
PAPI_PARTS = {
    1: [("Tri thức công dân", "Civic knowledge"), ("Cơ hội tham gia", "Opportunities for participation"),
        ("Chất lượng bầu cử trưởng thôn/tổ trưởng tổ dân phố", "Quality of village head elections"), ("Đóng góp tự nguyện", "Voluntary contributions")],
    2: [("Tiếp cận thông tin", "Access to information"), ("Danh sách hộ nghèo", "Poor household lists"),
        ("Thu, chi ngân sách cấp xã/phường", "Commune budgets"), ("Quy hoạch, kế hoạch sử dụng đất; giá bồi thường thu hồi đất", "Land-use plans and compensation prices")],
    3: [("Mức độ và hiệu quả trong tiếp xúc với chính quyền", "Interactions with local authorities"),
        ("Giải đáp khiếu nại, tố cáo, khúc mắc của người dân", "Responses to complaints, denunciations and petitions"), ("Tiếp cận dịch vụ tư pháp", "Access to justice services")],
    4: [("Kiểm soát tham nhũng trong chính quyền địa phương", "Limits on public-sector corruption"),
        ("Kiểm soát tham nhũng trong cung ứng dịch vụ công", "Limits on corruption in public service delivery"),
        ("Công bằng trong tuyển dụng vào khu vực công", "Equity in public employment"), ("Quyết tâm chống tham nhũng của chính quyền địa phương", "Willingness to fight corruption")],
    5: [("Dịch vụ chứng thực, xác nhận của chính quyền", "Certification services"), ("Thủ tục xin cấp phép xây dựng", "Construction permits"),
        ("Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất", "Land-use rights certificates"), ("Dịch vụ hành chính cấp xã/phường", "Commune-level administrative services")],
    6: [("Y tế công lập", "Public health care"), ("Giáo dục tiểu học công lập", "Public primary education"),
        ("Cơ sở hạ tầng căn bản", "Basic infrastructure"), ("An ninh, trật tự khu dân cư", "Law and order in residential areas")],
    7: [("Nghiêm túc trong bảo vệ môi trường", "Seriousness in environmental protection"), ("Chất lượng không khí", "Air quality"), ("Chất lượng nước", "Water quality")],
    8: [("Sử dụng cổng thông tin điện tử của chính quyền địa phương", "Use of local e-government portals"),
        ("Tiếp cận và sử dụng Internet tại địa phương", "Internet access and use")],
}

# Rows of a facts file that a page shows under the wrong province, as the facts README says:
# (file, year, province) → the reason, kept in conflicts.csv.
MISATTRIBUTED = {
    ("pci_province_pages.csv", "2010", "Lâm Đồng"): "AMBIGUOUS: the Lâm Đồng page shows Lai Châu's 2010 row (51.77, rank 57); the VCCI workbook has Lâm Đồng 58.26, rank 29",
}

def simple_facts(*names, expand=lambda r: [r]):
    """Facts files with columns year,province,index,value,rank,source_url (no derivations)."""
    facts = []
    for name in names:
        for r in read(name):
            for e in expand(r):
                reason = MISATTRIBUTED.get((name, e["year"], e["province"]), "")
                facts.append(dict(order=len(facts), year=e["year"], unit=e["province"], indicator=e["index"], value=e["value"],
                                  rank=e["rank"], maximum="", url=e["source_url"], derivation=reason))
    return facts

def expand_papi(r):
    """`PAPI_D1..D8` and `PAPI_D1..D1.4` rows hold several values separated by semicolons."""
    index = r["index"]
    if index == "PAPI_D1..D8":
        names = [f"PAPI_D{k}" for k in range(1, 9)]
    elif index == "PAPI_D1..D1.4":
        names = ["PAPI_D1", "PAPI_D1_1", "PAPI_D1_2", "PAPI_D1_3", "PAPI_D1_4"]
    else:
        m = re.match(r"^PAPI_D(\d)_[A-Z_]+$", index)
        return [dict(r, index=f"PAPI_D{m.group(1)}" if m else index)]
    values = r["value"].split(";")
    assert len(values) == len(names), r
    return [dict(r, index=n, value=v, rank="") for n, v in zip(names, values)]

def build_pci_papi():
    data, conflicts = resolve(simple_facts("pci_from_pages.csv", "pci_province_pages.csv", "pci_more_from_pages.csv"))
    vcci = {"title": "VCCI and USAID: Provincial Competitiveness Index (PCI) reports; figures as quoted on the pages named per value in data.csv", "url": "https://pcivietnam.vn"}
    pci_indicators = [indicator("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Provincial Competitiveness Index (PCI)", "score", 0, 100, decimals=2,
                                note="Weighted sum of the ten sub-indices, 0–100. The weights and some sub-indices were revised over the years (2006, 2009, 2017, 2021).")]
    pci_indicators += [indicator(id, vi, en, "score", 0, 10, decimals=2) for id, vi, en in PCI_SUBINDICES]
    pci_indicators.append(indicator("PCI_UNWEIGHTED", "Chỉ số PCI chưa có trọng số", "PCI before weighting (sum of the sub-indices)", "score", 0, 100, decimals=2,
                                    note="Published beside the weighted PCI in some years (2007)."))
    write_panel("pci", {"vi": "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "en": "Provincial Competitiveness Index (PCI)"},
                pci_indicators, data, conflicts, [vcci],
                "Incomplete: mostly the top-10 lists of each year (totals and ranks), the sub-indices of the provinces ranked 1–23 in 2019, and the full 2006–2022 series of six provinces (Lâm Đồng, Phú Thọ, Ninh Thuận, Quảng Trị, Bình Phước, Hải Phòng) from their pcivietnam.vn pages. Complete tables: import the official workbooks (chiso import pci FILE).")
    data, conflicts = resolve(simple_facts("papi_from_pages.csv", expand=expand_papi))
    undp = {"title": "CECODES, RTA and UNDP: Provincial Governance and Public Administration Performance Index (PAPI) reports; figures as quoted on the pages named per value in data.csv", "url": "https://papi.org.vn"}
    totals_max = {str(y): (60.0 if y <= 2017 else 80.0) for y in range(2011, 2025)}
    papi_indicators = [indicator("PAPI_TOTAL", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "PAPI total (provincial governance and public administration performance)", "score", 6, decimals=2, breaks=[2018],
                                 components=[f"PAPI_D{k}" for k in range(1, 9)],
                                 max_points=totals_max, note="Sum of the dimension scores (1–10 each): 6 dimensions to 2017, 8 from 2018 (environmental governance and e-governance added), so totals before and after 2018 do not compare.")]
    for k, (vi, en) in enumerate(PAPI_DIMENSIONS, start=1):
        papi_indicators.append(indicator(f"PAPI_D{k}", f"Nội dung {k}: {vi}", f"Dimension {k}: {en}", "score", 1, 10, decimals=2))
    papi_indicators.append(indicator("PAPI_TOTAL_WEIGHTED", "Chỉ số PAPI có trọng số", "PAPI total, weighted", "score", decimals=2,
                                     note="The weighted total, published beside the unweighted sum in some years."))
    for d, parts in PAPI_PARTS.items():
        for k, (vi, en) in enumerate(parts, start=1):
            papi_indicators.append(indicator(f"PAPI_D{d}_{k}", f"Nội dung thành phần {d}.{k}: {vi}", f"Sub-dimension {d}.{k}: {en}", "score", 0, decimals=2,
                                             note="Names as from 2018; several sub-dimensions were revised in 2018, so compare across 2018 with care."))
    used = {r["indicator"] for r in data}
    assert used <= {i["id"] for i in papi_indicators}, used
    write_panel("papi", {"vi": "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "en": "Provincial Governance and Public Administration Performance Index (PAPI)"},
                papi_indicators, data, conflicts, [undp],
                "Incomplete: totals and ranks quoted on public pages (a handful of provinces a year), all eight dimensions for one province in 2018, and the participation sub-dimensions of 2019 for the provinces on one report page. Complete tables: import the official workbooks (chiso import papi FILE).")

# ---------------------------------------------------------------- a province's scorecard of its departments
# One province's own ranking of its departments and districts: the units are the province's, not
# provinces, and their names vary between pages (case, tone marks, an "UBND" prefix).
TAYNINH_ALIASES = {"UBND thị xã Hòa Thành": ["thị xã Hoà Thành", "thị xã Hòa Thành"], "Sở Y Tế": ["Sở Y tế"]}

def build_tayninh():
    facts = [r for r in read("department_scorecards/tayninh_cchc_2021_2023.csv") if r["province"] == "Tây Ninh"]
    names = {alias: name for name, aliases in TAYNINH_ALIASES.items() for alias in aliases}
    rows, units = [], OrderedDict()
    for r in facts:
        unit = names.get(r["unit"], r["unit"])
        units.setdefault(unit, r["level"])
        # The published ranking follows the % reached; a rank stated without a score goes with it.
        indicator_id = {"TOTAL": "TOTAL", "TỶ LỆ ĐẠT (%)": "TY_LE_DAT", "RANK": "TY_LE_DAT"}[r["indicator"]]
        rows.append(OrderedDict(unit=unit, period=r["year"], indicator=indicator_id, value=num(r["value"]) if r["value"] else "",
                                rank=r["rank"], out_of=r["out_of"], max=num(r["max"]) if r["max"] and indicator_id == "TOTAL" else "", level=r["level"],
                                kind=r["kind"], source=r["source_url"], note=r["note"]))
    order = {"TOTAL": 0, "TY_LE_DAT": 1}
    rows.sort(key=lambda r: (order[r["indicator"]], int(r["period"]), r["level"], r["unit"]))
    out = os.path.join(HERE, "tayninh-cchc")
    os.makedirs(out, exist_ok=True)
    header = ["unit", "period", "indicator", "value", "rank", "out_of", "max", "level", "kind", "source", "note"]
    write_csv(os.path.join(out, "data.csv"), header, [[r[h] for h in header] for r in rows])
    indicators = [
        indicator("TOTAL", "Chỉ số CCHC: điểm thẩm định", "PAR index: appraised points", "points", 0,
                  note="Points out of each unit's own maximum (100, 96.5 or 71.5: criteria that do not apply to a unit are left out of its maximum), given per value; units are ranked by the % of their maximum, so chiso ranks this indicator on that %."),
        indicator("TY_LE_DAT", "Tỷ lệ điểm đạt (%)", "Share of the maximum reached (%)", "percent", 0, 100, decimals=2,
                  note="As published; the province's ranking follows it. 2021 and 2022: the leaders and the last units as quoted by the press."),
    ]
    write_json(os.path.join(out, "dataset.json"), OrderedDict([
        ("name", "tayninh-cchc"),
        ("title", {"vi": "Chỉ số CCHC các sở, ban, ngành và UBND cấp huyện tỉnh Tây Ninh", "en": "Tây Ninh's PAR index of its departments and districts"}),
        ("kind", "panel"), ("units", "custom"),
        ("declaredUnits", [OrderedDict([("code", u), ("name", u)] + ([("aliases", TAYNINH_ALIASES[u])] if u in TAYNINH_ALIASES else [])) for u in units]),
        ("data", "data.csv"),
        ("sources", [{"title": "UBND tỉnh Tây Ninh, QĐ 2729/QĐ-UBND (25/12/2023): Chỉ số CCHC năm 2023 của các sở, ban, ngành và UBND cấp huyện; 2021 and 2022 from the press pages named per value", "url": "https://tayninh.gov.vn"}]),
        ("coverage", "2023: all 19 departments (maximum, appraised points, % reached, rank, rating) and 6 of the 9 districts (the page's excerpt stops at row 6). 2021 and 2022: the leaders and the last units only. Groups (level): department, district; each is ranked on its own."),
        ("indicators", indicators),
    ]))

if __name__ == "__main__":
    build_provinces()
    write_readme(*build_indices())
    build_pci_papi()
    build_tayninh()
