"""Reusable widgets of the officer's app."""
