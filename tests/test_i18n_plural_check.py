"""Checking foreign Plural-Forms headers against Craffu's rules (used by the PO import)."""

from __future__ import annotations

import pytest

from desktop.i18n.plural_check import (
    CLASSIC_WELSH_4_FORM,
    PluralFormsError,
    check_plural_forms,
    compare_plural_forms,
    convert_plural_msgstrs,
    parse_plural_forms,
    plural_category_examples,
    plural_forms_header,
)

OURS = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);"
PYBABEL_INIT_5_FORM = "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n==3 ? 2 : n==6 ? 3 : 4);"


def test_our_header_is_the_six_form_rule():
    assert plural_forms_header("cy") == OURS
    assert plural_forms_header("en") == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize(
    "header",
    [
        OURS,
        "Plural-Forms: " + OURS + "\\n",
        # written differently, same rule
        "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;",
        '"Language: cy\\n"\n"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : '
        'n==3 ? 3 : n==6 ? 4 : 5;\\n"',
    ],
)
def test_same_rule_is_accepted_however_written(header):
    assert check_plural_forms(header, "cy") is True


def test_classic_four_form_rule_is_refused_and_only_lossily_convertible():
    with pytest.raises(PluralFormsError) as caught:
        check_plural_forms(CLASSIC_WELSH_4_FORM, "cy")
    comparison = caught.value.comparison
    assert comparison is not None and comparison.status == "lossy"
    # zero<-their "other"(2), one<-0, two<-1, few<-2, many<-2, other<-2 (8 and 11 lost)
    assert comparison.mapping == (2, 0, 1, 2, 2, 2)
    assert any("8, 11" in loss for loss in comparison.losses)
    converted = convert_plural_msgstrs(["un", "dau", "{n} cyffredin", "{n} wyth/un ar ddeg"],
                                       comparison)  # fmt: skip
    assert converted == ["{n} cyffredin", "un", "dau", "{n} cyffredin", "{n} cyffredin",
                         "{n} cyffredin"]  # fmt: skip


def test_pybabel_five_form_rule_is_convertible_without_loss():
    comparison = compare_plural_forms(PYBABEL_INIT_5_FORM, "cy")
    assert comparison.status == "convertible"
    assert comparison.losses == ()
    assert convert_plural_msgstrs(list("abcde"), comparison) == ["e", "a", "b", "c", "d", "e"]


def test_english_two_form_rule_in_a_welsh_catalogue_is_refused():
    with pytest.raises(PluralFormsError):
        check_plural_forms("nplurals=2; plural=(n != 1);", "cy")


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Plural-Forms: none",
        "nplurals=6; plural=(n==0 ? 0 : import os);",
        "nplurals=6; plural=(n==0 ? 0 :;",
        "nplurals=0; plural=0;",
    ],
)
def test_malformed_headers_are_errors(header):
    with pytest.raises(PluralFormsError):
        parse_plural_forms(header)


def test_out_of_range_form_is_invalid():
    comparison = compare_plural_forms("nplurals=2; plural=(n==0 ? 0 : n==1 ? 1 : 2);", "cy")
    assert comparison.status == "invalid"
    with pytest.raises(PluralFormsError):
        convert_plural_msgstrs(["a", "b"], comparison)


def test_conversion_checks_the_number_of_forms():
    comparison = compare_plural_forms(PYBABEL_INIT_5_FORM, "cy")
    with pytest.raises(PluralFormsError):
        convert_plural_msgstrs(["a", "b"], comparison)


def test_category_examples_label_the_six_welsh_forms():
    assert plural_category_examples("cy") == [
        ("zero", 0), ("one", 1), ("two", 2), ("few", 3), ("many", 6), ("other", 4),
    ]  # fmt: skip
    assert plural_category_examples("en") == [("one", 1), ("other", 0)]
