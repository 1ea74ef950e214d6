"""Writes gold.jsonl: the fifth held-out keyphrases, annotated by hand before any system output was seen."""

import sys
from pathlib import Path

GOLD = {
    "m1_ligne": [
        ["ligne aérienne", "nouvelle ligne", "ligne directe", "ligne", "liaison"],
        ["Aérocéane"],
        ["compagnie aérienne régionale", "compagnie aérienne", "compagnie"],
        ["Brest", "aéroport de Brest Bretagne", "aéroport de Brest"],
        ["Lyon", "aéroport de Lyon-Saint-Exupéry", "Lyon-Saint-Exupéry"],
        ["vols", "allers-retours"],
        ["ATR 72-600", "avion à hélices", "carburant"],
        ["billets", "aller simple"],
        ["passagers", "clientèle d'affaires"],
        ["région Bretagne", "désenclavement", "soutien de la région"],
        ["redevances aéroportuaires", "chambre de commerce et d'industrie"],
    ],
    "m2_eau": [
        ["qualité de l'eau", "eau potable", "qualité de l'eau potable"],
        ["eau du robinet", "impropre à la consommation"],
        ["communes", "huit communes", "Jura"],
        ["agence régionale de santé", "ARS", "ARS de Bourgogne-Franche-Comté"],
        ["syndicat des eaux", "syndicat intercommunal des eaux de la Haute-Seille", "syndicat"],
        ["contamination bactériologique", "contamination", "bactéries coliformes", "bactéries"],
        ["analyses", "prélèvements", "analyses quotidiennes"],
        ["pluies orageuses", "ruissellement", "pollution"],
        ["captage", "captage de Vaudrey"],
        ["consignes", "habitants"],
        ["bouteilles d'eau", "distribution gratuite", "distribution de bouteilles"],
        ["chloration", "réseau de distribution"],
    ],
    "m3_maladies": [
        ["maladies rares", "maladie rare"],
        ["Fondation Hélix", "fondation"],
        ["projets de recherche", "projets", "équipes de recherche", "recherche"],
        ["appel à projets"],
        ["subvention", "financement", "1,5 million d'euros"],
        ["thérapie génique", "myopathie de Duchenne"],
        ["diagnostic", "errance diagnostique", "diagnostic précoce"],
        ["patients", "associations de patients", "familles"],
        ["séquençage du génome", "séquençage", "génome"],
        ["conseil scientifique"],
        ["lauréats", "équipes lauréates"],
        ["essai clinique"],
    ],
    "m4_cathedrale": [
        ["restauration", "travaux de restauration"],
        ["cathédrale Saint-Étienne", "cathédrale", "cathédrale Saint-Étienne de Bourges"],
        ["Bourges"],
        ["DRAC", "direction régionale des affaires culturelles", "DRAC Centre-Val de Loire"],
        ["tranche", "dernière tranche", "dernière phase", "troisième tranche"],
        ["façade occidentale", "portails", "portails sculptés", "façade"],
        ["tailleurs de pierre", "pierre", "calcaire"],
        ["monument historique", "monuments historiques", "patrimoine mondial", "Unesco"],
        ["chantier", "travaux"],
        ["Fondation du patrimoine", "souscription", "donateurs"],
        ["échafaudage", "échafaudages"],
        ["métiers d'art", "apprentis"],
    ],
    "m5_fromage": [
        ["Label rouge", "label"],
        ["tomme de montagne", "tomme", "tommes", "fromage"],
        ["coopérative laitière du Haut-Vallon", "coopérative du Haut-Vallon", "coopérative", "Haut-Vallon"],
        ["éleveurs", "producteurs", "exploitations laitières"],
        ["cahier des charges"],
        ["lait cru", "lait"],
        ["INAO", "Institut national de l'origine et de la qualité", "signe officiel de qualité"],
        ["caves d'affinage", "caves", "affinage"],
        ["prix du lait", "rémunération des éleveurs", "rémunération"],
        ["fromagerie"],
        ["Aravis", "massif des Aravis", "Thônes"],
    ],
    "m6_cyber": [
        ["exercice de cybersécurité", "exercice", "cybersécurité"],
        ["cyberattaque", "cyberattaque simulée", "attaque"],
        ["hôpitaux", "établissements de santé", "établissements"],
        ["agence régionale de santé", "ARS", "agence"],
        ["Hauts-de-France"],
        ["rançongiciel"],
        ["gestion de crise", "cellule de crise", "crise"],
        ["Anssi", "Agence nationale de la sécurité des systèmes d'information"],
        ["systèmes d'information", "serveurs informatiques", "sécurisation des systèmes d'information"],
        ["mode dégradé", "dossier patient informatisé", "continuité d'activité"],
        ["sauvegardes", "sauvegardes déconnectées"],
        ["plan d'action"],
    ],
}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from write_gold import write_gold

    write_gold(Path(__file__).resolve().parent, GOLD)
