"""Who is offered the takeover wizard: apart from the wizard, so that the main window can
show or hide its menu entry without loading the wizard and the import service."""

from kpass.services.access import Permission

#: The permission that decides whether the wizard is offered (the service's).
PERMISSION = Permission.SETTINGS
