"""Gazetteer names written in the text: multi-word names (any case, any spacing, either apostrophe)
and acronyms (exact). Lower-case long forms the model misses ("organisation mondiale de la santé")
are found this way.

Each kind is one regex, an alternation of every name, longest first, so that the longest name wins at
a position. Tried name by name at every position of every document, that is slow; two things make it
fast without changing what it finds: the alternation is written as a prefix tree ("Union
(?:européenne|africaine)"), its branches merged or reordered only where they cannot match the same
text; and the multi-word regex is tried only where the text has the first word of a name
(FirstWordSearch).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.canonical import Gazetteer

from .context import Context
from .lexicon import is_common_word
from .records import Candidate
from .shapes import is_acronym, is_cap

_SPACE = r"\s+"
_APOSTROPHE = r"\s*['’]\s*"
_END = ""  # the end of a name: a branch of its own, never merged
_Node = list[tuple[str, "_Node"]]
_BMP = "".join(map(chr, range(0x10000)))
_REGEX_CACHE: dict[str, tuple[FirstWordSearch | None, re.Pattern | None, dict[str, str]]] = {}


def _simple_letter(ch: str) -> bool:
    """A Latin character whose case-insensitive matches are those of its lower-case form."""
    return ord(ch) < 0x250 and len(ch.lower()) == 1 and len(ch.upper().lower()) == 1


def _case_key(atom: str) -> str | None:
    """What a one-character atom matches ignoring case; None when not sure (then never reordered)."""
    return atom.upper().lower() if len(atom) == 1 and _simple_letter(atom) else None


def _name_atoms(name: str, ignore_case: bool) -> list[str]:
    """A name as regex atoms: one per character (lower case when the regex ignores case), whitespace
    runs, apostrophes of either style with optional spaces around."""
    if not ignore_case:
        return list(name)
    atoms: list[str] = []
    for part in re.split(r"(\s+|['’])", name):
        if not part:
            continue
        if part.isspace():
            atoms.append(_SPACE)
        elif part in ("'", "’"):
            atoms.append(_APOSTROPHE)
        else:
            atoms.extend(ch.lower() if _simple_letter(ch) else ch for ch in part)
    return atoms


def _disjoint(a: str, b: str, ignore_case: bool) -> bool:
    """Two atoms no character matches both of."""
    if a == _END or b == _END or len(a) != 1 or len(b) != 1:
        return False
    if not ignore_case:
        return a != b
    ka, kb = _case_key(a), _case_key(b)
    return ka is not None and kb is not None and ka != kb


def _insert(node: _Node, atoms: list[str], ignore_case: bool) -> None:
    """Add a name after the ones already in the tree: it joins an earlier branch with the same first
    atom only when every branch in between starts with an atom that cannot match the same text."""
    atom = atoms[0] if atoms else _END
    if atom != _END:
        for child_atom, child in reversed(node):
            if child_atom == atom:
                _insert(child, atoms[1:], ignore_case)
                return
            if not _disjoint(child_atom, atom, ignore_case):
                break
    child_node: _Node = []
    node.append((atom, child_node))
    if atom != _END:
        _insert(child_node, atoms[1:], ignore_case)


def _render(node: _Node) -> str:
    parts = [
        atom
        if atom == _END
        else (atom if atom in (_SPACE, _APOSTROPHE) else re.escape(atom)) + _render(child)
        for atom, child in node
    ]
    return "" if not parts else parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def names_regex(names: list[str], ignore_case: bool, not_after: str, not_before: str) -> re.Pattern:
    """(?:name1|name2|...), longest name first, written as a prefix tree; a name does not start
    right after a character of the class `not_after`, nor end before one of `not_before`."""
    root: _Node = []
    for name in sorted(names, key=len, reverse=True):
        _insert(root, _name_atoms(name, ignore_case), ignore_case)
    simple_starts = all(len(atom) == 1 for atom, _ in root)
    if ignore_case or not simple_starts:
        # a class of the first characters lets the engine skip most positions at once
        first_class = "(?=[" + "".join(re.escape(a) for a, _ in root) + "])" if simple_starts else ""
        pattern = f"(?<!{not_after}){first_class}{_render(root)}(?!{not_before})"
        return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    # exact case: every branch starts with its first character, then looks behind it, which lets the
    # engine look for those characters alone before trying a name
    branches = [re.escape(a) + rf"(?<!{not_after}[\s\S])" + _render(child) for a, child in root]
    return re.compile("(?:" + "|".join(branches) + f")(?!{not_before})")


@lru_cache(maxsize=4096)
def _exotic_variants(ch: str) -> frozenset[str]:
    """Characters the regex engine takes for `ch` when it ignores case but that do not lower-case to
    `ch` lower-cased ("ſ" for "s", "ı" for "i"), or that lower-case by context ("Σ"). Only characters
    of the BMP: outside it, letters of other alphabets, never equal to a BMP letter ignoring case."""
    variants = re.findall(re.escape(ch), _BMP, re.IGNORECASE)
    return frozenset(v for v in variants if v.lower() != ch.lower() or v == "Σ")


class FirstWordSearch:
    """`regex.finditer(text)` for a case-insensitive names regex, the regex being tried only where the
    lower-cased text has the first word of a name (str.find is much faster than the regex engine at
    every position). Exact as long as lower-casing the text keeps the characters that the regex takes
    for a letter of a first word, ignoring case, equal to that letter lower-cased; the few characters
    for which it does not ("ſ" is an "s" to the regex) send the text to the plain regex."""

    def __init__(self, regex: re.Pattern, names: list[str]) -> None:
        self.regex = regex
        firsts = {re.split(r"\s+|['’]", name, maxsplit=1)[0] for name in names}
        letters = set("".join(firsts))
        self.words = sorted({first.lower() for first in firsts})
        self.usable = all(self.words) and all(len(ch.lower()) == 1 for ch in letters)
        exotic = set().union(*map(_exotic_variants, letters)) if self.usable else set()
        self.exotic = re.compile("[" + "".join(map(re.escape, sorted(exotic))) + "]") if exotic else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        lowered = text.lower()
        if not self.usable or len(lowered) != len(text) or (self.exotic and self.exotic.search(text)):
            yield from self.regex.finditer(text)
            return
        starts: set[int] = set()
        for word in self.words:
            i = lowered.find(word)
            while i != -1:
                starts.add(i)
                i = lowered.find(word, i + 1)
        end = 0
        for i in sorted(starts):  # a regex scan from left to right, tried where a name can start
            if i >= end:
                m = self.regex.match(text, i)
                if m is not None:
                    end = m.end()
                    yield m


def gazetteer_regexes(gaz: Gazetteer) -> tuple[FirstWordSearch | None, re.Pattern | None, dict[str, str]]:
    """Two regexes over the text: multi-word names (case-insensitive) and acronyms (exact)."""
    if gaz.version in _REGEX_CACHE:
        return _REGEX_CACHE[gaz.version]
    long_names, acronyms, single = [], [], {}
    for entry in gaz.entries:
        for name in entry.names:
            if is_acronym(name):
                acronyms.append(name)
            elif len(name.split()) > 1:
                long_names.append(name)
            else:
                single[name] = entry.canonical
    long_re = FirstWordSearch(names_regex(long_names, True, r"\w", r"\w"), long_names) if long_names else None
    acr_re = names_regex(acronyms, False, r"[\w-]", r"[\w-]") if acronyms else None
    _REGEX_CACHE[gaz.version] = (long_re, acr_re, single)
    return long_re, acr_re, single


def gazetteer_candidates(ctx: Context) -> list[Candidate]:
    """Gazetteer names written in the text, including lower-case long forms the model misses."""
    long_re, acr_re, single = gazetteer_regexes(ctx.gaz)
    out: list[Candidate] = []
    for regex in (long_re, acr_re):
        if regex is None:
            continue
        for m in regex.finditer(ctx.text):
            span = ctx.token_span(m.start(), m.end())
            if span is None or any(ctx.contact[k] for k in range(*span)):
                continue
            entry = ctx.lookup(m.group())
            if entry is None:
                continue
            if len(m.group().split()) < 3 and not is_cap(m.group()):
                continue  # "quai d'Orsay" the street; the lower-case match is for long official names
            out.append(Candidate(*span, entry.label, "gazetteer", cue=entry.label, fixed=True))
    for i, word in enumerate(ctx.words):
        # at a line start only a word that is no common word ("Twitter :", not "Gouvernement")
        if word in single and (not ctx.initial[i] or not is_common_word(word)):
            entry = ctx.lookup(word)
            if entry is not None:
                out.append(Candidate(i, i + 1, entry.label, "gazetteer", cue=entry.label, fixed=True))
    return out
