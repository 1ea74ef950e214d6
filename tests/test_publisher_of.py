"""The publisher a release states when its front matter names none (documents.source, source_origin).

Every release, body and host here is invented, except the general publishers of the data file."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pipeline.canonical import load_gazetteer, normalize_key
from pipeline.publisher_of import find_publisher, load_publishers, parse_publishers, publisher_of_host

GAZETTEER = load_gazetteer()

BODY = (
    "Le programme de rénovation des ponts communaux entre dans sa deuxième phase. Douze ouvrages "
    "seront repris d'ici la fin de l'année, pour un montant de 4 millions d'euros.\n\n"
    "Les travaux commenceront par le pont de Kervignac, fermé à la circulation depuis le printemps.\n"
)


@dataclass
class Org:
    """An entity mention as the entity stage gives it."""

    text: str
    canonical: str
    label: str = "ORG"


def publisher(
    text: str, metadata: dict[str, str] | None = None, entities=()
) -> tuple[str | None, str | None]:
    return find_publisher(text, metadata or {}, entities, GAZETTEER)


# --- 1. the front matter ---------------------------------------------------------------------------


def test_front_matter_source_wins_over_what_the_text_states() -> None:
    text = "Communiqué du ministère des Armées\n\n" + BODY + "\nSource : https://www.elysee.fr\n"
    assert publisher(text, {"source": "Syndicat des eaux du Léguer"}) == (
        "Syndicat des eaux du Léguer",
        "front_matter",
    )


# --- 2. an address of a known publisher ------------------------------------------------------------


def test_front_matter_url_of_a_known_host_names_its_publisher() -> None:
    meta = {"url": "https://www.interieur.gouv.fr/actualites/communiques/plan-grand-froid"}
    assert publisher(BODY, meta) == ("Ministère de l'Intérieur", "url")


@pytest.mark.parametrize(
    "last_line",
    [
        "Source URL: <https://agriculture-rurale.ec.europa.eu/programme/ponts>",
        "Source : https://agriculture-rurale.ec.europa.eu, le 4 mars 2025",
        "**Source** https://agriculture-rurale.ec.europa.eu/programme/ponts.",
        "https://agriculture-rurale.ec.europa.eu/programme/ponts",
    ],
)
def test_a_source_line_or_a_bare_address_at_the_end_names_the_publisher_of_its_host(last_line: str) -> None:
    # a subdomain of a publisher's host is the publisher's
    assert publisher(BODY + "\n" + last_line + "\n") == ("Commission européenne", "url")


INVENTED = b"""
[[publisher]]
name = "Conseil de Valmorin"
hosts = ["valmorin.int"]
source = "https://valmorin.int"

[[publisher]]
name = "Cour de Valmorin"
hosts = ["cour.valmorin.int"]
source = "https://cour.valmorin.int"
"""


def test_the_longest_host_suffix_wins() -> None:
    invented = parse_publishers(INVENTED)
    assert publisher_of_host("https://arrets.cour.valmorin.int/fr", invented).name == "Cour de Valmorin"
    assert publisher_of_host("https://docs.valmorin.int/rapport", invented).name == "Conseil de Valmorin"
    assert publisher_of_host("https://www.unesco.org/fr/articles/x").name == "UNESCO"
    # a host that only ends with the same letters is not the publisher's
    assert publisher_of_host("https://www.pun.org/x") is None
    assert publisher_of_host("not a url at all") is None


def test_every_publisher_the_gazetteer_knows_has_the_gazetteers_canonical_name() -> None:
    for entry in load_publishers().entries:
        known = GAZETTEER.lookup(entry.name)
        assert known is None or known.canonical == entry.name, entry.name


def test_an_unknown_or_a_pointed_to_address_gives_no_publisher() -> None:
    # an unknown host: nothing (not the host itself)
    assert publisher(BODY, {"url": "https://comite-des-ponts.github.io/2025/03/04/travaux.html"}) == (
        None,
        None,
    )
    # a link the release points its reader to is not its own address
    assert publisher(BODY + "\nPour en savoir plus : https://www.economie.gouv.fr/plan-ponts\n") == (
        None,
        None,
    )
    # a "Source :" address in the middle of the text cites data, it does not sign
    cited = "Source : https://www.insee.fr/fr/statistiques\n\n" + BODY + "\n" + BODY + "\n" + BODY
    assert publisher(cited) == (None, None)


# --- 3. a signature --------------------------------------------------------------------------------


def test_a_header_naming_a_body_signs_the_release() -> None:
    text = (
        "Communiqué de presse du ministère de la Pêche et de l'Aquaculture, en date du 4 mars 2025\n\n" + BODY
    )
    assert publisher(text) == ("Ministère de la Pêche et de l'Aquaculture", "signature")
    dashed = "COMMUNIQUÉ – Préfecture des Côtes-d'Armor\n\n" + BODY
    assert publisher(dashed) == ("Préfecture des Côtes-d'Armor", "signature")


def test_a_header_title_in_the_front_matter_and_a_known_body_take_the_gazetteers_name() -> None:
    meta = {"title": "Communiqué du ministère de l'europe et des affaires étrangères sur les ponts"}
    assert publisher(BODY, meta) == ("Ministère de l'Europe et des Affaires étrangères", "signature")


def test_a_joint_or_a_persons_header_is_no_signature() -> None:
    joint = "Communiqué conjoint du ministère de la Mer et de la préfecture maritime\n\n" + BODY
    assert publisher(joint) == (None, None)
    two = "Communiqué du ministère de la Mer et du ministère de la Pêche\n\n" + BODY
    assert publisher(two) == (None, None)
    person = "Communiqué de presse de Maëlle Trévidic, maire de Kervignac\n\n" + BODY
    assert publisher(person) == (None, None)


def test_a_source_name_line_at_the_end_signs_the_release() -> None:
    text = (
        BODY
        + "\n---\n\n**source**: Direction des routes du Morbihan\n\n**Date de publication**: 2025-03-04\n"
    )
    assert publisher(text) == ("Direction des routes du Morbihan", "signature")


def test_a_news_agency_signing_on_a_line_of_its_own() -> None:
    text = BODY + "\nAFP\nCrédits photo : Yann Le Floc'h\n"
    assert publisher(text) == ("Agence France-Presse", "signature")


def test_the_first_line_of_the_contact_block_is_the_publisher() -> None:
    text = (
        BODY
        + "\n## Contact presse\n\nAssociation des riverains du Scorff  \nMaison des associations  \n"
        + "12 rue des Tanneurs  \n56700 Hennebont\ncontact@riverains-scorff.example\n"
    )
    entities = [
        Org("Association des riverains du Scorff", "Association des riverains du Scorff"),
        Org("Maison des associations", "Maison des associations"),
    ]
    assert publisher(text, entities=entities) == ("Association des riverains du Scorff", "signature")


def test_an_org_entity_alone_on_a_last_line_signs_with_its_canonical_name() -> None:
    text = BODY + "\nSyndicat mixte du Blavet\n"
    entities = [Org("Syndicat mixte du Blavet", "Syndicat mixte du bassin du Blavet")]
    assert publisher(text, entities=entities) == ("Syndicat mixte du bassin du Blavet", "signature")
    # a line the entity stage did not take as an organisation's name (and no data knows) is not one
    assert publisher(text) == (None, None)


def test_a_release_that_mentions_or_quotes_bodies_gets_no_publisher() -> None:
    text = (
        "Les élus de Kervignac ont rencontré le ministère de l'Intérieur au sujet des ponts.\n\n"
        + BODY
        + "\n« Nous suivrons ce dossier de près », a indiqué l'AFP citant un porte-parole.\n"
    )
    entities = [
        Org("ministère de l'Intérieur", "Ministère de l'Intérieur"),
        Org("AFP", "Agence France-Presse"),
    ]
    assert publisher(text, entities=entities) == (None, None)


def test_persons_places_platforms_and_two_names_at_the_end_are_no_signature() -> None:
    assert publisher(BODY + "\nMaëlle Trévidic\n") == (None, None)  # a person, not an organisation
    assert publisher(BODY + "\nSuivez-nous\nFacebook\nLinkedIn\n") == (None, None)
    partner = BODY + "\nAvec le soutien de :\nSyndicat mixte du Blavet\n"
    assert publisher(partner, entities=[Org("Syndicat mixte du Blavet", "Syndicat mixte du Blavet")]) == (
        None,
        None,
    )
    about = "## Syndicat mixte du Blavet\n\nCréé en 1998, il regroupe les communes riveraines du fleuve."
    assert publisher(
        BODY + "\n" + about, entities=[Org("Syndicat mixte du Blavet", "Syndicat mixte du Blavet")]
    ) == (
        None,
        None,
    )
    heading = BODY + "\nSyndicat mixte du Blavet\n" + BODY.split("\n")[0]  # a name, then a paragraph
    assert publisher(heading, entities=[Org("Syndicat mixte du Blavet", "Syndicat mixte du Blavet")]) == (
        None,
        None,
    )
    two = BODY + "\nAFP\nReuters\n"
    assert publisher(two) == (None, None)  # two agencies: which one is unclear


def test_an_address_of_a_known_publisher_wins_over_a_signature() -> None:
    text = (
        "Communiqué de la préfecture du Finistère\n\n" + BODY + "\nSource : https://www.interieur.gouv.fr\n"
    )
    assert publisher(text) == ("Ministère de l'Intérieur", "url")


def test_a_bad_publishers_file_says_which_entry_in_one_line() -> None:
    with pytest.raises(ValueError, match="publisher 1"):
        parse_publishers(b'[[publisher]]\nname = "X"\nhosts = ["x.example"]\n')
    with pytest.raises(ValueError, match="belongs to"):
        parse_publishers(
            b'[[publisher]]\nname = "A"\nhosts = ["a.example"]\nsource = "https://a.example"\n'
            b'[[publisher]]\nname = "B"\nhosts = ["a.example"]\nsource = "https://a.example"\n'
        )
    assert normalize_key("Agence France-Presse") in load_publishers().by_name


# --- in the per-document pass ------------------------------------------------------------------------


def test_the_documents_row_takes_the_publisher_of_the_release(nlp) -> None:
    from pipeline.analysis import Settings, analyse_batch
    from pipeline.reading import Document

    text = "Communiqué de presse de la Fédération bretonne des pêcheurs à pied\n\n" + BODY
    documents = [
        Document("a", text),
        Document("b", text, metadata={"source": "Union des ports du Trégor"}),
        Document("c", BODY),
    ]
    rows = {d.doc_id: r["documents"][0] for d, r in analyse_batch(documents, nlp, Settings.load())}
    assert (rows["a"]["source"], rows["a"]["source_origin"]) == (
        "Fédération bretonne des pêcheurs à pied",
        "signature",
    )
    assert (rows["b"]["source"], rows["b"]["source_origin"]) == ("Union des ports du Trégor", "front_matter")
    assert (rows["c"]["source"], rows["c"]["source_origin"]) == (None, None)
