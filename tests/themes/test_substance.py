"""A secondary subject is kept when the release discusses it in substance, not when one passage names
it: the police enquiry after a fire, the minister who opened a sports hall. The main subject is always
kept, and a release about two things keeps both. Releases written for these tests (invented bodies,
people and places)."""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes
from pipeline.themes.tagging import Support, ThemeScore, _in_substance

CRIME, DISASTER, ECONOMY, LABOUR = "medtop:02000000", "medtop:03000000", "medtop:04000000", "medtop:09000000"

FIRE = (
    "Incendie d'un entrepôt à Saint-Méloir : aucun blessé\n\n"
    "Un violent incendie a ravagé dans la nuit de mardi à mercredi un entrepôt de la zone d'activités de "
    "Saint-Méloir. Les sapeurs-pompiers, alertés vers deux heures du matin, ont engagé quarante hommes et "
    "douze engins pour maîtriser le feu, qui menaçait un bâtiment voisin.\n\n"
    "Le sinistre a été fixé au petit matin. Aucun blessé n'est à déplorer, mais le bâtiment de 3 000 mètres "
    "carrés est entièrement détruit. Par précaution, les habitants du lotissement voisin ont été évacués "
    "pendant trois heures en raison des fumées, puis autorisés à regagner leur domicile.\n\n"
    "Les secours restent sur place pour surveiller les foyers résiduels. Le propriétaire a porté plainte "
    "et le parquet a confié l'enquête à la gendarmerie, qui n'exclut pas un incendie criminel.\n\n"
    "La route départementale reste fermée à la circulation jusqu'à jeudi pour permettre le déblaiement."
)

STRIKE = (
    "Transports Vallon : grève des conducteurs de bus à partir de lundi\n\n"
    "Les syndicats des conducteurs de la société Transports Vallon appellent à la grève à partir de lundi. "
    "Ils réclament une hausse des salaires de 6 % et dénoncent la dégradation des conditions de travail, "
    "avec des journées de service de plus en plus longues.\n\n"
    "La direction propose une augmentation de 2,5 % et une prime annuelle. Les négociations salariales "
    "avec les représentants du personnel ont échoué vendredi, et les salariés ont voté la grève en "
    "assemblée générale.\n\n"
    "L'entreprise, dont le chiffre d'affaires a reculé de 8 % l'an dernier, affiche une perte de "
    "4 millions d'euros. Ses actionnaires exigent un plan d'économies, et la société craint de perdre "
    "le marché de la métropole, dont le contrat arrive à échéance l'an prochain.\n\n"
    "Un service minimum sera assuré sur les lignes principales aux heures de pointe."
)


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def test_one_sentence_about_the_enquiry_does_not_make_the_fire_a_crime(nlp):
    subjects = _subjects(nlp, FIRE)
    assert subjects == [DISASTER] and CRIME not in subjects


def test_a_strike_at_a_loss_making_company_is_labour_and_the_economy(nlp):
    subjects = _subjects(nlp, STRIKE)
    assert subjects[0] == LABOUR and ECONOMY in subjects


def _score(score: float) -> ThemeScore:
    return ThemeScore("medtop:04000000", "Économie", score, 3, "", 1)


def test_a_subject_in_one_sentence_is_kept_only_in_the_lead():
    one = Support(cues=3, strong=1, sentences=frozenset({7}))
    assert not _in_substance(_score(9.0), 10.0, one, lead=2, n_sentences=20)
    assert _in_substance(_score(9.0), 10.0, Support(3, 1, frozenset({2})), lead=2, n_sentences=20)


def test_a_light_subject_needs_several_cues_over_several_sentences():
    light = _score(3.0)  # under SECONDARY_SHARE of the strongest, over MIN_SHARE
    assert not _in_substance(light, 10.0, Support(2, 1, frozenset({3, 5, 8})), lead=2, n_sentences=20)
    assert _in_substance(light, 10.0, Support(4, 1, frozenset({3, 5, 8})), lead=2, n_sentences=20)
    # the same three sentences in a long release are one passage of it
    assert not _in_substance(light, 10.0, Support(4, 1, frozenset({3, 5, 8})), lead=2, n_sentences=80)
    assert not _in_substance(_score(2.0), 10.0, Support(6, 1, frozenset(range(8))), lead=2, n_sentences=20)


ENVIRONMENT = "medtop:06000000"

WILDLIFE = (
    "Des loutres observées de nouveau dans les marais de la Vire\n\n"
    "Les gardes de la réserve naturelle des marais de la Vire ont photographié au printemps une famille de "
    "loutres, un mammifère qui avait disparu de la vallée depuis quarante ans. La loutre figure parmi les "
    "espèces protégées : son retour témoigne de la meilleure qualité de l'eau de la rivière.\n\n"
    "Les bénévoles de l'association comptent aussi les oiseaux des roselières et les rapaces qui nichent "
    "dans les peupliers. Les sentiers de la réserve restent ouverts, mais les visiteurs sont priés de tenir "
    "leur chien en laisse pour ne pas déranger la faune sauvage."
)


def test_a_wildlife_release_is_the_environment_in_the_words_of_nature_conservation(nlp):
    doc = nlp(WILDLIFE)
    assert [s.theme for s in tag_themes(doc, load_taxonomy()) if s.level == 1][0] == ENVIRONMENT
    found = {s.theme: s for s in score_themes(doc, load_taxonomy())}[ENVIRONMENT].evidence.split("; ")
    assert {"réserve naturelle", "faune sauvage", "rapaces"} <= set(found)


def test_a_subject_named_only_in_words_many_fields_share_is_not_in_substance():
    # strong enough and spread enough, but not one of its unambiguous (`strong`) cues
    spread = Support(cues=5, strong=0, sentences=frozenset({3, 5, 8, 11}))
    assert not _in_substance(_score(6.0), 10.0, spread, lead=2, n_sentences=20)
    assert _in_substance(_score(6.0), 10.0, Support(5, 1, spread.sentences), lead=2, n_sentences=20)


POLITICS, SOCIETY = "medtop:11000000", "medtop:14000000"

PLANT = (
    "La coopérative laitière du Val d'Ormes investit 18 millions d'euros dans sa fromagerie\n\n"
    "Le conseil de la coopérative laitière du Val d'Ormes a pris la décision d'investir 18 millions d'euros "
    "dans la modernisation de sa fromagerie de Brécy. Ce chiffre d'affaires en hausse de 9 % et un bénéfice "
    "record permettent à l'entreprise de financer l'essentiel de l'investissement sur ses fonds propres.\n\n"
    "Après deux mois de négociations avec ses clients de la grande distribution, la coopérative a signé un "
    "accord de trois ans qui garantit ses volumes et relève le prix payé aux producteurs.\n\n"
    "Les mesures d'économies d'énergie prévues réduiront la facture de gaz de la fromagerie d'un tiers. "
    "La décision de construire une nouvelle cave d'affinage sera prise à l'automne, selon les ventes.\n\n"
    "Les éleveurs associés toucheront un complément de prix de 15 euros pour mille litres de lait livrés, "
    "versé en mars sur les résultats de l'exercice."
)


def test_decisions_negotiations_and_an_agreement_in_business_are_not_politics(nlp):
    subjects = _subjects(nlp, PLANT)
    assert subjects[0] == ECONOMY and POLITICS not in subjects


HERONS = (
    "Le retour des hérons cendrés sur l'étang de la Brenne-Haute\n\n"
    "Les agents de la réserve naturelle ont compté ce printemps 140 nids de hérons cendrés dans la "
    "roselière de l'étang, contre 60 il y a dix ans. La population de hérons a plus que doublé depuis que "
    "les berges sont protégées et que la pêche y est interdite.\n\n"
    "Les ornithologues suivent aussi la population de butors étoilés, une espèce protégée très discrète, "
    "et celle des rapaces qui chassent au-dessus des prairies humides. La faune sauvage profite de la "
    "restauration des zones humides engagée en 2018.\n\n"
    "Les visiteurs peuvent observer les oiseaux depuis deux observatoires en bois, sans déranger les "
    "couvées, jusqu'à la fin de juillet."
)


def test_a_bird_population_is_not_society(nlp):
    subjects = _subjects(nlp, HERONS)
    assert subjects[0] == ENVIRONMENT and SOCIETY not in subjects
