"""Who publishes a release that names no `source` in its front matter: `documents.source`.

An analyst pivots on the publisher (`pipeline compare --by source`), so a wrong value is worse than an
empty one: each rule below takes only what the release states in a place where releases state their
publisher, and gives nothing when that is unclear. In order:

1. the front matter's `source` (or the HTML page's site name that `pipeline add` wrote there);
2. an address the release states -- its front-matter `url`, a "Source : https://..." or "Source URL:"
   line near the end, a last line that is only an address -- whose host belongs to a publisher of
   data/publishers.toml (an unknown host gives nothing: "github.io" or a newsroom's CDN is no name);
3. a signature: the header "Communiqué du ministère de ..." / "COMMUNIQUÉ – Préfecture de ...", a
   "Source : <name>" line near the end, the first line of the closing contact block, or a short last
   line that is only an organisation's name (an ORG entity of the release, a body of the gazetteer or a
   publisher's name such as a news agency's).

Names are canonical: the gazetteer's when it knows the body ("l'UNESCO" and "UNESCO" give one value),
else the release's own canonical of the entity, else the name as written with a capital.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from .canonical import Gazetteer, capitalise, clean_surface, normalize_key

__all__ = ["Publisher", "find_publisher", "load_publishers", "publisher_of_host"]

DEFAULT_PATH = Path(__file__).parent / "data" / "publishers.toml"

FRONT_MATTER, URL, SIGNATURE = "front_matter", "url", "signature"
_FOOT_LINES = 10  # a signature or a contact block sits in the last lines of a release
_SOURCE_LINES = 5  # a "Source :" line is the release's own only at its very end
_BARE_URL_LINES = 3  # the footer of a page copied with its address
_MAX_NAME_WORDS = 12
_PARAGRAPH_WORDS = 20  # a line after a name that is this long is a paragraph: the name was its heading

# Platforms named alone on a footer line ("Suivez-nous" then "Facebook"): never the publisher.
_PLATFORMS = frozenset(
    normalize_key(n)
    for n in ("Facebook", "Twitter", "X", "LinkedIn", "Instagram", "YouTube", "TikTok", "Bluesky")
    + ("Mastodon", "Threads", "Flickr", "Dailymotion", "WhatsApp", "Telegram")
)


class Entity(Protocol):
    """What the rules read of an entity mention (pipeline.entities.EntityMention has it)."""

    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class Publisher:
    name: str
    hosts: tuple[str, ...]
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Publishers:
    """The publishers file: host suffix -> publisher, and every name a signature may use."""

    entries: tuple[Publisher, ...]
    by_host: Mapping[str, Publisher]
    by_name: Mapping[str, Publisher]


_KEYS = {"name", "hosts", "aliases", "source"}


def parse_publishers(data: bytes, path: Path | None = None) -> Publishers:
    """Validate the TOML content; a problem is a one-line ValueError naming the file."""
    where = path or "<publishers>"
    try:
        raw = tomllib.loads(data.decode("utf-8")).get("publisher", [])
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{where}: not valid TOML ({exc})") from None
    entries: list[Publisher] = []
    by_host: dict[str, Publisher] = {}
    by_name: dict[str, Publisher] = {}
    for n, item in enumerate(raw if isinstance(raw, list) else [], 1):
        name, hosts = item.get("name"), item.get("hosts", [])
        aliases, source = item.get("aliases", []), item.get("source")
        if not isinstance(name, str) or not name.strip() or set(item) - _KEYS:
            raise ValueError(f"{where}: publisher {n} needs a name and only name, hosts, aliases, source")
        if not isinstance(source, str) or not source.startswith(("http://", "https://")):
            raise ValueError(f"{where}: publisher {n} ({name}): 'source' must be its official site")
        if not all(isinstance(h, str) and re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", h) for h in hosts):
            raise ValueError(f"{where}: publisher {n} ({name}): 'hosts' must be lower-case host names")
        entry = Publisher(name.strip(), tuple(hosts), tuple(a.strip() for a in aliases), source)
        for host in entry.hosts:
            if host in by_host:
                raise ValueError(f"{where}: host {host!r} belongs to {by_host[host].name!r} already")
            by_host[host] = entry
        for alias in (entry.name, *entry.aliases):
            by_name[_name_key(alias)] = entry
        entries.append(entry)
    return Publishers(tuple(entries), by_host, by_name)


@lru_cache(maxsize=4)
def load_publishers(path: Path = DEFAULT_PATH) -> Publishers:
    """The packaged publishers file (its content is part of the code version that keys the cache)."""
    return parse_publishers(path.read_bytes(), path)


def _name_key(name: str) -> str:
    """Acronyms keep their case ("MAP" is not "map"); other names match whatever their case."""
    name = clean_surface(name)
    return name if name.isupper() else normalize_key(name)


def publisher_of_host(url: str, publishers: Publishers | None = None) -> Publisher | None:
    """The publisher whose host suffix the address's host ends with (the longest suffix wins:
    "echr.coe.int" before "coe.int"); None for an unknown host."""
    publishers = publishers or load_publishers()
    url = url.strip().strip("<>()[]").rstrip(".,;:")
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    labels = host.split(".")
    for i in range(len(labels) - 1):  # longest suffix first
        entry = publishers.by_host.get(".".join(labels[i:]))
        if entry is not None:
            return entry
    return None


# ----------------------------------------------------------------------------- finding it
def find_publisher(
    text: str,
    metadata: Mapping[str, str],
    entities: Sequence[Entity] = (),
    gazetteer: Gazetteer | None = None,
    publishers: Publishers | None = None,
) -> tuple[str | None, str | None]:
    """(publisher, where it comes from: front_matter, url or signature), or (None, None)."""
    source = clean_surface(str(metadata.get("source") or ""))
    if source:
        return source, FRONT_MATTER
    publishers = publishers or load_publishers()
    for url in _stated_urls(text, metadata):
        entry = publisher_of_host(url, publishers)
        if entry is not None:
            return _canonical(entry.name, gazetteer), URL
    name = _signature(text, metadata, entities, gazetteer, publishers)
    return (name, SIGNATURE) if name else (None, None)


_URL = r"(?:https?://|www\.)[^\s<>()\[\]\"',;]+"  # an address, without the punctuation that follows it
# "Source : https://...", "Source URL: <https://...>", "Publié sur www...", "Lien : ...".
_SOURCE_URL_LINE = re.compile(
    r"^[\W_]*(?:source(?:\s+url)?|url|lien(?:\s+permanent)?|publi[ée]\s+sur|en\s+ligne\s+sur)[\W_]*\s*:?\s*"
    rf"<?(?P<url>{_URL})",
    re.I,
)
_BARE_URL_LINE = re.compile(rf"^[\W_]*<?(?P<url>{_URL})>?[\W_]*$", re.I)


def _stated_urls(text: str, metadata: Mapping[str, str]) -> list[str]:
    """The addresses a release states as its own, in order: the front matter's `url`, "Source :" lines
    among the last lines, then a last line that is only an address ("Pour en savoir plus :
    https://..." points elsewhere and is not taken)."""
    urls = [str(metadata.get("url") or "").strip()]
    foot = _last_lines(text, _SOURCE_LINES)
    urls += [m.group("url") for line in foot if (m := _SOURCE_URL_LINE.match(line))]
    urls += [m.group("url") for line in foot[-_BARE_URL_LINES:] if (m := _BARE_URL_LINE.match(line))]
    return [u for u in urls if u]


def _last_lines(text: str, count: int) -> list[str]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[-count:]


# The header: "Communiqué de presse du ministère de la Pêche", "COMMUNIQUÉ – Préfecture du Var".
_HEADER = re.compile(
    r"^[\W_]*communiqu[ée]s?(?:\s+de\s+presse|\s+officiel)?"
    r"(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s*|\s*[-–—:|]\s*)(?P<body>.+)$",
    re.I,
)
# Where the publisher's name ends in a header: ", en date du", " sur ...", " du 3 mai", " (...)".
_BODY_END = re.compile(
    r"\s*(?:,|:|\(|\s[-–—|]\s|\s(?:en\s+date|sur|relatif|relative|concernant|à\s+propos|au\s+sujet|suite"
    r"|apr[eè]s|à\s+l['’]issue|pour|à\s+la\s+suite|le\s+\d|du\s+\d|en\s+\d)\b)",
    re.I,
)
# Nouns that head the name of a body ("ministère de ...", "Préfecture de ...", "Agence ...").
_BODY_HEADS = (
    "ministère|ministere|présidence|presidence|primature|gouvernement|secrétariat|secretariat|préfecture"
    "|prefecture|sous-préfecture|ambassade|consulat|mairie|ville|commune|région|region|département"
    "|departement|conseil|commission|agence|direction|délégation|delegation|service|cabinet|bureau"
    "|haut-commissariat|haute\\s+autorité|autorité|autorite|office|institut|organisation|fédération"
    "|federation|confédération|syndicat|association|comité|comite|union|fondation|banque|cour|tribunal"
    "|parquet|assemblée|assemblee|sénat|senat|collectivité|centre|observatoire|établissement|caisse"
    "|groupe|société|societe|chambre|académie|academie|université|universite|rectorat|métropole"
)
_BODY_HEAD = re.compile(rf"^(?:{_BODY_HEADS})\b", re.I)
_JOINT = re.compile(rf"\s+et\s+(?:du|de\s+la|de\s+l['’]|des|la|le|l['’])\s*(?:{_BODY_HEADS})\b", re.I)
# "Source : Préfecture du Var", "**source**: Primature" (not an address: rule 2 reads those).
_SOURCE_NAME_LINE = re.compile(r"^[\W_]*source[\W_]*\s*:\s*[\W_]*(?P<name>[^\d@/:]+?)[\W_]*$", re.I)
_CONTACT_HEADING = re.compile(
    r"^[\W_]*(?:contacts?|relations?)(?:\s+(?:presse|m[ée]dias?))?[\W_]*:?[\W_]*$", re.I
)
_NOT_A_NAME = re.compile(r"[\d@]|https?:|www\.|[.;!?]$")


def _signature(
    text: str,
    metadata: Mapping[str, str],
    entities: Sequence[Entity],
    gazetteer: Gazetteer | None,
    publishers: Publishers,
) -> str | None:
    """The publisher a release signs with: its header, a "Source : <name>" line, the first line of its
    contact block, else the one short last line that is an organisation's name."""
    known = _Known(entities, gazetteer, publishers)
    for line in _header_lines(text, metadata):
        m = _HEADER.match(line)
        if m is None:
            continue
        body = _BODY_END.split(m.group("body"), maxsplit=1)[0].strip(" \t*_.")
        if body and not _JOINT.search(body) and (known.name(body) or _BODY_HEAD.match(body)):
            return known.name(body) or capitalise(clean_surface(body))
    foot = _last_lines(text, _FOOT_LINES)
    for line in reversed(foot[-_SOURCE_LINES:]):
        m = _SOURCE_NAME_LINE.match(line)
        if m and _is_name(m.group("name")):
            body = m.group("name").strip()
            if known.name(body) or _BODY_HEAD.match(body):
                return known.name(body) or capitalise(clean_surface(body))
    names: list[str] = []
    for i, line in enumerate(foot):
        name = _cleaned(line)
        found = known.name(name) if _is_name(name) else None
        if found and i > 0 and _CONTACT_HEADING.match(foot[i - 1]):
            return found  # the first line of the closing contact block
        if found and not _heading_or_item(foot, i):
            names.append(found)
    distinct = set(names)
    return names[0] if len(distinct) == 1 else None


def _heading_or_item(lines: Sequence[str], i: int) -> bool:
    """Line i is a heading (Markdown, or followed by a paragraph: "Région des Marais" then what it does)
    or an item of a list ("Avec le soutien de :", "Partenaires :"), not a signature."""
    after = lines[i + 1] if i + 1 < len(lines) else ""
    return (
        lines[i].startswith("#")
        or len(after.split()) > _PARAGRAPH_WORDS
        or (i > 0 and _cleaned(lines[i - 1]).endswith(":"))
    )


def _header_lines(text: str, metadata: Mapping[str, str]) -> list[str]:
    """The front-matter title, then the first three non-empty lines of the text."""
    lines = [line.strip() for line in text.split("\n", 12)[:12] if line.strip()][:3]
    title = str(metadata.get("title") or "").strip()
    return [title, *lines] if title else lines


def _cleaned(line: str) -> str:
    """A line without Markdown emphasis or heading marks and trailing spaces."""
    return line.strip().strip("#*_>`").strip()


def _is_name(value: str) -> bool:
    """Short enough to be only a name, with nothing of an address, a number or a sentence."""
    words = value.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and not _NOT_A_NAME.search(value)


class _Known:
    """The names the rules accept, with their canonical form: the release's ORG entities, the
    gazetteer's bodies and the publishers' names."""

    def __init__(self, entities: Sequence[Entity], gazetteer: Gazetteer | None, publishers: Publishers):
        self.gazetteer, self.publishers = gazetteer, publishers
        self.orgs = {normalize_key(e.text): e.canonical or e.text for e in entities if e.label == "ORG"}

    def name(self, value: str) -> str | None:
        """The canonical name of `value` when it names a body (never a person or a place) that this
        release (its ORG entities, whose canonical reads the release: "Gouvernement" of a Senegalese
        release is Senegal's), the gazetteer or the publishers know."""
        value = clean_surface(value).strip(" .,:;")
        key = normalize_key(value)
        if not value or key in _PLATFORMS:
            return None
        if key in self.orgs:
            return _canonical(self.orgs[key], self.gazetteer)
        entry = self.gazetteer.lookup(value) if self.gazetteer is not None else None
        if entry is not None and entry.label == "ORG":
            return entry.canonical
        publisher = self.publishers.by_name.get(_name_key(value))
        return _canonical(publisher.name, self.gazetteer) if publisher is not None else None


def _canonical(name: str, gazetteer: Gazetteer | None) -> str:
    """The gazetteer's canonical name of a body it knows (an analyst's own gazetteer included)."""
    entry = gazetteer.lookup(name) if gazetteer is not None else None
    return entry.canonical if entry is not None else name
