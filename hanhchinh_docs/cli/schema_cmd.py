"""``hanhchinh-docs schema``: the JSON Schema of a YAML kind, for editors (VS Code's YAML extension)."""

from __future__ import annotations

import click

from hanhchinh_docs.cli.common import reports_errors


@click.command("schema")
@click.argument("kind", metavar="LOAI")
@click.option("-o", "--output", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Ghi ra tệp .json (mặc định: in ra màn hình).")
@reports_errors
def schema_command(kind: str, output: str | None) -> None:
    """In JSON Schema của loại tệp dữ liệu LOAI (ke_hoach, bao_cao, cong_van và các loại khác: xem 'hanhchinh-docs
    new --danh-sach') để trình soạn thảo (VS Code) gợi ý và kiểm tra các trường khi gõ."""
    import json

    from hanhchinh_docs.api import json_schema, write_json_schema

    if output:
        click.echo(f"Đã tạo {write_json_schema(kind, output)}")
    else:
        click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
