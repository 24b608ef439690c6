"""Every SMS Tabara sends, in Kinyarwanda (the default), English and French.

Kept as data beside the keywords (see tabara/intake/ussd/texts.py for why). Replies
stay plain ASCII so one message is 160 GSM characters or a short concatenation.
"""

from __future__ import annotations

from typing import Final

# Keywords, by meaning and language, folded (upper case, no accents; see keywords.fold).
# STOP also takes the opt-out words operators and Africa's Talking recognise.
KEYWORDS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "help": {"rw": ("UBUFASHA", "FASHA"), "en": ("HELP", "INFO"), "fr": ("AIDE",)},
    "status": {"rw": ("AMAKURU",), "en": ("STATUS",), "fr": ("ETAT", "STATUT", "SUIVI")},
    "stop": {
        "rw": ("HAGARIKA", "REKA"),
        "en": ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT OUT"),
        "fr": ("ARRET", "ARRETER", "ARRETEZ", "DESABONNER", "DESINSCRIRE"),
    },
    "yes": {"rw": ("YEGO",), "en": ("YES",), "fr": ("OUI",)},
    # A register lookup: the agency's name, phone or licence number follows the keyword.
    "agency": {"rw": ("IKIGO",), "en": ("AGENCY",), "fr": ("AGENCE",)},
}
# Words that may follow a keyword without turning the message into a report.
COURTESY: Final = frozenset(
    [
        "PLEASE",
        "PLS",
        "PLZ",
        "NOW",
        "ALL",
        "ME",
        "THANKS",
        "THANK",
        "YOU",
        "MESSAGES",
        "SMS",
        "SVP",
        "STP",
        "S",
        "IL",
        "VOUS",
        "TE",
        "PLAIT",
        "MERCI",
        "TOUT",
        "NDABASABYE",
        "MURAKOZE",
        "MWAKOZE",
        "BURUNDU",
    ]
)

# Common short words, to answer a free-text report in the language it was written in.
MARKERS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "are",
            "was",
            "my",
            "she",
            "he",
            "they",
            "to",
            "of",
            "a",
            "with",
            "for",
            "job",
            "work",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "et",
            "est",
            "un",
            "une",
            "des",
            "mon",
            "ma",
            "il",
            "elle",
            "pour",
            "avec",
            "travail",
        ]
    ),
}

SMS: Final[dict[str, dict[str, str]]] = {
    "rw": {
        "received": (
            "Tabara: twakiriye amakuru yawe. Nomero yo gukurikirana: {receipt} (yibike). "
            "Aho bigeze: AMAKURU {receipt}. Ko tuguhamagara: YEGO."
        ),
        "help": (
            "Tabara: andika ibyabaye ubyohereze hano. AMAKURU <nomero> = aho bigeze. "
            "YEGO = tuguhamagare. HAGARIKA = ntituzongere. Ubutabazi: 112, RIB 166."
        ),
        "status": (
            "Tabara: amakuru watanze {status}. Ubutumwa bw'abakozi busomerwa gusa "
            "mu gukurikirana (USSD cyangwa urubuga) ukoresheje nomero yawe."
        ),
        "not_found": "Tabara: iyo nomero ntibonetse. Reba imibare 16 wahawe.",
        "stopped": "Tabara: ntituzongera kukoherereza ubutumwa cyangwa kuguhamagara.",
        "allowed": "Tabara: tuzaguhamagara kandi tukumenyeshe aho bigeze. HAGARIKA = bihagarare.",
        "nothing_recent": "Tabara: nta makuru mashya yavuye kuri iyi nomero. Andika ibyabaye.",
        "update": (
            "Tabara: amakuru watanze ubu {status}. Kurikirana ukoresheje nomero yawe kuri "
            "USSD cyangwa urubuga."
        ),
        "reply": (
            "Tabara: hari ubutumwa bushya ku makuru watanze. Busome ukoresheje nomero yawe "
            "kuri USSD cyangwa urubuga."
        ),
        "agency_help": (
            "Tabara: ngo umenye niba ikigo gifite uruhushya, andika IKIGO n'izina, telefoni "
            "cyangwa nomero y'uruhushya byacyo."
        ),
    },
    "en": {
        "received": (
            "Tabara: report received. Your receipt: {receipt} (keep it safe). "
            "Status: STATUS {receipt}. To be called back: YES."
        ),
        "help": (
            "Tabara: write what happened and send it here. STATUS <receipt> = progress. "
            "YES = call me back. STOP = no more messages. Emergency: 112, RIB 166."
        ),
        "status": (
            "Tabara: your report is {status}. Staff messages are shown only in the follow-up "
            "(USSD or web), with your receipt."
        ),
        "not_found": "Tabara: no report has this receipt. Check the 16 digits.",
        "stopped": "Tabara: you will get no more messages or calls from us.",
        "allowed": "Tabara: staff will call you back and send updates. STOP = no more.",
        "nothing_recent": "Tabara: no recent report from this number. Write what happened.",
        "update": (
            "Tabara: your report is now {status}. Follow it up with your receipt on USSD "
            "or the web."
        ),
        "reply": (
            "Tabara: there is a new message about your report. Read it with your receipt on "
            "USSD or the web."
        ),
        "agency_help": (
            "Tabara: to check that an agency is licensed, send AGENCY and its name, phone or "
            "licence number."
        ),
    },
    "fr": {
        "received": (
            "Tabara: signalement recu. Votre recu: {receipt} (gardez-le). "
            "Suivi: ETAT {receipt}. Pour etre rappele: OUI."
        ),
        "help": (
            "Tabara: ecrivez ce qui se passe et envoyez-le ici. ETAT <recu> = suivi. "
            "OUI = me rappeler. STOP = plus de messages. Urgence: 112, RIB 166."
        ),
        "status": (
            "Tabara: votre signalement est {status}. Les messages de l'equipe se lisent "
            "seulement dans le suivi (USSD ou web), avec votre recu."
        ),
        "not_found": "Tabara: aucun signalement avec ce recu. Verifiez les 16 chiffres.",
        "stopped": "Tabara: vous ne recevrez plus de messages ni d'appels.",
        "allowed": "Tabara: nous vous rappellerons et vous tiendrons informe. STOP = arreter.",
        "nothing_recent": "Tabara: aucun signalement recent de ce numero. Ecrivez ce qui se passe.",
        "update": (
            "Tabara: votre signalement est {status}. Suivez-le avec votre recu (USSD ou web)."
        ),
        "reply": (
            "Tabara: nouveau message sur votre signalement. Lisez-le avec votre recu (USSD ou web)."
        ),
        "agency_help": (
            "Tabara: pour savoir si une agence est agreee, envoyez AGENCE et son nom, son "
            "telephone ou son numero de licence."
        ),
    },
}
