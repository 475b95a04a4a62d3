"""Benchmark: time and peak memory of rendering (and checking the result), and the CLI's start-up time.

    python benchmarks/bench_render.py            # all cases, a table on stdout
    python benchmarks/bench_render.py --tasks 2000

Each case runs in its own process so its peak memory (ru_maxrss) is its own. "cold" is the
first render in a fresh process (imports included); "warm" is the median of later renders of the
same file (its parse kept by the hash of its bytes; bench_output.py also times fresh files and the
naive docxtpl render). Wall and CPU seconds: the machine may be shared, CPU is the steadier figure.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml"
GROUPED = ROOT / "examples" / "ke_hoach_cai_cach_hanh_chinh_2025.yaml"


def big_plan(tasks: int, folder: Path) -> Path:
    """The seed plan with its appendix grown to ``tasks`` rows (the seed's rows repeated)."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    rows = data["phu_luc"][0]["nhiem_vu"]
    grown = []
    for index in range(tasks):
        row = copy.deepcopy(rows[index % len(rows)])
        row["ma"] = f"NV{index + 1:04d}"
        grown.append(row)
    data["phu_luc"][0]["nhiem_vu"] = grown
    path = folder / f"ke_hoach_{tasks}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def big_grouped_plan(tasks: int, folder: Path) -> Path:
    """The grouped example (seven columns, product rows) with ``tasks`` tasks in seven groups."""
    data = yaml.safe_load(GROUPED.read_text(encoding="utf-8"))
    appendix = data["phu_luc"][0]
    rows = [task for group in appendix["nhom"] for task in group["nhiem_vu"]]
    groups = [{"ten": f"Nhóm nhiệm vụ {g + 1}", "nhiem_vu": []} for g in range(7)]
    for index in range(tasks):
        row = copy.deepcopy(rows[index % len(rows)])
        row["ma"] = f"NV{index + 1:04d}"
        groups[index * 7 // tasks]["nhiem_vu"].append(row)
    appendix["nhom"] = groups
    path = folder / f"ke_hoach_nhom_{tasks}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def measure_in_process(source: str, repeats: int) -> dict:
    """Render ``source`` once cold, then ``repeats`` times warm; then run ``check`` on the result once."""
    start = time.perf_counter()
    from hanhchinh_docs import api
    from hanhchinh_docs.checker import check_document

    render = api.render_document  # a plan or a report, by its ``loai``, as ``hanhchinh-docs render`` does
    out = Path(tempfile.mkdtemp()) / "out.docx"
    render(source, out)
    cold, cold_cpu = time.perf_counter() - start, time.process_time()
    warm, warm_cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        render(source, out)
        warm.append(time.perf_counter() - t0)
        warm_cpu.append(time.process_time() - c0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    check_document(out)
    check_s = time.perf_counter() - t0
    return {
        "cold_s": round(cold, 3),
        "cold_cpu_s": round(cold_cpu, 3),
        "warm_median_s": round(statistics.median(warm), 3) if warm else None,
        "warm_cpu_s": round(statistics.median(warm_cpu), 3) if warm else None,
        "peak_rss_mb": round(rss, 1),
        "output_kb": round(out.stat().st_size / 1024, 1),
        "check_s": round(check_s, 3),
    }


def run_case(plan: Path, repeats: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--one", str(plan), "--repeats", str(repeats)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def cli_startup(repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "hanhchinh_docs", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_in_process(args.one, args.repeats)))
        return
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "seed plan (5 tasks)": SEED,
            f"plan with {args.tasks} tasks": big_plan(args.tasks, Path(folder)),
            f"grouped, {args.tasks} tasks": big_grouped_plan(args.tasks, Path(folder)),
            "quarterly report": ROOT / "examples" / "bao_cao_quy_1_2024.yaml",
        }
        print(f"hanhchinh-docs --help: {cli_startup()} s (median of 5, new process each)")
        print(f"{'case':28} {'cold s':>8} {'cold cpu':>9} {'warm s':>8} {'warm cpu':>9} {'peak MB':>8} {'docx KB':>8}"
              f" {'check s':>8}")
        for name, plan in cases.items():
            r = run_case(plan, args.repeats)
            print(f"{name:28} {r['cold_s']:>8} {r['cold_cpu_s']:>9} {r['warm_median_s']:>8} {r['warm_cpu_s']:>9}"
                  f" {r['peak_rss_mb']:>8} {r['output_kb']:>8} {r['check_s']:>8}")
        print("peak MB: render, then check of the result, in one process (issue 9: 5,000 grouped tasks "
              "<= 2 s, <= 300 MB for the render; bench_output.py --only render times it alone)")


if __name__ == "__main__":
    main()
