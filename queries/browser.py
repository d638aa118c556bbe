"""``BrowserGuard``: what keeps a web page the user visits from using the service through their browser.

A service on 127.0.0.1 is reachable from every page the user's browser opens:

- **DNS rebinding**: a page of ``evil.example`` makes its name resolve to
  127.0.0.1 and then reads the service as its own origin. The browser still
  sends ``Host: evil.example``, so a request whose ``Host`` is not one of the
  service's names (localhost, 127.0.0.1, ::1, the bound address and
  ``allowed_hosts``) is refused with 421.
- **Cross-site requests**: a page can POST to any address (a form, or
  ``fetch`` with a simple content type) without reading the answer, enough to
  start a rebuild or run costly queries. Browsers mark every such request
  with ``Origin`` (and ``Sec-Fetch-Site``), so a state-changing request
  (anything but GET, HEAD, OPTIONS) from another origin is refused with 403.
  Clients that are not browsers (curl, the CLI, scripts) send neither and
  are not affected; an admin action still needs the API key or a local
  client (``queries.routes.admin``).

Every answer also carries ``X-Content-Type-Options: nosniff`` and
``X-Frame-Options: DENY``, and the page a Content-Security-Policy that lets it
load only its own files (so it cannot be framed, and injected markup cannot
run script).

Starlette's ``TrustedHostMiddleware`` checks ``Host`` alone and answers in
plain text; this one checks both and answers in the service's JSON error shape.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from graph.settings import Settings

_SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
_LOCAL_NAMES = frozenset(("localhost", "127.0.0.1", "::1"))
_WILDCARDS = frozenset(("0.0.0.0", "::", ""))
_PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                "form-action 'self'")
_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin")]


def served_names(settings: Settings) -> frozenset[str]:
    """The host names the service answers to."""
    names = set(_LOCAL_NAMES) | {h.strip().lower().strip("[]") for h in settings.allowed_hosts}
    if settings.host not in _WILDCARDS:
        names.add(settings.host.lower().strip("[]"))
    return frozenset(names)


def host_name(netloc: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``.

    >>> host_name("[::1]:8000"), host_name("LOCALHOST"), host_name("127.0.0.1:80")
    ('::1', 'localhost', '127.0.0.1')
    """
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1:netloc.find("]")] if "]" in netloc else netloc[1:]
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


class BrowserGuard:
    """Pure ASGI middleware: the Host check, the Origin check, the security headers."""

    def __init__(self, app, settings: Settings):
        self.app = app
        self.names = served_names(settings)
        self.any_host = "*" in settings.allowed_hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        refusal = self._refusal(scope["method"], host, headers)
        if refusal is not None:
            from queries.app import error_response

            status, code, message = refusal
            return await error_response(status, code, message, setting="allowed_hosts" if status == 421 else None,
                                        headers={"Connection": "close"})(scope, receive, send)
        page = scope["path"] == "/"

        async def with_headers(message):
            if message["type"] == "http.response.start":
                extra = [*_HEADERS, (b"content-security-policy", _PAGE_POLICY.encode())] if page else _HEADERS
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return await self.app(scope, receive, with_headers)

    def _refusal(self, method: str, host: str, headers: dict[bytes, bytes]) -> tuple[int, str, str] | None:
        if not self.any_host and host_name(host) not in self.names:
            return (421, "unknown_host", f"this service does not answer to the host name {host!r}; it answers to "
                    f"{', '.join(sorted(self.names))} (add a name to the setting allowed_hosts)")
        if method in _SAFE_METHODS:
            return None
        origin = headers.get(b"origin")
        if origin is not None:
            parts = urlsplit(origin.decode("latin-1"))
            if origin == b"null" or parts.netloc.lower() != host.lower():
                return (403, "cross_origin", f"a {method} from the page of another origin "
                        f"({origin.decode('latin-1')!r}) is refused: only this service's own page may send one")
        elif headers.get(b"sec-fetch-site", b"none") not in (b"same-origin", b"none"):
            return (403, "cross_origin", f"a {method} from another site's page is refused")
        return None
