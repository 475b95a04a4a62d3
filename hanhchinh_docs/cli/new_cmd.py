"""``hanhchinh-docs new``: a commented starter data file for any kind, or the list of kinds."""

from __future__ import annotations

import click

from hanhchinh_docs.cli.common import reports_errors


@click.command("new")
@click.argument("kind", metavar="LOAI", required=False)
@click.option("-o", "--output", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Tệp YAML sẽ tạo (mặc định: LOAI.yaml trong thư mục hiện tại).")
@click.option("--danh-sach", "listing", is_flag=True, help="Liệt kê các loại văn bản tạo được rồi thoát.")
@click.option("--ghi-de", "overwrite", is_flag=True,
              help="Ghi đè tệp kết quả nếu đã có (mặc định: không ghi đè, để khỏi mất phần đã sửa).")
@reports_errors
def new_command(kind: str | None, output: str | None, listing: bool, overwrite: bool) -> None:
    """Tạo tệp dữ liệu mẫu (có ghi chú) cho một loại văn bản, ví dụ 'new cong_van -o cong_van.yaml'.

    Tệp tạo ra dùng được ngay với lệnh 'render'; hãy sửa các chỗ trong ngoặc vuông.
    """
    from hanhchinh_docs import api
    from hanhchinh_docs.errors import HanhChinhError

    if listing:
        click.echo(f"{'LOAI':<17}{'TÊN LOẠI':<17}{'VIẾT TẮT':<10}MẪU")
        for code, name, abbreviation, form in api.document_kinds():
            click.echo(f"{code:<17}{name:<17}{abbreviation or '-':<10}{form}")
        return
    if kind is None:
        raise HanhChinhError("Cần ghi loại văn bản, ví dụ 'hanhchinh-docs new quyet_dinh -o quyet_dinh.yaml'; "
                             "xem các loại bằng 'hanhchinh-docs new --danh-sach'")
    written = api.write_starter(kind, output, overwrite=overwrite)
    click.echo(f"Đã tạo {written}; sửa nội dung rồi chạy 'hanhchinh-docs render {written}'")
