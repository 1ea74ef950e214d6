"""French words that both the entity rules (pipeline/entities/words.py) and the quote attribution
(pipeline/quotes/words.py) test, written once so the two stages cannot drift apart. Each stage builds
its own classes from these plus the few words only it needs. Lower-case, general French: none of them
knows a document. Importing this module loads nothing else (no spaCy, no entities package)."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def pairs(text: str) -> dict[str, str]:
    """ "présidente=président ministre" -> {"présidente": "président", "ministre": "ministre"}."""
    out: dict[str, str] = {}
    for item in text.split():
        key, _, value = item.partition("=")
        out[key] = value or key
    return out


# Role nouns both stages know, each with its masculine singular (the form roles are compared by).
ROLE_NOUNS = pairs(
    """
    ministre président présidente=président vice-président vice-présidente=vice-président directeur
    directrice=directeur secrétaire sous-secrétaire commissaire haut-commissaire porte-parole ambassadeur
    ambassadrice=ambassadeur conseiller conseillère=conseiller délégué déléguée=délégué chef cheffe=chef
    responsable fondateur fondatrice=fondateur cofondateur cofondatrice=cofondateur préfet préfète=préfet
    maire député députée=député sénateur sénatrice=sénateur représentant représentante=représentant
    rapporteur rapporteure=rapporteur coordinateur coordinatrice=coordinateur chancelier
    chancelière=chancelier gouverneur gouverneure=gouverneur administrateur administratrice=administrateur
    procureur procureure=procureur envoyé envoyée=envoyé pdg patron patronne=patron recteur
    rectrice=recteur doyen doyenne=doyen gérant gérante=gérant trésorier trésorière=trésorier commandant
    capitaine
    """
)
# Adjectives that belong to a role ("directrice générale adjointe"), with their masculine.
ROLE_ADJECTIVES = pairs(
    """
    général générale=général adjoint adjointe=adjoint exécutif exécutive=exécutif délégué déléguée=délégué
    permanent permanente=permanent spécial spéciale=spécial
    """
)
# Courtesy titles before a name ("M.", "Mme", "Dr"), written as both stages read them.
COURTESY_TITLES = words("dr m. madame me mlle mm. mme mmes monsieur pr s.e.")
WEEKDAYS = words("lundi mardi mercredi jeudi vendredi samedi dimanche")
DAY_TIMES = words("matin soir midi après-midi hier aujourd'hui demain")
