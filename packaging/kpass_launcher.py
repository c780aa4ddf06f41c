"""Entry point of the frozen bundle (PyInstaller needs a script, not a console entry)."""

import multiprocessing

if __name__ == "__main__":
    # Worker processes (the what-if over a whole register, demo data) start the bundle's
    # executable again; freeze_support() makes such a start run the worker, not the app.
    multiprocessing.freeze_support()
    from kpass.cli import main

    raise SystemExit(main())
