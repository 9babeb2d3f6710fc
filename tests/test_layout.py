"""The package's shape (issue 15): imports point one way, no module reaches into another's
private names, and every module stays small enough to read."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

KG = Path(__file__).resolve().parent.parent / "kg"


def _modules() -> dict:
    out = {}
    for p in KG.rglob("*.py"):
        parts = p.relative_to(KG.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = p
    return out


def _imports(mods: dict) -> tuple:
    """(module -> modules it imports at module level, [(module, imported private name)])."""
    edges, private = defaultdict(set), []
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                targets = [target] + [f"{target}.{a.name}" for a in node.names]
                private += [(name, a.name) for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            edges[name] |= {t for t in targets if t in mods and t != name}
    return edges, private


def test_layout_no_module_imports_another_modules_private_names():
    _, private = _imports(_modules())
    assert not private, private


def test_layout_module_level_imports_have_no_cycle():
    mods = _modules()
    edges, _ = _imports(mods)
    state, cycles = {}, []

    def visit(u, path):
        state[u] = "open"
        for v in sorted(edges[u]):
            if state.get(v) == "open":
                cycles.append(path[path.index(v):] + [v])
            elif v not in state:
                visit(v, path + [v])
        state[u] = "done"
    for m in sorted(mods):
        if m not in state:
            visit(m, [m])
    assert not cycles, [" -> ".join(c) for c in cycles[:5]]


def test_layout_the_checks_see_a_private_import_and_a_cycle(tmp_path, monkeypatch):
    # the two checks above can fail: a made-up package with both faults
    pkg = tmp_path / "kg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import _hidden\n")
    (pkg / "b.py").write_text("from . import a\n_hidden = 1\n")
    monkeypatch.setattr(__import__(__name__), "KG", pkg)
    mods = _modules()
    edges, private = _imports(mods)
    assert ("kg.a", "_hidden") in private
    assert "kg.b" in edges["kg.a"] and "kg.a" in edges["kg.b"]


def test_layout_every_module_is_under_400_lines():
    long = {str(p.relative_to(KG.parent)): n for p in KG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400}
    assert not long, long
