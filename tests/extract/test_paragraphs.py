from dyads.extract.paragraphs import html_fragment_paragraphs, text_paragraphs


def test_text_paragraphs_join_hard_wrapped_lines_and_split_short_ones():
    text = (
        "Headline Here\n\n"
        "This paragraph was hard wrapped by an old wire system at sixty\n"
        "characters per line, and must be read back as one paragraph.\n\n"
        "Write a comment ...\nPost comment\nCancel\n"
    )
    assert text_paragraphs(text) == [
        "Headline Here",
        "This paragraph was hard wrapped by an old wire system at sixty characters per line, "
        "and must be read back as one paragraph.",
        "Write a comment ...",
        "Post comment",
        "Cancel",
    ]


def test_html_fragment_paragraphs():
    fragment = "<p>One <b>bold</b> claim.</p><script>alert(1)</script><ul><li>Item</li></ul>Tail<br>Next"
    assert html_fragment_paragraphs(fragment) == ["One bold claim.", "Item", "Tail", "Next"]
