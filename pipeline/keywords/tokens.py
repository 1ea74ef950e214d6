"""The token columns the extraction reads, taken from the document's TokenTable (shared with the other
stages) plus the three attributes only keyphrases need."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from ..token_strings import decode
from ..token_table import TokenTable, token_table


class Tokens(NamedTuple):
    """The attributes of a document's tokens that the extraction reads, as columns indexed by token (Doc
    index). Read in bulk with Doc.to_array: Token objects are slow to build and to read, and one Python
    object per token would cost about as much again."""

    text: list[str]
    lower: list[str]
    pos: list[str]  # coarse POS tag name ("NOUN")
    lemma: list[str]
    ent_type: list[str]  # "" outside entities
    ent_iob: list[str]  # "B", "I", "O" or ""
    whitespace: list[str]  # " " or "" after the token
    is_space: list[int]  # 0 / 1 flags
    like_num: list[int]
    idx: list[int]  # character offset in the text
    verb_form: list[list[str]]  # VerbForm values of the morphology
    tense: list[list[str]]

    def prev_pos(self, i: int) -> str:
        """POS of the token before token i in the document ("" for the first one)."""
        return self.pos[i - 1] if i else ""


_IOB = {0: "", 1: "I", 2: "O", 3: "B"}


def read_tokens(doc: Doc, table: TokenTable | None = None) -> tuple[Tokens, str]:
    """The tokens of `doc` and its text: the document's TokenTable (read once for every stage; `table`
    when the caller has it already) and the three attributes only keyphrases need (lemma, entity type
    and IOB)."""
    if not len(doc):
        return Tokens([], [], [], [], [], [], [], [], [], [], [], []), ""
    if table is None:
        table = token_table(doc)
    lemma, ent, iob = doc.to_array(["LEMMA", "ENT_TYPE", "ENT_IOB"]).T.tolist()
    strings = doc.vocab.strings
    tokens = Tokens(
        text=table.words,
        lower=table.lower,
        pos=table.pos,
        lemma=decode(strings, lemma),
        ent_type=decode(strings, ent),
        ent_iob=[_IOB.get(v, "") for v in iob],
        whitespace=[" " if s else "" for s in table.spaced],
        is_space=table.space,
        like_num=table.num,
        idx=table.idx,
        verb_form=table.morph("VerbForm"),
        tense=table.morph("Tense"),
    )
    return tokens, table.text
