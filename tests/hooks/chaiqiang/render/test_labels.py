from chaiqiang.render.labels import LABELS


def test_both_languages_have_the_same_interface_words():
    assert set(LABELS["zh-Hant"]) == set(LABELS["en"])
    assert all(v for words in LABELS.values() for v in words.values())


def test_chinese_interface_words_are_in_taiwan_orthography():
    from tools.checks.textcheck import orthography_findings

    findings = [f for text in LABELS["zh-Hant"].values() for f in orthography_findings(text, "labels")]
    assert not findings, "\n".join(map(str, findings))
