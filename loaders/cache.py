"""What each document contributed to the graph, kept under the data directory.

The corpus graph is the merge of per-document contributions. Keeping each
contribution (with the hash of the bytes it came from and of the extractor
that read them) makes a re-build cheap and exact: an unchanged document is
not read again, a changed one replaces its own contribution and nothing
else, and a removed one can be taken out without touching what other
documents say about a shared agency or site.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from graph.model import GraphData


@dataclass
class Contribution:
    source: str
    path: str
    digest: str
    graph: GraphData

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "path": self.path, "digest": self.digest,
                "graph": self.graph.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Contribution:
        return cls(data["source"], data["path"], data["digest"], GraphData.from_json(data["graph"]))


class ContributionCache:
    """One JSON file per source document, written atomically."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _file(self, source: str) -> Path:
        return self.folder / (hashlib.sha1(source.encode("utf-8")).hexdigest()[:20] + ".json")

    def get(self, source: str) -> Contribution | None:
        try:
            return Contribution.from_json(orjson.loads(self._file(source).read_bytes()))
        except (OSError, ValueError, KeyError):
            return None

    def put(self, contribution: Contribution) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(contribution.source)
        tmp = target.with_suffix(".tmp")
        try:
            tmp.write_bytes(_dumps(contribution.to_json()))
            os.replace(tmp, target)
        except OSError:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written file behind
            raise

    def remove(self, source: str) -> None:
        self._file(source).unlink(missing_ok=True)

    def all(self, skip: Collection[str] = ()) -> list[Contribution]:
        """Every stored contribution but those of the sources in ``skip``, sorted by source."""
        skipped = {self._file(source).name for source in skip}
        out = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            if file.name in skipped:
                continue
            try:
                out.append(Contribution.from_json(orjson.loads(file.read_bytes())))
            except (OSError, ValueError, KeyError):
                file.unlink(missing_ok=True)
        return sorted(out, key=lambda c: c.source)


def _dumps(data: dict[str, Any]) -> bytes:
    """orjson: the cache is written for every document and read back whole at every build,
    and the standard library took a tenth of the build for it; the standard encoder for an
    integer beyond 64 bits, which orjson refuses."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
