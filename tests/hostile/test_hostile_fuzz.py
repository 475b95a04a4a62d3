"""Property: a random plan either renders to a document that holds its texts, or is refused with
exit 2 and a Vietnamese message naming the file; never a traceback, never an evaluated tag."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import docx
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanhchinh_docs.cli.main import cli
from tests.hostile.hostile_support import write_yaml
from tests.support.docx_facts import document_text
from tests.support.plans import plan_data

PIECES = st.sampled_from([
    "{{ nam }}", "{{nam}}", "}}", "%}", "{% raw %}{{ x }}{% endraw %}", "\u0301" * 40, "\u0323\u0302", "\t",
    "\n", ": ", " #", "'", '"', "&", "<w:t>", "]]>", "2024-02-30", "ﬁ", "\u200d", "\u202e", "\U0001F600", "Đ",
    "ư", " ", "{_{ a }_} {_% b %_}",
])
"""Pieces that must print as written (the year substituted)."""
REFUSED = st.sampled_from(["{{", "{%", "{#", "{{ 7*7 }}", "{{ nam|center(10**9) }}", "\x00", "\x1b", "\x7f",
                           "\ufffe", "\uffff", "\U0010FFFF"])
"""Pieces that must be refused with a message."""
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp"))
SOMETIMES_REFUSED = st.integers(0, 9).flatmap(lambda n: REFUSED if n == 0 else st.just(""))
TEXT = st.tuples(st.lists(st.one_of(PIECES, st.text(CHARACTERS, max_size=40)), max_size=12), SOMETIMES_REFUSED,
                 st.integers(0, 12)).map(lambda t: "".join(t[0][:t[2]] + [t[1]] + t[0][t[2]:])[:400])
LETTER = st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐ")
RECIPIENT = st.tuples(LETTER, TEXT, LETTER).map("".join)


def _expected(text: str) -> str:
    """How the text is printed: NFC, trimmed, the year substituted, a raw block as written."""
    printed = unicodedata.normalize("NFC", text).replace("{{ nam }}", "2024").replace("{{nam}}", "2024")
    return printed.replace("{% raw %}{{ x }}{% endraw %}", "{{ x }}").strip()


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(subject=TEXT, task=TEXT, recipients=st.lists(RECIPIENT, min_size=1, max_size=3))
def test_random_plans_render_their_texts_or_are_refused_plainly(subject, task, recipients):
    with tempfile.TemporaryDirectory() as folder:
        data = plan_data(trich_yeu=subject, noi_nhan=recipients)
        data["phu_luc"][0]["nhiem_vu"][0]["noi_dung"] = task
        source = write_yaml(Path(folder) / "plan.yaml", data)
        out = Path(folder) / "plan.docx"
        result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out)])
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
        if result.exit_code == 2:
            assert result.output.startswith("Lỗi: ") and "plan.yaml" in result.output
            assert not out.exists()
            return
        text = "\n".join(document_text(docx.Document(str(out))))
        for written in (subject, task, *recipients):
            assert _expected(written) in text, (written, _expected(written))
