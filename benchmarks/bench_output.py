"""Benchmarks of issue 13, printed as a table with the ratios the issue sets as targets.

    python benchmarks/bench_output.py                 # everything (several minutes on 2 cores)
    python benchmarks/bench_output.py --only render   # render, batch, help, pdf

render  warm render (median) of the seed plan and of plans with 500, 2,000 and 5,000 tasks, plain
        (the seed's rows repeated) and grouped (the grouped example's seven columns, product rows and
        seven groups), side by side with a naive docxtpl render in the same process: the shipped
        ke_hoach.docx with its appendix table written the docxtpl way (a ``{%tr for %}`` row over the
        tasks, group rows left out), the same context, the default Jinja environment, saved to memory.
        Ours is YAML file -> .docx on disk, twice: "cached" renders the same file again (its parse is
        kept by the hash of its bytes, as for a batch on one plan), "fresh" renders a copy whose bytes
        differ (a comment line), so the file is parsed anew. Then the cold figures of issues 9 and 13:
        ``hanhchinh-docs render`` of the 5,000-task plans in a new process (imports included): CPU,
        wall and peak RSS.
batch   1,000 quarterly reports from a unit sheet (``batch``, PDF off, -j 2): wall time.
help    ``hanhchinh-docs --help``: median wall time of 5 new processes.
pdf     100 reports converted in one batch (one LibreOffice run): seconds per document.
check   ``hanhchinh-docs check`` of the rendered 2,000- and 5,000-task plans (start-up included).
import  ``hanhchinh-docs import`` of the same files. Both as CPU and wall seconds (median of --repeats
        new processes, 3 at most) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_render import big_grouped_plan, big_plan  # the same grown plans as the render benchmark

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml"
TASK_COUNTS = (500, 2000, 5000)
BASE_REPORT = """loai: bao_cao
ke_hoach: ke_hoach_tuyen_truyen_cchc_2024.yaml
ky_bao_cao: quy_1
kinh_gui: [Sở Tài nguyên và Môi trường]
noi_nhan: [Như trên]
luu: [VT, VP]
"""


# --- naive docxtpl ------------------------------------------------------------------------------

NAIVE_COLUMNS = ("tt", "noi_dung", "san_pham", "chu_tri", "phoi_hop", "thoi_gian")


def naive_template() -> bytes:
    """ke_hoach.docx with the appendix table as docxtpl users write it: a header row, then one row
    looped with ``{%tr for %}`` over the appendix's tasks, in place of the appendix table marker."""
    from docx import Document

    from hanhchinh_docs.render.template_builder import TABLE_PLACE_STYLE
    from hanhchinh_docs.render.templates import template_bytes

    document = Document(io.BytesIO(template_bytes("ke_hoach")[0]))
    marker = [p for p in document.paragraphs if p.style.style_id == TABLE_PLACE_STYLE][-1]
    table = document.add_table(rows=4, cols=len(NAIVE_COLUMNS))
    table.style = None
    for cell, heading in zip(table.rows[0].cells, ("TT", "Nội dung", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian")):
        cell.text = heading
    table.rows[1].cells[0].text = "{%tr for t in phu_luc_muc.nhiem_vu %}"
    for cell, key in zip(table.rows[2].cells, NAIVE_COLUMNS):
        cell.text = "{{ t.%s }}" % key
    table.rows[3].cells[0].text = "{%tr endfor %}"
    marker._p.addprevious(table._tbl)
    marker._p.getparent().remove(marker._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def naive_context(plan) -> dict:
    from hanhchinh_docs.render.context import plan_context

    context = plan_context(plan)
    entries = plan.task_entries()
    for index, data in enumerate(context["phu_luc"]):
        tasks = [e.task for e in entries if e.appendix_index == index]
        data["nhiem_vu"] = [
            {"tt": str(i + 1), "noi_dung": t.content, "san_pham": "; ".join(t.product_names),
             "chu_tri": ", ".join(t.lead_units), "phoi_hop": ", ".join(t.partner_units), "thoi_gian": t.schedule or ""}
            for i, t in enumerate(tasks)]
    return context


def naive_render(template: bytes, context: dict) -> None:
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(template))
    document.render(context, autoescape=True)
    document.save(io.BytesIO())


# --- one case in its own process -----------------------------------------------------------------

def _timed(work, repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeats`` calls of ``work(i)``."""
    wall, cpu = [], []
    for index in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        work(index)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def measure_case(source: str, repeats: int) -> dict:
    from hanhchinh_docs import api
    from hanhchinh_docs.model.loader import load_plan

    folder = Path(tempfile.mkdtemp())
    out = folder / "out.docx"
    text = Path(source).read_text(encoding="utf-8")
    copies = []
    for index in range(repeats):
        copies.append(folder / f"ban_sao_{index}.yaml")
        copies[-1].write_text(f"{text}# bản sao {index}\n", encoding="utf-8")
    api.render_plan(source, out)
    cached, cached_cpu = _timed(lambda _: api.render_plan(source, out), repeats)
    fresh, fresh_cpu = _timed(lambda index: api.render_plan(copies[index], out), repeats)
    template = naive_template()
    context = naive_context(load_plan(source).document)
    naive_render(template, context)
    naive, naive_cpu = _timed(lambda _: naive_render(template, context), repeats)
    shutil.rmtree(folder)
    return {"cached": cached, "cached_cpu": cached_cpu, "fresh": fresh, "fresh_cpu": fresh_cpu,
            "naive": naive, "naive_cpu": naive_cpu}


def run_in_child(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_render(folder: Path, repeats: int) -> None:
    print(f"Warm render, median of {repeats}, each case in its own process. Ours: YAML file -> .docx on disk, the same "
          "file again (cached parse) and a fresh copy (parsed anew); naive: docxtpl render + save of a prepared "
          "context. CPU seconds (wall in brackets; the machine is shared)")
    print(f"{'case':24} {'ours cached':>14} {'ours fresh':>14} {'naive':>14} {'ratio cached':>13} {'ratio fresh':>12} "
          f"{'target':>7}")
    cases = [("seed plan (5 tasks)", SEED, 1.0)] + [
        (f"{kind}, {n} tasks", grow(n, folder), 0.5)
        for kind, grow in (("plan", big_plan), ("grouped", big_grouped_plan)) for n in TASK_COUNTS]
    for name, path, target in cases:
        r = run_in_child("--case", str(path), "--repeats", str(repeats))
        figures = " ".join(f"{r[k + '_cpu']:>6.3f} ({r[k]:5.3f})" for k in ("cached", "fresh", "naive"))
        print(f"{name:24} {figures} {r['cached_cpu'] / r['naive_cpu']:>13.2f} {r['fresh_cpu'] / r['naive_cpu']:>12.2f} "
              f"{'<= ' + str(target):>7}")
    print("Cold: hanhchinh-docs render in a new process (imports included), median of", min(repeats, 3))
    print(f"{'case':24} {'cpu s':>7} {'wall s':>7} {'RSS MB':>7} {'exit':>5} {'target':>18}")
    for name, grow in (("plan", big_plan), ("grouped", big_grouped_plan)):
        source = grow(5000, folder)
        runs = [run_measured([sys.executable, "-m", "hanhchinh_docs", "render", str(source), "-o",
                              str(folder / "lanh.docx")]) for _ in range(min(repeats, 3))]
        cpu, wall, rss = (statistics.median(run[i] for run in runs) for i in range(3))
        print(f"{name + ', 5000 tasks':24} {cpu:7.2f} {wall:7.2f} {rss:7.0f} {runs[-1][3]:5d} {'<= 2 s, <= 300 MB':>18}")


def unit_sheet(folder: Path, units: int) -> Path:
    shutil.copy(SEED, folder)
    (folder / "mau.yaml").write_text(BASE_REPORT, encoding="utf-8")
    sheet = folder / "don_vi.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Đơn vị", "Viết tắt", "Số", "Ngày", "NV01", "Kết quả NV01", "NV03", "NV04", "NV05"])
        for i in range(1, units + 1):
            writer.writerow([i, f"UBND XÃ SỐ {i}", f"UBX{i}", i, "2024-03-14", "Hoàn thành", f"Đăng {i} tin, bài",
                             "Đang thực hiện", "Hoàn thành", "Chưa thực hiện"])
    return sheet


def bench_batch(folder: Path, units: int) -> None:
    sheet = unit_sheet(folder, units)
    command = [sys.executable, "-m", "hanhchinh_docs", "batch", str(sheet), "--bao-cao", str(folder / "mau.yaml"),
               "-o", str(folder / "out"), "-j", "2"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    made = len(list((folder / "out").glob("*.docx")))
    print(f"batch of {units} quarterly reports (-j 2, PDF off): {wall:.1f} s wall, {cpu:.1f} s CPU in all processes "
          f"({cpu / units * 1000:.1f} ms per report; so >= {cpu / 2:.1f} s wall on 2 idle cores), {made} made, "
          f"exit {done.returncode} (target <= 10 s wall)")


def bench_help() -> None:
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "hanhchinh_docs", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    print(f"hanhchinh-docs --help: {statistics.median(times):.3f} s (median of 5; target <= 0.3 s)")


def bench_pdf(folder: Path, count: int) -> None:
    from hanhchinh_docs import api

    sheet = unit_sheet(folder, count)
    docs = [o.output for o in api.render_batch(sheet, folder / "docx", base_report=folder / "mau.yaml").outcomes]
    t0 = time.perf_counter()
    outcomes = api.convert_pdfs(docs, folder / "pdf")
    wall = time.perf_counter() - t0
    ok = sum(1 for o in outcomes if o.error is None)
    print(f"PDF of {count} reports in one LibreOffice run: {wall:.1f} s, {wall / count:.3f} s per document, "
          f"{ok} made (target <= 0.3 s per document)")


READ_TARGETS = {("check", 2000): 2.0, ("check", 5000): 3.0, ("import", 5000): 3.0}
"""CPU seconds issue 13 sets (start-up included)."""


def run_measured(command: list[str]) -> tuple[float, float, float, int]:
    """CPU seconds, wall seconds and peak RSS (MB) of one new process, and its exit code."""
    t0 = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - t0
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def bench_read(folder: Path, which: tuple[str, ...], repeats: int) -> None:
    print("check / import of a rendered plan: one new process each (start-up included), median of",
          min(repeats, 3))
    print(f"{'case':26} {'cpu s':>7} {'wall s':>7} {'RSS MB':>7} {'exit':>5} {'target cpu':>11}")
    for tasks in (2000, 5000):
        docx = folder / f"ke_hoach_{tasks}.docx"
        subprocess.run([sys.executable, "-m", "hanhchinh_docs", "render", str(big_plan(tasks, folder)), "-o", str(docx)],
                       capture_output=True, check=True)
        for command in which:
            extra = ["-o", str(folder / f"nhap_{tasks}.yaml"), "--ghi-de"] if command == "import" else []
            runs = [run_measured([sys.executable, "-m", "hanhchinh_docs", command, str(docx), *extra])
                    for _ in range(min(repeats, 3))]
            cpu, wall, rss = (statistics.median(run[i] for run in runs) for i in range(3))
            target = READ_TARGETS.get((command, tasks))
            print(f"{command + f', {tasks} tasks':26} {cpu:7.2f} {wall:7.2f} {rss:7.0f} {runs[-1][3]:5d} "
                  f"{f'<= {target:.1f}' if target else '':>11}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=("render", "batch", "help", "pdf", "check", "import"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--pdf-count", type=int, default=100)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure_case(args.case, args.repeats)))
        return
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        if args.only in (None, "help"):
            bench_help()
        if args.only in (None, "render"):
            bench_render(folder, args.repeats)
        if args.only in (None, "batch"):
            (folder / "batch").mkdir()
            bench_batch(folder / "batch", args.units)
        if args.only in (None, "pdf"):
            (folder / "pdf_case").mkdir()
            bench_pdf(folder / "pdf_case", args.pdf_count)
        if args.only in (None, "check", "import"):
            (folder / "read").mkdir()
            bench_read(folder / "read", (args.only,) if args.only else ("check", "import"), args.repeats)


if __name__ == "__main__":
    main()
