"""The model's rule-based layers (attribute ruler and lemmatizer), applied through lookup tables.

``en_core_web_sm`` ends its tagging with two components that hold rules, not weights: the
attribute ruler (about 180 Matcher patterns mapping each fine-grained tag, with a word or a
dependency label, to its coarse part of speech and morphology) and the rule lemmatizer. Both run
per token in Python; on news they cost a quarter of the model's time, as much as the parser.

:class:`RuleTables` gives the same annotations from the same rules, read from the loaded model's
own components (nothing copied or changed). A token's attributes under a one-token pattern
depend only on the values its predicates read (tag, lower-case form, dependency label,
whitespace), so the matching rules are found once per distinct combination and cached; the few
patterns of two tokens still run through spaCy's Matcher; matches apply in rule order, later
rules winning, as the attribute ruler applies them. A lemma depends only on the word, its part
of speech and its morphology (spaCy's own cache key), so the lemmatizer runs once per distinct
triple. ``tests/test_rules.py`` checks the annotations equal the model's on real articles.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional, Tuple

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

__all__ = ["RuleTables", "use_rule_tables", "FACTORY"]

FACTORY = "kg_rule_tables"
#: the attributes one-token patterns may test, as to_array columns
_READS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
#: entries a cache holds before it starts again (a bound on memory over any input)
CACHE_SIZE = 200_000


def _predicate(attr: str, spec) -> Optional[Callable[[object], bool]]:
    """A test of one attribute's value as the Matcher reads it; None for a form not handled."""
    if isinstance(spec, (str, bool)):
        return lambda v: v == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            values = set(arg)
            return lambda v: v in values
        if op == "NOT_IN":
            values = set(arg)
            return lambda v: v not in values
        if op == "REGEX" and attr == "LOWER":
            rx = re.compile(arg)
            return lambda v: rx.search(v) is not None
    return None


class RuleTables:
    """The model's attribute ruler and lemmatizer, applied by lookup (see the module's note)."""

    def __init__(self, ruler, lemmatizer) -> None:
        self.vocab = ruler.vocab
        self.lemmatizer = lemmatizer
        self.matcher = Matcher(self.vocab)                 # the rules of several tokens
        self.others: Dict[int, Tuple[int, dict]] = {}      # their rule index -> (token index, attrs)
        # each one-token pattern, as tests of the attributes it reads, filed under the tag and
        # the word it requires (None: any), so a token's candidates are four short lists
        self.index: Dict[Tuple[Optional[str], Optional[str]], List[Tuple[int, list, dict]]] = {}
        reads = set()
        for n, rule in enumerate(ruler.patterns):
            attrs = normalize_token_attrs(self.vocab, dict(rule["attrs"]))
            pats = rule["patterns"]
            tests = [[(a, _predicate(a, spec)) for a, spec in pat[0].items()] for pat in pats if len(pat) == 1]
            if len(tests) < len(pats) or rule.get("index", 0) not in (0, -1) \
                    or not all(a in _READS and t is not None for pat in tests for a, t in pat):
                self.matcher.add(str(n), pats)
                self.others[n] = (rule.get("index", 0), attrs)
                continue
            for pat, pat_tests in zip(pats, tests):
                tag, lower = pat[0].get("TAG"), pat[0].get("LOWER")
                where = (tag if isinstance(tag, str) else None, lower if isinstance(lower, str) else None)
                self.index.setdefault(where, []).append((n, pat_tests, attrs))
                reads.update(a for a, _ in pat_tests)
        self.reads = sorted(reads)
        self.columns = [_READS[a] for a in self.reads]
        self._rules: Dict[tuple, List[Tuple[int, dict]]] = {}     # values read -> matching rules
        self._merged: Dict[tuple, dict] = {}                       # ... and their attrs merged
        self._lemmas: Dict[tuple, int] = {}                        # (orth, pos, morph) -> lemma

    def _rules_for(self, key: tuple) -> List[Tuple[int, dict]]:
        got = self._rules.get(key)
        if got is None:
            if len(self._rules) >= CACHE_SIZE:
                self._rules.clear()
                self._merged.clear()
            strings = self.vocab.strings
            values = {a: (bool(v) if a == "IS_SPACE" else strings[v]) for a, v in zip(self.reads, key)}
            tag, lower = values.get("TAG"), values.get("LOWER")
            found: Dict[int, dict] = {}
            for where in ((tag, lower), (tag, None), (None, lower), (None, None)):
                for n, pat, attrs in self.index.get(where, ()):
                    if n not in found and all(t(values[a]) for a, t in pat):
                        found[n] = attrs
            got = self._rules[key] = sorted(found.items())
            merged: dict = {}
            for _, attrs in got:
                merged.update(attrs)
            self._merged[key] = merged
        return got

    def attributes(self, doc: Doc) -> None:
        """What the attribute ruler sets, set."""
        keys = [tuple(int(v) for v in row) for row in doc.to_array(self.columns)]
        extra: Dict[int, List[Tuple[int, dict]]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            n = int(self.vocab.strings[match_id])
            index, attrs = self.others[n]
            extra.setdefault((start if index >= 0 else end) + index, []).append((n, attrs))
        for i, key in enumerate(keys):
            if key not in self._merged:
                self._rules_for(key)
            if i in extra:
                merged: dict = {}
                for _, attrs in sorted(self._rules[key] + extra[i], key=lambda r: r[0]):
                    merged.update(attrs)
            else:
                merged = self._merged[key]
            if merged:
                set_token_attrs(doc[i], merged)

    def lemmas(self, doc: Doc) -> None:
        """What the lemmatizer sets, set (a token with a lemma already keeps it)."""
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = self.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(table):
            if lemma:
                continue
            key = (int(orth), int(pos), int(morph))
            got = self._lemmas.get(key)
            if got is None:
                if len(self._lemmas) >= CACHE_SIZE:
                    self._lemmas.clear()
                got = self._lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            table[i, 3] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], table[:, 3:4])

    def __call__(self, doc: Doc) -> Doc:
        self.attributes(doc)
        self.lemmas(doc)
        return doc


class _Slot:
    """The component in the pipeline; its tables are given once the model is loaded."""

    def __init__(self) -> None:
        self.tables: Optional[RuleTables] = None

    def __call__(self, doc: Doc) -> Doc:
        return self.tables(doc) if self.tables is not None else doc


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> _Slot:
    return _Slot()


def use_rule_tables(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer applied through :class:`RuleTables`
    (the two stay in the pipeline, disabled); unchanged when it has neither."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return nlp
    tables = RuleTables(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    nlp.add_pipe(FACTORY, after="lemmatizer")
    nlp.get_pipe(FACTORY).tables = tables
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
