"""The exceptions of policykg: one root, a few leaves that carry what a caller needs.

A caller that only wants "did policykg fail" catches ``PolicyKGError``; the
CLI and the HTTP app map the leaves to exit codes and status codes.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """Root of every error policykg raises on purpose."""


class SourceError(PolicyKGError):
    """A document could not be read or holds no policy text.

    ``source`` is the file name, so a build report can name the file.
    """

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SettingError(PolicyKGError):
    """A limit set by a setting was hit; ``setting`` names the one to change."""

    def __init__(self, message: str, setting: str):
        super().__init__(f"{message} (the setting is {setting})")
        self.setting = setting


class StoreError(PolicyKGError):
    """The graph database could not be started, reached or written."""


class NoGraph(StoreError):
    """A command that reads the graph found none where the settings point (a mistyped
    ``--data-dir`` most often); ``setting`` names what to change."""

    def __init__(self, message: str, setting: str = "data_dir"):
        super().__init__(message)
        self.setting = setting


class QueryError(PolicyKGError):
    """The database refused a query; the message is the database's own."""


class ReadOnlyError(QueryError):
    """A query endpoint was asked to change the graph."""


class QueryTimeout(SettingError):
    """A read query ran past its time limit."""


class MissingDependency(PolicyKGError):
    """An optional library is not installed; the message says how to install it."""

    def __init__(self, package: str, extra: str | None = None):
        line = f"pip install 'policykg[{extra}]'" if extra else f"pip install {package}"
        super().__init__(f"{package} is not installed: {line}")
        self.package = package
