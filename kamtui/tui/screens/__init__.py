"""Screens: the main screen the views live on, and the new-account dialog."""
