"""Help: the user guide (F1, the page that fits the screen) and "Über kpass"."""
