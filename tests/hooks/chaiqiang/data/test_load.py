"""load_dataset(): every kind of bad input gets a message naming the file,
the entry and the field, and all problems are reported together."""

from __future__ import annotations

import re

import pytest
import yaml
from chaiqiang.data import DataError, load_dataset
from chaiqiang.data.schemas import FILES

from tests.hooks.chaiqiang.conftest import REAL_DATA


@pytest.fixture
def problems(data_files, write_data_dir):
    """problems(change) -> the DataError message after `change(data_files)`."""

    def run(change=None, raw: dict[str, str] | None = None) -> str:
        if change:
            change(data_files)
        with pytest.raises(DataError) as info:
            load_dataset(write_data_dir(data_files, raw))
        return str(info.value)

    return run


def events(files):
    return files["timeline.yaml"]["events"]


def test_the_small_data_set_loads(small_dataset):
    assert list(small_dataset.actors) == ["alibaba", "taobao", "tencent", "wechat"]
    assert len(small_dataset.figures) == 5
    assert small_dataset.dilemma.players == ["alibaba", "tencent"]
    assert [t.id for t in small_dataset.terms] == ["taokouling", "mini-program", "abc"]


def test_events_are_in_chronological_order(small_dataset):
    assert [e.date for e in small_dataset.events] == ["2013", "2021-09", "2025-09-16"]


def test_yaml_syntax_error_names_the_file_and_line(problems):
    broken = "phases:\n  - id: war\n    start: 2013\n   end: 2020\n"
    message = problems(raw={"timeline.yaml": broken})
    assert re.search(r"^data/timeline\.yaml: line 4, column \d+: YAML syntax error", message, re.M), message


def test_missing_field(problems):
    message = problems(lambda f: events(f)[1].pop("status"))
    assert "data/timeline.yaml: entry 'evt-2013-taobao-blocks-wechat': field 'status': missing" in message


def test_wrong_type_suggests_quoting_a_year(problems):
    def change(f):
        events(f)[1]["date"] = 2013

    message = problems(change)
    assert (
        "data/timeline.yaml: entry 'evt-2013-taobao-blocks-wechat': field 'date': expected text, got int 2013"
        in message
    )
    assert 'quote it: "2013"' in message


def test_impossible_date(problems):
    def change(f):
        events(f)[1].update(date="2013-02-30", precision="day")

    message = problems(change)
    assert (
        "data/timeline.yaml: entry 'evt-2013-taobao-blocks-wechat': field 'date': 2013-02-30 is not a real date"
        in message
    )


def test_impossible_date_unquoted_in_yaml_is_not_a_crash(problems, data_files):
    text = yaml.safe_dump(data_files["timeline.yaml"], allow_unicode=True, sort_keys=False)
    text = text.replace("date: '2025-09-16'", "date: 2025-02-30")
    message = problems(raw={"timeline.yaml": text})
    assert "entry 'evt-2025-09-16-talks': field 'date': 2025-02-30 is not a real date" in message


def test_precision_that_disagrees_with_the_date(problems):
    message = problems(lambda f: events(f)[0].update(precision="day"))
    assert (
        "entry 'evt-2021-09-open': field 'date': 2021-09 is a month date but 'precision' says 'day'"
        in message
    )


def test_duplicate_id(problems):
    def change(f):
        events(f)[2]["id"] = "evt-2021-09-open"

    message = problems(change)
    assert (
        "data/timeline.yaml: entry 'evt-2021-09-open': field 'id': duplicate id, also used by entry #1"
        in message
    )


def test_duplicate_key_in_one_mapping(problems, data_files):
    text = yaml.safe_dump(data_files["actors.yaml"], allow_unicode=True, sort_keys=False)
    text = text.replace("  kind: company\n", "  kind: company\n  kind: platform\n", 1)
    message = problems(raw={"actors.yaml": text})
    assert "data/actors.yaml: entry 'alibaba': field 'kind': this key is given twice (line 4)" in message


def test_unknown_actor(problems):
    message = problems(lambda f: events(f)[1]["actors"].append("tencnet"))
    assert (
        "data/timeline.yaml: entry 'evt-2013-taobao-blocks-wechat': field 'actors[2]': "
        "unknown actor 'tencnet' (not in data/actors.yaml)" in message
    )


def test_unknown_source(problems):
    def change(f):
        f["figures.yaml"]["figures"][0]["source"] = "no-such-source"

    message = problems(change)
    assert (
        "data/figures.yaml: entry 'fig-wechat-mau': field 'source': unknown source 'no-such-source'"
        in message
    )


@pytest.mark.parametrize(
    ("file", "key", "index", "field", "what"),
    [
        ("timeline.yaml", "events", 0, "phase", "phase"),
        ("timeline.yaml", "events", 0, "kind", "kind"),
        ("figures.yaml", "figures", 0, "group", "figure group"),
        ("sources.yaml", "sources", 1, "as_cited_by", "source"),
        ("actors.yaml", "actors", 1, "parent", "actor"),
        ("models.yaml", "five_forces", 0, "source", "source"),
    ],
)
def test_every_reference_is_checked(problems, file, key, index, field, what):
    def change(f):
        f[file][key][index][field] = "nowhere"

    message = problems(change)
    assert f"data/{file}: entry '" in message
    assert f"field '{field}': unknown {what} 'nowhere'" in message


def test_missing_language(problems):
    message = problems(lambda f: events(f)[0]["title"].pop("en"))
    assert "data/timeline.yaml: entry 'evt-2021-09-open': field 'title.en': missing" in message


def test_value_without_unit(problems):
    message = problems(lambda f: f["figures.yaml"]["figures"][2].pop("unit"))
    assert "data/figures.yaml: entry 'fig-down': field 'unit': missing" in message


def test_empty_string(problems):
    def change(f):
        events(f)[0]["summary"]["zh-Hant"] = ""

    message = problems(change)
    assert (
        "data/timeline.yaml: entry 'evt-2021-09-open': field 'summary.zh-Hant': must not be empty" in message
    )


def test_blank_string(problems):
    def change(f):
        f["actors.yaml"]["actors"][0]["names"]["en"] = "  "

    assert "data/actors.yaml: entry 'alibaba': field 'names.en': '  ' must not be blank" in problems(change)


def test_unknown_field_is_reported_as_a_possible_typo(problems):
    message = problems(lambda f: events(f)[0].update(summery={"zh-Hant": "x", "en": "x"}))
    assert "entry 'evt-2021-09-open': field 'summery': is not a known field (a typo?)" in message


def test_value_that_is_not_a_number(problems):
    def change(f):
        f["figures.yaml"]["figures"][0]["value"] = "13.71 億"

    message = problems(change)
    assert message.count("field 'value'") == 1
    assert "entry 'fig-wechat-mau': field 'value': expected a number, got str" in message


def test_an_entry_without_id_is_named_by_its_position(problems):
    message = problems(lambda f: f["actors.yaml"]["actors"][2].pop("id"))
    assert "data/actors.yaml: entry '#3 of actors': field 'id': missing" in message


def test_messages_give_the_line(problems, data_files):
    text = yaml.safe_dump(data_files["timeline.yaml"], allow_unicode=True, sort_keys=False)
    text = text.replace("kind: talks\n  status: reported", "kind: talks\n  status: rumoured")
    line = text.splitlines().index("  status: rumoured") + 1
    message = problems(raw={"timeline.yaml": text})
    assert (
        f"entry 'evt-2025-09-16-talks': field 'status': 'rumoured' is not allowed; expected 'stated' or 'reported' (line {line})"
        in message
    )


def test_all_problems_in_all_files_come_together(problems):
    def change(f):
        events(f)[0].pop("status")
        f["figures.yaml"]["figures"][0]["unit"] = "users"
        f["actors.yaml"]["actors"][0]["names"].pop("zh-Hant")

    lines = problems(change).splitlines()
    assert len(lines) == 3
    assert {line.split(":")[0] for line in lines} == {
        "data/timeline.yaml",
        "data/figures.yaml",
        "data/actors.yaml",
    }


def test_one_broken_entry_does_not_cascade_into_unknown_ids(problems):
    # The actor entry is invalid, but its id exists: events that name it are fine.
    message = problems(lambda f: f["actors.yaml"]["actors"][1].pop("kind"))
    assert message == "data/actors.yaml: entry 'taobao': field 'kind': missing (required) (line 7)"


def test_missing_file(problems):
    def change(f):
        f["models.yaml"] = None

    assert "data/models.yaml: file not found" in problems(change)


def test_empty_file(problems):
    assert "data/sources.yaml: expected a mapping with the keys sources, the file is empty" in problems(
        raw={"sources.yaml": "# nothing yet\n"}
    )


def test_event_outside_its_phase(problems):
    message = problems(lambda f: events(f)[1].update(phase="peace"))
    assert (
        "entry 'evt-2013-taobao-blocks-wechat': field 'date': 2013 is outside phase 'peace' (2021–2025)"
        in message
    )


def test_an_event_dated_outside_its_phase_years_is_named_with_file_entry_field_and_line(problems):
    # evt-2021-09-open belongs to 'peace' (2021–2025); a day in 2026 is a year too late.
    message = problems(lambda f: events(f)[0].update(date="2026-01-05", precision="day"))
    assert re.search(
        r"^data/timeline\.yaml: entry 'evt-2021-09-open': field 'date': "
        r"2026-01-05 is outside phase 'peace' \(2021–2025\) \(line \d+\)$",
        message,
        re.M,
    ), message


def test_the_real_phases_hold_their_events_and_a_narrower_range_is_caught(write_data_dir):
    """The real data passes; ending the thaw in 2023 (as the story once said) leaves
    Taote's August 2024 step outside it."""
    files = {name: yaml.safe_load((REAL_DATA / name).read_text(encoding="utf-8")) for name in FILES}
    load_dataset(write_data_dir(files))
    [thaw] = [p for p in files["timeline.yaml"]["phases"] if p["id"] == "thaw"]
    thaw["end"] = 2023
    with pytest.raises(DataError) as info:
        load_dataset(write_data_dir(files))
    assert (
        "data/timeline.yaml: entry 'evt-2024-08-taote-in-app-wechat-pay': field 'date': "
        "2024-08 is outside phase 'thaw' (2021–2023)"
    ) in str(info.value)


def test_a_chart_needs_one_unit(problems):
    message = problems(lambda f: f["figures.yaml"]["figures"][3].update(unit="percent"))
    assert "data/figures.yaml: entry 'growth': field 'chart': a chart needs one unit" in message


def test_the_dilemma_needs_every_pair_of_moves(problems):
    def change(f):
        f["models.yaml"]["dilemma"]["outcomes"][1]["cells"] = [["open", "block"]]

    message = problems(change)
    assert (
        "data/models.yaml: entry 'dilemma': field 'outcomes': no outcome for the move pairs [['block', 'open']]"
        in message
    )


def test_the_dilemma_moves_must_exist(problems):
    def change(f):
        f["models.yaml"]["dilemma"]["outcomes"][0]["cells"] = [["block", "flee"]]

    message = problems(change)
    assert "entry 'dilemma': field 'outcomes[0].cells[0]': unknown move 'flee'" in message


def test_all_five_forces_once(problems):
    def change(f):
        f["models.yaml"]["five_forces"][1]["id"] = "rivalry"

    assert "data/models.yaml: entry 'rivalry': field 'id': duplicate id" in problems(change)


def test_a_glossary_term_spelled_twice(problems):
    def change(f):
        f["glossary.yaml"]["terms"][1]["zh-Hant"]["aliases"] = ["淘口令"]

    message = problems(change)
    assert (
        "data/glossary.yaml: entry 'mini-program': field 'zh-Hant': '淘口令' is also a term or alias of 'taokouling'"
        in message
    )


def test_the_error_is_a_plain_exception_with_the_problems(problems, data_files, write_data_dir):
    events(data_files)[0].pop("status")
    with pytest.raises(DataError) as info:
        load_dataset(write_data_dir(data_files))
    assert isinstance(info.value, Exception)
    [problem] = info.value.problems
    assert (problem.file, problem.entry, problem.field) == (
        "data/timeline.yaml",
        "evt-2021-09-open",
        "status",
    )


def test_an_entry_that_is_not_a_mapping(problems):
    message = problems(lambda f: events(f).append("2013 Taobao blocks WeChat"))
    assert (
        "data/timeline.yaml: entry '#4 of events': expected a mapping (key: value pairs), got str" in message
    )


def test_a_missing_top_level_list(problems):
    message = problems(lambda f: f["timeline.yaml"].pop("kinds"))
    # Reported once, not once more for every event that names a kind.
    assert message == "data/timeline.yaml: field 'kinds': missing (required) (line 1)"


# --- games.yaml ------------------------------------------------------------------


def games(files):
    return files["games.yaml"]


def test_a_preset_must_rank_each_sides_four_cells_1_to_4(problems):
    def change(f):
        games(f)["presets"][0]["ranks"][0][0] = [4, 3]  # Alibaba now has two 4s

    message = problems(change)
    assert re.search(
        r"^data/games\.yaml: entry 'pd-2013': field 'ranks': the first number of the four cells "
        r"\(the first player's ranks\) must be 1, 2, 3 and 4, each once; got 4, 1, 4, 2 \(line \d+\)",
        message,
        re.M,
    ), message


def test_a_rank_outside_1_to_4_names_the_cell(problems):
    def change(f):
        games(f)["presets"][1]["ranks"][1][0][1] = 7

    message = problems(change)
    assert "data/games.yaml: entry 'article-wording': field 'ranks[1][0][1]'" in message, message


def test_an_unknown_strategy_step_or_a_missing_parameter(problems):
    def change(f):
        rules = {s["id"]: s["rule"] for s in games(f)["strategies"]}
        rules["tit-for-tat"]["then"] = "forgive"
        rules["tit-for-two-tats"].pop("after")

    message = problems(change)
    assert "entry 'tit-for-tat': field 'rule.then'" in message, message
    assert (
        "entry 'tit-for-two-tats': field 'rule': 'then: copy' needs 'after' (1 for tit for tat)" in message
    ), message


def test_the_replay_names_known_events_and_strategies(problems):
    def change(f):
        games(f)["replay"]["rounds"][0]["event"] = "evt-1999-nothing"
        games(f)["replay"]["strategies"][1] = "tit-for-three-tats"

    message = problems(change)
    assert re.search(
        r"^data/games\.yaml: entry 'replay': field 'rounds\[0\]\.event': unknown event 'evt-1999-nothing' "
        r"\(not in data/timeline\.yaml\) \(line \d+\)",
        message,
        re.M,
    ), message
    assert "entry 'replay': field 'strategies[1]': unknown strategy 'tit-for-three-tats'" in message, message


def test_a_replay_its_strategies_do_not_make_is_an_error(problems):
    def change(f):
        games(f)["replay"]["rounds"][0]["moves"] = ["block", "block"]  # tit for tat opens in round 1

    message = problems(change)
    assert (
        "data/games.yaml: entry 'replay': field 'rounds[0].moves': the strategies always-block and "
        "tit-for-tat make the moves ['block', 'open'] in this round, not ['block', 'block']"
    ) in message, message


def test_families_that_leave_a_game_without_a_name_are_an_error(problems):
    def change(f):
        games(f)["families"] = [x for x in games(f)["families"] if x["id"] != "stag-hunt"]

    message = problems(change)
    assert (
        "data/games.yaml: field 'families': no family fits a game with types match and match, a dilemma"
    ) in message, message


def test_a_preset_names_known_sources_and_events(problems):
    def change(f):
        games(f)["presets"][0]["source"] = "nowhere"
        games(f)["presets"][0]["events"] = ["evt-2099-future"]
        games(f)["presets"][1]["id"] = "pd-2013"

    message = problems(change)
    assert "entry 'pd-2013': field 'source': unknown source 'nowhere'" in message, message
    assert "entry 'pd-2013': field 'events[0]': unknown event 'evt-2099-future'" in message, message
    assert "entry 'pd-2013': field 'id': duplicate id" in message, message
