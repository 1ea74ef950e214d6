"""French word classes the entity rules are written with: general French, written for this package,
lower-case (compared with a token's lower-case form). None of them knows a document. Role nouns,
role adjectives, courtesy titles and time words are shared with the quote attribution
(pipeline/french_words.py); the classes here add what only the entity rules need."""

from __future__ import annotations

from pipeline import french_words
from pipeline.french_words import COURTESY_TITLES, ROLE_ADJECTIVES, ROLE_NOUNS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words(
    """le la les l' l’ un une des du de d' d’ au aux ce cet cette ces son sa ses leur leurs notre nos votre
    vos mon ma mes ton ta tes"""
)
LEADING_FUNCTION_WORDS = _words(
    """à a en dans sur sous par pour avec sans chez vers selon contre entre depuis après avant dès et ou ni
    mais car donc or quant lors via malgré outre"""
)
HONORIFICS = COURTESY_TITLES | _words(
    """m mm mlles mgr dr. pr. se s.e sm s.m. mademoiselle messieurs mesdames monseigneur sir lord lady dame
    majesté excellence altesse sainteté sœur soeur"""
)
# functions and titles: out of the span, into `role`
ROLE_HEADS = frozenset(ROLE_NOUNS) | _words(
    """présidents présidence coprésident coprésidente co-président co-présidente ministres secrétaires
    directeurs directrices sous-directeur sous-directrice chefs commissaires ambassadeurs conseillers
    députés sénateurs maires roi reine prince princesse empereur impératrice pape cardinal abbé évêque
    archevêque général maréchal amiral colonel lieutenant comte comtesse duc duchesse baron baronne
    marquis marquise vicomte vice-chancelier vicechancelier professeur professeure docteur juge ceo
    expert experte experts premier première membre fonctionnaire"""
)
# roles whose complement is a portfolio, not a body ("ministre de la Culture et des Sports ...")
PORTFOLIO_HEADS = _words(
    """ministre ministres secrétaire secrétaires commissaire commissaires délégué déléguée chargé chargée
    président présidente"""
)
ROLE_MODIFIERS = frozenset(ROLE_ADJECTIVES) | _words(
    """généraux chargé chargée chargés chargées honoraire principal principale d'état d'etat ministre
    premier première fédéral fédérale national nationale régional régionale"""
)
# head nouns of names: the name is an organisation / an event, law, programme ...
ORG_HEADS = _words(
    """ministère agence commission conseil comité cour tribunal parlement assemblée sénat gouvernement
    office autorité institut institute université university école ecole centre fondation foundation
    association fédération alliance organisation organization banque fonds groupe bureau secrétariat
    service services direction délégation observatoire académie laboratoire société compagnie chambre
    parti syndicat inspection préfecture mairie haute haut consortium coalition agency council
    commissariat collectif mutualité muséum studio studios ordre communauté mutuelle ligue éditions comédie
    diocèse archidiocèse port conservatoire groupement réseau"""
)
# plural heads of company names ("les Chantiers de l'Atlantique", "les Moulins du Val de Loire",
# "les Chemins de fer fédéraux suisses"): a body only with a complement ("à Moulins" is a town)
PLURAL_ORG_HEADS = _words(
    "chantiers ateliers moulins établissements forges brasseries chemins verreries cristalleries papeteries"
    " faïenceries fonderies tanneries filatures conserveries laboratoires"
)
# "Parc national des Écrins", "Parc naturel régional du Morvan": with a capital, the park's public body
PARK_BODY_WORDS = _words("national naturel marin")
# heads of a body that may name its purpose after "pour" ("la Fondation X pour la musique"), and the
# words that show the purpose goes on as the sentence's ("pour la rénovation des églises")
PURPOSE_HEADS = _words(
    "fondation fonds association institut agence ligue alliance comité centre observatoire coalition"
)
PURPOSE_STOPS = _words("de du des d à au aux en par sur avec dans pour chez contre entre vers")
# ... or that it is the sentence's time or occasion, not a purpose ("pour la saison prochaine", "pour la
# première fois", "pour l'occasion")
PURPOSE_NOT_FIRST = _words(
    """saison année rentrée période occasion fois première deuxième troisième dernière prochaine suite
    durée semaine mois journée soirée édition circonstance cérémonie fin début"""
)
MISC_HEADS = _words(
    """sommet forum processus programme loi plan feuille stratégie pacte charte déclaration traité accord
    règlement directive initiative projet dialogue appel prix festival salon journée journées semaine
    jeux coupe championnat exposition agenda protocole code livre recommandation mémorandum résolution
    opération campagne objectifs summit act rencontres assises concours trophée trophées"""
)
NAME_HEADS = ORG_HEADS | PLURAL_ORG_HEADS | MISC_HEADS
# lower-case nouns that announce a name of a given kind ("le projet X", "la société Y")
MISC_CUES = _words(
    """projet projets programme initiative plateforme plate-forme réunion conférence sommet forum salon
    festival loi règlement directive stratégie plan opération campagne label dispositif appel prix
    application logiciel outil événement évènement rencontre rencontres hackathon concours journal
    quotidien hebdomadaire magazine revue émission indice indices colloque congrès séminaire symposium"""
)
ORG_CUES = _words(
    """société entreprise groupe start-up startup agence association fondation cabinet banque laboratoire
    université institut organisation ong équipe consortium opérateur constructeur éditeur fabricant
    partenaire syndicat parti club coentreprise compagnie firme filiale pme holding mutuelle coopérative
    enseigne fonds réseau transporteur distributeur assureur équipementier armateur avionneur motoriste
    fournisseur sous-traitant énergéticien"""
)
# words that continue a name's complement although spaCy may tag them otherwise
ENGLISH_ORG_TAILS = _words(
    """institute university foundation group inc inc. ltd ltd. council agency association bank corporation
    company consulting partners lab labs technologies systems gmbh sa sas llc"""
)
MONTHS = _words(
    """janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
    decembre janv janv. févr févr. fév fév. avr avr. juil juil. sept sept. oct oct. nov nov. déc déc."""
)
WEEKDAYS = french_words.WEEKDAYS
TIME_WORDS = french_words.DAY_TIMES
# capitalised nouns that are not names on their own
GENERIC = _words(
    """état etat états etats internet web république nation nations gouvernements présidence majesté
    excellence altesse"""
)
# buildings and venues named after a person: "Centre Léo Dupuis", "salle Marie Curie" (LOC)
FACILITY_HEADS = _words(
    """centre salle maison espace stade gymnase théâtre musée médiathèque bibliothèque place rue avenue
    boulevard quai cours aéroport gare palais parc hôpital lycée collège complexe halle cinéma"""
)
# sports clubs: abbreviations of their legal forms, written in capitals (Association sportive, Football
# club, Club de fútbol, Union sportive, Racing club, Sporting club, Athletic club, Club athlétique,
# Club sportif, Étoile sportive, Jeunesse sportive, Olympique Gymnaste Club, Association de la jeunesse,
# Stade malherbien, En avant, Union sportive du littoral, Sporting club de l'Ouest ...), and the words
# written with a capital before a club's name ("Olympique de Valcourt", "Real Saragosse")
CLUB_ABBREVIATIONS = _words(
    "AS FC CF US RC SC AC CA CS ES JS OGC AJ SM EA USL SCO ASM AFC CD UD SD VfB VfL TSV BSC KV KRC"
)
CLUB_WORDS = _words("olympique sporting racing real athletic athlético atlético dynamo")
# a "Ligue" that is a competition, not a body: "Ligue des champions", "Ligue Europa", "Ligue 1"
LEAGUE_COMPETITIONS = _words("champions europa nations conférence")
# adjectives with a demonym's ending that name no town ("le Stade voisin")
NOT_DEMONYMS = _words("ancien voisin prochain urbain souterrain quotidien mondain lointain certain")
# kinds of place written in lower case before their name, part of it (LOC): sites, whatever their
# name ("l'abbatiale Sainte-Foy", "le château de Vauclair"; canonical with a capital, like venues), and
# areas and natural features named by an adjective or a name in apposition ("la mer Noire", "le lac
# Léman"; canonical as written); "l'île d'Ouessant", "le canton de Dieulefit" name the place after "de"
SITE_HEADS = _words("campus abbaye abbatiale cathédrale basilique église chapelle château")
PLACE_KIND_HEADS = _words(
    """canton mer océan lac massif mont monts col golfe baie île îles presqu'île presqu’île cap vallée
    gorges plateau forêt canal étang détroit archipel"""
)
# natural features whose name follows "de/du/des" and keeps the kind noun ("le col du Pradel", "le
# massif de la Vanoise", "les gorges de l'Ardèche"); an airport is named by its places ("Paris-Orly")
NAMED_FEATURE_HEADS = _words("col massif gorges mont pic cirque")
# "la réserve naturelle (nationale, régionale) des X": a nature reserve, named like a site (LOC)
RESERVE_ADJECTIVES = _words("naturelle nationale régionale")
# acronyms of a kind of unit or of a legal form, common nouns like "TPE": "(UMR 6214)", "une SARL"
KIND_ACRONYMS = _words("umr upr uar usr ums umi sarl sasu eurl scop scic gie")
# currencies and their codes: amounts are not entities ("15 milliards FCFA", "300 USD")
CURRENCIES = _words(
    """euro euros dollar dollars livre livres franc francs fcfa cfa f.cfa yen yens yuan yuans renminbi
    rouble roubles roupie roupies dinar dinars dirham dirhams naira nairas rand rands cedi cedis shilling
    shillings peso pesos real reais ouguiya ouguiyas leone leones kwacha eur usd gbp chf jpy cny xof xaf
    cad aud mad dzd tnd ngn ghs zar inr brl"""
)
# indefinite and distributive determiners: what follows is a common noun, whatever its capital
INDEFINITE_DETERMINERS = _words(
    "chaque un une aucun aucune tout toute quel quelle plusieurs certains certaines"
)
# words of postal lines and press headers that never name anything on their own
POSTAL_WORDS = _words("cedex bp b.p. cs")
# labels of contact lines ("Tél. :", "Mob.") and the publisher's own press units ("Service de presse",
# "Direction de la communication"): boilerplate, not bodies
CONTACT_LABELS = _words("tél tel téléphone fax mob mobile portable courriel standard")
# labels of registry and securities identifiers ("code ISIN : FR0000...", "SIRET", "RCS Lyon B ..."):
# a code's name, not a body
IDENTIFIER_LABELS = _words("isin siret siren rcs lei naf ape iban bic ean isbn issn doi mnémonique ticker")
UNIT_HEADS = _words(
    "service direction bureau cellule pôle département délégation mission espace salle relations dossier kit"
)
PRESS_WORDS = _words("presse communication communications porte-parole médias média")
# the kinds of street of a postal address line ("42, boulevard Dupleix")
STREET_WORDS = _words(
    """rue boulevard bd avenue av allée place quai impasse chemin square cours esplanade parvis passage
    route voie"""
)
# complements that make a committee a working group, not a named body ("Comité de pilotage")
GENERIC_COMPLEMENTS = _words(
    """pilotage suivi coordination sélection évaluation concertation liaison orientation gestion
    organisation rédaction lecture jour"""
)
# adjectives that make a council a kind of meeting ("Conseil interministériel", "Comité restreint")
MEETING_ADJECTIVES = _words(
    """interministériel interministérielle interministériels interministérielles restreint restreinte
    extraordinaire ordinaire"""
)
REGION_ADJECTIVES = _words(
    """orientale oriental occidentale occidental centrale central méridionale méridional septentrionale
    septentrional romande romand alémanique"""
)
# tokens after which a capital does not mark a name: a new clause, a quotation, a list item
OPENERS = frozenset(':«“"(-–—•*[')
COMPLEMENT_PREPS = frozenset(("de", "du", "des", "d'", "d’"))
OTHER_PREPS = frozenset(("pour", "sur", "en", "contre"))
A_PREPS = frozenset(("à", "au", "aux"))  # bodies and roles only: "délégation aux affaires européennes"
# nouns of compound prepositions: "à la suite de", "au sein de", "au titre de" are not complements
A_LOCUTIONS = _words(
    "suite occasion sein cours titre nom travers issue instar égard initiative demande place fin"
)
SPLIT_CHARS = frozenset(':;()[]{}«»|"“”!?•*=<>')  # no name runs across these
# events and acts named after a place: "le sommet de Séoul", "l'accord de Paris"
EVENTS_OF_PLACE = _words(
    """sommet conférence forum traité accord processus pacte déclaration appel protocole convention charte
    congrès"""
)
# head nouns of official bodies, also written in lower case: "direction générale des entreprises"
BODY_HEADS = _words(
    """service services direction directions délégation agence office autorité commission conseil comité
    ministère secrétariat inspection observatoire centre institut bureau département mission cellule
    division unité haut haute"""
)
# starts of a body's name that make it one without an acronym after it
STRONG_BODY_STARTS = (
    ("direction", "générale"),
    ("délégation", "générale"),
    ("secrétariat", "général"),
    ("inspection", "générale"),
    ("haut", "conseil"),
    ("haute", "autorité"),
    ("ministère",),
)


# unions the rules test often, built once
CUE_NOUNS = ORG_CUES | MISC_CUES
ALL_PREPS = COMPLEMENT_PREPS | OTHER_PREPS | A_PREPS
DETERMINERS_OR_PREPS = DETERMINERS | COMPLEMENT_PREPS
ENGLISH_ORG_TAIL_STEMS = frozenset(w.strip(".") for w in ENGLISH_ORG_TAILS)
