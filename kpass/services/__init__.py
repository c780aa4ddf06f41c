"""The use cases of kpass, one transaction each: the only API the UI and the command line
call. ``Database`` is the handle of the register that every use case takes."""

from kpass.models.engine import Database

__all__ = ["Database"]
