"""Attribution forms read off the eleventh held-out set's errors (tests/data/quotes/heldout11): a quote
after a noun kept when an incise right after it says whose words they are, "selon ses mots", a short
complement between commas before the inverted subject, "selon" before a body named by a common noun,
role nouns of vineyards, hydrology and family, "le PDG" for the "président-directeur général" named
before, and a name the model read as a body in apposition after a role. Every sentence here is written
for these tests."""

from __future__ import annotations

from tests.quotes.test_extract import run

ODILE = ("Odile Mercadier", "PER", "Odile Mercadier")
LOIC = ("Loïc Bertheau", "PER", "Loïc Bertheau")


def said(quotes) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_canonical or q.speaker) for q in quotes]


def test_a_quote_after_a_noun_with_an_incise_after_it(nlp) -> None:
    text = (
        "Loïc Bertheau dirige la scierie depuis 2019. Il évoque des commandes "
        "« bien plus nombreuses que l'an dernier », a-t-il souligné."
    )
    assert said(run(nlp, text, LOIC)) == [("bien plus nombreuses que l'an dernier", "Loïc Bertheau")]


def test_a_short_term_after_a_noun_stays_out_even_with_an_incise(nlp) -> None:
    text = "Loïc Bertheau dirige la scierie. Il parle d'un « hiver compliqué », a-t-il souligné."
    assert run(nlp, text, LOIC) == []


def test_selon_ses_mots_is_the_person_spoken_of(nlp) -> None:
    text = (
        "Odile Mercadier a ouvert la séance. Elle a décrit un chantier "
        "« lent mais désormais enfin bien lancé », selon ses mots."
    )
    [q] = run(nlp, text, ODILE)
    assert q.text == "lent mais désormais enfin bien lancé"
    assert (q.speaker_canonical, q.verb) == ("Odile Mercadier", None)


def test_a_complement_between_commas_before_the_inverted_subject(nlp) -> None:
    text = "« Le pont sera rouvert avant l'hiver », a assuré, devant la presse, la directrice du chantier."
    [q] = run(nlp, text)
    assert q.speaker == "la directrice du chantier" and q.verb == "assurer"


def test_selon_a_body_named_by_a_common_noun(nlp) -> None:
    text = "Selon la coopérative, « les livraisons de lait reprendront dès jeudi matin »."
    [q] = run(nlp, text)
    assert q.speaker == "la coopérative"


def test_vineyard_and_family_role_nouns(nlp) -> None:
    [q] = run(nlp, "« La vigne a souffert du gel d'avril », constate une viticultrice du Jura.")
    assert q.speaker == "une viticultrice du Jura"
    text = (
        "Odile Mercadier, dont la fille a été blessée sur ce passage, demande un feu. "
        "« Il faut qu'un adulte soit là chaque matin », insiste la mère de famille."
    )
    [q] = run(nlp, text, ODILE)
    assert (q.speaker, q.speaker_canonical) == ("la mère de famille", "Odile Mercadier")


def test_le_pdg_is_the_president_directeur_general_named_before(nlp) -> None:
    text = (
        "« Nous recrutons trente techniciens », annonce Loïc Bertheau, président-directeur général de "
        "la société.\n\nLa nouvelle usine ouvrira en mars. « Elle tournera jour et nuit », précise le PDG."
    )
    quotes = run(nlp, text, LOIC)
    assert said(quotes) == [
        ("Nous recrutons trente techniciens", "Loïc Bertheau"),
        ("Elle tournera jour et nuit", "Loïc Bertheau"),
    ]
    assert quotes[0].speaker_role.startswith("président-directeur général")


def test_a_name_read_as_a_body_after_a_role_is_a_person(nlp) -> None:
    text = (
        "Pour la présidente de l'association, Odile Mercadier, "
        "« ce terrain doit rester ouvert à tous les enfants du quartier »."
    )
    [q] = run(nlp, text, ("Odile Mercadier", "ORG", "Odile Mercadier"))
    assert q.speaker_canonical == "Odile Mercadier"
