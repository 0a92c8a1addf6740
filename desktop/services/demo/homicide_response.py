"""The Homicide Prevention response, published through the publishing service on 3 October 2023."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from database import Store
from desktop.documents.test_certs import demo_certificate
from desktop.services.demo.office import PCC_NAME

HOMICIDE_LETTER_DATE = date(2023, 10, 3)

_HOMICIDE_TEXT = {
    "introduction_en": (
        "I acknowledge the recommendations in this report and will monitor the force's progress "
        "in putting them into practice. The Chief Constable presented the force's response to "
        "the inspection at my Policing Board on 21 September 2023.\n\n"
        "It is encouraging that the report finds most of the forces inspected able to identify "
        "the patterns and causes of homicide and to direct the right resources at them. "
        "Dyfed-Powys Police was not one of the forces inspected.\n\n"
        "The report makes three recommendations. The first is for the Home Office and the "
        "College of Policing; the second and third are for chief constables and so apply to "
        "Dyfed-Powys Police. Below I set out my comments on each, the assurances the Chief "
        "Constable has given me and how I will follow them up."
    ),
    "introduction_cy": (
        "Rwy'n cydnabod yr argymhellion yn yr adroddiad hwn a byddaf yn monitro cynnydd yr "
        "heddlu wrth eu rhoi ar waith. Cyflwynodd y Prif Gwnstabl ymateb yr heddlu i'r "
        "arolygiad yn fy Mwrdd Plismona ar 21 Medi 2023.\n\n"
        "Mae'n galonogol bod yr adroddiad yn canfod bod y rhan fwyaf o'r heddluoedd a arolygwyd "
        "yn gallu nodi patrymau ac achosion dynladdiad a chyfeirio'r adnoddau cywir atynt. Nid "
        "oedd Heddlu Dyfed-Powys yn un o'r heddluoedd a arolygwyd.\n\n"
        "Mae'r adroddiad yn gwneud tri argymhelliad. Mae'r cyntaf ar gyfer y Swyddfa Gartref "
        "a'r Coleg Plismona; mae'r ail a'r trydydd ar gyfer prif gwnstabliaid, ac felly maent "
        "yn berthnasol i Heddlu Dyfed-Powys. Isod, rwy'n nodi fy sylwadau ar bob un, y "
        "sicrwydd a roddodd y Prif Gwnstabl i mi a sut y byddaf yn mynd ar drywydd y gwaith."
    ),
    "cc_comments_en": (
        "The Chief Constable welcomes the report and has assured me that the force's homicide "
        "problem profile will be refreshed regularly, that partners are already providing more "
        "data for the Serious Violence Duty needs assessment, and that a homicide prevention "
        "strategy is being developed to target the highest-risk areas that the profile and the "
        "needs assessment identify. The force will keep its link with the Wales Safeguarding "
        "Repository so that lessons from reviews reach investigators quickly."
    ),
    "cc_comments_cy": (
        "Mae'r Prif Gwnstabl yn croesawu'r adroddiad ac mae wedi fy sicrhau y bydd proffil "
        "problem dynladdiad yr heddlu yn cael ei adnewyddu'n rheolaidd, bod partneriaid eisoes "
        "yn darparu rhagor o ddata ar gyfer asesiad anghenion y Ddyletswydd Trais Difrifol, a "
        "bod strategaeth atal dynladdiad yn cael ei datblygu i dargedu'r meysydd risg uchaf y "
        "mae'r proffil a'r asesiad anghenion yn eu nodi. Bydd yr heddlu'n cadw ei gyswllt â "
        "Storfa Ddiogelu Cymru fel bod gwersi o adolygiadau yn cyrraedd ymchwilwyr yn gyflym."
    ),
    "pcc_reply_en": (
        "I welcome these assurances and the work already under way. I will hold the Chief "
        "Constable to account for it through my Policing Board: I will seek an update on the "
        "Serious Violence Duty strategic needs assessment and the homicide prevention strategy "
        "in November 2023, and on the analytical report on death investigations before 31 August "
        "2024. I will also keep pressing nationally for forces to have the analysts they need."
    ),
    "pcc_reply_cy": (
        "Rwy'n croesawu'r sicrwydd hwn a'r gwaith sydd eisoes ar y gweill. Byddaf yn dal y Prif "
        "Gwnstabl i gyfrif amdano drwy fy Mwrdd Plismona: byddaf yn gofyn am ddiweddariad ar "
        "asesiad anghenion strategol y Ddyletswydd Trais Difrifol a'r strategaeth atal "
        "dynladdiad ym mis Tachwedd 2023, ac ar yr adroddiad dadansoddol ar ymchwiliadau i "
        "farwolaethau cyn 31 Awst 2024. Byddaf hefyd yn parhau i bwyso'n genedlaethol i "
        "heddluoedd gael y dadansoddwyr sydd eu hangen arnynt."
    ),
    "closing_en": (
        "I am sending a copy of this response to HMICFRS and to the Home Secretary, and "
        "publishing it on my website in Welsh and in English."
    ),
    "closing_cy": (
        "Rwy'n anfon copi o'r ymateb hwn at HMICFRS ac at yr Ysgrifennydd Cartref, ac yn ei "
        "gyhoeddi ar fy ngwefan yn Gymraeg ac yn Saesneg."
    ),
}

_HOMICIDE_REC2 = (
    "I have repeatedly raised the shortage of trained analysts across policing. Forces find it "
    "hard to recruit and keep analysts, and tying the extra government funding for officers to "
    "officer numbers leaves them little freedom to invest in the specialists they need locally. "
    "I am also working to make sure that every Welsh force provides data to the Secure "
    "Anonymised Information Linkage (SAIL) databank, so that services in Wales can link their "
    "data for research and planning.\n\n"
    "The force completed a homicide problem profile this year, drawing on homicides and "
    "near-miss offences between April 2019 and March 2022, and the Chief Constable has assured "
    "me that it will be refreshed regularly. The Serious Violence Duty has re-emphasised the "
    "duty on statutory partners to share information: the force held an event with statutory "
    "and voluntary partners to explain the data needed for its strategic needs assessment, and "
    "its analyst has received new data sources as a result. The force is also working with the "
    "Single Unified Safeguarding Review project, whose Wales Safeguarding Repository brings "
    "together practice reviews and homicide reviews from across Wales.\n\n"
    "I will seek an update on this recommendation through my Policing Board, where I hold the "
    "Chief Constable to account, before 31 August 2024.",
    "Rwyf wedi codi dro ar ôl tro y prinder dadansoddwyr hyfforddedig ar draws plismona. Mae'n "
    "anodd i heddluoedd recriwtio a chadw dadansoddwyr, ac mae clymu cyllid ychwanegol y "
    "llywodraeth ar gyfer swyddogion wrth niferoedd swyddogion yn eu gadael heb fawr o ryddid i "
    "fuddsoddi yn yr arbenigwyr sydd eu hangen arnynt yn lleol. Rwyf hefyd yn gweithio i "
    "sicrhau bod pob heddlu yng Nghymru yn darparu data i fanc data SAIL (Secure Anonymised "
    "Information Linkage), fel y gall gwasanaethau yng Nghymru gysylltu eu data ar gyfer "
    "ymchwil a chynllunio.\n\n"
    "Cwblhaodd yr heddlu broffil problem dynladdiad eleni, gan ddefnyddio achosion o "
    "ddynladdiad a throseddau a fu bron â bod yn ddynladdiad rhwng Ebrill 2019 a Mawrth 2022, "
    "ac mae'r Prif Gwnstabl wedi fy sicrhau y caiff ei adnewyddu'n rheolaidd. Mae'r "
    "Ddyletswydd Trais Difrifol wedi ailbwysleisio'r ddyletswydd ar bartneriaid statudol i "
    "rannu gwybodaeth: cynhaliodd yr heddlu ddigwyddiad gyda phartneriaid statudol a "
    "gwirfoddol i egluro'r data sydd eu hangen ar gyfer ei asesiad anghenion strategol, ac o "
    "ganlyniad mae ei ddadansoddwr wedi cael ffynonellau data newydd. Mae'r heddlu hefyd yn "
    "gweithio gyda phrosiect yr Adolygiad Diogelu Unedig Sengl, y mae ei Storfa Ddiogelu "
    "Cymru yn dwyn ynghyd adolygiadau ymarfer ac adolygiadau dynladdiad o bob rhan o Gymru.\n\n"
    "Byddaf yn gofyn am ddiweddariad ar yr argymhelliad hwn drwy fy Mwrdd Plismona, lle rwy'n "
    "dal y Prif Gwnstabl i gyfrif, cyn 31 Awst 2024.",
)

_HOMICIDE_REC3 = (
    "I want the force to keep its link with the Wales Safeguarding Repository, which holds "
    "every Welsh practice review and death review. The repository is a research project run "
    "with the National Independent Safeguarding Board and the Welsh Government; it uses text "
    "mining and machine learning so that police officers, social workers and health and care "
    "staff can learn more from those reviews.\n\n"
    "The force tells me that it is developing a homicide prevention strategy aimed at the "
    "highest-risk areas identified in its problem profile and in the Serious Violence Duty "
    "strategic needs assessment. The needs assessment, a substantial piece of analysis that "
    "sets out the gaps between the present position in Dyfed-Powys and the outcomes we want, "
    "is due to be completed in October 2023 and is the basis of the local delivery plan for the "
    "Duty. I will seek an update on the force's progress through my Policing Board in November "
    "2023.",
    "Rwyf am i'r heddlu gadw ei gyswllt â Storfa Ddiogelu Cymru, sy'n cadw pob adolygiad "
    "ymarfer ac adolygiad marwolaeth yng Nghymru. Mae'r storfa'n brosiect ymchwil a gynhelir "
    "gyda'r Bwrdd Diogelu Annibynnol Cenedlaethol a Llywodraeth Cymru; mae'n defnyddio "
    "technegau cloddio testun a dysgu peirianyddol fel y gall swyddogion yr heddlu, gweithwyr "
    "cymdeithasol a staff iechyd a gofal ddysgu mwy o'r adolygiadau hynny.\n\n"
    "Mae'r heddlu wedi rhoi gwybod i mi ei fod yn datblygu strategaeth atal dynladdiad sy'n "
    "canolbwyntio ar y meysydd risg uchaf a nodwyd yn ei broffil problem ac yn asesiad "
    "anghenion strategol y Ddyletswydd Trais Difrifol. Disgwylir i'r asesiad anghenion, sy'n "
    "ddarn sylweddol o waith dadansoddi sy'n nodi'r bylchau rhwng y sefyllfa bresennol yn "
    "Nyfed-Powys a'r canlyniadau yr ydym am eu gweld, gael ei gwblhau ym mis Hydref 2023, a "
    "dyma sail cynllun cyflawni lleol y Ddyletswydd. Byddaf yn gofyn am ddiweddariad ar "
    "gynnydd yr heddlu drwy fy Mwrdd Plismona ym mis Tachwedd 2023.",
)


def publish_homicide_response(
    store: Store, ids: dict[str, int], certificate: tuple[Path, bytes] | None = None
) -> int:
    """Draft, translate, approve and publish the response through the publishing service, as the
    office did in 2023; the report's s.55 steps are then all dated. Returns the response id.

    ``certificate`` is the demo office's demonstration certificate ``(p12, password)``; without
    one, a throwaway demonstration certificate signs it."""
    from desktop.services import publishing

    response = publishing.ensure_draft(store, ids["report"])
    # Recommendation 1 is not applicable: its reason (on the recommendation) is the explanation.
    texts = {ids["rec2"]: _HOMICIDE_REC2, ids["rec3"]: _HOMICIDE_REC3}
    sections = [
        replace(s, explanation_en=texts[s.recommendation_id][0],
                explanation_cy=texts[s.recommendation_id][1])
        for s in store.sections(response.id)
        if s.recommendation_id in texts
    ]  # fmt: skip
    publishing.save_draft(
        store, replace(response, letter_date=HOMICIDE_LETTER_DATE, **_HOMICIDE_TEXT), sections
    )
    for state, note in (
        ("in_translation", "Welsh translation by the office's translator."),
        ("ready_for_approval", ""),
        ("approved", "Approved by the Commissioner."),
    ):
        publishing.advance(store, response.id, state, note)
    # Published signed, as every response is: with a self-signed demonstration certificate in
    # the Commissioner's (fictional) name that says so. Nobody trusts it, so `craffu verify`
    # reports the file intact and valid but the signer untrusted.
    if certificate is not None:
        publishing.publish(
            store, response.id, p12=certificate[0], password=certificate[1],
            today=HOMICIDE_LETTER_DATE,
        )  # fmt: skip
    else:
        # A throw-away one, made in Craffu's private work folder (swept after a crash), not
        # the system's temporary folder: it holds a private key, even a demonstration one.
        from desktop.services.work_files import work_folder

        with work_folder("demo") as folder:
            p12, password = demo_certificate(Path(folder), PCC_NAME)
            publishing.publish(
                store, response.id, p12=p12, password=password, today=HOMICIDE_LETTER_DATE
            )
    report = store.report(ids["report"])
    store.update_report(
        replace(
            report,
            sent_hmicfrs_on=HOMICIDE_LETTER_DATE,
            sent_home_secretary_on=HOMICIDE_LETTER_DATE,
        )
    )
    return int(response.id or 0)
