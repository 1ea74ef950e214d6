"""Names that releases of local authorities, companies and agencies write in their own ways.

- Local authorities as bodies: French official style capitalises the institution ("la Région Grand
  Est", "la Ville de Brévannes", "le Département de la Manche") and leaves the territory in lower
  case ("la région Bretagne"), so a capitalised head before a known place is one ORG name.
- Plans, reports and campaigns named in guillemets after their common noun ("le plan « Écoles 2030 »",
  "son rapport annuel « Terres fragiles »") are MISC names.
- A service named by its acronym and its territory ("ARS Occitanie", "DREAL Bretagne") is one ORG.
- Social networks listed after "Suivez-nous sur" are ORG, even one letter long ("X").
- Courts in lower case, as French writes them, named by their seat ("le tribunal judiciaire de
  Valence", "la cour d'appel de Douai"): one ORG.
- The seat of a local authority ("Hôtel du Département", "Maison de la Région", "Hôtel de Ville") is
  a building (LOC), not the body; a town's grouping named after it ("Vallon Agglomération", "Brévannes
  Métropole") is that body (ORG).
- "À propos de Norvane" closes a company's or a body's release: that name is an ORG everywhere in it.
"""

from __future__ import annotations

import re

from pipeline.canonical import capitalise, clean_surface, normalize_key
from pipeline.places import is_known_place

from .context import Context
from .lexicon import is_adjective, is_common_word
from .records import Candidate, Mention
from .shapes import is_acronym, is_cap, is_title
from .words import MISC_HEADS, ROLE_HEADS

LOCAL_HEADS = frozenset(
    [
        "région",
        "département",
        "ville",
        "métropole",
        "eurométropole",
        "commune",
        "mairie",
        "préfecture",
        "collectivité",
    ]
)
_OF = frozenset(("de", "du", "des", "d'", "d’"))
_ARTICLES = frozenset(("la", "l'", "l’", "le", "les"))
_MAX_PLACE_TOKENS = 6
_STATE_FORMS = frozenset(("république", "royaume", "principauté", "confédération", "grand-duché", "sultanat"))
# common nouns that name a plan, a report, a campaign...: the name in guillemets after them is MISC
NAMED_WORK_NOUNS = frozenset(
    [
        "plan",
        "programme",
        "projet",
        "rapport",
        "stratégie",
        "campagne",
        "opération",
        "dispositif",
        "initiative",
        "label",
        "pacte",
        "charte",
        "contrat",
        "schéma",
        "feuille",
        "appel",
        "concours",
        "festival",
        "exposition",
        "chaire",
        "prix",
        "trophée",
        "trophées",
        "colloque",
        "congrès",
        "séminaire",
        "symposium",
        "conférence",
        "spectacle",
        "film",
        "livre",
        "album",
        "émission",
        # "l'émission, baptisée « Salut la Loire »": the name a work or a scheme is given
        "baptisé",
        "baptisée",
        "baptisés",
        "baptisées",
        "intitulé",
        "intitulée",
    ]
)
_MAX_QUOTED_NAME = 8
_SOCIAL_LINE = re.compile(r"(?:suivez|retrouvez|rejoignez)[- ]nous\s+(?:sur|via)\b", re.I)
_ABOUT = re.compile(r"^[\W_]*(?:À|A) propos (?:de |d'|d’|du |des )(.+?)[\W_]*$", re.M)


def _place_end(ctx: Context, j: int) -> int:
    """End of the longest known place starting at token j (within the line), else j."""
    best = j
    for k in range(j + 1, min(ctx.n, j + _MAX_PLACE_TOKENS) + 1):
        if any(ctx.is_break(t) for t in range(j + 1, k)) or ctx.punct[k - 1] and ctx.words[k - 1] != "-":
            break
        if is_cap(ctx.words[j]) and is_known_place(ctx.span_text(j, k)):
            best = k
    return best


_POSTS = frozenset(("ambassade", "consulat"))
_POST_ADJECTIVES = frozenset(("général", "générale", "honoraire", "royale", "royal"))
_AT = frozenset(("à", "au", "aux", "en"))


def diplomatic_post_candidates(ctx: Context) -> list[Candidate]:
    """ "l'ambassade de Suède en Tunisie", "le consulat général de France à Cracovie": a diplomatic post,
    the state it represents and the place of its seat are one body (ORG), in either case."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    out: list[Candidate] = []
    for i, low in enumerate(lower):
        if low not in _POSTS or not (words[i].islower() or is_title(words[i])):
            continue
        j = i + 1
        while j < n and lower[j] in _POST_ADJECTIVES:
            j += 1
        if j >= n or lower[j] not in _OF:
            continue
        j += 1 + (j + 1 < n and lower[j + 1] in _ARTICLES)
        end = _place_end(ctx, j) if j < n else j
        if end == j:
            continue
        k = end + (end < n and lower[end] in _AT)
        k += k < n and k > end and lower[k] in _ARTICLES
        seat = _place_end(ctx, k) if k > end and k < n else k
        out.append(
            Candidate(i, seat if seat > k else end, "ORG", "pattern", cue="ORG", fixed=True, keep_lower=True)
        )
    return out


def local_body_candidates(ctx: Context) -> list[Candidate]:
    """ "Région Pays de la Loire", "Ville de Brévannes", "VILLE DE SAINT-NAZAIRE": one ORG each."""
    out: list[Candidate] = []
    lower = ctx.lower
    for i, low in enumerate(lower):
        if low not in LOCAL_HEADS or not is_cap(ctx.words[i]) or i + 1 >= ctx.n:
            continue
        j = i + 1
        if lower[j] in _OF:
            j += 1
            if j < ctx.n and lower[j] in _ARTICLES and lower[j - 1] in ("de", "d'", "d’"):
                j += 1
        if j >= ctx.n:
            continue
        end = _place_end(ctx, j)
        # a place the model sees but the place lists do not ("Ville de Brévannes"), or longer than
        # the listed place ("Métropole Rouen Normandie")
        model_end = max((e for s, e, _ in ctx.ents if s in (i, j) and is_cap(ctx.words[j])), default=j)
        if model_end > end and all(is_cap(ctx.words[t]) or ctx.lower[t] in _OF for t in range(j, model_end)):
            end = model_end
        if end > j:
            out.append(Candidate(i, end, "ORG", "pattern", cue="ORG", fixed=True))
    return out


def quoted_name_candidates(ctx: Context) -> list[Candidate]:
    """ "le plan « Écoles 2030 »": the capitalised words in guillemets after a named-work noun."""
    words, lower, pos = ctx.words, ctx.lower, ctx.pos
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w not in ("«", "“", '"') or i + 1 >= ctx.n or not is_cap(words[i + 1]):
            continue
        k = i - 1
        while (
            k >= 0
            and i - k <= 2
            and lower[k] not in NAMED_WORK_NOUNS  # "plan" is also an adjective
            and words[k].islower()
            and (pos[k] == "ADJ" or is_adjective(words[k]))
        ):
            k -= 1
        if k < 0 or lower[k] not in NAMED_WORK_NOUNS:
            continue
        close = next(
            (e for e in range(i + 1, min(ctx.n, i + 2 + _MAX_QUOTED_NAME)) if words[e] in '»”"'), None
        )
        if close is None or close == i + 1 or any(ctx.is_break(t) for t in range(i + 1, close)):
            continue
        if any(words[t] in (".", ";", "!", "?") for t in range(i + 1, close)):
            continue
        out.append(Candidate(i + 1, close, "MISC", "quoted", cue="MISC", fixed=True))
    return out


def social_candidates(ctx: Context) -> list[Candidate]:
    """Capitalised one-word names after "Suivez-nous sur" on the same line: ORG."""
    out: list[Candidate] = []
    for m in _SOCIAL_LINE.finditer(ctx.text):
        line_end = ctx.text.find("\n", m.end())
        line_end = len(ctx.text) if line_end == -1 else line_end
        for k in range(ctx.n):
            if not (m.end() <= ctx.idx[k] < line_end):
                continue
            w = ctx.words[k]
            if ctx.text[ctx.idx[k] - 1 : ctx.idx[k]] in ("#", "@"):
                continue  # "#Orvane", "@Orvane": a hashtag or a handle, never an entity
            if w[:1].isupper() and w.isalpha() and (len(w) > 1 or w == "X"):
                out.append(Candidate(k, k + 1, "ORG", "social", cue="ORG", fixed=True))
    return out


def about_names(ctx: Context, mentions: list[Mention]) -> None:
    """The name of an "À propos de X" line is an ORG in the whole release (the company or body)."""
    keys = {normalize_key(m.group(1)) for m in _ABOUT.finditer(ctx.text)}
    if not keys:
        return
    for m in mentions:
        if normalize_key(m.text) in keys and m.label != "ORG" and not is_known_place(m.text):
            if m.cue == "MISC" and m.text.split()[0] in MISC_HEADS:
                continue  # "À propos du prix X": a jury's release is about its award, an event's name
            m.label = m.cue = "ORG"


_INITIALS_SKIP = frozenset(
    ("de", "du", "des", "d", "et", "la", "le", "les", "l", "pour", "en", "à", "aux", "au")
)


def _abbreviates(acronym: str, place: str, long: str) -> bool:
    """ "Chambre de commerce et d'industrie Occitanie" is what "CCI" + "Occitanie" abbreviates: the
    long form ends with the place and the initials of its other words spell the acronym."""
    key, tail = normalize_key(long), normalize_key(place)
    if not key.endswith(" " + tail):
        return False
    words = re.split(r"[\s'’-]+", long[: len(long) - len(place)].strip())
    initials = "".join(w[0] for w in words if w and w.lower() not in _INITIALS_SKIP)
    return initials.upper() == acronym.upper()


def acronym_and_short_bodies(ctx: Context, mentions: list[Mention], defs: dict[str, Mention]) -> None:
    """ "ARS Nouvelle-Aquitaine" after "Agence régionale de santé Nouvelle-Aquitaine (ARS)": a defined
    acronym with a place is that body (ORG, its long form when the long form ends with the place);
    "la Région" after "la Région Grand Est": the local body named in full."""
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        place = re.sub(r"^(?:de|du) ", "", rest)
        defined_seat = first in defs and normalize_key(defs[first].text).endswith(normalize_key(place))
        if (
            rest
            and _short_acronym(first)
            and is_title(place.split()[0])
            and (is_known_place(place) or defined_seat)
        ):
            m.label = m.cue = "ORG"  # "ARS Occitanie", "CHU de Nantes": a body, not the place
            if first in defs and defs[first].label == "ORG":
                long = defs[first].text
                if normalize_key(long).endswith(normalize_key(place)):
                    m.canonical = capitalise(clean_surface(long))
                continue
            full = next(
                (o for o in mentions if o.label == "ORG" and _abbreviates(first, place, o.text)), None
            )
            if full is not None:  # "CCI Occitanie" after "Chambre de commerce et d'industrie Occitanie"
                m.canonical = capitalise(clean_surface(full.text))
        elif m.text.lower() in LOCAL_HEADS and is_cap(m.text):
            full = [o for o in mentions if o.label == "ORG" and o.text.split()[0] == m.text and o is not m]
            if full:
                m.label = m.cue = "ORG"
                m.canonical = capitalise(clean_surface(max(full, key=lambda o: len(o.text)).text))


_COURT = re.compile(
    r"\b(?:tribunal (?:judiciaire|administratif|correctionnel|de commerce|de grande instance|d'instance|"
    r"pour enfants)|cour (?:d'appel|administrative d'appel|d'assises)|conseil de prud'hommes|"
    r"chambre régionale des comptes|université|académie|diocèse|archidiocèse) (?:de |d'|du |des )(?:la |l')?"
    r"[A-ZÉÈÀÂÎÔ][\w'-]*(?: (?:de |d'|du |sur |en |la |le |les )*[A-ZÉÈÀÂÎÔ][\w'-]*)*"
)


_MUSEUM = re.compile(
    r"\bmusée (?:d'|du |des |de la |de l'|de )[A-ZÉÈÀÂÎÔ][\w'-]*"
    r"(?: (?:de |d'|du |des |la |le |les )*[A-ZÉÈÀÂÎÔ][\w'-]*)*"
)
_AT_PLACE = re.compile(r"(?:\bau|\bdans le|\bà|\bvers le|\bdevant le)\s+$", re.I)


def museum_candidates(ctx: Context) -> list[Candidate]:
    """ "le musée d'Orsay", "au musée des Beaux-Arts de Rouen": French writes the head in lower case
    but it is part of the name; the building where one goes (au, dans le) is a LOC, else the body
    that lends, shows or acquires is an ORG."""
    out: list[Candidate] = []
    text = ctx.text.replace("’", "'")
    for m in _MUSEUM.finditer(text):
        span = ctx.token_span(m.start(), m.end())
        if span is None:
            continue
        label = "LOC" if _AT_PLACE.search(text, max(0, m.start() - 12), m.start()) else "ORG"
        out.append(Candidate(span[0], span[1], label, "venue", cue=label, keep_lower=True, fixed=True))
    return out


def court_candidates(ctx: Context) -> list[Candidate]:
    """ "le tribunal judiciaire de Valence", "la cour d'appel de Douai", "l'université de Lille", "le
    diocèse de Mende": a court, a university, an education authority or a diocese named by its seat."""
    out: list[Candidate] = []
    text = ctx.text.replace("’", "'")
    for m in _COURT.finditer(text):
        span = ctx.token_span(m.start(), m.end())
        if span is not None:
            out.append(Candidate(span[0], span[1], "ORG", "body", cue="ORG", keep_lower=True, fixed=True))
    return out


def longer_place_candidates(ctx: Context) -> list[Candidate]:
    """A known place with lower-case words ("Émirats arabes unis", "Pays de la Loire"): whole, even when
    the model cuts it short (the longest known place of at most three more lower-case words)."""
    out: list[Candidate] = []
    for start, end, label in ctx.ents:
        if label != "LOC" or ctx.lower[start] in _STATE_FORMS:
            continue  # "la République française": the long forms have their own rules (roles, states)
        best = end
        for k in range(end + 1, min(ctx.n, end + 3) + 1):
            if not ctx.words[k - 1].islower() or ctx.is_break(k - 1):
                break
            if is_known_place(ctx.span_text(start, k)):
                best = k
        tail = any(ctx.words[k].islower() for k in range(start + 1, best))
        if tail and is_known_place(ctx.span_text(start, best)):  # kept whole, not trimmed as words
            out.append(Candidate(start, best, "LOC", "pattern", cue="LOC", fixed=True))
    return out


def dateline_candidates(ctx: Context) -> list[Candidate]:
    """The town of a dateline in the first lines ("Valence, le 13 novembre 2025"): a place, even when
    it is also a dictionary word that the sentence-initial filters would drop."""
    from .publisher import _DATELINE, _HEAD_LINES

    head = "\n".join(ctx.text.split("\n", _HEAD_LINES)[:_HEAD_LINES])
    out: list[Candidate] = []
    for m in _DATELINE.finditer(head):
        name = m.group(1).strip()
        start = m.start(1)
        span = ctx.token_span(start, start + len(name))
        if span is not None and (is_known_place(name) or _full_dateline_town(head, m, name)):
            out.append(Candidate(span[0], span[1], "LOC", "dateline", cue="LOC", fixed=True))
    return out


_FULL_DATE_REST = re.compile(r"\d{1,2}(?:er)? [a-zéû]+ \d{4}\W*$")


def _full_dateline_town(head: str, m: re.Match[str], name: str) -> bool:
    """ "Saint-Agrève, le 3 mai 2026" alone on its line: the town of a dateline the place lists lack,
    a capitalised name of at most three words that is no dictionary word ("Communiqué, le 3 mai")."""
    line_end = head.find("\n", m.end())
    rest = head[m.end() - 2 : line_end if line_end >= 0 else len(head)].strip()
    words = name.split()
    return (
        bool(_FULL_DATE_REST.match(rest))
        and len(words) <= 3
        and all(is_cap(w) for w in words)
        and not (len(words) == 1 and is_common_word(name))
    )


def acronym_place_candidates(ctx: Context) -> list[Candidate]:
    """A state service or agency named by its acronym and its territory ("ARS Occitanie", "DREAL
    Bretagne", "CCI Normandie"): one ORG, whatever the model splits."""
    out: list[Candidate] = []
    for i in range(ctx.n - 1):
        word = ctx.words[i]
        if not _short_acronym(word) or not ctx.spaced[i]:
            continue
        j = i + 2 if ctx.lower[i + 1] in ("de", "du") and i + 2 < ctx.n else i + 1  # "CHU de Limoges"
        if not is_title(ctx.words[j]):
            continue  # "À PROPOS DE ...": a line in capitals has no acronym
        end = _place_end(ctx, j)
        # "PGHM de Modane": a town the place lists lack, the model's place, after a body's acronym the
        # text defines ("(PGHM)"; not a role: "PDG de Nexaltis")
        if end == j and j == i + 2:
            # or a territory whose hyphenated name has the shape of a place ("MRC du Haut-Val"), not a
            # role ("PDG de ...")
            end = max((e for s, e, label in ctx.ents if s == j and label == "LOC" and e - j <= 4), default=j)
            if f"({word})" not in ctx.text and (
                ctx.lower[i] in ROLE_HEADS or not _HYPHENATED_PLACE.fullmatch(ctx.span_text(j, end))
            ):
                end = j
            if any(ctx.is_break(t) or not is_cap(ctx.words[t]) for t in range(j, end)):
                end = j
        if end > j and len(ctx.span_text(j, end)) > 3:
            out.append(Candidate(i, end, "ORG", "pattern", cue="ORG", fixed=True))
    # "le CHU" after "le CHU de Limoges": the same body, when the document names one such body only
    bodies: dict[str, set[str]] = {}
    for c in out:
        bodies.setdefault(ctx.words[c.start], set()).add(ctx.span_text(c.start, c.end))
    starts = {c.start for c in out}
    for i in range(1, ctx.n) if bodies else ():
        word = ctx.words[i]
        if i in starts or len(bodies.get(word, ())) != 1 or ctx.lower[i - 1] not in _DEFINITE:
            continue
        out.append(Candidate(i, i + 1, "ORG", "short", cue="ORG", fixed=True))
    return out


# capitalised words joined by hyphens, with lower-case links: "Haut-Val", "Val-de-Marne", "Domaine-du-Lac"
_HYPHENATED_PLACE = re.compile(
    r"[A-ZÀ-Ý][^\W\d_]+(?:-(?:(?:de|du|des|la|le|les|sur|en|aux?)-)*[A-ZÀ-Ý][^\W\d_]+)+"
)
_DEFINITE = frozenset(("le", "la", "l'", "l’", "du", "au"))


def _short_acronym(word: str) -> bool:
    """ "ARS", "DREAL", "CCI": letters in capitals, at most six ("LAUSANNE" is a word in capitals)."""
    return 2 <= len(word) <= 6 and word.isalpha() and is_acronym(word)


_SEAT = re.compile(
    r"\b(?:Hôtel|Maison|Palais) (?:de la |de l'|de l’|du |de )"
    r"(?:Ville|Département|Région|Métropole|Agglomération|Communauté|Territoire|Collectivité)\b"
)
_GROUPING_TAILS = frozenset(("agglomération", "agglo", "métropole", "communauté", "université"))


_INDEX = re.compile(r"\bindices? (?:boursiers? )?([A-Z][\w&.-]*(?: (?:[A-Z][\w&.-]*|\d+))*)")


def index_candidates(ctx: Context) -> list[Candidate]:
    """ "l'indice SBF 120", "l'indice Euro Stoxx 50": a stock index is a MISC name."""
    out: list[Candidate] = []
    for m in _INDEX.finditer(ctx.text):
        span = ctx.token_span(m.start(1), m.end(1))
        if span is not None and span[1] - span[0] <= 4:
            out.append(Candidate(span[0], span[1], "MISC", "pattern", cue="MISC", fixed=True))
    return out


def confederation_candidates(ctx: Context) -> list[Candidate]:
    """ "la Confédération paysanne", "la Confédération syndicale": a union named by its adjectives is
    a body (ORG); "la Confédération" alone or "Confédération suisse" stays the country."""
    out: list[Candidate] = []
    for i in range(ctx.n - 1):
        if ctx.lower[i] not in ("confédération", "confederation") or not is_cap(ctx.words[i]):
            continue
        end = i + 1
        while end < ctx.n and ctx.words[end].islower() and ctx.pos[end] == "ADJ" and not ctx.is_break(end):
            end += 1
        if end > i + 1 and not is_known_place(ctx.span_text(i, end)):
            out.append(Candidate(i, end, "ORG", "pattern", cue="ORG", fixed=True))
    return out


def seat_and_grouping_candidates(ctx: Context) -> list[Candidate]:
    """ "l'Hôtel du Département" (LOC, the building) and "Vallon Agglomération" (ORG: a known town
    followed by the capitalised name of its grouping)."""
    out: list[Candidate] = []
    for m in _SEAT.finditer(ctx.text):
        span = ctx.token_span(m.start(), m.end())
        if span is not None:
            out.append(Candidate(span[0], span[1], "LOC", "pattern", cue="LOC", fixed=True))
    for i in range(1, ctx.n):
        if ctx.lower[i] not in _GROUPING_TAILS or not is_cap(ctx.words[i]):
            continue
        # the capitalised words before the tail, one of whose suffixes is a known place ("Clermont
        # Auvergne Métropole", "Nantes Université")
        run = i
        while (
            run > max(0, i - 6)
            and (is_cap(ctx.words[run - 1]) or (ctx.words[run - 1] == "-" and not ctx.spaced[run - 1]))
            and not ctx.is_break(run - 1)
        ):
            run -= 1
        start = next((k for k in range(run, i) if is_known_place(ctx.span_text(k, i))), None)
        if any(lab == "PER" and s < i and e > run for s, e, lab in ctx.ents):
            start = None  # "Lucie Martin Métropole": a person the model saw, not a town
        if start is not None:
            start = run
            out.append(Candidate(start, i + 1, "ORG", "pattern", cue="ORG", fixed=True))
    return out
