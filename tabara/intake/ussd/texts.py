"""Every word of the USSD menus, in Kinyarwanda (the default), English and French.

Kept as data beside the menu rather than in the gettext catalogues: each screen must fit
160 GSM septets in all three languages, so the three versions are written and measured
together (tests/phone/test_ussd_screens.py walks every screen in every language).
Accents are written plainly; `screen.plain()` folds any that reach a screen anyway.
"""

from __future__ import annotations

from typing import Final

LANGS: Final = ("rw", "en", "fr")
DEFAULT_LANG: Final = "rw"

# Report categories in menu order: stored code -> label per language.
WHAT: Final[tuple[tuple[str, dict[str, str]], ...]] = (
    (
        "job_abroad",
        {
            "rw": "Akazi k'ibinyoma hanze",
            "en": "Fake job offer abroad",
            "fr": "Faux emploi a l'etranger",
        },
    ),
    (
        "forced_work",
        {
            "rw": "Gukoreshwa ku gahato",
            "en": "Forced or unpaid work",
            "fr": "Travail force/non paye",
        },
    ),
    (
        "sexual",
        {
            "rw": "Gucuruzwa mu busambanyi",
            "en": "Sexual exploitation",
            "fr": "Exploitation sexuelle",
        },
    ),
    (
        "child",
        {
            "rw": "Umwana ukoreshwa/ushyingirwa",
            "en": "Child made to work or marry",
            "fr": "Enfant exploite/marie",
        },
    ),
    (
        "held",
        {
            "rw": "Yafunzwe/yambuwe impapuro",
            "en": "Held or papers taken",
            "fr": "Retenu, papiers pris",
        },
    ),
)

# Province names by NISR code (the geography stores them in English).
PROVINCES: Final[dict[str, dict[str, str]]] = {
    "1": {"rw": "Umujyi wa Kigali", "en": "Kigali City", "fr": "Ville de Kigali"},
    "2": {"rw": "Amajyepfo", "en": "Southern", "fr": "Sud"},
    "3": {"rw": "Iburengerazuba", "en": "Western", "fr": "Ouest"},
    "4": {"rw": "Amajyaruguru", "en": "Northern", "fr": "Nord"},
    "5": {"rw": "Iburasirazuba", "en": "Eastern", "fr": "Est"},
}

# Outcomes of the screening rule set shown under Learn > differences, in menu order.
DIFFERENCES: Final = ("smuggling", "sex_work", "child_labour", "labour_exploitation")

T: Final[dict[str, dict[str, str]]] = {
    "rw": {
        "resume": (
            "Hari amakuru utarangije kohereza. Urakomeza?\n1 Yego, komeza\n"
            "2 Oya, tangira bundi bushya"
        ),
        "main": (
            "Tabara: kurwanya icuruzwa ry'abantu\n1 Tanga amakuru\n2 Kurikirana amakuru\n"
            "3 Menya byinshi\n4 Language/Langue\n5 Akazi mu mahanga"
        ),
        "lang": "Hitamo ururimi\n1 Kinyarwanda\n2 English\n3 Francais",
        "back": "0 Inyuma",
        "more": "9 Ibindi",
        "dunno": "8 Sinzi",
        "invalid": "Ntibyumvikanye.",
        "invalid_menu": "Ntibyumvikanye: andika nomero y'icyo uhitamo.",
        "invalid_count": "Ntibyumvikanye: andika umubare mu mibare (urugero 2).",
        "invalid_text": "Ntibyumvikanye: andika amagambo make.",
        "what": "Ikibazo:",
        "other": "6 Ibindi",
        "other_text": "Sobanura muri make ibyabaye (inyuguti 160 gusa):",
        "where": ("Byabereye he?\n{provinces}\n6 Ku mupaka\n7 Mu kindi gihugu\n8 Sinzi\n0 Inyuma"),
        "district": "Akarere:",
        "sector": "Umurenge:",
        "border": "Umupaka:",
        "who": "Ni bande bari mu kaga?\n1 Abana\n2 Abantu bakuru\n3 Bombi\n4 Sinzi\n0 Inyuma",
        "count": "Ni bangahe? Andika umubare (urugero 2).\n0 Sinzi",
        "recruit": (
            "Bashakishijwe bate?\n1 Imbuga nkoranyambaga\n2 Ikigo gishaka akazi\n"
            "3 Umuvandimwe\n4 Inshuti/umuturanyi\n5 Utazwi\n6 Sinzi\n0 Inyuma"
        ),
        "call": (
            "Ushaka ko umukozi wa Tabara aguhamagara kuri iyi nomero?\n"
            "1 Yego\n2 Oya, sinshaka kumenyekana\n0 Inyuma"
        ),
        "confirm": "Twohereze amakuru yawe?\n1 Ohereza\n2 Reka\n0 Inyuma",
        "cancelled": "Nta cyoherejwe. Murakoze.",
        "receipt": (
            "Murakoze! Nomero yo gukurikirana:\n{receipt}\nYandike ahantu hatekanye. "
            "Nta wundi uzayibona."
        ),
        "failed": "Ntibyakunze kohereza. Ongera ugerageze nyuma gato.",
        "already": "Aya makuru yamaze kutugeraho. Murakoze.",
        "elsewhere": "Aya makuru arakomereza mu kindi kiganiro. Murakoze.",
        "ask_receipt": "Andika nomero yo gukurikirana (imibare 16):\n0 Inyuma",
        "not_found": "Iyo nomero ntibonetse.",
        "too_many": "Iyo nomero ntibonetse. Ongera ugerageze nyuma.",
        "status": "Uko bihagaze: {status}",
        "latest": "Ubutumwa: {message}",
        "no_message": "Nta butumwa bushya.",
        "learn": (
            "Menya\n1 Ibimenyetso by'icuruzwa\n2 Itandukaniro\n3 Akazi nyako mu mahanga\n"
            "4 Nomero z'ubutabazi\n0 Inyuma"
        ),
        "diff": (
            "Icuruzwa ritandukanye na:\n1 Kwambutsa abantu\n2 Kwicuruza\n"
            "3 Imirimo ikoreshwa abana\n4 Gukoreshwa nabi mu kazi\n0 Inyuma"
        ),
        "signs": (
            "Ibimenyetso: bakwizeza akazi keza kure, bakakwaka ibyangombwa, umwenda "
            "utishyurwa, ntiwemerewe kugenda cyangwa kuvugana n'umuryango."
        ),
        "job": (
            "Akazi nyako: amasezerano yanditse mbere yo kugenda, nta mafaranga usabwa, "
            "ikigo cyemewe na Leta, ugumana pasiporo yawe."
        ),
        "sos": "Ubutabazi (ubuntu):\nPolisi 112\nRIB 166\nIsange 3029\nAbana 116\n0 Inyuma",
        "jobs": (
            "Akazi mu mahanga\n1 Genzura ikigo gishaka akazi\n2 Genzura akazi wasabwe\n0 Inyuma"
        ),
        "ask_agency": "Andika izina, telefoni cyangwa nomero y'uruhushya by'ikigo:\n0 Inyuma",
        "offer_agency": "Izina cyangwa telefoni y'uwaguhaye akazi:\n0 Simbizi",
        "agency_licensed": "{name}: gifite uruhushya kugeza {date}, muri: {places}.",
        "agency_other_place": "{name}: uruhushya si urw'iki gihugu, ni urwa: {places}.",
        "agency_suspended": "{name}: uruhushya rwahagaritswe. Ntikemerewe gushaka abakozi.",
        "agency_revoked": "{name}: uruhushya rwambuwe. Ntikemerewe gushaka abakozi.",
        "agency_expired": "{name}: uruhushya rwarangiye. Ntikemerewe gushaka abakozi ubu.",
        "agency_none": (
            "Ntikibonetse. Kutakibona ntibivuze ko ari nta kibazo: saba nomero y'uruhushya, "
            "ntukishyure akazi. RIB 166, Polisi 112."
        ),
        "offer_report": "1 Bimenyeshe",
    },
    "en": {
        "resume": "You have an unfinished report. Continue it?\n1 Yes, continue\n2 No, start again",
        "main": (
            "Tabara: stop human trafficking\n1 Report a suspicion\n2 Follow up a report\n"
            "3 Learn\n4 Ururimi/Langue\n5 Job abroad: check it"
        ),
        "lang": "Choose a language\n1 Kinyarwanda\n2 English\n3 Francais",
        "back": "0 Back",
        "more": "9 More",
        "dunno": "8 Don't know",
        "invalid": "Not understood.",
        "invalid_menu": "Not understood: type the number of your choice.",
        "invalid_count": "Not understood: type the number in digits (e.g. 2).",
        "invalid_text": "Not understood: type a few words.",
        "what": "What is happening?",
        "other": "6 Other",
        "other_text": "Describe briefly what happened (160 characters at most):",
        "where": (
            "Where did it happen?\n{provinces}\n6 At a border post\n7 In another country\n"
            "8 Don't know\n0 Back"
        ),
        "district": "District:",
        "sector": "Sector:",
        "border": "Border post:",
        "who": "Who is at risk?\n1 Children\n2 Adults\n3 Both\n4 Don't know\n0 Back",
        "count": "How many people? Type a number (e.g. 2).\n0 Don't know",
        "recruit": (
            "How were they recruited?\n1 Social media\n2 An agency\n3 A relative\n"
            "4 Friend or neighbour\n5 A stranger\n6 Don't know\n0 Back"
        ),
        "call": (
            "May Tabara staff call you back on this number?\n1 Yes\n2 No, keep me anonymous\n0 Back"
        ),
        "confirm": "Send your report?\n1 Send\n2 Cancel\n0 Back",
        "cancelled": "Nothing was sent. Thank you.",
        "receipt": (
            "Thank you! Your receipt:\n{receipt}\nWrite it down somewhere safe. "
            "No one else will see it."
        ),
        "failed": "Your report could not be sent. Please try again shortly.",
        "already": "This report has already reached us. Thank you.",
        "elsewhere": "This report continues in your other session. Thank you.",
        "ask_receipt": "Type your 16-digit receipt:\n0 Back",
        "not_found": "No report has this receipt.",
        "too_many": "No report has this receipt. Please try again later.",
        "status": "Status: {status}",
        "latest": "Message: {message}",
        "no_message": "No new message.",
        "learn": (
            "Learn\n1 Signs of trafficking\n2 How it differs\n3 A genuine job abroad\n"
            "4 Emergency numbers\n0 Back"
        ),
        "diff": (
            "Trafficking differs from:\n1 Smuggling\n2 Sex work\n3 Child labour\n"
            "4 Labour exploitation\n0 Back"
        ),
        "signs": (
            "Signs: a too-good job far away, papers taken, a debt that never ends, "
            "not free to leave or to call family, working without pay."
        ),
        "job": (
            "A genuine job: a written contract before you leave, no fee to pay, a "
            "licensed agency, you keep your own passport."
        ),
        "sos": "Emergency (free):\nPolice 112\nRIB 166\nIsange 3029\nChild helpline 116\n0 Back",
        "jobs": "Job abroad\n1 Check a recruitment agency\n2 Check a job offer\n0 Back",
        "ask_agency": "Type the agency's name, phone or licence number:\n0 Back",
        "offer_agency": "Name or phone of who offered the job:\n0 Don't know",
        "agency_licensed": "{name}: licensed until {date}, for: {places}.",
        "agency_other_place": "{name}: not licensed for that country, only for: {places}.",
        "agency_suspended": "{name}: licence suspended. It may not recruit.",
        "agency_revoked": "{name}: licence revoked. It may not recruit.",
        "agency_expired": "{name}: licence expired. It may not recruit now.",
        "agency_none": (
            "Not found. Not found does not mean safe: ask for the licence number, "
            "pay nothing for a job. RIB 166, Police 112."
        ),
        "offer_report": "1 Report it",
    },
    "fr": {
        "resume": (
            "Vous avez un signalement inacheve. Le continuer ?\n1 Oui, continuer\n"
            "2 Non, recommencer"
        ),
        "main": (
            "Tabara: contre la traite des personnes\n1 Signaler un cas\n"
            "2 Suivre un signalement\n3 S'informer\n4 Ururimi/Language\n5 Emploi a l'etranger"
        ),
        "lang": "Choisissez la langue\n1 Kinyarwanda\n2 English\n3 Francais",
        "back": "0 Retour",
        "more": "9 Suite",
        "dunno": "8 Je ne sais pas",
        "invalid": "Non compris.",
        "invalid_menu": "Non compris: tapez le numero de votre choix.",
        "invalid_count": "Non compris: tapez le nombre en chiffres (ex. 2).",
        "invalid_text": "Non compris: tapez quelques mots.",
        "what": "Que se passe-t-il?",
        "other": "6 Autre",
        "other_text": "Decrivez brievement ce qui se passe (160 caracteres au plus):",
        "where": (
            "Ou cela se passe-t-il ?\n{provinces}\n6 A une frontiere\n7 Dans un autre pays\n"
            "8 Je ne sais pas\n0 Retour"
        ),
        "district": "District:",
        "sector": "Secteur:",
        "border": "Poste frontiere:",
        "who": (
            "Qui est en danger ?\n1 Des enfants\n2 Des adultes\n3 Les deux\n"
            "4 Je ne sais pas\n0 Retour"
        ),
        "count": "Combien de personnes ? Tapez un nombre (ex. 2).\n0 Je ne sais pas",
        "recruit": (
            "Comment ont-ils ete recrutes ?\n1 Reseaux sociaux\n2 Une agence\n3 Un parent\n"
            "4 Ami ou voisin\n5 Un inconnu\n6 Je ne sais pas\n0 Retour"
        ),
        "call": (
            "Tabara peut-il vous rappeler a ce numero ?\n1 Oui\n2 Non, je reste anonyme\n0 Retour"
        ),
        "confirm": "Envoyer le signalement ?\n1 Envoyer\n2 Annuler\n0 Retour",
        "cancelled": "Rien n'a ete envoye. Merci.",
        "receipt": (
            "Merci ! Votre recu:\n{receipt}\nNotez-le en lieu sur. Personne d'autre ne le verra."
        ),
        "failed": "Le signalement n'a pas pu etre envoye. Reessayez bientot.",
        "already": "Ce signalement nous est deja parvenu. Merci.",
        "elsewhere": "Ce signalement continue dans votre autre session. Merci.",
        "ask_receipt": "Tapez votre recu (16 chiffres):\n0 Retour",
        "not_found": "Aucun signalement avec ce recu.",
        "too_many": "Aucun signalement avec ce recu. Reessayez plus tard.",
        "status": "Etat: {status}",
        "latest": "Message: {message}",
        "no_message": "Pas de nouveau message.",
        "learn": (
            "S'informer\n1 Signes de traite\n2 Les differences\n3 Un vrai emploi a l'etranger\n"
            "4 Numeros d'urgence\n0 Retour"
        ),
        "diff": (
            "La traite differe de:\n1 Trafic de migrants\n2 Travail du sexe\n"
            "3 Travail des enfants\n4 Exploitation au travail\n0 Retour"
        ),
        "signs": (
            "Signes: emploi trop beau et lointain, papiers confisques, dette sans fin, "
            "pas libre de partir ni d'appeler sa famille."
        ),
        "job": (
            "Un vrai emploi: contrat ecrit avant le depart, aucun frais a payer, agence "
            "agreee, vous gardez votre passeport."
        ),
        "sos": "Urgence (gratuit):\nPolice 112\nRIB 166\nIsange 3029\nEnfants 116\n0 Retour",
        "jobs": (
            "Emploi a l'etranger\n1 Verifier une agence\n2 Verifier une offre d'emploi\n0 Retour"
        ),
        "ask_agency": "Tapez le nom, le telephone ou le numero de licence de l'agence:\n0 Retour",
        "offer_agency": "Nom ou telephone de qui propose l'emploi:\n0 Je ne sais pas",
        "agency_licensed": "{name}: agreee jusqu'au {date}, pour: {places}.",
        "agency_other_place": "{name}: pas agreee pour ce pays, seulement pour: {places}.",
        "agency_suspended": "{name}: licence suspendue. Elle ne peut pas recruter.",
        "agency_revoked": "{name}: licence revoquee. Elle ne peut pas recruter.",
        "agency_expired": "{name}: licence expiree. Elle ne peut pas recruter maintenant.",
        "agency_none": (
            "Introuvable. Introuvable ne veut pas dire sur: demandez le numero de licence, "
            "ne payez rien pour un emploi. RIB 166, Police 112."
        ),
        "offer_report": "1 Le signaler",
    },
}

# Report status labels for the follow-up screen, by ReportStatus value.
STATUS: Final[dict[str, dict[str, str]]] = {
    "received": {"rw": "byakiriwe", "en": "received", "fr": "recu"},
    "in_review": {"rw": "birimo gusuzumwa", "en": "being looked into", "fr": "en cours d'examen"},
    "referred": {
        "rw": "byohererejwe urwego rubishinzwe",
        "en": "passed to the agency that can act",
        "fr": "transmis a l'organisme competent",
    },
    "closed": {"rw": "byarangiye", "en": "closed", "fr": "clos"},
}
