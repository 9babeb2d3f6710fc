"""A throwaway Virtuoso Open Source server for tests: temporary database, 127.0.0.1 ports.

Uses Debian's ``virtuoso-opensource`` package (``virtuoso-t``, ``/etc/virtuoso-opensource-7/virtuoso.ini``).
A fresh database has the account dba/dba, and dba may write through ``/sparql-graph-crud-auth``
(digest authentication) without any grant, so the server is usable as soon as ``/sparql`` answers.

    with running_virtuoso(tmp_path) as base:   # "http://127.0.0.1:PORT"
        ...
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, Optional

__all__ = ["VIRTUOSO", "SYSTEM_INI", "DIRECT", "available", "why_unavailable", "free_port", "running_virtuoso"]

VIRTUOSO = "virtuoso-t"
SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
START_TIMEOUT = 60.0


def why_unavailable() -> Optional[str]:
    """Why a Virtuoso server cannot be started here, or None when it can."""
    if shutil.which(VIRTUOSO) is None:
        return (f"{VIRTUOSO} not found: install Debian's virtuoso-opensource package "
                "(apt-get install virtuoso-opensource) to run the Graph Store Protocol tests")
    if not SYSTEM_INI.is_file():
        return f"{SYSTEM_INI} not found: the virtuoso-opensource package looks incomplete"
    return None


def available() -> bool:
    return why_unavailable() is None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ini(text: str, values: Dict[str, Dict[str, str]], drop: tuple = ()) -> str:
    """``text`` (an ini file) with ``values[section][key]`` set and the sections in ``drop`` removed.

    Line by line rather than configparser: virtuoso.ini repeats keys and has inline ``;`` comments.
    """
    out, section, seen = [], "", set()
    pending = {s: dict(kv) for s, kv in values.items()}

    def flush(sec: str) -> None:
        for key, value in pending.pop(sec, {}).items():
            out.append(f"{key} = {value}")

    for line in text.splitlines():
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            flush(section)
            section = header.group(1).strip()
            seen.add(section)
            if section in drop:
                continue
            out.append(line)
            continue
        if section in drop:
            continue
        key = re.match(r"\s*([A-Za-z0-9_]+)\s*=", line)
        if key and key.group(1) in pending.get(section, {}):
            out.append(f"{key.group(1)} = {pending[section].pop(key.group(1))}")
            continue
        out.append(line)
    flush(section)
    for sec in list(pending):
        out.append(f"[{sec}]")
        flush(sec)
    return "\n".join(out) + "\n"


def write_config(folder: Path, sql_port: int, http_port: int) -> Path:
    """A copy of the system virtuoso.ini with database, logs and ports inside ``folder``."""
    db = folder / "db"
    db.mkdir(parents=True, exist_ok=True)
    text = _ini(SYSTEM_INI.read_text(encoding="utf-8", errors="replace"), {
        "Database": {"DatabaseFile": str(db / "virtuoso.db"), "ErrorLogFile": str(db / "virtuoso.log"),
                     "LockFile": str(db / "virtuoso.lck"), "TransactionFile": str(db / "virtuoso.trx"),
                     "xa_persistent_file": str(db / "virtuoso.pxa")},
        "TempDatabase": {"DatabaseFile": str(db / "virtuoso-temp.db"),
                         "TransactionFile": str(db / "virtuoso-temp.trx")},
        "Parameters": {"ServerPort": f"127.0.0.1:{sql_port}", "DirsAllowed": f"., {folder}",
                       "NumberOfBuffers": "10000", "MaxDirtyBuffers": "6000"},
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}"},
        "URIQA": {"DefaultHost": f"127.0.0.1:{http_port}"},
    }, drop=("Plugins",))   # the wiki hosting plugins only slow the start
    ini = folder / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


# Straight to 127.0.0.1, whatever http_proxy says.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _answers(url: str) -> bool:
    try:
        with DIRECT.open(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _die_with_parent() -> None:
    """In the child, before exec: have Linux send SIGTERM if the test process dies without stopping it."""
    with contextlib.suppress(Exception):
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server and everything it started: its own process group, TERM then KILL."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextlib.contextmanager
def running_virtuoso(folder: Path, timeout: float = START_TIMEOUT) -> Iterator[str]:
    """Start Virtuoso on a fresh database in ``folder``; yield its base URL; always stop it.

    Raises:
        RuntimeError: the server exited or ``/sparql`` did not answer within ``timeout`` seconds
            (the message ends with the tail of Virtuoso's log).
    """
    reason = why_unavailable()
    if reason:
        raise RuntimeError(reason)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = write_config(folder, sql_port, http_port)
    log = open(folder / "stdout.log", "wb")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=folder / "db",
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, preexec_fn=_die_with_parent)
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + timeout
        while not _answers(f"{base}/sparql?query=ASK%20%7B%7D"):
            if proc.poll() is not None or time.monotonic() > deadline:
                what = f"exited with {proc.returncode}" if proc.poll() is not None else f"did not answer in {timeout:.0f} s"
                tail = _tail(folder / "db" / "virtuoso.log") or _tail(folder / "stdout.log")
                raise RuntimeError(f"virtuoso {what} (ini {ini}):\n{tail}")
            time.sleep(0.25)
        yield base
    finally:
        _stop(proc)
        log.close()


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
