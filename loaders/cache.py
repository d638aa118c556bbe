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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
            return Contribution.from_json(json.loads(self._file(source).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError):
            return None

    def put(self, contribution: Contribution) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(contribution.source)
        tmp = target.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps(contribution.to_json(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, target)
        except OSError:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written file behind
            raise

    def remove(self, source: str) -> None:
        self._file(source).unlink(missing_ok=True)

    def all(self) -> list[Contribution]:
        out = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                out.append(Contribution.from_json(json.loads(file.read_text(encoding="utf-8"))))
            except (OSError, ValueError, KeyError):
                file.unlink(missing_ok=True)
        return sorted(out, key=lambda c: c.source)
