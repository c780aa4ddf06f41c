"""The user's own settings (the language of the interface)."""
