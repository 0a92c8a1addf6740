"""The Welsh of the demo office's owners, presenters and givers, as its translator wrote them.

Every name typed in the demo gets its row of ``names`` from the database's triggers (the usual
office holders, "Chief Constable", with their Welsh already); this gives the rest theirs, so a
Welsh board pack prints no English name or title. People keep their own names; ranks and posts
are translated."""

from __future__ import annotations

from dataclasses import replace

from database import Store

WELSH_NAMES = {
    "Head of Analysis": "Pennaeth Dadansoddi",
    "Supt Huw Jenkins": "Uwch-arolygydd Huw Jenkins",
    "Ch Insp Siân Bowen": "Prif Arolygydd Siân Bowen",
    "Head of Public Protection": "Pennaeth Diogelu’r Cyhoedd",
    "Head of Professional Standards": "Pennaeth Safonau Proffesiynol",
    "Head of Criminal Justice": "Pennaeth Cyfiawnder Troseddol",
    "Director of Finance": "Cyfarwyddwr Cyllid",
    "ACC Operations": "Prif Gwnstabl Cynorthwyol (Gweithrediadau)",
    "Chief Executive, OPCC": "Prif Weithredwr, Swyddfa’r Comisiynydd",
    "Head of Contact Centre": "Pennaeth y Ganolfan Gyswllt",
    "Policy Officer": "Swyddog Polisi",
}


def add_welsh_names(store: Store) -> None:
    for name in store.names():
        welsh = WELSH_NAMES.get(name.name_en)
        if welsh and not name.name_cy:
            store.update_name(replace(name, name_cy=welsh))
