"""kg_stances: what actors support and oppose, and the bodies and initiatives they are members of or take part in.

How English says it is data: ``kg/data/patterns/stances.jsonl`` (supports, opposes) and
``memberships.jsonl`` (memberOf, participatesIn). A rule names a trigger word ("support",
"condemn", "opposition", "member", "join") and the slots of the parse where its actor and its
object stand (``stances_slots`` reads the slots, ``stances_parse`` says who stands in them):
"Kenya and Ghana condemned terrorism", "Japan's support for Kenya", "Kenya thanked Japan for
its support" (Japan supports Kenya), "Senegal is a member of ECOWAS", "ASEAN member states such
as Malaysia", "Nepal joined the Belt and Road Initiative", "Belt and Road projects in Kenya".

A stance counts only as the text asserts it: a negated or hypothetical trigger gives nothing
("declined to condemn", "did not support", "urged X to support"); a planned one ("will
support") is a stated position; "said X would support" is reported, not hypothetical. A
membership or participation counts only when it holds, not when it is sought ("applied to
join", "its bid for membership"). Headlines are not read (their grammar is clipped).

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, the parse. Writes: :class:`~kg.findings.Fact` (and a
:class:`~kg.findings.Mention` for each topic it names with the text's wording) appended to
``doc._.findings``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...read.articles import Sentence
from ...findings import Fact, Finding, Mention, Ref
from ...lexicon import Lexicon
from ...topics import TopicTable, get_topics
from ..docs import sentence_of
from ...errors import DataError
from ..patterns import PATTERN_DIR, Trigger, by_lemma, load_phrases, load_rules
from .stances_parse import ACTOR_TYPES, Reading, has_requirement
from .stances_slots import ranked

__all__ = ["Stances", "Rule", "RULE_FILES", "rules"]

RULE_FILES = ("stances", "memberships")
KEYS = frozenset({"kind", "predicate", "pos", "lemmas", "actor", "object", "classes", "actors", "modality",
                  "requires", "governed_by", "owners", "bodies", "slots", "through", "expect"})
KINDS = ("stance", "light", "credit", "through", "report", "willing", "control", "request", "prospective",
         "named", "office")
PREDICATES = ("supports", "opposes", "memberOf", "participatesIn")
_ALL = ("Country", "Person", "Institution", "Initiative", "Agreement", "Topic")
#: relations through which a trigger is embedded in what governs it ("bid for membership")
_EMBEDDED = {"xcomp", "ccomp", "pobj", "prep", "dobj", "compound", "nmod", "attr", "acomp", "pcomp", "advcl", "conj"}


@dataclass(frozen=True)
class Rule(Trigger):
    """A trigger and where its actor and object stand (see the data files' headers)."""

    predicate: str
    actor: Tuple[str, ...]
    object: Tuple[str, ...]
    classes: FrozenSet[str]
    actors: FrozenSet[str]
    modality: FrozenSet[str]
    requires: Tuple[str, ...] = ()
    governed_by: FrozenSet[str] = frozenset()
    owners: Optional[FrozenSet[str]] = None
    bodies: FrozenSet[str] = frozenset()          # kinds of organisation the object must be
    through: bool = False                         # a "through" noun's state or body may be the object
    prospective: FrozenSet[str] = frozenset()


def rules(name: str) -> Tuple[Dict, ...]:
    """The raw rules of one data file (``stances`` or ``memberships``)."""
    return load_rules(name, KEYS)


class Stances:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_stances", *, lexicon: Optional[Lexicon] = None,
                 topics: Optional[TopicTable] = None):
        self.name = name
        self.lex = lexicon
        self.topics = topics or get_topics()
        stance_rules: List[Rule] = []
        words: Dict[str, set] = {k: set() for k in KINDS}
        self.through: Dict[str, Tuple[str, ...]] = {}
        self.named: List[str] = []
        self.office_bodies: set = set()           # kinds of body whose office-holders are members
        for fname in RULE_FILES:
            raw = rules(fname)
            prospective = frozenset(w for r in raw if r["kind"] == "prospective" for w in r["lemmas"])
            for r in raw:
                kind = r.get("kind")
                if kind not in KINDS:
                    raise DataError(PATTERN_DIR / f"{fname}.jsonl", f"rule {r['id']}: unknown kind {kind!r}")
                if kind == "stance":
                    stance_rules.append(self._rule(r, prospective, fname))
                elif kind == "through":
                    if not all(Reading.is_slot(n) for n in r["slots"]):
                        raise DataError(PATTERN_DIR / f"{fname}.jsonl", f"rule {r['id']}: unknown slot in {r['slots']}")
                    for lemma in r["lemmas"]:
                        self.through[lemma] = tuple(r["slots"])
                elif kind == "named":
                    self.named.append(r["predicate"])
                elif kind == "office":
                    self.office_bodies.update(r["bodies"])
                else:
                    words[kind].update(r["lemmas"])
        self.triggers: Dict[str, List[Rule]] = by_lemma(stance_rules)
        self.light = frozenset(words["light"])
        self.credit = frozenset(words["credit"])
        self.report = frozenset(words["report"])
        self.willing = frozenset(words["willing"])
        self.control = frozenset(words["control"])
        self.request = frozenset(words["request"])
        # the verbs that govern a predicate's modality (kg_modality's table): read here too for
        # an infinitive the parser hangs as a purpose clause ("called on X to join")
        self.governing = {p: v.partition(":")[2] for p, v in load_phrases("modality") if v.startswith("gov:")}

    @staticmethod
    def _rule(r: Dict, prospective: FrozenSet[str], fname: str) -> Rule:
        if r.get("predicate") not in PREDICATES:
            raise DataError(PATTERN_DIR / f"{fname}.jsonl", f"rule {r['id']}: unknown predicate {r.get('predicate')!r}")
        bad = [n for n in (*r["actor"], *r["object"]) if not Reading.is_slot(n)]
        if bad:
            raise DataError(PATTERN_DIR / f"{fname}.jsonl", f"rule {r['id']}: unknown slot(s) {', '.join(bad)}")
        # a membership sought is none; a rule that reads even hedged triggers ("promote Belt and
        # Road cooperation": the cooperation is presupposed) is not held back by wishes either
        membership = r["predicate"] in ("memberOf", "participatesIn") and \
            "hypothetical" not in r.get("modality", ())
        return Rule(id=r["id"], lemmas=tuple(r["lemmas"]), pos=frozenset(r.get("pos", ("VERB", "NOUN"))),
                    predicate=r["predicate"], actor=tuple(r["actor"]), object=tuple(r["object"]),
                    classes=frozenset(r.get("classes", _ALL)), actors=frozenset(r.get("actors", ACTOR_TYPES)),
                    modality=frozenset(r.get("modality", ("asserted", "planned"))),
                    requires=tuple(r.get("requires", ())), governed_by=frozenset(r.get("governed_by", ())),
                    owners=frozenset(r["owners"]) if "owners" in r else None, bodies=frozenset(r.get("bodies", ())),
                    through=bool(r.get("through")), prospective=prospective if membership else frozenset())

    # ------------------------------------------------------------------ the component
    def __call__(self, doc: Doc) -> Doc:
        if doc._.findings is None:
            doc._.findings = []
        reading: Optional[Reading] = None
        out: List[Finding] = []
        for t in doc:
            rules_here = self.triggers.get(t.lemma_.lower())
            if not rules_here:
                continue
            if reading is None:
                reading = Reading(doc, self.light, self.credit, self.through, self.topics, self.control)
            for rule in rules_here:
                if t.pos_ in rule.pos:
                    out += self._apply(reading, rule, t)
        if reading is None:
            reading = Reading(doc, self.light, self.credit, self.through, self.topics, self.control)
        out += self._named(reading)
        out += self._office_members(reading)
        if not out:
            return doc
        seen = set()
        for f in out:
            key = (f.sentence.index, f.subject, f.predicate, f.object)
            if key not in seen:
                seen.add(key)
                doc._.findings.append(f)
        topics = {f.object for f in out if isinstance(f.object, Ref) and f.object.type == "Topic"}
        for (ref, _, _), (sent, surface) in reading.topic_mentions.items():
            if ref in topics:
                doc._.findings.append(Mention(sent, ref, surface))
        return doc

    def _apply(self, reading: Reading, rule: Rule, t: Token) -> List[Fact]:
        sent = _sentence(reading.doc, t)
        if sent is None or _headline(reading.doc, sent):
            return []
        if rule.requires and not has_requirement(reading, t, rule.requires):
            return []
        if rule.governed_by and not _governed(t, rule.governed_by):
            return []
        if self._modality(t, rule.predicate in ("supports", "opposes")) not in rule.modality:
            return []
        if rule.prospective and _prospective(t, rule.prospective):
            return []
        reading.current, reading.trigger = sent, t
        actors, _ = self._first(reading, rule, t, rule.actor, "actor", rule.actors)
        if not actors:
            return []
        if self._mutual(reading, rule, t):
            return [Fact(sent, a, rule.predicate, b) for a in actors for b in actors
                    if a != b and a.type == b.type]
        objects, slot = self._first(reading, rule, t, rule.object, "object", rule.classes)
        if slot == "thanker":
            # "President X thanked Japan for its support": the support is for X's state
            # (a thanker whose state the text does not give is left out: a stance on a person
            # read from thanks alone says too little)
            objects = [reading.state_of.get(o, o) for o in objects]
            objects = [o for o in objects if o.type != "Person"]
        if rule.bodies:
            objects = [o for o in objects if reading.body_kind.get(o) in rule.bodies]
        out = []
        for a in actors:
            for o in objects:
                if a == o or (a.type == "Person" and o.type == "Person"):
                    continue
                out.append(Fact(sent, a, rule.predicate, o))
        return out

    @staticmethod
    def _first(reading: Reading, rule: Rule, t: Token, slots: Tuple[str, ...], role: str,
               types: FrozenSet[str]) -> Tuple[List[Ref], Optional[str]]:
        """The referents of the first slot that names any (of the wanted types), and the slot."""
        for name in slots:
            got = []
            for x in reading.slot(t, name, rule.owners):
                if x is t:
                    continue
                # "threats such as terrorism and piracy": the named examples are what is meant
                examples = [r for y in reading.slot(x, "such-as") for r in reading.refs(y, role)
                            if r.type in types] if role == "object" else []
                # what a "through" noun stands for may be any state or body: "welcomed Peru's bid"
                allowed = _ALL if role == "object" and rule.through and reading.is_through(x) else types
                got += examples or [r for r in reading.refs(x, role) if r.type in allowed and r.type != "Topic"
                                    or r.type == "Topic" and r.type in types]
            if got:
                return list(dict.fromkeys(got)), name
        return [], None

    @staticmethod
    def _mutual(reading: Reading, rule: Rule, t: Token) -> bool:
        """ "support each other", "mutual support": every actor towards every other."""
        if rule.predicate not in ("supports", "opposes"):
            return False
        if t.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ == "mutual" for c in t.children):
            return True
        for c in t.children:
            if c.lower_ in ("other", "another") and c.dep_ in ("dobj", "pobj") and c.i > 0 and \
                    c.doc[c.i - 1].lower_ in ("each", "one"):
                return True
        return False

    def _modality(self, t: Token, stance: bool = True) -> str:
        m = t._.modality
        if m is None:
            m = "negated" if any(c.dep_ == "neg" for c in t.children) else "asserted"
            if t.dep_ in ("acomp", "attr") and t.head._.modality:
                m = t.head._.modality if m == "asserted" else m
        if m == "asserted" and t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            m = self.governing.get(t.head.lemma_.lower(), m)
        if m != "negated" and (_asked(t) or self._requested(t)):
            return "hypothetical"       # "asked whether he is a member", "if Kenya supports it"
        if m == "asserted" and t.dep_ in ("acl", "relcl") and not ranked(t.head) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            # "the need for a bank to support them": a purpose, no stance; but "its readiness to
            # support X" states one (a wish to join is still no membership)
            if not (stance and t.head.lemma_.lower() in self.willing):
                return "hypothetical"
        if m == "hypothetical" and self._reported(t):
            return "planned"
        return m

    def _requested(self, t: Token) -> bool:
        """Whether a stance noun is asked for, not given: "sought Japan's support", "appealed
        for support"."""
        if t.pos_ != "NOUN":
            return False
        gov = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "for" else t.head if t.dep_ == "dobj" else None
        return gov is not None and gov.lemma_.lower() in self.request

    def _reported(self, t: Token) -> bool:
        """ "X said Y would support Z", "said it would increase its support": a reported
        future, not a hypothesis."""
        clause = t.head if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "dobj" else t
        aux = [c.lower_ for c in clause.children if c.dep_ == "aux"]
        if not aux or aux[0] not in ("would", "'d"):
            return False
        for _ in range(4):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.report:
                return (clause.head._.modality or "asserted") == "asserted"
            if clause.dep_ not in ("conj", "xcomp") or clause.head is clause:
                return False
            clause = clause.head
        return False

    def _office_members(self, reading: Reading) -> List[Fact]:
        """The holder of an office in a party (or another body of ``office`` rules) is its
        member: "JVP leader X", "X, general secretary of the Y party"."""
        out: List[Fact] = []
        if not self.office_bodies:
            return out
        for o in reading.doc._.positions or ():
            if o.body is None or o.former or not o.holders:
                continue
            if reading.body_kind.get(o.body) not in self.office_bodies:
                continue
            sent = _sentence(reading.doc, o.span[0])
            if sent is None or _headline(reading.doc, sent):
                continue
            out += [Fact(sent, h._.ref, "memberOf", o.body) for h in o.holders if h._.ref is not None]
        return out

    def _named(self, reading: Reading) -> List[Fact]:
        """States named in an initiative's name take part in it ("the Kenya-Uganda railway")."""
        out: List[Fact] = []
        if self.lex is None or not self.named:
            return out
        for s in reading.doc.spans.get("kg_entities", []):
            if s._.ref is None or s._.ref.type != "Initiative" or len(s) < 3:
                continue
            sent = _sentence(reading.doc, s[0])
            if sent is None or _headline(reading.doc, sent):
                continue
            states = []
            for i, w in enumerate(s):
                # a state joined by a hyphen to another name: "Armenia-Azerbaijan", "China-Europe"
                joined = (i + 2 < len(s) and s[i + 1].text in ("-", "–") and not w.whitespace_
                          and s[i + 2].text[:1].isupper() and not s[i + 2].like_num) or \
                         (i > 1 and s[i - 1].text in ("-", "–") and not s[i - 2].whitespace_
                          and s[i - 2].text[:1].isupper() and not s[i - 2].like_num)
                if joined and w.text[:1].isupper():
                    c = self.lex.country(w.text) or self.lex.country_by_demonym(w.text)
                    if c is not None:
                        states.append(Ref("Country", c.name))
            for a in dict.fromkeys(states):
                for predicate in self.named:
                    out.append(Fact(sent, a, predicate, s._.ref))
        return out


def _asked(t: Token) -> bool:
    """Whether the trigger's clause is a question, a condition or a capability ("whether",
    "if", "unless", "how X can support", "X can help")."""
    cur = t
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") or
               c.dep_ == "advmod" and c.lower_ == "how" or
               c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in cur.children):
            return True
        if cur.dep_ not in ("attr", "acomp", "xcomp", "conj", "dobj", "pobj", "prep") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _governed(t: Token, words: FrozenSet[str]) -> bool:
    cands = [t.head]
    if t.head.dep_ == "prep":
        cands.append(t.head.head)
    return any(c is not t and (c.lower_ in words or c.lemma_.lower() in words) for c in cands)


def _prospective(t: Token, words: FrozenSet[str]) -> bool:
    """Whether the trigger is embedded in a word of wishing or seeking ("applied to join")."""
    cur = t
    for _ in range(4):
        if cur.dep_ not in _EMBEDDED or cur.head is cur or (cur.dep_ == "prep" and cur.lower_ == "as"):
            return False            # "will support it as a member": a role, not a wish
        cur = cur.head
        if cur.lemma_.lower() in words or cur.lower_ in words:
            return True
        if cur.lemma_ == "become" and cur.tag_ in ("VBG", "VB"):
            return True             # "ruled out Ukraine becoming a member", "hopes to become one"
    return False


def _sentence(doc: Doc, tok: Token) -> Optional[Sentence]:
    if doc._.sentences:
        return sentence_of(doc, tok)
    # a bare nlp(text): the spaCy sentence stands in for the reader's
    sents = list(doc.sents)
    for n, s in enumerate(sents):
        if s.start <= tok.i < s.end:
            return Sentence("", n, s.text, s.start_char, s.end_char, 1)
    return None


def _headline(doc: Doc, sent: Sentence) -> bool:
    return sent.paragraph == 0 and bool(doc._.sentences) and len(doc._.article.sentences if doc._.article
                                                                  else doc._.sentences) > 1


@Language.factory("kg_stances", assigns=["doc._.findings"], requires=["doc.spans", "token.dep"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"}, "topics": {"@misc": "kg.topics.v1"}})
def make_stances(nlp: Language, name: str, lexicon: Lexicon, topics: TopicTable) -> Stances:
    return Stances(nlp, name, lexicon=lexicon, topics=topics)
