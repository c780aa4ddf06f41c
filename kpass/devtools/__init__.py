"""Tools for the people who build kpass, not for the office: the translation catalog
(``python -m kpass.devtools.translation_catalog``, run by ``scripts/update-translations``)
and the README's screenshots (``kpass screenshots``). They may use every layer."""
