"""Demo content for previews, tests and benchmarks: a response to HMICFRS's 2023 "Homicide
Prevention" inspection, modelled on the Dyfed-Powys response (facts and dates carry over; the
Commissioner's wording here is Craffu's own). The person named is fictional."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.documents.model import (
    ActionHistoryEntry,
    ActionRow,
    AgendaItem,
    AssuranceText,
    BoardPack,
    OfficeProfile,
    RecommendationStatusRow,
    ResponseDocument,
    ResponseRecommendation,
)


def demo_office(logo: Path | None = None, signature: Path | None = None) -> OfficeProfile:
    return OfficeProfile(
        pcc_name="Elin Morgan",
        pcc_title_en="Police and Crime Commissioner for Dyfed-Powys",
        pcc_title_cy="Comisiynydd Heddlu a Throseddu Dyfed-Powys",
        office_name_en="Office of the Police and Crime Commissioner for Dyfed-Powys",
        office_name_cy="Swyddfa Comisiynydd Heddlu a Throseddu Dyfed-Powys",
        address_en="PO Box 99\nLlangunnor\nCarmarthen\nSA31 2PF",
        address_cy="Blwch Post 99\nLlangynnwr\nCaerfyrddin\nSA31 2PF",
        logo_path=logo,
        signature_path=signature,
    )


REC2_EN = (
    "By 31 August 2024, chief constables in England and Wales should devise an approach to make "
    "sure their force can, on a sufficiently frequent basis, produce an analytical report "
    "concerning its death investigations. This will help the force to:\n"
    "- **better understand the pattern of death reports across the force area, drawing on force "
    "data and information gathered by other organisations, including the NHS and local "
    "authorities; and**\n"
    "- **identify any linked series of death reports.**"
)
REC2_CY = (
    "Erbyn 31 Awst 2024, dylai prif gwnstabliaid yng Nghymru a Lloegr lunio dull o sicrhau y gall "
    "eu heddlu, yn ddigon aml, lunio adroddiad dadansoddol am ei ymchwiliadau i farwolaethau. "
    "Bydd hyn yn helpu’r heddlu i:\n"
    "- **ddeall yn well batrwm yr adroddiadau am farwolaethau ar draws ardal yr heddlu, gan "
    "ddefnyddio data’r heddlu a gwybodaeth a gasglwyd gan sefydliadau eraill, gan gynnwys y GIG "
    "ac awdurdodau lleol; a**\n"
    "- **nodi unrhyw gyfres gysylltiedig o adroddiadau am farwolaethau.**"
)
REC3_EN = (
    "By 1 December 2023, chief constables should make sure their force can quickly identify "
    "lessons from homicides and serious violence incidents. The process should be capable of "
    "involving partner organisations when appropriate, so that lessons can be learned more widely."
)
REC3_CY = (
    "Erbyn 1 Rhagfyr 2023, dylai prif gwnstabliaid sicrhau y gall eu heddlu nodi gwersi’n gyflym "
    "o achosion o ddynladdiad a digwyddiadau o drais difrifol. Dylai’r broses allu cynnwys "
    "sefydliadau partner pan fo hynny’n briodol, fel y gellir dysgu gwersi’n ehangach."
)


def demo_response(is_draft: bool = False) -> ResponseDocument:
    rec2 = ResponseRecommendation(
        number="2",
        text_en=REC2_EN,
        text_cy=REC2_CY,
        deadline_text_en="By 31 August 2024",
        deadline_text_cy="Erbyn 31 Awst 2024",
        deadline_on=date(2024, 8, 31),
        addressees_en="Chief constables in England and Wales",
        addressees_cy="Prif gwnstabliaid yng Nghymru a Lloegr",
        explanation_en=(
            "Forces across Wales are short of trained analysts. Recruiting and keeping them is "
            "hard, and the way extra officer funding is ring-fenced leaves little room to invest "
            "in the specialist staff each area needs. I have raised this repeatedly and will "
            "continue to do so.\n\n"
            "I am also working for all four Welsh forces to share data with the **Secure "
            "Anonymised Information Linkage (SAIL)** databank, so that services in Wales can "
            "link their data for research and planning.\n\n"
            "I will follow up progress on this recommendation at my Policing Board, where I hold "
            "the Chief Constable to account, before *31 August 2024*."
        ),
        explanation_cy=(
            "Mae prinder dadansoddwyr hyfforddedig ar draws heddluoedd Cymru. Mae’n anodd eu "
            "recriwtio a’u cadw, ac mae’r ffordd y mae cyllid ychwanegol ar gyfer swyddogion wedi’i "
            "glustnodi yn gadael fawr o le i fuddsoddi yn y staff arbenigol sydd eu hangen ar bob "
            "ardal. Rwyf wedi codi hyn dro ar ôl tro a byddaf yn parhau i wneud hynny.\n\n"
            "Rwyf hefyd yn gweithio i sicrhau bod pob un o bedwar heddlu Cymru yn rhannu data â "
            "chronfa ddata **Cysylltu Gwybodaeth Ddienw Ddiogel (SAIL)**, fel y gall gwasanaethau "
            "yng Nghymru gysylltu eu data ar gyfer ymchwil a chynllunio.\n\n"
            "Byddaf yn dilyn cynnydd yn erbyn yr argymhelliad hwn yn fy Mwrdd Plismona, lle rwy’n "
            "dal y Prif Gwnstabl i gyfrif, cyn *31 Awst 2024*."
        ),
        assurances=(
            AssuranceText(
                given_on=date(2023, 9, 21),
                given_by="Chief Constable, Policing Board",
                given_by_cy="Y Prif Gwnstabl, Bwrdd Plismona",
                text_en=(
                    "The Force completed a homicide problem profile this year, drawing on "
                    "homicide and near-miss offences from April 2019 to March 2022, and will "
                    "refresh it regularly."
                ),
                text_cy=(
                    "Cwblhaodd yr Heddlu broffil problem dynladdiad eleni, gan ddefnyddio "
                    "troseddau dynladdiad a throseddau a fu bron â bod yn ddynladdiad rhwng "
                    "Ebrill 2019 a Mawrth 2022, a bydd yn ei adnewyddu’n rheolaidd."
                ),
            ),
            AssuranceText(
                given_on=date(2023, 9, 21),
                given_by="Chief Constable, Policing Board",
                given_by_cy="Y Prif Gwnstabl, Bwrdd Plismona",
                text_en=(
                    "The Force is linking with the Single Unified Safeguarding Review project "
                    "and its Wales Safeguarding Repository of practice and homicide reviews."
                ),
                text_cy=(
                    "Mae’r Heddlu yn cysylltu â phrosiect yr Adolygiad Diogelu Unedig Sengl a’i "
                    "Storfa Ddiogelu Cymru o adolygiadau ymarfer ac adolygiadau dynladdiad."
                ),
            ),
        ),
    )
    rec3 = ResponseRecommendation(
        number="3",
        text_en=REC3_EN,
        text_cy=REC3_CY,
        deadline_text_en="By 1 December 2023",
        deadline_text_cy="Erbyn 1 Rhagfyr 2023",
        deadline_on=date(2023, 12, 1),
        addressees_en="Chief constables",
        addressees_cy="Prif gwnstabliaid",
        explanation_en=(
            "I want Dyfed-Powys Police to keep its link with the Wales Safeguarding Repository, "
            "which holds every Welsh practice review and death review and uses text mining to "
            "draw out lessons for police officers, social workers and health and care staff.\n\n"
            "The Force is preparing a homicide prevention strategy aimed at the highest risks in "
            "its problem profile and in the Serious Violence Duty strategic needs assessment, due "
            "by October 2023. I will seek an update through my Policing Board in November 2023."
        ),
        explanation_cy=(
            "Rwyf am i Heddlu Dyfed-Powys gadw ei gyswllt â Storfa Ddiogelu Cymru, sy’n cadw pob "
            "adolygiad ymarfer ac adolygiad marwolaeth yng Nghymru ac sy’n defnyddio cloddio "
            "testun i dynnu gwersi i swyddogion yr heddlu, gweithwyr cymdeithasol a staff iechyd a "
            "gofal.\n\n"
            "Mae’r Heddlu yn paratoi strategaeth atal dynladdiad sy’n targedu’r risgiau uchaf yn ei "
            "broffil problem ac yn asesiad anghenion strategol y Ddyletswydd Trais Difrifol, sydd i’w "
            "gwblhau erbyn mis Hydref 2023. Byddaf yn gofyn am ddiweddariad drwy fy Mwrdd Plismona "
            "ym mis Tachwedd 2023."
        ),
    )
    return ResponseDocument(
        report_title_en=(
            "Homicide Prevention: An inspection of the police contribution to the prevention of "
            "homicide"
        ),
        report_title_cy=("Atal Dynladdiad: Arolygiad o gyfraniad yr heddlu at atal dynladdiad"),
        report_published_on=date(2023, 8, 11),
        letter_date=date(2023, 10, 2),
        introduction_en=(
            "HMICFRS published this thematic report on 11 August 2023. Dyfed-Powys Police was not "
            "one of the forces inspected, but the report makes recommendations to all chief "
            "constables. I welcome its finding that most forces understand the patterns and "
            "causes of homicide and direct resources to tackle them.\n\n"
            "The report makes **two recommendations** that apply to forces. Below I set out my "
            "response to each, with the assurances the Chief Constable gave me at the Policing "
            "Board on 21 September 2023."
        ),
        introduction_cy=(
            "Cyhoeddodd yr Arolygiaeth (HMICFRS) yr adroddiad thematig hwn ar 11 Awst 2023. Nid oedd Heddlu "
            "Dyfed-Powys yn un o’r heddluoedd a arolygwyd, ond mae’r adroddiad yn gwneud "
            "argymhellion i bob prif gwnstabl. Rwy’n croesawu ei ganfyddiad bod y rhan fwyaf o "
            "heddluoedd yn deall patrymau ac achosion dynladdiad ac yn cyfeirio adnoddau i fynd i’r "
            "afael â nhw.\n\n"
            "Mae’r adroddiad yn gwneud **dau argymhelliad** sy’n berthnasol i heddluoedd. Isod, "
            "rwy’n nodi fy ymateb i bob un, gyda’r sicrwydd a roddodd y Prif Gwnstabl i mi yn y "
            "Bwrdd Plismona ar 21 Medi 2023."
        ),
        recommendations=(rec2, rec3),
        cc_comments_en=(
            "The Chief Constable welcomes the report and accepts both recommendations. The Force "
            "will report progress to the Policing Board."
        ),
        cc_comments_cy=(
            "Mae’r Prif Gwnstabl yn croesawu’r adroddiad ac yn derbyn y ddau argymhelliad. Bydd yr "
            "Heddlu yn adrodd ar gynnydd i’r Bwrdd Plismona."
        ),
        pcc_reply_en=(
            "I am grateful for the Chief Constable’s response and will hold the Force to the "
            "dates above."
        ),
        pcc_reply_cy=(
            "Rwy’n ddiolchgar am ymateb y Prif Gwnstabl a byddaf yn dal yr Heddlu at y dyddiadau "
            "uchod."
        ),
        closing_en="I will keep the Force’s progress under review.",
        closing_cy="Byddaf yn parhau i adolygu cynnydd yr Heddlu.",
        is_draft=is_draft,
        version=1,
    )


def many_recommendations(n: int = 60, paragraphs: int = 3) -> ResponseDocument:
    """The demo response stretched to ``n`` recommendations (for stress tests and benchmarks)."""
    base = demo_response()
    recs = []
    for i in range(n):
        src = base.recommendations[i % 2]
        recs.append(
            replace(
                src,
                number=str(i + 1),
                explanation_en="\n\n".join([src.explanation_en] * paragraphs),
                explanation_cy="\n\n".join([src.explanation_cy] * paragraphs),
            )
        )
    return replace(base, recommendations=tuple(recs))


def demo_board_pack() -> BoardPack:
    return BoardPack(
        meeting_title_en="Policing Board",
        meeting_title_cy="Bwrdd Plismona",
        meeting_date=date(2023, 11, 16),
        meeting_time="10:00",
        location_en="Police Headquarters, Carmarthen, and online",
        location_cy="Pencadlys yr Heddlu, Caerfyrddin, ac ar-lein",
        agenda=(
            AgendaItem("1", "Welcome and apologies", "Croeso ac ymddiheuriadau"),
            AgendaItem(
                "2",
                "Minutes of the previous meeting and actions",
                "Cofnodion y cyfarfod blaenorol a chamau gweithredu",
            ),
            AgendaItem(
                "3",
                "HMICFRS Homicide Prevention: progress on recommendations 2 and 3",
                "Atal Dynladdiad (HMICFRS): cynnydd ar argymhellion 2 a 3",
                presenter="Assistant Chief Constable",
                presenter_cy="Prif Gwnstabl Cynorthwyol",
            ),
            AgendaItem(
                "4",
                "Serious Violence Duty: strategic needs assessment",
                "Y Ddyletswydd Trais Difrifol: asesiad anghenion strategol",
            ),
            AgendaItem(
                "5",
                "Operational matter under investigation",
                "Mater gweithredol dan ymchwiliad",
                exempt=True,
                presenter="Deputy Chief Constable",
                presenter_cy="Dirprwy Brif Gwnstabl",
            ),
            AgendaItem("6", "Any other business", "Unrhyw fater arall"),
        ),
        recommendations=(
            RecommendationStatusRow(
                "HP-2",
                "Analytical report on death investigations",
                "Adroddiad dadansoddol ar ymchwiliadau i farwolaethau",
                date(2024, 8, 31),
                "Pending sign-off",
                "Yn aros am gymeradwyaeth",
                "amber",
                owner="Head of Analysis",
                owner_cy="Pennaeth Dadansoddi",
                planned_closure=date(2024, 7, 31),
                report_en="Homicide Prevention",
                report_cy="Atal Dynladdiad",
            ),
            RecommendationStatusRow(
                "HP-3",
                "Identify lessons from homicides quickly",
                "Nodi gwersi o ddynladdiadau’n gyflym",
                date(2023, 12, 1),
                "In progress",
                "Ar waith",
                "red",
                owner="Head of Public Protection",
                owner_cy="Pennaeth Diogelu’r Cyhoedd",
                planned_closure=date(2024, 2, 29),
                report_en="Homicide Prevention",
                report_cy="Atal Dynladdiad",
            ),
            RecommendationStatusRow(
                "HP-1",
                "Home Office: national homicide prevention strategy",
                "Y Swyddfa Gartref: strategaeth genedlaethol atal dynladdiad",
                None,
                "Not applicable to the force",
                "Nid yw’n berthnasol i’r heddlu",
                "grey",
                report_en="Homicide Prevention",
                report_cy="Atal Dynladdiad",
            ),
        ),
        actions=(
            ActionRow(
                "PB-23-41",
                "Report progress on the homicide problem profile refresh",
                "Adrodd ar gynnydd adnewyddu’r proffil problem dynladdiad",
                "Head of Analysis",
                date(2023, 11, 16),
                "Open",
                "Agored",
                owner_cy="Pennaeth Dadansoddi",
                history=(
                    ActionHistoryEntry(date(2023, 9, 21), "Action agreed.", "Cytunwyd ar y cam."),
                    ActionHistoryEntry(
                        date(2023, 10, 12),
                        "Due date moved from 12 October: data from partners late "
                        "(agreed by the Chief Executive).",
                        "Dyddiad dyledus wedi’i symud o 12 Hydref: data gan bartneriaid yn hwyr "
                        "(cytunwyd gan y Prif Weithredwr).",
                    ),
                ),
            ),
        ),
        previous_minutes_en=(
            "**Present:** the Commissioner (chair), the Chief Constable, the Chief Executive.\n\n"
            "The Board discussed the Force’s response to the Homicide Prevention inspection.\n"
            "- The Chief Constable described the homicide problem profile.\n"
            "- The Board agreed action PB-23-41."
        ),
        previous_minutes_cy=(
            "**Yn bresennol:** y Comisiynydd (cadeirydd), y Prif Gwnstabl, y Prif Weithredwr.\n\n"
            "Trafododd y Bwrdd ymateb yr Heddlu i’r arolygiad Atal Dynladdiad.\n"
            "- Disgrifiodd y Prif Gwnstabl y proffil problem dynladdiad.\n"
            "- Cytunodd y Bwrdd ar gam gweithredu PB-23-41."
        ),
        previous_meeting_date=date(2023, 9, 21),
    )


def write_demo_images(folder: Path) -> tuple[Path, Path]:
    """Draw a placeholder logo and signature (PNG) into ``folder``; return their paths."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    logo = Image.new("RGBA", (360, 160), (255, 255, 255, 0))
    d = ImageDraw.Draw(logo)
    d.polygon([(20, 10), (130, 10), (130, 90), (75, 150), (20, 90)], fill=(31, 58, 95, 255))
    d.polygon([(40, 28), (110, 28), (110, 84), (75, 124), (40, 84)], fill=(255, 255, 255, 255))
    d.polygon([(55, 44), (95, 44), (95, 80), (75, 104), (55, 80)], fill=(180, 140, 40, 255))
    for i in range(3):
        d.rectangle([150, 30 + i * 38, 340 - i * 40, 50 + i * 38], fill=(31, 58, 95, 255))
    logo_path = folder / "logo.png"
    logo.save(logo_path)
    sig = Image.new("RGBA", (420, 140), (255, 255, 255, 0))
    d = ImageDraw.Draw(sig)
    pts = [(10 + x * 4, 80 + int(35 * ((-1) ** (x // 7)) * ((x % 7) / 7))) for x in range(100)]
    d.line(pts, fill=(20, 30, 90, 255), width=4, joint="curve")
    d.line([(30, 110), (380, 100)], fill=(20, 30, 90, 255), width=3)
    sig_path = folder / "signature.png"
    sig.save(sig_path)
    return logo_path, sig_path
