"""Subsidies, rewards and vouchers with their terms (Incentive).

A sentence part that grants money (补贴, 资助, 奖励, 算力券…) and states a rate
(按…的30%), a cap (最高600万元, in 万元) or a duration (连续3年) is one
incentive; a grant with no terms (按规定给予支持) is not. Parts are split at ；
and at 对…的 beneficiaries, so 对需求方…10%…；对提供方…20%… give two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.document import Span
from loaders.layout import chinese_number
from loaders.lexicon import words

RATE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
CAP = re.compile(r"(?:最高|最多|不超过|上限|给予|奖励|资助|补助|补贴)(?:不超过)?\s*(\d+(?:\.\d+)?)\s*(万元|亿元)")
YEARS = re.compile(r"(?:连续(?:资助|支持|补贴|奖励|给予|补助)?|前|投运前|为期)\s*(\d+|[一二两三四五六七八九十])\s*年"
                   r"|(\d+|[一二三四五])年内")
BENEFICIARY = re.compile(r"对(?:于)?([^，,。；;]{2,40}?)(?:的|，|,)")


@dataclass
class Grant:
    rate: float | None
    cap: float | None
    years: int | None
    beneficiary: str | None
    text: str  # surface
    span: Span


def find_incentives(span: Span) -> list[Grant]:
    grant_words = words()["incentives"]["grant_words"]
    out = []
    for part in _parts(span):
        text = part.text
        if not any(w in text for w in grant_words):
            continue
        rate = RATE.search(text)
        cap = CAP.search(text)
        years = YEARS.search(text)
        if not (rate or cap):
            continue
        cap_value = None
        if cap:
            cap_value = float(cap.group(1)) * (10000 if cap.group(2) == "亿元" else 1)
        years_value = None
        if years:
            years_value = chinese_number(years.group(1) or years.group(2))
        who = BENEFICIARY.search(text)
        out.append(Grant(_num(float(rate.group(1))) if rate else None, _num(cap_value), years_value,
                         part.doc.surface(who.group(1)) if who else None, part.surface.strip(), part))
    return out


def _parts(span: Span) -> list[Span]:
    parts, begin = [], 0
    for match in re.finditer(r"[。；;]", span.text + "。"):
        piece = span.sub(begin, match.start())
        if piece.text.strip():
            parts.append(piece)
        begin = match.end()
    return parts


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
