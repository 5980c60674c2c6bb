"""Subcommands that live outside cli.py, each module adding its own parsers."""
