"""Shared fixtures: paths to the project's shared seeds and gold, and small file builders."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _shared_dir(name: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is not available (the shared seeds and gold sit beside the repository)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _shared_dir("seeds")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _shared_dir("gold")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"


ARTIFACTS = REPO / "test-artifacts"
"""Screenshots and pages the browser tests leave for people to look at."""


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium (`make test` installs it); Playwright's own browser download is not used."""
    import os
    import shutil

    path = os.environ.get("DYADS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "chromium is not installed: run `make test` (it installs Debian's chromium) or set DYADS_CHROMIUM"
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A page that fails the test on any script error or dialog (an `alert` means injected script ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    yield opened
    context.close()
    assert problems == []
