""".docx -> PDF through LibreOffice (``soffice --headless``).

One LibreOffice process converts a whole list of files (a start costs over a second; each further
file about 0.15 s), with a private profile made for that call, so parallel calls never share one
(a shared profile makes the second call hand its files to the first process, or fail silently).
PDF/A-2b on request (ND 30 Phụ lục I, Phần II asks for PDF 1.4 or later for archiving); LibreOffice
embeds the fonts it uses. Each PDF reaches its target through a temporary file and a rename.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hanhchinh_docs.errors import OutputError, PdfError, SourceLocation
from hanhchinh_docs.output import write_atomically

START_SECONDS = 90
"""Time allowed for LibreOffice to start (a first start with a new profile takes a few seconds)."""
SECONDS_PER_FILE = 30
"""Time allowed per document on top of the start: a stuck conversion is stopped, never waited for."""

_PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""PDF/A-2b (JSON filter options, LibreOffice 7.4 and later; older versions ignore them)."""

_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")

MISSING_MESSAGE = (
    "Không tìm thấy LibreOffice (lệnh 'soffice') để chuyển sang PDF. Cách cài: trên Windows, tải "
    "LibreOffice từ libreoffice.org, cài đặt rồi thêm thư mục 'C:\\Program Files\\LibreOffice\\program' "
    "vào biến môi trường PATH; trên Debian/Ubuntu chạy 'sudo apt install libreoffice-writer-nogui'")


@dataclass(frozen=True)
class PdfJob:
    """One conversion: the .docx to read and the .pdf to write."""

    source: Path
    target: Path


@dataclass(frozen=True)
class PdfOutcome:
    """What became of one job: ``error`` is None when the PDF was written."""

    job: PdfJob
    error: str | None = None


def find_soffice() -> str:
    """The LibreOffice program; raises ``PdfError`` with install instructions when there is none."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for place in _WINDOWS_PLACES:
            if Path(place).is_file():
                return place
    raise PdfError(MISSING_MESSAGE)


def convert_to_pdf(jobs: Sequence[PdfJob], pdfa: bool = False,
                   on_done: Callable[[PdfOutcome], None] | None = None) -> list[PdfOutcome]:
    """Convert every job in one LibreOffice process; a file that fails does not stop the others.

    ``on_done`` is told of each file as soon as LibreOffice has written it (for a progress bar).
    Raises ``PdfError`` only when LibreOffice is missing or cannot start at all.
    """
    if not jobs:
        return []
    soffice = find_soffice()
    for job in jobs:
        if not job.source.is_file():
            raise PdfError(f"Không tìm thấy tệp Word '{job.source}'", SourceLocation(str(job.source)))
    with tempfile.TemporaryDirectory(prefix="hanhchinh_pdf_") as work:
        work_dir = Path(work)
        inbox, outbox = work_dir / "in", work_dir / "out"
        inbox.mkdir()
        outbox.mkdir()
        # Numbered copies: two inputs may share a name, and LibreOffice names each PDF after its input.
        staged = []
        for index, job in enumerate(jobs):
            copy = inbox / f"{index:06d}.docx"
            shutil.copyfile(job.source, copy)
            staged.append(copy)
        outcomes: list[PdfOutcome] = []

        def deliver_up_to(count: int, finished: bool) -> None:
            while len(outcomes) < count:
                index = len(outcomes)
                outcome = _deliver(jobs[index], outbox / f"{index:06d}.pdf", finished)
                outcomes.append(outcome)
                if on_done is not None:
                    on_done(outcome)

        finished = _run_soffice(soffice, staged, outbox, work_dir / "profile", pdfa, deliver_up_to)
        deliver_up_to(len(jobs), finished)
        return outcomes


def _deliver(job: PdfJob, produced: Path, passed: bool) -> PdfOutcome:
    """``passed``: LibreOffice went past this file (so a missing PDF means it could not read it)."""
    if not produced.is_file() or produced.stat().st_size == 0:
        why = ("LibreOffice không đọc được tệp này (tệp hỏng hoặc không phải văn bản Word?)" if passed
               else "LibreOffice chạy quá thời gian cho phép và đã bị dừng")
        return PdfOutcome(job, f"Không chuyển được '{job.source}' sang PDF: {why}")
    try:
        write_atomically(job.target, lambda temp: shutil.copyfile(produced, temp), protect=(job.source,))
    except OutputError as exc:
        return PdfOutcome(job, str(exc))
    return PdfOutcome(job)


def _run_soffice(soffice: str, files: list[Path], outbox: Path, profile: Path, pdfa: bool,
                 progress: Callable[[int, bool], None]) -> bool:
    """Run one conversion of every file; True when LibreOffice finished in time."""
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", _PDFA_FILTER if pdfa else "pdf", "--outdir", str(outbox),
               *map(str, files)]
    limit = START_SECONDS + SECONDS_PER_FILE * len(files)
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=(os.name == "posix"))
    except OSError as exc:
        raise PdfError(f"Không chạy được LibreOffice ('{soffice}'): {exc.strerror or exc}. {MISSING_MESSAGE}") \
            from exc
    deadline = time.monotonic() + limit
    while process.poll() is None:
        if time.monotonic() > deadline:
            _stop(process)
            return False
        # LibreOffice converts in order: once file i + 1 has appeared, file i is complete.
        started = [int(f.stem) for f in outbox.glob("*.pdf") if f.stem.isdigit()]
        if started:
            progress(max(started), True)
        time.sleep(0.1)
    return True


def _stop(process: subprocess.Popen) -> None:
    """End LibreOffice and its helper processes (its own session on POSIX)."""
    if os.name == "posix":
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:
        process.kill()
    process.wait()
