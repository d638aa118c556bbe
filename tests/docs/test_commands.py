"""Every command that README.md and docs/ show is run, and the answers they show are still the answers.

The convention the pages follow (docs/architecture.md, "Documentation", says it for writers):

- A fenced ```sh block holds commands that run as written, in the checkout, on the seed graph,
  with ``policykg serve`` answering at ``localhost:8000``. Each is run here, in the order of the
  pages, against one temporary data directory built from ``seeds/`` and one ``policykg serve`` of it
  (the port is put in for 8000), with the checkout's ``policykg`` and ``curl --fail-with-body``; it must exit 0.
- Full-line ``# …`` comments right under a command are the answer it gives: each line must still be
  in its output, in order, spaces ignored, with ``…`` standing for anything (a time, a long name).
- A command that cannot run here ends with ``# not run: <reason>`` (a Neo4j server, a command that
  runs until stopped). Such exceptions are counted: keep them few.
- A fenced ```text block whose lines start with ``policykg`` is a usage line (``[--flag X]``
  placeholders): it is not run, but its subcommand and every flag it names must exist.

The two quick-start blocks at the top of README are the one other exception: the second is what CI
runs (``.ci/run``), and the first is its install plus ``policykg serve``, which the fixture here runs.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT, SEEDS
from tests.faults.helpers import logged_url

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
QUICK_START = {
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/policykg serve",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest",
}
NOT_RUN = re.compile(r"#\s*not run:\s*(?P<reason>.*)$")
#: at most this many commands of the docs may be marked ``# not run:``
MOST_NOT_RUN = 3


@dataclass
class Command:
    page: str
    line: int
    text: str
    expected: list[str] = field(default_factory=list)
    not_run: str | None = None

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"


def _complete(text: str) -> bool:
    """True when ``text`` is a whole shell command: no open quote, no trailing backslash."""
    if text.rstrip().endswith("\\"):
        return False
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return False
    return True


def commands_of(page: Path) -> list[Command]:
    """The commands of the page's ```sh blocks, each with the answer lines shown under it."""
    found: list[Command] = []
    for token in MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8")):
        if token.type != "fence" or token.info.strip() != "sh":
            continue
        pending: list[str] = []
        start = 0
        for offset, line in enumerate(token.content.splitlines()):
            number = token.map[0] + 2 + offset  # 1-based, after the opening fence
            if not pending:
                if not line.strip():
                    continue
                if line.startswith("#"):
                    assert found and found[-1].line >= token.map[0], f"{page.name}:{number}: an answer under no command"
                    found[-1].expected.append(line[1:].strip())
                    continue
                start = number
            pending.append(line)
            text = "\n".join(pending)
            if _complete(text):
                marker = NOT_RUN.search(pending[-1])
                found.append(Command(page.relative_to(ROOT).as_posix(), start, text,
                                     not_run=marker.group("reason").strip() if marker else None))
                pending = []
        assert not pending, f"{page.name}:{start}: a command that does not end"
    return found


def usage_lines_of(page: Path) -> list[tuple[str, str]]:
    """(where, line) of each ``policykg …`` line of the page's ```text blocks."""
    lines = []
    for token in MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8")):
        if token.type == "fence" and token.info.strip() == "text":
            for offset, line in enumerate(token.content.splitlines()):
                if line.startswith("policykg "):
                    lines.append((f"{page.relative_to(ROOT).as_posix()}:{token.map[0] + 2 + offset}", line))
    return lines


ALL = [command for page in PAGES for command in commands_of(page)]
RUN = [command for command in ALL if command.text not in QUICK_START and command.not_run is None]


def matches(expected: list[str], output: str) -> bool:
    """True when every shown line is in the output, in order; spaces are ignored and … stands for anything."""
    squeeze = re.compile(r"\s+")
    lines = [".*?".join(re.escape(part) for part in squeeze.sub("", line).split("…")) for line in expected]
    return re.search(".*?".join(lines), squeeze.sub("", output), re.DOTALL) is not None


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(environment, working directory, base URL): a seed graph served as the pages assume."""
    work = tmp_path_factory.mktemp("docs-commands")
    data = work / ".policykg"
    (work / "seeds").symlink_to(SEEDS, target_is_directory=True)
    bin_dir = work / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "policykg"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m queries.cli "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    curl = shutil.which("curl")
    assert curl, "the pages' HTTP examples need curl (apt-get install curl)"
    # an HTTP error status is a failed command, as it would be for the reader
    (bin_dir / "curl").write_text(f'#!/bin/sh\nexec "{curl}" --fail-with-body "$@"\n', encoding="utf-8")
    (bin_dir / "curl").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env |= {"POLICYKG_DATA": str(data), "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
            "PATH": os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), env.get("PATH", "")])}
    built = subprocess.run(["policykg", "build", "-q", "seeds"], cwd=work, env=env, capture_output=True, text=True,
                           timeout=300)
    assert built.returncode == 0, built.stderr
    log = work / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(["policykg", "serve", "--no-build", "--port", "0"], cwd=work, env=env,
                                stdout=subprocess.DEVNULL, stderr=out)
    try:
        url = logged_url(proc, log, 120)
        yield env, work, url
    finally:
        proc.terminate()
        proc.wait(60)


@pytest.mark.parametrize("command", RUN, ids=[command.id for command in RUN])
def test_the_command_runs_and_gives_the_answer_shown(command, served):
    env, work, url = served
    text = re.sub(r"\b(localhost|127\.0\.0\.1):8000\b", url.removeprefix("http://"), command.text)
    done = subprocess.run(["bash", "-o", "pipefail", "-c", text], cwd=work, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, f"{command.id}: exit status {done.returncode}\n{done.stderr[-2000:]}"
    assert matches(command.expected, done.stdout), (
        f"{command.id}: the answer shown is not the answer given\nshown:\n" + "\n".join(command.expected)
        + f"\ngiven:\n{done.stdout[:3000]}")


def test_the_pages_show_commands_and_few_exceptions():
    assert len(RUN) >= 20, "the pages' ```sh blocks were not found"
    assert sum(1 for command in ALL if command.expected) >= 10
    skipped = [command for command in ALL if command.not_run is not None]
    assert len(skipped) <= MOST_NOT_RUN, [command.id for command in skipped]
    assert all(command.not_run for command in skipped), "a # not run: marker without its reason"
    assert {command.text for command in ALL if command.page == "README.md"} >= QUICK_START


def test_the_answer_check_can_fail():
    table = "agency   rank\n------\n浙江省发展和改革委员会  1\n之江实验室   2\n"
    assert matches(["agency  rank", "之江实验室 2"], table)
    assert not matches(["之江实验室 3"], "之江实验室   2\n")
    assert not matches(["b", "a"], "a\nb\n")
    assert matches(['"elapsed_ms":…,"rows":3'], '{"elapsed_ms": 8.2, "rows": 3}')


def _command(path: list[str]) -> click.Command | None:
    from queries.cli import main

    command: click.Command = main
    for word in path:
        if not isinstance(command, click.Group) or word not in command.commands:
            return None
        command = command.commands[word]
    return command


USAGE = [line for page in PAGES for line in usage_lines_of(page)]


@pytest.mark.parametrize(("where", "line"), USAGE, ids=[where for where, _ in USAGE])
def test_every_usage_line_names_a_subcommand_and_flags_that_exist(where, line):
    words = line.split("#", 1)[0].split()[1:]
    path = []
    for word in words:
        if not re.fullmatch(r"[a-z][a-z-]*", word) or _command([*path, word]) is None:
            break
        path.append(word)
    command = _command(path)
    assert path and command is not None and not isinstance(command, click.Group), f"{where}: no such command: {line}"
    known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    for flag in re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", line.split("#", 1)[0]):
        assert flag in known, f"{where}: policykg {' '.join(path)} has no {flag}"
