"""Reusable widgets of the guide."""
