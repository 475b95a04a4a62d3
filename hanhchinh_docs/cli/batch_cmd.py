"""``hanhchinh-docs batch``: every YAML of a folder, or one report per unit of a sheet, in one call."""

from __future__ import annotations

import sys

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors

_STATUS = {"ok": "Đã tạo", "warning": "Có cảnh báo", "failed": "Lỗi"}


@click.command("batch")
@click.argument("source", metavar="NGUỒN", type=click.Path())
@click.option("-o", "--output", "output_folder", metavar="THƯ_MỤC", type=click.Path(file_okay=False),
              help="Thư mục ghi kết quả (mặc định: thư mục của NGUỒN).")
@click.option("--bao-cao", "base_report", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Báo cáo mẫu (YAML, loai: bao_cao) khi NGUỒN là bảng đơn vị: mỗi đơn vị một báo cáo theo mẫu này.")
@click.option("--ten", "name_pattern", metavar="MẪU",
              help="Mẫu tên tệp kết quả, ví dụ '{stt}_{viet_tat}.docx'. Dùng được: {ten} (tên tệp YAML), {stt}, "
                   "{don_vi}, {viet_tat}, {so}. Mặc định '{ten}.docx' (thư mục) hoặc 'bao_cao_{viet_tat}.docx' "
                   "(bảng đơn vị).")
@click.option("-j", "--jobs", metavar="SỐ", type=click.IntRange(min=1), help="Số tiến trình chạy song song (mặc định: số lõi CPU).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp .pdf cho mỗi văn bản (một lần chạy LibreOffice cho cả lô).")
@click.option("--pdfa", is_flag=True, help="Như --pdf nhưng dạng PDF/A để lưu trữ.")
@reports_errors
def batch_command(source: str, output_folder: str | None, base_report: str | None, name_pattern: str | None,
                  jobs: int | None, pdf: bool, pdfa: bool) -> None:
    """Tạo nhiều văn bản một lần: mọi tệp YAML trong thư mục NGUỒN (mỗi tệp theo 'loai' của nó), hoặc
    mỗi đơn vị một báo cáo khi NGUỒN là bảng đơn vị .xlsx/.csv (cần --bao-cao).

    Bảng đơn vị: dòng tiêu đề có cột "Đơn vị", "Viết tắt" (bắt buộc), "Số", "Ngày", "Cơ quan chủ quản",
    "Địa danh", "Quyền hạn", "Chức vụ", "Người ký" (nếu cần), và mỗi nhiệm vụ một cột mang mã nhiệm vụ
    ("NV01") ghi tình trạng, cột "Kết quả NV01" ghi kết quả. Một mục lỗi không làm dừng các mục khác;
    mã thoát khác 0 nếu có mục lỗi.
    """
    from hanhchinh_docs.api import render_batch

    with _Progress() as progress:
        result = render_batch(source, output_folder, name_pattern, base_report, jobs, pdf, pdfa,
                              on_outcome=progress.item_done, on_pdf=progress.pdf_done, on_start=progress.start)
    print_problems(result.warnings)
    _summary(result)
    if result.failed:
        sys.exit(2)


class _Progress:
    """A progress bar on a terminal (rich, on stderr); one plain line per item otherwise."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.bar = None
        self.task = None
        self.pdf_task = None
        self.count = 0
        self.total = 0

    def __enter__(self) -> "_Progress":
        if self.terminal:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, total: int) -> None:
        self.total = total

    def item_done(self, outcome) -> None:
        self.count += 1
        if self.bar is not None:
            if self.task is None:
                self.task = self.bar.add_task("Tạo văn bản", total=self.total)
            self.bar.update(self.task, completed=self.count)
        else:
            done = "Lỗi" if outcome.status == "failed" else "Đã tạo"  # warnings are counted in the summary
            click.echo(f"[{self.count}/{self.total}] {done}: {outcome.output}"
                       + (f" ({outcome.label})" if outcome.status == "failed" else ""))

    def pdf_done(self, outcome) -> None:
        if self.bar is not None:
            if self.pdf_task is None:
                self.pdf_task = self.bar.add_task("Chuyển PDF", total=self.count)
            self.bar.advance(self.pdf_task)
        else:
            click.echo(f"PDF {'lỗi' if outcome.error else 'đã tạo'}: {outcome.job.target}")


def _summary(result) -> None:
    """Counts, then every item with warnings or an error and its reason."""
    counts = {status: sum(1 for o in result.outcomes if o.status == status) for status in _STATUS}
    click.echo(f"Tổng cộng {len(result.outcomes)} văn bản: {counts['ok']} tạo xong, {counts['warning']} có cảnh báo, "
               f"{counts['failed']} lỗi")
    notable = [o for o in result.outcomes if o.status != "ok"]
    if not notable:
        return
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table("Mục", "Kết quả", "Lý do", show_lines=True)
        for outcome in notable:
            table.add_row(outcome.label, _STATUS[outcome.status], outcome.error or "\n".join(outcome.warnings))
        Console().print(table)
        return
    for outcome in notable:
        click.echo(f"- {outcome.label}: {_STATUS[outcome.status]}")
        for reason in [outcome.error] if outcome.error else outcome.warnings:
            click.echo(f"    {reason}")
