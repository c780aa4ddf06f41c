"""What the installable application is made of stays consistent with the code: every package
of the tree is shipped, one version everywhere, the desktop entry, AppStream metadata, the
icon sizes and the Windows installer script agree."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PIL import Image

from kpass import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_every_package_of_the_tree_is_shipped() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    tree = {".".join(init.parent.relative_to(ROOT).parts)
            for init in (ROOT / "kpass").rglob("__init__.py")}
    assert tree - listed == set(), "add them to [tool.setuptools] packages in pyproject.toml"
    assert listed - tree == {"kpass._resources"}


def test_one_version_for_package_bundle_and_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kpass.__version__"}
    metainfo = ElementTree.parse(PACKAGING / "de.karlsruhe.kpass.metainfo.xml").getroot()
    newest = metainfo.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert "#error" in (PACKAGING / "kpass.iss").read_text()  # the version must be passed
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


def test_desktop_entry_and_metainfo_name_each_other() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "kpass.desktop", encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Type"] == "Application" and fields["Exec"].split()[0] == "kpass"
    assert fields["Icon"] == "kpass" and fields["Categories"].endswith(";")
    metainfo = ElementTree.parse(PACKAGING / "de.karlsruhe.kpass.metainfo.xml").getroot()
    assert metainfo.findtext("launchable") == "kpass.desktop"
    assert metainfo.findtext("project_license") == "EUPL-1.2"


def test_icons_have_the_sizes_their_names_say() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "kpass.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"kpass-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(icons / "kpass.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]


def test_the_bundle_carries_what_the_app_needs_at_run_time() -> None:
    spec = (PACKAGING / "kpass.spec").read_text()
    for needed in ('"resources"', '"migrations"', '"handbuch"', '"screenshots"',
                   "copy_metadata", "kpass.ico", "metainfo.xml", "kpass.desktop"):
        assert needed in spec, needed


@pytest.mark.parametrize(("tool", "package", "argv"), [
    ("appstreamcli", "appstream", ["validate", "--no-net", "de.karlsruhe.kpass.metainfo.xml"]),
    ("desktop-file-validate", "desktop-file-utils", ["kpass.desktop"]),
])
def test_the_desktop_tools_accept_the_metadata(tool: str, package: str, argv: list[str]) -> None:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} missing (apt-get install {package}; ./test.sh installs it)")
        pytest.skip(f"{tool} missing (apt-get install {package})")
    checked = subprocess.run([found, *argv], cwd=PACKAGING, capture_output=True, text=True,
                             timeout=60, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _name(requirement: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement)[0]).lower()  # type: ignore[index]


def test_about_lists_every_library_the_app_runs_with() -> None:
    """Every distribution the installed kpass pulls in at run time (with PostgreSQL) is in
    kpass.components.LIBRARIES, so "Über kpass" and the bundle carry its licence."""
    import importlib.metadata as metadata

    from kpass.components import LIBRARIES

    listed = {_name(distribution) for _, distribution, _ in LIBRARIES}
    seen: set[str] = set()
    waiting = [r for r in metadata.requires("kpass") or []
               if "extra ==" not in r or 'extra == "postgres"' in r]
    while waiting:
        requirement = waiting.pop()
        name = _name(requirement)
        if name in seen or ("extra ==" in requirement and "postgres" not in requirement):
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # for another platform (tzdata on Windows)
        seen.add(name)
        waiting += [r for r in distribution.requires or [] if "extra ==" not in r]
    assert len(seen) > 15
    assert sorted(seen - listed) == []
