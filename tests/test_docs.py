"""The README documents every command, so a new command cannot ship undocumented."""

import re

import pytest
from click.testing import CliRunner

from dyads.cli import cli

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"^\$ dyads {command}\b", README, re.MULTILINE), (
        f"`dyads {command}` is not shown in README.md"
    )


def test_readme_opens_with_the_two_commands():
    head = "\n".join(README.splitlines()[:30])
    assert "make demo" in head
    assert "make test" in head


def test_readme_shows_real_output(tmp_path, monkeypatch):
    """The demo commands in the README print exactly what the README says they print."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "examples", "--db", "demo.duckdb"])
    second = runner.invoke(cli, ["ingest", "examples", "--db", "demo.duckdb"])
    stats = runner.invoke(cli, ["stats", "--db", "demo.duckdb"])
    export = runner.invoke(
        cli, ["export", "--db", "demo.duckdb", "--format", "parquet", "--out", "demo-export"]
    )
    assert shown_output("dyads ingest examples --db demo.duckdb") == [
        first.stdout.splitlines(),
        second.stdout.splitlines(),
    ]
    assert shown_output("dyads stats --db demo.duckdb") == [
        [line.rstrip() for line in stats.stdout.splitlines()]
    ]
    assert shown_output("dyads export --db demo.duckdb --format parquet --out demo-export") == [
        export.stdout.splitlines()
    ]


def shown_output(command: str) -> list[list[str]]:
    """The output the README shows under each `$ <command>`, up to the next prompt or fence."""
    lines = README.splitlines()
    blocks = []
    for index, line in enumerate(lines):
        if line == f"$ {command}":
            block = []
            for following in lines[index + 1 :]:
                if following.startswith(("$ ", "```")):
                    break
                block.append(following.rstrip())
            blocks.append(block)
    return blocks
