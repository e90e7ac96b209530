"""JSON Schemas of the data files, generated from the pydantic models, for
editors' YAML plugins (`# yaml-language-server: $schema=schema/<name>.schema.json`).

    python -m chaiqiang.data.json_schema            # rewrite data/schema/*.schema.json
    python -m chaiqiang.data.json_schema --check    # exit 1 if they are out of date

A test checks that the committed files equal freshly generated ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..search.settings import SearchFile
from ..site_meta import SiteMeta
from .schemas import FILES
from .terms import TermsFile

# Every file in data/ and the model that validates it: the data set's files, the
# site's metadata, the search settings and the termbase (which only tests read).
MODELS = {**FILES, "site.yaml": SiteMeta, "search.yaml": SearchFile, "terms.yaml": TermsFile}

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_DIR = ROOT / "data" / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(data_file: str) -> str:
    return data_file.removesuffix(".yaml") + ".schema.json"


def generate() -> dict[str, str]:
    """Schema file name -> its text."""
    out = {}
    for data_file, model in MODELS.items():
        schema = {"$schema": DRAFT, **model.model_json_schema()}
        schema["title"] = f"data/{data_file}"
        out[schema_name(data_file)] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def stale(schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """Schema files that are missing or differ from the models."""
    return [
        name
        for name, text in generate().items()
        if not (schema_dir / name).is_file() or (schema_dir / name).read_text(encoding="utf-8") != text
    ]


def write(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate().items():
        path = schema_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        names = stale()
        for name in names:
            print(f"data/schema/{name} is out of date: run python -m chaiqiang.data.json_schema")
        return 1 if names else 0
    for path in write():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
