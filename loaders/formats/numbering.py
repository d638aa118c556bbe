"""Word's automatic numbering, replayed: which number each list paragraph shows.

A paragraph joins a list through ``w:numPr`` (``numId`` + ``ilvl``), directly
or through its style. ``numId`` points to a ``w:num``, which points to an
``w:abstractNum`` holding per level the start value, the format (decimal,
chineseCounting…), the text template (``（%2）``), ``lvlRestart`` and the
suffix after the number. Counters are kept per abstract list, as Word keeps
lists sharing a definition running on, and a ``startOverride`` on a ``w:num``
restarts the list the first time that num is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "一二三四五六七八九"
_CN_LEGAL = "壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int, digits: str = _CN, ten: str = "十") -> str:
    """Word's chineseCounting: 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五.

    >>> [chinese_counting(n) for n in (1, 10, 13, 20, 38, 105)]
    ['一', '十', '十三', '二十', '三十八', '一百零五']
    """
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 and digits is _CN else digits[tens - 1]) + ten + (digits[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    if hundreds >= 10:
        return str(n)
    head = digits[hundreds - 1] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + digits[rest - 1]
    tens, ones = divmod(rest, 10)
    return head + digits[tens - 1] + ten + (digits[ones - 1] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format.

    >>> format_number(3, "chineseCounting"), format_number(3, "decimal"), format_number(2, "upperLetter")
    ('三', '3', 'B')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "ideographDigital", "japaneseCounting"):
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _CN_LEGAL, "拾")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: None = after any shallower level, 0 = never
    suffix: str = "tab"


@dataclass
class NumberingState:
    #: abstractNumId -> ilvl -> Level
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    #: numId -> (abstractNumId, {ilvl: startOverride})
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    #: styleId -> (numId, ilvl) for styles that carry numbering
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    overridden: set[str] = field(default_factory=set)

    @classmethod
    def from_document(cls, document) -> NumberingState:
        state = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for node in root.findall(f"{W}abstractNum"):
                levels = {}
                for lvl in node.findall(f"{W}lvl"):
                    levels[int(lvl.get(f"{W}ilvl", "0"))] = Level(
                        start=int(_val(lvl, "start") or 1), fmt=_val(lvl, "numFmt") or "decimal",
                        text=_val(lvl, "lvlText") or "",
                        restart=int(_val(lvl, "lvlRestart")) if _val(lvl, "lvlRestart") is not None else None,
                        suffix=_val(lvl, "suff") or "tab")
                state.abstract[node.get(f"{W}abstractNumId")] = levels
            for node in root.findall(f"{W}num"):
                overrides = {}
                for override in node.findall(f"{W}lvlOverride"):
                    start = _val(override, "startOverride")
                    if start is not None:
                        overrides[int(override.get(f"{W}ilvl", "0"))] = int(start)
                state.nums[node.get(f"{W}numId")] = (_val(node, "abstractNumId") or "", overrides)
        for style in document.styles.element.findall(f"{W}style"):
            numpr = style.find(f"{W}pPr/{W}numPr")
            if numpr is not None and _val(numpr, "numId"):
                state.styles[style.get(f"{W}styleId")] = (_val(numpr, "numId"), int(_val(numpr, "ilvl") or 0))
        return state

    def number_for(self, paragraph) -> str | None:
        """The number Word shows before ``paragraph`` (with its suffix), ``"- "`` for a bullet, or None."""
        ppr = paragraph._p.pPr
        num_id, ilvl = None, 0
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id, ilvl = _val(numpr, "numId"), int(_val(numpr, "ilvl") or 0)
        else:
            style = ppr.find(f"{W}pStyle") if ppr is not None else None
            found = self.styles.get(style.get(f"{W}val")) if style is not None else None
            if found:
                num_id, ilvl = found
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if overrides and num_id not in self.overridden:
            self.overridden.add(num_id)
            for at, start in overrides.items():
                counters[at] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper, spec in levels.items():
            if deeper > ilvl and (spec.restart is None or (spec.restart != 0 and ilvl <= spec.restart - 1)):
                counters.pop(deeper, None)
        if level.fmt == "bullet":
            return "- "
        text = level.text
        for at, spec in levels.items():
            marker = f"%{at + 1}"
            if marker in text:
                text = text.replace(marker, format_number(counters.get(at, spec.start), spec.fmt))
        if not text:
            return None
        if level.suffix == "nothing" or (level.suffix == "tab" and not text[-1].isascii()):
            return text
        return text + " "


def _val(node, tag: str) -> str | None:
    child = node.find(f"{W}{tag}")
    return child.get(f"{W}val") if child is not None else None
