"""Entry point of the frozen bundle (PyInstaller needs a script, not a console entry)."""

from kpass.cli import main

raise SystemExit(main())
