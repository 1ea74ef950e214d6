"""Writes gold.jsonl: the third held-out keyphrases, annotated by hand before any system output was seen."""

import json
from pathlib import Path

GOLD = {
    "h1_secheresse": [
        ["sécheresse"],
        ["restrictions d'usage de l'eau", "restrictions", "restrictions d'eau"],
        ["alerte renforcée", "niveau d'alerte renforcée", "alerte"],
        ["Syndicat intercommunal des eaux de la Vallée de l'Arvane", "SIEVA", "syndicat des eaux"],
        ["nappes phréatiques", "nappe phréatique"],
        ["Arvane", "débit de l'Arvane", "débit"],
        ["arrosage"],
        ["irrigation", "agriculteurs", "prélèvements"],
        ["eau potable"],
        ["arrêté préfectoral"],
        ["économies d'eau", "économiser l'eau", "kits d'économie d'eau"],
        ["fuites", "canalisations"],
    ],
    "h2_essai": [
        ["Nevaris Therapeutics", "Nevaris"],
        ["essai clinique", "essai clinique de phase 2", "essai"],
        ["maladie de Crohn", "Crohn"],
        ["NV-318"],
        ["phase 2"],
        ["phase 3", "essai de phase 3"],
        ["rémission clinique", "rémission"],
        ["placebo"],
        ["traitement oral", "traitement"],
        ["tolérance", "effets indésirables"],
        [
            "maladies inflammatoires chroniques de l'intestin",
            "maladie inflammatoire chronique de l'intestin",
            "MICI",
        ],
        ["biotechnologie"],
    ],
    "h3_loup": [
        ["loup", "loups"],
        ["Parc national des Hautes-Cimes", "parc national"],
        ["pastoralisme", "activités pastorales"],
        ["plan d'action", "plan"],
        ["cohabitation"],
        ["éleveurs", "élevage"],
        ["attaques", "attaques sur les troupeaux"],
        ["protection des troupeaux", "troupeaux"],
        ["chiens de protection", "patous"],
        ["indemnisation"],
        ["tirs de défense"],
        ["randonneurs"],
    ],
    "h4_agences": [
        ["Crédit Solidaire des Marches"],
        ["fermeture", "fermetures", "fermeture des agences"],
        ["agences", "agences bancaires", "agence", "réseau d'agences"],
        ["conseillers itinérants", "conseiller itinérant"],
        ["territoires ruraux", "communes rurales", "ruralité"],
        ["retrait d'espèces", "espèces"],
        ["distributeur automatique de billets", "distributeurs"],
        ["banque en ligne", "application mobile"],
        ["agence mobile", "bus"],
        ["licenciement", "salariés"],
        ["maires", "maires ruraux"],
        ["services de proximité"],
    ],
    "h5_ter": [
        ["trains régionaux", "train", "trains"],
        ["grille horaire", "horaires", "nouvelle grille horaire"],
        ["ligne Valmoran – Port-Sainte-Aude", "Valmoran – Port-Sainte-Aude"],
        ["Valmoran"],
        ["Région"],
        ["Rails de l'Ouest"],
        ["changement de service"],
        ["cadencement", "horaires cadencés"],
        ["desserte", "petites gares"],
        ["voyageurs", "fréquentation"],
        ["correspondances"],
        ["rames", "nouvelles rames"],
    ],
    "h6_musee": [
        ["Dans la tête des abeilles"],
        ["exposition"],
        ["abeilles", "abeille"],
        ["Pavillon des sciences"],
        ["Mirecourt-sur-Lauve"],
        ["pollinisateurs", "pollinisation", "déclin des pollinisateurs"],
        ["musée", "musée de sciences et techniques"],
        ["dispositifs interactifs", "interactif"],
        ["ruche", "colonie"],
        ["ateliers"],
        ["visites scolaires", "scolaires"],
        ["abeilles sauvages"],
    ],
    "h7_decharge": [
        ["décharge", "décharge de Combe-Noire"],
        ["tribunal administratif", "tribunal administratif de Grenelles"],
        ["extension"],
        ["Combe-Noire"],
        ["arrêté préfectoral", "autorisation"],
        ["jugement", "décision"],
        ["Terralia Environnement", "exploitant"],
        ["Vallée Propre", "association Vallée Propre"],
        ["étude d'impact"],
        ["déchets", "installation de stockage de déchets non dangereux"],
        ["riverains"],
        ["appel", "cour administrative d'appel"],
    ],
}

here = Path(__file__).resolve().parent
with open(here / "gold.jsonl", "w", encoding="utf-8") as fh:
    for name, kps in GOLD.items():
        published = (here / "docs" / f"{name}.txt").read_text(encoding="utf-8").split("\n")[1].split(": ")[1]
        fh.write(
            json.dumps({"doc": name, "published": published, "keyphrases": kps}, ensure_ascii=False) + "\n"
        )
