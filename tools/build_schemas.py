"""Write the JSON Schema of every YAML kind into hanhchinh_docs/data/schemas/ (shipped with the package).

    python tools/build_schemas.py

tests/model/test_schema.py checks that the committed files match what the models generate.
"""

from __future__ import annotations

import json
from pathlib import Path

from hanhchinh_docs.model.schema import KINDS, json_schema

FOLDER = Path(__file__).resolve().parent.parent / "hanhchinh_docs" / "data" / "schemas"


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for kind in KINDS:
        (FOLDER / f"{kind}.schema.json").write_text(schema_text(kind), encoding="utf-8")
        print(f"wrote {kind}.schema.json")


if __name__ == "__main__":
    main()
