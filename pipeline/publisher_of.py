"""Who publishes a release that names no `source` in its front matter: `documents.source`.

An analyst pivots on the publisher (`pipeline compare --by source`), so a wrong value is worse than an
empty one: each rule below takes only what the release states in a place where releases state their
publisher, and gives nothing when that is unclear. In order:

1. the front matter's `source` (or the HTML page's site name that `pipeline add` wrote there);
2. an address the release states -- its front-matter `url`, a "Source : https://..." or "Source URL:"
   line near the end, a last line that is only an address -- whose host belongs to a publisher of
   data/publishers.toml (an unknown host gives nothing: "github.io" or a newsroom's CDN is no name);
3. a signature (pipeline/publisher_signature.py): the header "Communiqué du ministère de ...", a
   letterhead, a "Source : <name>" line, the "À propos de X" section, the contact block, a last line
   that is only an organisation's name (an ORG entity of the release, a body of the gazetteer or a
   publisher's name such as a news agency's).

Not done: the body a release speaks as ("l'Organisation continuera ...", its Director-General quoted):
a release about a body and one by it read alike, so that rule would not be precise.

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

from .canonical import Gazetteer, clean_surface, normalize_key
from .publisher_signature import last_lines, signature

__all__ = ["Publisher", "find_publisher", "load_publishers", "publisher_of_host"]

DEFAULT_PATH = Path(__file__).parent / "data" / "publishers.toml"

FRONT_MATTER, URL, SIGNATURE = "front_matter", "url", "signature"
_SOURCE_LINES = 5  # a "Source :" line is the release's own only at its very end
_BARE_URL_LINES = 3  # the footer of a page copied with its address

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
    "cour.example.int" before "example.int"); None for an unknown host."""
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
    name = signature(text, metadata, _Known(entities, gazetteer, publishers).name)
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
    foot = last_lines(text, _SOURCE_LINES)
    urls += [m.group("url") for line in foot if (m := _SOURCE_URL_LINE.match(line))]
    urls += [m.group("url") for line in foot[-_BARE_URL_LINES:] if (m := _BARE_URL_LINE.match(line))]
    return [u for u in urls if u]


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
