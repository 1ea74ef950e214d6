"""Themes: taxonomy loading (and its errors), cue matching rules, assignment on press releases written for
these tests (digital policy and other topics), the threshold and the document x theme matrix."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.themes import (
    DEFAULT_TAXONOMY,
    TaxonomyError,
    ThemeScore,
    load_taxonomy,
    normalize_word,
    score_themes,
    tag_themes,
    theme_matrix,
)

GUIDELINE_IDS = {
    "intelligence_artificielle", "ethique_confiance", "securite", "regulation_gouvernance",
    "cooperation_internationale", "donnees_vie_privee", "inegalites_inclusion", "haine_desinformation",
    "telecoms_infrastructures", "sante", "innovation_economie", "education_sensibilisation", "environnement",
}  # fmt: skip

PRESS_RELEASES = {
    "5g": (
        "Couverture mobile : 2 000 nouveaux pylônes 4G et 5G dans les zones rurales\n"
        "Le ministre délégué chargé des télécommunications a présenté ce mardi le bilan du programme "
        "de couverture mobile des territoires. Les opérateurs se sont engagés à installer 2 000 "
        "nouveaux sites 4G d'ici 2026 et à accélérer le déploiement de la 5G dans les communes "
        "rurales.\n"
        "Le raccordement à la fibre optique progresse également : 80 % des foyers sont désormais "
        "éligibles au très haut débit. L'Arcep contrôlera chaque trimestre le respect des engagements "
        "de couverture et publiera une carte de la qualité des réseaux mobiles."
    ),
    "telemedecine": (
        "Santé : le gouvernement généralise la télémédecine dans les hôpitaux de proximité\n"
        "La ministre de la Santé a annoncé un plan de 300 millions d'euros pour équiper les hôpitaux "
        "de proximité en téléconsultation. Les patients des zones sous-dotées pourront consulter un "
        "médecin spécialiste à distance.\n"
        "Les professionnels de santé seront accompagnés pour adopter ces nouveaux outils. Les données "
        "de santé échangées seront hébergées chez un hébergeur certifié, conformément au RGPD."
    ),
    "desinfo": (
        "Élections européennes : les plateformes appelées à renforcer la lutte contre la "
        "désinformation\n"
        "À l'approche du scrutin, le gouvernement a réuni les principaux réseaux sociaux pour faire "
        "le point sur la lutte contre la désinformation et les ingérences étrangères. Plusieurs "
        "campagnes de manipulation de l'information visant les électeurs ont été détectées ces "
        "derniers mois.\n"
        "Les plateformes se sont engagées à retirer plus rapidement les faux comptes, à signaler les "
        "hypertrucages et à coopérer avec les fact-checkers. Le règlement européen sur les services "
        "numériques (DSA) leur impose d'évaluer les risques systémiques pour les processus "
        "électoraux."
    ),
    "cnil": (
        "Protection des données : la CNIL sanctionne un courtier en données à hauteur de 5 millions "
        "d'euros\n"
        "La Commission nationale de l'informatique et des libertés (CNIL) a prononcé une amende de 5 "
        "millions d'euros contre une société qui revendait des données personnelles sans le "
        "consentement des personnes concernées.\n"
        "La formation restreinte a relevé plusieurs manquements au RGPD : absence de base légale, "
        "durée de conservation excessive et information insuffisante des personnes. La société "
        "dispose de trois mois pour se mettre en conformité, sous peine d'astreinte."
    ),
    "inclusion": (
        "Inclusion numérique : 4 000 conseillers numériques pour accompagner les Français éloignés du "
        "numérique\n"
        "Treize millions de Français sont en difficulté avec les outils numériques. Pour réduire la "
        "fracture numérique, l'État finance 4 000 conseillers numériques qui accompagnent "
        "gratuitement les personnes âgées, les demandeurs d'emploi et les personnes en situation de "
        "handicap dans leurs démarches en ligne.\n"
        "L'accessibilité des services publics en ligne sera également renforcée afin qu'aucun usager "
        "ne soit laissé pour compte."
    ),
    "festival": (
        "La Fête de la musique célèbre sa 42e édition\n"
        "Partout en France, des milliers de concerts gratuits animeront les rues le 21 juin. Les "
        "organisateurs attendent plus de dix millions de spectateurs dans les villes et les villages.\n"
        "Cette année, la manifestation met à l'honneur les chorales amateurs et les jeunes talents. "
        "Le ministère de la Culture rappelle les consignes de sécurité pour les grands rassemblements "
        "et invite chacun à profiter de la fête."
    ),
    "agriculture": (
        "Agriculture : un plan de soutien aux éleveurs touchés par la sécheresse\n"
        "Le ministre de l'Agriculture a annoncé une aide d'urgence de 150 millions d'euros pour les "
        "éleveurs victimes de la sécheresse. Les exploitations les plus touchées pourront bénéficier "
        "d'un report de leurs cotisations sociales.\n"
        "Un outil d'intelligence artificielle sera expérimenté dans deux départements. Les chambres "
        "d'agriculture accompagneront les exploitants dans leurs démarches, et le dispositif sera "
        "évalué à la fin de l'année."
    ),
    "datacenters": (
        "Numérique responsable : réduire l'empreinte environnementale des centres de données\n"
        "Le numérique représente 2,5 % de l'empreinte carbone nationale. Le gouvernement publie une "
        "feuille de route pour réduire la consommation énergétique des centres de données et allonger "
        "la durée de vie des équipements.\n"
        "Les nouveaux centres de données devront récupérer leur chaleur fatale et s'alimenter en "
        "électricité bas carbone. Un référentiel d'écoconception des services numériques sera rendu "
        "obligatoire afin de limiter les émissions de gaz à effet de serre et la production de "
        "déchets électroniques."
    ),
    "ransomware": (
        "Cyberattaque contre un centre hospitalier : l'ANSSI mobilisée\n"
        "Un centre hospitalier a été victime dans la nuit d'une attaque par rançongiciel qui a "
        "paralysé son système d'information. Les urgences ont été réorientées vers les hôpitaux "
        "voisins et les opérations non urgentes ont été reportées.\n"
        "L'Agence nationale de la sécurité des systèmes d'information (ANSSI) accompagne "
        "l'établissement pour rétablir les services. Le gouvernement rappelle que le programme de "
        "cybersécurité des hôpitaux finance l'audit et la sécurisation des établissements de santé "
        "les plus exposés à la menace."
    ),
    "ecole": (
        "Éducation : l'initiation au code et à l'intelligence artificielle entre au collège\n"
        "Dès la rentrée, tous les élèves de cinquième suivront un module d'initiation à la "
        "programmation et à l'intelligence artificielle. Les enseignants de technologie et de "
        "mathématiques bénéficieront d'une formation de trois jours.\n"
        "Le ministère de l'Éducation nationale publie également un guide pour sensibiliser les "
        "familles aux usages des écrans et aux risques des réseaux sociaux. Les compétences "
        "numériques des élèves seront évaluées en fin de troisième."
    ),
    "startups": (
        "French Tech : 500 millions d'euros pour les start-up de l'intelligence artificielle\n"
        "Le gouvernement annonce un nouveau fonds de 500 millions d'euros pour financer la croissance "
        "des start-up françaises spécialisées dans l'intelligence artificielle. Ce programme "
        "d'investissement vise à faire émerger des champions capables de rivaliser à l'international.\n"
        "Les entreprises retenues bénéficieront d'un accompagnement pour accéder aux marchés "
        "européens et recruter des talents. L'écosystème français compte déjà plus de 1 000 start-up "
        "dans l'IA, qui ont levé 2 milliards d'euros l'an dernier."
    ),
    "aiact": (
        "Le Conseil de l'UE adopte le règlement sur l'intelligence artificielle\n"
        "Les États membres ont adopté définitivement le règlement européen sur l'intelligence "
        "artificielle, premier cadre juridique au monde pour l'IA. Le texte classe les systèmes d'IA "
        "selon leur niveau de risque et interdit certaines pratiques, comme la notation sociale.\n"
        "Les fournisseurs de systèmes d'IA à haut risque devront respecter des obligations de "
        "transparence, de contrôle humain et de gestion des risques. Chaque État membre désignera une "
        "autorité de surveillance du marché chargée de veiller à la conformité des systèmes mis sur "
        "le marché."
    ),
}


# Themes a reader expects (all must be assigned) and themes a reader would find wrong (none may be).
EXPECTED = {
    "5g": ({"telecoms_infrastructures"}, {"sante", "intelligence_artificielle", "haine_desinformation"}),
    "telemedecine": (
        {"sante"},
        {"telecoms_infrastructures", "haine_desinformation", "intelligence_artificielle"},
    ),
    "desinfo": ({"haine_desinformation"}, {"sante", "environnement", "education_sensibilisation"}),
    "cnil": (
        {"donnees_vie_privee", "regulation_gouvernance"},
        {"sante", "innovation_economie", "haine_desinformation"},
    ),
    "inclusion": ({"inegalites_inclusion"}, {"sante", "securite", "intelligence_artificielle"}),
    "festival": (set(), GUIDELINE_IDS),  # a cultural event: no digital-policy theme at all
    "agriculture": (set(), GUIDELINE_IDS),  # one passing "intelligence artificielle" is not a theme
    "datacenters": ({"environnement", "telecoms_infrastructures"}, {"sante", "haine_desinformation"}),
    "ransomware": ({"securite", "sante"}, {"haine_desinformation", "environnement"}),
    "ecole": ({"education_sensibilisation", "intelligence_artificielle"}, {"sante", "environnement"}),
    "startups": (
        {"innovation_economie", "intelligence_artificielle"},
        {"sante", "securite", "haine_desinformation"},
    ),
    "aiact": (
        {"intelligence_artificielle", "regulation_gouvernance"},
        {"sante", "environnement", "haine_desinformation"},
    ),
}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def minimal(data_dir):
    return load_taxonomy(data_dir / "taxonomy_minimal.toml")


# ----------------------------------------------------------------------------- loading
def test_default_taxonomy(taxonomy):
    assert [t.id for t in taxonomy.subjects] == [f"medtop:{n:02d}000000" for n in range(1, 18)]
    level2 = {t.id: t for t in taxonomy.themes if t.level == 2}
    assert set(level2) > GUIDELINE_IDS and len(level2) >= 25
    assert all(t.parent in {s.id for s in taxonomy.subjects} for t in level2.values())
    assert level2["securite"].parent == "medtop:02000000" and level2["sante"].parent == "medtop:07000000"
    assert all(t.label.strip() and len(t.cues) >= 8 for t in taxonomy.themes)
    assert all(t.description for t in taxonomy.subjects) and taxonomy.max_subjects == 3
    assert taxonomy.theme("sante").label == "Santé"
    assert taxonomy.threshold == 4.0 and taxonomy.max_hits_per_cue == 3
    assert len(taxonomy.version) == 16 and taxonomy.version == load_taxonomy(DEFAULT_TAXONOMY).version


def test_version_follows_the_content(tmp_path):
    copy = tmp_path / "taxonomy.toml"
    shutil.copy(DEFAULT_TAXONOMY, copy)
    same = load_taxonomy(copy).version
    copy.write_text(copy.read_text(encoding="utf-8").replace("threshold = 4.0", "threshold = 5.0"), "utf-8")
    changed = load_taxonomy(copy)
    assert same == load_taxonomy().version and changed.version != same and changed.threshold == 5.0


def test_extends_the_default_taxonomy(data_dir):
    tax = load_taxonomy(data_dir / "taxonomy_extends.toml")
    assert set(tax.ids) == set(load_taxonomy().ids) | {"agriculture"}
    assert tax.theme("agriculture").level == 2 and tax.theme("agriculture").parent == ""
    assert tax.threshold == 5.0 and tax.version != load_taxonomy().version


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("threshold = 4.0\n", "no [themes.<id>] table"),
        ("[themes.sante]\ncues = ['santé']\n", "needs a non-empty label"),
        ("[themes.sante]\nlabel = 'Santé'\n", "needs at least one cue"),
        ("[themes.sante]\nlabel = 'Santé'\ncues = 'santé'\n", "cues must be a list of strings"),
        ("[themes.sante]\nlabel = 'Santé'\nstrong = ['santé', 3]\n", "strong must be a list of strings"),
        ("[themes.sante]\nlabel = 'Santé'\ncues = ['de la']\n", "has no content word"),
        ("[themes.sante]\nlabel = 'Santé'\ncues = ['santé']\nkeywords = ['x']\n", "unknown key(s) keywords"),
        ("[themes.SANTE]\nlabel = 'Santé'\ncues = ['santé']\n", "ids are lower-case"),
        ("[themes.sante]\nlabel = 'Santé'\nparent = 'x:1'\ncues = ['santé']\n", "is not a level-1 theme"),
        ("[themes.'x:1']\nlabel = 'X'\nparent = 'x:2'\ncues = ['santé']\n", "is not a level-1 theme"),
        ("[themes.'x:1']\nlabel = 'X'\nlevel = 3\ncues = ['santé']\n", "level must be 1 or 2"),
        ("max_subjects = 0\n[themes.s]\nlabel = 'S'\ncues = ['santé']\n", "max_subjects must be"),
        (
            "threshold = -1\n[themes.sante]\nlabel = 'Santé'\ncues = ['santé']\n",
            "threshold must be a number > 0",
        ),
        ("max_hits_per_cue = 0\n[themes.s]\nlabel = 'S'\ncues = ['santé']\n", "max_hits_per_cue must be"),
        ("seuil = 3\n[themes.sante]\nlabel = 'Santé'\ncues = ['santé']\n", "unknown top-level key(s) seuil"),
        ("extends = 'other'\n[themes.s]\nlabel = 'S'\ncues = ['santé']\n", 'extends must be "default"'),
    ],
)
def test_bad_taxonomy_files(tmp_path, content, message):
    path = tmp_path / "mine.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(path)
    text = str(err.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_unreadable_taxonomy_files(tmp_path, data_dir):
    with pytest.raises(TaxonomyError, match="invalid TOML"):
        load_taxonomy(data_dir / "taxonomy_broken.toml")
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "missing.toml")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("[themes.sante]\nlabel = 'Santé'\ncues = ['santé']\n".encode("latin-1"))
    with pytest.raises(TaxonomyError, match="not UTF-8"):
        load_taxonomy(latin1)
    assert issubclass(TaxonomyError, ValueError)


# ----------------------------------------------------------------------------- matching rules
@pytest.mark.parametrize(
    ("a", "b"),
    [("Données", "donnée"), ("personnelles", "personnel"), ("réseaux", "réseau"),
     ("internationaux", "international"), ("européenne", "européen"), ("cyber-sécurité", "cybersécurité")],
)  # fmt: skip
def test_normalize_word_folds_inflection(a, b):
    assert normalize_word(a) == normalize_word(b)


def test_normalize_word_keeps_words_apart():
    assert normalize_word("santé") != normalize_word("sans")
    assert normalize_word("loi") != normalize_word("lien")


def evidence(nlp, taxonomy, text: str) -> dict[str, ThemeScore]:
    return {s.theme: s for s in score_themes(nlp(text), taxonomy)}


def test_phrase_cue_skips_articles_and_inflection(nlp, minimal):
    found = evidence(nlp, minimal, "Nous renforçons la protection de leurs données.")
    assert found["donnees"].evidence == "protection des données" and found["donnees"].hits == 1
    assert found["donnees"].score == 2.0  # the longest cue wins: "données" is not counted again


def test_phrase_cue_does_not_cross_punctuation(nlp, minimal):
    found = evidence(nlp, minimal, "Priorité à la protection. Des données seront publiées.")
    assert found["donnees"].evidence == "données" and found["donnees"].score == 1.0


def test_capital_cue_matches_only_capitals(nlp, minimal):
    assert evidence(nlp, minimal, "L'IA progresse.")["ia"].evidence == "IA"
    assert "ia" not in evidence(nlp, minimal, "Il passe via Lyon, puis ia et Ia sont cités.")


def test_prefix_cue_and_hyphens(nlp, minimal):
    found = evidence(nlp, minimal, "La cybersécurité, les cyberattaques et la cyber-sécurité des réseaux.")
    assert found["donnees"].hits == 4 and "cyber*" in found["donnees"].evidence


def test_occurrences_of_a_cue_are_capped(nlp, minimal):
    found = evidence(nlp, minimal, "Données, données, données, données et encore des données.")
    assert found["donnees"].hits == 5 and found["donnees"].score == 2.0  # max_hits_per_cue = 2


# ----------------------------------------------------------------------------- assignment
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_press_releases_get_the_themes_a_reader_expects(nlp, taxonomy, name):
    must, must_not = EXPECTED[name]
    assigned = {s.theme for s in tag_themes(nlp(PRESS_RELEASES[name]), taxonomy)}
    assert must <= assigned
    assert not (assigned - must) & must_not


def test_a_passing_word_does_not_assign_a_theme(nlp, taxonomy):
    doc = nlp(PRESS_RELEASES["agriculture"])
    seen = {s.theme: s for s in score_themes(doc, taxonomy)}
    assert seen["intelligence_artificielle"].hits == 1  # the mention is seen...
    assert "intelligence_artificielle" not in {s.theme for s in tag_themes(doc, taxonomy)}  # ...not enough


def test_threshold_is_adjustable(nlp, taxonomy):
    doc = nlp(PRESS_RELEASES["datacenters"])
    default = tag_themes(doc, taxonomy)
    assert [s.theme for s in tag_themes(doc, taxonomy, threshold=1.0)] != [s.theme for s in default]
    assert len(tag_themes(doc, taxonomy, threshold=1.0)) > len(default)
    unreachable = tag_themes(doc, taxonomy, threshold=1000.0)
    assert [(s.level, s.weak) for s in unreachable] == [(1, True)]  # only the strongest subject, flagged
    assert all(s.score >= taxonomy.threshold for s in default)


def test_theme_scores_are_sorted_and_explained(nlp, taxonomy):
    fields = [f.name for f in dataclasses.fields(ThemeScore)]
    assert fields == ["theme", "label", "score", "hits", "evidence", "level", "parent", "weak"]
    scores = [s for s in tag_themes(nlp(PRESS_RELEASES["ransomware"]), taxonomy) if s.level == 2]
    assert [(s.score, s.theme) for s in scores] == sorted(
        ((s.score, s.theme) for s in scores), key=lambda x: (-x[0], x[1])
    )
    security = next(s for s in scores if s.theme == "securite")
    assert security.label == "Sécurité" and security.hits >= len(security.evidence.split("; "))
    assert "rançongiciel" in security.evidence and "ANSSI" in security.evidence


# ----------------------------------------------------------------------------- matrix
def test_theme_matrix(taxonomy):
    themes = pd.DataFrame(
        {
            "doc_id": ["b", "b", "a", "zzz", "a"],
            "theme": ["sante", "securite", "environnement", "sante", "not_a_theme"],
            "score": [6.0, 4.5, 8.0, 9.0, 3.0],
        }
    )
    m = theme_matrix(themes, ["b", "a", "c"], taxonomy)
    assert list(m.columns) == ["doc_id", *taxonomy.ids]
    assert list(m["doc_id"]) == ["b", "a", "c"]
    assert m.loc[0, "sante"] == 6.0 and m.loc[0, "securite"] == 4.5 and m.loc[1, "environnement"] == 8.0
    assert m.drop(columns="doc_id").to_numpy().sum() == 18.5  # unknown documents and themes are ignored
    assert (m.loc[2, taxonomy.ids] == 0.0).all()
    empty = theme_matrix(pd.DataFrame(columns=["doc_id", "theme", "score"]), ["x"], taxonomy)
    assert empty.shape == (1, 1 + len(taxonomy.ids)) and empty.loc[0, "sante"] == 0.0
    assert list(m.columns[1:18]) == [t.id for t in taxonomy.subjects]  # level 1 first, then level 2


def test_matrix_follows_a_custom_taxonomy(data_dir):
    tax = load_taxonomy(data_dir / "taxonomy_extends.toml")
    m = theme_matrix(pd.DataFrame({"doc_id": ["d"], "theme": ["agriculture"], "score": [7.0]}), ["d"], tax)
    assert "agriculture" in m.columns and m.loc[0, "agriculture"] == 7.0


def test_files_are_data_not_code(tmp_path):
    # A user adds a theme in their own file, without touching code.
    mine = tmp_path / "mine.toml"
    mine.write_text(
        "extends = 'default'\n[themes.culture]\nlabel = 'Culture'\nstrong = ['concerts', 'musique']\n",
        "utf-8",
    )
    assert "culture" in load_taxonomy(Path(mine)).ids
