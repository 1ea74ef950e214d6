"""Writes gold.jsonl: the fourth held-out keyphrases, annotated by hand before any system output was seen."""

import sys
from pathlib import Path

GOLD = {
    "k1_eolien": [
        ["parc éolien en mer", "parc éolien", "éolien en mer", "parc des Deux-Caps"],
        ["Valmarée Énergies", "Valmarée"],
        ["éoliennes", "éolienne"],
        ["construction", "travaux", "chantier"],
        ["pêcheurs", "pêche", "comité départemental des pêches"],
        ["raccordement", "réseau électrique", "câble sous-marin"],
        ["transition énergétique"],
        ["emplois", "emplois locaux"],
        ["Côtes-d'Armor"],
        ["port de Lorient", "base logistique"],
        ["fonds d'accompagnement"],
    ],
    "k2_fraude": [
        ["plan de lutte contre la fraude", "lutte contre la fraude", "plan"],
        ["fraude fiscale"],
        ["fraude sociale"],
        ["ministère chargé des Comptes publics", "Comptes publics"],
        ["contrôle fiscal", "contrôles", "contrôle"],
        ["intelligence artificielle"],
        ["fraude à la TVA", "TVA", "sociétés écrans"],
        ["croisement des fichiers", "caisses d'allocations familiales"],
        ["carte Vitale", "carte Vitale sécurisée", "usurpation d'identité"],
        ["agents", "enquêteurs", "recrutés"],
        ["fraude en ligne", "plateformes", "transactions en ligne"],
        ["projet de loi"],
    ],
    "k3_velos": [
        ["vélos en libre-service", "vélo en libre-service", "libre-service"],
        ["Cyclanza"],
        ["Ville de Tours", "Tours"],
        ["contrat", "nouveau contrat"],
        ["stations"],
        ["vélos à assistance électrique", "vélo électrique", "assistance électrique"],
        ["Tourn'Vélo"],
        ["abonnement", "abonnement annuel", "tarifs"],
        ["conseil municipal"],
        ["atelier de réparation", "entretien", "emplois en insertion"],
        ["plan vélo", "pistes cyclables"],
    ],
    "k4_prix": [
        ["prix Léonie-Varnier", "prix"],
        ["Mathis Oudard"],
        ["premier roman", "premiers romans"],
        ["Les Hivers de Corvol"],
        ["Éditions du Sillon Bleu", "Sillon Bleu"],
        ["jury"],
        ["lauréat", "lauréats"],
        ["résidence d'écriture"],
        ["ruralité", "Morvan", "école"],
        ["librairies", "librairies indépendantes", "libraires"],
        ["Claire Dumesnil"],
    ],
    "k5_vaccin": [
        ["campagne de vaccination", "vaccination"],
        ["grippe", "grippe saisonnière"],
        ["agence régionale de santé", "ARS", "ARS de Normandie"],
        ["Normandie"],
        ["Covid-19", "Covid"],
        ["couverture vaccinale"],
        ["pharmacies", "pharmaciens"],
        ["personnes âgées", "65 ans et plus"],
        ["Ehpad", "équipes mobiles"],
        ["Assurance maladie", "bon de prise en charge"],
        ["vaccin"],
        ["épidémie", "hospitalisations"],
    ],
    "k6_conteneurs": [
        ["terminal à conteneurs", "terminal à conteneurs des Flandres", "terminal"],
        ["Grand Port maritime de Dunkerque", "port de Dunkerque", "Dunkerque", "port"],
        ["extension"],
        ["Nordquai Terminals", "Nordquai"],
        ["conteneurs", "EVP"],
        ["porte-conteneurs"],
        ["quai", "nouveau quai"],
        ["capacité"],
        ["transport combiné", "rail", "plateforme ferroviaire"],
        ["canal Seine-Nord Europe", "barges"],
        ["portiques", "cavaliers électriques"],
        ["trafic de conteneurs", "trafic"],
    ],
}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from write_gold import write_gold

    write_gold(Path(__file__).resolve().parent, GOLD)
