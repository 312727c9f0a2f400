"""One spelling per address, so the same story reached by two links is recognised as one."""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that say how a reader arrived, never which page it is.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid"}
)


def canonical_url(url: str) -> str:
    """`url` without tracking parameters or fragment, scheme and host lower-cased, default port
    dropped. Anything that is not an http(s) address is returned stripped, as given."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower()
    if port and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    # Pairs are kept as written: re-encoding them could change what the server sees.
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _tracking(pair))
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def _tracking(pair: str) -> bool:
    key = unquote_plus(pair.split("=", 1)[0]).lower()
    return key.startswith(_TRACKING_PREFIXES) or key in _TRACKING
