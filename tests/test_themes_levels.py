"""The two levels of themes: IPTC subjects (level 1) over finer themes (level 2), on releases written for
these tests (invented names and places)."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.themes import load_taxonomy, score_themes, tag_themes
from pipeline.themes.vectors import subject_vectors, vector_votes

POLITICS, JUSTICE, ECONOMY, RELIGION = (
    "medtop:11000000",
    "medtop:02000000",
    "medtop:04000000",
    "medtop:12000000",
)
SPORT, WAR, SOCIETY, ENVIRONMENT = "medtop:15000000", "medtop:16000000", "medtop:14000000", "medtop:06000000"

RELEASES = {
    "verdict": (
        "Le tribunal correctionnel de Valbrune a rendu son jugement ce jeudi dans l'affaire des marchés "
        "truqués. L'ancien directeur de la société Ormelin a été condamné à deux ans de prison avec sursis "
        "et à une amende de 50 000 euros. Son avocat a annoncé qu'il ferait appel de la décision.\n"
        "Le procureur avait requis une peine plus lourde. Les deux autres prévenus ont été relaxés par la "
        "cour, qui a estimé que les preuves de leur participation à la fraude étaient insuffisantes."
    ),
    "ceasefire": (
        "La France salue l'annonce d'un cessez-le-feu entre les deux parties au conflit dans la région de "
        "Morvalie. Après trois semaines de combats qui ont fait de nombreuses victimes civiles, les armes "
        "doivent désormais se taire.\n"
        "Le ministre des Affaires étrangères appelle les belligérants à respecter la trêve et à reprendre "
        "sans délai les négociations de paix sous l'égide des Nations unies. La France se tient prête à "
        "soutenir le processus de paix et l'acheminement de l'aide humanitaire."
    ),
    "stadium": (
        "La fédération de handball inaugure son nouveau centre d'entraînement à Piervale. Les équipes "
        "nationales masculine et féminine y prépareront les prochains championnats du monde.\n"
        "Le président de la fédération a remercié les clubs et les bénévoles qui font vivre ce sport. "
        "Le centre accueillera aussi des tournois de jeunes joueurs et des stages pour les entraîneurs "
        "de toute la région."
    ),
    "pilgrimage": (
        "Le ministère des Affaires religieuses a réuni les organisateurs du pèlerinage annuel. Plus de "
        "dix mille pèlerins sont attendus cette année dans les lieux saints.\n"
        "Les agences agréées devront garantir le transport, l'hébergement et l'encadrement médical des "
        "fidèles. Les autorités religieuses rappellent que la prière collective aura lieu à la grande "
        "mosquée au terme du voyage."
    ),
    "recycling": (
        "Une nouvelle usine de recyclage des déchets plastiques ouvre ses portes à Brenoise. Elle traitera "
        "chaque année 30 000 tonnes de déchets ménagers et permettra de réduire la pollution des rivières.\n"
        "Cette installation s'inscrit dans la transition écologique du territoire et dans l'économie "
        "circulaire: le plastique recyclé sera revendu aux industriels de la région, ce qui limitera les "
        "émissions de gaz à effet de serre."
    ),
}

EXPECTED = {  # the subject a reader files the release under first, and subjects that would be wrong
    "verdict": (JUSTICE, {SPORT, RELIGION, WAR}),
    "ceasefire": (WAR, {SPORT, RELIGION, JUSTICE}),
    "stadium": (SPORT, {JUSTICE, RELIGION, WAR}),
    "pilgrimage": (RELIGION, {SPORT, WAR, JUSTICE}),
    "recycling": (ENVIRONMENT, {SPORT, RELIGION, WAR, JUSTICE}),
}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def subjects(nlp, taxonomy, text: str):
    return [s for s in tag_themes(nlp(text), taxonomy) if s.level == 1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_release_gets_the_subject_a_reader_expects(nlp, taxonomy, name):
    first, wrong = EXPECTED[name]
    found = subjects(nlp, taxonomy, RELEASES[name])
    assert 1 <= len(found) <= 3 and found[0].theme == first and not found[0].weak
    assert not {s.theme for s in found} & wrong
    assert all(s.theme.startswith("medtop:") and s.parent == "" for s in found)


def test_level_two_rows_name_their_parent(nlp, taxonomy):
    rows = tag_themes(nlp(RELEASES["ceasefire"]), taxonomy)
    level2 = {s.theme: s for s in rows if s.level == 2}
    assert level2["securite_defense"].parent == WAR and not level2["securite_defense"].weak
    assert [s.level for s in rows] == sorted(s.level for s in rows)  # subjects first


def test_a_short_text_without_evidence_gets_no_subject(nlp, taxonomy):
    assert subjects(nlp, taxonomy, "Merci de votre lecture.") == []


def test_a_long_text_without_evidence_gets_one_weak_subject(nlp, taxonomy):
    text = " ".join(
        ["Le comité remercie chaleureusement tous les participants de la rencontre de mardi."] * 6
    )
    found = subjects(nlp, taxonomy, text)
    assert len(found) == 1 and found[0].weak


@pytest.fixture
def family(tmp_path):
    path = tmp_path / "family.toml"
    path.write_text(
        "threshold = 4.0\n"
        "[themes.'demo:sport']\nlabel = 'Sport'\nstrong = ['stade']\n"
        "[themes.natation]\nlabel = 'Natation'\nparent = 'demo:sport'\nstrong = ['piscine', 'nageurs']\n",
        "utf-8",
    )
    return load_taxonomy(path)


def test_a_child_alone_does_not_make_its_parent_a_subject(nlp, family):
    alone = {
        s.theme: s for s in tag_themes(nlp("La piscine accueille les nageurs. La piscine rouvre."), family)
    }
    assert "natation" in alone and "demo:sport" not in alone
    seen = {
        s.theme: s for s in score_themes(nlp("La piscine accueille les nageurs. La piscine rouvre."), family)
    }
    assert (
        seen["demo:sport"].score > 0 and "[natation]" in seen["demo:sport"].evidence
    )  # evidence all the same
    both = {s.theme for s in tag_themes(nlp("Le stade et la piscine accueillent les nageurs."), family)}
    assert {"natation", "demo:sport"} <= both


def test_a_taxonomy_without_iptc_keeps_one_level(nlp, tmp_path):
    path = tmp_path / "flat.toml"
    path.write_text("[themes.vins]\nlabel = 'Vins'\nstrong = ['vendanges', 'viticulteurs']\n", "utf-8")
    flat = load_taxonomy(path)
    assert flat.subjects == () and flat.theme("vins").level == 2
    text = "Les vendanges commencent. " + "Les viticulteurs de la vallée se réjouissent du beau temps. " * 8
    assert [(s.theme, s.level, s.weak) for s in tag_themes(nlp(text), flat)] == [("vins", 2, False)]


def test_extends_adds_a_child_under_an_iptc_subject(nlp, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        "extends = 'default'\n"
        "[themes.viticulture]\nlabel = 'Viticulture'\nparent = 'medtop:04000000'\n"
        "strong = ['vendanges', 'viticulteurs', 'vignoble']\n"
        "[themes.'medtop:17000000']\nlabel = 'Météo et climat'\nstrong = ['météo', 'grêle']\n",
        "utf-8",
    )
    mine = load_taxonomy(path)
    assert (
        mine.theme("viticulture").parent == ECONOMY
        and mine.theme("medtop:17000000").label == "Météo et climat"
    )
    assert len(mine.subjects) == 17


def test_cues_match_through_lemmas(nlp, tmp_path):
    path = tmp_path / "lemmas.toml"
    path.write_text("[themes.peines]\nlabel = 'Peines'\nstrong = ['condamner']\n", "utf-8")
    found = {
        s.theme: s for s in score_themes(nlp("Les deux hommes ont été condamnés hier."), load_taxonomy(path))
    }
    assert found["peines"].hits == 1


def test_word_vectors_speak_for_the_nearest_subject_only(nlp, taxonomy):
    vectors = subject_vectors(taxonomy, nlp.vocab)
    assert vectors is not None and len(vectors.ids) == 17
    # A word near every subject ("samedi", "soirée") votes for none.
    votes = vector_votes(Counter({"plaidoirie": 2, "samedi": 3, "soirée": 1}), vectors, nlp.vocab)
    assert votes == {JUSTICE: Counter({"plaidoirie": 2})}
    # Words of every release never vote, whatever subject their vector leans to ("semaine" leans to
    # leisure since its games-of-chance cues): they are not content lemmas.
    from pipeline.themes.vectors import _usable

    assert [_usable(w) for w in ("semaine", "jour", "année", "plaidoirie")] == ["", "", "", "plaidoirie"]
