"""Generate kg/vocab.py from ontology/diplokg.ttl, so the code can only name terms that exist.

Run from the project root::

    python -m kg.generate.gen_vocab            # rewrite kg/vocab.py
    python -m kg.generate.gen_vocab --check    # exit 1 if kg/vocab.py is out of date

The module it writes holds ``DKG``, a closed :class:`rdflib.namespace.DefinedNamespace` with one
annotated attribute per term of the ``dkg:`` namespace (a misspelt name raises AttributeError), and
the namespace constants every export uses. The shape follows rdflib's own generated namespaces
(``rdflib/namespace/_PROV.py``, made by ``rdflib/tools/defined_namespace_creator.py``).
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

__all__ = ["DKG_NS", "DKGR_NS", "ONTOLOGY_IRI", "PREFIXES", "render", "terms", "main"]

DKG_NS = "https://w3id.org/diplokg/ontology#"
DKGR_NS = "https://w3id.org/diplokg/id/"
ONTOLOGY_IRI = "https://w3id.org/diplokg/ontology"
# The prefixes an export declares, in the order it declares them (ONTOLOGY.md, Namespaces).
PREFIXES: Tuple[Tuple[str, str], ...] = (
    ("dkg", DKG_NS),
    ("dkgr", DKGR_NS),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("skos", str(SKOS)),
    ("owl", str(OWL)),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("dcterms", "http://purl.org/dc/terms/"),
)

_PACKAGE = Path(__file__).resolve().parents[1]
# In the source tree the ontology sits beside the package; installed, it is kg/ontology/.
_ONTOLOGY_CANDIDATES = (_PACKAGE.parent / "ontology" / "diplokg.ttl", _PACKAGE / "ontology" / "diplokg.ttl")
DEFAULT_OUT = _PACKAGE / "vocab.py"
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


def default_ontology() -> Path:
    """The ontology file: ``ontology/diplokg.ttl`` in the source tree, else the installed copy."""
    for path in _ONTOLOGY_CANDIDATES:
        if path.is_file():
            return path
    return _ONTOLOGY_CANDIDATES[0]


def _text(graph: Graph, node: URIRef, *predicates: URIRef) -> str:
    """The English (or untagged) value of the first predicate that has one, on one line."""
    for p in predicates:
        values = sorted((o for o in graph.objects(node, p) if isinstance(o, Literal)),
                        key=lambda o: (o.language not in ("en", None), str(o)))
        if values:
            return " ".join(str(values[0]).split())
    return ""


def terms(graph: Graph) -> List[Tuple[str, str, str]]:
    """Every term the ontology declares in the dkg: namespace, as sorted (name, label, comment).

    A term is an IRI in the namespace that is the subject of an ``rdf:type`` triple.

    Raises:
        ValueError: if a term's local name is not a Python identifier.
    """
    out = {}
    for node in set(graph.subjects(RDF.type, None)):
        if not isinstance(node, URIRef) or not str(node).startswith(DKG_NS):
            continue
        name = str(node)[len(DKG_NS):]
        if not _IDENTIFIER.match(name):
            raise ValueError(f"{node}: the local name {name!r} is not a Python identifier")
        label = _text(graph, node, RDFS.label, SKOS.prefLabel)
        comment = _text(graph, node, RDFS.comment, SKOS.definition)
        out[name] = (name, label, comment)
    return [out[k] for k in sorted(out)]


def render(graph: Graph) -> str:
    """The source of kg/vocab.py for this ontology graph."""
    lines = [
        '"""The diplokg vocabulary as Python names.',
        "",
        "Generated from ontology/diplokg.ttl by kg.generate.gen_vocab; do not edit. Change the ontology,",
        "then run ``python -m kg.generate.gen_vocab``.",
        "",
        ">>> DKG.Person",
        f"rdflib.term.URIRef('{DKG_NS}Person')",
        '"""',
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        '__all__ = ["DKG", "DKGR", "ONTOLOGY_IRI", "PREFIXES"]',
        "",
        f'ONTOLOGY_IRI = URIRef("{ONTOLOGY_IRI}")',
        f'DKGR = Namespace("{DKGR_NS}")',
        "",
        "# The prefixes every export declares (ONTOLOGY.md, Namespaces).",
        "PREFIXES: dict[str, str] = {",
        *(f'    "{prefix}": "{ns}",' for prefix, ns in PREFIXES),
        "}",
        "",
        "",
        "class DKG(DefinedNamespace):",
        '    """Classes, properties, concept schemes and concepts of the dkg: namespace.',
        "",
        "    Generated from ontology/diplokg.ttl by kg.generate.gen_vocab; do not edit. A name the",
        "    ontology does not define raises AttributeError.",
        '    """',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{DKG_NS}")',
        "",
    ]
    for name, label, comment in terms(graph):
        note = ": ".join(x for x in (label, comment) if x)
        lines.append(f"    {name}: URIRef" + (f"  # {note}" if note else ""))
    return "\n".join(lines) + "\n"


def _namespace_problem(graph: Graph) -> Optional[str]:
    """Why the ontology does not describe the namespace this module generates for, if it does not."""
    vann = URIRef("http://purl.org/vocab/vann/preferredNamespaceUri")
    if (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) not in graph:
        return f"no owl:Ontology <{ONTOLOGY_IRI}>"
    declared = {str(o) for o in graph.objects(URIRef(ONTOLOGY_IRI), vann)}
    if declared and declared != {DKG_NS}:
        return f"vann:preferredNamespaceUri is {sorted(declared)}, expected {DKG_NS!r}"
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Write (or with ``--check``, compare) kg/vocab.py; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kg.generate.gen_vocab", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the output file is out of date; write nothing")
    parser.add_argument("--ontology", type=Path, default=None, help="the ontology (default: ontology/diplokg.ttl)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the module to write (default: kg/vocab.py)")
    args = parser.parse_args(argv)
    source = args.ontology or default_ontology()
    graph = Graph()
    try:
        graph.parse(source, format="turtle")
    except FileNotFoundError:
        print(f"Error: {source}: no such file", file=sys.stderr)
        return 1
    except Exception as e:  # rdflib raises several unrelated types for bad Turtle
        print(f"Error: {source}: not valid Turtle ({' '.join(str(e).split())})", file=sys.stderr)
        return 1
    problem = _namespace_problem(graph)
    if problem:
        print(f"Error: {source}: {problem}", file=sys.stderr)
        return 1
    text = render(graph)
    current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    if args.check:
        if current == text:
            return 0
        diff = difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                    str(args.out) + " (current)", str(args.out) + " (generated)")
        sys.stderr.writelines(_head(diff, 40))
        print(f"Error: {args.out} is out of date with {source}; run: python -m kg.generate.gen_vocab",
              file=sys.stderr)
        return 1
    if current != text:
        tmp = args.out.with_name(args.out.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out)
        print(f"wrote {args.out} ({len(terms(graph))} terms)")
    return 0


def _head(lines: Iterable[str], n: int) -> List[str]:
    out = []
    for i, line in enumerate(lines):
        if i == n:
            out.append("...\n")
            break
        out.append(line if line.endswith("\n") else line + "\n")
    return out


if __name__ == "__main__":
    sys.exit(main())
