"""The office's own content is shown in the interface language: Welsh in the Welsh interface
(English marked "English only" where there is no Welsh yet), English in the English one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from database.records import Assurance, Recommendation, ResponseSection
from desktop.ui.qt_translator import switch_language
from desktop.ui.responses.recommendation_block import RecommendationBlock


@pytest.fixture
def welsh():
    switch_language("cy")
    yield
    switch_language("en")


def _rec(**kw) -> Recommendation:
    values = dict(
        report_id=1,
        ref="1",
        text_en="By 31 August 2024, chief constables should train staff.",
        text_cy="Erbyn 31 Awst 2024, dylai prif gwnstabliaid hyfforddi staff.",
        deadline_text_en="By 31 August 2024",
        deadline_text_cy="Erbyn 31 Awst 2024",
        deadline_on=date(2024, 8, 31),
        id=7,
    )
    return Recommendation(**(values | kw))


def _block(qtbot, rec: Recommendation, assurances=()) -> RecommendationBlock:
    block = RecommendationBlock(rec, ResponseSection(1, rec.id or 0), list(assurances), None)
    qtbot.addWidget(block)
    return block


def test_response_block_follows_the_interface_language(qtbot):
    block = _block(qtbot, _rec())
    assert block.text.text().startswith("By 31 August 2024, chief")
    assert "By 31 August 2024" in block.deadline.text()
    switch_language("cy")
    try:
        assert block.text.text().startswith("Erbyn 31 Awst 2024, dylai")
        assert "Erbyn 31 Awst 2024" in block.deadline.text()
        assert "August" not in block.deadline.text()
        assert block.text_note.isHidden()
    finally:
        switch_language("en")
    assert block.text.text().startswith("By 31 August 2024, chief")


def test_response_block_marks_english_only_content_in_welsh(qtbot, welsh):
    rec = _rec(
        text_cy="",
        deadline_text_cy="",
        applies=False,
        not_applicable_reason_en="The force has no custody suites.",
    )
    block = _block(qtbot, rec)
    block.show()
    QApplication.processEvents()
    assert block.text.text().startswith("By 31 August 2024, chief")
    assert block.text_note.isVisible()
    assert block.text_note.text() == "(Saesneg yn unig)"
    assert "By 31 August 2024 (Saesneg yn unig)" in block.deadline.text()
    assert "The force has no custody suites. (Saesneg yn unig)" in block.deadline.text()


def test_response_block_names_the_giver_in_welsh(qtbot, welsh):
    a = Assurance(date(2024, 1, 5), "Training is in place.", given_by="Chief Constable", id=3)
    block = _block(qtbot, _rec(), [a])
    assert "Prif Gwnstabl" in block.assurance_rows[0].meta.text()
    assert "Chief Constable" not in block.assurance_rows[0].meta.text()
