"""The supervisors' queue of decisions waiting under the four-eyes rule."""
