"""kg.tools.push against a real Graph Store Protocol endpoint: a throwaway Virtuoso on 127.0.0.1.

Virtuoso comes from Debian's virtuoso-opensource package; without it the store tests skip and
say how to install it. The store is read back with plain SPARQL over HTTP, not through kg.tools.push.
"""
from __future__ import annotations

import base64
import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.errors import GraphError
from kg.export.graphio import read_triples
from kg.tools.push import PushError, push, query_endpoint_for

from conftest import SEEDS
from virtuoso import DIRECT, free_port, running_virtuoso, why_unavailable

GRAPH = "https://example.org/diplokg/test"
GSP = "/sparql-graph-crud-auth"
ALIYEV = '<https://w3id.org/diplokg/id/ilham-aliyev> <http://www.w3.org/2000/01/rdf-schema#label> "Ilham Aliyev"@en'

needs_virtuoso = pytest.mark.skipif(why_unavailable() is not None, reason=why_unavailable() or "")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """The base URL of a Virtuoso running on a fresh database for this module's tests."""
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as base:
        yield base


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """(all seeds' graph.ttl, one seed's graph.ttl)."""
    from kg.api import build

    big, small = tmp_path_factory.mktemp("seeds-all"), tmp_path_factory.mktemp("seeds-one")
    build([SEEDS], big, formats=("ttl",))
    build([sorted(SEEDS.glob("*.txt"))[0]], small, formats=("ttl",))
    return big / "graph.ttl", small / "graph.ttl"


def select(base: str, query: str) -> list:
    """Bindings of a SELECT on the store's /sparql, over plain HTTP."""
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with DIRECT.open(request, timeout=30) as response:
        return json.load(response)["results"]["bindings"]


def count(base: str, graph: str = GRAPH) -> int:
    return int(select(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"]["value"])


def distinct_triples(path: Path) -> int:
    return len(set(read_triples(path)))


@needs_virtuoso
def test_push_replace_add_replace_with_smaller(virtuoso, exports):
    big, small = exports
    endpoint = virtuoso + GSP

    result = push(big, endpoint, graph=GRAPH, user="dba", password="dba")
    n = distinct_triples(big)
    assert (result.method, result.graph, result.sent_triples, result.store_triples) == ("PUT", GRAPH, n, n)
    assert result.query_endpoint == virtuoso + "/sparql" and result.warning is None
    assert count(virtuoso) == n
    rows = select(virtuoso, f"SELECT ?s WHERE {{ GRAPH <{GRAPH}> {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> "
                            f'"Ilham Aliyev"@en }} }}')
    assert [r["s"]["value"] for r in rows] == ["https://w3id.org/diplokg/id/ilham-aliyev"]

    # Adding the same triples again changes nothing: a graph is a set.
    again = push(big, endpoint, graph=GRAPH, replace=False, user="dba", password="dba")
    assert (again.method, again.store_triples) == ("POST", n)
    assert count(virtuoso) == n

    # Replacing with a smaller export leaves only the smaller one.
    m = distinct_triples(small)
    assert m < n
    replaced = push(small, endpoint, graph=GRAPH, replace=True, user="dba", password="dba")
    assert replaced.store_triples == m == count(virtuoso)
    smaller = {str(t) for t in read_triples(small)}
    gone = next(str(t) for t in read_triples(big) if str(t) not in smaller)
    s, p, o = gone.split(" ", 2)
    assert select(virtuoso, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ {s} {p} {o} }} }}")[0]["n"]["value"] == "0"


@needs_virtuoso
def test_push_credentials_from_environment_and_trig(virtuoso, exports, tmp_path, monkeypatch):
    from kg.api import build

    build([SEEDS], tmp_path, formats=("trig",))
    monkeypatch.setenv("KG_PUSH_USER", "dba")
    monkeypatch.setenv("KG_PUSH_PASSWORD", "dba")
    graph = GRAPH + "/trig"
    result = push(tmp_path / "graph.trig", virtuoso + GSP, graph=graph)
    # TriG's graph per article is flattened into the one target graph, without duplicates.
    assert result.store_triples == result.sent_triples == distinct_triples(tmp_path / "graph.trig") == count(virtuoso, graph)


@needs_virtuoso
def test_push_wrong_password_is_one_line(virtuoso, exports, monkeypatch):
    monkeypatch.delenv("KG_PUSH_USER", raising=False)
    monkeypatch.delenv("KG_PUSH_PASSWORD", raising=False)
    with pytest.raises(PushError) as info:
        push(exports[1], virtuoso + GSP, graph=GRAPH + "/refused", user="dba", password="wrong")
    assert str(info.value) == "the store refused the credentials for user 'dba' (HTTP 401)"
    with pytest.raises(PushError) as info:
        push(exports[1], virtuoso + GSP, graph=GRAPH + "/refused")
    assert str(info.value) == (f"{virtuoso + GSP} asks for credentials (Digest) (HTTP 401); give --user and "
                               "--password, or set KG_PUSH_USER and KG_PUSH_PASSWORD")
    assert count(virtuoso, GRAPH + "/refused") == 0


def test_push_server_down_cannot_reach(exports):
    endpoint = f"http://127.0.0.1:{free_port()}{GSP}"
    with pytest.raises(PushError) as info:
        push(exports[1], endpoint, graph=GRAPH, user="dba", password="dba", timeout=5)
    assert str(info.value) == f"cannot reach {endpoint}: connection refused"


@pytest.mark.parametrize("kwargs, message", [
    ({"endpoint": "ftp://127.0.0.1/x", "graph": GRAPH}, "endpoint 'ftp://127.0.0.1/x' is not an http:// or https:// URL"),
    ({"endpoint": "http://127.0.0.1:9" + GSP, "graph": "not an iri"}, "graph 'not an iri' is not an absolute IRI"),
    ({"endpoint": "http://127.0.0.1:9" + GSP, "graph": None},
     "(Virtuoso) has no default graph to write to; give a graph IRI with --graph"),
    ({"endpoint": "http://127.0.0.1:9/store", "graph": GRAPH, "password": "x"}, "a password was given but no user"),
])
def test_push_refuses_before_sending(exports, monkeypatch, kwargs, message):
    monkeypatch.delenv("KG_PUSH_USER", raising=False)
    with pytest.raises(PushError, match=message.replace("(", r"\(").replace(")", r"\)")):
        push(exports[1], **kwargs)


def test_push_unreadable_export(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(GraphError, match="not valid"):
        push(bad, "http://127.0.0.1:9/store", graph=GRAPH)


@pytest.mark.parametrize("endpoint, query", [
    ("http://127.0.0.1:8890/sparql-graph-crud-auth", "http://127.0.0.1:8890/sparql"),
    ("http://localhost:7878/store", "http://localhost:7878/query"),
    ("https://h.example/fuseki/ds/data", "https://h.example/fuseki/ds/sparql"),
    ("http://h.example:80/gsp", "http://h.example:80/sparql"),
])
def test_push_query_endpoint_for(endpoint, query):
    assert query_endpoint_for(endpoint) == query


class _BasicStore(BaseHTTPRequestHandler):
    """A minimal standard Graph Store (``?graph=`` / ``?default``) behind Basic auth, for the other dialect."""
    graphs: dict = {}
    token = "Basic " + base64.b64encode(b"alice:secret").decode()

    def log_message(self, *args):
        pass

    def _answer(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _write(self):
        if self.headers.get("Authorization") != self.token:
            return self._answer(401, b"who are you?\n", [("WWW-Authenticate", 'Basic realm="gsp"')])
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        name = query["graph"][0] if "graph" in query else ("" if url.query == "default" else None)
        if url.path != "/store" or name is None:
            return self._answer(400, b"bad request: no graph\n")
        lines = set(self.rfile.read(int(self.headers["Content-Length"])).decode().splitlines())
        self.graphs[name] = lines if self.command == "PUT" else self.graphs.get(name, set()) | lines
        self._answer(204)

    do_PUT = do_POST = _write

    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["query"][0]
        name = query.split("GRAPH <", 1)[1].split(">", 1)[0] if "GRAPH <" in query else ""
        n = len(self.graphs.get(name, ()))
        self._answer(200, json.dumps({"results": {"bindings": [{"n": {"value": str(n)}}]}}).encode())


def test_push_standard_protocol_with_basic_auth(exports):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BasicStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_port}/store"
        n = distinct_triples(exports[1])
        result = push(exports[1], endpoint, graph=GRAPH, user="alice", password="secret")
        assert (result.store_triples, result.query_endpoint) == (n, endpoint[:-len("store")] + "query")
        assert push(exports[1], endpoint, user="alice", password="secret").store_triples == n   # ?default
        assert set(_BasicStore.graphs) == {GRAPH, ""}
        with pytest.raises(PushError, match=r"^the store refused the credentials for user 'alice' \(HTTP 401\)$"):
            push(exports[1], endpoint, graph=GRAPH, user="alice", password="nope")
    finally:
        server.shutdown()
        server.server_close()


class _basic_store:
    """The Basic-auth store above, served on a free port for one test."""

    def __enter__(self) -> str:
        _BasicStore.graphs = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _BasicStore)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}/store"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_push_asks_for_the_password_when_the_store_wants_one(exports, monkeypatch):
    # issue 12: a store that needs a password, none given: ask (the CLI prompts on a terminal)
    monkeypatch.delenv("KG_PUSH_USER", raising=False)
    monkeypatch.delenv("KG_PUSH_PASSWORD", raising=False)
    asked = []

    def ask(url, user):
        asked.append((url, user))
        return user or "alice", "secret"
    with _basic_store() as endpoint:
        assert push(exports[1], endpoint, graph=GRAPH, user="alice", ask=ask).store_triples == distinct_triples(exports[1])
        assert push(exports[1], endpoint, graph=GRAPH, ask=ask).store_triples == distinct_triples(exports[1])
        assert asked == [(endpoint, "alice"), (endpoint, None)]
        # nobody to ask (a script): one line that says what to give
        with pytest.raises(PushError) as info:
            push(exports[1], endpoint, graph=GRAPH, user="alice")
        assert str(info.value) == (f"{endpoint} asks for the password of user 'alice' (Basic) (HTTP 401); "
                                   "give --password, or set KG_PUSH_PASSWORD")


def test_push_cli_prompts_on_a_terminal(exports, tmp_path):
    # the README's command gives --user only: on a terminal, kg push asks for the password
    import os
    import pty
    import subprocess
    import sys
    import time

    kg = Path(sys.executable).with_name("kg")
    with _basic_store() as endpoint:
        leader, follower = pty.openpty()
        env = {k: v for k, v in os.environ.items() if not k.startswith("KG_PUSH_")}
        proc = subprocess.Popen([str(kg), "push", str(exports[1]), "--endpoint", endpoint, "--graph", GRAPH,
                                 "--user", "alice"], stdin=follower, stdout=follower, stderr=follower, env=env)
        os.close(follower)
        seen, sent = b"", False
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                chunk = os.read(leader, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if not sent and b"Password for alice:" in seen:
                os.write(leader, b"secret\n")
                sent = True
        proc.wait(timeout=30)
        os.close(leader)
    text = seen.decode(errors="replace")
    assert proc.returncode == 0, text
    assert "Password for alice:" in text and "secret" not in text      # typed, not echoed
    assert f"The store now holds {distinct_triples(exports[1])} triples" in text


def test_push_wrong_host_fails_within_the_connect_timeout(exports):
    # issue 12: a host that never answers the connect fails in seconds, not after --timeout
    import socket
    import time

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    waiting = []
    for _ in range(5):           # fill the backlog: further connects hang, as to a dead host
        c = socket.socket()
        c.setblocking(False)
        try:
            c.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        waiting.append(c)
    try:
        start = time.monotonic()
        with pytest.raises(PushError) as info:
            push(exports[1], f"http://127.0.0.1:{port}/store", graph=GRAPH, timeout=60, connect_timeout=1)
        took = time.monotonic() - start
    finally:
        for c in waiting:
            c.close()
        server.close()
    assert str(info.value) == (f"cannot reach http://127.0.0.1:{port}/store: no connection within 1 s; "
                               "is the host right and the store running?")
    assert took < 5, took
