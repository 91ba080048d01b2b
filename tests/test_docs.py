"""The README documents every command, so a new command cannot ship undocumented."""

import re

import pytest

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
