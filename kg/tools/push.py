"""Pushing an export to a SPARQL 1.1 Graph Store Protocol endpoint, then asking what the store holds.

The export (Turtle, N-Triples, TriG, N-Quads or JSON-LD, by extension) is parsed locally first, so
a broken file fails here with its line and column rather than as a store's HTML error page, and it
is sent as N-Triples (``text/turtle``, which every store reads; TriG's named graphs are flattened
into the one target graph). ``PUT`` replaces the graph, ``POST`` adds to it.

Which graph: the standard protocol names it ``?graph=IRI`` (or ``?default``); Virtuoso's
``/sparql-graph-crud`` and ``/sparql-graph-crud-auth`` take ``?graph-uri=IRI`` instead and have no
default graph. The parameter is chosen from the endpoint's path unless ``graph_param`` says.

Authentication: the first request goes without credentials; on ``401`` the ``WWW-Authenticate``
header decides between Digest and Basic. Credentials come from the arguments or from
``KG_PUSH_USER`` and ``KG_PUSH_PASSWORD``; when the store wants them and the password is
missing, ``ask`` (the CLI prompts on a terminal) is called for it. Connecting has its own short
timeout, so a wrong host fails in seconds however long the upload may take. Requests go only to the address given: redirects are not
followed and proxy settings from the environment are ignored.

    >>> push("output/graph.ttl", "http://127.0.0.1:8890/sparql-graph-crud-auth",  # doctest: +SKIP
    ...      graph="https://example.org/diplokg", user="dba", password="dba")
    PushResult(endpoint='http://127.0.0.1:8890/sparql-graph-crud-auth', graph='https://example.org/diplokg',
               sent_triples=1234, store_triples=1234, method='PUT', ...)
"""
from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Tuple, Union
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from ..errors import KgError
from ..export.graphio import read_triples

__all__ = ["push", "PushResult", "PushError", "query_endpoint_for", "USER_ENV", "PASSWORD_ENV",
           "CONNECT_TIMEOUT"]

USER_ENV = "KG_PUSH_USER"
PASSWORD_ENV = "KG_PUSH_PASSWORD"
#: seconds to wait for a connection (a store on a reachable host answers a connect at once)
CONNECT_TIMEOUT = 4.0
NTRIPLES_AS = "text/turtle"   # N-Triples is Turtle; some stores (Virtuoso 7) reject application/n-triples

# Graph Store path (last segment) -> the same store's SPARQL query path (last segment).
QUERY_PATH_FOR = {"sparql-graph-crud": "sparql", "sparql-graph-crud-auth": "sparql",  # Virtuoso
                  "store": "query",                                                    # Oxigraph
                  "data": "sparql"}                                                    # Fuseki


class PushError(KgError):
    """A push the store refused or could not receive: unreachable, bad credentials, an HTTP error."""

    def __init__(self, reason: str, url: Optional[str] = None):
        super().__init__(None, reason)
        self.url = url


@dataclass(frozen=True)
class PushResult:
    """What was sent and what the store holds afterwards.

    ``store_triples`` is None when the count query failed; ``warning`` then says why.
    For the default graph (``graph`` None) the count is of the store's default graph, which on
    Virtuoso is the union of every graph.
    """
    endpoint: str
    graph: Optional[str]
    sent_triples: int
    store_triples: Optional[int]
    method: str
    query_endpoint: Optional[str] = None
    warning: Optional[str] = None


def _is_virtuoso(url: str) -> bool:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].startswith("sparql-graph-crud")


def query_endpoint_for(endpoint: str) -> str:
    """The SPARQL query endpoint that goes with a Graph Store endpoint, on the same host and port.

    Known layouts swap the last path segment (Virtuoso ``/sparql-graph-crud-auth`` -> ``/sparql``,
    Oxigraph ``/store`` -> ``/query``, Fuseki ``/ds/data`` -> ``/ds/sparql``); anything else gives
    ``/sparql`` at the root.

    >>> query_endpoint_for("http://127.0.0.1:8890/sparql-graph-crud-auth")
    'http://127.0.0.1:8890/sparql'
    >>> query_endpoint_for("http://localhost:7878/store")
    'http://localhost:7878/query'
    """
    parts = urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    path = f"{head}/{QUERY_PATH_FOR[last]}" if last in QUERY_PATH_FOR else "/sparql"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"{what} {url!r} is not an http:// or https:// URL", url)
    return url


def _credentials(user: Optional[str], password: Optional[str]) -> Tuple[Optional[str], Optional[str]]:
    user = user if user is not None else os.environ.get(USER_ENV) or None
    password = password if password is not None else os.environ.get(PASSWORD_ENV)
    if user is None and password is not None:
        raise PushError(f"a password was given but no user; give --user or set {USER_ENV}")
    return user, password


#: ``ask(url, user)`` -> (user, password), or None when nobody can be asked
Ask = Callable[[str, Optional[str]], Optional[Tuple[str, str]]]


def _server_message(response: requests.Response) -> str:
    """The first readable line of a store's error body (Virtuoso answers with HTML pages)."""
    text = response.text or ""
    if "<" in text and re.search(r"<(html|body|h1|xmp|pre)\b", text, re.I):
        inner = re.search(r"<(xmp|pre)[^>]*>(.*?)</\1>", text, re.I | re.S)
        if inner:
            text = inner.group(2)
        else:
            text = re.sub(r"<head\b.*?</head>", " ", text, flags=re.I | re.S)
            text = re.sub(r"<[^>]+>", "\n", text)
        text = html.unescape(text)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not re.match(r"(HTTP/\S+ )?\d{3}\b", ln)] or lines
    line = " ".join(lines[0].split()) if lines else (response.reason or "no message")
    return line if len(line) <= 300 else line[:297] + "..."


def _where(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _unreachable(url: str, exc: Exception, timeout: float, connect_timeout: float = CONNECT_TIMEOUT) -> PushError:
    if isinstance(exc, requests.ConnectTimeout):
        why = f"no connection within {connect_timeout:g} s; is the host right and the store running?"
    elif isinstance(exc, requests.Timeout):
        why = f"no answer within {timeout:g} s; a large export may need a longer timeout"
    else:
        chain, seen = [], exc
        while seen is not None and len(chain) < 10:
            chain.append(seen)
            wrapped = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
            seen = seen.__cause__ or seen.__context__ or wrapped   # requests wraps urllib3 wraps socket
        text = " ".join(str(e) for e in chain)
        if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text.lower():
            why = "connection refused"
        elif "Name or service not known" in text or "NameResolutionError" in text or "getaddrinfo" in text:
            why = f"unknown host {urlsplit(url).hostname!r}"
        elif any(isinstance(e, ConnectionResetError) for e in chain) or "reset" in text.lower():
            why = "connection reset by the server"
        elif "prematurely" in text or "RemoteDisconnected" in text:
            why = "the server closed the connection before answering"
        else:
            why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return PushError(f"cannot reach {_where(url)}: {why}", url)


class _Client:
    """One session that finds out, before any body goes out, whether and how the store wants credentials."""

    def __init__(self, user: Optional[str], password: Optional[str], timeout: float,
                 connect_timeout: float = CONNECT_TIMEOUT, ask: Optional[Ask] = None):
        self.user, self.password = user, password
        self.timeout = timeout
        self.connect_timeout = min(connect_timeout, timeout)
        self.ask = ask
        self.auth: Optional[AuthBase] = None
        self.session = requests.Session()
        self.session.trust_env = False   # no proxies or .netrc: talk to the address given, only

    @property
    def credentials(self) -> Optional[Tuple[str, str]]:
        return (self.user, self.password) if self.user is not None and self.password is not None else None

    def _auth_for(self, response: requests.Response, url: str) -> AuthBase:
        challenge = response.headers.get("WWW-Authenticate", "")
        scheme = challenge.split(None, 1)[0].lower() if challenge else ""
        if self.credentials is None and self.ask is not None:
            got = self.ask(_where(url), self.user)
            if got:
                self.user, self.password = got
        if self.credentials is None:
            asks = f" ({scheme.capitalize()})" if scheme else ""
            if self.user is not None:
                raise PushError(f"{_where(url)} asks for the password of user {self.user!r}{asks} (HTTP 401); "
                                f"give --password, or set {PASSWORD_ENV}", url)
            raise PushError(f"{_where(url)} asks for credentials{asks} (HTTP 401); give --user and "
                            f"--password, or set {USER_ENV} and {PASSWORD_ENV}", url)
        if scheme == "digest":
            return HTTPDigestAuth(*self.credentials)
        if scheme == "basic" or not scheme:
            return HTTPBasicAuth(*self.credentials)
        raise PushError(f"{_where(url)} asks for {challenge.split(None, 1)[0]} authentication, "
                        "which kg push does not speak (only Digest and Basic)", url)

    def _refused(self, url: str) -> PushError:
        user = self.user or ""
        return PushError(f"the store refused the credentials for user {user!r} (HTTP 401)", url)

    def _request(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            return self.session.request(method, url, auth=self.auth, timeout=(self.connect_timeout, self.timeout),
                                        allow_redirects=False, **kwargs)
        except requests.RequestException as exc:
            raise _unreachable(url, exc, self.timeout, self.connect_timeout) from None

    def authenticate(self, url: str, params: Optional[dict]) -> None:
        """Ask with a bodiless HEAD first, then check the credentials the same way.

        Stores that want credentials may close the connection as soon as they have sent their
        401, while a large export is still being uploaded (Virtuoso does); the probe learns the
        scheme and primes Digest's nonce, so the export itself goes out once, already signed.
        A store that answers HEAD with anything but 401 is left to challenge the write itself.
        """
        response = self._request("HEAD", url, params=params)
        if response.status_code != 401:
            return
        self.auth = self._auth_for(response, url)
        if self._request("HEAD", url, params=params).status_code == 401:
            raise self._refused(url)

    def send(self, method: str, url: str, **kwargs) -> requests.Response:
        response = self._request(method, url, **kwargs)
        if response.status_code == 401 and self.auth is None:
            self.auth = self._auth_for(response, url)
            response = self._request(method, url, **kwargs)
        if response.status_code == 401:
            raise self._refused(url)
        if response.status_code == 403:
            if self.credentials:
                who, fix = f"user {self.user!r}", ""
            else:
                who, fix = "anonymous users", f"; give --user and --password, or set {USER_ENV} and {PASSWORD_ENV}"
            raise PushError(f"the store does not let {who} do this (HTTP 403): {_server_message(response)}{fix}", url)
        if 300 <= response.status_code < 400:
            target = response.headers.get("Location", "elsewhere")
            raise PushError(f"{_where(url)} redirects to {target} (HTTP {response.status_code}); "
                            "give that address instead", url)
        if response.status_code >= 400:
            raise PushError(f"{_where(url)} answered HTTP {response.status_code}: {_server_message(response)}", url)
        return response


def _count(client: _Client, query_url: str, graph: Optional[str]) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    response = client.send("GET", query_url, params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"},
                           headers={"Accept": "application/sparql-results+json"})
    try:
        return int(json.loads(response.text)["results"]["bindings"][0]["n"]["value"])
    except (ValueError, KeyError, IndexError, TypeError):
        raise PushError(f"{_where(query_url)} did not answer the count query with SPARQL JSON results", query_url) from None


def push(path: Union[str, Path], endpoint: str, graph: Optional[str] = None, replace: bool = True,
         user: Optional[str] = None, password: Optional[str] = None, timeout: float = 60,
         query_endpoint: Optional[str] = None, graph_param: Optional[str] = None,
         connect_timeout: float = CONNECT_TIMEOUT, ask: Optional[Ask] = None) -> PushResult:
    """Send an export to a Graph Store Protocol endpoint and count what the graph then holds.

    Args:
        path: the export (``.ttl``, ``.nt``, ``.trig``, ``.nq`` or ``.jsonld``).
        endpoint: the Graph Store URL, e.g. ``http://127.0.0.1:8890/sparql-graph-crud-auth``.
        graph: the named graph's IRI; None for the default graph (not on Virtuoso).
        replace: PUT (the graph then holds exactly the export) when True, POST (add) when False.
        user, password: credentials; default ``KG_PUSH_USER`` / ``KG_PUSH_PASSWORD``.
        timeout: seconds to wait for an answer once connected.
        connect_timeout: seconds to wait for a connection (a wrong host fails this fast).
        ask: called as ``ask(endpoint, user)`` when the store wants credentials that were not
            given; returns (user, password), or None. The CLI prompts on a terminal.
        query_endpoint: the SPARQL query URL for the count; derived by ``query_endpoint_for``.
        graph_param: ``graph`` (standard) or ``graph-uri`` (Virtuoso); chosen from the path if None.

    Returns:
        A PushResult; its ``store_triples`` is None (with a ``warning``) if the count query failed,
        since the push itself succeeded.

    Raises:
        GraphError: the export cannot be read.
        PushError: a bad URL or IRI, missing credentials, a store that cannot be reached or refuses.
    """
    _check_url(endpoint, "endpoint")
    if query_endpoint is not None:
        _check_url(query_endpoint, "query endpoint")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as exc:
            raise PushError(f"graph {graph!r} is not an absolute IRI ({exc})") from None
    virtuoso = _is_virtuoso(endpoint)
    if graph is None and virtuoso and graph_param is None:
        raise PushError(f"{_where(endpoint)} (Virtuoso) has no default graph to write to; give a graph IRI with --graph")
    user, password = _credentials(user, password)

    triples = list(dict.fromkeys(read_triples(path)))   # RDF graphs are sets; TriG may repeat triples across graphs
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    param = graph_param or ("graph-uri" if virtuoso else "graph")
    # "?default" bare, as the protocol spells it; some servers reject "?default="
    target = endpoint if graph is not None else endpoint + ("&" if urlsplit(endpoint).query else "?") + "default"
    method = "PUT" if replace else "POST"

    client = _Client(user, password, timeout, connect_timeout, ask)
    client.authenticate(target, params={param: graph} if graph is not None else None)
    client.send(method, target, params={param: graph} if graph is not None else None, data=body,
                headers={"Content-Type": f"{NTRIPLES_AS}; charset=utf-8"})

    query_url = query_endpoint or query_endpoint_for(endpoint)
    store_triples, warning = None, None
    try:
        store_triples = _count(client, query_url, graph)
    except PushError as exc:
        warning = f"pushed, but could not count the graph: {exc}"
    return PushResult(endpoint=endpoint, graph=graph, sent_triples=len(triples), store_triples=store_triples,
                      method=method, query_endpoint=query_url, warning=warning)
