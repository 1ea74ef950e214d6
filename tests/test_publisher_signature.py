"""Where a release signs: letterhead, "À propos de X", the contact block's press office (invented
releases and bodies)."""

from __future__ import annotations

from pipeline.publisher_signature import signature

BODY = (
    "La digue du port de Kervignac sera renforcée à partir du 3 mars. Les travaux dureront six mois et "
    "la circulation sur le quai sera réduite à une voie pendant toute leur durée.\n\n"
    "Une réunion publique est prévue en mairie pour présenter le calendrier aux riverains et aux "
    "pêcheurs, qui pourront poser leurs questions aux services techniques.\n"
)


def known_of(*names: str):
    """What the release (its ORG entities) or the data know: these names, as written."""
    table = {n.casefold(): n for n in names}
    return lambda value: table.get(" ".join(value.split()).casefold())


NOTHING = known_of()


def test_a_letterhead_in_capitals_takes_the_case_the_text_writes_it_in() -> None:
    text = "VILLE DE PORT-LOUVEL\n\nTravaux sur la digue du port\n\n" + BODY
    text += "\nLa ville de Port-Louvel remercie les riverains de leur patience.\n"
    assert signature(text, {}, NOTHING) == "Ville de Port-Louvel"
    # never written otherwise: its case cannot be told, so no name
    assert signature("VILLE DE PORT-LOUVEL\n\n" + BODY, {}, NOTHING) is None


def test_a_prefect_signs_for_the_prefecture_below_the_mark_of_the_state() -> None:
    text = (
        "RÉPUBLIQUE FRANÇAISE\nPRÉFÈTE DES HAUTES-BRUMES\nLiberté\nÉgalité\nFraternité\n\n"
        "Arrêté de circulation sur le quai pendant les travaux de la digue\n\n"
        + BODY
        + "\nLa préfète des Hautes-Brumes appelle chacun à la prudence.\n"
    )
    assert signature(text, {}, NOTHING) == "Préfecture des Hautes-Brumes"


def test_two_letterhead_bodies_or_a_title_are_no_signature() -> None:
    court = "COUR D'APPEL DE BRÉZOLLES\nTRIBUNAL JUDICIAIRE DE VAL-SAUVIN\n\n" + BODY
    court += "\nLa cour d'appel de Brézolles et le tribunal judiciaire de Val-Sauvin sont saisis.\n"
    assert signature(court, {}, NOTHING) is None
    title = "Conseil municipal : le budget adopté\n\n" + BODY
    assert signature(title, {}, NOTHING) is None
    office = "Direction de la communication\n\n" + BODY
    assert signature(office, {}, NOTHING) is None


def test_the_one_about_section_names_the_company() -> None:
    text = (
        BODY
        + "\n**À propos de Zorblatex**\nZorblatex recycle les plastiques agricoles depuis 2011 et emploie "
        + "240 personnes en Bretagne.\n\nContact presse : Maëlle Trévidic – 06 00 00 00 00\n"
    )
    assert signature(text, {}, known_of("Zorblatex")) == "Zorblatex"
    # a name nothing knows as an organisation's is not taken
    assert signature(text, {}, NOTHING) is None


def test_two_about_sections_are_a_joint_release() -> None:
    text = (
        BODY
        + "\nÀ propos de Zorblatex\nZorblatex recycle les plastiques agricoles.\n"
        + "\nÀ propos de Kelvimar\nKelvimar construit des bateaux de pêche.\n"
    )
    assert signature(text, {}, known_of("Zorblatex", "Kelvimar")) is None


def test_the_press_office_of_a_body_in_the_contact_block() -> None:
    def closing(first_line: str) -> str:
        return BODY + "\nContact presse\n" + first_line + "\n3 rue du Port – 56700 Kervignac\n"

    assert signature(closing("Service presse de la Région des Marais"), {}, NOTHING) == "Région des Marais"
    assert (
        signature(closing("Agence de l'eau Sauvin-Brume – Service communication"), {}, NOTHING)
        == "Agence de l'eau Sauvin-Brume"
    )
    assert (
        signature(closing("Direction de la communication – Université de Kervignac"), {}, NOTHING)
        == "Université de Kervignac"
    )
    # the office of a body it does not name, or a person: nothing
    assert signature(closing("Service presse de la Ville"), {}, NOTHING) is None
    assert signature(closing("Maëlle Trévidic – chargée de communication"), {}, NOTHING) is None
