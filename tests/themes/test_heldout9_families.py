"""Families of errors read off the ninth held-out themes set (tests/data/themes/heldout9), each shown on
releases written for these tests (invented people, bodies and places):

- games of chance (a lottery, its jackpot, responsible gaming) are daily life and leisure, and their
  "joueur" is no sportsman: "joueur" is an ordinary sport cue, no longer a strong one;
- the fishing industry (its fleets, shipowners, fish auctions) is the economy;
- "bon marché" is cheap, not the economy's market (read off heldout3, whose research release tipped
  over to a secondary economy when the fishing cues moved the economy's word vectors);
- fashion as creation (a designer, a fashion show, couture) is the arts, not daily life's "mode";
- named diseases ("rougeole", "coqueluche", "grippe") are health cues;
- the school and its pupils or students where something else happens (an outbreak, a housing
  programme) are where and who, not what is taught: education's actors, which alone do not keep it as a
  secondary subject.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

ARTS, ECONOMY, EDUCATION = "medtop:01000000", "medtop:04000000", "medtop:05000000"
HEALTH, LEISURE, POLITICS = "medtop:07000000", "medtop:10000000", "medtop:11000000"
SPORT = "medtop:15000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


SCRATCH_CARD = (
    "Une habitante de Millau gagne un million d'euros au loto\n\n"
    "Millau, le 2 octobre — Une joueuse de 54 ans a remporté le gros lot du loto de samedi, avec une "
    "grille jouée au café du centre-ville. Elle avait déjà gagné 200 euros au même jeu l'an dernier. "
    "La Loterie du Rouergue, qui organise le tirage, indique que ce jackpot est le troisième de l'année "
    "dans l'Aveyron.\n\n"
    "« Je vais d'abord rembourser la maison », a déclaré la gagnante, qui garde son emploi de secrétaire. "
    "La loterie rappelle que les jeux d'argent comportent des risques et propose un service d'aide au "
    "jeu responsable."
)


def test_a_lottery_is_leisure_and_its_player_no_sportsman(nlp):
    subjects = _subjects(nlp, SCRATCH_CARD)
    assert subjects[0] == LEISURE and SPORT not in subjects
    leisure = _evidence(nlp, SCRATCH_CARD, LEISURE)
    assert "loto" in leisure and "jackpot" in leisure and "jeux d'argent" in leisure


MATCH = (
    "Le FC Valbrenne s'impose en finale de la coupe régionale\n\n"
    "Valbrenne, le 12 mai — Le club de football de Valbrenne a remporté dimanche la finale de la coupe "
    "régionale face à l'US Cressange (2-1), devant 3 000 spectateurs au stade municipal. Le joueur "
    "Kévin Andrieux a marqué les deux buts de son équipe. L'entraîneur salue « un match maîtrisé »."
)


def test_a_team_sport_keeps_its_players(nlp):
    assert _subjects(nlp, MATCH)[0] == SPORT
    assert "joueur" in _evidence(nlp, MATCH, SPORT)


FLEET = (
    "Thon rouge : les pêcheurs méditerranéens contestent la répartition des quotas\n\n"
    "Sète, le 9 janvier — L'association des patrons pêcheurs de Sète dénonce la répartition des quotas "
    "de thon rouge décidée par le ministère. Selon elle, la flottille sétoise perdrait 40 % de ses "
    "débarquements et la criée de Sète 6 millions d'euros de ventes en 2027.\n\n"
    "Les armateurs demandent une compensation pour les navires immobilisés et une réunion avec le "
    "ministre avant la fin du mois. « Nos bateaux restent à quai alors que le stock se porte bien », "
    "regrette Pascal Orsini, porte-parole de l'association."
)


def test_the_fishing_industry_is_the_economy(nlp):
    assert ECONOMY in _subjects(nlp, FLEET)
    economy = _evidence(nlp, FLEET, ECONOMY)
    assert {"patron pêcheur", "flottille", "criée", "armateur"} <= set(economy)


FASHION = (
    "Le couturier Adrien Mollet présente sa collection au château de Valmy-sur-Loire\n\n"
    "Blois, le 14 juin — Le créateur de mode Adrien Mollet présentera sa nouvelle collection lors d'un "
    "défilé de mode dans la cour d'honneur du château, le 28 juin. Les robes, brodées à la main par les "
    "couturières de sa maison de couture, s'inspirent des tapisseries du château."
)


def test_fashion_design_is_the_arts_not_daily_life(nlp):
    subjects = _subjects(nlp, FASHION)
    assert subjects[0] == ARTS and LEISURE not in subjects
    assert "créateur de mode" in _evidence(nlp, FASHION, ARTS)
    assert "mode" not in _evidence(nlp, FASHION, LEISURE)


WHOOPING_COUGH = (
    "Coqueluche : cinq cas dans une crèche et une école de Figeac\n\n"
    "Figeac, le 3 mars — Cinq cas de coqueluche ont été confirmés chez des enfants d'une crèche et "
    "d'une école maternelle de Figeac. Les familles des élèves exposés sont contactées une à une, et un "
    "rappel de vaccin est proposé aux adultes qui les entourent.\n\n"
    "« La coqueluche est grave chez le nourrisson : la vaccination des femmes enceintes et de l'entourage "
    "est la meilleure protection », rappelle le docteur Lucie Ferrand. Les élèves qui toussent doivent "
    "consulter un médecin avant de revenir à l'école."
)


def test_a_named_disease_is_health(nlp):
    assert "coqueluche" in _evidence(nlp, WHOOPING_COUGH, HEALTH)
    assert "rougeole" in _evidence(nlp, "La rougeole progresse : trois cas de rougeole à Dole.", HEALTH)


def test_an_outbreak_at_school_is_not_education(nlp):
    assert _subjects(nlp, WHOOPING_COUGH) == [HEALTH]


TEACHING = (
    "Rentrée : un plan de lecture pour les élèves de CP dans l'académie de Dijon\n\n"
    "Dijon, le 1er septembre — Les enseignants des écoles de l'académie suivront une formation sur "
    "l'apprentissage de la lecture. Les élèves de CP auront chaque jour trente minutes de lecture à voix "
    "haute, et les professeurs recevront un guide pédagogique.\n\n"
    "Le rectorat a consacré 2 millions d'euros à l'achat de livres pour les bibliothèques de classe. "
    "« Lire, c'est la clé de tous les apprentissages », souligne la rectrice, Annick Perrault."
)


def test_teaching_with_pupils_stays_education(nlp):
    assert _subjects(nlp, TEACHING)[0] == EDUCATION


CHEAP = (
    "Un nouveau catalyseur pour l'hydrogène\n\n"
    "Grenoble, le 5 avril — Des chercheurs du laboratoire de physique des matériaux ont conçu un catalyseur "
    "bon marché, à base de fer plutôt que de platine. Le fer est abondant et bien meilleur marché ; les "
    "premiers essais montrent un rendement proche des meilleurs catalyseurs connus."
)


def test_cheap_is_not_the_market(nlp):
    assert "marché" not in _evidence(nlp, CHEAP, ECONOMY)
    assert _subjects(nlp, CHEAP) == ["medtop:13000000"]
