"""load_dataset(): read every file in data/ once, validate, cross-check.
read_model(): the same reading and reporting for a file validated as one model
(data/site.yaml, data/search.yaml).

All problems in all files are collected and raised together as one DataError,
so an editor fixes a batch at a time instead of one per build.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..bulk import paused_gc
from . import yamlio
from .checks import FileData, cross_check
from .dataset import Dataset, chronological
from .errors import DataError, Problem, entry_name, from_validation
from .schemas import FILES, GamesFile

M = TypeVar("M", bound=BaseModel)


def load_dataset(data_dir: Path) -> Dataset:
    dataset, problems = read_dataset(data_dir)
    if problems:
        raise DataError(problems)
    return dataset


def read_dataset(data_dir: Path) -> tuple[Dataset | None, list[Problem]]:
    """The data set, or None with every problem of every file."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    files: dict[str, FileData] = {}
    with paused_gc():
        for name, model in FILES.items():
            file_data, file_problems = _load_file(data_dir, name, model)
            files[name] = file_data
            problems += file_problems
        problems += cross_check(files)
        return (None if problems else _dataset(files)), problems


def read_model(
    data_dir: Path, name: str, model: type[M]
) -> tuple[str, yamlio.Parsed | None, M | None, list[Problem]]:
    """One data file, read and validated as a whole by its model:
    (label, parsed file or None, the model or None, problems)."""
    label = _label(Path(data_dir), name)
    parsed, problems = _parse_file(Path(data_dir), label, name, model)
    if parsed is None:
        return label, None, None, problems
    try:
        validated = model.model_validate(parsed.data)
    except ValidationError as exc:
        return label, parsed, None, problems + from_validation(label, parsed, exc)
    return label, parsed, (None if problems else validated), problems


def _label(data_dir: Path, name: str) -> str:
    # Messages name the file as the editor knows it: data/timeline.yaml.
    return f"{data_dir.name}/{name}"


def _parse_file(
    data_dir: Path, label: str, name: str, model: type[BaseModel]
) -> tuple[yamlio.Parsed | None, list[Problem]]:
    """The file's YAML with the line of every node; None if there is no mapping to validate."""
    try:
        text = (data_dir / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(label, "file not found")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(label, f"cannot be read as UTF-8 text: {exc}")]
    try:
        parsed = yamlio.parse(text)
    except yamlio.YamlSyntaxError as exc:
        where = f"line {exc.line}, column {exc.column}: " if exc.line else ""
        return None, [Problem(label, f"{where}YAML syntax error: {exc.message}", line=None)]
    problems = [
        Problem(label, "this key is given twice", _entry_of(parsed, path), _field_of(path), line)
        for path, line in parsed.duplicate_keys
    ]
    if not isinstance(parsed.data, dict):
        shown = "empty" if parsed.data is None else f"a {type(parsed.data).__name__}"
        problems.append(
            Problem(label, f"expected a mapping with the keys {_keys(model)}, the file is {shown}")
        )
        return None, problems
    return parsed, problems


def _load_file(data_dir: Path, name: str, model: type[BaseModel]) -> tuple[FileData, list[Problem]]:
    label = _label(data_dir, name)
    parsed, problems = _parse_file(data_dir, label, name, model)
    if parsed is None:
        return FileData(label, None), problems
    file_data = FileData(label, parsed)
    try:
        validated = model.model_validate(parsed.data)
    except ValidationError as exc:
        problems += from_validation(label, parsed, exc)
        _salvage(model, parsed.data, file_data)
    else:
        for key in model.model_fields:
            value = getattr(validated, key)
            if isinstance(value, list):
                file_data.entries[key] = list(enumerate(value))
            else:
                file_data.objects[key] = value
    return file_data, problems


def _salvage(model: type[BaseModel], data: dict[str, Any], file_data: FileData) -> None:
    """Keep the entries that are valid on their own, so cross-file checks can
    still run on them (their own problems are already reported)."""
    for key, info in model.model_fields.items():
        raw = data.get(key)
        entry_model = _list_item_model(info.annotation)
        if entry_model is not None and isinstance(raw, list):
            kept = []
            for i, item in enumerate(raw):
                try:
                    kept.append((i, entry_model.model_validate(item)))
                except ValidationError:
                    pass
            file_data.entries[key] = kept
        elif isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            try:
                file_data.objects[key] = info.annotation.model_validate(raw)
            except ValidationError:
                pass


def _list_item_model(annotation: Any) -> type[BaseModel] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def _keys(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def _entry_of(parsed: yamlio.Parsed, path: tuple[Any, ...]) -> str | None:
    if len(path) >= 3 and isinstance(path[1], int):
        return entry_name(parsed.data, path[0], path[1])
    return None


def _field_of(path: tuple[Any, ...]) -> str:
    rest = path[2:] if len(path) >= 3 and isinstance(path[1], int) else path
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in rest).replace(".[", "[")


def _dataset(files: dict[str, FileData]) -> Dataset:
    def entries(name: str, key: str) -> list[Any]:
        return [entry for _, entry in files[name].entries[key]]

    def by_id(name: str, key: str) -> dict[str, Any]:
        return {entry.id: entry for entry in entries(name, key)}

    return Dataset(
        actors=by_id("actors.yaml", "actors"),
        sources=by_id("sources.yaml", "sources"),
        phases=by_id("timeline.yaml", "phases"),
        kinds=by_id("timeline.yaml", "kinds"),
        events=chronological(entries("timeline.yaml", "events")),
        groups=by_id("figures.yaml", "groups"),
        figures=tuple(entries("figures.yaml", "figures")),
        dilemma=files["models.yaml"].objects["dilemma"],
        forces=tuple(entries("models.yaml", "five_forces")),
        terms=tuple(entries("glossary.yaml", "terms")),
        games=_games(files["games.yaml"]),
    )


def _games(f: FileData) -> GamesFile:
    # Validated already, entry by entry: assembled again without validating twice.
    return GamesFile.model_construct(
        **{key: [e for _, e in f.entries[key]] for key in ("players", "families", "presets", "strategies")},
        **{key: f.objects[key] for key in ("replay", "tournament")},
    )
