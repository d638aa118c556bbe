"""One settings object for the whole of policykg.

Precedence, as in datasette and FastAPI's settings docs: a command-line flag
overrides the environment (``POLICYKG_<NAME>``), which overrides the default.
The object is passed explicitly into ``build()``, ``create_app()`` and the
stores; nothing reads the environment behind its back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every tunable of policykg, with its unit in its name."""

    model_config = SettingsConfigDict(env_prefix="POLICYKG_", extra="ignore")

    data_dir: Path = Field(
        default=Path(".policykg"),
        description="Where the embedded database, its socket and the build cache live "
        "(also $POLICYKG_DATA).",
    )
    store: str = Field(
        default="embedded",
        description="'embedded' for the private FalkorDB, or a bolt:// / neo4j:// URI.",
    )
    graph_name: str = Field(default="policykg", description="Name of the graph inside the store.")
    neo4j_user: str | None = Field(default=None, description="User for a Bolt store.")
    neo4j_password: str | None = Field(default=None, description="Password for a Bolt store.")
    neo4j_database: str | None = Field(
        default=None, description="Database of a Bolt store (unset: the server's default database)."
    )
    query_time_limit_ms: int = Field(default=5000, ge=1, description="Time limit of one read query.")
    query_memory_mb: int = Field(default=512, ge=16, description=(
        "Memory one query may take in the embedded FalkorDB (set when the server starts)."))
    max_rows: int = Field(default=10_000, ge=1, description="Row cap of one read query.")
    max_answer_bytes: int = Field(default=16 << 20, ge=1024, description=(
        "Largest answer of one read query in bytes, as the database sends it and as the service renders it "
        "(then 400)."))
    max_query_chars: int = Field(default=16_384, ge=64, description=(
        "Longest Cypher or SPARQL text a client may send (then 400)."))
    max_query_depth: int = Field(default=7, ge=2, description=(
        "Deepest nesting of brackets, CASE and prefix operators in a client's query: FalkorDB's parser "
        "takes time exponential in it."))
    max_query_tokens: int = Field(default=4096, ge=16, description=(
        "Most words, numbers and symbols in a client's query: FalkorDB's parser overflows its stack "
        "on very long expressions."))
    max_running_queries: int = Field(default=0, ge=0, description=(
        "Queries the service lets run in the database at once (0: one per core, FalkorDB's own thread count); "
        "the next ones wait their turn, and their time limit starts when they run."))
    max_queued_queries: int = Field(default=64, ge=0, description=(
        "Queries that may wait for their turn; past it the service answers 503 with Retry-After at once."))
    server_memory_mb: int = Field(default=4096, ge=256, description=(
        "Address space the embedded FalkorDB process may take (a process limit set when it starts): past it "
        "an allocation fails in the database instead of the machine running out of memory."))
    sparql_memory_mb: int = Field(default=2048, ge=256, description=(
        "Address space of the process that runs SPARQL queries (it holds the RDF view and is ended at the "
        "time limit)."))
    server_start_timeout_s: float = Field(
        default=20.0, gt=0, description="How long to wait for the embedded FalkorDB to answer."
    )
    build_workers: int = Field(default=0, ge=0, description=(
        "Processes that extract documents in a build (0: one per core); the graph is the same for any number."))
    write_batch_size: int = Field(default=2000, ge=1, description="Rows per UNWIND batch on writes.")
    host: str = Field(default="127.0.0.1", description="Address the HTTP service binds to.")
    port: int = Field(default=8000, ge=0, le=65535, description="Port of the HTTP service.")
    api_key: str | None = Field(default=None, description="If set, admin actions require it.")
    allowed_hosts: list[str] = Field(default_factory=list, description=(
        "Host names the service answers to besides localhost, 127.0.0.1, ::1 and the host it binds to "
        "(a request with another Host header is refused: DNS rebinding); '*' allows any."))
    max_body_bytes: int = Field(
        default=1 << 20, ge=1, description="Largest request body the HTTP service accepts (then 413)."
    )
    max_file_bytes: int = Field(default=20 << 20, ge=1, description=(
        "Largest input file a build reads; a larger one is reported by name and skipped."))
    watch_debounce_ms: int = Field(
        default=1000, ge=0, description="build --watch: changes are gathered this long before one build runs."
    )
    watch_poll_interval_ms: int = Field(
        default=500, ge=50, description="build --watch: how often to look for changes when polling."
    )
    watch_force_polling: bool = Field(
        default=False, description="build --watch: poll the folder instead of waiting for file events "
        "(network shares, some containers)."
    )
    base_iri: str = Field(
        default="https://policykg.org/id/", description="Namespace in which RDF IRIs are minted."
    )

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Settings from the environment, with non-None ``overrides`` (flags) on top.

        ``POLICYKG_DATA`` is accepted as a short form of ``POLICYKG_DATA_DIR``.

        >>> Settings.load(max_rows=5).max_rows
        5
        """
        import os

        flags = {k: v for k, v in overrides.items() if v is not None}
        if "data_dir" not in flags and "POLICYKG_DATA_DIR" not in os.environ and os.environ.get(
            "POLICYKG_DATA"
        ):
            flags["data_dir"] = Path(os.environ["POLICYKG_DATA"])
        return cls(**flags)

    @property
    def embedded(self) -> bool:
        return not self.store.startswith(("bolt://", "bolt+s://", "neo4j://", "neo4j+s://"))


def default_inputs() -> list[Path]:
    """The seed folder: ``./seeds`` when run from a checkout, else the one beside the package."""
    here = Path("seeds")
    return [here if here.is_dir() else REPO_ROOT / "seeds"]
