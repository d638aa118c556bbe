"""Fuzzing the loaders: arbitrary bytes and policy-like text never crash them.

Every input ends as a graph or as one ``SourceError`` naming the file, and a
build over a folder of such files loads the good ones and names the bad ones.
The number of examples is bounded (``FUZZ_EXAMPLES``) so this runs in seconds;
raise it locally (``POLICYKG_FUZZ_EXAMPLES=2000``) to search harder.
"""

from __future__ import annotations

import os
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import SourceError
from graph.model import GraphData
from loaders.build import extract_file
from loaders.read import decode, read_document

FUZZ_EXAMPLES = int(os.environ.get("POLICYKG_FUZZ_EXAMPLES", "60"))
RANDOM = os.environ.get("POLICYKG_FUZZ_RANDOM") is not None  # else the same examples every run
bounded = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=not RANDOM,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: pieces policy documents are made of, so the fuzzer reaches the rules and not only the "no text" exit
PIECES = [
    "一、", "二、", "三、总体目标", "（一）", "（二）", "(三)", "1.", "2. ", "（1）", "①", "第一条", "【", "】",
    "专栏1",
    "（责任单位：", "（牵头单位：", "；配合单位：", "省科技厅", "市发改委", "、", "，", "。", "）", ")", "：",
    "到2027年", "到2030年底", "，培育", "个以上", "超过", "60EFLOPS", "1.9万亿元", "亿元", "家", "%", "左右", "2—3个",
    "广东省", "东莞松山湖", "松山湖高新区", "浙江省", "之江实验室", "光明科学城", "深圳市", "南沙区", "各市人民政府",
    "关于印发《", "》的通知", "行动方案", "若干措施", "（2025-2027年）", "粤办函〔2024〕88号", "索引号：", "成文日期：",
    "2024年5月26日", "省政府办公厅", "请径向省工业和信息化厅反映", "在省人工智能领导小组统一部署下，由省科技厅统筹推进",
    "按审定总投入的30%，给予最高600万元资助，连续3年", "依据《新一代人工智能发展规划》（国发〔2017〕35号）",
    "# ", "### ", "- ", "\n", "\n\n", " ", "\t", "\u3000", "推动", "建设", "人工智能", "算力", "数据", "创新", "平台",
    "華為", "發展", "廣東省", "\ufeff", "\r\n", "\x00", "\ufffd", "😀", "<p>", "</p>", "<html>", "%PDF-1.4",
]

policy_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=120).map("".join)
any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)


NUMBERS = ["一、", "二、", "三、", "（一）", "（二）", "(三)", "1.", "2. ", "3．", "（1）", "(2)", "①", "第一条 ",
           "第二条", "- ", "### ", ""]
line = st.tuples(st.sampled_from(NUMBERS), st.lists(st.sampled_from(PIECES[16:70]), min_size=1, max_size=12)).map(
    lambda t: t[0] + "".join(t[1]))
policy_lines = st.lists(line, min_size=1, max_size=40).map("\n".join)

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
DEV = sorted((Path(__file__).resolve().parents[1] / "gold" / "devset" / "docs").glob("*.txt"))


@st.composite
def mutated_document(draw):
    """A real seed or development document, cut, spliced and sprinkled with pieces."""
    text = draw(st.sampled_from(SEEDS + DEV)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["cut", "insert", "truncate", "duplicate", "drop_newlines"]))
        if op == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 2000)):]
        elif op == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif op == "truncate":
            text = text[:at]
        elif op == "duplicate":
            text = text[:at] + text[at:at + draw(st.integers(1, 3000))] + text[at:]
        else:
            text = text[:at] + text[at:at + 3000].replace("\n", "") + text[at + 3000:]
    return text


def check(path: Path) -> GraphData | None:
    """The property: a graph whose links join its own nodes, or a SourceError naming the file."""
    try:
        graph = extract_file(path)
    except SourceError as exc:
        assert exc.source == path.name and exc.reason
        return None
    for rel in graph.relationships.values():
        assert rel.start in graph.nodes and rel.end in graph.nodes, rel
    return graph


@bounded
@given(data=st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_a_source_error(data):
    try:
        text, encoding = decode(data, "x.txt")
    except SourceError as exc:
        assert exc.source == "x.txt"
        return
    assert isinstance(text, str) and encoding


@bounded
@given(data=st.binary(max_size=3000))
def test_any_bytes_as_a_file_give_a_graph_or_a_source_error(tmp_path, data):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    check(path)


@bounded
@given(text=policy_text, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]),
       suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx"]))
def test_policy_like_text_gives_a_graph_or_a_source_error(tmp_path, text, encoding, suffix):
    path = tmp_path / f"doc{suffix}"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    check(path)


@bounded
@given(text=policy_lines)
def test_numbered_policy_lines_give_a_graph_or_a_source_error(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    check(path)


@bounded
@given(text=mutated_document())
def test_mutated_real_documents_give_a_graph_or_a_source_error(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check(path)


@bounded
@given(text=any_text)
def test_any_unicode_text_gives_a_graph_or_a_source_error(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    check(path)


def test_read_document_names_the_file_for_unreadable_input(tmp_path):
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    try:
        read_document(folder)
    except SourceError as exc:
        assert exc.source == "a-folder.txt"
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("a folder read as a document")


def test_printable_noise_is_not_policy_text(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_text(string.printable * 20, encoding="utf-8")
    assert check(path) is None
