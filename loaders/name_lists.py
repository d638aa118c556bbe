"""The names of one responsibility list: which printed text is a body, and which body leads.

A list prints more than names: a marker (市发展改革委☆), a body's own note (市经信局（牵头）),
an open tail (市工信局等市直有关单位), a body's second plate (市发改委（数据管理局）), two
bodies joined by 及. Collectives are one agency each, as written: of divisions (各区县市,
各县（市、区）) and with a pause mark inside (市直有关部门、单位, 各区、县（市）). Offsets stay
those of the printed list, so each body keeps its printed position (its rank).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.agencies import CARRIED_NOTE, UNIT_END, Agency, Jurisdiction, resolve, resolve_list, split_names
from loaders.lexicon import pattern, regions, words


@dataclass
class Entry:
    """One body of a list: the agency, where the list prints it, and whether it is marked as the lead."""

    agency: Agency
    start: int
    end: int
    marked: bool = False


def _entry_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each entry of a list: cut at 、，； and blanks outside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text + "、"):
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in "、，,；;" or ch.isspace() or i == len(text)):
            if text[start:i].strip():
                out.append((start, i))
            start = i + 1
    return out


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


def _masked(text: str, mark: str | None) -> tuple[str, set[int], dict[int, int]]:
    """The list with what is not part of a name blanked out (offsets stay): marker characters, a
    body's own （牵头）, an open tail (市工信局等市直有关单位), a second name of the same body
    (市发改委（数据管理局）). Returns it, the offsets of entries marked as the lead, and the entries
    whose printed form is longer than their name (start -> printed end)."""
    section = words()["responsibility"]
    chars = list(text)
    marked: set[int] = set()
    printed: dict[int, int] = {}
    entry_lead = pattern("responsibility", "entry_lead")
    open_tail = pattern("responsibility", "open_tail")
    for start, end in _entry_ranges(text):
        entry = text[start:end]
        if (mark and mark in entry) or entry_lead.search(entry):
            marked.add(start)
        for i, ch in enumerate(entry):
            if ch in section["marks"]:
                chars[start + i] = " "
        for hit in entry_lead.finditer(entry):
            _blank(chars, start + hit.start(), start + hit.end())
        core = "".join(chars[start:end]).rstrip()
        tail = open_tail.search(core)
        if tail and core[: tail.start()].strip():
            _blank(chars, start + tail.start(), start + len(core))
        core = "".join(chars[start:end]).rstrip()
        second = _second_name(core)
        if second is not None:
            _blank(chars, start + second, start + len(core))
            printed[start] = start + len(core)
        for a, b in _joins(core):
            _blank(chars, start + a, start + b)
        note = _CARRIED_NOTE.search(core)
        if note and core[: note.start()].strip():
            _blank(chars, start + note.start(), start + len(core))  # 各区人民政府（含开发区管委会，下同）
    return "".join(chars), marked, printed


#: agencies.CARRIED_NOTE closing an entry (各区人民政府（含开发区管委会，下同）): a note on this list and
#: the later ones, not part of the name
_CARRIED_NOTE = re.compile(CARRIED_NOTE.pattern + r"\s*$")


def _joins(entry: str) -> list[tuple[int, int]]:
    """Where an entry joins two bodies with a conjunction (市科技局及各县区人民政府, 科技厅和省发展改革委):
    both sides must be bodies on their own, so 工业和信息化局 stays one name."""
    out = []
    for hit in re.finditer(r"以及|及|和|与", entry):
        left, right = entry[: hit.start()].strip(), entry[hit.end():].strip()
        if "（" in left or "(" in left or len(left) < 2 or len(right) < 2:
            continue
        if all(_is_body(part) for part in (left.split()[-1], right.split()[0])):
            out.append((hit.start(), hit.end()))
    return out


def _is_body(text: str) -> bool:
    return (resolve(text, Jurisdiction()) is not None
            or bool(pattern("responsibility", "collective_divisions").search(text)))


def bare_names(text: str) -> str:
    """The list with markers, lead notes, open tails and second plates blanked out (offsets kept)."""
    return _masked(text, None)[0]


def _second_name(entry: str) -> int | None:
    """Where a body's second name starts: 市发改委（数据管理局） is one body that carries two
    plates. Not an aside (各区人民政府（含开发区…）) and not a collective (各镇人民政府（街道办事处）)."""
    match = re.fullmatch(r"\s*(.+?)([（(])([^（()）]+)[)）]", entry)
    if not match or re.match(r"含|包括|不含|下同|以下", match.group(3)):
        return None
    if pattern("responsibility", "collective").search(match.group(1).strip()):
        return None
    where = Jurisdiction()
    if resolve(match.group(1), where) is None or resolve(match.group(3), where) is None:
        return None
    return match.start(2)


def _collective(text: str, where: Jurisdiction) -> Agency:
    main = where.main
    return Agency(text, text, "government", main.name if main else None, collective=True)


def read_entries(names: str, where: Jurisdiction, carry: str | None = None,
                 mark: str | None = None) -> list[Entry]:
    """The bodies a list names, in printed order, as written.

    Every entry that names a unit is kept (``resolve_list(keep_unknown=True)``). A collective of
    divisions (各区县市) is one agency as written; a collective written with a pause mark inside
    (市直有关部门、单位) is one agency, and so is any entry that opens like a collective (各开发区管委会
    is every zone's committee, not one); markers and open tails are not part of a name; a slash
    separates bodies as a pause mark does (市科技局/市工信局)."""
    names = names.translate(_SLASHES)
    masked, marked, printed = _masked(names, mark)
    found = resolve_list(masked, where, keep_unknown=True, carry=carry)
    named = {off for _, off in found}
    for piece, off in split_names(masked):
        lead = len(piece) - len(piece.lstrip())
        if off + lead not in named and pattern("responsibility", "collective_divisions").search(piece.strip()):
            found.append((_collective(piece.strip(), where), off + lead))  # 各区县市: no dictionary form
    found.sort(key=lambda hit: hit[1])
    ranges = _entry_ranges(names)
    shared = _shared_endings(masked, ranges, {off for _, off in found}, where)
    entries: list[Entry] = []
    for start, end in ranges:
        inside = [(a, off) for a, off in found if start <= off < end] or shared.get(start, [])
        core = masked[start:end].strip()
        if entries and names[start - 1] == "、" and _completes(names[entries[-1].start:entries[-1].end], core,
                                                               entries[-1].agency):
            last = entries[-1]
            whole = names[last.start:end].strip()
            last.agency, last.end = _collective(whole, where), end  # 市直有关部门、单位 / 各区、县（市）
            continue
        for agency, off in inside:
            if start in printed:
                agency = replace(agency, written=names[start:printed[start]].strip())
            if len(inside) == 1 and not agency.collective and pattern("responsibility", "collective").search(core):
                agency = _collective(core, where)  # 各开发区管委会: as written, in the plan's jurisdiction
            entries.append(Entry(agency, off, end, start in marked))
    return entries


#: slashes between the bodies of a list (市科技局/市工信局), read as pause marks, and the angle brackets a list
#: inside a bracket uses as its own brackets (（责任单位：各区人民政府〈含开发区管委会，下同〉）, 某经开区管委会〈某区
#: 人民政府〉), read as round ones (same length: offsets stay)
_SLASHES = str.maketrans({"/": "、", "／": "、", "〈": "（", "〉": "）"})


def _shared_endings(masked: str, ranges: list[tuple[int, int]], named: set[int],
                    where: Jurisdiction) -> dict[int, list[tuple[Agency, int]]]:
    """南京、苏州、无锡供电公司: places printed bare before a place's body, joined to it by
    pause marks, each have that body (three companies). Returns entry start -> the agency it names."""
    out: dict[int, list[tuple[Agency, int]]] = {}
    pending: list[tuple[int, int, str]] = []  # (entry start, name offset, place)
    for start, end in ranges:
        printed = masked[start:end]
        core = printed.strip()
        if not (start > 0 and masked[start - 1] == "、"):
            pending = []
        if not any(start <= off < end for off in named) and _bare_place(core):
            pending.append((start, start + len(printed) - len(printed.lstrip()), core))
            continue
        ending = _body_after_place(core) if pending else None
        for entry, offset, place in pending if ending else []:
            hit = resolve_list(place + ending, where, keep_unknown=True)
            if len(hit) == 1:
                out[entry] = [(replace(hit[0][0], written=place), offset)]
        pending = []
    return out


def _bare_place(text: str) -> bool:
    """A division's name with nothing after it (广州, 深圳市, 南山区)."""
    return any(r.level in ("Province", "City", "District") for r in regions().lookup(text))


def _body_after_place(text: str) -> str | None:
    """What follows the place a name starts with, when that is a unit's ending (无锡|供电公司)."""
    for size in range(min(8, len(text) - 2), 1, -1):
        if _bare_place(text[:size]):
            rest = text[size:]
            return rest if UNIT_END.search(rest) and not _bare_place(rest) else None
    return None


def _completes(before: str, entry: str, agency: Agency) -> bool:
    """Does ``entry`` finish the collective before it, written with a pause mark inside? A bare
    单位/部门 after 市直有关部门 (市直有关部门、单位), divisions after a collective of divisions
    (各区、县（市）), or the kind of office that a bare collective of divisions and the zones after
    it share (各县（市、区）、开发区财政部门: the finance offices of each county and of the zones)."""
    before = before.strip()
    tails = words()["responsibility"]["collective_tails"]
    if entry in tails:
        return bool(re.search(r"各|有关|相关|其他|所属", before)) and before.endswith(tuple(tails))
    if (before.startswith("各") and before.endswith(tuple(tails)) and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", entry)
            and entry.endswith(tuple(tails)) and not re.match(r"[省市区县州盟旗]", entry)
            and not pattern("responsibility", "own_collective").search(entry)):
        # 各区（县、市）数据管理部门、财政部门: a second kind of office the same divisions each have
        return True
    if not (agency.collective and pattern("responsibility", "collective_divisions").search(before)):
        return False
    if pattern("responsibility", "division_tail").search(entry):
        return True
    # 各县（市、区） names no body on its own: the office after the pause mark is what each of them has
    return entry.endswith(tuple(tails)) and not pattern("responsibility", "own_collective").search(entry)


def ranked(entries: list[Entry], role: str, first_leads: bool = False) -> list[tuple[Entry, str, int]]:
    """(entry, role, rank) of one printed list: rank is the printed position; a body marked as the
    lead (☆ where the plan says so, （牵头）) leads and the others keep the list's role; where the
    plan says the first listed leads, the first leads and the others are responsible."""
    marked = any(entry.marked for entry in entries)
    out = []
    for rank, entry in enumerate(entries, 1):
        this_role = role
        if marked:
            this_role = "lead" if entry.marked else role
        elif first_leads:
            this_role = "lead" if rank == 1 else "responsible"
        out.append((entry, this_role, rank))
    return out


def unique(entries: list[Entry]) -> list[Entry]:
    seen, out = set(), []
    for entry in entries:
        if entry.agency.name not in seen:
            seen.add(entry.agency.name)
            out.append(entry)
    return out
