"""Writes gold.jsonl: the held-out keyphrases, annotated by hand before any system output was seen."""

import sys
from pathlib import Path

GOLD = {
    "h1_entreprise": [
        ["Vélonova"],
        [
            "vélo électrique",
            "vélos électriques",
            "vélo à assistance électrique",
            "vélos à assistance électrique",
        ],
        ["usine", "usine d'assemblage"],
        ["Saint-Aubin-sur-Loire"],
        ["batteries", "batterie"],
        ["reconditionnement", "batteries reconditionnées", "batterie reconditionnée"],
        ["réindustrialisation", "relocalisation"],
        ["recrutements", "recrutement", "emplois", "emploi"],
        ["investissement"],
        ["vélos cargo", "vélo cargo"],
        ["Margaux Lestrade"],
    ],
    "h2_ministere": [
        ["sécheresse"],
        ["eau", "gestion de l'eau", "ressource en eau"],
        ["agriculture", "agriculteurs", "agriculteur"],
        ["irrigation"],
        ["retenues collinaires", "retenue collinaire", "stockage de l'eau", "retenues d'eau"],
        ["prélèvements agricoles", "prélèvements d'eau"],
        ["changement climatique"],
        ["nappes phréatiques", "nappe phréatique", "nappes"],
        ["stress hydrique"],
        ["agences de l'eau", "agence de l'eau"],
        ["Bertrand Olivier-Roche"],
        ["Nadia Ferhat"],
    ],
    "h3_agence": [
        ["moustique tigre", "moustiques tigres"],
        ["ARS Bretagne", "Agence régionale de santé", "ARS"],
        ["dengue"],
        ["chikungunya"],
        ["Zika", "virus Zika"],
        ["surveillance", "surveillance renforcée"],
        ["démoustication"],
        ["eau stagnante", "eaux stagnantes"],
        ["signalement", "signalements"],
        ["cas autochtones", "cas autochtone"],
        ["Bretagne"],
        ["santé publique"],
    ],
    "h4_ville": [
        ["piétonnisation", "zone piétonne", "rues piétonnes"],
        ["centre-ville", "centre historique"],
        ["Valmont"],
        ["pistes cyclables", "piste cyclable", "réseau cyclable"],
        ["stationnement", "parkings", "parking"],
        ["commerçants", "commerces", "commerces de proximité"],
        ["travaux"],
        ["conseil municipal"],
        ["Hélène Garrigue"],
        ["parkings relais", "parking relais"],
        ["concertation"],
        ["vélo", "vélos"],
    ],
    "h5_association": [
        ["aide alimentaire"],
        ["Paniers solidaires", "Les Paniers solidaires"],
        ["collecte nationale", "collecte"],
        ["bénéficiaires", "bénéficiaire"],
        ["étudiants", "étudiant"],
        ["précarité", "pauvreté", "travailleurs pauvres"],
        ["bénévoles", "bénévole"],
        ["gaspillage alimentaire"],
        ["dons", "don"],
        ["chèque alimentation"],
        ["épiceries mobiles", "épicerie mobile"],
        ["Karim Benslimane"],
    ],
    "h6_europe": [
        ["droit à la réparation"],
        ["réparation"],
        ["Commission européenne"],
        ["consommateurs", "consommateur"],
        ["directive", "proposition de directive"],
        ["garantie légale", "garantie"],
        ["pièces détachées"],
        ["économie circulaire"],
        ["déchets", "déchet"],
        ["réparateurs", "réparateurs indépendants", "réparateur"],
        ["obsolescence programmée"],
        ["écoconception"],
    ],
}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from write_gold import write_gold

    write_gold(Path(__file__).resolve().parent, GOLD)
