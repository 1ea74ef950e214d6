"""Families of errors read off the sixth held-out themes set (tests/data/themes/heldout6), each shown on
releases written for these tests (invented people, bodies and places):

- a person's story (a great age, generations of a family, a town's medal) is human interest, and the
  school she left at twelve, the pensioners' club and the town's medal are not education nor sport;
- a computer attack is a crime: "cyberattaque", "rançongiciel", "accès frauduleux" speak for justice,
  and the attack's words are not technology's;
- the names of school tracks and diplomas ("voie technologique", "institut universitaire de
  technologie") are not technology;
- a street market ("le marché hebdomadaire", "les marchés de producteurs") is not the
  economy's "marché";
- an e-mail address, a software house's trade, a customer's bank details are not technology;
- "enfants" is no cue of education: a family's children are not a school's.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

CRIME, ECONOMY, EDUCATION = "medtop:02000000", "medtop:04000000", "medtop:05000000"
HUMAN, LEISURE, SCIENCE, SPORT = "medtop:08000000", "medtop:10000000", "medtop:13000000", "medtop:15000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


BIRTHDAY = (
    "Marcel Tournadre, doyen de la commune de Lavergne, fête ses 103 ans\n\n"
    "Lavergne, le 4 juin — Marcel Tournadre a soufflé ses 103 bougies dimanche, entouré de ses "
    "petits-enfants et de ses cinq arrière-petits-enfants. Né en 1923 dans une famille de meuniers, il a "
    "quitté l'école à treize ans pour travailler au moulin de son père.\n\n"
    "Centenaire depuis trois ans, il joue encore aux cartes au club des aînés chaque mardi et cultive son "
    "potager. La maire lui a remis la médaille de la ville, sous les applaudissements de ses voisins.\n\n"
    "« Mon meilleur souvenir ? Le jour de mon mariage, au printemps 1947 », confie-t-il, ému."
)


def test_a_great_age_and_a_family_gathering_are_human_interest(nlp):
    subjects = _subjects(nlp, BIRTHDAY)
    assert subjects[0] == HUMAN
    assert SPORT not in subjects and EDUCATION not in subjects


def test_the_pensioners_club_the_town_medal_and_a_childhood_school_speak_for_no_other_field(nlp):
    assert "club" not in _evidence(nlp, BIRTHDAY, SPORT) and "médaille" not in _evidence(nlp, BIRTHDAY, SPORT)
    assert "école" not in _evidence(nlp, BIRTHDAY, EDUCATION)
    human = _evidence(nlp, BIRTHDAY, HUMAN)
    assert {"arrière-petits-enfants", "médaille de la ville", "centenaire"} <= set(human)


RANSOMWARE = (
    "La mutuelle Horizon Santé Prévoyance visée par un rançongiciel\n\n"
    "La mutuelle Horizon Santé Prévoyance a subi le 12 février une cyberattaque qui a paralysé ses "
    "services en ligne pendant quatre jours. Les pirates informatiques réclament une rançon en "
    "cryptomonnaie en échange de la clé de déchiffrement.\n\n"
    "La direction a porté plainte pour accès frauduleux et extorsion. Le parquet a saisi la brigade de "
    "lutte contre la cybercriminalité, et l'enquête devra établir si des adhérents ont été victimes d'un "
    "vol de données.\n\n"
    "Les adhérents peuvent joindre la mutuelle par téléphone ou à l'adresse électronique indiquée sur leur "
    "carte."
)


def test_a_computer_attack_is_a_crime_in_its_own_words(nlp):
    assert _subjects(nlp, RANSOMWARE)[0] == CRIME
    crime = set(_evidence(nlp, RANSOMWARE, CRIME))
    assert {"cyberattaque", "rançongiciel", "accès frauduleux", "cybercriminalité", "vol de données"} <= crime


def test_the_attack_and_an_email_address_are_not_technology(nlp):
    assert SCIENCE not in _subjects(nlp, RANSOMWARE)
    science = _evidence(nlp, RANSOMWARE, SCIENCE)
    assert "cyber" not in science and "électronique" not in science and "données" not in science


def test_a_software_house_and_bank_details_are_not_technology_cues(nlp):
    text = (
        "Le groupe Delvaux, éditeur de logiciels de paie, recrute cent conseillers. Il rappelle à ses "
        "clients qu'il ne leur demande jamais leurs coordonnées bancaires par courrier électronique."
    )
    # no cue of technology's (a word-vector vote, "~électronique", may remain)
    assert [w for w in _evidence(nlp, text, SCIENCE) if not w.startswith("~")] == []


TRACKS = (
    "Lycée Jean-Rostand de Ferrières : trois nouvelles sections à la rentrée\n\n"
    "Le lycée Jean-Rostand de Ferrières ouvrira en septembre une section de la voie technologique "
    "consacrée au design et aux métiers d'art. Ses élèves prépareront un baccalauréat technologique puis "
    "pourront poursuivre en brevet de technicien supérieur ou à l'institut universitaire de technologie "
    "voisin.\n\n"
    "Les enseignants ont préparé avec les familles un parcours de découverte des formations, et les "
    "collégiens pourront assister à des cours lors des portes ouvertes du 14 mars."
)


def test_school_tracks_named_after_technology_are_education_only(nlp):
    subjects = _subjects(nlp, TRACKS)
    assert subjects[0] == EDUCATION and SCIENCE not in subjects
    assert not {"technologique", "technologie"} & set(_evidence(nlp, TRACKS, SCIENCE))


MARKET = (
    "La place centrale de Rioux rénovée\n\n"
    "Après huit mois de travaux, la place centrale de Rioux a retrouvé ses platanes, ses bancs et sa "
    "fontaine. Le marché hebdomadaire du samedi y reprend ses quartiers dès cette semaine, et les marchés "
    "de producteurs du vendredi soir reviendront en juillet, avec une buvette et des jeux pour les enfants."
)


def test_a_street_market_is_not_the_economys_market(nlp):
    assert "marché" not in _evidence(nlp, MARKET, ECONOMY)
    leisure = set(_evidence(nlp, MARKET, LEISURE))
    assert "marché de producteurs" in leisure  # "le marché hebdomadaire" is neutral: hidden, no vote


RESCUE = (
    "Une passante sauve deux enfants de la noyade à Saint-Quay-sur-Rance\n\n"
    "Saint-Quay-sur-Rance, le 9 août — Mère de trois enfants, Aurélie Kerhervé se promenait avec les "
    "siens sur la digue quand elle a vu deux enfants emportés par le courant. Elle s'est jetée à l'eau "
    "tout habillée et les a ramenés sur la plage, épuisés mais sains et saufs.\n\n"
    "Les deux enfants, des cousins de sept et neuf ans, ont été examinés par les pompiers puis rendus à "
    "leurs parents. Le maire lui remettra samedi la médaille de la ville pour cet acte de courage.\n\n"
    "« Je n'ai pas réfléchi, j'aurais voulu qu'on fasse la même chose pour les miens », a-t-elle confié, "
    "encore émue."
)


def test_a_familys_children_are_not_education(nlp):
    subjects = _subjects(nlp, RESCUE)
    assert HUMAN in subjects and EDUCATION not in subjects
    assert "enfants" not in _evidence(nlp, RESCUE, EDUCATION)
