"""Subcommands of the command line, one module each, hooked into cli.py."""
