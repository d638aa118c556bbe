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


class StoredSources:
    """Which documents, at which digests, the stored graph was built from.

    Written after a build has stored its graph, and only then. The report of the next
    build compares against this, not against the contribution cache: the cache is
    written document by document as they are read, so after a build killed before it
    stored anything the cache holds documents the graph never got. Compared with the
    cache, those came out as "unchanged" when the next build put them in the graph;
    compared with this they are "added" (and not read again, as the cache has them).
    The record names the store and graph it describes; another store starts from none.
    """

    FILE = "stored-sources.json"

    def __init__(self, data_dir: Path, store: str, graph_name: str):
        self.path = Path(data_dir) / self.FILE
        self.key = {"store": store, "graph": graph_name}

    def load(self) -> dict[str, str] | None:
        """{source: digest} of the stored graph; None when no build of this version stored one here."""
        try:
            data = orjson.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or {k: data.get(k) for k in self.key} != self.key:
            return None
        documents = data.get("documents")
        return dict(documents) if isinstance(documents, dict) else None

    def save(self, documents: dict[str, str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        try:
            tmp.write_bytes(orjson.dumps({**self.key, "documents": documents}, option=orjson.OPT_SORT_KEYS))
            os.replace(tmp, self.path)
        except OSError:
            # the graph is stored but its record is not: drop the old record rather than keep a wrong one
            tmp.unlink(missing_ok=True)
            self.path.unlink(missing_ok=True)


def _dumps(data: dict[str, Any]) -> bytes:
    """orjson: the cache is written for every document and read back whole at every build,
    and the standard library took a tenth of the build for it; the standard encoder for an
    integer beyond 64 bits, which orjson refuses."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
