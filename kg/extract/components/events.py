"""kg_events: state visits, meetings and talks, conferences, with who took part, when and where.

How English says it is data (``kg/data/patterns/events.jsonl``, word classes in
``events_words.tsv``): a trigger word ("visit", "arrive", "meet", "talks", "phone call",
"courtesy call", "summit", "press conference", "told reporters") and the slots of the parse where
its visitor, host and participants stand; ``events_parse`` reads the slots the same way for every
trigger and ``events_refs`` says who a word stands for. What one clause says of one event is
read together: "arrived in Astana on Monday for a two-day state visit" is one visit, its host the
arrival's place, its first day the arrival's and its last the day the length gives.

- A visit's host is a state (a city's state, a state's seat or organ); its visitor is never the
  state itself, one of its office-holders (the article's offices, the office-holder tables), an
  envoy serving there or one of its bodies. "X met Y in Beijing", X from abroad and Y Chinese,
  is a visit of X to China as well.
- A meeting has two sides: the subject's ("A and B met", "the two leaders", "the delegation")
  and a counterpart, named or not ("met his counterpart"); "met A and B separately", "calls on A
  and B" are a meeting with each. A conference needs a participant, or a place and a date; it is
  known by its name ("SCO Summit", "Boao Forum for Asia"), or, unnamed, by who attends.
- What did not or may not happen is left out ("did not meet", "may attend"); what is planned
  stays ("will visit", "invited X to visit", "said X would visit": dates read forwards).
- A date or place counts for an event when it stands in the event's clause (``doc._.times``); a
  range gives the first and last days. An event framed by another ("during the visit", "on the
  sidelines of the summit", "after the talks") takes the frame's date and place when it states
  none, a summit is dated by a meeting on its sidelines, and "the talks", "the summit" told
  again are the event told before, with its date, place and name (``events_when``).
- A meeting during a visit the article reports is ``within_visit``.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes:
:class:`~kg.findings.EventFinding` values appended to ``doc._.findings``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...read.articles import Sentence
from ...errors import DataError
from ...lexicon import Lexicon
from ...officeholders import OfficeHolders
from ..docs import sentence_of
from ..patterns import PATTERN_DIR, by_lemma, load_phrases, load_rules
from .events_build import Builder
from .events_types import Reading, Rule

__all__ = ["Events", "Rule", "rules", "KEYS"]

KEYS = frozenset({"kind", "pos", "lemmas", "deps", "tags", "modifiers", "unless", "forbid", "object_class",
                  "visitor", "host", "participant", "counterpart", "name", "types", "requires", "today", "expect"})
ROLES = ("visitor", "host", "participant", "counterpart", "name")
REQUIREMENTS = {"visitor", "host", "participant", "counterpart", "name", "two", "any", "foreign"}


def rules(name: str = "events", folder: Path = PATTERN_DIR) -> Tuple[Rule, ...]:
    """The rules of ``NAME.jsonl`` (in ``folder``), checked.

    Raises:
        DataError: an unknown kind, slot, class or requirement.
    """
    from .events_parse import ACTORS, is_slot
    out = []
    for r in load_rules(name, KEYS, folder=folder):
        where = f"rule {r['id']}"
        if r.get("kind") not in ("StateVisit", "Meeting", "Conference"):
            raise DataError(folder / f"{name}.jsonl", f"{where}: unknown kind {r.get('kind')!r}")
        bad = [s for role in ROLES for s in r.get(role, ()) if not is_slot(s)]
        bad += [t for t in r.get("types", ()) if t not in ACTORS]
        bad += [q for q in r.get("requires", ()) if q not in REQUIREMENTS]
        if bad or not r.get("lemmas") or not r.get("pos"):
            raise DataError(folder / f"{name}.jsonl", f"{where}: unknown or missing {', '.join(bad) or 'lemmas/pos'}")
        out.append(Rule(id=r["id"], kind=r["kind"], pos=frozenset(r["pos"]), lemmas=tuple(r["lemmas"]),
                        deps=frozenset(r.get("deps", ())), modifiers=frozenset(r.get("modifiers", ())),
                        unless=frozenset(r.get("unless", ())), tags=frozenset(r.get("tags", ())),
                        object_class=r.get("object_class", ""),
                        forbid=frozenset(r.get("forbid", ())),
                        slots={role: tuple(r.get(role, ())) for role in ROLES},
                        types=tuple(r.get("types", ACTORS)), requires=frozenset(r.get("requires", ())),
                        today=bool(r.get("today", False))))
    return tuple(out)


def words() -> Dict[str, Set[str]]:
    """The word classes of ``events_words.tsv`` (class -> lemmas)."""
    out: Dict[str, Set[str]] = {}
    for phrase, value in load_phrases("events_words"):
        out.setdefault(value, set()).add(phrase)
    return out


class Events:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_events", *, officeholders: Optional[OfficeHolders] = None,
                 lexicon: Optional[Lexicon] = None):
        self.name = name
        self.officeholders = officeholders
        # the office-holder tables name states by ISO code
        self.codes = {c.name: c.code for c in lexicon.countries.values()} if lexicon is not None else {}
        self.rules = rules()
        self.words = words()
        # the nouns that tell an event, for "highlighted the meeting during the summit"
        self.words["event_noun"] = {lemma for r in self.rules if "NOUN" in r.pos for lemma in r.lemmas}
        # the rule a visit implied by a meeting abroad is told by ("X met Y in Beijing")
        self.visit_rule = next(r for r in self.rules if r.kind == "StateVisit")
        self.index: Dict[str, List[Rule]] = by_lemma(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.findings is None:
            doc._.findings = []
        builder = Builder(doc, self.words, self.officeholders, self.visit_rule, self.codes)
        n_sents = len(doc._.sentences) if doc._.sentences is not None else 0
        for k, sent in enumerate(doc.sents):
            sentence = _sentence(doc, sent, k)
            if sentence is None or (sentence.index == 0 and n_sents > 1):
                continue                # a headline's clipped grammar; its body says it again
            readings = [r for r in (self._read(builder, tok) for tok in sent) if r is not None]
            if readings:
                builder.sentence(sent, sentence, readings)
            builder.note(sent, sentence)
        doc._.findings.extend(builder.finish())
        return doc

    def _read(self, builder: Builder, tok: Token) -> Optional[Reading]:
        """The first rule a trigger word matches, read off the parse (None when none does)."""
        cands = self.index.get(tok.lemma_.lower())
        if not cands:
            return None
        first = None
        for rule in cands:
            if tok.pos_ not in rule.pos or (rule.deps and tok.dep_ not in rule.deps) \
                    or (rule.tags and tok.tag_ not in rule.tags):
                continue
            kids = list(tok.children)
            mods = {w for c in kids if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    for w in (c.lower_, c.lemma_.lower())}
            if rule.modifiers and not rule.modifiers & mods or rule.unless & mods:
                continue
            if rule.forbid and any(c.dep_ in rule.forbid for c in kids):
                continue
            objects = self.words.get(rule.object_class, ())
            if rule.object_class and not any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in kids):
                continue
            reading = builder.read(rule, tok)
            if builder.ok(reading):
                return reading
            first = reading                 # the most general reading, for a definite reference
        return first


def _sentence(doc: Doc, sent: Span, k: int) -> Optional[Sentence]:
    """The reader's Sentence of a spaCy sentence; for a Doc made from bare text, one made here."""
    if doc._.sentences is not None:
        return sentence_of(doc, sent[0])
    return Sentence("<text>", k, sent.text, sent.start_char, sent.end_char, 1)


@Language.factory("kg_events", assigns=["doc._.findings"], requires=["doc.spans", "token._.modality"],
                  default_config={"officeholders": {"@misc": "kg.officeholders.v1"},
                                  "lexicon": {"@misc": "kg.lexicon.v1"}})
def make_events(nlp: Language, name: str, officeholders: OfficeHolders, lexicon: Lexicon) -> Events:
    return Events(nlp, name, officeholders=officeholders, lexicon=lexicon)
