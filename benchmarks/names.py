"""Invented but plausible personal names, from syllable tables by naming tradition.

A name is a pure function of (seed, key): the same seed gives the same people, and the
syllable space is large enough for tens of thousands of distinct full names. No name belongs
to a real person on purpose; any resemblance is chance.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Dict, Optional, Sequence, Tuple

__all__ = ["Style", "STYLES", "style_of", "make_name"]


@dataclass(frozen=True)
class Style:
    """How one naming tradition builds a name.

    ``order`` is "given-family" (Western order), "family-given" (Chinese, Korean: the family name
    comes first and is the short form) or "family-middle-given" (Vietnamese: the given name, last,
    is the short form).
    """
    given: Tuple[str, ...]          # syllables of given names
    family: Tuple[str, ...]         # syllables of family names
    suffixes: Tuple[str, ...]       # endings of family names ("" for none)
    order: str = "given-family"
    given_len: Tuple[int, int] = (2, 3)
    family_len: Tuple[int, int] = (1, 2)
    middle: Tuple[str, ...] = ()


def _t(text: str) -> Tuple[str, ...]:
    return tuple(text.split())


STYLES: Dict[str, Style] = {
    "slavic": Style(_t("vla di mir ser gei ale ksan dr an ton yu ri bo ris ni ko lai ta ras ma ks "
                       "ol eg pa vel ste pan ro man i gor lu ka mi ro sla vo zdra"),
                    _t("ko val pet ren sav chen kov lyub kras nov bel gor vol sok mel zav dub "
                       "lis kuz tar yar ost ryb cher pol shev"),
                    ("ov", "ev", "enko", "sky", "ich", "in", "ovic", "uk")),
    "turkic": Style(_t("nur sul tan er lan as kar bek zhan ay dos kas ym ta la rus tem ba ur "
                       "mur at ser ik ar man yer bol dau let ka mil"),
                    _t("tok ba yev naz ar ka sym bek mur ad ab dul la zhu su kov ta sh ma mad "
                       "is ka ru sla"),
                    ("ov", "ev", "uly", "bekov", "oglu", "baev", "iyev"), family_len=(1, 2)),
    "arabic": Style(_t("kha lid mo ham med ab dul la fai sal ha mad sa id na sir ta rik yu suf "
                       "ma jid wa lid ra shid a del sa mir"),
                    _t("man sour had dad sha bib ka rim nas ra zaq ha shim ja bir qa sim rah "
                       "ma ha bib zu bai di sa lem"),
                    ("", "i", "ani", "awi"), given_len=(2, 3), family_len=(2, 2)),
    "persian": Style(_t("ab bas ha san ja vad ma sud ba bak da ri ush ka veh re za fa rhad "
                        "mo ja ta ba mir za"),
                     _t("ra ha ni zad ja fa ri mo tah ha sse mi kha ta ba ri ta he ri na ja fi"),
                     ("i", "zadeh", "pour", "ian", "far"), family_len=(1, 2)),
    "south_asian": Style(_t("ra jes ha nar en dra su bra ma ni am vi jay pra kash an il ku "
                            "mar sun il de ep ak shay ar jun"),
                         _t("shar ma var ma red dy pa tel na ya kum ja ya shan kar mi shra "
                            "cho udh ri ra ju"),
                         ("", "an", "ar", "i"), family_len=(2, 2)),
    "sinitic": Style(_t("jian hua wei ming guo qiang xiao dong hai tao zhi yong jun hong lin "
                        "feng bo yu chen ping yan jing rui kai"),
                     _t("wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin "
                        "he guo ma luo liang song zheng xie han tang feng yu dong xiao cheng "
                        "cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye"),
                     ("",), order="family-given", given_len=(1, 2), family_len=(1, 1)),
    "korean": Style(_t("min jun seo yeon ji hoon sung ho jae woo young soo hye jin dong hyun "
                       "kyung tae sang chul"),
                    _t("kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang "
                       "ahn song yoo hong"),
                    ("",), order="family-given", given_len=(2, 2), family_len=(1, 1)),
    "vietnamese": Style(_t("minh chinh lam cuong hung dung thanh tuan quang hai son long phuc "
                           "trong vinh khai duc"),
                        _t("nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly"),
                        ("",), order="family-middle-given", given_len=(1, 1), family_len=(1, 1),
                        middle=_t("van xuan minh duc thi quoc huu dinh ba")),
    "japanese": Style(_t("hi ro shi ta ka ke n ji yo ma sa to mo ku ni a ki"),
                      _t("ya ma na ka ta su zu ki wa shi mo ri i to ha se ga"),
                      ("", "da", "moto", "kawa", "mura", "shita"), given_len=(2, 3), family_len=(2, 2)),
    "southeast_asian": Style(_t("jo ko pra bo wo sri set ha an war ib ra him bong rat na "
                                "so mchai thak sin pi ta"),
                             _t("wi do do sub ian to ta vi sin cha n o cha wong sa wat "
                                "ma lik da tu"),
                             ("", "ono", "wat", "sin"), family_len=(2, 3)),
    "latin": Style(_t("ga bri el lu is fer nan do mar cos pa blo ri car do an dres ja vi er "
                      "se bas tian ma teo al ber to"),
                   _t("gon zal rod ri guez fer nan dez mar ti nez san to lo pe ro mer val "
                      "des mo ral es ca bel ra mi"),
                   ("ez", "es", "ino", "ero", "ado", "ales", "eira", "elli"), family_len=(1, 2)),
    "germanic": Style(_t("ste fan wolf gang jo han nes ul rich mar kus tho mas pe ter hen rik "
                         "ol af la rs jan er ik wil lem"),
                      _t("schmi berg hal vor lind strom holm mey bau hoff wal ter brand stein "
                         "ek dahl feld"),
                      ("", "er", "son", "sen", "mann", "ström", "berg", "ing"), family_len=(1, 2)),
    "english": Style(_t("ja mes ro bert da vid mi chael an drew tho mas ri chard wil liam "
                        "ste phen mar tin si mon pa trick"),
                     _t("har wood ash ford brad ley car ring ton hol den mar sh whit field "
                        "pen row sta ley"),
                     ("", "ton", "ley", "son", "field", "wood"), family_len=(1, 2)),
    "french": Style(_t("je an pi erre fran cois mi chel lou is hen ri phi lippe ma thieu "
                       "e ti enne lau rent ni co las"),
                    _t("du pont mo reau ber nard le roy fon taine gi rard mer cier bou cher "
                       "che va lier rous seau"),
                    ("", "et", "ier", "eau", "and"), family_len=(1, 2)),
    "african": Style(_t("ku a me ko fi o lu se gun ba ba ja mo ha ma du ci ril ua hu ru "
                        "ke nya ta wi lli am ndi ma so"),
                     _t("ma ha ma o ko ye ra ma pho sa ke nya tta ka ga me ba ri ma ndla "
                        "nko si mu ga be wu tu"),
                     ("", "we", "ola", "anga", "ezi", "ani"), family_len=(2, 3)),
}

# Naming tradition by ISO code; every state not listed uses a mix chosen by its code.
_BY_REGION = {
    "slavic": "RU UA BY PL CZ SK BG RS HR BA ME MK SI MD",
    "turkic": "KZ UZ KG TM AZ TR",
    "arabic": "SA AE QA KW BH OM YE IQ SY JO LB PS EG LY TN DZ MA SD MR",
    "persian": "IR AF TJ",
    "south_asian": "IN PK BD NP LK BT MV",
    "sinitic": "CN SG",
    "korean": "KR KP",
    "vietnamese": "VN",
    "japanese": "JP",
    "southeast_asian": "TH ID MY PH KH LA MM BN TL",
    "latin": "ES PT IT BR MX AR CO PE CL VE EC BO PY UY CU DO GT HN SV NI CR PA AD SM MT",
    "germanic": "DE AT CH NL LU DK SE NO IS FI LI BE EE LV LT",
    "english": "GB IE US CA AU NZ JM TT BS BB",
    "french": "FR MC HT",
}
_REGION: Dict[str, str] = {cc: style for style, codes in _BY_REGION.items() for cc in codes.split()}
_MIXED = ("african", "latin", "english", "french", "arabic", "slavic", "southeast_asian")


def style_of(code: str) -> str:
    """The naming tradition used for a state's people."""
    if code in _REGION:
        return _REGION[code]
    # Sub-Saharan Africa and the rest: deterministic by code, mostly "african".
    h = sum(ord(c) * (i + 1) for i, c in enumerate(code))
    return "african" if h % 3 else _MIXED[h % len(_MIXED)]


def _word(rng: random.Random, syllables: Sequence[str], lo: int, hi: int, suffix: str = "") -> str:
    w = "".join(rng.choice(syllables) for _ in range(rng.randint(lo, hi))) + suffix
    return w[:1].upper() + w[1:]


def make_name(style: str, seed: str, taken: Optional[Callable[[str], bool]] = None
              ) -> Tuple[str, str]:
    """A (full name, short form) for a person of ``style``, a pure function of ``seed``.

    ``taken(token)`` rejects a token that would read as something else (a country, a city);
    the next attempt is drawn from the same seed, so the result stays deterministic.
    """
    st = STYLES[style]
    for attempt in range(50):
        rng = random.Random(f"{seed}#{attempt}")
        given = _word(rng, st.given, *st.given_len)
        family = _word(rng, st.family, *st.family_len, suffix=rng.choice(st.suffixes))
        if len(given) < 3 or len(family) < 3 or given == family:
            continue
        if st.order == "family-given":
            tokens, short = [family, given], family
        elif st.order == "family-middle-given":
            tokens = [family, _word(rng, st.middle, 1, 1), given]
            short = given
        else:
            tokens, short = [given, family], family
        if taken and any(taken(t) for t in tokens):
            continue
        return " ".join(tokens), short
    raise ValueError(f"no free name for {style} from {seed!r}")
