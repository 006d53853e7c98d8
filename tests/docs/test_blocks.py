"""Every code block of the docs has a runner (``python -m docsite.blocks`` runs them in CI).

Running them all takes about half a minute, so the suite checks only that each block
will be run or says why not; ``.ci/run`` runs them.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from docsite import blocks as runner
from docsite.blocks import RUN, SHOWN, blocks, console_steps, pages, run_page

BLOCKS = [b for page in pages() for b in blocks(page)]


def test_the_pages_have_blocks() -> None:
    assert len(BLOCKS) > 40


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.where)
def test_every_block_is_run_or_says_why_not(block: runner.Block) -> None:
    assert block.lang in (*RUN, *SHOWN) or block.no_run, (
        f"{block.where}: give the block a language the runner knows ({', '.join(RUN)}; "
        f"{', '.join(SHOWN)} are shown only), or say why it is not run"
    )
    if block.lang == "console" and not block.no_run:
        assert console_steps(block.text), f"{block.where}: a console block shows `$ commands`"


def test_a_page_runs_in_order_and_a_stale_example_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- blocks: fresh -->\n\n```python\nx = 2\n```\n\n```python\n>>> x + 1\n3\n```\n\n"
        "```console\n$ estrategy rule STR001 | head -1\n# orphan-tactic (STR001)\n"
        "$ estrategy rule STR001 | head -1\n# something else\n```\n\n"
        "```python\n>>> x\n4\n```\n\n"
        "```python\n>>> y = x * 10\n```\n\n```python\nassert y == 20\n```\n",
        encoding="utf-8",
    )
    statuses = [o.status for o in run_page(page)]
    # a doctest's names stay for the blocks after it, as a notebook's cells do
    assert statuses == ["ok", "ok", "ok", "failed", "failed", "ok", "ok"]


def test_the_docstring_examples_hold() -> None:
    result = doctest.testmod(runner)
    assert result.attempted
    assert not result.failed
